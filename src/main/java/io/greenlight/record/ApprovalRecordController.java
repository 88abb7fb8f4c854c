package io.greenlight.record;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * An asset's approval record to download, as PDF and as CSV, for the project's members
 * and creative-ops (404 for everyone else).
 */
@RestController
class ApprovalRecordController {

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final ApprovalRecordService records;

	ApprovalRecordController(ApprovalRecordService records) {
		this.records = records;
	}

	@GetMapping("/api/assets/{assetId}/approval-record.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String assetId, Authentication authentication) {
		ApprovalRecord record = this.records.record(assetId, authentication.getName());
		return download(record, "pdf", MediaType.APPLICATION_PDF, ApprovalRecordPdf.render(record));
	}

	@GetMapping("/api/assets/{assetId}/approval-record.csv")
	ResponseEntity<byte[]> csv(@PathVariable String assetId, Authentication authentication) {
		ApprovalRecord record = this.records.record(assetId, authentication.getName());
		return download(record, "csv", CSV, ApprovalRecordCsv.render(record).getBytes(StandardCharsets.UTF_8));
	}

	private static ResponseEntity<byte[]> download(ApprovalRecord record, String extension, MediaType type,
			byte[] body) {
		String fileName = record.asset().reference() + "-" + slug(record.asset().title()) + "-approval-record."
				+ extension;
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName).build().toString())
			// a record of decisions is the reader's business only: no shared caches
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(body);
	}

	/**
	 * Text as a plain ASCII file name part: accents dropped (é as e), anything else
	 * between letters and digits as one hyphen, at most 80 characters. Plain ASCII works
	 * in every browser's and mail client's download without RFC 5987 encoding.
	 */
	static String slug(String text) {
		String ascii = Normalizer.normalize((text != null) ? text : "", Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replaceAll("[^A-Za-z0-9._]+", "-")
			.replaceAll("^[-.]+|[-.]+$", "");
		if (ascii.length() > 80) {
			ascii = ascii.substring(0, 80).replaceAll("[-.]+$", "");
		}
		return ascii.isEmpty() ? "asset" : ascii;
	}

}
