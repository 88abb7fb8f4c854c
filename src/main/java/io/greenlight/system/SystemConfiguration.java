package io.greenlight.system;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ GreenlightProperties.class, RequestLimits.class })
class SystemConfiguration {

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimit(RequestLimits limits) {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(limits));
		// before anything that reads a body: Spring's FormContentFilter, Spring Security,
		// Camunda's webapp filters
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<WebappQueryLimitFilter> webappQueryLimit(ProcessEngineConfiguration engineConfiguration) {
		int limit = ((ProcessEngineConfigurationImpl) engineConfiguration).getQueryMaxResultsLimit();
		FilterRegistrationBean<WebappQueryLimitFilter> registration = new FilterRegistrationBean<>(
				new WebappQueryLimitFilter(limit));
		registration.addUrlPatterns("/camunda/api/engine/*");
		return registration;
	}

}
