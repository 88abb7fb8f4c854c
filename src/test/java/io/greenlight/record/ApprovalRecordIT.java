package io.greenlight.record;

import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlight.support.Http;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.TestFiles;
import io.greenlight.support.Users;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The approval record a client gets as proof, downloaded over HTTP after a production
 * went through changes requested, a producer's resolution, a reviewer removed and the
 * client's approval: the PDF (read back with PDFBox) and the CSV (read back with Commons
 * CSV) both name each version's checksum, each decision with who, when, on which version
 * and what they said, the stages' rules and the final approval.
 */
@ServerIT
class ApprovalRecordIT {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

	// a comment that breaks naive CSV (commas, quotes, a line break), runs in Excel (a
	// formula) and needs more than ASCII
	private static final String TRICKY = "=HYPERLINK(\"http://evil.example/\",\"Click\") Logo too small, make it "
			+ "\"bigger\", please\nZoë: こんにちは Ωμέγα";

	private final Http http;

	private final ProductionDriver productions;

	ApprovalRecordIT(@LocalServerPort int port) {
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
	}

	@Test
	void theRecordOfAnApprovedAssetNamesEveryVersionDecisionAndTheFinalApproval() throws IOException {
		// given a production: v1, changes requested (a producer resolves the
		// disagreement), v2 approved internally (a silent reviewer removed) and by
		// the client
		long unique = System.nanoTime() % 100000;
		String title = "Record spot é " + unique;
		String assetId = this.productions.start(title);
		this.productions.claimAndComplete(Users.PRODUCER, assetId, "UserTask_ApproveBrief",
				Map.of("briefDecision", "APPROVED"));
		byte[] v1File = TestFiles.file(TestFiles.MP4_HEADER, 4096, unique);
		byte[] v2File = TestFiles.file(TestFiles.MP4_HEADER, 5000, unique + 1);
		String v1 = upload(assetId, "spot-v1.mp4", v1File);
		decide(Users.REVIEWER2, v1, "APPROVED", null);
		decide(Users.REVIEWER1, v1, "CHANGES_REQUESTED", TRICKY);
		this.productions.claimAndComplete(Users.PRODUCER, assetId, "UserTask_ResolveConflictingFeedback",
				Map.of("resolution", "CHANGES_REQUESTED", "resolutionComment", "Follow the logo notes"));
		String v2 = upload(assetId, "spot-v2.mp4", v2File);
		decide(Users.REVIEWER1, v2, "APPROVED", "Good to go");
		String internalV2 = stages(assetId).get(1).get("id").asText();
		Http.Response removed = this.http.send(
				this.http
					.request(Users.PRODUCER,
							"/api/review-stages/" + internalV2 + "/reviewers/" + Users.REVIEWER2 + "?reason="
									+ URLEncoder.encode("On holiday, approved by phone", StandardCharsets.UTF_8))
					.DELETE());
		assertThat(removed.status()).as(removed.body()).isEqualTo(200);
		this.productions.awaitTask(Users.CLIENT, assetId, "UserTask_ReviewAsset");
		decide(Users.CLIENT, v2, "APPROVED", "Très bien — 承認します");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !asset(assetId).at("/asset/approvedVersionId").isNull()
					&& asset(assetId).at("/asset/approvedVersionId").asText().equals(v2));
		JsonNode asset = asset(assetId);
		List<JsonNode> stages = stages(assetId);
		JsonNode decisions = asset.get("decisions");

