package io.greenlight.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The notification settings, and the schedules that dispatch the outbox and compose the
 * daily digests. Tests switch the schedules off and drive both themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

	@Bean
	@ConditionalOnProperty(prefix = "greenlight.notification.dispatcher", name = "enabled", havingValue = "true",
			matchIfMissing = true)
	DispatchSchedule notificationDispatchSchedule(NotificationDispatcher dispatcher, OutboxSignal signal,
			NotificationProperties properties) {
		return new DispatchSchedule(dispatcher, signal, properties.dispatcher().idleInterval());
	}

	@Bean
	@ConditionalOnProperty(prefix = "greenlight.notification.digest", name = "enabled", havingValue = "true",
			matchIfMissing = true)
	DigestSchedule notificationDigestSchedule(DigestService digests, NotificationProperties properties) {
		return new DigestSchedule(digests, ZoneId.of(properties.digest().zone()));
	}

	/**
	 * Wakes every {@code interval} but asks the database only when there may be work: a
	 * notification was queued on this node ({@link OutboxSignal}), the last round sent
	 * some (there may be more), or {@code idle-interval} has passed since the last look
	 * (what other nodes queued, retries that came due). An idle server looks once per
	 * idle interval instead of once per interval.
	 * <p>
	 * A round that claimed all it could ({@link NotificationDispatcher#moreDue()}) is
	 * followed by the next at once, not after {@code interval}: a backlog drains as fast
	 * as the senders go. For at most {@link #DRAIN_SLICE} per tick, though, so that the
	 * scheduler's thread, which the digest shares, is not held for as long as a backlog
	 * lasts.
	 */
	static final class DispatchSchedule {

		static final Duration DRAIN_SLICE = Duration.ofMinutes(1);

		private static final Logger log = LoggerFactory.getLogger(DispatchSchedule.class);

		private final NotificationDispatcher dispatcher;

		private final OutboxSignal signal;

		private final long idleNanos;

		// only the scheduler's thread runs dispatch()
		private boolean busy = true;

		private long lastLook = System.nanoTime();

		DispatchSchedule(NotificationDispatcher dispatcher, OutboxSignal signal, Duration idleInterval) {
			this.dispatcher = dispatcher;
			this.signal = signal;
			this.idleNanos = idleInterval.toNanos();
		}

		@Scheduled(fixedDelayString = "${greenlight.notification.dispatcher.interval:PT10S}",
				initialDelayString = "${greenlight.notification.dispatcher.interval:PT10S}")
		void dispatch() {
			long now = System.nanoTime();
			boolean queued = this.signal.take();
			if (!queued && !this.busy && now - this.lastLook < this.idleNanos) {
				return;
			}
			this.lastLook = now;
			try {
				this.busy = this.dispatcher.dispatchDue() > 0;
				while (this.busy && this.dispatcher.moreDue() && System.nanoTime() - now < DRAIN_SLICE.toNanos()) {
					this.busy = this.dispatcher.dispatchDue() > 0;
				}
			}
			catch (RuntimeException ex) {
				// the database may be briefly away; the next round tries again
				this.busy = true;
				log.warn("Notification dispatch round failed: {}", ex.getMessage());
			}
		}

	}

	static final class DigestSchedule {

		private final DigestService digests;

		private final ZoneId zone;

		DigestSchedule(DigestService digests, ZoneId zone) {
			this.digests = digests;
			this.zone = zone;
		}

		@Scheduled(cron = "${greenlight.notification.digest.cron:0 0 7 * * *}",
				zone = "${greenlight.notification.digest.zone:UTC}")
		void compose() {
			this.digests.queueDigests(Instant.now(), this.zone);
		}

	}

}
