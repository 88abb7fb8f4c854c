package io.greenlight.notification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.greenlight.project.Project;
import io.greenlight.project.ProjectRepository;
import io.greenlight.project.ProjectRole;
import io.greenlight.security.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * Who reads why a delivery failed: creative-ops, and the producers of the project the
 * notification is about. A delivery error names hosts, ports and what answered there
 * ("Connection refused", "HTTP 401 from …"), which would let anyone who can subscribe a
 * webhook scan the networks the server reaches; everyone else sees that it failed, not
 * why.
 */
@Component
class DeliveryErrors {

	private final ProjectRepository projects;

	DeliveryErrors(ProjectRepository projects) {
		this.projects = projects;
	}

	List<OutboxNotification> shownTo(CurrentUser user, List<OutboxNotification> notifications) {
		if (user.seesAllProjects()) {
			return notifications;
		}
		Map<String, Boolean> producerOfAsset = new HashMap<>();
		List<OutboxNotification> shown = new ArrayList<>();
		for (OutboxNotification notification : notifications) {
			// a notification about no asset (the daily digest) belongs to no project
			boolean seesWhy = notification.lastError() == null || (notification.assetId() != null
					&& producerOfAsset.computeIfAbsent(notification.assetId(), assetId -> producerOf(user, assetId)));
			shown.add(seesWhy ? notification : withoutError(notification));
		}
		return shown;
	}

	private boolean producerOf(CurrentUser user, String assetId) {
		return this.projects.findByAsset(assetId)
			.map(Project::id)
			.filter(projectId -> this.projects.hasRole(projectId, user.id(), ProjectRole.PRODUCER))
			.isPresent();
	}

	private static OutboxNotification withoutError(OutboxNotification n) {
		return new OutboxNotification(n.id(), n.idempotencyKey(), n.event(), n.recipient(), n.channel(), n.assetId(),
				n.versionId(), n.taskId(), n.subject(), n.detail(), n.status(), n.attempts(), null, n.createdAt(),
				n.nextAttemptAt(), n.sentAt());
	}

}
