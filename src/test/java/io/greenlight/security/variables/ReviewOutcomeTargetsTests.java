package io.greenlight.security.variables;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node that has parsed nothing yet (another node deployed, or its cache was emptied)
 * learns the review stages' outcome variables of every deployed workflow before it checks
 * a caller's variables, from the deployed models.
 */
@SpringBootTest
class ReviewOutcomeTargetsTests {

	private static final List<String> NAMES = List.of("legalOutcome", "brandOutcome", "clientOutcome", "reviewOutcome",
			"briefTitle");

	private final ProcessEngineConfigurationImpl configuration;

	private final ReviewOutcomeTargets outcomes;

	@Autowired
	ReviewOutcomeTargetsTests(ProcessEngine engine, CallerCommandGuardPlugin guard) {
		this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		this.outcomes = guard.outcomes();
	}

	@Test
	void aNodeThatParsedNothingLearnsTheOutcomeVariablesOfEveryDeployedWorkflow() {
		// given the guard's list as on a node that has parsed nothing
		assertThat(this.outcomes.among(NAMES)).contains("legalOutcome");
		this.outcomes.forget();
		this.configuration.getDeploymentCache().discardProcessDefinitionCache();
		assertThat(this.outcomes.among(NAMES)).isEmpty();

		// when it catches up before checking a caller
		this.outcomes.catchUp(this.configuration);

		// then it knows PrintCampaignProcess's, and CreativeProductionProcess's
		assertThat(this.outcomes.among(NAMES)).containsExactly("brandOutcome", "clientOutcome", "legalOutcome",
				"reviewOutcome");
	}

}
