package io.greenlight.approval.process;

import java.util.List;

/**
 * Ids and variable names of {@code processes/StakeholderReviewProcess.bpmn}, the review
 * stage a production calls once per stage. No other code spells them as string literals.
 */
public final class StakeholderReviewProcess {

	public static final String PROCESS_ID = "StakeholderReviewProcess";

	public static final String SERVICE_TASK_OPEN_STAGE = "ServiceTask_OpenStage";

	public static final String SUB_PROCESS_REVIEWS = "SubProcess_Reviews";

	/** Reviewers deciding side by side (every rule but SEQUENTIAL). */
	public static final String USER_TASK_REVIEW_ASSET = "UserTask_ReviewAsset";

	/** Reviewers deciding one after another (SEQUENTIAL). */
	public static final String USER_TASK_REVIEW_ASSET_IN_TURN = "UserTask_ReviewAssetInTurn";

	/** Every task a reviewer decides in. */
	public static final List<String> REVIEW_TASKS = List.of(USER_TASK_REVIEW_ASSET, USER_TASK_REVIEW_ASSET_IN_TURN);

	public static final String SERVICE_TASK_SETTLE_STAGE = "ServiceTask_SettleStage";

	public static final String USER_TASK_RESOLVE_CONFLICTING_FEEDBACK = "UserTask_ResolveConflictingFeedback";

	public static final String BOUNDARY_EVENT_REMINDER_BEFORE_DUE = "BoundaryEvent_ReminderBeforeDue";

	public static final String BOUNDARY_EVENT_REVIEW_DUE = "BoundaryEvent_ReviewDue";

	public static final String BOUNDARY_EVENT_REMINDER_AFTER_DUE = "BoundaryEvent_ReminderAfterDue";

	public static final String BOUNDARY_EVENT_REVIEW_OVERDUE = "BoundaryEvent_ReviewOverdue";

	public static final String USER_TASK_CHASE_OVERDUE_REVIEW = "UserTask_ChaseOverdueReview";

	public static final String SERVICE_TASK_FALL_BACK_TO_BACKUP_GROUP = "ServiceTask_FallBackToBackupGroup";

	public static final String END_EVENT_STAGE_SETTLED = "EndEvent_StageSettled";

	public static final String END_EVENT_CONFLICT_RESOLVED = "EndEvent_ConflictResolved";

	/**
	 * Variables. Inputs come from the calling production ({@code assetId},
	 * {@code assetVersionId}, {@code productionStage} keep the production's names).
	 */
	public static final class Var {

		/** Input: the reviewers' user ids, comma-separated. */
		public static final String REVIEWERS = "reviewers";

		/** Input: ALL, ANY, PRIMARY, QUORUM or SEQUENTIAL. */
		public static final String DECISION_RULE = "decisionRule";

		/** Input: how many approvals settle a QUORUM stage. */
		public static final String QUORUM = "quorum";

		/** Input: whose decision settles a PRIMARY stage. */
		public static final String PRIMARY_REVIEWER = "primaryReviewer";

		/** Input: how many business days the reviewers have. */
		public static final String DUE_BUSINESS_DAYS = "dueBusinessDays";

		/** Input, optional: who takes over silent reviewers' reviews when overdue. */
		public static final String BACKUP_GROUP = "backupGroup";

		/**
		 * Input, optional: the routing table (decision definition id) that chose the rule
		 * and reviewers, and its version; recorded with the stage.
		 */
		public static final String ROUTING_TABLE_ID = "routingTableId";

		public static final String ROUTING_TABLE_VERSION = "routingTableVersion";

		/** Set when the stage opens: the reviewers' due date, and the timers' dates. */
		public static final String STAGE_DUE_AT = "stageDueAt";

		public static final String REMINDER_BEFORE_DUE_AT = "reminderBeforeDueAt";

		public static final String REMINDER_AFTER_DUE_AT = "reminderAfterDueAt";

		public static final String ESCALATE_AT = "escalateAt";

		/** Multi-instance element variable: one reviewer's user id. */
		public static final String REVIEWER = "reviewer";

		/** Local to each reminder task: BEFORE_DUE, AT_DUE or AFTER_DUE. */
		public static final String REMINDER = "reminder";

		/** Set by the settle task: whether a producer has to resolve the feedback. */
		public static final String STAGE_CONFLICT = "stageConflict";

		/**
		 * Local to the conflict task: both sides' decisions and comments, for its form.
		 */
		public static final String FEEDBACK_SUMMARY = "feedbackSummary";

		/** Local to the conflict task: why the rule did not settle the stage. */
		public static final String CONFLICT_REASON = "conflictReason";

		/** The producer's answer in {@code ResolveConflictingFeedbackForm}. */
		public static final String RESOLUTION = "resolution";

		public static final String RESOLUTION_COMMENT = "resolutionComment";

		/** The producer's note in {@code ChaseOverdueReviewForm}. */
		public static final String CHASE_NOTE = "chaseNote";

		/** Output: the stage outcome, read by the production's gateways. */
		public static final String REVIEW_OUTCOME = "reviewOutcome";

		/**
		 * Set only by Greenlight (the calling production's mappings, the stage's
		 * delegates and listeners, a producer's change through the API): who reviews
		 * under which rule, whose review a task is, deadlines, the outcome and what the
		 * conflict form shows. Refused when a caller writes them, as are the production's
		 * ({@code assetId}, {@code assetVersionId}, {@code productionStage}, ...).
		 */
		public static final List<String> SERVER_SET = List.of(REVIEWERS, DECISION_RULE, QUORUM, PRIMARY_REVIEWER,
				DUE_BUSINESS_DAYS, BACKUP_GROUP, ROUTING_TABLE_ID, ROUTING_TABLE_VERSION, STAGE_DUE_AT,
				REMINDER_BEFORE_DUE_AT, REMINDER_AFTER_DUE_AT, ESCALATE_AT, REVIEWER, REMINDER, STAGE_CONFLICT,
				FEEDBACK_SUMMARY, CONFLICT_REASON, REVIEW_OUTCOME);

		private Var() {
		}

	}

	private StakeholderReviewProcess() {
	}

}
