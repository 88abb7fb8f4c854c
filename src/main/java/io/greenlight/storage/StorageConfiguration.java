package io.greenlight.storage;

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

	@Bean
	@ConditionalOnMissingBean(BlobStore.class)
	BlobStore fileSystemBlobStore(@Value("${greenlight.storage.directory}") Path directory) throws IOException {
		return new FileSystemBlobStore(directory);
	}

}
