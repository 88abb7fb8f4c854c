package io.greenlight.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.greenlight.approval.process.StakeholderReviewProcess;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drives productions on the real engine the way its users do, each signed in with their
 * group: the producer starts one from a brief of the demo project, creatives produce
 * versions, reviewers decide; the jobs in between run at once.
 */
public final class EngineProductions {

	private final ProcessEngine engine;

	private final JdbcClient jdbc;

	public EngineProductions(ProcessEngine engine, JdbcClient jdbc) {
		this.engine = engine;
		this.jdbc = jdbc;
	}

	/** The producer starts {@code processId} with a brief for a web video. */
	public ProcessInstance start(String processId, String title) {
		Map<String, Object> brief = Map.of("briefTitle", title, "projectCode", "ACME-SUMMER", "deliverableType",
				"VIDEO", "channel", "WEB", "dueDate", "2027-01-15", "briefDescription",
				"A poster for bus shelters " + UUID.randomUUID());
		ProcessInstance[] started = new ProcessInstance[1];
		as("producer", "producers",
				() -> started[0] = this.engine.getRuntimeService().startProcessInstanceByKey(processId, brief));
		return started[0];
	}

	/** The creative claims the step and links the next version. */
	public void produceVersion(ProcessInstance production, String activityId) {
		Task task = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(production.getId())
			.taskDefinitionKey(activityId)
			.singleResult();
		as("creative", "creatives", () -> {
			this.engine.getTaskService().claim(task.getId(), "creative");
			this.engine.getTaskService().complete(task.getId(), Map.of("versionNote", "Poster, next cut"));
		});
		executeJobs(production);
	}

	/** The reviewer's open review task of the production, null when there is none. */
	public Task reviewTask(ProcessInstance production, String reviewer) {
		return this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(production.getBusinessKey())
			.taskDefinitionKeyIn(StakeholderReviewProcess.REVIEW_TASKS.toArray(String[]::new))
			.taskAssignee(reviewer)
			.singleResult();
	}

	/** The reviewer decides, and the production moves on until it waits again. */
	public void decide(ProcessInstance production, String reviewer, String group, String decision) {
		Task task = reviewTask(production, reviewer);
		Map<String, Object> variables = new HashMap<>();
		variables.put("decision", decision);
		variables.put("decisionComment", decision.equals("APPROVED") ? null : "Logo too small");
		as(reviewer, group, () -> this.engine.getTaskService().complete(task.getId(), variables));
		executeJobs(production);
	}

	public void as(String user, String group, Runnable action) {
		EngineUsers.authenticate(this.engine.getIdentityService(), user, List.of(group));
		try {
			action.run();
		}
		finally {
			this.engine.getIdentityService().clearAuthentication();
		}
	}

	/** Runs the due jobs of the production and its stages until it waits or ends. */
	public void executeJobs(ProcessInstance production) {
		List<Job> due = dueJobs(production);
		while (!due.isEmpty()) {
			for (Job job : due) {
				if (this.engine.getManagementService().createJobQuery().jobId(job.getId()).count() > 0) {
					this.engine.getManagementService().executeJob(job.getId());
				}
			}
			due = dueJobs(production);
		}
	}

	private List<Job> dueJobs(ProcessInstance production) {
		return this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(production.getBusinessKey())
			.list()
			.stream()
			.flatMap(instance -> this.engine.getManagementService()
				.createJobQuery()
				.processInstanceId(instance.getId())
				.executable()
				.list()
				.stream())
			.toList();
	}

	/** The production's asset id. */
	public String assetId(ProcessInstance production) {
		return this.jdbc.sql("SELECT id FROM asset WHERE process_instance_id = ?")
			.param(production.getId())
			.query(String.class)
			.single();
	}

	/** Each review stage of the asset so far: stage, rule, reviewers and outcome. */
	public List<String> stages(String assetId) {
		return this.jdbc
			.sql("SELECT stage, decision_rule, reviewers, outcome FROM review_stage WHERE asset_id = ? "
					+ "ORDER BY opened_at, id")
			.param(assetId)
			.query((rs, row) -> rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3) + ":" + rs.getString(4))
			.list();
	}

}
