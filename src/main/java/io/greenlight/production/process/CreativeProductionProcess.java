package io.greenlight.production.process;

import java.util.List;

/**
 * Ids and variable names of {@code processes/CreativeProductionProcess.bpmn}. No other
 * code spells them as string literals.
 */
public final class CreativeProductionProcess {

	public static final String PROCESS_ID = "CreativeProductionProcess";

	public static final String START_EVENT_BRIEF_SUBMITTED = "StartEvent_BriefSubmitted";

	public static final String USER_TASK_APPROVE_BRIEF = "UserTask_ApproveBrief";

	public static final String USER_TASK_PRODUCE_VERSION = "UserTask_ProduceVersion";

	/** The form of every step that asks for a new version, in any workflow. */
	public static final String FORM_PRODUCE_VERSION = "ProduceVersionForm";

	public static final String BUSINESS_RULE_TASK_ROUTE_INTERNAL_REVIEW = "BusinessRuleTask_RouteInternalReview";

	/** Calls {@code StakeholderReviewProcess} for the internal stage. */
	public static final String CALL_ACTIVITY_INTERNAL_REVIEW = "CallActivity_InternalReview";

	public static final String BUSINESS_RULE_TASK_ROUTE_CLIENT_REVIEW = "BusinessRuleTask_RouteClientReview";

	/** Calls {@code StakeholderReviewProcess} for the client stage. */
	public static final String CALL_ACTIVITY_CLIENT_REVIEW = "CallActivity_ClientReview";

	/** The routing table the business rule tasks evaluate. */
	public static final String DECISION_REVIEW_ROUTING = "ReviewRoutingDecision";

	public static final String USER_TASK_CONFIRM_ANOTHER_ROUND = "UserTask_ConfirmAnotherRound";

	public static final String END_EVENT_PRODUCTION_STOPPED = "EndEvent_ProductionStopped";

	public static final String SERVICE_TASK_NOTIFY_BRIEF_RETURNED = "ServiceTask_NotifyBriefReturned";

	public static final String SERVICE_TASK_NOTIFY_CHANGES_REQUESTED = "ServiceTask_NotifyChangesRequested";

	public static final String SERVICE_TASK_NOTIFY_ASSET_DELIVERED = "ServiceTask_NotifyAssetDelivered";

	public static final String END_EVENT_BRIEF_RETURNED = "EndEvent_BriefReturned";

	public static final String END_EVENT_DELIVERED = "EndEvent_Delivered";

	/**
	 * Variables. Brief fields come from the start form and leave the process once
	 * registered.
	 */
	public static final class Var {

		public static final String BRIEF_TITLE = "briefTitle";

		public static final String PROJECT_CODE = "projectCode";

		public static final String DELIVERABLE_TYPE = "deliverableType";

		public static final String CHANNEL = "channel";

		public static final String DUE_DATE = "dueDate";

		public static final String BRIEF_DESCRIPTION = "briefDescription";

		public static final String INITIATOR = "initiator";

		public static final String ASSET_ID = "assetId";

		public static final String ASSET_VERSION_ID = "assetVersionId";

		public static final String PRODUCTION_STAGE = "productionStage";

		public static final String BRIEF_DECISION = "briefDecision";

		public static final String BRIEF_COMMENT = "briefComment";

		public static final String VERSION_NOTE = "versionNote";

		public static final String FILE_LINK = "fileLink";

		/**
		 * An uploaded version's file, passed as transient variables: never stored in the
		 * engine.
		 */
		public static final String FILE_SHA256 = "fileSha256";

		public static final String FILE_NAME = "fileName";

		public static final String FILE_MEDIA_TYPE = "fileMediaType";

		public static final String FILE_SIZE = "fileSize";

		/** Transient, from an upload: how long a video or audio file runs, if known. */
		public static final String FILE_DURATION_MS = "fileDurationMs";

		public static final String VARIANT = "variant";

		public static final String DECISION = "decision";

