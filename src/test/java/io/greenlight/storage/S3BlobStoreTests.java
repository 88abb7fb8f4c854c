package io.greenlight.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import io.greenlight.support.S3Server;
import io.greenlight.support.TestFiles;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The S3 store against a real S3 server (S3Proxy, {@link S3Server}): the contract every
 * store keeps, and uploads in parts.
 */
class S3BlobStoreTests extends BlobStoreContract {

	private static final String PREFIX = "greenlight/";

	private final S3Server s3 = S3Server.get();

	@TempDir
	Path spool;

	private String bucket;

	@Override
	BlobStore store() throws IOException {
		return store(client());
	}

	private BlobStore store(S3Client client) throws IOException {
		this.bucket = this.s3.newBucket("blob-store");
		return new S3BlobStore(client, this.bucket, PREFIX, S3BlobStore.MIN_PART_SIZE, this.spool);
	}

	@Override
	List<String> blobs() {
		return this.s3.keys(this.bucket);
	}

	@Override
	List<String> leftovers() throws IOException {
		try (Stream<Path> spooled = Files.list(this.spool)) {
			return Stream.concat(spooled.map(Path::toString), this.s3.pendingUploads(this.bucket).stream()).toList();
		}
	}

	@Test
	void blobsAreKeyedByTheirSha256UnderThePrefix() throws IOException {
		BlobStore store = store();
		byte[] content = TestFiles.file(TestFiles.PNG_HEADER, 2048, 1);

		StoredBlob blob = store.store(new ByteArrayInputStream(content), "still.png", 4096);

		String sha = blob.sha256();
		assertThat(blobs()).containsExactly(PREFIX + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha);
		assertThat(client().headObject(head -> head.bucket(this.bucket).key(blobs().get(0))).contentType())
			.isEqualTo("image/png");
	}

	@Test
	void contentLargerThanThePartSizeGoesUpInPartsAndReadsBackIdentical() throws IOException {
		BlobStore store = store();
		int partSize = (int) S3BlobStore.MIN_PART_SIZE.toBytes();
		byte[] master = TestFiles.file(TestFiles.MP4_HEADER, 2 * partSize + 123_456, 21);

		StoredBlob blob = store.store(new ByteArrayInputStream(master), "master.mp4", master.length);

		assertThat(blob.sha256()).isEqualTo(TestFiles.sha256(master));
		// a multipart object's ETag ends with its number of parts
		assertThat(client().headObject(head -> head.bucket(this.bucket).key(blobs().get(0))).eTag()).endsWith("-3\"");
		try (InputStream in = store.find(blob.sha256()).orElseThrow().getInputStream()) {
			assertThat(in.readAllBytes()).isEqualTo(master);
		}
		assertThat(leftovers()).isEmpty();
	}

	@Test
	void anUploadThatFailsAfterItsFirstPartLeavesNoObjectAndNoPendingUpload() throws IOException {
		BlobStore store = store();
		long partSize = S3BlobStore.MIN_PART_SIZE.toBytes();
		byte[] master = TestFiles.file(TestFiles.MP4_HEADER, (int) (2 * partSize + 1000), 22);

		try (ReceivedBlob received = store.receive(new ByteArrayInputStream(master), "master.mp4", master.length)) {
			// the spooled file loses its end (a full disk, a cleaned temp folder) once
			// the
			// first part is in
			try (FileChannel file = FileChannel.open(received.file(), StandardOpenOption.WRITE)) {
				file.truncate(partSize + 10);
			}
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> store.keep(received));
		}

		assertThat(blobs()).isEmpty();
		assertThat(leftovers()).isEmpty();
	}

	@Test
	void aByteRangeAsksTheBucketForItsBytesOnlyAndOnlyWhenRead() throws IOException {
		List<String> gets = new CopyOnWriteArrayList<>();
		ExecutionInterceptor recorder = new ExecutionInterceptor() {
			@Override
			public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
				if (context.request() instanceof GetObjectRequest) {
					gets.add(context.httpRequest().firstMatchingHeader("Range").orElse("whole"));
				}
			}
		};
		try (S3Client recording = this.s3.clientBuilder()
			.overrideConfiguration(configuration -> configuration.addExecutionInterceptor(recorder))
			.build()) {
			BlobStore store = store(recording);
			byte[] content = TestFiles.file(TestFiles.MP4_HEADER, 256 * 1024, 23);
			StoredBlob blob = store.store(new ByteArrayInputStream(content), "scrub.mp4", content.length);

			// as Spring MVC serves "Range: bytes=200000-200999": skip, read, close
			Resource found = store.find(blob.sha256()).orElseThrow();
			try (InputStream in = found.getInputStream()) {
				in.skip(200_000);
				assertThat(gets).as("requests before the first read").isEmpty();
				assertThat(in.readNBytes(1000)).isEqualTo(Arrays.copyOfRange(content, 200_000, 201_000));
			}
			try (InputStream in = found.getInputStream()) {
				assertThat(in.readAllBytes()).isEqualTo(content);
			}

			assertThat(gets).containsExactly("bytes=200000-", "whole");
		}
	}

	@Test
	void thePartSizeIsAtLeastS3sSmallestPart() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new S3BlobStore(client(), "any", "", DataSize.ofMegabytes(4), this.spool))
			.withMessageContaining("at least 5 MB");
	}

	private S3Client client() {
		return this.s3.client();
	}

}
