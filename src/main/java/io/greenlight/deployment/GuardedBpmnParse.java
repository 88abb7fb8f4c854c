package io.greenlight.deployment;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;

/**
 * The engine's BPMN parse, preceded by {@link BpmnRules}. A file that breaks a rule is
 * not parsed further: nothing in it is turned into behaviour, and nothing is evaluated (a
 * timer start event's expression would otherwise run at deployment). Each problem is a
 * parse error, so the deployment fails with a 400 that names the element, which Camunda
 * Modeler shows.
 */
final class GuardedBpmnParse extends BpmnParse {

	private final BpmnRules rules;

	GuardedBpmnParse(BpmnParser parser, BpmnRules rules) {
		super(parser);
		this.rules = rules;
	}

	@Override
	protected void parseRootElement() {
		this.rules.check(this.rootElement, (message, element, ownerId) -> {
			if (element.attribute("id") != null || ownerId == null) {
				addError(message, element);
			}
			else {
				// an extension element has no id of its own: Camunda Modeler marks its
				// owner
				addError(message, element, ownerId);
			}
		});
		if (!hasErrors()) {
			super.parseRootElement();
		}
	}

}
