package io.greenlight.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/**
 * Blobs as objects in an S3-compatible bucket, under {@code <prefix>ab/cd/abcd…} by
 * SHA-256. Content is received into a local spool directory first (hashed, measured,
 * checked), then put once: skipped when the object is there already, in one request below
 * the part size, otherwise as a multipart upload ({@link S3MultipartUpload}) that is
 * aborted on any failure, so a half-written object is never visible. Reads are lazy
 * byte-range requests ({@link S3ObjectResource}).
 */
public class S3BlobStore implements BlobStore {

	/** S3's smallest part but the last. */
	public static final DataSize MIN_PART_SIZE = DataSize.ofMegabytes(5);

	private final S3Client s3;

	private final String bucket;

	private final String prefix;

	private final long partSize;

	private final BlobSpool spool;

	/**
	 * @param prefix put before every key; empty, or ending with {@code /}
	 * @param partSize content up to this size is put in one request; larger content in
	 * parts of this size
	 * @param spoolDirectory where uploads are received before they go to the bucket
	 */
	public S3BlobStore(S3Client s3, String bucket, String prefix, DataSize partSize, Path spoolDirectory)
			throws IOException {
		if (partSize.compareTo(MIN_PART_SIZE) < 0) {
			throw new IllegalArgumentException("The part size must be at least 5 MB, S3's smallest part");
		}
		this.s3 = s3;
		this.bucket = bucket;
		this.prefix = prefix;
		this.partSize = partSize.toBytes();
		this.spool = new BlobSpool(spoolDirectory.toAbsolutePath().normalize());
	}

	@Override
	public ReceivedBlob receive(InputStream content, String fileName, long maxBytes) throws IOException {
		return this.spool.receive(content, fileName, maxBytes);
	}

	@Override
	public StoredBlob keep(ReceivedBlob received) throws IOException {
		String key = key(received.sha256());
		try {
			if (head(key).isPresent()) {
				return received.blob(); // identical content is stored once
			}
			if (received.size() <= this.partSize) {
				// a single put is atomic: the object appears whole or not at all
				this.s3.putObject(put -> put.bucket(this.bucket).key(key).contentType(received.mediaType()),
						RequestBody.fromFile(received.file()));
			}
			else {
				new S3MultipartUpload(this.s3, this.bucket, key, this.partSize).upload(received.file(), received.size(),
						received.mediaType());
			}
			return received.blob();
		}
		catch (RuntimeException ex) {
			// the SDK's failures, and the file read short while sent, are all I/O here
			throw new IOException("The file could not be stored in " + location() + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public Optional<Resource> find(String sha256) {
		if (!BlobAddress.valid(sha256)) {
			return Optional.empty();
		}
		String key = key(sha256);
		return head(key).map(head -> new S3ObjectResource(this.s3, this.bucket, key, head));
	}

	@Override
	public void checkAvailable() throws IOException {
		try {
			this.s3.headBucket(head -> head.bucket(this.bucket));
		}
		catch (SdkException ex) {
			throw new IOException(location() + " cannot be reached: " + ex.getMessage(), ex);
		}
	}

	@Override
	public String location() {
		String endpoint = this.s3.serviceClientConfiguration()
			.endpointOverride()
			.map(Object::toString)
			.orElse("AWS, " + this.s3.serviceClientConfiguration().region());
		return "bucket '" + this.bucket + "' at " + endpoint;
	}

	private Optional<HeadObjectResponse> head(String key) {
		try {
			return Optional.of(this.s3.headObject(head -> head.bucket(this.bucket).key(key)));
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	private String key(String sha256) {
		return this.prefix + BlobAddress.path(sha256);
	}

}
