package io.greenlight.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.apache.tika.Tika;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives uploads into local files, for every store: streamed, hashed with SHA-256 and
 * held to the size limit while they arrive, never whole in memory; the media type is then
 * detected from the content. A failure part-way deletes what was written.
 */
final class BlobSpool {

	private static final Logger log = LoggerFactory.getLogger(BlobSpool.class);

	private static final int BUFFER = 64 * 1024;

	private static final Duration ABANDONED_AFTER = Duration.ofDays(1);

	private final Path directory;

	private final Tika tika = new Tika();

	BlobSpool(Path directory) throws IOException {
		this.directory = directory;
		Files.createDirectories(directory);
		removeAbandoned(Instant.now().minus(ABANDONED_AFTER));
	}

	/**
	 * Deletes what uploads cut off by a crash left behind (a killed node deletes
	 * nothing). An upload that still arrives writes to its file all along, and other
	 * nodes may spool into the same directory: only files untouched for a day go.
	 */
	void removeAbandoned(Instant untouchedSince) throws IOException {
		int removed = 0;
		try (DirectoryStream<Path> partials = Files.newDirectoryStream(this.directory, "upload-*.part")) {
			for (Path partial : partials) {
				if (Files.getLastModifiedTime(partial).toInstant().isBefore(untouchedSince)
						&& Files.deleteIfExists(partial)) {
					removed++;
				}
			}
		}
		if (removed > 0) {
			log.info("Removed {} upload(s) abandoned in {} (untouched since {})", removed, this.directory,
					untouchedSince);
		}
	}

	Path directory() {
		return this.directory;
	}

	ReceivedBlob receive(InputStream content, String fileName, long maxBytes) throws IOException {
		Path partial = Files.createTempFile(this.directory, "upload-", ".part");
		try {
			MessageDigest sha256 = sha256();
			long size = copy(content, partial, sha256, maxBytes);
			if (size == 0) {
				throw new EmptyBlobException();
			}
			String hash = HexFormat.of().formatHex(sha256.digest());
			return new ReceivedBlob(partial, new StoredBlob(hash, size, detect(partial, fileName)));
		}
		catch (IOException | RuntimeException | Error ex) {
			Files.deleteIfExists(partial);
			throw ex;
		}
	}

	private static long copy(InputStream content, Path target, MessageDigest digest, long maxBytes) throws IOException {
		byte[] buffer = new byte[BUFFER];
		long size = 0;
		try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
			int read;
			while ((read = content.read(buffer)) != -1) {
				size += read;
				if (size > maxBytes) {
					throw new BlobTooLargeException(maxBytes);
				}
				out.write(buffer, 0, read);
			}
		}
		return size;
	}

	private String detect(Path file, String fileName) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return this.tika.detect(in, fileName);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
