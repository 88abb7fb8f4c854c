package io.greenlight.security;

import io.greenlight.system.GreenlightProperties;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outside the demo profile there are no built-in users and no default password. The first
 * administrator comes from {@code GREENLIGHT_ADMIN_USER} and
 * {@code GREENLIGHT_ADMIN_PASSWORD}; startup stops with a message when neither an
 * administrator exists nor one is configured, or when the configured password is weak.
 * The password is only used to create the user: change it later in Camunda Admin.
 */
@Component
@Profile("!demo")
@Order(IdentitySetup.ORDER + 1)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final IdentityService identityService;

	private final GreenlightProperties properties;

	AdminBootstrap(IdentityService identityService, GreenlightProperties properties) {
		this.identityService = identityService;
		this.properties = properties;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		String userId = this.properties.admin().user();
		if (userId == null || userId.isBlank()) {
			if (this.identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
				throw new IllegalStateException("No administrator yet: set GREENLIGHT_ADMIN_USER and "
						+ "GREENLIGHT_ADMIN_PASSWORD to create the first one (or run with the demo profile).");
			}
			return;
		}
		String password = this.properties.admin().password();
		AdminPasswordPolicy.check(userId, password);
		if (this.identityService.createUserQuery().userId(userId).count() > 0) {
			return;
		}
		User admin = this.identityService.newUser(userId);
		admin.setFirstName("Greenlight");
		admin.setLastName("Administrator");
		admin.setPassword(password);
		this.identityService.saveUser(admin);
		this.identityService.createMembership(userId, Groups.CAMUNDA_ADMIN);
		this.identityService.createMembership(userId, Groups.CREATIVE_OPS);
		log.info("Created administrator {}", userId);
	}

}
