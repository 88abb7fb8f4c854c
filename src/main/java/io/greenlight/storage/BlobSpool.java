package io.greenlight.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.apache.tika.Tika;

/**
 * Receives uploads into local files, for every store: streamed, hashed with SHA-256 and
 * held to the size limit while they arrive, never whole in memory; the media type is then
 * detected from the content. A failure part-way deletes what was written.
 */
final class BlobSpool {

	private static final int BUFFER = 64 * 1024;

	private final Path directory;

	private final Tika tika = new Tika();

	BlobSpool(Path directory) throws IOException {
		this.directory = directory;
		Files.createDirectories(directory);
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
