package io.greenlight.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

/**
 * The Content-Security-Policy of what Greenlight serves itself. The Camunda webapps
 * ({@code /camunda/**}) get none from here: Camunda's header filter sends theirs (with
 * the nonce their scripts need), and a second policy would only narrow it.
 */
final class ContentSecurityPolicies implements HeaderWriter {

	static final String HEADER = "Content-Security-Policy";

	/** JSON and files are never a page: nothing may load, run or frame them. */
	static final String API = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

	/**
	 * A version's file shown in the browser: images, video, audio and PDF. Browsers show
	 * a PDF in a page of their own making that needs its inline styles and its embed; no
	 * script runs.
	 */
	static final String VERSION_FILES = "default-src 'none'; img-src 'self'; media-src 'self'; object-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

	/** The sign-in page: its own style sheet, a form posted to itself, no scripts. */
	static final String PAGES = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'; base-uri 'none'";

	/**
	 * The review room: its own scripts (ES modules, no inline script, no eval), pdf.js's
	 * worker from the WebJar, calls to the API, and the version's file as video, audio or
	 * image. A frame grabbed for comparison or a PDF page is drawn from memory
	 * ({@code blob:}).
	 */
	static final String REVIEW_ROOM = "default-src 'none'; script-src 'self'; worker-src 'self'; "
			+ "connect-src 'self'; img-src 'self' blob:; media-src 'self'; style-src 'self'; font-src 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	/**
	 * The board, the metrics page and an asset's page: their own scripts and style sheets
	 * (and uPlot's from its WebJar), calls to the API, nothing else.
	 */
	static final String APP_PAGES = "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self'; "
			+ "style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	/**
	 * The web modeler: its own scripts and the bpmn.io bundle (no inline script, no
	 * eval), the bundle's fonts, calls to the API. The libraries style elements inline
	 * and the FEEL editors (CodeMirror) add style elements, hence inline styles, which
	 * run no script; nothing may frame the page or be framed (decision 0018).
	 */
	static final String MODELER = "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' data:; "
			+ "style-src 'self' 'unsafe-inline'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; "
			+ "base-uri 'none'";

	private static final RequestMatcher CAMUNDA_WEBAPPS = antMatcher("/camunda/**");

	private static final RequestMatcher REVIEW_PAGES = antMatcher("/review/**");

	private static final RequestMatcher BOARD_PAGES = new OrRequestMatcher(antMatcher("/board"), antMatcher("/metrics"),
			antMatcher("/assets/**"));

	private static final RequestMatcher MODELER_PAGE = antMatcher("/modeler");

	private static final RequestMatcher FILES = antMatcher("/api/versions/*/file");

	private static final RequestMatcher APIS = new OrRequestMatcher(antMatcher("/api/**"),
			antMatcher("/engine-rest/**"), antMatcher("/actuator/**"), antMatcher("/v3/api-docs/**"));

	@Override
	public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
		if (response.containsHeader(HEADER) || CAMUNDA_WEBAPPS.matches(request)) {
			return;
		}
		String policy = FILES.matches(request) ? VERSION_FILES
				: APIS.matches(request) ? API : REVIEW_PAGES.matches(request) ? REVIEW_ROOM
						: BOARD_PAGES.matches(request) ? APP_PAGES : MODELER_PAGE.matches(request) ? MODELER : PAGES;
		response.setHeader(HEADER, policy);
	}

}
