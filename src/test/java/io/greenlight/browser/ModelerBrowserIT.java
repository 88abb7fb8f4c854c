package io.greenlight.browser;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlight.support.Http;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.ShippedWorkflows;
import io.greenlight.support.ShippedWorkflows.Definition;
import io.greenlight.support.Users;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A creative-ops lead in the web modeler ({@code /modeler}): adds a review stage to the
 * shipped workflow from a block, checks, deploys, starts a production on the new version
 * and moves the running ones over; sees the server's refusal on the element it is about;
 * designs a new workflow from blocks alone and starts a production on it in Tasklist.
 * Screenshots in {@code target/screenshots/modeler/}.
 */
@ServerIT
class ModelerBrowserIT {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots", "modeler");

	private static final String PRODUCTION = "CreativeProductionProcess";

	@RegisterExtension
	final Browsers browsers = new Browsers();

	private final int port;

	private final Http http;

	private final ProductionDriver productions;

	private final RepositoryService repository;

	private final RuntimeService runtime;

	private boolean changedTheShippedWorkflow;

	@Autowired
	ModelerBrowserIT(@LocalServerPort int port, RepositoryService repository, RuntimeService runtime) {
		this.port = port;
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
		this.repository = repository;
		this.runtime = runtime;
	}

	@AfterEach
	void theShippedWorkflowsAreTheLatestAgain() {
		if (this.changedTheShippedWorkflow) {
			ShippedWorkflows.deploy(this.http, Users.OPS, Map.of());
		}
	}

	@Test
	void aLeadAddsAReviewStageFromABlockDeploysAndMovesTheRunningProductionsOver() {
		// given the shipped workflow as the newest version, and a production running on
		// it
		Definition current = ShippedWorkflows.deploy(this.http, Users.OPS, Map.of()).get(PRODUCTION);
		this.changedTheShippedWorkflow = true;
		String running = this.productions.start("Modeler running " + UUID.randomUUID().toString().substring(0, 6));
		this.productions.awaitTask(Users.PRODUCER, running, "UserTask_ApproveBrief");

		// when the lead opens the modeler: the shipped workflow, its versions, its forms
		Browser browser = signIn();
		browser.await("the workflow",
				driver -> browser.visible(By.id("editing-version"))
					.getText()
					.equals(PRODUCTION + " · deployed as v" + current.version()));
		assertThat(browser.visible(By.id("editing-title")).getText()).isEqualTo("Creative production");
		element(browser, "UserTask_ApproveBrief");
		browser.screenshot(SCREENSHOTS, "shipped-workflow", 1920, 1080);
		browser.click(By.id("tab-versions"));
		assertThat(versionRow(browser, current.version()).getText()).endsWith(" 1");
		browser.click(By.id("tab-bpmn"));

		// and adds a review stage on the arrow from the client's approval to the lock,
		// the first decision settling it
		clickInDiagram(browser, "SequenceFlow_ClientApproved");
		browser.click(By.cssSelector(".block[data-template='io.greenlight.ReviewStage']"));
		browser.click(By.xpath("//*[@id='bpmn-properties']//*[contains(@class,'bio-properties-panel-group-header')]"
				+ "[.//*[normalize-space()='Review stage']]"));
		// picked with the keyboard: the panel listens for input events, which Selenium's
		// option click does not send
		field(browser, "Decision rule").sendKeys("The first decision settles it");
		browser.await("the rule picked",
				driver -> new Select(field(browser, "Decision rule")).getFirstSelectedOption()
					.getText()
					.equals("The first decision settles it"));
		browser.screenshot(SCREENSHOTS, "review-stage-added", 1920, 1080);

		// then the server finds nothing wrong with it
		browser.click(By.id("check"));
		awaitStatus(browser, "No problems: ready to deploy");

		// when the lead deploys it
		browser.click(By.id("deploy"));
		int next = current.version() + 1;
		awaitStatus(browser, "Deployed: " + PRODUCTION + " is now v" + next);
		browser.screenshot(SCREENSHOTS, "deployed", 1920, 1080);

		// then the new version has the stage between the client's approval and the lock
		ProcessDefinition deployed = latest(PRODUCTION);
		assertThat(deployed.getVersion()).isEqualTo(next);
		BpmnModelInstance model = this.repository.getBpmnModelInstance(deployed.getId());
		CallActivity stage = model.getModelElementsByType(CallActivity.class)
			.stream()
			.filter(call -> "io.greenlight.ReviewStage"
				.equals(call.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "modelerTemplate")))
			.findFirst()
			.orElseThrow();
		assertThat(stage.getId()).as("an id that says what it is").isEqualTo("CallActivity_ReviewStage");
		assertThat(stage.getCalledElement()).isEqualTo("StakeholderReviewProcess");
		assertThat(predecessors(stage)).containsExactly("Gateway_ClientReviewOutcome");
		assertThat(successors(stage)).containsExactly("ServiceTask_LockApprovedVersion");
		assertThat(inputs(stage)).containsEntry("stageDecisionRule", "ANY");

