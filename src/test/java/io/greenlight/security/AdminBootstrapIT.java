package io.greenlight.security;

import java.util.List;
import java.util.UUID;

import io.greenlight.GreenlightApplication;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outside the demo profile: no demo users, no default password, and the first
 * administrator only from GREENLIGHT_ADMIN_USER / GREENLIGHT_ADMIN_PASSWORD with a
 * password worth the name. Each case starts a server of its own on an empty in-memory
 * database, so what other tests created cannot stand in for the missing administrator.
 */
// a server configuration of its own: a JVM of its own (pom.xml, failsafe)
@Tag("own-server")
class AdminBootstrapIT {

	@Test
	void refusesToStartWithoutAnAdministrator() {
		assertThatThrownBy(() -> start()).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("No administrator yet: set GREENLIGHT_ADMIN_USER and GREENLIGHT_ADMIN_PASSWORD");
	}

	@Test
	void refusesAWellKnownPassword() {
		assertThatThrownBy(() -> start("--GREENLIGHT_ADMIN_USER=boss", "--GREENLIGHT_ADMIN_PASSWORD=admin"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("well-known password");
	}

	@Test
	void refusesThePasswordEqualToTheUserId() {
		assertThatThrownBy(
				() -> start("--GREENLIGHT_ADMIN_USER=bossadmin01", "--GREENLIGHT_ADMIN_PASSWORD=bossadmin01"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("must not be the user id");
	}

	@Test
	void createsTheFirstAdministratorAndNoDemoUsers() {
		try (ConfigurableApplicationContext server = start("--GREENLIGHT_ADMIN_USER=boss",
				"--GREENLIGHT_ADMIN_PASSWORD=correct-horse-battery-staple")) {
			IdentityService identity = server.getBean(IdentityService.class);
			assertThat(identity.checkPassword("boss", "correct-horse-battery-staple")).isTrue();
			List<String> groups = identity.createGroupQuery()
				.groupMember("boss")
				.list()
				.stream()
				.map(Group::getId)
				.toList();
			assertThat(groups).containsExactlyInAnyOrder("camunda-admin", "creative-ops");
			assertThat(identity.createUserQuery().list()).extracting("id").containsExactly("boss");
		}
	}

	private static ConfigurableApplicationContext start(String... extraArgs) {
		String[] base = { "--spring.profiles.active=test", "--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:bootstrap-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"--spring.datasource.username=sa", "--spring.datasource.password=" };
		String[] args = new String[base.length + extraArgs.length];
		System.arraycopy(base, 0, args, 0, base.length);
		System.arraycopy(extraArgs, 0, args, base.length, extraArgs.length);
		return new SpringApplicationBuilder(GreenlightApplication.class).run(args);
	}

}
