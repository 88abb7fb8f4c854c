package io.greenlight.security;

import java.util.LinkedHashMap;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.DelegatingLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
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
 * logout.</li>
 * </ul>
 * Only the health status, the login page and its static files are open; the actuator's
 * other endpoints are for creative-ops and administrators. Every password check goes
 * through {@link SignInThrottle}.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

	static final String LOGIN_PAGE = "/login";

	/** The Camunda webapps' "Log out" posts here; it must end the Spring session too. */
	private static final RequestMatcher WEBAPP_LOGOUT = antMatcher(HttpMethod.POST,
			"/camunda/api/admin/auth/user/*/logout");

	private static final RequestMatcher LOGOUT = antMatcher(HttpMethod.POST, "/logout");

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
			.httpBasic(basic -> basic.authenticationEntryPoint(SecurityAnswers.engineRest()))
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
			.httpBasic(basic -> basic.authenticationEntryPoint(SecurityAnswers.problem()))
			// health details for the groups in management.endpoint.health.roles, which
			// the actuator asks as request.isUserInRole(group)
			.servletApi(api -> api.rolePrefix(CurrentUser.GROUP_AUTHORITY_PREFIX))
			.headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.addHeaderWriter(new ContentSecurityPolicies()))
			.logout(logout -> logout.logoutRequestMatcher(new OrRequestMatcher(LOGOUT, WEBAPP_LOGOUT))
				.logoutSuccessHandler(logoutSuccessHandler()))
			// The webapps are protected by Camunda's own CSRF filter; API clients that
			// send
			// credentials with every request (HTTP Basic) carry no session a forged
			// request could use.
			.csrf(csrf -> csrf.ignoringRequestMatchers(antMatcher("/camunda/**"), WEBAPP_LOGOUT,
					request -> request.getHeader("Authorization") != null))
			.exceptionHandling(
					exceptions -> exceptions.defaultAuthenticationEntryPointFor(SecurityAnswers.problem(), API)
						.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE),
								request -> true)
						.defaultAccessDeniedHandlerFor(SecurityAnswers.operatorsOnly(), ACTUATOR));
		return http.build();
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
