package io.greenlight.security.variables;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.camunda.bpm.engine.impl.ExternalTaskServiceImpl;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.RuntimeServiceImpl;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.migration.MigrationPlanImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every way the engine's services take variables from a caller, built by the services
 * themselves (engine REST and the webapps call exactly these): the guard sees each
 * variable's name. The services run against a command executor that only keeps the
 * command, so no engine is needed.
 */
class CommandVariablesTests {

	private static final Map<String, Object> ASSET = Map.of("assetId", "other-asset");

	private static final Map<String, Object> VERSION = Map.of("assetVersionId", "other-version");

	static Stream<Arguments> routes() {
		return Stream.of(route("task local variable", s -> s.tasks.setVariableLocal("t", "assetId", "x"), "assetId"),
				route("task variables", s -> s.tasks.setVariables("t", ASSET), "assetId"),
				route("task variable removed", s -> s.tasks.removeVariableLocal("t", "reviewer"), "reviewer"),
				route("task variables modified and deleted",
						s -> s.tasks.updateVariablesLocal("t", ASSET, List.of("reviewer")), "assetId", "reviewer"),
				route("task completed", s -> s.tasks.complete("t", VERSION), "assetVersionId"),
				route("task completed, variables returned",
						s -> s.tasks.completeWithVariablesInReturn("t", VERSION, false), "assetVersionId"),
				route("task resolved", s -> s.tasks.resolveTask("t", VERSION), "assetVersionId"),
				route("task form submitted", s -> s.forms.submitTaskForm("t", VERSION), "assetVersionId"),
				route("start form submitted", s -> s.forms.submitStartForm("pd", Map.of("initiator", "ops")),
						"initiator"),
				route("BPMN error from a task", s -> s.tasks.handleBpmnError("t", "E", "m", VERSION), "assetVersionId"),
				route("escalation from a task", s -> s.tasks.handleEscalation("t", "E", VERSION), "assetVersionId"),
				route("process variable", s -> s.runtime.setVariable("pi", "productionStage", "X"), "productionStage"),
				route("execution local variables", s -> s.runtime.setVariablesLocal("e", ASSET), "assetId"),
				route("process variables removed", s -> s.runtime.removeVariables("pi", List.of("reviewers")),
						"reviewers"),
				route("process variables modified and deleted",
						s -> s.runtime.updateVariables("pi", ASSET, List.of("reviewer")), "assetId", "reviewer"),
				route("variables set on many instances",
						s -> s.runtime.setVariablesAsync(List.of("pi"), Map.of("reviewers", "me")), "reviewers"),
				route("process started",
						s -> s.runtime.createProcessInstanceByKey("P")
							.setVariables(Map.of("initiator", "ops"))
							.execute(),
						"initiator"),
				route("process started at an activity",
						s -> s.runtime.createProcessInstanceByKey("P")
							.setVariable("assetId", "x")
							.startBeforeActivity("A")
							.setVariableLocal("assetVersionId", "y")
							.execute(),
						"assetId", "assetVersionId"),
				route("instance modified",
						s -> s.runtime.createProcessInstanceModification("pi")
							.cancelAllForActivity("B")
							.startBeforeActivity("A")
							.setVariable("reviewer", "me")
							.startAfterActivity("C")
							.setVariableLocal("decisionRule", "ANY")
							.execute(),
						"decisionRule", "reviewer"),
				route("instance modified later",
						s -> s.runtime.createProcessInstanceModification("pi")
							.startTransition("T")
							.setVariables(VERSION)
							.executeAsync(),
						"assetVersionId"),
				route("instances modified",
						s -> s.runtime.createModification("pd")
							.startBeforeActivity("A")
							.processInstanceIds("pi")
							.execute()),
				route("instances restarted",
						s -> s.runtime.restartProcessInstances("pd")
							.startBeforeActivity("A")
							.processInstanceIds("pi")
							.execute()),
				route("instances migrated", s -> s.runtime.newMigration(plan()).processInstanceIds("pi").execute(),
						"assetId"),
				route("message correlated",
						s -> s.runtime.createMessageCorrelation("M")
							.setVariable("assetId", "x")
							.setVariableLocal("assetVersionId", "y")
							.setVariableToTriggeredScope("reviewer", "z")
							.correlate(),
						"assetId", "assetVersionId", "reviewer"),
				route("message correlated to all",
						s -> s.runtime.createMessageCorrelation("M").setVariables(VERSION).correlateAll(),
						"assetVersionId"),
				route("message correlated later",
						s -> s.runtime.createMessageCorrelationAsync("M")
							.setVariables(VERSION)
							.processInstanceIds(List.of("pi"))
							.correlateAllAsync(),
						"assetVersionId"),
				route("message to an execution", s -> s.runtime.messageEventReceived("M", "e", VERSION),
						"assetVersionId"),
				route("signal", s -> s.runtime.createSignalEvent("S").setVariables(VERSION).send(), "assetVersionId"),
				route("signal to an execution", s -> s.runtime.signal("e", "S", null, VERSION), "assetVersionId"),
				route("start condition",
						s -> s.runtime.createConditionEvaluation().setVariables(VERSION).evaluateStartConditions(),
						"assetVersionId"),
				route("external task completed", s -> s.external.complete("x", "w", ASSET, VERSION), "assetId",
						"assetVersionId"),
				route("external task BPMN error", s -> s.external.handleBpmnError("x", "w", "E", "m", VERSION),
						"assetVersionId"),
				route("external task failed", s -> s.external.handleFailure("x", "w", "m", "d", 1, 1L, ASSET, VERSION),
						"assetId", "assetVersionId"),
				route("a query", s -> s.tasks.createTaskQuery().taskAssignee("me").list()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("routes")
	void theGuardSeesEveryVariableACallerSends(String route, Consumer<Services> call, Set<String> names) {
		Services services = new Services();

		Command<?> command = services.run(call);

		assertThat(CommandVariables.namesIn(command)).isEqualTo(names);
	}

	@Test
	void everyInspectedKindOfCommandIsReachedByARoute() {
		List<Class<?>> reached = routes().map(arguments -> new Services().run(call(arguments)))
			.<Class<?>>map(Object::getClass)
			.toList();

		for (Class<?> inspected : CommandVariables.inspectedTypes()) {
			assertThat(reached).as(inspected.getSimpleName()).anyMatch(inspected::isAssignableFrom);
		}
	}

	@SuppressWarnings("unchecked")
	private static Consumer<Services> call(Arguments route) {
		return (Consumer<Services>) route.get()[1];
	}

	private static Arguments route(String name, Consumer<Services> call, String... names) {
		return arguments(name, call, Set.of(names));
	}

	private static MigrationPlanImpl plan() {
		MigrationPlanImpl plan = new MigrationPlanImpl("pd1", "pd2");
		plan.setVariables(Variables.createVariables().putValue("assetId", "x"));
		return plan;
	}

	/** The engine's own services, each handing its command to {@link #executor}. */
	static final class Services {

		private final Capture executor = new Capture();

		final TaskServiceImpl tasks = new TaskServiceImpl();

		final FormServiceImpl forms = new FormServiceImpl();

		final RuntimeServiceImpl runtime = new RuntimeServiceImpl();

		final ExternalTaskServiceImpl external = new ExternalTaskServiceImpl();

		Services() {
			this.tasks.setCommandExecutor(this.executor);
			this.forms.setCommandExecutor(this.executor);
			this.runtime.setCommandExecutor(this.executor);
			this.external.setCommandExecutor(this.executor);
		}

		Command<?> run(Consumer<Services> call) {
			try {
				call.accept(this);
			}
			catch (RuntimeException ex) {
				// the service may use the (missing) result of its command: only the
				// command
				// matters here
			}
			assertThat(this.executor.first).as("the service issued a command").isNotNull();
			return this.executor.first;
		}

	}

	private static final class Capture implements CommandExecutor {

		private Command<?> first;

		@Override
		public <T> T execute(Command<T> command) {
			if (this.first == null) {
				this.first = command;
			}
			return null;
		}

	}

}
