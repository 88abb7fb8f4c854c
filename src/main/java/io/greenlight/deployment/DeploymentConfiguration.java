package io.greenlight.deployment;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeploymentConfiguration {

	@Bean
	FilterRegistrationBean<CmmnOffFilter> cmmnOff() {
		FilterRegistrationBean<CmmnOffFilter> registration = new FilterRegistrationBean<>(new CmmnOffFilter());
		registration.addUrlPatterns("/engine-rest/*");
		return registration;
	}

}
