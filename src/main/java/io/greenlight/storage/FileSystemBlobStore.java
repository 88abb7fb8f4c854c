package io.greenlight.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.apache.tika.Tika;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Blobs as files under a directory: {@code ab/cd/abcd…} by SHA-256. Content is first
 * written to {@code tmp/} in the same directory (so the final move stays on one
 * filesystem and is atomic), hashed while it streams (on a second thread, see
 * {@link HashingCopy}), then moved under its address.
 */
public class FileSystemBlobStore implements BlobStore {

	private static final Logger log = LoggerFactory.getLogger(FileSystemBlobStore.class);

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private final Path root;

	private final Path tmp;

	private final HashingCopy copy;

	private final Supplier<MessageDigest> digests;

	private final Tika tika = new Tika();

	public FileSystemBlobStore(Path root) throws IOException {
		this(root, new HashingCopy(hashingThreads()), FileSystemBlobStore::sha256);
	}

	FileSystemBlobStore(Path root, HashingCopy copy, Supplier<MessageDigest> digests) throws IOException {
		this.root = root.toAbsolutePath().normalize();
		this.tmp = this.root.resolve("tmp");
		this.copy = copy;
		this.digests = digests;
		Files.createDirectories(this.tmp);
	}

	// one thread per upload in progress, gone a minute after; not a bean, so that Spring
	// Boot's own task executor is still configured
	private static ExecutorService hashingThreads() {
		AtomicInteger count = new AtomicInteger();
		return Executors.newCachedThreadPool(task -> {
			Thread thread = new Thread(task, "blob-hash-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public StoredBlob store(InputStream content, String fileName, long maxBytes) throws IOException {
		Path partial = Files.createTempFile(this.tmp, "upload-", ".part");
		try {
			MessageDigest sha256 = this.digests.get();
			long size;
			try (FileChannel out = FileChannel.open(partial, StandardOpenOption.WRITE)) {
				size = this.copy.copy(content, out, sha256, maxBytes);
			}
			if (size == 0) {
				throw new EmptyBlobException();
			}
			String mediaType = detect(partial, fileName);
			String hash = HexFormat.of().formatHex(sha256.digest());
			moveInPlace(partial, pathOf(hash));
			return new StoredBlob(hash, size, mediaType);
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	@Override
	public Optional<Resource> find(String sha256) {
		if (sha256 == null || !SHA256.matcher(sha256).matches()) {
			return Optional.empty();
		}
		Path path = pathOf(sha256);
		return Files.isRegularFile(path) ? Optional.of(new FileSystemResource(path)) : Optional.empty();
	}

	private String detect(Path file, String fileName) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return this.tika.detect(in, fileName);
		}
	}

	private void moveInPlace(Path partial, Path target) throws IOException {
		if (Files.exists(target)) {
			return; // identical content is stored once
		}
		Files.createDirectories(target.getParent());
		try {
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileAlreadyExistsException ex) {
			log.debug("Blob {} stored concurrently by another upload", target.getFileName());
		}
		catch (AtomicMoveNotSupportedException ex) {
			throw new IOException("The blob store at " + this.root + " needs a filesystem with atomic moves", ex);
		}
	}

	private Path pathOf(String sha256) {
		return this.root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
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
