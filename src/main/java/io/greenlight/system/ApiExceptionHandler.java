package io.greenlight.system;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.greenlight.storage.BlobTooLargeException;
import io.greenlight.storage.EmptyBlobException;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of Greenlight's own API as RFC 9457 problem details, each with a message that
 * says what to fix.
 */
@RestControllerAdvice(basePackages = "io.greenlight")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private final int maxParts;

	ApiExceptionHandler(@Value("${server.tomcat.max-part-count:10}") int maxParts) {
		this.maxParts = maxParts;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String fields = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> error.getField() + " " + error.getDefaultMessage())
			.sorted()
			.collect(Collectors.joining("; "));
		return problem(HttpStatus.BAD_REQUEST, "Invalid request: " + fields);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = "The request body is not valid JSON for this call.";
		if (ex.getCause() instanceof InvalidFormatException invalid) {
			String field = invalid.getPath()
				.stream()
				.map(JsonMappingException.Reference::getFieldName)
				.collect(Collectors.joining("."));
			detail = "Invalid value '" + invalid.getValue() + "' for " + field + (invalid.getTargetType().isEnum()
					? ": use one of " + Arrays.toString(invalid.getTargetType().getEnumConstants()) : "") + ".";
		}
		return problem(HttpStatus.BAD_REQUEST, detail);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String problems = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> result.getMethodParameter().getParameterName() + " " + error.getDefaultMessage()))
			.sorted()
			.collect(Collectors.joining("; "));
		return problem(HttpStatus.BAD_REQUEST, "Invalid request: " + problems);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		Class<?> type = ex.getRequiredType();
		String name = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		return problem(HttpStatus.BAD_REQUEST, "Invalid value '" + ex.getValue() + "' for " + name
				+ ((type != null && type.isEnum()) ? ": use one of " + Arrays.toString(type.getEnumConstants()) : "")
				+ ".");
	}

	@ExceptionHandler(ApiProblem.class)
	ProblemDetail problem(ApiProblem ex) {
		return ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
	}

	@ExceptionHandler(BlobTooLargeException.class)
	ProblemDetail tooLarge(BlobTooLargeException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, ex.getMessage());
	}

	@ExceptionHandler(EmptyBlobException.class)
	ProblemDetail empty(EmptyBlobException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(HttpStatus.PAYLOAD_TOO_LARGE, "The file is larger than the server accepts.");
	}

	// a version upload's multipart body, which Tomcat parses when the controller asks for
	// the file
	@ExceptionHandler(MultipartException.class)
	ProblemDetail unreadableMultipart(MultipartException ex) {
		if (NestedExceptionUtils.getMostSpecificCause(ex) instanceof FileCountLimitExceededException) {
			return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
					"The multipart body has more than " + this.maxParts + " parts, the most the server reads: "
							+ "send the file and, if you need them, note and variant.");
		}
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The multipart body cannot be read (" + NestedExceptionUtils.getMostSpecificCause(ex).getMessage()
						+ "): send multipart/form-data with the file in a part named file.");
	}

	// method validation of a @Validated bean (a service, or a controller that asks for
	// it)
	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail invalid(ConstraintViolationException ex) {
		String problems = ex.getConstraintViolations()
			.stream()
			.map(violation -> lastNode(violation.getPropertyPath()) + " " + violation.getMessage())
			.sorted()
			.collect(Collectors.joining("; "));
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid request: " + problems);
	}

	private static String lastNode(Path path) {
		String name = "";
		for (Path.Node node : path) {
			name = node.getName();
		}
		return name;
	}

	@ExceptionHandler(AuthorizationException.class)
	ProblemDetail forbidden(AuthorizationException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				"You are not allowed to do this: " + ex.getMessage());
	}

	// the engine refusing what the caller asked for, e.g. work in a project they are not
	// on
	@ExceptionHandler(BadUserRequestException.class)
	ProblemDetail badRequest(BadUserRequestException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
	}

}
