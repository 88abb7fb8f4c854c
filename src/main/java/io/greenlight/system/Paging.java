package io.greenlight.system;

/**
 * One page of a list the API returns: {@code page} counts from 0, {@code size} rows (1 to
 * {@value #MAX_SIZE}). The rows before it, page × size, must fit a database's row offset:
 * a page past any list is refused with what to ask for instead, where it would overflow
 * into a negative offset and a server error.
 *
 * @param page the page, from 0
 * @param size rows on a page
 */
public record Paging(int page, int size) {

	/** The most rows one page may have. */
	public static final int MAX_SIZE = 200;

	public Paging {
		if (page < 0) {
			throw new InvalidRequestException("Invalid request: page must be 0 or more.");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new InvalidRequestException("Invalid request: size must be between 1 and " + MAX_SIZE + ".");
		}
		if ((long) page * size > Integer.MAX_VALUE) {
			throw new InvalidRequestException(
					"Invalid request: page " + page + " of size " + size + " starts after row " + Integer.MAX_VALUE
							+ ", more than any list holds: page × size must be at most " + Integer.MAX_VALUE + ".");
		}
	}

	/** How many rows come before this page. */
	public int offset() {
		return this.page * this.size;
	}

}
