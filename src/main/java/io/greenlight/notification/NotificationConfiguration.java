package io.greenlight.notification;

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
	DispatchSchedule notificationDispatchSchedule(NotificationDispatcher dispatcher) {
		return new DispatchSchedule(dispatcher);
	}

	@Bean
	@ConditionalOnProperty(prefix = "greenlight.notification.digest", name = "enabled", havingValue = "true",
			matchIfMissing = true)
	DigestSchedule notificationDigestSchedule(DigestService digests, NotificationProperties properties) {
		return new DigestSchedule(digests, ZoneId.of(properties.digest().zone()));
	}

	static final class DispatchSchedule {

		private static final Logger log = LoggerFactory.getLogger(DispatchSchedule.class);

		private final NotificationDispatcher dispatcher;

		DispatchSchedule(NotificationDispatcher dispatcher) {
			this.dispatcher = dispatcher;
		}

		@Scheduled(fixedDelayString = "${greenlight.notification.dispatcher.interval:PT10S}",
				initialDelayString = "${greenlight.notification.dispatcher.interval:PT10S}")
		void dispatch() {
			try {
				this.dispatcher.dispatchDue();
			}
			catch (RuntimeException ex) {
				// the database may be briefly away; the next round tries again
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
