package io.greenlight.system;

import java.nio.charset.StandardCharsets;

/**
 * Counts the parts of a multipart body as it streams past, whoever parses it. Every part
 * starts at a delimiter, CRLF "--" boundary (RFC 2046), the first one also at the very
 * start of the body; the delimiter that closes the body is counted too. The delimiter is
 * found with the Knuth-Morris-Pratt automaton, so a part's content that almost matches
 * costs nothing extra.
 */
final class MultipartParts {

	private final byte[] delimiter;

	// where to continue after a mismatch: the longest proper prefix of the delimiter that
	// is also a suffix of what matched so far
	private final int[] fallback;

	// the body starts as if after a CRLF
	private int matched = 2;

	private int delimiters;

	MultipartParts(String boundary) {
		this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		this.fallback = new int[this.delimiter.length];
		for (int i = 1, prefix = 0; i < this.delimiter.length; i++) {
			while (prefix > 0 && this.delimiter[i] != this.delimiter[prefix]) {
				prefix = this.fallback[prefix - 1];
			}
			if (this.delimiter[i] == this.delimiter[prefix]) {
				prefix++;
			}
			this.fallback[i] = prefix;
		}
	}

	void scan(byte[] bytes, int offset, int length) {
		for (int i = offset; i < offset + length; i++) {
			while (this.matched > 0 && bytes[i] != this.delimiter[this.matched]) {
				this.matched = this.fallback[this.matched - 1];
			}
			if (bytes[i] == this.delimiter[this.matched]) {
				this.matched++;
			}
			if (this.matched == this.delimiter.length) {
				this.delimiters++;
				this.matched = this.fallback[this.matched - 1];
			}
		}
	}

	/**
	 * How many delimiters went past: the parts begun so far, one more if the body is
	 * complete.
	 */
	int delimiters() {
		return this.delimiters;
	}

}
