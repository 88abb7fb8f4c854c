package io.greenlight.notification;

/**
 * What a notification is about.
 */
public enum NotificationEvent {

	REVIEW_REQUESTED, BRIEF_RETURNED, CHANGES_REQUESTED, ASSET_DELIVERED, MENTIONED, REMINDER, OVERDUE_ESCALATION,
	CONFLICT_TO_RESOLVE

}
