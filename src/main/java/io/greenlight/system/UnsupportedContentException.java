package io.greenlight.system;

import org.springframework.http.HttpStatus;

/**
 * The content is not of a type this call accepts (415).
 */
public class UnsupportedContentException extends ApiProblem {

	public UnsupportedContentException(String message) {
		super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, message);
	}

}
