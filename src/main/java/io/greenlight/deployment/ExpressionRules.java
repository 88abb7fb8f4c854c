package io.greenlight.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.impl.el.CommandContextFunctions;
import org.camunda.bpm.engine.impl.el.DateTimeFunctions;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstLiteral;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * The grammar a deployed expression may use, checked on the parsed expression before
 * anything runs: literals, operators, variables and their properties, the beans marked
 * {@link CallableFromProcesses} and their own methods, the {@link AllowedMembers} of the
 * execution, the task and plain values, and the engine's functions {@code now()},
 * {@code dateTime()}, {@code currentUser()} and {@code currentUserGroups()}. Each refusal
 * says which part of the expression is not allowed and why.
 */
final class ExpressionRules {

	static final Set<String> FUNCTIONS = Set.of(DateTimeFunctions.NOW, DateTimeFunctions.DATE_TIME,
			CommandContextFunctions.CURRENT_USER, CommandContextFunctions.CURRENT_USER_GROUPS);

	// names no value an expression may look into offers: said at deployment, whatever the
	// value
	private static final Set<String> REFLECTION = Set.of("class", "classLoader", "module", "declaringClass",
			"protectionDomain", "processEngine", "processEngineServices", "processEngineConfiguration");

	// the engine's own parser, with the features the engine enables
	private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

	private final ProcessBeans beans;

	ExpressionRules(ProcessBeans beans) {
		this.beans = beans;
	}

	/** Whether the text holds an expression at all; plain text is not checked. */
	static boolean isExpression(String text) {
		return text != null && (text.contains("${") || text.contains("#{"));
	}

	/** Why the expression is not allowed; empty when it is. */
	List<String> refusals(String expression) {
		List<String> refusals = new ArrayList<>();
		try {
			check(PARSER.build(expression).getRoot(), refusals);
		}
		catch (TreeBuilderException ex) {
			refusals.add("it is not a valid expression: " + ex.getMessage());
		}
		return refusals;
	}

	private void check(Node node, List<String> refusals) {
		if (node instanceof AstIdentifier identifier) {
			checkIdentifier(identifier.getName(), refusals);
		}
		else if (node instanceof AstMethod method) {
			checkMethod(method, refusals);
		}
		else if (node instanceof AstProperty property) {
			checkProperty(property, refusals);
		}
		else if (node instanceof AstFunction function) {
			if (!FUNCTIONS.contains(function.getName())) {
				refusals.add("function '" + function.getName() + "' is not available to processes; they may use "
						+ "now(), dateTime(), currentUser() and currentUserGroups()");
			}
			checkChildren(node, 0, refusals);
		}
		else {
			checkChildren(node, 0, refusals);
		}
	}

	private void checkChildren(Node node, int from, List<String> refusals) {
		for (int i = from; i < node.getCardinality(); i++) {
			check(node.getChild(i), refusals);
		}
	}

	private void checkIdentifier(String name, List<String> refusals) {
		if (this.beans.isServerBean(name)) {
			refusals.add("'" + name + "' is a part of the server that processes may not use; they call only "
					+ "Greenlight's process beans, listed in docs/workflows.md");
		}
	}

	private void checkProperty(AstProperty property, List<String> refusals) {
		Node base = property.getChild(0);
		checkChildren(property, 0, refusals);
		String name = propertyName(property);
		if (name == null) {
			return;
		}
		String baseName = (base instanceof AstIdentifier identifier) ? identifier.getName() : null;
		if (baseName != null && this.beans.isServerBean(baseName)) {
			return;
		}
		if (baseName != null && this.beans.isCallable(baseName)) {
			refusals.add("'" + baseName + "." + name + "': beans offer methods to processes, not properties");
		}
		else if (REFLECTION.contains(name) || !kindOf(base).map(kind -> kind.allowsProperty(name)).orElse(true)) {
			refusals.add("'" + name + "' is not something processes may read"
					+ kindOf(base).map(kind -> " on " + baseName).orElse(""));
		}
	}

	private void checkMethod(AstMethod method, List<String> refusals) {
		AstProperty target = (AstProperty) method.getChild(0);
		Node base = target.getChild(0);
		checkChildren(target, 0, refusals);
		checkChildren(method, 1, refusals);
		String name = propertyName(target);
		if (name == null) {
			return;
		}
		String baseName = (base instanceof AstIdentifier identifier) ? identifier.getName() : null;
		if (baseName != null && this.beans.isServerBean(baseName)) {
			// refused already: the bean itself is out of reach
			return;
		}
		if (baseName != null && this.beans.isCallable(baseName)) {
			if (!this.beans.methods(baseName).contains(name)) {
				refusals.add("'" + baseName + "." + name + "()': " + baseName + " offers processes "
						+ String.join(", ", this.beans.methods(baseName)));
			}
		}
		else if (!kindOf(base).map(kind -> kind.allowsMethod(name)).orElse(AllowedMembers.anyAllowsMethod(name))) {
			refusals.add("'" + name + "()' is not a method processes may call"
					+ kindOf(base).map(kind -> " on " + baseName).orElse(""));
		}
	}

	// the kind of value a base stands for, where the expression alone tells
	private static Optional<AllowedMembers> kindOf(Node base) {
		if (base instanceof AstIdentifier identifier) {
			return switch (identifier.getName()) {
				case VariableScopeElResolver.EXECUTION_KEY -> Optional.of(AllowedMembers.EXECUTION);
				case VariableScopeElResolver.TASK_KEY -> Optional.of(AllowedMembers.TASK);
				default -> Optional.empty();
			};
		}
		return Optional.empty();
	}

	// a.b and a['b'] name their property; a[expression] is decided at run time
	private static String propertyName(AstProperty property) {
		if (!(property instanceof AstBracket)) {
			// AstDot keeps its name to itself; its string form is ". name"
			return property.toString().substring(2);
		}
		Node key = property.getChild(1);
		if (key instanceof AstLiteral literal) {
			return String.valueOf(((AstNode) literal).eval(null, null));
		}
		return null;
	}

}
