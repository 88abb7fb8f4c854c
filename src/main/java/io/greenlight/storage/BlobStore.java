package io.greenlight.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.springframework.core.io.Resource;

/**
 * Where the files of asset versions live, addressed by their SHA-256: on the filesystem
 * ({@link FileSystemBlobStore}, the default) or in an S3-compatible bucket
 * ({@link S3BlobStore}). An upload is first {@linkplain #receive received} into a local
 * file, where it can be checked, then {@linkplain #keep kept} in the store.
 */
public interface BlobStore {

	/**
	 * Streams the content into a local file, hashing it on the way, never holding it
	 * whole in memory; nothing is in the store yet. A failure part-way leaves nothing
	 * behind.
	 * @param content the bytes; read to the end, not closed
	 * @param fileName the name the client gave, used only as a hint for the media type
	 * @param maxBytes the most bytes accepted
	 * @return the received content, to close once kept (or refused)
	 * @throws BlobTooLargeException when the content is longer than {@code maxBytes}
	 * @throws EmptyBlobException when there is no content at all
	 */
	ReceivedBlob receive(InputStream content, String fileName, long maxBytes) throws IOException;

	/**
	 * Puts received content in the store under its address. It only becomes visible there
	 * once complete: a failure or a crash part-way leaves nothing behind. Content already
	 * stored is stored once.
	 */
	StoredBlob keep(ReceivedBlob received) throws IOException;

	/**
	 * {@link #receive Receives} the content and {@link #keep keeps} it, unchecked.
	 */
	default StoredBlob store(InputStream content, String fileName, long maxBytes) throws IOException {
		try (ReceivedBlob received = receive(content, fileName, maxBytes)) {
			return keep(received);
		}
	}

	/**
	 * The stored content, readable as often as needed (downloads, byte ranges).
	 */
	Optional<Resource> find(String sha256);

	/**
	 * Whether the store can be used now (for the health endpoint).
	 * @throws IOException saying what is wrong, when it cannot
	 */
	void checkAvailable() throws IOException;

	/** Where the blobs are, as an operator finds them. */
	String location();

}
