package io.greenlight.record;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The fonts of one approval record PDF, and text each of them can show.
 * <p>
 * What users typed (titles, names, comments) is set in Liberation Sans, embedded as a
 * subset: PDFBox ships it in its own jar, it covers Latin-1, Latin Extended, Greek and
 * Cyrillic, and it is metric-compatible with Arial, so it sits well next to Helvetica
 * Bold (a standard 14 font, not embedded) of the headings and labels, which are our own
 * English text. Checksums are set in Courier. A character a font has no glyph for (CJK,
 * emoji) is shown as '?': the record must never fail on what someone typed, and the CSV
 * keeps the exact text. See docs/decisions/0015-approval-record.md.
 */
final class PdfFonts {

	static final String TEXT_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

	private static final byte[] TEXT_FONT_BYTES = read(TEXT_FONT);

	final PDFont text;

	final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

	final PDFont mono = new PDType1Font(Standard14Fonts.FontName.COURIER);

	private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();

	private final Map<PDFont, Map<Integer, Float>> widths = new HashMap<>();

	private boolean replaced;

	PdfFonts(PDDocument document) {
		try {
			this.text = PDType0Font.load(document, new ByteArrayInputStream(TEXT_FONT_BYTES), true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The text as the font can show it: composed (e + ´ as é), tabs as spaces, other
	 * control characters left out, characters without a glyph as '?'. Line breaks stay,
	 * for {@link TextWrap} to honour.
	 */
	String showable(String text, PDFont font) {
		if (text == null) {
			return "";
		}
		StringBuilder shown = new StringBuilder(text.length());
		Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().forEach(codePoint -> {
			if (codePoint == '\n' || codePoint == '\r') {
				shown.appendCodePoint(codePoint);
			}
			else if (codePoint == '\t') {
				shown.append(' ');
			}
			else if (Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT) {
				// invisible: nothing to show
			}
			else {
				boolean shows = hasGlyph(font, codePoint);
				this.replaced |= !shows;
				shown.appendCodePoint(shows ? codePoint : '?');
			}
		});
		return shown.toString();
	}

	/** Whether some text had a character shown as '?' so far. */
	boolean replacedAny() {
		return this.replaced;
	}

	/**
	 * How wide showable text is, in points: the sum of its characters' widths, each asked
	 * of the font once (PDFBox applies no kerning, so the sum is exact), since wrapping
	 * measures every line many times.
	 */
	float width(PDFont font, float size, String text) {
		Map<Integer, Float> known = this.widths.computeIfAbsent(font, key -> new HashMap<>());
		float width = 0;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			width += known.computeIfAbsent(codePoint, key -> {
				try {
					return font.getStringWidth(Character.toString(codePoint));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			i += Character.charCount(codePoint);
		}
		return width / 1000 * size;
	}

	private boolean hasGlyph(PDFont font, int codePoint) {
		return this.glyphs.computeIfAbsent(font, key -> new HashMap<>()).computeIfAbsent(codePoint, key -> {
			try {
				font.encode(Character.toString(codePoint));
				return true;
			}
			catch (IllegalArgumentException | IOException ex) {
				// PDFBox's way of saying the font has no glyph for it
				return false;
			}
		});
	}

	private static byte[] read(String resource) {
		try (InputStream in = PdfFonts.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("The font " + resource + " is missing from PDFBox's jar: "
						+ "the approval record cannot show user text without it");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
