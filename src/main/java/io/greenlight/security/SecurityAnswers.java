package io.greenlight.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * What a request that did not get in is told: how to sign in, or after failed credentials
 * the one message for every reason with the time to wait ({@link SignInRefusedException},
 * also as {@code Retry-After}), or who may read it.
 */
final class SecurityAnswers {

	private static final String SIGN_IN_FIRST = "Sign in first: send HTTP Basic credentials or sign in at /login.";

	private static final String CHALLENGE = "Basic realm=\"Greenlight\"";

	private SecurityAnswers() {
	}

	/**
	 * Greenlight's API, the webapps' API, actuator: 401 with a problem detail. Only
	 * {@code /api/**} adds a Basic challenge: on the webapps' XHRs it would make the
	 * browser pop up its own login dialog.
	 */
	static AuthenticationEntryPoint problem() {
		return (request, response, exception) -> {
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
			}
			write(response, HttpServletResponse.SC_UNAUTHORIZED, exception, MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					"{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"%s\"}");
		};
	}

	/**
	 * The engine's REST API (Camunda Modeler): a Basic challenge and the body in the form
	 * of Camunda's own REST errors.
	 */
	static AuthenticationEntryPoint engineRest() {
		return (request, response, exception) -> {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
			write(response, HttpServletResponse.SC_UNAUTHORIZED, exception, MediaType.APPLICATION_JSON_VALUE,
					"{\"type\":\"AuthenticationException\",\"message\":\"%s\"}");
		};
	}

	/** The actuator's endpoints beyond the plain health status. */
	static AccessDeniedHandler operatorsOnly() {
		return (request, response, exception) -> {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\""
						+ "Only creative-ops and administrators may read the server's health details, metrics and "
						+ "info; /actuator/health, /actuator/health/liveness and /actuator/health/readiness are "
						+ "open to everyone.\"}");
		};
	}

	/**
	 * An API call refused for its missing or wrong CSRF token gets 403 and a problem
	 * detail that says how to send it.
	 */
	static AccessDeniedHandler csrf() {
		return (request, response, exception) -> {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			String detail = (exception instanceof CsrfException)
					? "This request needs the CSRF token of its session (header X-CSRF-TOKEN): it carries a "
							+ "session cookie, or no HTTP Basic credentials. API clients sign in with HTTP Basic on "
							+ "every request and send no session cookie."
					: "You are not allowed to do this.";
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"" + detail
						+ "\"}");
		};
	}

	// the messages are Greenlight's own texts and digits: nothing in them needs escaping
	private static void write(HttpServletResponse response, int status, AuthenticationException exception,
			String contentType, String bodyFormat) throws IOException {
		String message = SIGN_IN_FIRST;
		if (exception instanceof SignInRefusedException refused) {
			message = refused.getMessage();
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
		}
		response.setStatus(status);
		response.setContentType(contentType);
		response.getWriter().write(bodyFormat.formatted(message));
	}

}
