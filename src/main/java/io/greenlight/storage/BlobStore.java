package io.greenlight.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.springframework.core.io.Resource;

/**
 * Where the files of asset versions live, addressed by their SHA-256. The filesystem
 * store is the default; another store (S3-compatible) implements this interface without
 * the features changing.
 */
public interface BlobStore {

	/**
	 * Streams the content into the store, hashing it on the way, never holding it whole
	 * in memory. The content only becomes visible under its address once complete: a
	 * failure or a crash part-way leaves nothing behind. Content already stored is stored
	 * once.
	 * @param content the bytes; read to the end, not closed
	 * @param fileName the name the client gave, used only as a hint for the media type
	 * @param maxBytes the most bytes accepted
	 * @throws BlobTooLargeException when the content is longer than {@code maxBytes}
	 * @throws EmptyBlobException when there is no content at all
	 */
	StoredBlob store(InputStream content, String fileName, long maxBytes) throws IOException;

	/**
	 * The stored content, readable as often as needed (downloads, byte ranges).
	 */
	Optional<Resource> find(String sha256);

}
