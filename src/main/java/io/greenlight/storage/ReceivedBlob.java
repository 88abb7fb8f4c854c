package io.greenlight.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * An upload received whole into a local file, hashed and measured, but not yet in the
 * store: what it is can be checked (its media type, how long it runs) before
 * {@link BlobStore#keep(ReceivedBlob) keeping} it, so a refused file never reaches the
 * store. Closing it deletes the local file.
 */
public final class ReceivedBlob implements AutoCloseable {

	private final Path file;

	private final StoredBlob blob;

	ReceivedBlob(Path file, StoredBlob blob) {
		this.file = file;
		this.blob = blob;
	}

	/** The content as received, on local disk: cheap to read, as often as needed. */
	public Resource content() {
		return new FileSystemResource(this.file);
	}

	public String sha256() {
		return this.blob.sha256();
	}

	public long size() {
		return this.blob.size();
	}

	public String mediaType() {
		return this.blob.mediaType();
	}

	/** What the store holds once this is kept. */
	public StoredBlob blob() {
		return this.blob;
	}

	Path file() {
		return this.file;
	}

	@Override
	public void close() throws IOException {
		// a store that moved the file into place leaves nothing to delete
		Files.deleteIfExists(this.file);
	}

}
