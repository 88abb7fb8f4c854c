package io.greenlight.approval;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reminders and escalation of review stages ({@code greenlight.review.*}).
 *
 * @param reminderBeforeDue how long before the due date silent reviewers are reminded
 * @param reminderAfterDue how long after the due date they are reminded again
 * @param escalateAfterDue how long after the due date the producers are asked to chase
 * the review
 * @param maxRevisionRounds from which revision round on a producer is asked whether the
 * production goes on (v2 is round 1)
 */
@ConfigurationProperties("greenlight.review")
public record ReviewProperties(@DefaultValue("PT4H") Duration reminderBeforeDue,
		@DefaultValue("PT24H") Duration reminderAfterDue, @DefaultValue("PT48H") Duration escalateAfterDue,
		@DefaultValue("3") int maxRevisionRounds) {
}
