package io.greenlight.record;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A small page layout on PDFBox, which only draws: text flows down A4 pages in wrapped
 * lines, tables repeat their header row on each page they run onto, a new page starts
 * when the next line would not fit, and every page gets its footer with "page n of m"
 * once the number of pages is known.
 */
final class PdfPages implements AutoCloseable {

	static final float MARGIN = 42;

	static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

	private static final float TOP = PDRectangle.A4.getHeight() - 44;

	private static final float BOTTOM = 54;

	private static final Color GREY = new Color(0x55, 0x55, 0x55);

	private static final Color RULE = new Color(0xcc, 0xcc, 0xcc);

	private static final Color SHADE = new Color(0xee, 0xf1, 0xf4);

	/** How a line of text is set. */
	enum Style {

		TITLE(Face.BOLD, 18), SUBTITLE(Face.TEXT, 13), HEADING(Face.BOLD, 12), SUBHEADING(Face.BOLD, 9.5f),
		LABEL(Face.BOLD, 8.5f), TEXT(Face.TEXT, 8.5f), STRONG(Face.BOLD, 10), NOTE(Face.TEXT, 8), MONO(Face.MONO, 8),
		FOOTER(Face.TEXT, 7.5f);

		final Face face;

		final float size;

		Style(Face face, float size) {
			this.face = face;
			this.size = size;
		}

		float leading() {
			return this.size * 1.3f;
		}

	}

	enum Face {

		TEXT, BOLD, MONO

	}

	/** A table column: its title and width in points. */
	record Column(String title, float width) {
	}

	/**
	 * A table row: one text per column, and a note set under the whole row (a comment, a
	 * checksum), or {@code null}.
	 */
	record Row(List<String> cells, String note, Style noteStyle) {
	}

	private final PDDocument document;

	private final PdfFonts fonts;

	private final List<PDPage> pages = new ArrayList<>();

	private PDPageContentStream content;

	private float y;

	PdfPages(PDDocument document) {
		this.document = document;
		this.fonts = new PdfFonts(document);
		newPage();
	}

	/** Wrapped text across the full width. */
	void paragraph(String text, Style style) {
		paragraph(text, style, 0);
	}

	void paragraph(String text, Style style, float indent) {
		for (String line : lines(text, style, WIDTH - indent)) {
			room(style.leading());
			line(line, style, MARGIN + indent, Color.BLACK);
		}
	}

	/** A section heading, kept on one page with what follows it. */
	void heading(String text, Style style) {
		this.y -= style.leading() * 0.6f;
		room(style.leading() + 3 * Style.TEXT.leading());
		line(text, style, MARGIN, Color.BLACK);
		this.y -= 2;
	}

	/** Label and value pairs, the values wrapped beside their labels. */
	void fields(List<String[]> fields, float labelWidth) {
		for (String[] field : fields) {
			List<String> values = lines(field[1], Style.TEXT, WIDTH - labelWidth);
			for (int i = 0; i < values.size(); i++) {
				room(Style.TEXT.leading());
				if (i == 0) {
					line(field[0], Style.LABEL, MARGIN, GREY, false);
				}
				line(values.get(i), Style.TEXT, MARGIN + labelWidth, Color.BLACK);
			}
		}
	}

	/** A shaded box of lines, kept on one page: what a reader must not miss. */
	void callout(List<String> texts, List<Style> styles) {
		List<String> lines = new ArrayList<>();
		List<Style> lineStyles = new ArrayList<>();
		float height = 16;
		for (int i = 0; i < texts.size(); i++) {
			for (String line : lines(texts.get(i), styles.get(i), WIDTH - 16)) {
				lines.add(line);
				lineStyles.add(styles.get(i));
				height += styles.get(i).leading();
			}
		}
		room(height);
		fill(MARGIN, this.y - height, WIDTH, height, SHADE);
		this.y -= 8;
		for (int i = 0; i < lines.size(); i++) {
			line(lines.get(i), lineStyles.get(i), MARGIN + 8, Color.BLACK);
		}
		this.y -= 8;
	}

	/**
	 * A table: a row moves to the next page whole when it fits there; a row taller than a
	 * page (a very long comment) breaks between its lines.
	 */
	void table(List<Column> columns, List<Row> rows) {
		room(header(columns, false) + Style.TEXT.leading());
		header(columns, true);
		for (Row row : rows) {
			List<List<String>> cells = new ArrayList<>();
			int height = 0;
			for (int i = 0; i < columns.size(); i++) {
				List<String> cell = lines(row.cells().get(i), Style.TEXT, columns.get(i).width() - 4);
				cells.add(cell);
				height = Math.max(height, cell.size());
			}
			List<String> note = (row.note() != null) ? lines(row.note(), row.noteStyle(), WIDTH - 16) : List.of();
			float rowHeight = height * Style.TEXT.leading() + note.size() * row.noteStyle().leading() + 4;
			if (rowHeight <= TOP - BOTTOM - header(columns, false) && !fits(rowHeight)) {
				newTablePage(columns);
			}
			this.y -= 2;
			for (int line = 0; line < height; line++) {
				if (!fits(Style.TEXT.leading())) {
					newTablePage(columns);
				}
				float x = MARGIN;
				for (int i = 0; i < columns.size(); i++) {
					if (line < cells.get(i).size()) {
						line(cells.get(i).get(line), Style.TEXT, x, Color.BLACK, false);
					}
					x += columns.get(i).width();
				}
				this.y -= Style.TEXT.leading();
			}
			for (String line : note) {
				if (!fits(row.noteStyle().leading())) {
					newTablePage(columns);
				}
				line(line, row.noteStyle(), MARGIN + 16, GREY);
			}
			this.y -= 2;
			rule(RULE);
		}
	}

