package io.greenlight.storage;

import java.io.IOException;
import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The S3 store, with {@code greenlight.storage.type=s3}. The server does not start
 * without its bucket: uploads would fail one by one, long after the deployment.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "greenlight.storage.type", havingValue = "s3")
class S3StorageConfiguration {

	@Bean(destroyMethod = "close")
	S3Client blobStoreS3Client(StorageProperties properties) {
		StorageProperties.S3 s3 = properties.s3();
		S3ClientBuilder builder = S3Client.builder()
			// a download streams from the bucket for as long as the client reads: as many
			// connections as Tomcat has request threads (200), not the SDK's 50
			.httpClientBuilder(ApacheHttpClient.builder().maxConnections(200))
			.region(Region.of(s3.region()))
			.forcePathStyle(s3.pathStyleAccess());
		if (s3.hasEndpoint()) {
			// S3-compatible servers differ in their support for the SDK's newer default
			// checksums (CRC trailers on every request): send them where required only
			builder.endpointOverride(URI.create(s3.endpoint()))
				.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
				.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		}
		if (s3.hasKeys()) {
			builder.credentialsProvider(
					StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())));
		}
		return builder.build();
	}

	@Bean
	BlobStore s3BlobStore(S3Client s3Client, StorageProperties properties) throws IOException {
		StorageProperties.S3 s3 = properties.s3();
		S3BlobStore store = new S3BlobStore(s3Client, s3.bucket(), s3.prefix(), s3.partSize(), s3.spoolDirectory());
		try {
			store.checkAvailable();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Greenlight cannot use its S3 blob store: " + ex.getMessage()
					+ ". Check that the bucket exists, GREENLIGHT_S3_BUCKET, GREENLIGHT_S3_ENDPOINT and the "
					+ "credentials.", ex);
		}
		return store;
	}

}
