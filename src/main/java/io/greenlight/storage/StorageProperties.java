package io.greenlight.storage;

import java.net.URI;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * {@code greenlight.storage.*}: where version files are kept. Checked when the server
 * starts, so a store that is half configured stops it with what to set.
 *
 * @param type {@code filesystem} (the default) or {@code s3}
 * @param directory the filesystem store's directory
 * @param s3 the S3 store's bucket and how to reach it
 */
@ConfigurationProperties("greenlight.storage")
public record StorageProperties(@DefaultValue("filesystem") Type type, @DefaultValue("./data/files") Path directory,
		@DefaultValue S3 s3) {

	public StorageProperties {
		if (type == Type.S3) {
			s3.validate();
		}
	}

	public enum Type {

		FILESYSTEM, S3

	}

	/**
	 * @param bucket the bucket, which must exist
	 * @param endpoint an S3-compatible server's URL (MinIO, Ceph, Garage); empty for AWS
	 * @param region the bucket's region (any value for most S3-compatible servers)
	 * @param accessKey with {@code secretKey}; empty for the SDK's default credentials
	 * (environment, profile, instance or container role)
	 * @param secretKey the access key's secret
	 * @param pathStyleAccess {@code endpoint/bucket/key} instead of
	 * {@code bucket.endpoint/key}, for servers without bucket host names
	 * @param prefix put before every key, so a bucket can be shared; a {@code /} is added
	 * when missing
	 * @param partSize content up to this size goes up in one request, larger content in
	 * parts of this size (at least 5MB, S3's smallest part)
	 * @param spoolDirectory where uploads are received before they go to the bucket: room
	 * for the largest uploads arriving at the same time
	 */
	public record S3(String bucket, String endpoint, @DefaultValue("us-east-1") String region, String accessKey,
			String secretKey, boolean pathStyleAccess, String prefix, @DefaultValue("16MB") DataSize partSize,
			Path spoolDirectory) {

		public S3 {
			prefix = (!StringUtils.hasText(prefix) || prefix.endsWith("/")) ? (prefix != null ? prefix : "")
					: prefix + "/";
			spoolDirectory = (spoolDirectory != null) ? spoolDirectory
					: Path.of(System.getProperty("java.io.tmpdir"), "greenlight-s3-spool");
		}

		void validate() {
			if (!StringUtils.hasText(this.bucket)) {
				throw new IllegalArgumentException("greenlight.storage.type is s3 but no bucket is named: set "
						+ "greenlight.storage.s3.bucket (GREENLIGHT_S3_BUCKET) to a bucket that exists");
			}
			if (this.partSize.compareTo(S3BlobStore.MIN_PART_SIZE) < 0) {
				throw new IllegalArgumentException("greenlight.storage.s3.part-size is "
						+ DataSizes.readable(this.partSize.toBytes()) + ": S3 takes parts of at least 5MB");
			}
			if (StringUtils.hasText(this.accessKey) != StringUtils.hasText(this.secretKey)) {
				throw new IllegalArgumentException("Set both greenlight.storage.s3.access-key and secret-key "
						+ "(GREENLIGHT_S3_ACCESS_KEY, GREENLIGHT_S3_SECRET_KEY), or neither for the default "
						+ "credentials of the AWS SDK");
			}
			if (StringUtils.hasText(this.endpoint)) {
				URI uri = URI.create(this.endpoint);
				if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
					throw new IllegalArgumentException("greenlight.storage.s3.endpoint (GREENLIGHT_S3_ENDPOINT) is "
							+ this.endpoint + ": give the S3-compatible server's URL, like http://minio:9000");
				}
			}
		}

		boolean hasEndpoint() {
			return StringUtils.hasText(this.endpoint);
		}

		boolean hasKeys() {
			return StringUtils.hasText(this.accessKey);
		}

	}

}
