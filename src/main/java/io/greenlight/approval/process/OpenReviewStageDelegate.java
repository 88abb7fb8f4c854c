package io.greenlight.approval.process;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;

import io.greenlight.approval.BusinessCalendar;
import io.greenlight.approval.ReviewProperties;
import io.greenlight.approval.ReviewStageService;
import io.greenlight.approval.StageDefinitions;
import io.greenlight.approval.StageRule;
import io.greenlight.deployment.CallableFromProcesses;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_OpenStage}: puts the stage on record with its rule and reviewers
 * (and the versions of the routing table and of this process it runs with) and sets its
 * deadlines: the due date in business days, and when reminders and the escalation fall.
 */
@CallableFromProcesses
@Component("openReviewStageDelegate")
class OpenReviewStageDelegate implements JavaDelegate {

	private final ReviewStageService stages;

	private final BusinessCalendar calendar;

	private final ReviewProperties properties;

	OpenReviewStageDelegate(ReviewStageService stages, BusinessCalendar calendar, ReviewProperties properties) {
		this.stages = stages;
		this.calendar = calendar;
		this.properties = properties;
	}

	@Override
	public void execute(DelegateExecution execution) {
		StageVariables variables = StageVariables.of(execution);
		// the engine's clock, so tests that move it see the deadlines move too
		ZonedDateTime now = ClockUtil.getCurrentTime().toInstant().atZone(ZoneOffset.UTC);
		ZonedDateTime due = this.calendar.deadline(now, variables.dueBusinessDays());
		StageRule rule = variables.rule();
		this.stages.open(execution.getProcessInstanceId(), variables.assetId(), variables.versionId(),
				variables.stage(), rule, variables.reviewers(), due.toOffsetDateTime(),
				definitions(execution, variables));
		// the gateway compares the rule's canonical name ("sequential" would miss it)
		execution.setVariable(StakeholderReviewProcess.Var.DECISION_RULE, rule.rule().name());
		variables.deadlines(Date.from(due.toInstant()),
				Date.from(due.minus(this.properties.reminderBeforeDue()).toInstant()),
				Date.from(due.plus(this.properties.reminderAfterDue()).toInstant()),
				Date.from(due.plus(this.properties.escalateAfterDue()).toInstant()));
	}

	// the definition this instance runs on, whichever version of this process the caller
	// bound; the routing table as the production evaluated it (RoutingTableListener)
	private static StageDefinitions definitions(DelegateExecution execution, StageVariables variables) {
		int reviewProcessVersion = ((ExecutionEntity) execution).getProcessDefinition().getVersion();
		return new StageDefinitions(variables.routingTableId(), variables.routingTableVersion(), reviewProcessVersion);
	}

}
