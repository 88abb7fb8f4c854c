package io.greenlight.notification;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the dispatch schedule asks the database: at start, after a notification was queued
 * on this node, and while rounds find work; otherwise only once per idle interval. Over
 * HTTP with the real schedule: NotificationFeedIT.
 */
class DispatchScheduleTests {

	private final OutboxSignal signal = new OutboxSignal();

	private final CountingDispatcher dispatcher = new CountingDispatcher();

	@Test
	void anIdleServerDoesNotAskTheDatabaseOnEveryTick() {
		NotificationConfiguration.DispatchSchedule schedule = schedule(Duration.ofHours(1));

		schedule.dispatch();
		schedule.dispatch();
		schedule.dispatch();

		assertThat(this.dispatcher.rounds).as("only the first round, at start").isEqualTo(1);
	}

	@Test
	void aQueuedNotificationIsLookedForAtTheNextTickAndRoundsGoOnWhileTheyFindWork() {
		NotificationConfiguration.DispatchSchedule schedule = schedule(Duration.ofHours(1));
		schedule.dispatch();

		// when a notification is queued (outside a transaction: committed already)
		this.signal.queued();
		this.dispatcher.sends(50, 3, 0);
		schedule.dispatch();
		schedule.dispatch();
		schedule.dispatch();
		schedule.dispatch();

		// then the next ticks dispatch until a round finds nothing, then they stop
		assertThat(this.dispatcher.rounds).isEqualTo(4);
	}

	@Test
	void afterTheIdleIntervalItLooksAnyway() {
		NotificationConfiguration.DispatchSchedule schedule = schedule(Duration.ZERO);

		schedule.dispatch();
		schedule.dispatch();

		assertThat(this.dispatcher.rounds).isEqualTo(2);
	}

	@Test
	void aRoundThatClaimedAllItCouldIsFollowedByTheNextAtOnce() {
		NotificationConfiguration.DispatchSchedule schedule = schedule(Duration.ofHours(1));
		schedule.dispatch();

		// when a backlog is queued: three full rounds, then the rest
		this.signal.queued();
		this.dispatcher.full = 200;
		this.dispatcher.sends(200, 200, 200, 17, 0);
		schedule.dispatch();

		// then one tick drained it, without waiting an interval between full rounds
		assertThat(this.dispatcher.rounds).isEqualTo(5);
		schedule.dispatch();
		schedule.dispatch();
		assertThat(this.dispatcher.rounds).as("one more round to find nothing, then idle").isEqualTo(6);
	}

	private NotificationConfiguration.DispatchSchedule schedule(Duration idleInterval) {
		return new NotificationConfiguration.DispatchSchedule(this.dispatcher, this.signal, idleInterval);
	}

	/** Counts the rounds that would ask the database, sending what the test says. */
	private static final class CountingDispatcher extends NotificationDispatcher {

		private final Deque<Integer> sent = new ArrayDeque<>();

		private int rounds;

		// a round that sent this many claimed all it could; none by default
		private int full = Integer.MAX_VALUE;

		private int last;

		CountingDispatcher() {
			super(new Outbox(null), List.of(),
					new NotificationProperties("greenlight@localhost",
							new NotificationProperties.Dispatcher(true, Duration.ofSeconds(10), Duration.ofMinutes(1),
									50, Duration.ofMinutes(5), 8, Duration.ofSeconds(30), Duration.ofHours(1), 4,
									Duration.ofSeconds(5)),
							null, null));
		}

		void sends(Integer... counts) {
			this.sent.addAll(List.of(counts));
		}

		@Override
		public int dispatchDue() {
			this.rounds++;
			this.last = this.sent.isEmpty() ? 0 : this.sent.poll();
			return this.last;
		}

		@Override
		boolean moreDue() {
			return this.last >= this.full;
		}

	}

}
