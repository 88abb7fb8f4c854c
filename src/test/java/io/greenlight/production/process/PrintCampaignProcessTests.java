package io.greenlight.production.process;

import java.io.File;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import io.greenlight.asset.Asset;
import io.greenlight.asset.AssetService;
import io.greenlight.asset.AssetStatus;
import io.greenlight.support.ElementTemplates;
import io.greenlight.support.EngineProductions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * PrintCampaignProcess, the shipped workflow built from Greenlight's blocks only, as
 * deployed from processes/ and run on the real engine with the real delegates: every
 * path, and every task checked against the block it was built from.
 */
@SpringBootTest
class PrintCampaignProcessTests {

	private static final String PROCESS_ID = "PrintCampaignProcess";

	private static final File FILE = new File("processes/" + PROCESS_ID + ".bpmn");

	private static final String PRODUCE_VERSION = "UserTask_ProduceVersion";

	private final ProcessEngine engine;

	private final AssetService assets;

	private final EngineProductions productions;

	@Autowired
	PrintCampaignProcessTests(ProcessEngine engine, AssetService assets, JdbcClient jdbc) {
		this.engine = engine;
		this.assets = assets;
		this.productions = new EngineProductions(engine, jdbc);
	}

	@BeforeEach
	void initAssertions() {
		init(this.engine);
	}

	@AfterEach
	void signOut() {
		this.engine.getIdentityService().clearAuthentication();
	}

	@Test
	void everyTaskIsTheBlockItWasBuiltFrom() {
		BpmnModelInstance model = Bpmn.readModelFromFile(FILE);
		Collection<Activity> tasks = model.getModelElementsByType(Activity.class);

		assertThat(tasks).extracting(BaseElement::getId)
			.containsExactlyInAnyOrder("ServiceTask_RegisterBrief", PRODUCE_VERSION, "ServiceTask_RegisterVersion",
					"CallActivity_LegalReview", "CallActivity_BrandReview", "CallActivity_ClientSignOff",
					"ServiceTask_LockApprovedVersion", "ServiceTask_DeliverAsset", "ServiceTask_NotifyAssetDelivered",
					"ServiceTask_NotifyChangesRequested", "ServiceTask_StopProduction");
		ElementTemplates blocks = ElementTemplates.load();
		assertThat(tasks).allSatisfy(task -> assertThat(blocks.differences(task)).isEmpty());
		// side by side, each review stage hands its outcome to a variable of its own
		assertThat(model.getModelElementsByType(CamundaOut.class)).extracting(CamundaOut::getCamundaTarget)
			.containsExactlyInAnyOrder("legalOutcome", "brandOutcome", "clientOutcome");
	}

	@Test
	void aTaskChangedAfterTheBlockWasAppliedIsCaught() {
		BpmnModelInstance model = Bpmn.readModelFromFile(FILE);
		CallActivity legal = model.getModelElementById("CallActivity_LegalReview");
		legal.setCalledElement("SomeOtherProcess");
		legal.getExtensionElements()
			.getElementsQuery()
			.filterByType(CamundaOut.class)
			.singleResult()
			.setCamundaTarget("legal outcome");

		assertThat(ElementTemplates.load().differences(legal)).containsExactlyInAnyOrder(
				"CallActivity_LegalReview: {\"type\":\"property\",\"name\":\"calledElement\"} is 'SomeOtherProcess'",
				"CallActivity_LegalReview: Outcome variable is 'legal outcome'");
	}

	@Test
	void everyElementIsDrawn() {
		BpmnModelInstance model = Bpmn.readModelFromFile(FILE);
		Set<String> drawn = model.getModelElementsByType(BpmnShape.class)
			.stream()
			.map(shape -> shape.getBpmnElement().getId())
			.collect(Collectors.toSet());
		model.getModelElementsByType(BpmnEdge.class).forEach(edge -> drawn.add(edge.getBpmnElement().getId()));

		assertThat(model.getModelElementsByType(FlowNode.class)).extracting(BaseElement::getId)
			.allMatch(drawn::contains);
		assertThat(model.getModelElementsByType(SequenceFlow.class)).extracting(BaseElement::getId)
			.allMatch(drawn::contains);
	}

