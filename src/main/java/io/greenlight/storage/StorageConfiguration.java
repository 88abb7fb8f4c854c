package io.greenlight.storage;

import java.io.IOException;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
@Import(S3StorageConfiguration.class)
class StorageConfiguration {

	// any type but s3: binding the properties then refuses a type that is neither
	@Bean
	@Conditional(NotS3.class)
	@ConditionalOnMissingBean(BlobStore.class)
	BlobStore fileSystemBlobStore(StorageProperties properties) throws IOException {
		return new FileSystemBlobStore(properties.directory());
	}

	/**
	 * {@code blobStore} in {@code /actuator/health}; not in the readiness group: a store
	 * that is briefly away fails uploads and downloads, not sign-ins and reviews.
	 */
	@Bean
	HealthIndicator blobStoreHealthIndicator(BlobStore blobs) {
		return () -> {
			try {
				blobs.checkAvailable();
				return Health.up().withDetail("location", blobs.location()).build();
			}
			catch (IOException | RuntimeException ex) {
				return Health.down().withDetail("location", blobs.location()).withException(ex).build();
			}
		};
	}

	static class NotS3 extends NoneNestedConditions {

		NotS3() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty(name = "greenlight.storage.type", havingValue = "s3")
		static class S3 {

		}

	}

}
