package io.greenlight.notification;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.springframework.stereotype.Component;

/**
 * Who is in a group, from the engine's identity service, whoever is signed in. A user
 * query runs with the caller's authorizations, and most users may read only their own
 * user: a producer completing a task would otherwise find no other group member to
 * notify.
 */
@Component
public class GroupMembers {

	private final ProcessEngineConfigurationImpl engine;

	GroupMembers(ProcessEngineConfiguration engine) {
		this.engine = (ProcessEngineConfigurationImpl) engine;
	}

	/** The user ids of the group's members, sorted. */
	public List<String> of(String groupId) {
		Command<List<String>> members = commandContext -> {
			commandContext.disableAuthorizationCheck();
			try {
				return commandContext.getReadOnlyIdentityProvider()
					.createUserQuery()
					.memberOfGroup(groupId)
					.orderByUserId()
					.asc()
					.list()
					.stream()
					.map(User::getId)
					.toList();
			}
			finally {
				commandContext.enableAuthorizationCheck();
			}
		};
		return this.engine.getCommandExecutorTxRequired().execute(members);
	}

}
