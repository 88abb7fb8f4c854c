package io.greenlight.approval.process;

import java.util.Arrays;
import java.util.Date;
import java.util.List;

import io.greenlight.approval.StageRule;
import io.greenlight.approval.process.StakeholderReviewProcess.Var;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed access to a review stage's variables.
 */
final class StageVariables {

	// names the production passes in unchanged
	static final String ASSET_ID = "assetId";

	static final String ASSET_VERSION_ID = "assetVersionId";

	static final String PRODUCTION_STAGE = "productionStage";

	private final VariableScope scope;

	private StageVariables(VariableScope scope) {
		this.scope = scope;
	}

	static StageVariables of(VariableScope scope) {
		return new StageVariables(scope);
	}

	String assetId() {
		return required(ASSET_ID);
	}

	String versionId() {
		return required(ASSET_VERSION_ID);
	}

	String stage() {
		return required(PRODUCTION_STAGE);
	}

	List<String> reviewers() {
		return split(required(Var.REVIEWERS));
	}

	static List<String> split(String reviewers) {
		return Arrays.stream(reviewers.split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
	}

	StageRule rule() {
		Object quorum = this.scope.getVariable(Var.QUORUM);
		return StageRule.of(required(Var.DECISION_RULE),
				(quorum == null || quorum.toString().isBlank()) ? null : Integer.valueOf(quorum.toString()),
				(String) this.scope.getVariable(Var.PRIMARY_REVIEWER));
	}

	int dueBusinessDays() {
		Object days = this.scope.getVariable(Var.DUE_BUSINESS_DAYS);
		return (days == null) ? 0 : Integer.parseInt(days.toString());
	}

	/** The routing table's decision definition id, or null when no table routed it. */
	String routingTableId() {
		Object id = this.scope.getVariable(Var.ROUTING_TABLE_ID);
		return (id == null) ? null : id.toString();
	}

	Integer routingTableVersion() {
		Object version = this.scope.getVariable(Var.ROUTING_TABLE_VERSION);
		return (version == null) ? null : Integer.valueOf(version.toString());
	}

	void deadlines(Date dueAt, Date reminderBefore, Date reminderAfter, Date escalateAt) {
		this.scope.setVariable(Var.STAGE_DUE_AT, dueAt);
		this.scope.setVariable(Var.REMINDER_BEFORE_DUE_AT, reminderBefore);
		this.scope.setVariable(Var.REMINDER_AFTER_DUE_AT, reminderAfter);
		this.scope.setVariable(Var.ESCALATE_AT, escalateAt);
	}

	/** The group that takes over silent reviewers' reviews when overdue, or null. */
	String backupGroup() {
		Object group = this.scope.getVariable(Var.BACKUP_GROUP);
		return (group == null || group.toString().isBlank()) ? null : group.toString().trim();
	}

	String reminder() {
		return required(Var.REMINDER);
	}

	void outcome(String outcome) {
		this.scope.setVariable(Var.REVIEW_OUTCOME, outcome);
	}

	void conflict(boolean conflict) {
		this.scope.setVariable(Var.STAGE_CONFLICT, conflict);
	}

	private String required(String name) {
		Object value = this.scope.getVariable(name);
		if (value == null) {
			throw new IllegalStateException("Process variable '" + name + "' is missing");
		}
		return value.toString();
	}

}
