package io.greenlight.storage;

/**
 * The upload had no content; nothing was stored.
 */
public class EmptyBlobException extends RuntimeException {

	public EmptyBlobException() {
		super("The file is empty: choose the file again and upload it.");
	}

}
