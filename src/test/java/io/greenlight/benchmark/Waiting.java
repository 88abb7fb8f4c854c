package io.greenlight.benchmark;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The benchmark's waiting for the job executor to move a production on: polls every 20 ms
 * (often enough not to slow a production down much, seldom enough not to load the
 * database much), uncounted as SQL.
 */
final class Waiting {

	private static final Duration TIMEOUT = Duration.ofSeconds(120);

	private Waiting() {
	}

	/**
	 * @return the first non-null answer
	 */
	static <T> T until(Supplier<T> answer) {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (true) {
			T found = SqlCount.quietly(answer);
			if (found != null) {
				return found;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Nothing came within " + TIMEOUT);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
