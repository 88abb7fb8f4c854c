package io.greenlight.storage;

import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlight.support.Http;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.S3Server;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static io.greenlight.support.TestFiles.MP4_HEADER;
import static io.greenlight.support.TestFiles.PNG_HEADER;
import static io.greenlight.support.TestFiles.file;
import static io.greenlight.support.TestFiles.sha256;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole server keeping version files in an S3 bucket (S3Proxy): a creative's upload
 * goes up in parts, reviewers download it whole and by byte range, a refused file never
 * reaches the bucket, and operators see the bucket in the health endpoint.
 */
// a server configuration of its own: a JVM of its own (pom.xml, failsafe)
@Tag("own-server")
@ServerIT
// larger than the part size, so a video goes up in parts
@TestPropertySource(properties = "greenlight.storage.max-upload-size=12MB")
class S3StorageIT {

	private static final S3Server S3 = S3Server.get();

	private static final String BUCKET = S3.newBucket("greenlight-it");

	private final Http http;

	private final ProductionDriver productions;

	@Autowired
	S3StorageIT(@LocalServerPort int port) {
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
	}

	@DynamicPropertySource
	static void s3(DynamicPropertyRegistry registry) {
		S3.register(registry, BUCKET);
		registry.add("greenlight.storage.s3.part-size", () -> "5MB");
	}

	@Test
	void anUploadGoesToTheBucketAndReviewersDownloadItWholeAndByRange() {
		// given a production waiting for its first version
		String assetId = this.productions.waitingForAVersion("Bucket spot");
		byte[] video = file(MP4_HEADER, 6 * 1024 * 1024 + 321, 31);
		String sha = sha256(video);

		// when the creative uploads it
		Http.Response upload = this.productions.upload(Users.CREATIVE, assetId, "cut v1.mp4", video, "First cut");

		// then it is version 1, kept in the bucket under its SHA-256
		assertThat(upload.status()).as(upload.body()).isEqualTo(201);
		JsonNode version = upload.json();
		assertThat(version.get("sha256").asText()).isEqualTo(sha);
		assertThat(version.get("sizeBytes").asLong()).isEqualTo(video.length);
		assertThat(S3.keys(BUCKET)).contains(sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha);
		assertThat(S3.pendingUploads(BUCKET)).isEmpty();

		// and a reviewer downloads it whole
		String path = "/api/versions/" + version.get("id").asText() + "/file";
		var whole = this.http.getBytes(Users.REVIEWER1, path);
		assertThat(whole.statusCode()).isEqualTo(200);
		assertThat(whole.headers().firstValue("Content-Length")).hasValue(String.valueOf(video.length));
		assertThat(whole.body()).isEqualTo(video);

		// and scrubs to the middle of it, getting exactly those bytes
		byte[] range = this.http
			.sendForBytes(this.http.request(Users.REVIEWER1, path).header("Range", "bytes=5242000-5243999").GET());
		assertThat(range).isEqualTo(Arrays.copyOfRange(video, 5_242_000, 5_244_000));
		Http.Response partial = this.http
			.send(this.http.request(Users.REVIEWER1, path).header("Range", "bytes=100-199").GET());
		assertThat(partial.status()).isEqualTo(206);
		assertThat(partial.raw().headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + video.length);
		// and the end of the file, where a video's index often is
		byte[] tail = this.http
			.sendForBytes(this.http.request(Users.REVIEWER1, path).header("Range", "bytes=-1000").GET());
		assertThat(tail).isEqualTo(Arrays.copyOfRange(video, video.length - 1000, video.length));
	}

	@Test
	void aFileOfTheWrongKindNeverReachesTheBucket() {
		String assetId = this.productions.waitingForAVersion("Wrong kind in bucket");
		byte[] still = file(PNG_HEADER, 2048, 32);

		Http.Response upload = this.productions.upload(Users.CREATIVE, assetId, "still.mp4", still, null);

		assertThat(upload.status()).isEqualTo(415);
		assertThat(S3.keys(BUCKET)).noneMatch(key -> key.endsWith(sha256(still)));
	}

	@Test
	void operatorsSeeTheBucketInTheHealthEndpointButReadinessDoesNotDependOnIt() {
		Http.Response details = this.http.get(Users.OPS, "/actuator/health");
		Http.Response readiness = this.http.get(Users.OPS, "/actuator/health/readiness");

		assertThat(details.json().at("/components/blobStore/status").asText()).isEqualTo("UP");
		assertThat(details.json().at("/components/blobStore/details/location").asText())
			.isEqualTo("bucket '" + BUCKET + "' at " + S3.endpoint());
		// a bucket briefly away fails uploads and downloads, not sign-ins and reviews
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.json().at("/components/db/status").asText()).isEqualTo("UP");
		assertThat(readiness.json().at("/components/blobStore").isMissingNode()).isTrue();
	}

}