		// when the producer downloads the PDF
		HttpResponse<byte[]> pdf = this.http.getBytes(Users.PRODUCER,
				"/api/assets/" + assetId + "/approval-record.pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		ApprovalRecordPdfTests.save("sample-approval-record.pdf", pdf.body());

		// then it is a download named after the production's reference and the title
		String reference = this.productions.reference(assetId);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(pdf.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"" + reference + "-Record-spot-e-" + unique + "-approval-record.pdf\"");
		String text = text(pdf.body());
		// the asset and both versions' checksums
		assertThat(text).contains(title)
			.containsPattern("Reference\\s+" + reference)
			.contains("Acme Beverages")
			.contains(TestFiles.sha256(v1File))
			.contains(TestFiles.sha256(v2File));
		// each decision: when, who, version, stage, decision, and what they said
		assertThat(text)
			.containsPattern(row(time(decisions.get(0)), "Pat Producer (producer)", "brief", "Brief", "Approved"));
		assertThat(text).containsPattern(
				row(time(decisions.get(1)), "Robin Reviewer (reviewer2)", "v1", "Internal review", "Approved"));
		assertThat(text).containsPattern(row(time(decisions.get(2)), "Riley Reviewer (reviewer1)", "v1",
				"Internal review", "Changes requested"));
		assertThat(text).contains("Comment: =HYPERLINK(\"http://evil.example/\",\"Click\") Logo too small, make it")
			.contains("\"bigger\", please")
			.contains("Zoë: ????? Ωμέγα");
		assertThat(text).containsPattern(
				row(time(decisions.get(3)), "Riley Reviewer (reviewer1)", "v2", "Internal review", "Approved"));
		assertThat(text).containsPattern(
				row(time(decisions.get(4)), "Chris Client (Acme) (client)", "v2", "Client review", "Approved"));
		assertThat(text).contains("Comment: Très bien — ?????");
		// the stages' rules, the producer's resolution, the reviewer removed
		assertThat(text).contains("ALL: every reviewer must approve")
			.contains("PRIMARY: Chris Client (Acme) (client) decides, the others advise")
			.containsPattern("Resolved by\\s+Pat Producer \\(producer\\) \\(conflicting feedback\\)")
			.containsPattern("Producer's comment\\s+Follow the logo notes")
			.containsPattern("removed\\s+Internal review, v2\\s+Robin Reviewer \\(reviewer2\\)\\s+Pat Producer")
			.contains("Reason: On holiday, approved by phone");
		// which versions of the review process and the routing table each stage ran with
		String ranWith = "review process v" + stages.get(2).get("reviewProcessVersion").asInt() + ", routing table v"
				+ stages.get(2).get("routingTableVersion").asInt();
		assertThat(text).containsPattern("Ran with\\s+" + ranWith);
		// the final approval, and who asked for the record when
		assertThat(text)
			.contains("Final approval: v2 approved on " + time(stages.get(2).get("settledAt").asText())
					+ " at the client review stage")
			.contains("Approved by: Chris Client (Acme) (client)")
			.contains("SHA-256: " + TestFiles.sha256(v2File))
			.contains("by Pat Producer (producer)")
			.containsPattern("page 1 of \\d");

		// when the client downloads the CSV
		Http.Response csv = this.http.get(Users.CLIENT, "/api/assets/" + assetId + "/approval-record.csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.raw().headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
		assertThat(csv.raw().headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"" + reference + "-Record-spot-e-" + unique + "-approval-record.csv\"");
		List<CSVRecord> rows = csv(csv.body());

		// then one row per event, in the order they happened
		assertThat(rows).extracting(row -> row.get("event") + "|" + row.get("version") + "|" + row.get("stage"))
			.containsExactly("decision||Brief", "version uploaded|v1|", "stage opened|v1|Internal review",
					"decision|v1|Internal review", "decision|v1|Internal review", "stage settled|v1|Internal review",
					"version uploaded|v2|", "stage opened|v2|Internal review", "decision|v2|Internal review",
					"reviewer removed|v2|Internal review", "stage settled|v2|Internal review",
					"stage opened|v2|Client review", "decision|v2|Client review", "stage settled|v2|Client review",
					"final approval|v2|Client review", "record generated||");
		CSVRecord changes = rows.get(4);
		assertThat(changes.get("when")).isEqualTo(time(decisions.get(2)));
		assertThat(changes.get("who")).isEqualTo("Riley Reviewer (reviewer1)");
		assertThat(changes.get("decision")).isEqualTo("Changes requested");
		// the formula shows as text; commas, quotes, the line break and every script kept
		assertThat(changes.get("comment")).isEqualTo("'" + TRICKY);
		assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"Click\"\")");
		assertThat(rows.get(1).get("detail")).contains("SHA-256: " + TestFiles.sha256(v1File));
		assertThat(rows.get(11).get("detail")).endsWith("; " + ranWith);
		assertThat(rows.get(5).get("who")).isEqualTo("Pat Producer (producer)");
		assertThat(rows.get(5).get("comment")).isEqualTo("Follow the logo notes");
		assertThat(rows.get(9).get("comment")).isEqualTo("On holiday, approved by phone");
		assertThat(rows.get(12).get("comment")).isEqualTo("Très bien — 承認します");
		assertThat(rows.get(14).get("detail")).contains("SHA-256: " + TestFiles.sha256(v2File));
		assertThat(rows.get(14).get("who")).isEqualTo("Chris Client (Acme) (client)");
		assertThat(rows.get(15).get("who")).isEqualTo("Chris Client (Acme) (client)");
		assertThat(rows).allSatisfy(row -> assertThat(row.get("when")).endsWith(" UTC"));
	}

