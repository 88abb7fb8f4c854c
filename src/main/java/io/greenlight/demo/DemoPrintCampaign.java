package io.greenlight.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.greenlight.project.Project;
import io.greenlight.project.ProjectRepository;
import io.greenlight.project.ProjectRole;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Acme's out-of-home project with one print campaign, so the demo shows
 * PrintCampaignProcess: the producer starts it (as they would) when the demo database
 * never had one, and it waits for the creative's first version. A project of its own
 * keeps ACME-SUMMER's first production ACME-SUMMER-0001, as the README's walk-through
 * says. Not in test runs: their tests count the projects and productions they see.
 */
@Component
@Profile("demo & !test")
@Order(200)
class DemoPrintCampaign implements ApplicationRunner {

	static final String PROCESS_ID = "PrintCampaignProcess";

	static final String PROJECT_CODE = "ACME-OOH";

	private static final Logger log = LoggerFactory.getLogger(DemoPrintCampaign.class);

	private final RuntimeService runtimeService;

	private final IdentityService identityService;

	private final HistoryService historyService;

	private final ProjectRepository projects;

	DemoPrintCampaign(RuntimeService runtimeService, IdentityService identityService, HistoryService historyService,
			ProjectRepository projects) {
		this.runtimeService = runtimeService;
		this.identityService = identityService;
		this.historyService = historyService;
		this.projects = projects;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.projects.findByCode(PROJECT_CODE).isEmpty()) {
			String clientId = this.projects.findByCode(DemoData.PROJECT_CODE).orElseThrow().clientId();
			Project project = this.projects.createProject(clientId, PROJECT_CODE, "Acme out-of-home");
			this.projects.addMember(project.id(), "producer", ProjectRole.PRODUCER);
			this.projects.addMember(project.id(), "creative", ProjectRole.CREATIVE);
			this.projects.addMember(project.id(), "reviewer1", ProjectRole.REVIEWER);
			this.projects.addMember(project.id(), "reviewer2", ProjectRole.REVIEWER);
			this.projects.addMember(project.id(), "legal", ProjectRole.LEGAL_REVIEWER);
			this.projects.addMember(project.id(), "client", ProjectRole.CLIENT_REVIEWER);
			log.info("Created demo project {}", PROJECT_CODE);
		}
		// once: a campaign the demo users finished or stopped is not started again
		if (this.historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_ID).count() > 0) {
			return;
		}
		Map<String, Object> brief = Map.of("briefTitle", "Summer launch bus shelter poster", "projectCode",
				PROJECT_CODE, "deliverableType", "IMAGE", "channel", "OUT_OF_HOME", "dueDate",
				LocalDate.now().plusWeeks(6).toString(), "briefDescription",
				"Six-sheet poster for bus shelters: the summer can, the claim, the legal line.");
		this.identityService.setAuthentication("producer", List.of("producers"));
		try {
			String reference = this.runtimeService.startProcessInstanceByKey(PROCESS_ID, brief).getBusinessKey();
			log.info("Started demo print campaign {}", reference);
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

}
