package io.greenlight.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class HashingCopyTests {

	private static final int SMALL = 4096;

	private final ExecutorService hashing = Executors.newSingleThreadExecutor();

	@AfterEach
	void theHashingThreadIsDone() throws InterruptedException {
		this.hashing.shutdown();
		assertThat(this.hashing.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void hashesAndCopiesEveryByteForSizesAroundTheBufferBoundaries() throws Exception {
		HashingCopy copy = new HashingCopy(this.hashing, SMALL, 2);
		for (int size : new int[] { 1, SMALL - 1, SMALL, SMALL + 1, 2 * SMALL, 3 * SMALL - 1, 3 * SMALL + 1,
				100_003 }) {
			byte[] content = content(size);
			ByteArrayOutputStream written = new ByteArrayOutputStream();
			MessageDigest digest = sha256();

			long copied = copy.copy(new ByteArrayInputStream(content), Channels.newChannel(written), digest,
					Long.MAX_VALUE);

			assertThat(copied).as("size %d", size).isEqualTo(size);
			assertThat(written.toByteArray()).as("size %d", size).isEqualTo(content);
			assertThat(digest.digest()).as("size %d", size).isEqualTo(sha256().digest(content));
		}
	}

	@Test
	void hashesAndCopiesAroundTheRealBufferSize() throws Exception {
		HashingCopy copy = new HashingCopy(this.hashing);
		int buffer = HashingCopy.BUFFER_SIZE;
		for (int size : new int[] { buffer - 1, buffer, buffer + 1, HashingCopy.BUFFERS * buffer + 3 }) {
			byte[] content = content(size);
			ByteArrayOutputStream written = new ByteArrayOutputStream();
			MessageDigest digest = sha256();

			copy.copy(new ByteArrayInputStream(content), Channels.newChannel(written), digest, size);

			assertThat(written.toByteArray()).as("size %d", size).isEqualTo(content);
			assertThat(digest.digest()).as("size %d", size).isEqualTo(sha256().digest(content));
		}
	}

	@Test
	void aStreamThatArrivesInOddPiecesIsHashedWhole() throws Exception {
		byte[] content = content(50_000);
		Random random = new Random(3);
		InputStream trickle = new ByteArrayInputStream(content) {
			@Override
			public synchronized int read(byte[] buffer, int offset, int length) {
				return super.read(buffer, offset, Math.min(length, 1 + random.nextInt(700)));
			}
		};
		MessageDigest digest = sha256();

		new HashingCopy(this.hashing, SMALL, 3).copy(trickle, Channels.newChannel(new ByteArrayOutputStream()), digest,
				Long.MAX_VALUE);

		assertThat(digest.digest()).isEqualTo(sha256().digest(content));
	}

	@Test
	void nothingToCopyIsZeroBytes() throws Exception {
		MessageDigest digest = sha256();

		assertThat(new HashingCopy(this.hashing, SMALL, 2).copy(InputStream.nullInputStream(),
				Channels.newChannel(new ByteArrayOutputStream()), digest, 10))
			.isZero();
	}

	@Test
	void theSizeLimitCutsTheStreamOffWhileItArrives() throws Exception {
		HashingCopy copy = new HashingCopy(this.hashing, SMALL, 2);
		CountingStream endless = new CountingStream(Long.MAX_VALUE);

		assertThatExceptionOfType(BlobTooLargeException.class).isThrownBy(() -> copy.copy(endless,
				Channels.newChannel(OutputStream.nullOutputStream()), sha256(), 10 * SMALL + 5));
		assertThat(endless.sent).isLessThanOrEqualTo(11 * SMALL);

		// exactly the limit is allowed
		assertThat(copy.copy(new ByteArrayInputStream(content(3 * SMALL)),
				Channels.newChannel(OutputStream.nullOutputStream()), sha256(), 3 * SMALL))
			.isEqualTo(3 * SMALL);
	}

	@Test
	void aReadErrorFailsTheCopy() {
		HashingCopy copy = new HashingCopy(this.hashing, SMALL, 2);
		InputStream breaking = new CountingStream(5 * SMALL + 17) {
			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int read = super.read(buffer, offset, length);
				if (read == -1) {
					throw new IOException("connection reset by peer");
				}
				return read;
			}
		};

		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> copy.copy(breaking, Channels.newChannel(OutputStream.nullOutputStream()), sha256(),
					Long.MAX_VALUE))
			.withMessage("connection reset by peer");
	}

	@Test
	void aWriteErrorFailsTheCopy() {
		HashingCopy copy = new HashingCopy(this.hashing, SMALL, 2);
		WritableByteChannel full = new WritableByteChannel() {
			private long written;

			@Override
			public int write(ByteBuffer source) throws IOException {
				if (this.written > 3 * SMALL) {
					throw new IOException("No space left on device");
				}
				int length = source.remaining();
				source.position(source.limit());
				this.written += length;
				return length;
			}

			@Override
			public boolean isOpen() {
				return true;
			}

			@Override
			public void close() {
			}
		};

		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> copy.copy(new CountingStream(100 * SMALL), full, sha256(), Long.MAX_VALUE))
			.withMessage("No space left on device");
	}

	@Test
	void aHashingErrorFailsTheCopyInsteadOfLeavingItWaiting() {
		HashingCopy copy = new HashingCopy(this.hashing, SMALL, 2);

		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> copy.copy(new CountingStream(100 * SMALL),
					Channels.newChannel(OutputStream.nullOutputStream()), new FailingDigest(2 * SMALL), Long.MAX_VALUE))
			.withMessage("Hashing the upload failed")
			.withRootCauseInstanceOf(IllegalStateException.class));
	}

	private static byte[] content(int size) {
		byte[] content = new byte[size];
		new Random(size).nextBytes(content);
		return content;
	}

	static MessageDigest sha256() throws NoSuchAlgorithmException {
		return MessageDigest.getInstance("SHA-256");
	}

	/** A digest that breaks after so many bytes. */
	static final class FailingDigest extends MessageDigest {

		private final long failAfter;

		private long seen;

		FailingDigest(long failAfter) {
			super("SHA-256");
			this.failAfter = failAfter;
		}

		@Override
		protected void engineUpdate(byte input) {
			engineUpdate(new byte[] { input }, 0, 1);
		}

		@Override
		protected void engineUpdate(byte[] input, int offset, int length) {
			this.seen += length;
			if (this.seen > this.failAfter) {
				throw new IllegalStateException("hashing broke");
			}
		}

		@Override
		protected byte[] engineDigest() {
			return new byte[32];
		}

		@Override
		protected void engineReset() {
			this.seen = 0;
		}

	}

	/** So many bytes of 'x', counting what was read. */
	static class CountingStream extends InputStream {

		private final long length;

		long sent;

		CountingStream(long length) {
			this.length = length;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) == -1) ? -1 : one[0];
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.sent >= this.length) {
				return -1;
			}
			int n = (int) Math.min(length, this.length - this.sent);
			Arrays.fill(buffer, offset, offset + n, (byte) 'x');
			this.sent += n;
			return n;
		}

	}

}
