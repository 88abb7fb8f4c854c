package io.greenlight.system;

import java.util.function.Supplier;

/**
 * Runs a transactional call again when it lost a race
 * ({@link ConcurrentChangeException}). Safe because the losing attempt was rolled back
 * whole: the next one reads the state afresh and checks every rule again, so it either
 * succeeds on the new state or refuses with the reason the new state gives. Call it
 * outside the transaction.
 */
public final class ConcurrentChanges {

	private static final int ATTEMPTS = 3;

	private ConcurrentChanges() {
	}

	public static <T> T retry(Supplier<T> change) {
		for (int attempt = 1;; attempt++) {
			try {
				return change.get();
			}
			catch (ConcurrentChangeException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

}
