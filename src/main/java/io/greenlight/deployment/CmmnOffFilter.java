package io.greenlight.deployment;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine runs with CMMN off, so it has no case tables: the engine REST API's case
 * endpoints answer 404 saying so, rather than a persistence error.
 */
class CmmnOffFilter extends OncePerRequestFilter {

	private static final Pattern CASE_ENDPOINT = Pattern.compile("^/engine-rest/(history/)?case-.*");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !CASE_ENDPOINT.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"NotFoundException\",\"message\":\"CMMN is off in Greenlight: there are no case "
					+ "definitions, case instances or case executions\"}");
	}

}
