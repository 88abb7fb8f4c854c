package io.greenlight.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.greenlight.record.ApprovalRecord.Change;
import io.greenlight.record.ApprovalRecord.Decision;
import io.greenlight.record.ApprovalRecord.FinalApproval;
import io.greenlight.record.ApprovalRecord.Stage;
import io.greenlight.record.ApprovalRecord.Subject;
import io.greenlight.record.ApprovalRecord.Version;
import io.greenlight.record.PdfPages.Column;
import io.greenlight.record.PdfPages.Row;
import io.greenlight.record.PdfPages.Style;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * The approval record as a PDF a client can file: the asset, the final approval (or that
 * there is none yet) where nobody can miss it, then the versions with their checksums,
 * the review stages, every decision and every change to who reviewed.
 */
final class ApprovalRecordPdf {

	private static final float LABELS = 110;

	private static final List<Column> VERSION_COLUMNS = List.of(new Column("Version", 40), new Column("File", 100),
			new Column("Type", 56), new Column("Size", 74), new Column("Uploaded by", 80), new Column("Uploaded", 104),
			new Column("Status", 57));

	private static final List<Column> DECISION_COLUMNS = List.of(new Column("When", 104), new Column("Who", 140),
			new Column("Version", 50), new Column("Stage", 90), new Column("Decision", 127));

	private static final List<Column> CHANGE_COLUMNS = List.of(new Column("When", 104), new Column("Change", 55),
			new Column("Stage", 100), new Column("Reviewer", 136), new Column("By", 116));

	private ApprovalRecordPdf() {
	}

