package io.greenlight.concurrency;

import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.servlet.ServletContainer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Both of Camunda's REST APIs answer a lost race with 409 (or 404 for a task completed
 * meanwhile) instead of 500.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConcurrencyProperties.class)
class ConcurrencyConfiguration {

	// Camunda's servlet name; its webapp initializer leaves a servlet of that name alone
	// if one is registered already
	private static final String WEBAPP_ENGINE_API = "Engine Api";

	/**
	 * {@code /engine-rest}: the Camunda starter's configuration (it backs off when this
	 * bean exists), with Greenlight's answers to lost races.
	 */
	@Bean
	CamundaJerseyResourceConfig engineRestConfiguration() {
		return new CamundaJerseyResourceConfig() {

			@Override
			protected void registerCamundaRestResources() {
				registerClasses(CamundaRestResources.getResourceClasses());
				registerClasses(ConflictAnswers.addedTo(CamundaRestResources.getConfigurationClasses()));
				register(JacksonFeature.class);
			}

		};
	}

	/**
	 * {@code /camunda/api/engine}: registered before Camunda's webapp initializer runs,
	 * so it serves the webapps' engine API with Greenlight's answers to lost races.
	 */
	@Bean
	ServletRegistrationBean<ServletContainer> webappEngineApi(CamundaBpmProperties camunda) {
		ServletRegistrationBean<ServletContainer> registration = new ServletRegistrationBean<>(new ServletContainer(),
				camunda.getWebapp().getApplicationPath() + "/api/engine/*");
		registration.setName(WEBAPP_ENGINE_API);
		registration.addInitParameter("jakarta.ws.rs.Application", WebappEngineRestApplication.class.getName());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
