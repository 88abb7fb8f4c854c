package io.greenlight.deployment;

import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import io.greenlight.security.variables.ReviewOutcomeTargets;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * What a BPMN file may contain, checked on the parsed document before the engine reads
 * anything from it: no scripts, no class names (outside the operator's allow-list), no
 * legacy {@code activiti:} extensions, no CMMN cases, no forms other than Camunda Forms,
 * no form field validators but the built-in ones, review stages handing their outcome to
 * a plain name that means nothing else, and every expression (in any attribute or text,
 * wherever the engine might evaluate one) within {@link ExpressionRules}. Each problem
 * names the element it is on.
 */
final class BpmnRules {

	private static final String BPMN = BpmnParser.BPMN20_NS;

	private static final String CAMUNDA = BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS;

	private static final String ACTIVITI = BpmnParser.ACTIVITI_BPMN_EXTENSIONS_NS;

	private static final Set<String> BUILT_IN_VALIDATORS = Set.of("required", "readonly", "minlength", "maxlength",
			"min", "max");

	private static final String CAMUNDA_FORMS = "camunda-forms:";

	private final ExpressionRules expressions;

	private final Set<String> allowedClasses;

	BpmnRules(ExpressionRules expressions, Set<String> allowedClasses) {
		this.expressions = expressions;
		this.allowedClasses = allowedClasses;
	}

	/** Where a problem was found: the element, and the id of the element that owns it. */
	interface Problems {

		void add(String message, Element element, String ownerId);

	}

	void check(Element root, Problems problems) {
		check(root, null, null, problems);
	}

	private void check(Element element, String owner, String ownerId, Problems problems) {
		String id = element.attribute("id");
		String here = describe(element, owner);
		String owning = (id != null) ? id : ownerId;
		BiConsumer<String, Element> located = (message, at) -> problems.add(here + ": " + message, at, owning);
		checkElement(element, located);
		for (String key : element.attributes()) {
			checkAttribute(element, key, located);
		}
		if (ExpressionRules.isExpression(element.getText())) {
			checkExpression(element, element.getText(), "its text", located);
		}
		for (Element child : element.elements()) {
			check(child, (id != null) ? here : owner, (id != null) ? id : ownerId, problems);
		}
	}

	private void checkElement(Element element, BiConsumer<String, Element> problems) {
		String tag = element.getTagName();
		String uri = element.getUri();
		if (ACTIVITI.equals(uri)) {
			problems.accept("the legacy activiti: namespace is not accepted in Greenlight: "
					+ "Camunda Modeler writes camunda: extensions", element);
		}
		else if (BPMN.equals(uri) && "scriptTask".equals(tag)) {
			problems.accept("Script tasks are not allowed in Greenlight: use a service task with "
					+ "camunda:delegateExpression pointing at a Greenlight bean", element);
		}
		else if (CAMUNDA.equals(uri) && "script".equals(tag)) {
			problems.accept("Scripts in listeners and input/output mappings are not allowed in Greenlight: "
					+ "use camunda:delegateExpression or an expression instead", element);
		}
		else if (element.attribute("language") != null
				&& ("conditionExpression".equals(tag) || "condition".equals(tag))) {
			problems.accept("Script conditions are not allowed in Greenlight: write the condition as an "
					+ "expression such as ${decision == 'APPROVED'}", element);
		}
		else if (BPMN.equals(uri) && "callActivity".equals(tag)) {
			ReviewOutcomeTargets.of(element).forEach(target -> checkOutcomeTarget(target, element, problems));
		}
		else if (CAMUNDA.equals(uri) && "constraint".equals(tag)
				&& !BUILT_IN_VALIDATORS.contains(element.attribute("name"))) {
			problems.accept("form field validator '" + element.attribute("name") + "' is not allowed in Greenlight: "
					+ "use required, readonly, minlength, maxlength, min or max", element);
		}
	}

	// the stage's outcome becomes a server-set variable of the calling process: its name
	// ends in Outcome, which no name callers send does (nor any other server-set name)
	private static void checkOutcomeTarget(String target, Element element, BiConsumer<String, Element> problems) {
		if (!ReviewOutcomeTargets.NAME.matcher(target).matches()) {
			problems.accept(
					"the outcome variable '" + target + "' of a review stage must be a name ending in "
							+ "Outcome: a lower-case letter, then letters or digits (for example legalOutcome)",
					element);
		}
	}

	private void checkAttribute(Element element, String key, BiConsumer<String, Element> problems) {
		int colon = key.lastIndexOf(':');
		String uri = (colon < 0) ? "" : key.substring(0, colon);
		String name = key.substring(colon + 1);
		String shown = (CAMUNDA.equals(uri) ? "camunda:" : ACTIVITI.equals(uri) ? "activiti:" : "") + name;
		String value = element.attribute(key);
		if (ACTIVITI.equals(uri) && !ACTIVITI.equals(element.getUri())) {
			problems.accept("the legacy activiti: namespace (" + shown + ") is not accepted in Greenlight: "
					+ "Camunda Modeler writes camunda: extensions", element);
		}
		else if (("class".equals(name) || name.endsWith("Class")) && !this.allowedClasses.contains(value)) {
			problems.accept(shown + " '" + value + "' is not allowed in Greenlight: use camunda:delegateExpression "
					+ "with a Greenlight bean, or ask an operator to add the class to "
					+ "greenlight.deployment.allowed-classes", element);
		}
		else if (CAMUNDA.equals(uri) && "caseRef".equals(name)) {
			problems.accept(
					"CMMN is off in Greenlight: call a BPMN process (calledElement) instead of case '" + value + "'",
					element);
		}
		else if (CAMUNDA.equals(uri) && "formKey".equals(name) && !value.startsWith(CAMUNDA_FORMS)) {
			problems.accept("camunda:formKey '" + value + "' is not allowed in Greenlight: use a Camunda Form "
					+ "(camunda:formRef with binding deployment); embedded and external forms would run their "
					+ "own scripts in every reviewer's Tasklist", element);
		}
		else if (ExpressionRules.isExpression(value)) {
			checkExpression(element, value, shown, problems);
		}
	}

	private void checkExpression(Element element, String expression, String where,
			BiConsumer<String, Element> problems) {
		List<String> refusals = this.expressions.refusals(expression);
		if (!refusals.isEmpty()) {
			problems.accept("the expression '" + abbreviate(expression.strip()) + "' in " + where
					+ " is not allowed in Greenlight: " + String.join("; ", refusals), element);
		}
	}

	// scriptTask 'ScriptTask_Run', or camunda:inputParameter 'stage' of serviceTask
	// 'ServiceTask_A'
	private static String describe(Element element, String owner) {
		String tag = (CAMUNDA.equals(element.getUri()) ? "camunda:" : "") + element.getTagName();
		String name = (element.attribute("id") != null) ? element.attribute("id") : element.attribute("name");
		String described = (name != null) ? tag + " '" + name + "'" : tag;
		return (owner != null && element.attribute("id") == null) ? described + " of " + owner : described;
	}

	private static String abbreviate(String text) {
		return (text.length() <= 160) ? text : text.substring(0, 157) + "...";
	}

}
