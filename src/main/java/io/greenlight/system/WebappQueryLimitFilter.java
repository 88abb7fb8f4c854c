package io.greenlight.system;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine refuses list queries without {@code maxResults} (query-max-results-limit),
 * and a few of the webapps' own requests send none: Cockpit's list of a process's
 * versions, for one. For the webapps' engine API only, a list query without
 * {@code maxResults} asks for as many rows as the limit allows, so Cockpit works while
 * the engine REST API keeps refusing unbounded queries.
 */
class WebappQueryLimitFilter extends OncePerRequestFilter {

	static final String MAX_RESULTS = "maxResults";

	private final int limit;

	WebappQueryLimitFilter(int limit) {
		this.limit = limit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean unboundList = "GET".equals(request.getMethod()) && request.getParameter(MAX_RESULTS) == null
				&& !request.getRequestURI().endsWith("/count");
		chain.doFilter(unboundList ? new BoundedQuery(request, this.limit) : request, response);
	}

	private static final class BoundedQuery extends HttpServletRequestWrapper {

		private final String maxResults;

		BoundedQuery(HttpServletRequest request, int limit) {
			super(request);
			this.maxResults = String.valueOf(limit);
		}

		@Override
		public String getQueryString() {
			String query = super.getQueryString();
			String bound = MAX_RESULTS + "=" + this.maxResults;
			return (query == null || query.isEmpty()) ? bound : query + "&" + bound;
		}

		@Override
		public String getParameter(String name) {
			return MAX_RESULTS.equals(name) ? this.maxResults : super.getParameter(name);
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			Map<String, String[]> parameters = new LinkedHashMap<>(super.getParameterMap());
			parameters.put(MAX_RESULTS, new String[] { this.maxResults });
			return Collections.unmodifiableMap(parameters);
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(getParameterMap().keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return MAX_RESULTS.equals(name) ? new String[] { this.maxResults } : super.getParameterValues(name);
		}

	}

}
