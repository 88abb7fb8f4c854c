package io.greenlight.security;

import java.util.LinkedHashMap;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.DelegatingLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

/**
 * Spring Security is the one sign-in for everything: the Camunda webapps, the engine REST
 * API and Greenlight's API. See docs/decisions/0002-single-sign-on.md.
 * <ul>
 * <li>{@code /engine-rest/**}: HTTP Basic only, stateless, so Camunda Modeler deploys
 * with a user name and password. No cookies, so no CSRF token either.</li>
 * <li>everything else: Greenlight's login page for browsers, HTTP Basic for API clients.
 * The webapps keep Camunda's own CSRF and header filters; their "Log out" is Spring's
 * logout. Only a request that HTTP Basic alone can sign in goes without a CSRF
 * token.</li>
 * </ul>
 * Only the health status, the login page and its static files are open; the actuator's
 * other endpoints are for creative-ops and administrators. Every password check goes
 * through {@link SignInThrottle}; HTTP Basic hashes a password only once in a while
 * ({@link VerifiedPasswords}).
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

	static final String LOGIN_PAGE = "/login";

	/** The Camunda webapps' "Log out" posts here; it must end the Spring session too. */
	private static final RequestMatcher WEBAPP_LOGOUT = antMatcher(HttpMethod.POST,
			"/camunda/api/admin/auth/user/*/logout");

	private static final RequestMatcher LOGOUT = antMatcher(HttpMethod.POST, "/logout");

	private static final RequestMatcher LOGIN_FORM = antMatcher(HttpMethod.POST, LOGIN_PAGE);

	// where a signed-in browser's session holds its sign-in
	private static final HttpSessionSecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();

	private static final RequestMatcher API = new OrRequestMatcher(antMatcher("/api/**"), antMatcher("/camunda/api/**"),
			antMatcher("/actuator/**"), antMatcher("/v3/api-docs/**"));

	/** What load balancers and Kubernetes probe: the status only, no details. */
	private static final RequestMatcher HEALTH_STATUS = new OrRequestMatcher(antMatcher("/actuator/health"),
			antMatcher("/actuator/health/liveness"), antMatcher("/actuator/health/readiness"));

	private static final RequestMatcher ACTUATOR = antMatcher("/actuator/**");

	private static final String[] OPERATORS = { CurrentUser.GROUP_AUTHORITY_PREFIX + Groups.CREATIVE_OPS,
			CurrentUser.GROUP_AUTHORITY_PREFIX + Groups.CAMUNDA_ADMIN };

	/** In front of Spring Security: where the request comes from, for the throttle. */
	@Bean
	FilterRegistrationBean<ClientAddress.Filter> clientAddress() {
		FilterRegistrationBean<ClientAddress.Filter> registration = new FilterRegistrationBean<>(
				new ClientAddress.Filter());
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
		return registration;
	}

	@Bean
	@Order(1)
	SecurityFilterChain engineRestSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher(antMatcher("/engine-rest/**"))
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(SecurityAnswers.engineRest())
				.authenticationDetailsSource(EngineIdentityAuthenticationProvider.BasicDetails::new))
			.headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.addHeaderWriter(new ContentSecurityPolicies()))
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain applicationSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
			.permitAll()
			.requestMatchers(HEALTH_STATUS, antMatcher(LOGIN_PAGE), antMatcher("/greenlight/**"),
					antMatcher("/favicon.ico"))
			.permitAll()
			.requestMatchers(ACTUATOR)
			.hasAnyAuthority(OPERATORS)
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage(LOGIN_PAGE).defaultSuccessUrl("/camunda/app/tasklist/default/", false))
			.httpBasic(basic -> basic.authenticationEntryPoint(SecurityAnswers.problem())
				.authenticationDetailsSource(EngineIdentityAuthenticationProvider.BasicDetails::new))
			// health details for the groups in management.endpoint.health.roles, which
			// the actuator asks as request.isUserInRole(group)
			.servletApi(api -> api.rolePrefix(CurrentUser.GROUP_AUTHORITY_PREFIX))
			.headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.addHeaderWriter(new ContentSecurityPolicies()))
			.logout(logout -> logout.logoutRequestMatcher(new OrRequestMatcher(LOGOUT, WEBAPP_LOGOUT))
				.logoutSuccessHandler(logoutSuccessHandler()))
			// the webapps have Camunda's own CSRF filter; see signsInWithBasicOnly
			.csrf(csrf -> csrf.ignoringRequestMatchers(antMatcher("/camunda/**"), WEBAPP_LOGOUT,
					SecurityConfiguration::signsInWithBasicOnly))
			.exceptionHandling(exceptions -> exceptions
				.defaultAuthenticationEntryPointFor(SecurityAnswers.problem(), API)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), request -> true)
				.defaultAccessDeniedHandlerFor(SecurityAnswers.operatorsOnly(), ACTUATOR)
				.defaultAccessDeniedHandlerFor(SecurityAnswers.csrf(), API));
		return http.build();
	}

	/**
	 * Whether HTTP Basic is all that can sign the request in: it sends Basic credentials,
	 * no session a user signed in to, and is not the login form. Such a request is
	 * authenticated by Basic or refused with 401, and a forged one cannot borrow a
	 * session it does not carry. Anything else is a browser request and needs the CSRF
	 * token: another Authorization header ({@code Bearer x}) authenticates nothing, and
	 * Basic next to a session is not even checked when it names the session's user
	 * (Spring's Basic filter keeps a sign-in it already has).
	 */
	private static boolean signsInWithBasicOnly(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
				&& !SESSIONS.containsContext(request) && !LOGIN_FORM.matches(request);
	}

	/**
	 * The webapps' logout is an XHR: answer 200 and let the page go to the login page
	 * itself.
	 */
	private static LogoutSuccessHandler logoutSuccessHandler() {
		LinkedHashMap<RequestMatcher, LogoutSuccessHandler> handlers = new LinkedHashMap<>();
		handlers.put(WEBAPP_LOGOUT, new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK));
		DelegatingLogoutSuccessHandler delegating = new DelegatingLogoutSuccessHandler(handlers);
		SimpleUrlLogoutSuccessHandler toLoginPage = new SimpleUrlLogoutSuccessHandler();
		toLoginPage.setDefaultTargetUrl(LOGIN_PAGE + "?logout");
		delegating.setDefaultLogoutSuccessHandler(toLoginPage);
		return delegating;
	}

}
