package io.greenlight.production;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

import static io.greenlight.support.TestFiles.MP4_HEADER;
import static io.greenlight.support.TestFiles.PNG_HEADER;
import static io.greenlight.support.TestFiles.file;
import static io.greenlight.support.TestFiles.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Version files over real HTTP: a creative's upload becomes the next version and moves
 * the production to review; reviewers download it whole or by byte range; bad uploads are
 * refused with what to fix and leave nothing behind.
 */
@ServerIT
class VersionFilesIT {

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
		Http.Response upload = this.productions.upload(Users.CREATIVE, assetId, "cut v1.mp4", video, "First cut");

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
		assertThat(review.get("name").asText())
			.isEqualTo("Internal review: Upload spot v1 (" + this.productions.reference(assetId) + ")");

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
		assertThat(this.productions.upload(Users.CREATIVE, assetId, "v1.mp4", file(MP4_HEADER, 4096, 2), null).status())
			.isEqualTo(201);

		Http.Response second = this.productions.upload(Users.CREATIVE, assetId, "v2.mp4", file(MP4_HEADER, 4096, 3),
				null);

		assertThat(second.status()).isEqualTo(409);
		assertThat(second.json().get("detail").asText()).contains("does not wait for a new version")
			.contains("INTERNAL_REVIEW");
		assertThat(versions(assetId)).hasSize(1);
	}

	@Test
	void aFileOfTheWrongKindIsRefusedAndTheProductionStillWaits() {
		String assetId = this.productions.waitingForAVersion("Wrong kind");

		Http.Response upload = this.productions.upload(Users.CREATIVE, assetId, "still.mp4", file(PNG_HEADER, 2048, 4),
				null);

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
		Http.Response tooLargeMultipart = this.productions.upload(Users.CREATIVE, assetId, "huge.mp4",
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

		Http.Response upload = this.productions.upload(Users.CREATIVE, assetId, "v1.mp4", file(MP4_HEADER, 4096, 8),
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
	void eachVariantHasItsOwnLatestAndApprovedVersion() {
		// given v1, a 30s cut, sent back by a reviewer
		String assetId = this.productions.waitingForAVersion("Two cuts");
		Http.Response v1 = this.productions.upload(Users.CREATIVE, assetId, "30s.mp4", file(MP4_HEADER, 4096, 21),
				"Long cut", "30s cut");
		assertThat(v1.status()).as(v1.body()).isEqualTo(201);
		this.productions.review(Users.REVIEWER1, assetId, "UserTask_ReviewAsset",
				Map.of("decision", "CHANGES_REQUESTED", "decisionComment", "Too long"));
		this.productions.review(Users.REVIEWER2, assetId, "UserTask_ReviewAsset",
				Map.of("decision", "CHANGES_REQUESTED", "decisionComment", "Try a short cut"));
		this.productions.awaitTask(Users.CREATIVE, assetId, "UserTask_ProduceVersion");

		// when v2 is a 15s cut of the same asset, and everyone approves it
		Http.Response v2 = this.productions.upload(Users.CREATIVE, assetId, "15s.mp4", file(MP4_HEADER, 4096, 22),
				"Short cut", "15s cut");
		assertThat(v2.status()).as(v2.body()).isEqualTo(201);
		String v2Id = v2.json().get("id").asText();
		this.productions.review(Users.REVIEWER1, assetId, "UserTask_ReviewAsset", Map.of("decision", "APPROVED"));
		this.productions.review(Users.REVIEWER2, assetId, "UserTask_ReviewAsset", Map.of("decision", "APPROVED"));
		this.productions.review(Users.CLIENT, assetId, "UserTask_ReviewAsset", Map.of("decision", "APPROVED"));

		// then the 15s cut's latest and approved version is v2, and the 30s cut still
		// has v1 as its latest (a parallel version, not superseded) and nothing approved
		JsonNode detail = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.http.get(Users.PRODUCER, "/api/assets/" + assetId).json(),
					json -> v2Id.equals(json.at("/approvedVersion/id").asText()));
		assertThat(detail.at("/latestVersion/number").asInt()).isEqualTo(2);
		assertThat(detail.get("variants")).hasSize(2);
		assertThat(detail.at("/variants/0/variant").asText()).isEqualTo("15s cut");
		assertThat(detail.at("/variants/0/latest/id").asText()).isEqualTo(v2Id);
		assertThat(detail.at("/variants/0/approved/id").asText()).isEqualTo(v2Id);
		assertThat(detail.at("/variants/1/variant").asText()).isEqualTo("30s cut");
		assertThat(detail.at("/variants/1/latest/number").asInt()).isEqualTo(1);
		assertThat(detail.at("/variants/1/latest/status").asText()).isNotEqualTo("SUPERSEDED");
		assertThat(detail.at("/variants/1/approved").isNull()).isTrue();
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

}
