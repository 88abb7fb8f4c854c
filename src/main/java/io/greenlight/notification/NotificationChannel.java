package io.greenlight.notification;

/**
 * How a notification reaches people. Users choose per event between EMAIL and IN_APP;
 * WEBHOOK deliveries go to a project's subscriptions.
 */
public enum NotificationChannel {

	EMAIL, IN_APP, WEBHOOK

}