	/** Whether some text so far had characters the fonts cannot show, shown as '?'. */
	boolean replacedCharacters() {
		return this.fonts.replacedAny();
	}

	/** Vertical space. */
	void skip(float points) {
		this.y -= points;
	}

	/**
	 * Writes each page's footer, now that the number of pages is known, and the document.
	 */
	byte[] finish(String footer) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		unchecked(() -> {
			this.content.close();
			this.content = null;
			for (int i = 0; i < this.pages.size(); i++) {
				try (PDPageContentStream page = new PDPageContentStream(this.document, this.pages.get(i),
						AppendMode.APPEND, true, true)) {
					this.content = page;
					this.y = BOTTOM - 22;
					rule(RULE);
					this.y -= 2;
					String number = "page " + (i + 1) + " of " + this.pages.size();
					float width = this.fonts.width(this.fonts.text, Style.FOOTER.size, number);
					line(firstLine(footer, Style.FOOTER, WIDTH - width - 12), Style.FOOTER, MARGIN, GREY, false);
					line(number, Style.FOOTER, MARGIN + WIDTH - width, GREY, false);
				}
			}
			this.content = null;
			this.document.save(out);
		});
		return out.toByteArray();
	}

	@Override
	public void close() {
		unchecked(() -> {
			if (this.content != null) {
				this.content.close();
			}
		});
	}

	/** The text, as the style's font can show it, in lines no wider than the width. */
	List<String> lines(String text, Style style, float width) {
		PDFont font = font(style);
		return TextWrap.wrap(this.fonts.showable(text, font), width,
				piece -> this.fonts.width(font, style.size, piece));
	}

	// what fits of the text on one line, cut short with an ellipsis
	private String firstLine(String text, Style style, float width) {
		List<String> lines = lines(text, style, width);
		if (lines.size() == 1) {
			return lines.get(0);
		}
		return lines(lines.get(0), style, width - this.fonts.width(font(style), style.size, " …")).get(0) + " …";
	}

	// the header row's height; drawn only when asked to
	private float header(List<Column> columns, boolean draw) {
		float height = Style.LABEL.leading() + 6;
		if (draw) {
			fill(MARGIN, this.y - height + 3, WIDTH, height, SHADE);
			this.y -= 3;
			float x = MARGIN;
			for (Column column : columns) {
				line(column.title(), Style.LABEL, x + 0, GREY, false);
				x += column.width();
			}
			this.y -= height - 3;
		}
		return height;
	}

	private void newTablePage(List<Column> columns) {
		newPage();
		header(columns, true);
	}

	// starts a new page unless the next block of this height fits on this one
	private void room(float height) {
		if (!fits(height)) {
			newPage();
		}
	}

	private boolean fits(float height) {
		return this.y - height >= BOTTOM;
	}

	private void newPage() {
		unchecked(() -> {
			if (this.content != null) {
				this.content.close();
			}
			PDPage page = new PDPage(PDRectangle.A4);
			this.document.addPage(page);
			this.pages.add(page);
			this.content = new PDPageContentStream(this.document, page);
			this.y = TOP;
		});
	}

	private void line(String text, Style style, float x, Color color) {
		line(text, style, x, color, true);
	}

	// one line of text whose top is at y; moves y below it if asked to
	private void line(String text, Style style, float x, Color color, boolean advance) {
		unchecked(() -> {
			if (!text.isEmpty()) {
				this.content.beginText();
				this.content.setNonStrokingColor(color);
				this.content.setFont(font(style), style.size);
				this.content.newLineAtOffset(x, this.y - style.size);
				this.content.showText(this.fonts.showable(text, font(style)));
				this.content.endText();
			}
			if (advance) {
				this.y -= style.leading();
			}
		});
	}

	private void rule(Color color) {
		unchecked(() -> {
			this.content.setStrokingColor(color);
			this.content.setLineWidth(0.5f);
			this.content.moveTo(MARGIN, this.y);
			this.content.lineTo(MARGIN + WIDTH, this.y);
			this.content.stroke();
		});
	}

	private void fill(float x, float bottom, float width, float height, Color color) {
		unchecked(() -> {
			this.content.setNonStrokingColor(color);
			this.content.addRect(x, bottom, width, height);
			this.content.fill();
		});
	}

	/** PDFBox's drawing calls, which declare IOException though they write to memory. */
	private interface Drawing {

		void draw() throws IOException;

	}

	private static void unchecked(Drawing drawing) {
		try {
			drawing.draw();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private PDFont font(Style style) {
		return switch (style.face) {
			case TEXT -> this.fonts.text;
			case BOLD -> this.fonts.bold;
			case MONO -> this.fonts.mono;
		};
	}

}
