package io.greenlight.deployment;

import java.beans.Introspector;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.joda.time.DateTime;

/**
 * What an expression may read or call on the values it meets, by kind of value: the
 * running execution or task (their ids, names and variables, not the engine behind them),
 * a decision result, maps, lists, strings and dates. Anything else (reflection, the
 * engine's services, any other object) is refused, at deployment where the kind is known
 * from the expression and at run time for every value. Listed in
 * {@code docs/workflows.md}.
 */
enum AllowedMembers {

	// Enum order matters: a decision result is also a list, its entries a map.
	EXECUTION(DelegateExecution.class,
			Set.of("id", "processInstanceId", "processBusinessKey", "businessKey", "processDefinitionId", "parentId",
					"currentActivityId", "currentActivityName", "activityInstanceId", "parentActivityInstanceId",
					"currentTransitionId", "eventName", "tenantId", "canceled", "variables", "variablesLocal",
					"variableNames", "variableNamesLocal"),
			Variables.METHODS),

	TASK(DelegateTask.class,
			Set.of("id", "name", "description", "priority", "assignee", "owner", "taskDefinitionKey",
					"processInstanceId", "processDefinitionId", "executionId", "eventName", "createTime", "lastUpdated",
					"dueDate", "followUpDate", "tenantId", "deleteReason", "execution", "variables", "variablesLocal",
					"variableNames", "variableNamesLocal"),
			Variables.METHODS),

	DECISION_RESULT(DmnDecisionResult.class, Set.of("firstResult", "singleResult", "resultList", "singleEntry"),
			Set.of("collectEntries", "size", "isEmpty", "get")),

	DECISION_RESULT_ENTRIES(DmnDecisionResultEntries.class, Set.of("firstEntry", "singleEntry", "entryMap"),
			Set.of("getEntry", "get", "containsKey", "size", "isEmpty")),

	MAP(Map.class, Set.of(), Set.of("get", "containsKey", "size", "isEmpty")),

	COLLECTION(Collection.class, Set.of(), Set.of("get", "contains", "size", "isEmpty")),

	STRING(String.class, Set.of(),
			Set.of("length", "isEmpty", "isBlank", "contains", "startsWith", "endsWith", "equals", "equalsIgnoreCase",
					"toLowerCase", "toUpperCase", "trim", "strip")),

	DATE(Date.class, Set.of("time"), Set.of("before", "after")),

	// dateTime() in timer and due date expressions: ${dateTime().plusDays(2).toDate()}
	DATE_TIME(DateTime.class, Set.of("millis"),
			Set.of("plusYears", "plusMonths", "plusWeeks", "plusDays", "plusHours", "plusMinutes", "plusSeconds",
					"minusYears", "minusMonths", "minusWeeks", "minusDays", "minusHours", "minusMinutes",
					"minusSeconds", "withTimeAtStartOfDay", "toDate", "isBefore", "isAfter", "isBeforeNow",
					"isAfterNow"));

	private final Class<?> type;

	private final Set<String> properties;

	private final Set<String> methods;

	AllowedMembers(Class<?> type, Set<String> properties, Set<String> methods) {
		this.type = type;
		this.properties = properties;
		this.methods = methods;
	}

	/** The rules for this value, if it is of a kind expressions may look into. */
	static Optional<AllowedMembers> of(Object value) {
		return Arrays.stream(values()).filter(kind -> kind.type.isInstance(value)).findFirst();
	}

	/**
	 * Whether some kind of value offers this method: all deployment can tell for a
	 * variable.
	 */
	static boolean anyAllowsMethod(String method) {
		return Arrays.stream(values()).anyMatch(kind -> kind.allowsMethod(method));
	}

	boolean allowsProperty(String property) {
		return this.properties.contains(property);
	}

	/**
	 * A listed method, or the getter of a listed property
	 * ({@code getProcessBusinessKey}).
	 */
	boolean allowsMethod(String method) {
		return this.methods.contains(method) || this.properties.contains(propertyOfGetter(method));
	}

	private static String propertyOfGetter(String method) {
		for (String prefix : new String[] { "get", "is" }) {
			if (method.length() > prefix.length() && method.startsWith(prefix)) {
				return Introspector.decapitalize(method.substring(prefix.length()));
			}
		}
		return "";
	}

	private static final class Variables {

		static final Set<String> METHODS = Set.of("getVariable", "getVariableLocal", "hasVariable", "hasVariableLocal",
				"hasVariables", "hasVariablesLocal", "setVariable", "setVariableLocal");

	}

}
