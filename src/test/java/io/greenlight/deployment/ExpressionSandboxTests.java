package io.greenlight.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The run-time half of the sandbox, on the real engine: expressions evaluated by the
 * engine's own expression manager against a running execution, without passing a
 * deployment check first, as an expression from an earlier deployment or a property name
 * held in a variable would.
 */
@SpringBootTest
class ExpressionSandboxTests {

	private static final String PROCESS = "SandboxProbeProcess";

	private final ProcessEngineConfigurationImpl engine;

	private final RuntimeService runtimeService;

	private final RepositoryService repositoryService;

	private String executionId;

	@Autowired
	ExpressionSandboxTests(ProcessEngineConfigurationImpl engine) {
		this.engine = engine;
		this.runtimeService = engine.getRuntimeService();
		this.repositoryService = engine.getRepositoryService();
	}

	@BeforeEach
	void startAProcessThatWaits() {
		if (this.repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
			this.repositoryService.createDeployment()
				.addModelInstance(PROCESS + ".bpmn",
						Bpmn.createExecutableProcess(PROCESS)
							.camundaHistoryTimeToLive(1)
							.startEvent()
							.userTask("UserTask_Wait")
							.endEvent()
							.done())
				.deploy();
		}
		ProcessInstance instance = this.runtimeService.startProcessInstanceByKey(PROCESS, "asset-42",
				Map.of("title", "Summer spot", "reviewers", java.util.List.of("reviewer1", "reviewer2"), "note",
						"${environment.getProperty('spring.datasource.url')}", "propertyName",
						"processEngineServices"));
		this.executionId = instance.getId();
	}

	@Test
	void whatWorkflowsUseStillWorks() {
		assertThat(evaluate("${execution.processBusinessKey}")).isEqualTo("asset-42");
		assertThat(evaluate("${title.toUpperCase()} for ${reviewers.size()} reviewers"))
			.isEqualTo("SUMMER SPOT for 2 reviewers");
		assertThat(evaluate("${reviewers[1]}")).isEqualTo("reviewer2");
		assertThat(evaluate("${execution.getVariable('title') == 'Summer spot'}")).isEqualTo(true);
		assertThat(evaluate("${dateTime().plusDays(2).toDate()}")).isInstanceOf(Date.class);
		assertThat(evaluate("${projectTeam}")).isNotNull();
	}

	@Test
	void anExpressionHeldInAVariableIsDataNotCode() {
		assertThat(evaluate("${note}")).isEqualTo("${environment.getProperty('spring.datasource.url')}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "${execution.processEngineServices}", "${execution.getProcessEngineServices()}",
			"${execution.processEngine.identityService}", "${execution[propertyName]}", "${execution.class}",
			"${title.getClass().forName('java.lang.Runtime')}", "${title.bytes}", "${reviewers.getClass()}",
			"${projectTeam.toString()}", "${projectTeam.getClass()}", "${projectTeam.assets}",
			"${execution.processInstance.superExecution}", "${dateTime().getChronology()}" })
	void reflectionTheEngineAndUnlistedMembersAreRefused(String expression) {
		assertThatThrownBy(() -> evaluate(expression)).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("Greenlight does not let process expressions");
	}

	@ParameterizedTest
	@ValueSource(strings = { "${jdbcTemplate}", "${environment}", "${processEngine}", "${identityService}",
			"${dataSource}" })
	void onlyBeansMarkedCallableResolve(String expression) {
		assertThatThrownBy(() -> evaluate(expression)).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("Unknown property used in expression");
	}

	@Test
	void greenlightsBeansAreOutOfReachWithoutAProcess() {
		// a Tasklist filter's expressions have no execution to act on
		assertThatThrownBy(() -> evaluateWithoutProcess("${projectTeam}"))
			.hasMessageContaining("Unknown property used in expression");
		assertThat(evaluateWithoutProcess("${currentUser()}")).isNull();
	}

	@Test
	void noScriptLanguageIsAvailable() {
		// not even the JUEL and FEEL script engines the engine's own jars register
		for (String language : new String[] { "juel", "feel-scala", "javascript", "groovy" }) {
			assertThatThrownBy(() -> this.engine.getCommandExecutorTxRequired()
				.execute(context -> this.engine.getScriptingEngines().getScriptEngineForLanguage(language)))
				.as(language)
				.hasMessageContaining("Can't find scripting engine");
		}
	}

	@Test
	void aDecisionInJuelIsNotEvaluated() throws IOException {
		// a decision that never passed a deployment check, handed straight to the DMN
		// engine
		byte[] dmn;
		try (InputStream in = getClass().getResourceAsStream("/attacks/JuelInputDecision.dmn")) {
			dmn = in.readAllBytes();
		}

		assertThatThrownBy(() -> this.engine.getCommandExecutorTxRequired().execute(context -> {
			DmnDecision decision = this.engine.getDmnEngine()
				.parseDecision("JuelInputDecision", new ByteArrayInputStream(dmn));
			return this.engine.getDmnEngine()
				.evaluateDecisionTable(decision, Variables.createVariables().putValue("stage", "INTERNAL_REVIEW"));
		})).hasStackTraceContaining("DMN in Greenlight is FEEL only");
	}

	private Object evaluate(String expression) {
		return this.engine.getCommandExecutorTxRequired().execute(context -> {
			ExecutionEntity execution = context.getExecutionManager().findExecutionById(this.executionId);
			return this.engine.getExpressionManager().createExpression(expression).getValue(execution);
		});
	}

	private Object evaluateWithoutProcess(String expression) {
		return this.engine.getCommandExecutorTxRequired()
			.execute(context -> this.engine.getExpressionManager().createExpression(expression).getValue(null));
	}

}
