package io.greenlight.system;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import io.greenlight.support.Http;
import io.greenlight.support.Multipart;
import io.greenlight.support.ServerIT;
import io.greenlight.support.StreamedRequest;
import io.greenlight.support.StreamedRequest.Answer;
import io.greenlight.support.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the server reads of a request, over real HTTP: bodies other than version files
 * within the request limit (10 MB by default), refused before the server holds them;
 * multipart bodies within a number of parts; broken multipart and impossible pages
 * answered with what to fix instead of a server error.
 */
@ServerIT
class RequestLimitsIT {

	private static final long MB = 1024 * 1024;

	private static final String ATTACHMENT = "/engine-rest/task/does-not-exist/attachment/create";

	private final Http http;

	private final StreamedRequest streamed;

	@Autowired
	RequestLimitsIT(@LocalServerPort int port) {
		this.http = new Http(port);
		this.streamed = new StreamedRequest(port);
	}

	/**
	 * The server runs in this JVM, so its heap is this heap. What it holds of a body is
	 * measured as the live heap (used right after a full collection) at every 16 MB the
	 * body is sent and once more after the answer. A server that reads the body into
	 * memory holds about as much as it has been sent (some 200 MB, more while its buffer
	 * grows); one that refuses it holds at most the limit, and only until it answers. 64
	 * MB is far above that and above what the rest of the server allocates meanwhile
	 * (notifications, jobs), and far below the body.
	 */
	@ParameterizedTest(name = "length declared: {0}")
	@ValueSource(booleans = { false, true })
	void aLargeAttachmentIsRefusedWithoutTheServerHoldingIt(boolean lengthDeclared) {
		// given a reviewer's 200 MB attachment, made up while it is sent
		Multipart fields = new Multipart().field("attachment-name", "huge.mov").field("attachment-type", "video");
		GeneratedBody body = new GeneratedBody(fields.fileStart("content", "huge.mov"), 200 * MB, fields.end());
		long before = liveHeap();

		// when it is sent to the engine's REST API
		Answer answer = lengthDeclared
				? this.streamed.sized(Users.REVIEWER1, ATTACHMENT, fields.contentType(), body, body.length())
				: this.streamed.chunked(Users.REVIEWER1, ATTACHMENT, fields.contentType(), body);
		body.marks.add(liveHeap());

		// then the server never held it, and refused it as too large, naming the limit
		long grownMegabytes = (Collections.max(body.marks) - before) / MB;
		assertThat(grownMegabytes).as("MB the live heap grew while %d MB were sent", body.sent / MB).isLessThan(64);
		assertThat(answer.status()).as(answer.body()).isEqualTo(413);
		assertThat(answer.json().get("detail").asText()).contains("larger than the 10 MB");
		assertThat(answer.json().get("message").asText()).contains("larger than the 10 MB");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			/api/versions/does-not-exist/comments | {"body": " | "}
			/engine-rest/message | {"messageName": "Nothing", "processVariables": {"note": {"value": " | "}}}
			""")
	void aJsonBodyIsRefusedOnceMoreThanTheLimitHasArrived(String path, String start, String end) {
		// a body sent chunked: the server finds out how large it is only by reading it
		GeneratedBody json = new GeneratedBody(ascii(start), 11 * MB, ascii(end));

		Answer answer = this.streamed.chunked(Users.REVIEWER1, path, "application/json", json);

		assertThat(answer.status()).as(answer.body()).isEqualTo(413);
		assertThat(answer.json().get("detail").asText()).contains("larger than the 10 MB");
	}

	@ParameterizedTest
	@CsvSource({ "reviewer1, /api/versions/does-not-exist/comments, application/json",
			"reviewer1, /engine-rest/message, application/json",
			"producer, /camunda/api/engine/engine/default/message, application/json",
			", /login, application/x-www-form-urlencoded" })
	void aBodyThatSaysItIsOverTheLimitIsRefusedBeforeItIsRead(String user, String path, String contentType) {
		GeneratedBody body = new GeneratedBody(ascii("{\"x\": \""), 11 * MB, ascii("\"}"));

		Answer answer = this.streamed.sized(user, path, contentType, body, body.length());

		assertThat(answer.status()).as(answer.body()).isEqualTo(413);
		assertThat(answer.json().get("detail").asText()).contains("larger than the 10 MB");
	}

	@Test
	void tooManyPartsAreRefusedByTheEngineApi() {
		Multipart body = new Multipart();
		for (int part = 0; part < 5000; part++) {
			body.field("field" + part, "x");
		}

		Http.Response response = this.http.post(Users.REVIEWER1, ATTACHMENT, body.contentType(), body.bytes());

		assertThat(response.status()).as(response.body()).isEqualTo(413);
		assertThat(response.json().get("message").asText()).contains("more than 100 parts");
	}

	@Test
	void tooManyPartsAreRefusedByAVersionUpload() {
		Multipart body = new Multipart();
		for (int part = 0; part < 5000; part++) {
			body.field("note" + part, "x");
		}
		body.file("file", "cut.mp4", new byte[] { 1, 2, 3 });

		Http.Response response = this.http.post(Users.CREATIVE, "/api/assets/does-not-exist/versions",
				body.contentType(), body.bytes());

		assertThat(response.status()).as(response.body()).isEqualTo(413);
		assertThat(response.json().get("detail").asText()).contains("more than 10 parts");
	}

	@ParameterizedTest
	@CsvSource({ "creative, /api/assets/does-not-exist/versions", "reviewer1, " + ATTACHMENT })
	void aBrokenMultipartBodyIsABadRequest(String user, String path) {
		// the last part never ends
		Multipart whole = new Multipart().field("note", "First cut").file("file", "cut.mp4", new byte[100]);
		byte[] complete = whole.bytes();
		byte[] broken = Arrays.copyOf(complete, complete.length - 40);

		Http.Response response = this.http.post(user, path, whole.contentType(), broken);

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).contains("multipart");
	}

	@ParameterizedTest
	@CsvSource({ "reviewer1, /api/notifications", "reviewer1, /api/notifications/log", "ops, /api/notifications/failed",
			"producer, /api/assets" })
	void aPageBeyondAnyListIsABadRequest(String user, String path) {
		Http.Response response = this.http.get(user, path + "?page=2147483647&size=200");

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("detail").asText()).contains("page").contains("size");
	}

	/**
	 * The server's live heap: used heap right after a full collection (the server runs in
	 * this JVM).
	 */
	private static long liveHeap() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * A body made up as it is read: a start, {@code size} bytes of filler, an end. Every
	 * 16 MB it notes the live heap.
	 */
	private static final class GeneratedBody extends InputStream {

		private final byte[] start;

		private final long size;

		private final byte[] end;

		private final List<Long> marks = Collections.synchronizedList(new ArrayList<>());

		private long sent;

		GeneratedBody(byte[] start, long size, byte[] end) {
			this.start = start;
			this.size = size;
			this.end = end;
		}

		long length() {
			return this.start.length + this.size + this.end.length;
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			long position = this.sent;
			if (position >= length()) {
				return -1;
			}
			int count;
			if (position < this.start.length) {
				count = (int) Math.min(length, this.start.length - position);
				System.arraycopy(this.start, (int) position, buffer, offset, count);
			}
			else if (position < this.start.length + this.size) {
				count = (int) Math.min(length, this.start.length + this.size - position);
				Arrays.fill(buffer, offset, offset + count, (byte) 'x');
			}
			else {
				int from = (int) (position - this.start.length - this.size);
				count = Math.min(length, this.end.length - from);
				System.arraycopy(this.end, from, buffer, offset, count);
			}
			this.sent += count;
			if (this.sent / (16 * MB) > position / (16 * MB)) {
				this.marks.add(liveHeap());
			}
			return count;
		}

	}

}
