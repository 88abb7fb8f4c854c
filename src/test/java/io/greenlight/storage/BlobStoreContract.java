package io.greenlight.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import io.greenlight.support.TestFiles;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What every blob store does, whatever keeps the bytes: each store's tests extend this
 * with how to make one and how to see what it holds.
 */
abstract class BlobStoreContract {

	/** A new, empty store. */
	abstract BlobStore store() throws IOException;

	/** Every blob the store holds, by its name there. */
	abstract List<String> blobs() throws IOException;

	/** Whatever an upload may leave besides blobs: spooled files, pending uploads. */
	abstract List<String> leftovers() throws IOException;

	@Test
	void storesContentUnderItsSha256AndReadsItBack() throws IOException {
		BlobStore store = store();
		byte[] content = "%PDF-1.7\nGreenlight brief\n".getBytes(StandardCharsets.US_ASCII);

		StoredBlob blob = store.store(new ByteArrayInputStream(content), "brief.pdf", 1024);

		assertThat(blob.sha256()).isEqualTo(TestFiles.sha256(content));
		assertThat(blob.size()).isEqualTo(content.length);
		assertThat(blob.mediaType()).isEqualTo("application/pdf");
		Resource found = store.find(blob.sha256()).orElseThrow();
		assertThat(found.contentLength()).isEqualTo(content.length);
		try (InputStream in = found.getInputStream()) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
		assertThat(blobs()).hasSize(1);
		assertThat(leftovers()).isEmpty();
	}

	@Test
	void aStreamThatBreaksPartWayLeavesNothingBehind() throws IOException {
		BlobStore store = store();
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

		assertThat(blobs()).isEmpty();
		assertThat(leftovers()).isEmpty();
	}

	@Test
	void tooMuchContentIsRefusedWhileStreamingAndLeavesNothing() throws IOException {
		BlobStore store = store();
		InputStream endless = new InputStream() {
			@Override
			public int read() {
				return 'x';
			}
		};

		assertThatExceptionOfType(BlobTooLargeException.class).isThrownBy(() -> store.store(endless, "big.bin", 1024))
			.withMessage("The file is larger than the 1 KB allowed.");

		assertThat(blobs()).isEmpty();
		assertThat(leftovers()).isEmpty();
	}

	@Test
	void theSameContentTwiceIsStoredOnce() throws IOException {
		BlobStore store = store();
		byte[] content = "same bytes".getBytes(StandardCharsets.US_ASCII);

		StoredBlob first = store.store(new ByteArrayInputStream(content), "a.txt", 1024);
		StoredBlob second = store.store(new ByteArrayInputStream(content), "b.txt", 1024);

		assertThat(second.sha256()).isEqualTo(first.sha256());
		assertThat(blobs()).hasSize(1);
		assertThat(leftovers()).isEmpty();
	}

	@Test
	void anEmptyStreamIsRefusedAndLeavesNothing() throws IOException {
		BlobStore store = store();

		assertThatExceptionOfType(EmptyBlobException.class)
			.isThrownBy(() -> store.store(InputStream.nullInputStream(), "empty.mp4", 1024));

		assertThat(blobs()).isEmpty();
		assertThat(leftovers()).isEmpty();
	}

	@Test
	void receivedContentIsCheckedBeforeItIsKeptAndARefusedFileLeavesNothing() throws IOException {
		BlobStore store = store();
		byte[] video = TestFiles.file(TestFiles.MP4_HEADER, 4096, 3);

		try (ReceivedBlob received = store.receive(new ByteArrayInputStream(video), "cut.mp4", 8192)) {
			assertThat(received.mediaType()).isEqualTo("video/mp4");
			assertThat(received.sha256()).isEqualTo(TestFiles.sha256(video));
			try (InputStream local = received.content().getInputStream()) {
				assertThat(local.readAllBytes()).isEqualTo(video);
			}
			// refused: never kept
		}

		assertThat(store.find(TestFiles.sha256(video))).isEmpty();
		assertThat(blobs()).isEmpty();
		assertThat(leftovers()).isEmpty();
	}

	@Test
	void aLargeFileIsStoredUnderTheSha256OfAllItsBytes() throws IOException {
		BlobStore store = store();
		byte[] content = TestFiles.file(TestFiles.MP4_HEADER, 5 * 64 * 1024 + 123, 9);

		StoredBlob blob = store.store(new ByteArrayInputStream(content), "master.mp4", content.length);

		assertThat(blob.sha256()).isEqualTo(TestFiles.sha256(content));
		assertThat(blob.size()).isEqualTo(content.length);
		assertThat(blob.mediaType()).isEqualTo("video/mp4");
		assertThat(read(store, blob.sha256())).isEqualTo(content);
		assertThat(blobs()).hasSize(1);
	}

	@Test
	void aByteRangeIsReadBySkippingToItsStart() throws IOException {
		BlobStore store = store();
		byte[] content = TestFiles.file(TestFiles.MP4_HEADER, 256 * 1024, 11);
		StoredBlob blob = store.store(new ByteArrayInputStream(content), "scrub.mp4", content.length);

		// as a video player asks for the end of the file (where its index often is)
		try (InputStream in = store.find(blob.sha256()).orElseThrow().getInputStream()) {
			assertThat(in.skip(200_000)).isEqualTo(200_000);
			assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, 200_000, content.length));
		}
	}

	@Test
	void onlyAPartInTheMiddleIsReadAndTheStreamClosedBeforeTheEnd() throws IOException {
		BlobStore store = store();
		byte[] content = TestFiles.file(TestFiles.MP4_HEADER, 512 * 1024, 12);
		StoredBlob blob = store.store(new ByteArrayInputStream(content), "middle.mp4", content.length);

		try (InputStream in = store.find(blob.sha256()).orElseThrow().getInputStream()) {
			assertThat(in.skip(100_000)).isEqualTo(100_000);
			assertThat(in.readNBytes(1000)).isEqualTo(Arrays.copyOfRange(content, 100_000, 101_000));
		}

		// and the store answers the next download as before
		assertThat(read(store, blob.sha256())).isEqualTo(content);
	}

	@Test
	void anAddressThatIsNoSha256OrNotStoredFindsNothing() throws IOException {
		BlobStore store = store();

		assertThat(store.find("../../etc/passwd")).isEmpty();
		assertThat(store.find(null)).isEmpty();
		assertThat(store.find("A".repeat(64))).isEmpty();
		assertThat(store.find("a".repeat(64))).isEmpty();
	}

	private static byte[] read(BlobStore store, String sha256) throws IOException {
		try (InputStream in = store.find(sha256).orElseThrow().getInputStream()) {
			return in.readAllBytes();
		}
	}

}
