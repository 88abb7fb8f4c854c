package io.greenlight.demo;

import java.util.List;

import io.greenlight.project.Project;
import io.greenlight.project.ProjectRepository;
import io.greenlight.project.ProjectRole;
import io.greenlight.system.GreenlightProperties;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo profile's users (password "demo") and client project, created when missing, so
 * a restart keeps whatever the demo users did.
 */
@Component
@Profile("demo")
@Order(100)
class DemoData implements ApplicationRunner {

	static final String PASSWORD = "demo";

	static final String PROJECT_CODE = "ACME-SUMMER";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private static final List<DemoUser> USERS = List.of(
			new DemoUser("ops", "Olivia", "Ops", List.of("creative-ops", "camunda-admin")),
			new DemoUser("producer", "Pat", "Producer", List.of("producers")),
			new DemoUser("creative", "Casey", "Creative", List.of("creatives")),
			new DemoUser("reviewer1", "Riley", "Reviewer", List.of("reviewers")),
			new DemoUser("reviewer2", "Robin", "Reviewer", List.of("reviewers")),
			new DemoUser("reviewer3", "Rowan", "Reviewer", List.of("reviewers")),
			new DemoUser("legal", "Lee", "Legal", List.of("reviewers")),
			new DemoUser("client", "Chris", "Client (Acme)", List.of("clients")));

	private final IdentityService identityService;

	private final ProjectRepository projects;

	private final GreenlightProperties properties;

	DemoData(IdentityService identityService, ProjectRepository projects, GreenlightProperties properties) {
		this.identityService = identityService;
		this.projects = projects;
		this.properties = properties;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		for (DemoUser demoUser : USERS) {
			if (this.identityService.createUserQuery().userId(demoUser.id()).count() > 0) {
				continue;
			}
			User user = this.identityService.newUser(demoUser.id());
			user.setFirstName(demoUser.firstName());
			user.setLastName(demoUser.lastName());
			user.setEmail(demoUser.id() + "@greenlight.example");
			user.setPassword(PASSWORD);
			this.identityService.saveUser(user);
			demoUser.groups().forEach(group -> this.identityService.createMembership(demoUser.id(), group));
		}
		if (this.projects.findByCode(PROJECT_CODE).isEmpty()) {
			String clientId = this.projects.createClient("Acme Beverages");
			Project project = this.projects.createProject(clientId, PROJECT_CODE, "Acme summer launch");
			this.projects.addMember(project.id(), "producer", ProjectRole.PRODUCER);
			this.projects.addMember(project.id(), "creative", ProjectRole.CREATIVE);
			this.projects.addMember(project.id(), "reviewer1", ProjectRole.REVIEWER);
			this.projects.addMember(project.id(), "reviewer2", ProjectRole.REVIEWER);
			this.projects.addMember(project.id(), "client", ProjectRole.CLIENT_REVIEWER);
			log.info("Created demo project {}", PROJECT_CODE);
		}
		// added after the first demo databases: they get it at their next start
		Project project = this.projects.findByCode(PROJECT_CODE).orElseThrow();
		if (!this.projects.hasRole(project.id(), "legal", ProjectRole.LEGAL_REVIEWER)) {
			this.projects.addMember(project.id(), "legal", ProjectRole.LEGAL_REVIEWER);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void printWhereToGo() {
		log.info("""

				==============================================================================
				 Greenlight is running: open {}
				 Sign in with password "demo" as ops (creative-ops, admin), producer,
				 creative, reviewer1, reviewer2, reviewer3, legal or client.
				 Start a production in Tasklist (as producer) with project code {}.
				==============================================================================""",
				this.properties.baseUrl(), PROJECT_CODE);
	}

	private record DemoUser(String id, String firstName, String lastName, List<String> groups) {
	}

}
