package io.greenlight.security.variables;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.impl.ConditionEvaluationBuilderImpl;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.RestartProcessInstanceBuilderImpl;
import org.camunda.bpm.engine.impl.SignalEventReceivedBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractInstantiationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskFailureCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.migration.AbstractMigrationCmd;
import org.camunda.bpm.engine.impl.migration.MigrationPlanExecutionBuilderImpl;

/**
 * Which variables an engine command writes or removes, by name. The engine's commands
 * keep what a caller sent in protected fields, so this reads those fields by reflection:
 * the table below names each command class (or the superclass that holds the field) and
 * its fields, as of Camunda 7.24. Builders and modification instructions are read through
 * their public getters. A field that is missing (an engine upgrade renamed it) fails when
 * this class loads, so the server does not start without the guard.
 * {@code CommandVariablesTests} builds every listed command as the engine's services do.
 */
final class CommandVariables {

	private static final Map<Class<?>, List<Field>> FIELDS = fields(Map.ofEntries(
			// task, process instance and execution variables: set, remove, modify
			Map.entry(AbstractSetVariableCmd.class, List.of("variables")),
			Map.entry(AbstractRemoveVariableCmd.class, List.of("variableNames")),
			Map.entry(AbstractPatchVariablesCmd.class, List.of("variables", "deletions")),
			Map.entry(SetVariablesToProcessInstancesBatchCmd.class, List.of("variables")),
			// task completion (complete, resolve), forms, BPMN errors and escalations
			Map.entry(CompleteTaskCmd.class, List.of("variables")),
			Map.entry(SubmitTaskFormCmd.class, List.of("properties")),
			Map.entry(SubmitStartFormCmd.class, List.of("variables")),
			Map.entry(HandleTaskBpmnErrorCmd.class, List.of("variables")),
			Map.entry(HandleTaskEscalationCmd.class, List.of("variables")),
			// starting, modifying, restarting and migrating process instances
			Map.entry(StartProcessInstanceCmd.class, List.of("instantiationBuilder")),
			Map.entry(StartProcessInstanceAtActivitiesCmd.class, List.of("instantiationBuilder")),
			Map.entry(ModifyProcessInstanceCmd.class, List.of("builder")),
			Map.entry(ModifyProcessInstanceAsyncCmd.class, List.of("builder")),
			Map.entry(AbstractModificationCmd.class, List.of("builder")),
			Map.entry(AbstractRestartProcessInstanceCmd.class, List.of("builder")),
			Map.entry(AbstractMigrationCmd.class, List.of("executionBuilder")),
			// messages, signals and conditions with a payload
			Map.entry(AbstractCorrelateMessageCmd.class, List.of("builder")),
			Map.entry(CorrelateAllMessageBatchCmd.class, List.of("variables")),
			Map.entry(MessageEventReceivedCmd.class,
					List.of("processVariables", "processVariablesLocal", "processVariablesToTriggeredScope")),
			Map.entry(SignalEventReceivedCmd.class, List.of("builder")),
			Map.entry(SignalCmd.class, List.of("processVariables")),
			Map.entry(EvaluateStartConditionCmd.class, List.of("builder")),
			// external task workers
			Map.entry(CompleteExternalTaskCmd.class, List.of("variables", "localVariables")),
			Map.entry(HandleExternalTaskBpmnErrorCmd.class, List.of("variables")),
			Map.entry(HandleExternalTaskFailureCmd.class, List.of("variables", "localVariables"))));

	private CommandVariables() {
	}

	/** The names of the variables the command would write or remove. */
	static Set<String> namesIn(Command<?> command) {
		Set<String> names = new TreeSet<>();
		for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
			for (Field field : FIELDS.getOrDefault(type, List.of())) {
				collect(read(field, command), names);
			}
		}
		return names;
	}

	/** Every command class whose variables are read, for the tests. */
	static Set<Class<?>> inspectedTypes() {
		return FIELDS.keySet();
	}

	private static void collect(Object value, Set<String> names) {
		if (value == null) {
			return;
		}
		if (value instanceof Map<?, ?> variables) {
			variables.keySet().forEach(name -> names.add(String.valueOf(name)));
		}
		else if (value instanceof Collection<?> elements) {
			for (Object element : elements) {
				if (element instanceof String name) {
					names.add(name);
				}
				else {
					collect(element, names);
				}
			}
		}
		else if (value instanceof ProcessInstantiationBuilderImpl start) {
			collect(start.getModificationBuilder(), names);
		}
		else if (value instanceof ProcessInstanceModificationBuilderImpl modification) {
			collect(modification.getProcessVariables(), names);
			collect(modification.getModificationOperations(), names);
		}
		else if (value instanceof AbstractInstantiationCmd instruction) {
			collect(instruction.getVariables(), names);
			collect(instruction.getVariablesLocal(), names);
		}
		else if (value instanceof ModificationBuilderImpl modification) {
			collect(modification.getInstructions(), names);
		}
		else if (value instanceof RestartProcessInstanceBuilderImpl restart) {
			collect(restart.getInstructions(), names);
		}
		else if (value instanceof MigrationPlanExecutionBuilderImpl migration) {
			collect(migration.getMigrationPlan().getVariables(), names);
		}
		else if (value instanceof MessageCorrelationBuilderImpl message) {
			collect(message.getPayloadProcessInstanceVariables(), names);
			collect(message.getPayloadProcessInstanceVariablesLocal(), names);
			collect(message.getPayloadProcessInstanceVariablesToTriggeredScope(), names);
		}
		else if (value instanceof SignalEventReceivedBuilderImpl signal) {
			collect(signal.getVariables(), names);
		}
		else if (value instanceof ConditionEvaluationBuilderImpl condition) {
			collect(condition.getVariables(), names);
		}
		else if (!isOtherInstruction(value)) {
			// fail closed: a command whose variables cannot be read is not run for a
			// caller
			throw new IllegalStateException("Cannot tell which variables " + value.getClass().getName()
					+ " carries: teach CommandVariables about it (engine upgrade?)");
		}
	}

	// cancelling an activity instance or a transition carries no variables
	private static boolean isOtherInstruction(Object value) {
		return value instanceof AbstractProcessInstanceModificationCommand;
	}

	private static Object read(Field field, Command<?> command) {
		try {
			return field.get(command);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Cannot read " + field, ex);
		}
	}

	private static Map<Class<?>, List<Field>> fields(Map<Class<?>, List<String>> names) {
		Map<Class<?>, List<Field>> fields = new HashMap<>();
		names.forEach(
				(type, fieldNames) -> fields.put(type, fieldNames.stream().map(name -> field(type, name)).toList()));
		return Map.copyOf(fields);
	}

	private static Field field(Class<?> type, String name) {
		try {
			Field field = type.getDeclaredField(name);
			field.setAccessible(true);
			return field;
		}
		catch (NoSuchFieldException ex) {
			throw new IllegalStateException(type.getName() + " has no field '" + name
					+ "' any more: CommandVariables must learn where it keeps its variables now", ex);
		}
	}

}
