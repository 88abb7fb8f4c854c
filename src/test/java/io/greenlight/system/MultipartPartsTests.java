package io.greenlight.system;

import java.nio.charset.StandardCharsets;

import io.greenlight.support.Multipart;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counting the parts of a multipart body as it streams past, however the reads split it:
 * what lets a deployment of several files through and stops a body of thousands of parts.
 */
class MultipartPartsTests {

	@Test
	void everyPartCountsAndSoDoesTheClosingDelimiter() {
		Multipart body = new Multipart();
		String boundary = boundaryOf(body);
		// content that starts like a delimiter again and again without being one
		String nearMisses = "\r\n--" + boundary.substring(0, boundary.length() - 1) + "\r\n-\r\n--\r\n\r\n--"
				+ boundary.toUpperCase() + " --" + boundary;
		body.field("deployment-name", "from-modeler")
			.field("note", nearMisses)
			.file("file", "a.bpmn", ascii("<definitions/>"));
		byte[] bytes = body.bytes();
		MultipartParts parts = new MultipartParts(boundary);

		parts.scan(bytes, 0, bytes.length);

		assertThat(parts.delimiters()).isEqualTo(4);
	}

	@Test
	void theCountIsTheSameWhereverTheReadsSplitTheBody() {
		Multipart body = new Multipart();
		String boundary = boundaryOf(body);
		for (int field = 0; field < 20; field++) {
			body.field("field" + field, "\r\n--" + boundary.substring(0, field % boundary.length()));
		}
		byte[] bytes = body.bytes();

		for (int chunk = 1; chunk <= 9; chunk++) {
			MultipartParts parts = new MultipartParts(boundary);
			for (int offset = 0; offset < bytes.length; offset += chunk) {
				parts.scan(bytes, offset, Math.min(chunk, bytes.length - offset));
			}
			assertThat(parts.delimiters()).as("read %d bytes at a time", chunk).isEqualTo(21);
		}
	}

	private static String boundaryOf(Multipart body) {
		return body.contentType().substring(body.contentType().indexOf("boundary=") + "boundary=".length());
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
