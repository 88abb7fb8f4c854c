package io.greenlight.notification;

import java.util.Set;

/**
 * What a notification is about. The names are a public contract: BPMN inputs
 * ({@code notificationEvent}), webhook subscriptions and users' preferences name them.
 */
public enum NotificationEvent {

	/** A task asks someone (a user, or the members of a group) to review or decide. */
	REVIEW_REQUESTED,

	/** A reviewer has not decided yet. */
	REMINDER,

	/** A review is past its deadline: the producer hears about it. */
	OVERDUE_ESCALATION,

	/** A reviewer decided on a version. */
	DECISION_MADE,

	/** A review stage asks for changes to a version. */
	CHANGES_REQUESTED,

	/** A new version joined an asset's stack. */
	VERSION_UPLOADED,

	/** Someone was @mentioned in a comment. */
	MENTIONED,

	/** Reviewers disagree and someone has to resolve their feedback. */
	CONFLICT_TO_RESOLVE,

	/** Every review stage approved a version. */
	ASSET_APPROVED,

	/** The approved version was delivered. */
	ASSET_DELIVERED,

	/** The producer returned a brief. */
	BRIEF_RETURNED,

	/** The daily email that bundles what awaits a user's review (email only). */
	DAILY_DIGEST;

	/**
	 * Events about a user's own open tasks: a user who chose the daily digest finds them
	 * there instead of one email each. (An escalation is about someone else's task, so it
	 * is never held back for a digest.)
	 */
	static final Set<NotificationEvent> DIGESTED = Set.of(REVIEW_REQUESTED, REMINDER);

}
