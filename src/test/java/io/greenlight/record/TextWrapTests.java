package io.greenlight.record;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrapping with one unit per character, so widths are easy to read.
 */
class TextWrapTests {

	@Test
	void breaksAtSpacesWithinTheWidth() {
		assertThat(wrap("the logo is too small", 10)).containsExactly("the logo", "is too", "small");
	}

	@Test
	void keepsTheLineBreaksTheAuthorTyped() {
		assertThat(wrap("first\r\n\nthird\rfourth", 20)).containsExactly("first", "", "third", "fourth");
	}

	@Test
	void breaksAWordWiderThanTheColumnInsideIt() {
		assertThat(wrap("sha 0123456789abcdef end", 6)).containsExactly("sha", "012345", "6789ab", "cdef", "end");
	}

	@Test
	void neverSplitsASurrogatePairAndAlwaysMovesOn() {
		String emoji = "\uD83D\uDE00";
		assertThat(wrap(emoji + emoji + emoji, 1)).containsExactly(emoji, emoji, emoji);
	}

	@Test
	void emptyTextIsOneEmptyLine() {
		assertThat(wrap(null, 5)).containsExactly("");
	}

	private static List<String> wrap(String text, int width) {
		return TextWrap.wrap(text, width, piece -> piece.codePointCount(0, piece.length()));
	}

}
