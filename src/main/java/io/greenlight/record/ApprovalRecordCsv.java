package io.greenlight.record;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import io.greenlight.record.Timeline.Event;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The approval record as CSV: one row per event, oldest first, RFC 4180 quoting (Commons
 * CSV), CRLF line ends, UTF-8 with a byte order mark, without which Excel reads it as the
 * local code page and garbles every accent. Excel also runs a cell that starts like a
 * formula: such cells get a leading apostrophe, so they show as the text they are.
 */
final class ApprovalRecordCsv {

	static final String[] COLUMNS = { "when", "event", "version", "stage", "who", "decision", "comment", "detail" };

	static final char BYTE_ORDER_MARK = '\uFEFF';

	private ApprovalRecordCsv() {
	}

	static String render(ApprovalRecord record) {
		StringWriter out = new StringWriter();
		out.write(BYTE_ORDER_MARK);
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(COLUMNS).get())) {
			for (Event event : Timeline.of(record)) {
				csv.printRecord(guarded(RecordWords.time(event.when()), event.event(), event.version(), event.stage(),
						event.who(), event.decision(), event.comment(), event.detail()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	private static List<String> guarded(String... cells) {
		List<String> guarded = new ArrayList<>(cells.length);
		for (String cell : cells) {
			guarded.add(guard(cell));
		}
		return guarded;
	}

	/**
	 * OWASP's advice for CSV injection: a cell starting with =, +, -, @, a tab or a
	 * carriage return is a formula to a spreadsheet; a leading ' makes it text.
	 */
	static String guard(String cell) {
		if (cell == null || cell.isEmpty()) {
			return cell;
		}
		return ("=+-@\t\r".indexOf(cell.charAt(0)) >= 0) ? "'" + cell : cell;
	}

}
