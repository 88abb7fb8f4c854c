package io.greenlight.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.greenlight.support.TestFiles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FileSystemBlobStoreTests {

	@TempDir
	Path root;

	@Test
	void storesContentUnderItsSha256AndReadsItBack() throws IOException {
		FileSystemBlobStore store = new FileSystemBlobStore(this.root);
		byte[] content = "%PDF-1.7\nGreenlight brief\n".getBytes(StandardCharsets.US_ASCII);

		StoredBlob blob = store.store(new ByteArrayInputStream(content), "brief.pdf", 1024);

		assertThat(blob.sha256()).hasSize(64).matches("[0-9a-f]+");
		assertThat(blob.size()).isEqualTo(content.length);
		assertThat(blob.mediaType()).isEqualTo("application/pdf");
		try (InputStream in = store.find(blob.sha256()).orElseThrow().getInputStream()) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
	}

	@Test
	void aStreamThatBreaksPartWayLeavesNoFileBehind() throws IOException {
		FileSystemBlobStore store = new FileSystemBlobStore(this.root);
		InputStream breaking = new InputStream() {
			private int sent;

			@Override
			public int read() throws IOException {
				if (this.sent++ > 100_000) {
					throw new IOException("connection reset by peer");
				}
				return 'x';
			}
		};

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> store.store(breaking, "cut.mp4", 1_000_000))
			.withMessageContaining("connection reset");

		assertThat(files()).isEmpty();
	}

	@Test
	void tooMuchContentIsRefusedWhileStreamingAndLeavesNothing() throws IOException {
		FileSystemBlobStore store = new FileSystemBlobStore(this.root);

		assertThatExceptionOfType(BlobTooLargeException.class)
			.isThrownBy(() -> store.store(new ByteArrayInputStream(new byte[2048]), "big.bin", 1024))
			.withMessage("The file is larger than the 1 KB allowed.");

		assertThat(files()).isEmpty();
	}

	@Test
	void theSameContentTwiceIsOneFile() throws IOException {
		FileSystemBlobStore store = new FileSystemBlobStore(this.root);
		byte[] content = "same bytes".getBytes(StandardCharsets.US_ASCII);

		StoredBlob first = store.store(new ByteArrayInputStream(content), "a.txt", 1024);
		StoredBlob second = store.store(new ByteArrayInputStream(content), "b.txt", 1024);

		assertThat(second.sha256()).isEqualTo(first.sha256());
		assertThat(files()).hasSize(1);
	}

	@Test
	void aLargeFileIsStoredUnderTheSha256OfAllItsBytes() throws Exception {
		FileSystemBlobStore store = new FileSystemBlobStore(this.root);
		byte[] content = TestFiles.file(TestFiles.MP4_HEADER, 5 * 64 * 1024 + 123, 9);

		StoredBlob blob = store.store(new ByteArrayInputStream(content), "master.mp4", content.length);

		assertThat(blob.sha256()).isEqualTo(TestFiles.sha256(content));
		assertThat(blob.size()).isEqualTo(content.length);
		assertThat(blob.mediaType()).isEqualTo("video/mp4");
		assertThat(Files.readAllBytes(store.find(blob.sha256()).orElseThrow().getFile().toPath())).isEqualTo(content);
		assertThat(files()).hasSize(1);
	}

	@Test
	void anEmptyStreamIsRefusedAndLeavesNothing() throws IOException {
		FileSystemBlobStore store = new FileSystemBlobStore(this.root);

		assertThatExceptionOfType(EmptyBlobException.class)
			.isThrownBy(() -> store.store(InputStream.nullInputStream(), "empty.mp4", 1024));

		assertThat(files()).isEmpty();
	}

	@Test
	void anAddressThatIsNoSha256FindsNothing() throws IOException {
		FileSystemBlobStore store = new FileSystemBlobStore(this.root);

		assertThat(store.find("../../etc/passwd")).isEmpty();
		assertThat(store.find("a".repeat(64))).isEmpty();
	}

	// every regular file in the store, the temporary folder included
	private java.util.List<Path> files() throws IOException {
		try (Stream<Path> walk = Files.walk(this.root)) {
			return walk.filter(Files::isRegularFile).toList();
		}
	}

}
