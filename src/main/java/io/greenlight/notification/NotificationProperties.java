package io.greenlight.notification;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code greenlight.notification.*}: how the outbox is dispatched.
 *
 * @param mailFrom the sender address of notification emails
 * @param dispatcher how often and how hard the dispatcher tries
 * @param webhook limits of a webhook call
 * @param digest when the daily digest is composed
 */
@ConfigurationProperties("greenlight.notification")
public record NotificationProperties(@DefaultValue("greenlight@localhost") String mailFrom,
		@DefaultValue Dispatcher dispatcher, @DefaultValue Webhook webhook, @DefaultValue Digest digest) {

	/**
	 * @param enabled whether this node dispatches on a schedule (off in tests that drive
	 * the dispatcher themselves)
	 * @param interval pause between two dispatch rounds while there is work: a
	 * notification queued on this node leaves within about this long
	 * @param idleInterval the longest pause while the outbox had nothing due, after which
	 * the dispatcher looks anyway (notifications queued by other nodes, retries that came
	 * due)
	 * @param batchSize how many notifications one sender sends in one go: the emails
	 * among them over one SMTP connection
	 * @param lease how long a claim holds; a node that dies mid-send leaves a claim that
	 * another node takes over after this. A sender marks its batch when the whole batch
	 * is sent, so keep {@code batch-size} × the slowest send well inside it
	 * @param maxAttempts attempts before a notification is FAILED
	 * @param initialBackoff wait after the first failure, doubled after each further one
	 * @param maxBackoff the longest wait between two attempts
	 * @param senders how many batches are sent at once, each over a connection of its
	 * own; a round claims at most {@code senders} × {@code batch-size} notifications and
	 * ends when all are sent, so a node never holds more claims than that
	 * @param backlogMaxAge how old the backlog gauges' figures may be: the outbox is
	 * counted at most this often, however often the gauges are read
	 */
	public record Dispatcher(@DefaultValue("true") boolean enabled, @DefaultValue("10s") Duration interval,
			@DefaultValue("1m") Duration idleInterval, @DefaultValue("50") int batchSize,
			@DefaultValue("5m") Duration lease, @DefaultValue("8") int maxAttempts,
			@DefaultValue("30s") Duration initialBackoff, @DefaultValue("1h") Duration maxBackoff,
			@DefaultValue("4") int senders, @DefaultValue("5s") Duration backlogMaxAge) {

		public Dispatcher {
			if (batchSize < 1 || senders < 1) {
				throw new IllegalArgumentException(
						"greenlight.notification.dispatcher.batch-size and senders must be at least 1");
			}
		}

		/** The most notifications one round claims. */
		int roundSize() {
			return this.batchSize * this.senders;
		}

	}

	/**
	 * @param connectTimeout how long to wait for the receiver's connection
	 * @param readTimeout how long to wait for its answer
	 * @param allowedHosts on-premises receivers webhooks may reach although their
	 * addresses are private: host names, IP addresses and CIDR ranges
	 * ({@link WebhookAllowList})
	 */
	public record Webhook(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout,
			@DefaultValue List<String> allowedHosts) {
	}

	/**
	 * @param enabled whether this node composes digests on a schedule
	 * @param cron when (Spring cron, in {@code zone})
	 * @param zone the time zone of the cron and of "today"
	 * @param dueSoon a task due within this is "due soon"
	 */
	public record Digest(@DefaultValue("true") boolean enabled, @DefaultValue("0 0 7 * * *") String cron,
			@DefaultValue("UTC") String zone, @DefaultValue("2d") Duration dueSoon) {
	}

}