		public static final String DECISION_COMMENT = "decisionComment";

		public static final String REVIEW_OUTCOME = "reviewOutcome";

		/**
		 * Optional in the brief: LOW, STANDARD (default) or HIGH; stored with the asset.
		 */
		public static final String BUDGET_TIER = "budgetTier";

		/** The routing table's answer for the stage about to start. */
		public static final String STAGE_REVIEWER_ROLE = "stageReviewerRole";

		public static final String STAGE_DECISION_RULE = "stageDecisionRule";

		public static final String STAGE_QUORUM = "stageQuorum";

		public static final String STAGE_DUE_BUSINESS_DAYS = "stageDueBusinessDays";

		public static final String STAGE_BACKUP_GROUP = "stageBackupGroup";

		/**
		 * The routing table (decision definition) that gave the answer, and its version:
		 * the production binds the latest one, so each stage records which it used.
		 */
		public static final String STAGE_ROUTING_TABLE_ID = "stageRoutingTableId";

		public static final String STAGE_ROUTING_TABLE_VERSION = "stageRoutingTableVersion";

		public static final String NOTIFICATION_EVENT = "notificationEvent";

		/** Task-local, for the review form: the asset's title. */
		public static final String ASSET_TITLE = "assetTitle";

		/** Task-local, for the review form: the number of the version under review. */
		public static final String VERSION_NUMBER = "versionNumber";

		/** Task-local, for the review form: where to open the version's file. */
		public static final String VERSION_FILE_URL = "versionFileUrl";

		/** Task-local, for the review form: the version's review room. */
		public static final String REVIEW_ROOM_URL = "reviewRoomUrl";

		/** Task-local, for the review form: where to read the version's comments. */
		public static final String COMMENTS_URL = "commentsUrl";

		/** Task-local, for the review form: unresolved threads on this version. */
		public static final String OPEN_COMMENTS = "openComments";

		/** Task-local, for the review form: the version before, or 0. */
		public static final String PREVIOUS_VERSION_NUMBER = "previousVersionNumber";

		/** Task-local, for the review form: unresolved threads on the version before. */
		public static final String PREVIOUS_OPEN_COMMENTS = "previousOpenComments";

		/** Local to "Confirm another round": how many rounds the asset has had. */
		public static final String REVISION_ROUNDS = "revisionRounds";

		/** The producer's answer in {@code ConfirmAnotherRoundForm}: CONTINUE or STOP. */
		public static final String ANOTHER_ROUND = "anotherRound";

		public static final String ANOTHER_ROUND_COMMENT = "anotherRoundComment";

		/**
		 * Set only by Greenlight (the engine's authentication, delegates, listeners, the
		 * model's mappings): who acts, which asset, version and stage a step is about,
		 * the routing facts and what forms show. Refused when a caller writes them; the
		 * rest (brief, version note and link, decisions and comments) are form fields.
		 */
		public static final List<String> SERVER_SET = List.of(INITIATOR, ASSET_ID, ASSET_VERSION_ID, PRODUCTION_STAGE,
				REVIEW_OUTCOME, STAGE_REVIEWER_ROLE, STAGE_DECISION_RULE, STAGE_QUORUM, STAGE_DUE_BUSINESS_DAYS,
				STAGE_BACKUP_GROUP, STAGE_ROUTING_TABLE_ID, STAGE_ROUTING_TABLE_VERSION, NOTIFICATION_EVENT,
				FILE_SHA256, FILE_NAME, FILE_MEDIA_TYPE, FILE_SIZE, FILE_DURATION_MS, ASSET_TITLE, VERSION_NUMBER,
				VERSION_FILE_URL, REVIEW_ROOM_URL, COMMENTS_URL, OPEN_COMMENTS, PREVIOUS_VERSION_NUMBER,
				PREVIOUS_OPEN_COMMENTS, REVISION_ROUNDS);

		private Var() {
		}

	}

	private CreativeProductionProcess() {
	}

}
