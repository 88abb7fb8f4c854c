package io.greenlight.record;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Breaks text into lines no wider than a column: at spaces where it can, inside a word
 * only when the word alone is wider (a URL, a checksum, text without spaces), and at
 * every line break the author typed.
 */
final class TextWrap {

	private TextWrap() {
	}

	/**
	 * @param width the column's width, in the unit {@code measure} answers in
	 * @param measure how wide a piece of text is
	 * @return at least one line (empty for empty text)
	 */
	static List<String> wrap(String text, double width, ToDoubleFunction<String> measure) {
		List<String> lines = new ArrayList<>();
		for (String paragraph : (text == null ? "" : text).split("\r\n|\r|\n", -1)) {
			wrapParagraph(paragraph.stripTrailing(), width, measure, lines);
		}
		return lines;
	}

	private static void wrapParagraph(String paragraph, double width, ToDoubleFunction<String> measure,
			List<String> lines) {
		StringBuilder line = new StringBuilder();
		for (String word : paragraph.split(" +", -1)) {
			String candidate = line.isEmpty() ? word : line + " " + word;
			if (measure.applyAsDouble(candidate) <= width) {
				line.setLength(0);
				line.append(candidate);
				continue;
			}
			if (!line.isEmpty()) {
				lines.add(line.toString());
				line.setLength(0);
			}
			String rest = word;
			while (measure.applyAsDouble(rest) > width) {
				int cut = widestPrefix(rest, width, measure);
				lines.add(rest.substring(0, cut));
				rest = rest.substring(cut);
			}
			line.append(rest);
		}
		lines.add(line.toString());
	}

	// how many chars of the word fit: at least one code point so that wrapping always
	// moves on, never half a surrogate pair; widths add up (no kerning is applied)
	private static int widestPrefix(String word, double width, ToDoubleFunction<String> measure) {
		int fits = word.offsetByCodePoints(0, 1);
		double used = measure.applyAsDouble(word.substring(0, fits));
		while (fits < word.length()) {
			int next = word.offsetByCodePoints(fits, 1);
			used += measure.applyAsDouble(word.substring(fits, next));
			if (used > width) {
				break;
			}
			fits = next;
		}
		return fits;
	}

}
