package io.greenlight.storage;

/**
 * The content is longer than allowed; nothing was stored.
 */
public class BlobTooLargeException extends RuntimeException {

	private final long maxBytes;

	public BlobTooLargeException(long maxBytes) {
		super("The file is larger than the " + DataSizes.readable(maxBytes) + " allowed.");
		this.maxBytes = maxBytes;
	}

	public long maxBytes() {
		return this.maxBytes;
	}

}
