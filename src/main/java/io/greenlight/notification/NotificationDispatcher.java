package io.greenlight.notification;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds. Each round claims due notifications (a claim with a lease,
 * see {@link Outbox}), sends them outside any transaction, and marks them SENT; a failed
 * send is tried again after a back-off that doubles, and after
 * {@code greenlight.notification.dispatcher.max-attempts} it is FAILED with its last
 * error, for an operator to retry. Any number of nodes may dispatch from one database: a
 * notification is claimed by one of them at a time. A node that dies between sending and
 * marking leaves a claim that expires, and the notification is sent once more, with the
 * same idempotency key.
 * <p>
 * A round claims up to {@code senders} × {@code batch-size} notifications and splits them
 * into at most {@code senders} shares, sent in parallel: the emails of a share over one
 * SMTP connection ({@link BatchNotificationSender}), webhooks one by one. The round ends
 * when every share is sent and marked, so a node never holds more claims than one
 * round's, however slow the mail server: that is the back-pressure.
 */
@Component
public class NotificationDispatcher implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

	private static final AtomicInteger POOLS = new AtomicInteger();

	private final Outbox outbox;

	private final Map<NotificationChannel, NotificationSender> senders = new EnumMap<>(NotificationChannel.class);

	private final NotificationProperties.Dispatcher settings;

	private final String node = ManagementFactory.getRuntimeMXBean().getName();

	private final ThreadPoolExecutor pool;

	private volatile boolean moreDue;

	NotificationDispatcher(Outbox outbox, List<NotificationSender> senders, NotificationProperties properties) {
		this.outbox = outbox;
		senders.forEach(sender -> this.senders.put(sender.channel(), sender));
		this.settings = properties.dispatcher();
		this.pool = pool(this.settings.senders());
	}

	/**
	 * Sends the notifications that are due now.
	 * @return how many were sent
	 */
	public int dispatchDue() {
		return dispatchDue(Instant.now());
	}

	int dispatchDue(Instant now) {
		String claimant = this.node + "/" + UUID.randomUUID();
		int limit = this.settings.roundSize();
		List<OutboxNotification> claimed = this.outbox.claim(claimant, now, now.plus(this.settings.lease()), limit);
		Map<NotificationChannel, BatchNotificationSender.Batch> batches = prepare(claimed);
		List<List<OutboxNotification>> shares = shares(claimed);
		Outcome outcome = new Outcome();
		if (shares.size() == 1) {
			outcome.add(send(shares.get(0), batches, claimant, now));
		}
		else if (shares.size() > 1) {
			sendInParallel(shares, batches, claimant, now, outcome);
		}
		this.moreDue = claimed.size() >= limit && outcome.done() > 0;
		return outcome.sent;
	}

	/**
	 * Whether the last round claimed all it could and got them out of the way (sent, or
	 * FAILED for good): more may be due, and the next round need not wait. A round whose
	 * sends all failed (mail server down) waits, so that the backlog is not churned
	 * through in retries.
	 */
	boolean moreDue() {
		return this.moreDue;
	}

	/**
	 * What the channels that send in batches need for all their notifications of the
	 * round.
	 */
	private Map<NotificationChannel, BatchNotificationSender.Batch> prepare(List<OutboxNotification> claimed) {
		Map<NotificationChannel, List<OutboxNotification>> byChannel = new EnumMap<>(NotificationChannel.class);
		for (OutboxNotification notification : claimed) {
			if (this.senders.get(notification.channel()) instanceof BatchNotificationSender) {
				byChannel.computeIfAbsent(notification.channel(), channel -> new ArrayList<>()).add(notification);
			}
		}
		Map<NotificationChannel, BatchNotificationSender.Batch> batches = new EnumMap<>(NotificationChannel.class);
		byChannel.forEach((channel, notifications) -> {
			BatchNotificationSender sender = (BatchNotificationSender) this.senders.get(channel);
			try {
				batches.put(channel, sender.prepare(notifications));
			}
			catch (RuntimeException ex) {
				// e.g. the identity query failed: every one of them is tried again
				batches.put(channel, share -> {
					throw ex;
				});
			}
		});
		return batches;
	}

	/** At most {@code senders} shares of at most {@code batch-size}, evenly filled. */
	private List<List<OutboxNotification>> shares(List<OutboxNotification> claimed) {
		if (claimed.isEmpty()) {
			return List.of();
		}
		int size = Math.min(this.settings.batchSize(),
				(claimed.size() + this.settings.senders() - 1) / this.settings.senders());
		List<List<OutboxNotification>> shares = new ArrayList<>();
		for (int from = 0; from < claimed.size(); from += size) {
			shares.add(claimed.subList(from, Math.min(claimed.size(), from + size)));
		}
		return shares;
	}

	private void sendInParallel(List<List<OutboxNotification>> shares,
			Map<NotificationChannel, BatchNotificationSender.Batch> batches, String claimant, Instant now,
			Outcome outcome) {
		List<Future<Outcome>> futures = new ArrayList<>();
		for (List<OutboxNotification> share : shares) {
			futures.add(this.pool.submit(() -> send(share, batches, claimant, now)));
		}
		Error died = null;
		for (Future<Outcome> future : futures) {
			try {
				outcome.add(future.get());
			}
			catch (InterruptedException ex) {
				// shutting down: the shares still sending end on their own, the claims of
				// the rest expire and another node (or the next start) sends them
				Thread.currentThread().interrupt();
				futures.forEach(pending -> pending.cancel(true));
				return;
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof Error error) {
					died = error;
				}
				else {
					log.warn("Notification share not sent: {}", ex.getCause().getMessage());
				}
			}
		}
		if (died != null) {
			throw died;
		}
	}

	/** Sends one share: each channel's notifications together where it can. */
	private Outcome send(List<OutboxNotification> share,
			Map<NotificationChannel, BatchNotificationSender.Batch> batches, String claimant, Instant now) {
		Outcome outcome = new Outcome();
		Map<NotificationChannel, List<OutboxNotification>> byChannel = new LinkedHashMap<>();
		for (OutboxNotification notification : share) {
			byChannel.computeIfAbsent(notification.channel(), channel -> new ArrayList<>()).add(notification);
		}
		byChannel.forEach((channel, notifications) -> {
			BatchNotificationSender.Batch batch = batches.get(channel);
			if (batch != null) {
				sendBatch(batch, notifications, claimant, now, outcome);
			}
			else {
				notifications.forEach(notification -> deliver(notification, claimant, now, outcome));
			}
		});
		return outcome;
	}

	private void sendBatch(BatchNotificationSender.Batch batch, List<OutboxNotification> notifications, String claimant,
			Instant now, Outcome outcome) {
		Map<String, Exception> failures;
		try {
			failures = batch.send(notifications);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			notifications.forEach(notification -> failed(notification, claimant, "interrupted", now));
			return;
		}
		catch (Exception ex) {
			String error = describe(ex);
			notifications.forEach(notification -> failed(notification, claimant, error, now));
			return;
		}
		List<String> sent = new ArrayList<>();
		for (OutboxNotification notification : notifications) {
			Exception failure = failures.get(notification.id());
			if (failure == null) {
				sent.add(notification.id());
			}
			else if (failure instanceof UndeliverableException) {
				undeliverable(notification, claimant, failure.getMessage(), outcome);
			}
			else {
				failed(notification, claimant, describe(failure), now);
			}
		}
		int marked = this.outbox.markSent(sent, claimant, now);
		if (marked < sent.size()) {
			log.warn(
					"{} of {} notifications were sent, but their claims had expired: another node may send them "
							+ "again (same idempotency keys); keep batch-size × the slowest send well inside the lease",
					sent.size() - marked, sent.size());
		}
		outcome.sent += sent.size();
	}

	private void deliver(OutboxNotification notification, String claimant, Instant now, Outcome outcome) {
		NotificationSender sender = this.senders.get(notification.channel());
		try {
			if (sender == null) {
				throw new UndeliverableException("No sender for channel " + notification.channel());
			}
			sender.send(notification);
		}
		catch (UndeliverableException ex) {
			undeliverable(notification, claimant, ex.getMessage(), outcome);
			return;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			failed(notification, claimant, "interrupted", now);
			return;
		}
		catch (Exception ex) {
			failed(notification, claimant, describe(ex), now);
			return;
		}
		if (!this.outbox.markSent(notification.id(), claimant, now)) {
			log.warn("Notification {} was sent, but its claim had expired: another node may send it again "
					+ "(same idempotency key)", notification.idempotencyKey());
		}
		outcome.sent++;
	}

	private void undeliverable(OutboxNotification notification, String claimant, String error, Outcome outcome) {
		log.warn("Notification {} FAILED: {}", notification.idempotencyKey(), error);
		this.outbox.markFailed(notification.id(), claimant, error);
		outcome.failed++;
	}

	private void failed(OutboxNotification notification, String claimant, String error, Instant now) {
		int attempt = notification.attempts() + 1;
		if (attempt >= this.settings.maxAttempts()) {
			log.warn("Notification {} FAILED after {} attempts: {}", notification.idempotencyKey(), attempt, error);
			this.outbox.markFailed(notification.id(), claimant, error);
			return;
		}
		Instant next = now.plus(backoff(attempt));
		log.info("Notification {} not sent (attempt {}), next attempt at {}: {}", notification.idempotencyKey(),
				attempt, next, error);
		this.outbox.markAttemptFailed(notification.id(), claimant, error, next);
	}

	/** Initial back-off, doubled after each further failure, at most the maximum. */
	Duration backoff(int attempt) {
		Duration delay = this.settings.initialBackoff();
		for (int i = 1; i < attempt && delay.compareTo(this.settings.maxBackoff()) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(this.settings.maxBackoff()) > 0) ? this.settings.maxBackoff() : delay;
	}

	/** Lets the shares being sent finish (and be marked) before the context closes. */
	@Override
	public void destroy() throws InterruptedException {
		this.pool.shutdown();
		if (!this.pool.awaitTermination(10, TimeUnit.SECONDS)) {
			this.pool.shutdownNow();
		}
	}

	/**
	 * {@code senders} threads, made when needed and ended after a minute without work
	 * (dispatchers made in tests leave none behind). A round submits at most
	 * {@code senders} shares and waits for them, so the queue is bounded by the same; a
	 * second caller of the same dispatcher at the same time sends on its own thread
	 * rather than queueing more.
	 */
	private static ThreadPoolExecutor pool(int senders) {
		int id = POOLS.incrementAndGet();
		AtomicInteger threads = new AtomicInteger();
		ThreadPoolExecutor pool = new ThreadPoolExecutor(senders, senders, 1, TimeUnit.MINUTES,
				new ArrayBlockingQueue<>(senders), task -> {
					Thread thread = new Thread(task, "notification-sender-" + id + "-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.CallerRunsPolicy());
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

	private static String describe(Exception ex) {
		StringBuilder text = new StringBuilder(ex.getClass().getSimpleName()).append(": ").append(ex.getMessage());
		Throwable cause = ex.getCause();
		while (cause != null && cause != cause.getCause()) {
			text.append(" / ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
			cause = cause.getCause();
		}
		return text.toString();
	}

	/** What a share or a round did. */
	private static final class Outcome {

		private int sent;

		private int failed;

		void add(Outcome other) {
			this.sent += other.sent;
			this.failed += other.failed;
		}

		/** Sent or FAILED for good: out of the outbox's way. */
		int done() {
			return this.sent + this.failed;
		}

	}

}