		// and a production started now runs on it
		String fresh = this.productions.start("Modeler fresh " + UUID.randomUUID().toString().substring(0, 6));
		assertThat(definitionOf(fresh)).isEqualTo(deployed.getId());

		// when the lead checks moving the running productions of the old version
		browser.click(By.id("tab-versions"));
		Select from = new Select(browser.visible(By.id("migrate-from")));
		browser.await("the old version offered",
				driver -> from.getFirstSelectedOption()
					.getDomAttribute("value")
					.equals(String.valueOf(current.version())));
		assertThat(new Select(browser.visible(By.id("migrate-to"))).getFirstSelectedOption().getDomAttribute("value"))
			.isEqualTo(String.valueOf(next));
		browser.click(By.id("migration-check"));
		browser.await("the engine's report",
				driver -> browser.visible(By.id("migration-report"))
					.getText()
					.contains("1 running production(s) can move from v" + current.version() + " to v" + next
							+ " without losing anything."));
		browser.screenshot(SCREENSHOTS, "migration-checked", 1920, 1080);

		// and moves them
		browser.click(By.id("migration-start"));
		browser.await("the move logged as done",
				driver -> browser.visible(By.cssSelector("#migration-log li"))
					.getText()
					.startsWith("v" + current.version() + " → v" + next)
						&& driver.findElement(By.id("migration-log")).getText().contains("done"));

