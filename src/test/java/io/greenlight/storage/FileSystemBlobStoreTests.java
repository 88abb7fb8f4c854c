package io.greenlight.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import io.greenlight.support.TestFiles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class FileSystemBlobStoreTests extends BlobStoreContract {

	@TempDir
	Path root;

	@Override
	BlobStore store() throws IOException {
		return new FileSystemBlobStore(this.root);
	}

	@Override
	List<String> blobs() throws IOException {
		return files(this.root).stream().filter((file) -> !file.startsWith("tmp/")).toList();
	}

	@Override
	List<String> leftovers() throws IOException {
		return files(this.root.resolve("tmp"));
	}

	@Test
	void aBlobIsAFileUnderItsAddressServedInPlace() throws IOException {
		BlobStore store = store();
		byte[] content = TestFiles.file(TestFiles.MP4_HEADER, 70_000, 4);

		StoredBlob blob = store.store(new ByteArrayInputStream(content), "cut.mp4", content.length);

		String sha = blob.sha256();
		assertThat(blobs()).containsExactly(sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha);
		Path file = store.find(sha).orElseThrow().getFile().toPath();
		assertThat(Files.readAllBytes(file)).isEqualTo(content);
	}

	@Test
	void aStartRemovesUploadsACrashAbandonedButNotOnesStillArriving() throws IOException {
		// given what a killed node left in the spool a day and a half ago, and an upload
		// another node is receiving into the same directory now
		Path spool = Files.createDirectories(this.root.resolve("tmp"));
		Path abandoned = Files.write(spool.resolve("upload-123.part"), new byte[1024]);
		Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofHours(36))));
		Path arriving = Files.write(spool.resolve("upload-456.part"), new byte[1024]);

		// when a node starts
		store();

		// then only the abandoned one is gone
		assertThat(leftovers()).containsExactly("tmp/upload-456.part");
		assertThat(arriving).exists();
	}

	// every regular file under the directory, relative to the store's root
	private List<String> files(Path directory) throws IOException {
		try (Stream<Path> walk = Files.walk(directory)) {
			return walk.filter(Files::isRegularFile).map((file) -> this.root.relativize(file).toString()).toList();
		}
	}

}