	static byte[] render(ApprovalRecord record) {
		try (PDDocument document = new PDDocument(); PdfPages pages = new PdfPages(document)) {
			describe(document, record);
			Subject asset = record.asset();
			pages.paragraph("Approval record", Style.TITLE);
			pages.skip(2);
			pages.paragraph(asset.title(), Style.SUBTITLE);
			pages.paragraph(asset.projectCode() + " · " + asset.projectName() + " · " + asset.client(), Style.NOTE);
			pages.skip(8);
			finalApproval(pages, record);
			subject(pages, asset);
			tableSection(pages, "Versions", "No version uploaded yet.", record.versions(), VERSION_COLUMNS,
					ApprovalRecordPdf::version);
			stages(pages, record.stages());
			tableSection(pages, "Decisions", "No decision recorded yet.", record.decisions(), DECISION_COLUMNS,
					ApprovalRecordPdf::decision);
			tableSection(pages, "Reviewer changes", "Nobody was added, removed or delegated to.", record.changes(),
					CHANGE_COLUMNS, ApprovalRecordPdf::change);
			pages.heading("About this record", Style.HEADING);
			pages.paragraph(generated(record) + ". All times are in UTC. Each SHA-256 checksum identifies a file "
					+ "exactly: the checksum of a file you received must equal the one listed for its version."
					+ (pages.replacedCharacters() ? " Characters this document's font cannot show appear as ?; "
							+ "the CSV of this record has the exact text." : ""),
					Style.TEXT);
			return pages
				.finish("Approval record · " + asset.projectCode() + " · " + asset.title() + " · " + generated(record));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String generated(ApprovalRecord record) {
		return "Generated " + RecordWords.time(record.generatedAt()) + " by " + record.generatedBy().label();
	}

	private static void describe(PDDocument document, ApprovalRecord record) {
		PDDocumentInformation info = document.getDocumentInformation();
		info.setTitle("Approval record: " + record.asset().title());
		info.setSubject(record.asset().reference() + " " + record.asset().id());
		info.setCreator("Greenlight");
	}

	private static void finalApproval(PdfPages pages, ApprovalRecord record) {
		FinalApproval approval = record.finalApproval();
		if (approval == null) {
			pages.callout(
					List.of("Not approved yet",
							"No version of this asset has been approved. Its status is "
									+ record.asset().status().toLowerCase(Locale.ROOT) + "."),
					List.of(Style.STRONG, Style.TEXT));
			return;
		}
		String when = (approval.when() != null) ? " on " + RecordWords.time(approval.when()) : "";
		String stage = (approval.stage() != null) ? " at the " + approval.stage().toLowerCase(Locale.ROOT) + " stage"
				: "";
		pages.callout(
				List.of("Final approval: " + approval.version() + " approved" + when + stage, "Approved by: "
						+ (approval.approvedBy().isEmpty() ? "not on record" : Timeline.names(approval.approvedBy())),
						"File: " + approval.fileName(), "SHA-256: " + approval.sha256()),
				List.of(Style.STRONG, Style.TEXT, Style.TEXT, Style.MONO));
	}

	private static void subject(PdfPages pages, Subject asset) {
		pages.heading("Asset", Style.HEADING);
		pages.fields(List.of(field("Reference", asset.reference()), field("Title", asset.title()),
				field("Project", asset.projectCode() + ": " + asset.projectName()), field("Client", asset.client()),
				field("Type", asset.type()), field("Channel", asset.channel()),
				field("Due date", (asset.dueDate() != null) ? asset.dueDate().toString() : ""),
				field("Status", asset.status()), field("Asset id", asset.id()),
				field("Production id", asset.productionId())), LABELS);
	}

	/**
	 * A section's heading, and a line that says so when it has nothing to list.
	 * @return whether there is something to list
	 */
	private static boolean section(PdfPages pages, String heading, String whenEmpty, List<?> items) {
		pages.heading(heading, Style.HEADING);
		if (items.isEmpty()) {
			pages.paragraph(whenEmpty, Style.TEXT);
		}
		return !items.isEmpty();
	}

	private static <T> void tableSection(PdfPages pages, String heading, String whenEmpty, List<T> items,
			List<Column> columns, Function<T, Row> row) {
		if (section(pages, heading, whenEmpty, items)) {
			pages.table(columns, items.stream().map(row).toList());
		}
	}

	private static Row version(Version version) {
		return new Row(List.of(version.label(), nonNull(version.fileName()), nonNull(version.mediaType()),
				RecordWords.size(version.sizeBytes()), version.uploadedBy().label(),
				RecordWords.time(version.uploadedAt()), version.status() + (version.locked() ? ", locked" : "")),
				"SHA-256: " + ((version.sha256() != null) ? version.sha256() : "none (no file uploaded)"), Style.MONO);
	}

	private static void stages(PdfPages pages, List<Stage> stages) {
		if (!section(pages, "Review stages", "No review stage opened yet.", stages)) {
			return;
		}
		for (Stage stage : stages) {
			pages.heading(stage.name() + ", " + stage.version(), Style.SUBHEADING);
			List<String[]> fields = new ArrayList<>(List.of(field("Rule", stage.rule()),
					field("Ran with", (stage.ranWith() != null) ? stage.ranWith() : "not recorded"),
					field("Reviewers", Timeline.names(stage.reviewers())),
					field("Opened", RecordWords.time(stage.openedAt())), field("Due", RecordWords.time(stage.dueAt())),
					field("Outcome", (stage.outcome() != null) ? stage.outcome() : "still open"),
					field("Settled", RecordWords.time(stage.settledAt()))));
			if (stage.resolvedBy() != null) {
				fields.add(field("Resolved by", stage.resolvedBy().label() + " (conflicting feedback)"));
				fields.add(field("Producer's comment", nonNull(stage.resolutionComment())));
			}
			pages.fields(fields, LABELS);
			pages.skip(4);
		}
	}

	private static Row decision(Decision decision) {
		List<String> notes = new ArrayList<>();
		if (decision.late()) {
			notes.add("Late feedback: given after the stage had settled; kept, not counted.");
		}
		if (decision.comment() != null) {
			notes.add("Comment: " + decision.comment());
		}
		return new Row(
				List.of(RecordWords.time(decision.when()), decision.who().label(),
						(decision.version() != null) ? decision.version() : "brief", nonNull(decision.stage()),
						decision.decision() + (decision.late() ? " (late)" : "")),
				notes.isEmpty() ? null : String.join("\n", notes), Style.TEXT);
	}

	private static Row change(Change change) {
		String reviewer = change.reviewer().label()
				+ ((change.delegatedTo() != null) ? " to " + change.delegatedTo().label() : "");
		return new Row(List.of(RecordWords.time(change.when()), change.kind(),
				nonNull(change.stage()) + ((change.version() != null) ? ", " + change.version() : ""), reviewer,
				change.by().label()), "Reason: " + nonNull(change.reason()), Style.TEXT);
	}

	private static String[] field(String label, String value) {
		return new String[] { label, nonNull(value) };
	}

	private static String nonNull(String text) {
		return (text != null) ? text : "";
	}

}
