package io.greenlight.system;

/**
 * Whether the server refused the body of one request, and why: set while the body is
 * read, read by the response and the filter that answer for it.
 */
final class Refusal {

	private String reason;

	void refuse(String why) {
		if (this.reason == null) {
			this.reason = why;
		}
	}

	boolean refused() {
		return this.reason != null;
	}

	String reason() {
		return this.reason;
	}

}
