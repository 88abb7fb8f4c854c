package io.greenlight.system;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request body but a version file is read within {@link RequestLimits}, whoever
 * reads it: Camunda's REST APIs read a multipart body or JSON into memory whole. A body
 * that says it is larger ({@code Content-Length}) is refused before a byte of it is read;
 * one that does not say (chunked) is counted as it is read and refused at the first byte
 * past the limit, or at the first multipart part past the most parts. The answer is 413,
 * a problem detail naming the limit, with the same text as {@code message}, which
 * Camunda's REST clients and Camunda Modeler show.
 * <p>
 * Tomcat parses two kinds of body itself, past this count: forms (within
 * {@code server.tomcat.max-http-form-post-size}) and multipart bodies for Spring MVC
 * (within {@code spring.servlet.multipart.*}, to disk, and
 * {@code server.tomcat.max-part-count}); the declared length above still applies to them.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RequestBodyLimitFilter.class);

	// streamed to storage within greenlight.storage.max-upload-size, never held in memory
	private static final Pattern VERSION_UPLOAD = Pattern.compile("/api/assets/[^/]+/versions");

	private static final ObjectMapper JSON = new ObjectMapper();

	private final RequestLimits limits;

	RequestBodyLimitFilter(RequestLimits limits) {
		this.limits = limits;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		boolean body = request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
		return !body || isVersionUpload(request);
	}

	private static boolean isVersionUpload(HttpServletRequest request) {
		String path = request.getServletPath() + ((request.getPathInfo() != null) ? request.getPathInfo() : "");
		return ("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()))
				&& VERSION_UPLOAD.matcher(path).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.limits.maxBodySize().toBytes()) {
			refuse(request, response, this.limits.bodyTooLarge());
			return;
		}
		Refusal refusal = new Refusal();
		try {
			chain.doFilter(new LimitedRequest(request, this.limits, refusal), new RefusableResponse(response, refusal));
		}
		catch (IOException | ServletException | RuntimeException ex) {
			// what the application made of a body it was not given whole: the refusal
			// answers instead
			if (!refusal.refused()) {
				throw ex;
			}
		}
		if (refusal.refused() && !response.isCommitted()) {
			refuse(request, response, refusal.reason());
		}
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, String detail)
			throws IOException {
		log.info("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), detail);
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", HttpStatus.PAYLOAD_TOO_LARGE.getReasonPhrase());
		problem.put("status", HttpStatus.PAYLOAD_TOO_LARGE.value());
		problem.put("detail", detail);
		problem.put("message", detail);
		byte[] body = JSON.writeValueAsBytes(problem);
		response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
