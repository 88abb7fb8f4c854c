package io.greenlight.deployment;

import java.util.List;
import java.util.Map;

import io.greenlight.asset.Asset;
import io.greenlight.asset.AssetService;
import io.greenlight.asset.AssetStatus;
import io.greenlight.support.BlocksBuiltWorkflow;
import io.greenlight.support.ElementTemplates;
import io.greenlight.support.EngineProductions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * A workflow a creative-ops lead builds in Camunda Modeler from Greenlight's blocks only
 * ({@link BlocksBuiltWorkflow}), deployed through the deployment guard and run on the
 * real engine with the real delegates: every path.
 */
@SpringBootTest
class ElementTemplatesWorkflowTests {

	private static final String PROCESS_ID = BlocksBuiltWorkflow.PROCESS_ID;

	private final ProcessEngine engine;

	private final AssetService assets;

	private final JdbcClient jdbc;

	private final EngineProductions productions;

	@Autowired
	ElementTemplatesWorkflowTests(ProcessEngine engine, AssetService assets, JdbcClient jdbc) {
		this.engine = engine;
		this.assets = assets;
		this.jdbc = jdbc;
		this.productions = new EngineProductions(engine, jdbc);
	}

	@BeforeEach
	void deployTheWorkflow() {
		init(this.engine);
		BlocksBuiltWorkflow.deploy(this.engine);
	}

	@AfterEach
	void signOut() {
		this.engine.getIdentityService().clearAuthentication();
	}

	@Test
	void brandAndClientApproveAndTheAssetIsDelivered() {
		ProcessInstance production = start("Bus shelter poster");

		Task produce = produceVersionTask(production);
		// the block's step moves the asset and names the task, as the shipped
		// workflow does
		assertThat(produce.getName())
			.isEqualTo("Produce version: Bus shelter poster v1 (" + production.getBusinessKey() + ")");
		assertThat(asset(production).stage().name()).isEqualTo("PRODUCTION");
		produceVersion(produce);
		this.productions.executeJobs(production);

		// brand review: the first decision settles it (ANY)
		assertThat(production).isWaitingAt("CallActivity_BrandReview");
		this.productions.decide(production, "reviewer2", "reviewers", "APPROVED");

		// the client stage as the routing table decides it for web video: PRIMARY
		assertThat(production).isWaitingAt("CallActivity_ClientReview");
		this.productions.decide(production, "client", "reviewers", "APPROVED");

		assertThat(production)
			.hasPassed("ServiceTask_LockApprovedVersion", "ServiceTask_DeliverAsset",
					"ServiceTask_NotifyAssetDelivered", "EndEvent_Delivered")
			.isEnded();
		Asset asset = asset(production);
		assertThat(asset.status()).isEqualTo(AssetStatus.DELIVERED);
		assertThat(asset.approvedVersionId()).isEqualTo(this.assets.versions(asset.id()).get(0).id());
		assertThat(this.productions.stages(asset.id())).containsExactly(
				"INTERNAL_REVIEW:ANY:reviewer1,reviewer2:APPROVED", "CLIENT_REVIEW:PRIMARY:client:APPROVED");
		assertThat(notifications(asset.id())).contains("VERSION_UPLOADED:producer", "ASSET_DELIVERED:client");
		// the routed stage records the routing table that chose it; the fixed one has
		// none
		assertThat(routingTableVersions(asset.id())).containsExactly("INTERNAL_REVIEW:null",
				"CLIENT_REVIEW:" + latestRoutingTableVersion());
	}

	@Test
	void brandRequestsChangesAndTheProductionStops() {
		ProcessInstance production = versionInBrandReview("Rejected poster");

		this.productions.decide(production, "reviewer1", "reviewers", "CHANGES_REQUESTED");

		assertThat(production).hasPassed("ServiceTask_StopProduction", "EndEvent_Stopped")
			.hasNotPassed("CallActivity_ClientReview")
			.isEnded();
		assertThat(asset(production).status()).isEqualTo(AssetStatus.STOPPED);
		assertThat(this.productions.stages(asset(production).id()))
			.containsExactly("INTERNAL_REVIEW:ANY:reviewer1,reviewer2:CHANGES_REQUESTED");
	}

	@Test
	void theClientRequestsChangesAndTheProductionStops() {
		ProcessInstance production = versionInBrandReview("Poster the client turns down");
		this.productions.decide(production, "reviewer1", "reviewers", "APPROVED");

		this.productions.decide(production, "client", "reviewers", "CHANGES_REQUESTED");

		assertThat(production).hasPassed("CallActivity_ClientReview", "ServiceTask_StopProduction", "EndEvent_Stopped")
			.hasNotPassed("ServiceTask_DeliverAsset")
			.isEnded();
	}

	private ProcessInstance start(String title) {
		return start(PROCESS_ID, title);
	}

	private ProcessInstance start(String processId, String title) {
		ProcessInstance started = this.productions.start(processId, title);
		assertThat(started.getBusinessKey()).isEqualTo(asset(started).reference());
		return started;
	}

