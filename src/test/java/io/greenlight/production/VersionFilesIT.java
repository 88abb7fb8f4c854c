package io.greenlight.production;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlight.support.Http;
import io.greenlight.support.Multipart;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Version files over real HTTP: a creative's upload becomes the next version and moves
 * the production to review; reviewers download it whole or by byte range; bad uploads are
 * refused with what to fix and leave nothing behind.
 */
@ServerIT
class VersionFilesIT {

	private static final byte[] MP4_HEADER = { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i',
			's', 'o', 'm', 'i', 's', 'o', '2' };

	private static final byte[] PNG_HEADER = { (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I',
			'H', 'D', 'R' };

	private final Http http;

	private final ProductionDriver productions;

	private final JdbcClient jdbc;

	private final Path storage;

	@Autowired
	VersionFilesIT(@LocalServerPort int port, JdbcClient jdbc, @Value("${greenlight.storage.directory}") Path storage) {
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
		this.jdbc = jdbc;
		this.storage = storage;
	}

	@Test
	void anUploadBecomesTheNextVersionAndReviewersDownloadIt() throws Exception {
		// given a production waiting for its first version
		String assetId = this.productions.waitingForAVersion("Upload spot");
		byte[] video = file(MP4_HEADER, 64 * 1024, 1);

		// when the creative uploads the file
		Http.Response upload = uploadMultipart(Users.CREATIVE, assetId, "cut v1.mp4", video, "First cut");

		// then it is version 1 with its file's facts, and the production moved on to
		// review
		assertThat(upload.status()).as(upload.body()).isEqualTo(201);
		JsonNode version = upload.json();
		assertThat(version.get("number").asInt()).isEqualTo(1);
		assertThat(version.get("mediaType").asText()).isEqualTo("video/mp4");
		assertThat(version.get("sizeBytes").asLong()).isEqualTo(video.length);
		assertThat(version.get("sha256").asText()).isEqualTo(sha256(video));
		assertThat(version.get("fileName").asText()).isEqualTo("cut v1.mp4");
		assertThat(version.get("note").asText()).isEqualTo("First cut");
		JsonNode review = this.productions.awaitTask(Users.REVIEWER1, assetId, "UserTask_ReviewAsset");
		assertThat(review.get("name").asText()).isEqualTo("Internal review: Upload spot v1");

		// and a reviewer downloads it whole, by range, and not again when unchanged
		String path = "/api/versions/" + version.get("id").asText() + "/file";
		Http.Response whole = this.http.send(this.http.request(Users.REVIEWER1, path).GET());
		assertThat(whole.status()).isEqualTo(200);
		assertThat(whole.raw().headers().firstValue("Content-Type")).hasValue("video/mp4");
		assertThat(whole.raw().headers().firstValue("ETag")).hasValue("\"" + sha256(video) + "\"");
		assertThat(whole.raw().headers().firstValue("Content-Disposition"))
			.hasValueSatisfying(disposition -> assertThat(disposition).startsWith("inline").contains("cut v1.mp4"));
		assertThat(bytes(Users.REVIEWER1, path, null)).isEqualTo(video);
		assertThat(bytes(Users.REVIEWER1, path, "bytes=100-199")).isEqualTo(Arrays.copyOfRange(video, 100, 200));
		Http.Response range = this.http
			.send(this.http.request(Users.REVIEWER1, path).header("Range", "bytes=100-199").GET());
		assertThat(range.status()).isEqualTo(206);
		assertThat(range.raw().headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + video.length);
		Http.Response unchanged = this.http
			.send(this.http.request(Users.REVIEWER1, path).header("If-None-Match", "\"" + sha256(video) + "\"").GET());
		assertThat(unchanged.status()).isEqualTo(304);

		// and somebody outside the project does not even learn that it exists
		Http.Response outsider = this.http.get(Users.REVIEWER3, path);
		assertThat(outsider.status()).isEqualTo(404);
		assertThat(outsider.json().get("detail").asText()).contains("No version");
	}

	@Test
	void aProductionInReviewTakesNoNewVersion() {
		String assetId = this.productions.waitingForAVersion("Busy spot");
		assertThat(uploadMultipart(Users.CREATIVE, assetId, "v1.mp4", file(MP4_HEADER, 4096, 2), null).status())
			.isEqualTo(201);

		Http.Response second = uploadMultipart(Users.CREATIVE, assetId, "v2.mp4", file(MP4_HEADER, 4096, 3), null);

		assertThat(second.status()).isEqualTo(409);
		assertThat(second.json().get("detail").asText()).contains("does not wait for a new version")
			.contains("INTERNAL_REVIEW");
		assertThat(versions(assetId)).hasSize(1);
	}

	@Test
	void aFileOfTheWrongKindIsRefusedAndTheProductionStillWaits() {
		String assetId = this.productions.waitingForAVersion("Wrong kind");

		Http.Response upload = uploadMultipart(Users.CREATIVE, assetId, "still.mp4", file(PNG_HEADER, 2048, 4), null);

		assertThat(upload.status()).isEqualTo(415);
		assertThat(upload.json().get("detail").asText()).contains("image/png").contains("VIDEO").contains("video/*");
		assertThat(versions(assetId)).isEmpty();
		assertThat(this.productions.awaitTask(Users.CREATIVE, assetId, "UserTask_ProduceVersion")).isNotNull();
	}

	@Test
	void emptyAndOversizedFilesAreRefusedAndLeaveNothingBehind() throws Exception {
		String assetId = this.productions.waitingForAVersion("Size limits");
		long partialBefore = partialUploads();

		Http.Response empty = uploadRaw(Users.CREATIVE, assetId, "empty.mp4", new byte[0]);
		Http.Response tooLarge = uploadRaw(Users.CREATIVE, assetId, "huge.mp4", file(MP4_HEADER, 1024 * 1024 + 1, 5));
		Http.Response tooLargeMultipart = uploadMultipart(Users.CREATIVE, assetId, "huge.mp4",
				file(MP4_HEADER, 2 * 1024 * 1024, 6), null);

		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.json().get("detail").asText()).contains("The file is empty");
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.json().get("detail").asText()).contains("larger than the 1 MB allowed");
		assertThat(tooLargeMultipart.status()).isEqualTo(413);
		assertThat(versions(assetId)).isEmpty();
		assertThat(partialUploads()).as("half-written uploads").isEqualTo(partialBefore);
	}

	private long partialUploads() throws java.io.IOException {
		try (Stream<Path> partial = Files.list(this.storage.resolve("tmp"))) {
			return partial.count();
		}
	}

	@Test
	void aRawUploadWorksAndIdenticalContentIsStoredOnce() throws Exception {
		byte[] video = file(MP4_HEADER, 8192, 7);
		String first = this.productions.waitingForAVersion("Same bytes A");
		String second = this.productions.waitingForAVersion("Same bytes B");

		Http.Response a = uploadRaw(Users.CREATIVE, first, "../../etc/cut.mp4", video);
		Http.Response b = uploadRaw(Users.CREATIVE, second, "cut.mp4", video);

		assertThat(a.status()).as(a.body()).isEqualTo(201);
		assertThat(b.status()).as(b.body()).isEqualTo(201);
		assertThat(a.json().get("fileName").asText()).isEqualTo("cut.mp4");
		assertThat(a.json().get("sha256").asText()).isEqualTo(b.json().get("sha256").asText());
		try (Stream<Path> files = Files.walk(this.storage, 3)) {
			assertThat(files.filter(path -> path.getFileName().toString().equals(sha256(video)))).hasSize(1);
		}
	}

	@Test
	void anUploadRefusedAfterItsFileWasStoredLeavesNoVersionBehind() {
		// the file is in the store before the transaction that registers it; when that
		// transaction
		// fails (here: a note longer than allowed), no version row may point anywhere
		String assetId = this.productions.waitingForAVersion("Rolled back");

		Http.Response upload = uploadMultipart(Users.CREATIVE, assetId, "v1.mp4", file(MP4_HEADER, 4096, 8),
				"x".repeat(4001));

		assertThat(upload.status()).isEqualTo(400);
		assertThat(upload.json().get("detail").asText()).contains("too long");
		assertThat(versions(assetId)).isEmpty();
		assertThat(this.productions.awaitTask(Users.CREATIVE, assetId, "UserTask_ProduceVersion")).isNotNull();
		List<String> files = this.jdbc.sql("SELECT sha256 FROM asset_version WHERE sha256 IS NOT NULL")
			.query(String.class)
			.list();
		assertThat(files).allSatisfy(sha -> assertThat(
				Files.exists(this.storage.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha)))
			.as("file of version row " + sha)
			.isTrue());
	}

	@Test
	void twoUploadsAtTheSameMomentNeverShareANumber() throws Exception {
		// several rounds: the two requests interleave differently each time
		for (int round = 0; round < 6; round++) {
			String assetId = this.productions.waitingForAVersion("Race " + round);
			List<Integer> statuses = uploadTwiceAtOnce(assetId, round);

			assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(201, 409);
			assertThat(versions(assetId)).extracting(version -> version.get("number").asInt()).containsExactly(1);
		}
	}

	private List<Integer> uploadTwiceAtOnce(String assetId, int round) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Http.Response>> uploads = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				byte[] video = file(MP4_HEADER, 256 * 1024, 100L * round + i);
				uploads.add(() -> uploadRaw(Users.CREATIVE, assetId, "race.mp4", video));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Http.Response> result : pool.invokeAll(uploads)) {
				statuses.add(result.get().status());
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private Http.Response uploadMultipart(String user, String assetId, String fileName, byte[] content, String note) {
		Multipart body = new Multipart();
		if (note != null) {
			body.field("note", note);
		}
		body.file("file", fileName, content);
		return this.http.post(user, "/api/assets/" + assetId + "/versions", body.contentType(), body.bytes());
	}

	private Http.Response uploadRaw(String user, String assetId, String fileName, byte[] content) {
		String query = "?fileName=" + java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8);
		return this.http.send(this.http.request(user, "/api/assets/" + assetId + "/versions" + query)
			.header("Content-Type", "application/octet-stream")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
	}

	private byte[] bytes(String user, String path, String range) {
		HttpRequest.Builder request = this.http.request(user, path).GET();
		if (range != null) {
			request.header("Range", range);
		}
		return this.http.sendForBytes(request);
	}

	private List<JsonNode> versions(String assetId) {
		List<JsonNode> versions = new ArrayList<>();
		this.http.get(Users.PRODUCER, "/api/assets/" + assetId).json().get("versions").forEach(versions::add);
		return versions;
	}

	private static byte[] file(byte[] header, int size, long seed) {
		byte[] content = new byte[size];
		new Random(seed).nextBytes(content);
		System.arraycopy(header, 0, content, 0, Math.min(header.length, size));
		return content;
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
