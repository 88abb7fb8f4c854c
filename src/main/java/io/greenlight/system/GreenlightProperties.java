package io.greenlight.system;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Greenlight's own settings ({@code greenlight.*} in application.yaml).
 *
 * @param baseUrl where users reach this server; links in notifications start with it
 * @param admin the first administrator, outside the demo profile
 * @param deployment what a deployed process may name
 */
@ConfigurationProperties("greenlight")
public record GreenlightProperties(String baseUrl, @DefaultValue Admin admin, @DefaultValue Deployment deployment) {

	/**
	 * @param user user id of the first administrator ({@code GREENLIGHT_ADMIN_USER})
	 * @param password its password ({@code GREENLIGHT_ADMIN_PASSWORD}), read when the
	 * user is created
	 */
	public record Admin(String user, String password) {
	}

	/**
	 * @param allowedClasses the only classes a BPMN may name in {@code camunda:class}
	 */
	public record Deployment(@DefaultValue List<String> allowedClasses) {
	}

}
