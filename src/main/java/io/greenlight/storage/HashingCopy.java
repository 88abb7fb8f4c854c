package io.greenlight.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Copies a stream into a channel while another thread hashes the same bytes, so an upload
 * takes as long as the slower of receiving-and-writing and hashing, not their sum. The
 * two threads share a fixed set of buffers (memory per copy is bounded:
 * {@code buffers × bufferSize}); a buffer goes back to the reader only once hashed, and
 * the reader has written it before it takes another, so no byte is copied between them.
 * <p>
 * The size limit is checked as the bytes arrive. Whichever side fails, the other stops,
 * and {@link #copy} returns only once the hashing thread no longer touches the buffers or
 * the digest.
 */
final class HashingCopy {

	/**
	 * A 2 GB upload is 16,384 hand-overs, cheap next to the bytes; the 1 MB in flight
	 * stays in the processor's caches between write and hash (four 1 MB buffers cost more
	 * CPU time per upload: docs/operations.md, "Benchmarks").
	 */
	static final int BUFFER_SIZE = 128 * 1024;

	static final int BUFFERS = 8;

	private static final int WRITE_SLICE = 256 * 1024;

	private final Executor hashing;

	private final int bufferSize;

	private final int buffers;

	HashingCopy(Executor hashing) {
		this(hashing, BUFFER_SIZE, BUFFERS);
	}

	HashingCopy(Executor hashing, int bufferSize, int buffers) {
		this.hashing = hashing;
		this.bufferSize = bufferSize;
		this.buffers = buffers;
	}

	/**
	 * @return how many bytes were copied; {@code digest} then holds their hash
	 * @throws BlobTooLargeException as soon as more than {@code maxBytes} arrived
	 */
	long copy(InputStream in, WritableByteChannel out, MessageDigest digest, long maxBytes) throws IOException {
		Pipeline pipeline = new Pipeline(digest);
		for (int i = 0; i < this.buffers; i++) {
			pipeline.free.add(new Chunk(new byte[this.bufferSize]));
		}
		CompletableFuture<Void> hasher = CompletableFuture.runAsync(pipeline::hash, this.hashing);
		boolean complete = false;
		try {
			long size = 0;
			while (true) {
				Chunk chunk = pipeline.nextFree();
				chunk.length = in.readNBytes(chunk.bytes, 0, chunk.bytes.length);
				size += chunk.length;
				if (size > maxBytes) {
					throw new BlobTooLargeException(maxBytes);
				}
				if (chunk.length == 0) {
					complete = true;
					return size;
				}
				// hashed while it is written: both only read the buffer
				pipeline.full.add(chunk);
				write(chunk, out);
			}
		}
		finally {
			pipeline.finish(complete);
			awaitHasher(hasher, complete);
		}
	}

	// in slices: the JDK copies a heap buffer into a direct one to write it and keeps
	// that per thread, so the slice bounds what each request thread keeps off the heap
	private static void write(Chunk chunk, WritableByteChannel out) throws IOException {
		for (int offset = 0; offset < chunk.length; offset += WRITE_SLICE) {
			ByteBuffer slice = ByteBuffer.wrap(chunk.bytes, offset, Math.min(WRITE_SLICE, chunk.length - offset));
			while (slice.hasRemaining()) {
				out.write(slice);
			}
		}
	}

	// the hash is only complete once the hasher has taken every buffer; after a failure
	// the wait makes sure nothing runs on once the caller cleans up
	private static void awaitHasher(CompletableFuture<Void> hasher, boolean complete) throws IOException {
		try {
			hasher.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			if (complete) {
				throw new InterruptedIOException("Interrupted while hashing the upload");
			}
		}
		catch (ExecutionException ex) {
			if (complete) {
				throw new IOException("Hashing the upload failed", ex.getCause());
			}
		}
	}

	private static final class Chunk {

		// the hasher's answer when it cannot go on: the reader stops at its next buffer
		static final Chunk FAILED = new Chunk(new byte[0]);

		// the reader's last word: END once everything is queued, ABORT when it gave up
		static final Chunk END = new Chunk(new byte[0]);

		static final Chunk ABORT = new Chunk(new byte[0]);

		final byte[] bytes;

		int length;

		Chunk(byte[] bytes) {
			this.bytes = bytes;
		}

	}

	/** The queues between the two threads; never more chunks in them than buffers. */
	private static final class Pipeline {

		final BlockingQueue<Chunk> free = new LinkedBlockingQueue<>();

		final BlockingQueue<Chunk> full = new LinkedBlockingQueue<>();

		final MessageDigest digest;

		volatile boolean aborted;

		volatile Throwable failure;

		Pipeline(MessageDigest digest) {
			this.digest = digest;
		}

		void hash() {
			try {
				while (true) {
					Chunk chunk = this.full.take();
					if (chunk == Chunk.END || chunk == Chunk.ABORT || this.aborted) {
						return;
					}
					this.digest.update(chunk.bytes, 0, chunk.length);
					this.free.add(chunk);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				fail(new InterruptedIOException("Interrupted while hashing the upload"));
			}
			catch (RuntimeException | Error ex) {
				fail(ex);
				throw ex;
			}
		}

		private void fail(Throwable ex) {
			this.failure = ex;
			this.free.add(Chunk.FAILED);
		}

		Chunk nextFree() throws IOException {
			try {
				Chunk chunk = this.free.take();
				if (chunk == Chunk.FAILED || this.failure != null) {
					throw new IOException("Hashing the upload failed", this.failure);
				}
				return chunk;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("Interrupted while receiving the upload");
			}
		}

		void finish(boolean complete) {
			if (!complete) {
				this.aborted = true;
			}
			this.full.add(complete ? Chunk.END : Chunk.ABORT);
		}

	}

}
