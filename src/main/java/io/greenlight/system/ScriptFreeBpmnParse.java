package io.greenlight.system;

import java.util.Set;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Refuses BPMN that would run code Greenlight does not ship: deploying a process is code
 * execution, so a script task, a script listener, a script condition or input/output
 * script, or a {@code camunda:class} outside the allow-list makes the deployment fail
 * with a parse error that names the element. Everything else is parsed as usual.
 */
class ScriptFreeBpmnParse extends BpmnParse {

	private final Set<String> allowedClasses;

	ScriptFreeBpmnParse(BpmnParser parser, Set<String> allowedClasses) {
		super(parser);
		this.allowedClasses = allowedClasses;
	}

	@Override
	protected void parseRootElement() {
		refuseCodeIn(this.rootElement);
		super.parseRootElement();
	}

	private void refuseCodeIn(Element element) {
		String tag = element.getTagName();
		if ("scriptTask".equals(tag)) {
			addError("Script tasks are not allowed in Greenlight: use a service task with "
					+ "camunda:delegateExpression pointing at a Greenlight bean", element);
		}
		else if ("script".equals(tag) && CAMUNDA_BPMN_EXTENSIONS_NS.getNamespaceUri().equals(element.getUri())) {
			addError("Scripts in listeners and input/output mappings are not allowed in Greenlight: "
					+ "use camunda:delegateExpression or an expression instead", element);
		}
		else if (element.attribute("language") != null
				&& ("conditionExpression".equals(tag) || "condition".equals(tag))) {
			addError("Script conditions are not allowed in Greenlight: write the condition as an "
					+ "expression such as ${decision == 'APPROVED'}", element);
		}
		String className = element.attributeNS(CAMUNDA_BPMN_EXTENSIONS_NS, "class");
		if (className != null && !allowedClasses.contains(className)) {
			addError("camunda:class '" + className + "' is not allowed in Greenlight: use "
					+ "camunda:delegateExpression with a Greenlight bean, or ask an operator to add the "
					+ "class to greenlight.deployment.allowed-classes", element);
		}
		for (Element child : element.elements()) {
			refuseCodeIn(child);
		}
	}

}
