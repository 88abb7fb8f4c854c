package io.greenlight.system;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GreenlightProperties.class)
class SystemConfiguration {

	@Bean
	FilterRegistrationBean<WebappQueryLimitFilter> webappQueryLimit(ProcessEngineConfiguration engineConfiguration) {
		int limit = ((ProcessEngineConfigurationImpl) engineConfiguration).getQueryMaxResultsLimit();
		FilterRegistrationBean<WebappQueryLimitFilter> registration = new FilterRegistrationBean<>(
				new WebappQueryLimitFilter(limit));
		registration.addUrlPatterns("/camunda/api/engine/*");
		return registration;
	}

}
