package io.greenlight.production.process;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each row of {@code processes/ReviewRoutingDecision.dmn} as deployed: who reviews, under
 * which rule, in how many business days. The first matching row wins.
 */
@SpringBootTest
class ReviewRoutingDecisionTests {

	private final DecisionService decisionService;

	@Autowired
	ReviewRoutingDecisionTests(DecisionService decisionService) {
		this.decisionService = decisionService;
	}

	@ParameterizedTest(name = "{0} {1} {2} {3} -> {4} {5} {6} in {7} days, backup {8}")
	@CsvSource(nullValues = "-", textBlock = """
			# row 1 and 2: web video, internal under ALL, client under PRIMARY (budget tier does not matter)
			VIDEO,    WEB,    STANDARD, INTERNAL_REVIEW, REVIEWER,        ALL,        -, 2, -
			VIDEO,    WEB,    HIGH,     INTERNAL_REVIEW, REVIEWER,        ALL,        -, 2, -
			VIDEO,    WEB,    STANDARD, CLIENT_REVIEW,   CLIENT_REVIEWER, PRIMARY,    -, 3, -
			# rows 3 and 4: high budget
			IMAGE,    PRINT,  HIGH,     INTERNAL_REVIEW, REVIEWER,        SEQUENTIAL, -, 3, creative-ops
			VIDEO,    SOCIAL, HIGH,     CLIENT_REVIEW,   CLIENT_REVIEWER, ALL,        -, 5, -
			# rows 5 and 6: social posts
			IMAGE,    SOCIAL, STANDARD, INTERNAL_REVIEW, REVIEWER,        ANY,        -, 1, -
			VIDEO,    SOCIAL, LOW,      CLIENT_REVIEW,   CLIENT_REVIEWER, QUORUM,     1, 2, -
			# rows 7 and 8: everything else
			AUDIO,    RADIO,  LOW,      INTERNAL_REVIEW, REVIEWER,        ALL,        -, 2, -
			DOCUMENT, OTHER,  STANDARD, CLIENT_REVIEW,   CLIENT_REVIEWER, ALL,        -, 3, -
			""")
	void routesEachStage(String assetType, String channel, String budgetTier, String stage, String reviewerRole,
			String decisionRule, Integer quorum, int dueBusinessDays, String backupGroup) {
		Map<String, Object> facts = new HashMap<>();
		facts.put("assetType", assetType);
		facts.put("channel", channel);
		facts.put("budgetTier", budgetTier);
		facts.put("stage", stage);

		DmnDecisionRuleResult route = this.decisionService
			.evaluateDecisionTableByKey(CreativeProductionProcess.DECISION_REVIEW_ROUTING, facts)
			.getSingleResult();

		assertThat(route).isNotNull();
		assertThat((String) route.get("reviewerRole")).isEqualTo(reviewerRole);
		assertThat((String) route.get("decisionRule")).isEqualTo(decisionRule);
		assertThat(route.get("quorum")).isEqualTo(quorum);
		assertThat(route.get("dueBusinessDays")).isEqualTo(dueBusinessDays);
		assertThat((String) route.get("backupGroup")).isEqualTo(backupGroup);
	}

}
