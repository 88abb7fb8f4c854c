package io.greenlight.security;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the user Spring Security signed in to the engine, so the engine's authorization
 * checks apply to every request: Camunda's container-based filters for the webapps and
 * the engine REST API (they read the request's principal, which Spring Security sets),
 * and a filter of our own for Greenlight's API. All run after Spring Security's filter
 * chain.
 */
@Configuration(proxyBeanMethods = false)
class EngineIdentityFilters {

	// after Spring Security's chain (order -100), before Camunda's own webapp filters
	private static final int AFTER_SPRING_SECURITY = 10;

	private static final String AUTHENTICATION_PROVIDER = "authentication-provider";

	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSingleSignOn() {
		FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ContainerBasedAuthenticationFilter());
		registration
			.setInitParameters(Map.of(AUTHENTICATION_PROVIDER, ContainerBasedAuthenticationProvider.class.getName()));
		registration.addUrlPatterns("/camunda/*");
		registration.setOrder(AFTER_SPRING_SECURITY);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestIdentity() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.setInitParameters(Map.of(AUTHENTICATION_PROVIDER,
				ContainerBasedAuthenticationProvider.class.getName(), "rest-url-pattern-prefix", "/engine-rest"));
		registration.addUrlPatterns("/engine-rest/*");
		registration.setOrder(AFTER_SPRING_SECURITY);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ApiIdentityFilter> apiIdentity(IdentityService identityService) {
		FilterRegistrationBean<ApiIdentityFilter> registration = new FilterRegistrationBean<>(
				new ApiIdentityFilter(identityService));
		registration.addUrlPatterns("/api/*");
		registration.setOrder(AFTER_SPRING_SECURITY);
		return registration;
	}

	/**
	 * Greenlight's API calls the engine as the signed-in user, with the groups loaded at
	 * sign-in and the tenants (projects) they are a member of now, so the engine's tenant
	 * check sees a membership change at once.
	 */
	static class ApiIdentityFilter extends OncePerRequestFilter {

		private final IdentityService identityService;

		ApiIdentityFilter(IdentityService identityService) {
			this.identityService = identityService;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication == null || !authentication.isAuthenticated()) {
				chain.doFilter(request, response);
				return;
			}
			CurrentUser user = CurrentUser.of(authentication);
			this.identityService.setAuthentication(user.id(), user.groups(), tenantsOf(user.id()));
			try {
				chain.doFilter(request, response);
			}
			finally {
				this.identityService.clearAuthentication();
			}
		}

		private List<String> tenantsOf(String userId) {
			return this.identityService.createTenantQuery()
				.userMember(userId)
				.includingGroupsOfUser(true)
				.list()
				.stream()
				.map(Tenant::getId)
				.toList();
		}

	}

}
