package io.greenlight.security.variables;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Greenlight's own code writing server-set variables while a user is signed in: the
 * engine call still runs as that user (their authorizations apply, and the user is who
 * acts), but the variables it passes were computed by the server, not taken from the
 * request. An upload passes its file's facts this way. Never wrap a call whose variable
 * names or values a request chose.
 */
@Component
public class TrustedWrites {

	private final ThreadLocal<Boolean> active = new ThreadLocal<>();

	public <T> T call(Supplier<T> work) {
		if (active()) {
			return work.get();
		}
		this.active.set(Boolean.TRUE);
		try {
			return work.get();
		}
		finally {
			this.active.remove();
		}
	}

	public void run(Runnable work) {
		call(() -> {
			work.run();
			return null;
		});
	}

	boolean active() {
		return Boolean.TRUE.equals(this.active.get());
	}

}
