package io.greenlight.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PDF's layout on its own: a comment longer than a page flows over as many pages as
 * it needs, every page numbered "page n of m", and what anyone typed is shown, never
 * refused.
 */
class ApprovalRecordPdfTests {

	@Test
	void aVeryLongCommentFlowsOverManyNumberedPagesWithNothingLost() throws IOException {
		String comment = IntStream.rangeClosed(1, 4000)
			.mapToObj(i -> String.format("w%04d", i) + ((i % 150 == 0) ? "\n" : ""))
			.collect(Collectors.joining(" "));
		ApprovalRecord record = ApprovalRecordSamples.approved("Long feedback", comment);

		byte[] pdf = ApprovalRecordPdf.render(record);
		save("long-comment.pdf", pdf);

		try (PDDocument document = Loader.loadPDF(pdf)) {
			int pages = document.getNumberOfPages();
			assertThat(pages).isGreaterThan(4);
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("page 1 of " + pages).contains("page " + pages + " of " + pages);
			int at = -1;
			for (int i = 1; i <= 4000; i++) {
				int next = text.indexOf(String.format("w%04d", i), at + 1);
				assertThat(next).as("w%04d in order", i).isGreaterThan(at);
				at = next;
			}
			// the decisions table's header is repeated on the pages the comment runs onto
			assertThat(text.split("When\\s+Who\\s+Version\\s+Stage\\s+Decision", -1).length - 1)
				.isGreaterThanOrEqualTo(pages - 2);
		}
	}

	@Test
	void textInAnyScriptIsShownOrMarkedNeverRefused() throws IOException {
		String title = "Été — Ünïcödé Ωμέγα Жук Łódź 日本 \uD83D\uDE00";
		String comment = "Tabs\there, nulls\u0000, zero\u200Bwidth, e\u0301 composed, CJK 広告 and 🎬";
		ApprovalRecord record = ApprovalRecordSamples.approved(title, comment);

		byte[] pdf = ApprovalRecordPdf.render(record);
		save("unicode.pdf", pdf);

		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Été — Ünïcödé Ωμέγα Жук Łódź ?? ?")
				.contains("Tabs here, nulls, zerowidth, é composed, CJK ?? and ?")
				.contains("Zoë Ångström (reviewer1)");
			assertThat(text.replaceAll("\\s+", " "))
				.contains("Characters this document's font cannot show appear as ?; the CSV of this record has the "
						+ "exact text.");
		}
	}

	@Test
	void anAssetNotApprovedYetSaysSo() throws IOException {
		ApprovalRecord approved = ApprovalRecordSamples.approved("Pending", "Smaller");
		ApprovalRecord pending = new ApprovalRecord(ApprovalRecordSamples.subject("Pending", "In review"),
				approved.versions(), approved.stages(), approved.decisions(), approved.changes(), null,
				approved.generatedAt(), approved.generatedBy());

		try (PDDocument document = Loader.loadPDF(ApprovalRecordPdf.render(pending))) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Not approved yet")
				.doesNotContain("Final approval")
				.doesNotContain("cannot show");
		}
	}

	static void save(String name, byte[] pdf) throws IOException {
		Path directory = Path.of("target", "approval-record");
		Files.createDirectories(directory);
		Files.write(directory.resolve(name), pdf);
	}

}
