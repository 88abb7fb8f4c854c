package io.greenlight.deployment;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.xml.ModelException;
import org.camunda.bpm.model.xml.instance.DomElement;

/**
 * DMN in Greenlight is FEEL only: FEEL cannot call Java (external functions stay off),
 * while JUEL and script languages in a decision table run with the server's rights. A
 * table that names another expression language, for the whole file or for one input,
 * output or rule, is refused, naming the element.
 */
final class DmnRules {

	private static final Set<String> FEEL = Set.of(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE,
			DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE,
			DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12,
			DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13,
			DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14,
			DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15);

	/**
	 * Reports each problem with the id of the element it is on (or its nearest owner's).
	 */
	void check(byte[] dmn, BiConsumer<String, String> problems) {
		DomElement root;
		try {
			root = Dmn.readModelFromStream(new ByteArrayInputStream(dmn)).getDocument().getRootElement();
		}
		catch (ModelException ex) {
			problems.accept("it is not a DMN file Camunda can read: " + ex.getMessage(), null);
			return;
		}
		check(root, null, problems);
	}

	private void check(DomElement element, String ownerId, BiConsumer<String, String> problems) {
		String id = (element.getAttribute("id") != null) ? element.getAttribute("id") : ownerId;
		String language = element.getAttribute("expressionLanguage");
		if (language != null && !isFeel(language)) {
			problems.accept(element.getLocalName() + ((id != null) ? " '" + id + "'" : "")
					+ " uses the expression language '" + language + "': DMN in Greenlight is FEEL only "
					+ "(write the expression in FEEL and remove expressionLanguage)", id);
		}
		List<DomElement> children = element.getChildElements();
		for (DomElement child : children) {
			check(child, id, problems);
		}
	}

	private static boolean isFeel(String language) {
		return FEEL.contains(language) || FEEL.contains(language.toLowerCase());
	}

}
