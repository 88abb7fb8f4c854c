package io.greenlight.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Blobs as files under a directory: {@code ab/cd/abcd…} by SHA-256. Content is first
 * received into {@code tmp/} in the same directory (so the final move stays on one
 * filesystem and is atomic), hashed while it streams, then moved under its address.
 */
public class FileSystemBlobStore implements BlobStore {

	private static final Logger log = LoggerFactory.getLogger(FileSystemBlobStore.class);

	private final Path root;

	private final BlobSpool spool;

	public FileSystemBlobStore(Path root) throws IOException {
		this.root = root.toAbsolutePath().normalize();
		this.spool = new BlobSpool(this.root.resolve("tmp"));
	}

	@Override
	public ReceivedBlob receive(InputStream content, String fileName, long maxBytes) throws IOException {
		return this.spool.receive(content, fileName, maxBytes);
	}

	@Override
	public StoredBlob keep(ReceivedBlob received) throws IOException {
		moveInPlace(received.file(), pathOf(received.sha256()));
		return received.blob();
	}

	@Override
	public Optional<Resource> find(String sha256) {
		if (!BlobAddress.valid(sha256)) {
			return Optional.empty();
		}
		Path path = pathOf(sha256);
		return Files.isRegularFile(path) ? Optional.of(new FileSystemResource(path)) : Optional.empty();
	}

	@Override
	public void checkAvailable() throws IOException {
		if (!Files.isDirectory(this.spool.directory()) || !Files.isWritable(this.spool.directory())) {
			throw new IOException(this.spool.directory() + " is not a writable directory");
		}
	}

	@Override
	public String location() {
		return this.root.toString();
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
		return this.root.resolve(BlobAddress.path(sha256));
	}

}