	@Test
	void legalAndBrandApproveTheClientSignsOffAndTheAssetIsDelivered() {
		ProcessInstance production = inLegalAndBrandReview("Bus shelter poster");

		// legal and brand review side by side: the legal reviewer and both reviewers
		// are asked, the client not yet
		assertThat(production).isWaitingAt("CallActivity_LegalReview", "CallActivity_BrandReview");
		assertThat(this.productions.reviewTask(production, "legal")).isNotNull();
		assertThat(this.productions.reviewTask(production, "reviewer1")).isNotNull();
		assertThat(this.productions.reviewTask(production, "reviewer2")).isNotNull();
		assertThat(this.productions.reviewTask(production, "client")).isNull();

		this.productions.decide(production, "reviewer2", "reviewers", "APPROVED");
		// brand is settled (first decision), legal still waits for its reviewer
		assertThat(production).isWaitingAt("CallActivity_LegalReview").isNotWaitingAt("CallActivity_BrandReview");
		this.productions.decide(production, "legal", "reviewers", "APPROVED_WITH_CHANGES");

		assertThat(production).isWaitingAt("CallActivity_ClientSignOff");
		assertThat(this.productions.reviewTask(production, "client")).isNotNull();
		this.productions.decide(production, "client", "clients", "APPROVED");

		assertThat(production)
			.hasPassed("ServiceTask_LockApprovedVersion", "ServiceTask_DeliverAsset",
					"ServiceTask_NotifyAssetDelivered", "EndEvent_Delivered")
			.isEnded();
		Asset asset = asset(production);
		assertThat(asset.status()).isEqualTo(AssetStatus.DELIVERED);
		assertThat(asset.approvedVersionId()).isEqualTo(this.assets.versions(asset.id()).get(0).id());
		assertThat(this.productions.stages(asset.id())).containsExactlyInAnyOrder(
				"INTERNAL_REVIEW:ALL:legal:APPROVED_WITH_CHANGES", "INTERNAL_REVIEW:ANY:reviewer1,reviewer2:APPROVED",
				"CLIENT_REVIEW:ALL:client:APPROVED");
	}

	@Test
	void legalRequestsChangesWhileBrandApprovesAndTheNextVersionIsApproved() {
		ProcessInstance production = inLegalAndBrandReview("Poster with small print");

		this.productions.decide(production, "reviewer1", "reviewers", "APPROVED");
		this.productions.decide(production, "legal", "reviewers", "CHANGES_REQUESTED");

		// back to the creative for v2, and the client was never asked
		assertThat(production).hasPassed("ServiceTask_NotifyChangesRequested")
			.hasNotPassed("CallActivity_ClientSignOff")
			.isWaitingAt(PRODUCE_VERSION);
		assertThat(asset(production).status()).isEqualTo(AssetStatus.CHANGES_REQUESTED);
		this.productions.produceVersion(production, PRODUCE_VERSION);
		// a new round asks legal and brand again
		this.productions.decide(production, "legal", "reviewers", "APPROVED");
		this.productions.decide(production, "reviewer2", "reviewers", "APPROVED");
		this.productions.decide(production, "client", "clients", "APPROVED");

		assertThat(production).hasPassed("EndEvent_Delivered").isEnded();
		Asset asset = asset(production);
		assertThat(asset.status()).isEqualTo(AssetStatus.DELIVERED);
		assertThat(this.assets.versions(asset.id())).hasSize(2);
	}

	@Test
	void theClientRequestsChangesAndAnotherRoundFollows() {
		ProcessInstance production = inLegalAndBrandReview("Poster the client wants bolder");
		this.productions.decide(production, "legal", "reviewers", "APPROVED");
		this.productions.decide(production, "reviewer1", "reviewers", "APPROVED");

		this.productions.decide(production, "client", "clients", "CHANGES_REQUESTED");

		assertThat(production).hasPassed("CallActivity_ClientSignOff", "ServiceTask_NotifyChangesRequested")
			.hasNotPassed("ServiceTask_LockApprovedVersion")
			.isWaitingAt(PRODUCE_VERSION);
		assertThat(asset(production).status()).isEqualTo(AssetStatus.CHANGES_REQUESTED);
		this.productions.produceVersion(production, PRODUCE_VERSION);
		assertThat(production).isWaitingAt("CallActivity_LegalReview", "CallActivity_BrandReview");
	}

	@Test
	void brandRequestingChangesPastTheRevisionRoundLimitStopsTheProduction() {
		// v1 to v3 sent back by brand: each time another round
		ProcessInstance production = inLegalAndBrandReview("Poster nobody likes");
		for (int version = 1; version <= 3; version++) {
			this.productions.decide(production, "legal", "reviewers", "APPROVED");
			this.productions.decide(production, "reviewer1", "reviewers", "CHANGES_REQUESTED");
			assertThat(production).isWaitingAt(PRODUCE_VERSION);
			this.productions.produceVersion(production, PRODUCE_VERSION);
		}

		// when v4 (revision round 3, the configured limit) is sent back too
		this.productions.decide(production, "legal", "reviewers", "APPROVED");
		this.productions.decide(production, "reviewer2", "reviewers", "CHANGES_REQUESTED");

		// then the production stops
		assertThat(production).hasPassed("ServiceTask_StopProduction", "EndEvent_ProductionStopped")
			.hasNotPassed("CallActivity_ClientSignOff")
			.isEnded();
		assertThat(asset(production).status()).isEqualTo(AssetStatus.STOPPED);
	}

	private ProcessInstance inLegalAndBrandReview(String title) {
		ProcessInstance production = this.productions.start(PROCESS_ID, title);
		assertThat(production).isWaitingAt(PRODUCE_VERSION);
		this.productions.produceVersion(production, PRODUCE_VERSION);
		return production;
	}

	private Asset asset(ProcessInstance production) {
		return this.assets.get(this.productions.assetId(production));
	}

}
