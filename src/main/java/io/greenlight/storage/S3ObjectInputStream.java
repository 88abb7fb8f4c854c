package io.greenlight.storage;

import java.io.IOException;
import java.io.InputStream;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * An object's bytes from a start offset. Spring MVC answers a byte range by skipping to
 * its start, reading its length and closing the stream: skipping before the first read
 * only moves the offset, the first read asks for the bytes from there on
 * ({@code Range: bytes=<offset>-}), and closing before the end drops the connection
 * rather than draining the rest of a video through it.
 */
final class S3ObjectInputStream extends InputStream {

	private final S3Client s3;

	private final String bucket;

	private final String key;

	private final long length;

	private long position;

	private ResponseInputStream<GetObjectResponse> body;

	private boolean closed;

	S3ObjectInputStream(S3Client s3, String bucket, String key, long length) {
		this.s3 = s3;
		this.bucket = bucket;
		this.key = key;
		this.length = length;
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		int read = read(one, 0, 1);
		return (read == -1) ? -1 : one[0] & 0xff;
	}

	@Override
	public int read(byte[] buffer, int offset, int count) throws IOException {
		if (this.closed) {
			throw new IOException("Stream closed");
		}
		if (count == 0) {
			return 0;
		}
		if (this.position >= this.length) {
			return -1; // S3 refuses a range that starts at the end
		}
		int read = open().read(buffer, offset, count);
		if (read > 0) {
			this.position += read;
		}
		return read;
	}

	@Override
	public long skip(long count) throws IOException {
		if (this.body != null) {
			long skipped = this.body.skip(count);
			this.position += skipped;
			return skipped;
		}
		long skipped = Math.max(0, Math.min(count, this.length - this.position));
		this.position += skipped;
		return skipped;
	}

	@Override
	public int available() throws IOException {
		return (this.body != null) ? this.body.available() : 0;
	}

	@Override
	public void close() throws IOException {
		if (this.closed) {
			return;
		}
		this.closed = true;
		if (this.body == null) {
			return;
		}
		if (this.position < this.length) {
			// closing would read the rest to reuse the connection
			this.body.abort();
		}
		else {
			this.body.close();
		}
	}

	private InputStream open() {
		if (this.body == null) {
			String range = (this.position > 0) ? "bytes=" + this.position + "-" : null;
			this.body = this.s3.getObject(get -> get.bucket(this.bucket).key(this.key).range(range));
		}
		return this.body;
	}

}
