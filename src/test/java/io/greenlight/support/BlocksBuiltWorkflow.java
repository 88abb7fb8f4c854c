package io.greenlight.support;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;

/**
 * A workflow a creative-ops lead builds in Camunda Modeler from Greenlight's blocks only
 * (an out-of-home poster: brand review with a fixed rule, then the client stage as the
 * routing table decides), the blocks applied as the Modeler applies them; the example of
 * docs/design-a-workflow.md.
 */
public final class BlocksBuiltWorkflow {

	public static final String PROCESS_ID = "BlocksBuiltProcess";

	private BlocksBuiltWorkflow() {
	}

	/** Deploys it (through the deployment guard) and lets producers start it. */
	public static void deploy(ProcessEngine engine) {
		deploy(engine, PROCESS_ID, model());
	}

	/**
	 * Deploys a workflow of blocks as process {@code processId}; producers may start it.
	 */
	public static void deploy(ProcessEngine engine, String processId, BpmnModelInstance model) {
		engine.getRepositoryService()
			.createDeployment()
			.name("Built from Greenlight's blocks")
			.addModelInstance(processId + ".bpmn", model)
			.deploy();
		letProducersStartIt(engine, processId);
	}

	// what docs/design-a-workflow.md asks a lead to grant in Admin for a new workflow
	private static void letProducersStartIt(ProcessEngine engine, String processId) {
		AuthorizationService authorizations = engine.getAuthorizationService();
		if (authorizations.createAuthorizationQuery()
			.groupIdIn("producers")
			.resourceType(Resources.PROCESS_DEFINITION)
			.resourceId(processId)
			.count() == 0) {
			Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			grant.setGroupId("producers");
			grant.setResource(Resources.PROCESS_DEFINITION);
			grant.setResourceId(processId);
			for (Permission permission : List.of(Permissions.READ, Permissions.CREATE_INSTANCE,
					Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK)) {
				grant.addPermission(permission);
			}
			authorizations.saveAuthorization(grant);
		}
	}

	/**
	 * Start → register brief → produce version → register version → notify (version
	 * uploaded) → brand review (reviewers, ANY, 1 day) → client review (routed) → lock →
	 * deliver → notify (delivered); changes requested at either stage → stop.
	 */
	public static BpmnModelInstance model() {
		String approved = "${reviewOutcome != 'CHANGES_REQUESTED'}";
		String changes = "${reviewOutcome == 'CHANGES_REQUESTED'}";
		BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS_ID)
			.name("Out-of-home poster")
			.camundaHistoryTimeToLive(180)
			.startEvent("StartEvent_BriefSubmitted")
			.camundaInitiator("initiator")
			.serviceTask("ServiceTask_RegisterBrief")
			.name("Register brief")
			.userTask("UserTask_MakePoster")
			.name("Produce version")
			.serviceTask("ServiceTask_RegisterVersion")
			.name("Register version")
			.serviceTask("ServiceTask_NotifyVersionUploaded")
			.name("Notify version uploaded")
			.callActivity("CallActivity_BrandReview")
			.name("Brand review")
			.exclusiveGateway("Gateway_BrandApproved")
			.condition("approved", approved)
			.businessRuleTask("BusinessRuleTask_RouteClientReview")
			.name("Route client review")
			.callActivity("CallActivity_ClientReview")
			.name("Client review")
			.exclusiveGateway("Gateway_ClientApproved")
			.condition("approved", approved)
			.serviceTask("ServiceTask_LockApprovedVersion")
			.name("Lock approved version")
			.serviceTask("ServiceTask_DeliverAsset")
			.name("Deliver")
			.serviceTask("ServiceTask_NotifyAssetDelivered")
			.name("Notify asset delivered")
			.endEvent("EndEvent_Delivered")
			.moveToNode("Gateway_BrandApproved")
			.condition("changes requested", changes)
			.serviceTask("ServiceTask_StopProduction")
			.name("Stop")
			.endEvent("EndEvent_Stopped")
			.moveToNode("Gateway_ClientApproved")
			.condition("changes requested", changes)
			.connectTo("ServiceTask_StopProduction")
			.done();
		ElementTemplates blocks = ElementTemplates.load();
		blocks.apply("io.greenlight.RegisterBrief", element(model, "ServiceTask_RegisterBrief"), Map.of());
		blocks.apply("io.greenlight.ProduceVersion", element(model, "UserTask_MakePoster"), Map.of());
		blocks.apply("io.greenlight.RegisterVersion", element(model, "ServiceTask_RegisterVersion"), Map.of());
		blocks.apply("io.greenlight.Notify", element(model, "ServiceTask_NotifyVersionUploaded"),
				Map.of("Event", "VERSION_UPLOADED"));
		blocks.apply("io.greenlight.ReviewStage", element(model, "CallActivity_BrandReview"), Map.of("Stage",
				"INTERNAL_REVIEW", "Reviewers", "REVIEWER", "Decision rule", "ANY", "Due in business days", "1"));
		blocks.apply("io.greenlight.RouteReviewStage", element(model, "BusinessRuleTask_RouteClientReview"),
				Map.of("Stage", "CLIENT_REVIEW"));
		blocks.apply("io.greenlight.RoutedReviewStage", element(model, "CallActivity_ClientReview"),
				Map.of("Stage", "CLIENT_REVIEW"));
		blocks.apply("io.greenlight.LockApprovedVersion", element(model, "ServiceTask_LockApprovedVersion"), Map.of());
		blocks.apply("io.greenlight.DeliverAsset", element(model, "ServiceTask_DeliverAsset"), Map.of());
		blocks.apply("io.greenlight.Notify", element(model, "ServiceTask_NotifyAssetDelivered"),
				Map.of("Event", "ASSET_DELIVERED"));
		blocks.apply("io.greenlight.StopProduction", element(model, "ServiceTask_StopProduction"), Map.of());
		return model;
	}

	private static BaseElement element(BpmnModelInstance model, String id) {
		return model.getModelElementById(id);
	}

}
