package io.greenlight.system;

/**
 * The content is not of a type this call accepts (415).
 */
public class UnsupportedContentException extends RuntimeException {

	public UnsupportedContentException(String message) {
		super(message);
	}

}
