package io.greenlight.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.greenlight.support.Http;
import io.greenlight.support.Multipart;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack corpus ({@code src/test/resources/attacks}), each file deployed the way
 * Camunda Modeler deploys, by a creative-ops lead who is not an administrator. Every one
 * is refused with a 400 that names the element and what is wrong, and none leaves a
 * trace: no deployment, no user or group created, no file written.
 */
@ServerIT
class DeploymentSandboxIT {

	// a creative-ops lead: may deploy, is not in camunda-admin
	private static final String LEAD = "lead";

	private static final Path PWNED_FILE = Path.of("/tmp/greenlight-pwned");

	private final Http http;

	private final RepositoryService repositoryService;

	private final IdentityService identityService;

	@Autowired
	DeploymentSandboxIT(@LocalServerPort int port, RepositoryService repositoryService,
			IdentityService identityService) {
		this.http = new Http(port);
		this.repositoryService = repositoryService;
		this.identityService = identityService;
	}

	@BeforeEach
	void createTheLead() throws IOException {
		if (this.identityService.createUserQuery().userId(LEAD).count() == 0) {
			User lead = this.identityService.newUser(LEAD);
			lead.setPassword(Users.PASSWORD);
			this.identityService.saveUser(lead);
			this.identityService.createMembership(LEAD, "creative-ops");
		}
		Files.deleteIfExists(PWNED_FILE);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					ScriptTaskProcess.bpmn | scriptTask 'ScriptTask_RunCommand': Script tasks are not allowed in Greenlight
					ScriptListenerProcess.bpmn | camunda:script of startEvent 'StartEvent_Started': Scripts in listeners and input/output mappings are not allowed
					JavaClassProcess.bpmn | camunda:class 'com.example.Anything' is not allowed in Greenlight
					JdbcTemplateInServiceTaskProcess.bpmn | serviceTask 'ServiceTask_Query': the expression '${jdbcTemplate.update(
					JdbcTemplateInServiceTaskProcess.bpmn | 'jdbcTemplate' is a part of the server that processes may not use
					EnvironmentDelegateExpressionProcess.bpmn | serviceTask 'ServiceTask_ReadSettings': the expression '${environment.getProperty('spring.datasource.url')}' in camunda:delegateExpression is not allowed in Greenlight: 'environment' is a part of the server
					IdentityServiceInExecutionListenerProcess.bpmn | camunda:executionListener of startEvent 'StartEvent_Started': the expression
					IdentityServiceInExecutionListenerProcess.bpmn | 'getProcessEngineServices()' is not a method processes may call on execution
					EngineInTaskListenerProcess.bpmn | camunda:taskListener of userTask 'UserTask_Review'
					EngineInTaskListenerProcess.bpmn | 'processEngineServices' is not something processes may read on task
					ReflectionInInputMappingProcess.bpmn | camunda:inputParameter 'shell' of userTask 'UserTask_Review': the expression
					ReflectionInInputMappingProcess.bpmn | 'getClass()' is not a method processes may call; 'forName()' is not a method processes may call
					ClassLoaderInOutputMappingProcess.bpmn | camunda:outputParameter 'loader' of userTask 'UserTask_Review'
					ClassLoaderInOutputMappingProcess.bpmn | 'class' is not something processes may read on execution
					EngineInSequenceFlowConditionProcess.bpmn | conditionExpression of sequenceFlow 'SequenceFlow_UsersExist'
					EngineInSequenceFlowConditionProcess.bpmn | 'processEngine' is not something processes may read on execution
					TimerStartEventProcess.bpmn | timeDate of timerEventDefinition 'TimerEventDefinition_AtDeploy'
					TimerStartEventProcess.bpmn | 'jdbcTemplate' is a part of the server
					ChainedAfterAllowedBeanProcess.bpmn | userTask 'UserTask_Approve': the expression '${projectTeam.producers(execution).getClass()
					ChainedAfterAllowedBeanProcess.bpmn | 'getClass()' is not a method processes may call
					ConcatenatedPropertyNameProcess.bpmn | in camunda:assignee is not allowed in Greenlight: 'concat()' is not a method processes may call
					UndeclaredBeanMethodProcess.bpmn | in name is not allowed in Greenlight: 'reviewAssignments.getClass()': reviewAssignments offers processes assetType, budgetTier, channel, primaryReviewer, reviewers
					UnknownFunctionProcess.bpmn | function 'exec' is not available to processes
					LegacyActivitiScriptProcess.bpmn | the legacy activiti: namespace
					FormHandlerClassProcess.bpmn | startEvent 'StartEvent_Started': camunda:formHandlerClass 'org.camunda.bpm.engine.impl.form.handler.DefaultStartFormHandler' is not allowed in Greenlight
					VariableMappingClassProcess.bpmn | callActivity 'CallActivity_Review': camunda:variableMappingClass 'com.example.EvilVariableMapping' is not allowed
					FormFieldValidatorClassProcess.bpmn | form field validator 'com.example.EvilValidator' is not allowed in Greenlight
					EmbeddedHtmlFormProcess.bpmn | userTask 'UserTask_Review': camunda:formKey 'embedded:deployment:evil.html' is not allowed in Greenlight
					CaseCallProcess.bpmn | callActivity 'CallActivity_Case': CMMN is off in Greenlight
					EvilCase.cmmn | CMMN is off in Greenlight
					evil.html | a deployment holds BPMN (.bpmn), DMN (.dmn) and Camunda Forms (.form) only
					evil.js | a deployment holds BPMN (.bpmn), DMN (.dmn) and Camunda Forms (.form) only
					JuelInputDecision.dmn | inputExpression 'InputExpression_Stage' uses the expression language 'juel': DMN in Greenlight is FEEL only
					ScriptOutputDecision.dmn | outputEntry 'LiteralExpression_Result' uses the expression language 'javascript'
					JuelDefaultDecision.dmn | definitions 'Definitions_JuelDefault' uses the expression language 'juel'
					IframeForm.form | form component 'Iframe_Login' of type iframe is not allowed in Greenlight
					DoctypeProcess.bpmn | Greenlight does not accept DoctypeProcess.bpmn
					DoctypeProcess.bpmn | DOCTYPE is not allowed
					DoctypeDecision.dmn | DOCTYPE is not allowed
					""")
	void aDeploymentThatWouldRunCodeIsRefusedNamingTheElement(String file, String message) throws IOException {
		long deployments = this.repositoryService.createDeploymentQuery().count();

		Http.Response response = deploy(LEAD, "/attacks/" + file);

		// a timer start event's expression would have run during the deployment itself
		assertNoTrace();
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("type").asText()).isEqualTo("ParseException");
		assertThat(response.json().get("message").asText()).contains(message);
		assertThat(this.repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
	}

	@Test
	void refusalsAreListedPerElementTheWayCamundaModelerShowsThem() throws IOException {
		Http.Response response = deploy(LEAD, "/attacks/EngineInSequenceFlowConditionProcess.bpmn");

		var errors = response.json().at("/details/EngineInSequenceFlowConditionProcess.bpmn/errors");
		assertThat(errors).hasSize(1);
		assertThat(errors.get(0).get("mainElementId").asText()).isEqualTo("SequenceFlow_UsersExist");
		assertThat(errors.get(0).get("line").asInt()).isPositive();
	}

	@Test
	void anEmbeddedFormAndItsScriptAreRefusedTogether() throws IOException {
		long deployments = this.repositoryService.createDeploymentQuery().count();
		Multipart body = modelerDeployment()
			.file("EmbeddedHtmlFormProcess.bpmn", "EmbeddedHtmlFormProcess.bpmn",
					read("/attacks/EmbeddedHtmlFormProcess.bpmn"))
			.file("evil.html", "evil.html", read("/attacks/evil.html"));

		Http.Response response = this.http.post(LEAD, "/engine-rest/deployment/create", body.contentType(),
				body.bytes());

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(this.repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
		assertNoTrace();
	}

	@Test
	void feelDecisionsDeployButCannotCallJava() throws IOException {
		// FEEL is the language of Greenlight's decisions; its external functions stay off
		Http.Response deployed = deploy(LEAD, "/attacks/FeelExternalFunctionDecision.dmn");
		assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);

		Http.Response evaluated = this.http.postJson(LEAD,
				"/engine-rest/decision-definition/key/FeelExternalFunctionDecision/evaluate", "{\"variables\": {}}");

		assertThat(evaluated.status()).isEqualTo(500);
		assertThat(evaluated.json().get("message").asText()).startsWith("Cannot evaluate decision");
		assertThat(System.getProperty("greenlight.pwned")).isNull();
	}

	@Test
	void aTasklistFilterCannotReachTheServerThroughItsExpressions() {
		// filters keep expressions such as ${currentUser()}; they run in the same sandbox
		Http.Response created = this.http.postJson(LEAD, "/engine-rest/filter/create",
				"""
						{"resourceType": "Task", "name": "Sneaky", "query": {"assigneeExpression":
						 "${jdbcTemplate.update(\\"insert into ACT_ID_GROUP (ID_, REV_, NAME_, TYPE_) values ('pwned', 1, 'pwned', 'pwned')\\")}"}}""");
		assertThat(created.status()).as(created.body()).isEqualTo(200);

		Http.Response listed = this.http.get(LEAD,
				"/engine-rest/filter/" + created.json().get("id").asText() + "/list?maxResults=10");

		assertThat(listed.status()).isEqualTo(500);
		assertThat(listed.json().get("message").asText()).startsWith("Unable to resolve expression '${jdbcTemplate");
		assertNoTrace();
	}

	@ParameterizedTest
	@CsvSource({ "/engine-rest/case-instance?maxResults=10", "/engine-rest/case-execution?maxResults=10",
			"/engine-rest/case-definition?maxResults=10", "/engine-rest/history/case-instance?maxResults=10" })
	void caseEndpointsSayThatCmmnIsOff(String path) {
		Http.Response response = this.http.get(Users.CLIENT, path);

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().get("message").asText()).startsWith("CMMN is off in Greenlight");
	}

	@Test
	void aWorkflowBuiltFromAllowedPartsDeploys() throws IOException {
		Http.Response response = deploy(LEAD, "/bpmn/AllowedPartsProcess.bpmn");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey("AllowedPartsProcess")
			.count()).isPositive();
	}

	private void assertNoTrace() {
		assertThat(this.identityService.createUserQuery().userId("pwned").count()).isZero();
		assertThat(this.identityService.createGroupQuery().groupId("pwned").count()).isZero();
		assertThat(PWNED_FILE).doesNotExist();
	}

	private Http.Response deploy(String user, String resource) throws IOException {
		String file = resource.substring(resource.lastIndexOf('/') + 1);
		Multipart body = modelerDeployment().file(file, file, read(resource));
		return this.http.post(user, "/engine-rest/deployment/create", body.contentType(), body.bytes());
	}

	private static Multipart modelerDeployment() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("deployment-name", "attack");
		fields.put("deployment-source", "Camunda Modeler");
		fields.put("enable-duplicate-filtering", "true");
		Multipart body = new Multipart();
		fields.forEach(body::field);
		return body;
	}

	private byte[] read(String resource) throws IOException {
		try (InputStream in = getClass().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IOException("no test file " + resource);
			}
			return in.readAllBytes();
		}
	}

}
