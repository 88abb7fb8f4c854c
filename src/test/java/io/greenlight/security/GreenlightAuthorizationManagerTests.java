package io.greenlight.security;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a task list may skip the engine's per-task authorization join: only when it can
 * list nothing but tasks the engine granted the caller itself.
 */
class GreenlightAuthorizationManagerTests {

	@Test
	void theCallersOwnTasksAndTheTasksOfferedToThem() {
		assertThat(ownList(query().taskAssignee("riley"), "riley")).isTrue();
		assertThat(ownList(query().taskCandidateUser("riley"), "riley")).isTrue();
		assertThat(ownList(query().taskAssignee("riley").taskDefinitionKey("UserTask_ReviewAsset"), "riley")).isTrue();
	}

	@Test
	void notSomeoneElsesNorAPatternNorEveryonesNorAnyoneAnonymous() {
		assertThat(ownList(query().taskAssignee("robin"), "riley")).isFalse();
		assertThat(ownList(query().taskCandidateUser("robin"), "riley")).isFalse();
		assertThat(ownList(query().taskAssigneeLike("ril%"), "riley")).isFalse();
		assertThat(ownList(query().taskAssigneeIn("riley", "robin"), "riley")).isFalse();
		assertThat(ownList(query().taskCandidateGroup("reviewers"), "riley")).isFalse();
		assertThat(ownList(query(), "riley")).isFalse();
		assertThat(ownList(query().taskAssignee("riley"), null)).isFalse();
	}

	@Test
	void notAListWithOrBranches() {
		// an "or" branch may widen the list beyond the caller's own tasks
		TaskQueryImpl query = query();
		query.taskAssignee("riley").or().taskCandidateGroup("reviewers").endOr();

		assertThat(ownList(query, "riley")).isFalse();
	}

	private static boolean ownList(TaskQuery query, String caller) {
		return GreenlightAuthorizationManager.ownList((TaskQueryImpl) query, caller);
	}

	private static TaskQueryImpl query() {
		return new TaskQueryImpl();
	}

}