		// then the running production is on the new version, still waiting for its brief
		assertThat(definitionOf(running)).isEqualTo(deployed.getId());
		this.productions.awaitTask(Users.PRODUCER, running, "UserTask_ApproveBrief");
		browser.await("the versions' counts", driver -> versionRow(browser, current.version()).getText().endsWith(" 0")
				&& versionRow(browser, next).getText().endsWith(" 2"));
		browser.screenshot(SCREENSHOTS, "migrated", 1920, 1080);
	}

	@Test
	void whatTheServerRefusesIsShownOnTheElementAndNothingIsDeployed() {
		Definition current = ShippedWorkflows.deploy(this.http, Users.OPS, Map.of()).get(PRODUCTION);
		this.changedTheShippedWorkflow = true;
		Browser browser = signIn();
		element(browser, "ServiceTask_LockApprovedVersion");

		// when the lead turns "Lock approved version" into a script task
		clickInDiagram(browser, "ServiceTask_LockApprovedVersion");
		browser.click(By.cssSelector(".djs-context-pad [data-action='replace']"));
		browser.click(By.cssSelector(".djs-popup [data-id='replace-with-script-task']"));

		// then checking marks that element with the server's reason
		browser.click(By.id("check"));
		awaitStatus(browser, "1 problem to fix before deploying");
		WebElement problem = browser.visible(By.cssSelector("#problem-list [data-element]"));
		assertThat(problem.getDomAttribute("data-element")).isEqualTo("ServiceTask_LockApprovedVersion");
		assertThat(browser.visible(By.id("problem-list")).getText()).containsIgnoringCase("script");
		assertThat(element(browser, "ServiceTask_LockApprovedVersion").getDomAttribute("class"))
			.contains("gl-has-problem");
		assertThat(browser.visible(By.cssSelector(".gl-problem-badge")).getText()).isNotBlank();
		browser.screenshot(SCREENSHOTS, "problem-on-element", 1920, 1080);

		// and deploying anyway deploys nothing
		browser.click(By.id("deploy"));
		awaitStatus(browser, "Not deployed: 1 problem to fix");
		assertThat(latest(PRODUCTION).getVersion()).isEqualTo(current.version());
	}

	@Test
	void aLeadDesignsANewWorkflowFromBlocksAndStartsAProductionOnIt() {
		String name = "Modeler poster " + UUID.randomUUID().toString().substring(0, 6);
		Browser browser = signIn();
		browser.visible(By.id("editing-version"));

		// when the lead starts a new workflow and adds blocks after the start, in order
		browser.click(By.id("new-workflow"));
		browser.type(By.id("new-workflow-name"), name);
		String key = browser.visible(By.id("new-workflow-id")).getText();
		assertThat(key).startsWith("ModelerPoster").endsWith("Process");
		browser.click(By.id("new-workflow-create"));
		awaitStatus(browser, "New, not deployed");
		for (String block : List.of("RegisterBrief", "ProduceVersion", "RegisterVersion", "ReviewStage",
				"LockApprovedVersion", "DeliverAsset")) {
			browser.click(By.cssSelector(".block[data-template='io.greenlight." + block + "']"));
		}
		// each named for what it is, in order
		assertThat(element(browser, "UserTask_ProduceVersion").getText()).contains("Produce version");
		assertThat(element(browser, "CallActivity_ReviewStage").getText()).contains("Review stage");
		browser.screenshot(SCREENSHOTS, "new-workflow", 1920, 1080);

		// and checks and deploys it
		browser.click(By.id("check"));
		awaitStatus(browser, "No problems: ready to deploy");
		browser.click(By.id("deploy"));
		awaitStatus(browser, "Deployed: " + key + " is now v1");
		assertThat(browser.visible(By.cssSelector("#workflow-list [data-key='" + key + "']")).getText()).contains(name);

		// then the lead starts a production on it in Tasklist with the brief form
		String title = name + " brief";
		browser.go("/camunda/app/tasklist/default/");
		Tasklist tasklist = new Tasklist(browser).awaitLoaded();
		tasklist.startProcess(name,
				form -> form.awaitField("Title")
					.type("Title", title)
					.type("Project code", "ACME-SUMMER")
					.pick("Deliverable type", "Image")
					.pick("Channel", "Print")
					.date("Due date", LocalDate.now().plusMonths(1))
					.type("Description", "A poster, in a workflow designed in the browser"));

		// and it runs: the brief registered, the creatives asked for version 1
		JsonNode tasks = this.http.get(Users.OPS, "/engine-rest/task?processDefinitionKey=" + key + "&maxResults=5")
			.json();
		assertThat(tasks).hasSize(1);
		assertThat(tasks.get(0).get("name").asText()).startsWith("Produce version");
		assertThat(this.runtime.createProcessInstanceQuery().processDefinitionKey(key).singleResult().getBusinessKey())
			.startsWith("ACME-SUMMER-");
	}

	// on a full-HD screen, where the shipped workflow fits the canvas when opened
	private Browser signIn() {
		Browser browser = this.browsers.open(this.port);
		browser.resize(1920, 1080);
		browser.go("/modeler");
		new LoginPage(browser).signIn(Users.OPS, Users.PASSWORD);
		browser.await("the modeler", driver -> browser.path().startsWith("/modeler"));
		return browser;
	}

	// drawn in the diagram, whether scrolled into view or not
	private static WebElement element(Browser browser, String id) {
		By by = By.cssSelector(".djs-element[data-element-id='" + id + "']");
		return browser.await("drawn: " + id, driver -> driver.findElement(by));
	}

	/**
	 * Clicks the element where it is drawn; first, while it is out of view, moves the
	 * diagram with the keyboard as a user can (Ctrl+Shift+arrow, on the focused canvas).
	 */
	private static void clickInDiagram(Browser browser, String id) {
		WebElement canvas = browser.visible(By.id("bpmn-canvas"));
		WebElement hit = element(browser, id).findElement(By.cssSelector(".djs-hit"));
		Rectangle view = canvas.getRect();
		int left = view.getX() + 100;
		int right = view.getX() + view.getWidth() - 40;
		// an empty spot of the canvas, below the palette, takes the keyboard's focus
		new Actions(browser.driver()).moveToElement(canvas, -view.getWidth() / 2 + 150, view.getHeight() / 2 - 30)
			.click()
			.perform();
		for (int i = 0; i < 20 && outside(hit, left, right); i++) {
			Keys arrow = centre(hit) > right ? Keys.ARROW_RIGHT : Keys.ARROW_LEFT;
			new Actions(browser.driver()).keyDown(Keys.CONTROL)
				.keyDown(Keys.SHIFT)
				.sendKeys(arrow)
				.keyUp(Keys.SHIFT)
				.keyUp(Keys.CONTROL)
				.perform();
		}
		assertThat(outside(hit, left, right)).as(id + " moved into view").isFalse();
		new Actions(browser.driver()).moveToElement(hit).click().perform();
	}

	private static boolean outside(WebElement element, int left, int right) {
		int centre = centre(element);
		return centre < left || centre > right;
	}

	private static int centre(WebElement element) {
		Rectangle rect = element.getRect();
		return rect.getX() + rect.getWidth() / 2;
	}

	// the select or input under the properties panel's entry labelled so
	private static WebElement field(Browser browser, String label) {
		return browser.visible(By.xpath("//*[@id='bpmn-properties']//*[@data-entry-id][.//label[normalize-space()='"
				+ label + "']]//*[self::select or self::input or self::textarea]"));
	}

	private static WebElement versionRow(Browser browser, int version) {
		return browser.visible(By.cssSelector("#version-rows tr[data-version='" + version + "']"));
	}

	private static void awaitStatus(Browser browser, String text) {
		browser.await(
				() -> "status '" + text + "', not '" + browser.visible(By.id("status")).getText() + "' ("
						+ browser.visible(By.id("alert")).getText() + ")",
				driver -> browser.visible(By.id("status")).getText().contains(text));
	}

	private ProcessDefinition latest(String key) {
		return this.repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
	}

	private String definitionOf(String assetId) {
		String instance = this.http.get(Users.OPS, "/api/assets/" + assetId)
			.json()
			.at("/asset/processInstanceId")
			.asText();
		return this.runtime.createProcessInstanceQuery()
			.processInstanceId(instance)
			.singleResult()
			.getProcessDefinitionId();
	}

	private static Map<String, String> inputs(CallActivity call) {
		return call.getExtensionElements()
			.getElementsQuery()
			.filterByType(CamundaInputOutput.class)
			.singleResult()
			.getCamundaInputParameters()
			.stream()
			.collect(Collectors.toMap(CamundaInputParameter::getCamundaName, CamundaInputParameter::getTextContent));
	}

	private static List<String> predecessors(FlowNode node) {
		return node.getPreviousNodes().list().stream().map(FlowNode::getId).toList();
	}

	private static List<String> successors(FlowNode node) {
		return node.getSucceedingNodes().list().stream().map(FlowNode::getId).toList();
	}

}
