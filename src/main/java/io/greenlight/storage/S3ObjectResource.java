package io.greenlight.storage;

import java.io.InputStream;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import org.springframework.core.io.AbstractResource;

/**
 * An object in the bucket as Spring MVC serves it: its length and date from the
 * {@code HeadObject} that found it, its content from a stream that asks for bytes only
 * when read ({@link S3ObjectInputStream}), so a byte-range response costs the range.
 */
final class S3ObjectResource extends AbstractResource {

	private final S3Client s3;

	private final String bucket;

	private final String key;

	private final HeadObjectResponse head;

	S3ObjectResource(S3Client s3, String bucket, String key, HeadObjectResponse head) {
		this.s3 = s3;
		this.bucket = bucket;
		this.key = key;
		this.head = head;
	}

	@Override
	public boolean exists() {
		return true; // found by its HeadObject; blobs are never deleted
	}

	@Override
	public long contentLength() {
		return this.head.contentLength();
	}

	@Override
	public long lastModified() {
		return (this.head.lastModified() != null) ? this.head.lastModified().toEpochMilli() : 0;
	}

	@Override
	public InputStream getInputStream() {
		return new S3ObjectInputStream(this.s3, this.bucket, this.key, contentLength());
	}

	@Override
	public String getDescription() {
		return "s3://" + this.bucket + "/" + this.key;
	}

}
