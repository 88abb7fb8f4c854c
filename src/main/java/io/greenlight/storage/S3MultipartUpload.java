package io.greenlight.storage;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.common.io.ByteStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * One object put in parts, each read from the received file when it is sent (and again
 * when the SDK retries it), so memory holds a buffer, never a part. The object only
 * appears once the upload is completed; any failure aborts it, so the bucket keeps
 * neither a half-written object nor the parts of a pending upload.
 */
final class S3MultipartUpload {

	private static final Logger log = LoggerFactory.getLogger(S3MultipartUpload.class);

	private final S3Client s3;

	private final String bucket;

	private final String key;

	private final long partSize;

	S3MultipartUpload(S3Client s3, String bucket, String key, long partSize) {
		this.s3 = s3;
		this.bucket = bucket;
		this.key = key;
		this.partSize = partSize;
	}

	void upload(Path file, long size, String mediaType) throws IOException {
		String uploadId = this.s3
			.createMultipartUpload(create -> create.bucket(this.bucket).key(this.key).contentType(mediaType))
			.uploadId();
		try {
			List<CompletedPart> parts = new ArrayList<>();
			for (long offset = 0; offset < size; offset += this.partSize) {
				int number = parts.size() + 1;
				long length = Math.min(this.partSize, size - offset);
				try (FileRange range = new FileRange(file, offset, length)) {
					String eTag = this.s3
						.uploadPart(part -> part.bucket(this.bucket)
							.key(this.key)
							.uploadId(uploadId)
							.partNumber(number)
							.contentLength(length), RequestBody.fromContentProvider(range, length, mediaType))
						.eTag();
					parts.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
				}
			}
			this.s3.completeMultipartUpload(complete -> complete.bucket(this.bucket)
				.key(this.key)
				.uploadId(uploadId)
				.multipartUpload(upload -> upload.parts(parts)));
		}
		catch (IOException | RuntimeException | Error ex) {
			abort(uploadId, ex);
			throw ex;
		}
	}

	private void abort(String uploadId, Throwable cause) {
		try {
			this.s3.abortMultipartUpload(abort -> abort.bucket(this.bucket).key(this.key).uploadId(uploadId));
		}
		catch (RuntimeException ex) {
			// the bucket's lifecycle rule for incomplete uploads removes it later
			log.warn("Multipart upload {} of {} could not be aborted: {}", uploadId, this.key, ex.toString());
			cause.addSuppressed(ex);
		}
	}

	/**
	 * A part of the file, opened anew for each attempt the SDK makes; every stream it
	 * opened is closed with it.
	 */
	private static final class FileRange implements ContentStreamProvider, Closeable {

		private final Path file;

		private final long offset;

		private final long length;

		private final List<InputStream> opened = new ArrayList<>();

		FileRange(Path file, long offset, long length) {
			this.file = file;
			this.offset = offset;
			this.length = length;
		}

		@Override
		public InputStream newStream() {
			try {
				FileChannel channel = FileChannel.open(this.file).position(this.offset);
				InputStream part = ByteStreams.limit(Channels.newInputStream(channel), this.length);
				this.opened.add(part);
				return part;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() throws IOException {
			for (InputStream part : this.opened) {
				part.close();
			}
		}

	}

}