	@Test
	void twoStagesOfTheSameNameOnOneVersionEachCountOnlyTheirOwnDecisions() {
		// brand review (first decision settles it), then legal review (everyone
		// approves), both internal review stages of the same version, by the same
		// reviewers
		BlocksBuiltWorkflow.deploy(this.engine, "TwoStagesProcess", twoStagesOnOneVersion());
		ProcessInstance production = start("TwoStagesProcess", "Poster with legal copy");
		produceVersion(produceVersionTask(production));
		this.productions.executeJobs(production);
		this.productions.decide(production, "reviewer1", "reviewers", "APPROVED_WITH_CHANGES");
		assertThat(production).isWaitingAt("CallActivity_LegalReview");

		// when reviewer2 approves in legal review
		this.productions.decide(production, "reviewer2", "reviewers", "APPROVED");

		// then reviewer1's brand decision does not count for legal: it waits for
		// reviewer1
		assertThat(production).isWaitingAt("CallActivity_LegalReview");
		this.productions.decide(production, "reviewer1", "reviewers", "APPROVED");
		assertThat(production).hasPassed("EndEvent_Reviewed").isEnded();
		// and legal review's outcome is its own reviewers' (brand review asked for
		// changes)
		assertThat(this.productions.stages(asset(production).id())).containsExactly(
				"INTERNAL_REVIEW:ANY:reviewer1,reviewer2:APPROVED_WITH_CHANGES",
				"INTERNAL_REVIEW:ALL:reviewer1,reviewer2:APPROVED");
	}

	@Test
	void aReviewStageHandingItsOutcomeToAVariableOfAnotherMeaningIsRefused() {
		// the outcome variable becomes server-set: a name callers send (a form's field, a
		// variable Greenlight sets) would refuse them, so it must end in Outcome
		for (String name : new String[] { "decision", "assetId", "legal-outcome", "LegalOutcome" }) {
			assertThatThrownBy(() -> BlocksBuiltWorkflow.deploy(this.engine, "OutcomeClashProcess",
					twoStagesOnOneVersion("OutcomeClashProcess", name)))
				.hasMessageContaining("CallActivity_LegalReview")
				.hasMessageContaining(
						"the outcome variable '" + name + "' of a review stage must be a name ending " + "in Outcome");
		}
		assertThat(this.engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey("OutcomeClashProcess")
			.count()).isZero();
	}

	private static BpmnModelInstance twoStagesOnOneVersion() {
		return twoStagesOnOneVersion("TwoStagesProcess", "reviewOutcome");
	}

	private static BpmnModelInstance twoStagesOnOneVersion(String processId, String legalOutcome) {
		BpmnModelInstance model = Bpmn.createExecutableProcess(processId)
			.camundaHistoryTimeToLive(180)
			.startEvent("StartEvent_BriefSubmitted")
			.serviceTask("ServiceTask_RegisterBrief")
			.userTask("UserTask_MakePoster")
			.serviceTask("ServiceTask_RegisterVersion")
			.callActivity("CallActivity_BrandReview")
			.callActivity("CallActivity_LegalReview")
			.endEvent("EndEvent_Reviewed")
			.done();
		ElementTemplates blocks = ElementTemplates.load();
		blocks.apply("io.greenlight.RegisterBrief", model.getModelElementById("ServiceTask_RegisterBrief"), Map.of());
		blocks.apply("io.greenlight.ProduceVersion", model.getModelElementById("UserTask_MakePoster"), Map.of());
		blocks.apply("io.greenlight.RegisterVersion", model.getModelElementById("ServiceTask_RegisterVersion"),
				Map.of());
		blocks.apply("io.greenlight.ReviewStage", model.getModelElementById("CallActivity_BrandReview"),
				Map.of("Decision rule", "ANY"));
		blocks.apply("io.greenlight.ReviewStage", model.getModelElementById("CallActivity_LegalReview"),
				Map.of("Decision rule", "ALL", "Outcome variable", legalOutcome));
		return model;
	}

	private ProcessInstance versionInBrandReview(String title) {
		ProcessInstance production = start(title);
		produceVersion(produceVersionTask(production));
		this.productions.executeJobs(production);
		return production;
	}

	private Task produceVersionTask(ProcessInstance production) {
		assertThat(production).isWaitingAt("UserTask_MakePoster");
		return this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(production.getId())
			.taskDefinitionKey("UserTask_MakePoster")
			.singleResult();
	}

	private void produceVersion(Task task) {
		// the project's creatives are the step's candidates
		this.productions.as("creative", "creatives", () -> {
			this.engine.getTaskService().claim(task.getId(), "creative");
			this.engine.getTaskService().complete(task.getId(), Map.of("versionNote", "Poster, first cut"));
		});
	}

	private Asset asset(ProcessInstance production) {
		return this.assets.get(this.productions.assetId(production));
	}

	private List<String> routingTableVersions(String assetId) {
		return this.jdbc
			.sql("SELECT stage, routing_table_version FROM review_stage WHERE asset_id = ? ORDER BY opened_at, id")
			.param(assetId)
			.query((rs, row) -> rs.getString(1) + ":" + rs.getString(2))
			.list();
	}

	private int latestRoutingTableVersion() {
		return this.engine.getRepositoryService()
			.createDecisionDefinitionQuery()
			.decisionDefinitionKey("ReviewRoutingDecision")
			.latestVersion()
			.singleResult()
			.getVersion();
	}

	private List<String> notifications(String assetId) {
		return this.jdbc.sql("SELECT event, recipient FROM notification WHERE asset_id = ? ORDER BY event, recipient")
			.param(assetId)
			.query((rs, row) -> rs.getString(1) + ":" + rs.getString(2))
			.list();
	}

}