	@Test
	void anAssetNotApprovedYetSaysSoAndMarksLateFeedback() throws IOException {
		// given a social post whose internal stage (ANY) settled at reviewer1's request
		// for changes, and reviewer2's decision that came after it
		String assetId = this.productions
			.socialPostSettledWithoutReviewer2("Record pending " + System.nanoTime() % 100000);
		String v1 = asset(assetId).at("/versions/0/id").asText();
		Http.Response late = this.productions.decide(Users.REVIEWER2, v1, "APPROVED", "Fine by me");
		assertThat(late.status()).as(late.body()).isEqualTo(202);

		// when creative-ops downloads both
		HttpResponse<byte[]> pdf = this.http.getBytes(Users.OPS, "/api/assets/" + assetId + "/approval-record.pdf");
		Http.Response csv = this.http.get(Users.OPS, "/api/assets/" + assetId + "/approval-record.csv");

		// then both say there is no approval yet, and the late decision is marked
		assertThat(pdf.statusCode()).isEqualTo(200);
		String text = text(pdf.body());
		assertThat(text).contains("Not approved yet")
			.contains("No version of this asset has been approved")
			.doesNotContain("Final approval")
			.contains("ANY: the first decision settles it")
			.containsPattern(row("Robin Reviewer (reviewer2)", "v1", "Internal review", "Approved (late)"))
			.contains("Late feedback: given after the stage had settled; kept, not counted.")
			.contains("Comment: Fine by me");
		List<CSVRecord> rows = csv(csv.body());
		assertThat(rows).extracting(row -> row.get("event")).doesNotContain("final approval").contains("late feedback");
		assertThat(rows.get(rows.size() - 1).get("event")).isEqualTo("record generated");
		assertThat(rows.get(rows.size() - 1).get("detail")).isEqualTo("not approved yet");
	}

	@Test
	void someoneOutsideTheProjectGetsA404ForBoth() {
		String assetId = this.productions.start("Record outsider " + System.nanoTime() % 100000);

		for (String format : List.of("pdf", "csv")) {
			Http.Response outsider = this.http.get(Users.REVIEWER3,
					"/api/assets/" + assetId + "/approval-record." + format);
			assertThat(outsider.status()).as(format).isEqualTo(404);
			assertThat(outsider.body()).doesNotContain("Record outsider");
		}
	}

	private String upload(String assetId, String fileName, byte[] content) {
		this.productions.awaitTask(Users.CREATIVE, assetId, "UserTask_ProduceVersion");
		Http.Response uploaded = this.productions.upload(Users.CREATIVE, assetId, fileName, content, null);
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		this.productions.awaitTask(Users.REVIEWER1, assetId, "UserTask_ReviewAsset");
		return uploaded.json().get("id").asText();
	}

	private void decide(String user, String versionId, String decision, String comment) {
		ObjectNode body = JSON.createObjectNode().put("decision", decision);
		if (comment != null) {
			body.put("comment", comment);
		}
		Http.Response response = this.http.postJson(user, "/api/versions/" + versionId + "/decisions", body.toString());
		assertThat(response.status()).as(response.body()).isEqualTo(204);
	}

	private JsonNode asset(String assetId) {
		return this.http.get(Users.PRODUCER, "/api/assets/" + assetId).json();
	}

	private List<JsonNode> stages(String assetId) {
		List<JsonNode> stages = new java.util.ArrayList<>();
		this.http.get(Users.PRODUCER, "/api/assets/" + assetId + "/review-stages").json().forEach(stages::add);
		return stages;
	}

	private static String time(JsonNode decision) {
		return time(decision.get("decidedAt").asText());
	}

	private static String time(String iso) {
		return UTC.format(OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC));
	}

	// a table row as PDFBox reads it back: the cells in order, apart
	private static Pattern row(String... cells) {
		return Pattern.compile(String.join("\\s+", java.util.Arrays.stream(cells).map(Pattern::quote).toList()));
	}

	private static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	private static List<CSVRecord> csv(String body) throws IOException {
		assertThat(body).startsWith("\uFEFFwhen,event,version,stage,who,decision,comment,detail\r\n");
		return CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(body.substring(1)))
			.getRecords();
	}

}
