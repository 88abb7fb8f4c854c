package io.greenlight.storage;

import java.nio.file.Path;

import io.greenlight.support.S3Server;
import io.greenlight.support.TestSmtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.annotation.UserConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store a server starts with, chosen by {@code greenlight.storage.type}, and how it
 * refuses to start with an S3 store it cannot use.
 */
class StorageConfigurationTests {

	@TempDir
	Path directory;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withConfiguration(UserConfigurations.of(StorageConfiguration.class))
			.withPropertyValues("greenlight.storage.directory=" + this.directory,
					"greenlight.storage.s3.spool-directory=" + this.directory.resolve("spool"));
	}

	@Test
	void withoutATypeFilesAreKeptOnTheFilesystemAsBefore() {
		runner().run(context -> {
			assertThat(context).hasSingleBean(BlobStore.class)
				.getBean(BlobStore.class)
				.isInstanceOf(FileSystemBlobStore.class);
			assertThat(context.getBean("blobStoreHealthIndicator", HealthIndicator.class).health().getStatus())
				.isEqualTo(Status.UP);
		});
	}

	@Test
	void anS3StoreWithoutABucketStopsTheServerSayingWhatToSet() {
		runner().withPropertyValues("greenlight.storage.type=s3")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("GREENLIGHT_S3_BUCKET"));
	}

	@Test
	void anUnknownStoreTypeStopsTheServerNamingTheSetting() {
		runner().withPropertyValues("greenlight.storage.type=minio")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				// Spring Boot's failure analysis prints this binding failure at startup
				.hasStackTraceContaining("Failed to bind properties under 'greenlight.storage.type'"));
	}

	@Test
	void aPartSizeBelowS3sSmallestPartStopsTheServer() {
		runner()
			.withPropertyValues("greenlight.storage.type=s3", "greenlight.storage.s3.bucket=files",
					"greenlight.storage.s3.part-size=1MB")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("part-size is 1 MB"));
	}

	@Test
	void anS3EndpointThatDoesNotAnswerStopsTheServerNamingBucketAndEndpoint() {
		String endpoint = "http://127.0.0.1:" + TestSmtp.freePort();
		runner()
			.withPropertyValues("greenlight.storage.type=s3", "greenlight.storage.s3.bucket=versions",
					"greenlight.storage.s3.endpoint=" + endpoint, "greenlight.storage.s3.access-key=a",
					"greenlight.storage.s3.secret-key=b")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.hasRootCauseInstanceOf(java.net.ConnectException.class)
				.hasMessageContaining("bucket 'versions' at " + endpoint));
	}

	@Test
	void aBucketThatDoesNotExistStopsTheServer() {
		S3Server s3 = S3Server.get();
		runner().withPropertyValues("greenlight.storage.type=s3")
			.withPropertyValues(properties(s3, "no-such-bucket"))
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("bucket 'no-such-bucket' at " + s3.endpoint()));
	}

	@Test
	void anS3StoreKeepsFilesInItsBucketAndReportsItsHealth() {
		S3Server s3 = S3Server.get();
		String bucket = s3.newBucket("configured");
		runner().withPropertyValues(properties(s3, bucket)).run(context -> {
			assertThat(context).getBean(BlobStore.class).isInstanceOf(S3BlobStore.class);
			assertThat(context.getBean("blobStoreHealthIndicator", HealthIndicator.class).health().getStatus())
				.isEqualTo(Status.UP);
		});
	}

	private static String[] properties(S3Server s3, String bucket) {
		return s3.greenlightProperties(bucket)
			.entrySet()
			.stream()
			.map(property -> property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
	}

}
