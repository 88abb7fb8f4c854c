package io.greenlight.deployment;

import java.io.IOException;
import java.util.Set;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A deployed form is a Camunda Form built from form-js's own fields, which Tasklist
 * renders without running anything the author wrote. Components that show content from
 * elsewhere ({@code iframe}) or raw HTML, and types form-js does not know, are refused,
 * naming the component.
 */
final class FormRules {

	// form-js components Tasklist renders from data alone; "text" is Markdown, sanitised
	private static final Set<String> COMPONENTS = Set.of("textfield", "textarea", "number", "datetime", "checkbox",
			"checklist", "radio", "select", "taglist", "text", "image", "separator", "spacer", "group", "dynamiclist",
			"table", "expression", "button");

	private final ObjectMapper json = new ObjectMapper();

	/** Reports each problem with the id of the component it is on. */
	void check(byte[] form, BiConsumer<String, String> problems) {
		JsonNode root;
		try {
			root = this.json.readTree(form);
		}
		catch (JsonProcessingException ex) {
			problems.accept("it is not a Camunda Form (JSON): " + ex.getOriginalMessage(), null);
			return;
		}
		catch (IOException ex) {
			problems.accept("it is not a Camunda Form (JSON): " + ex.getMessage(), null);
			return;
		}
		if (root == null || !root.isObject() || !root.path("id").isTextual() || !root.path("components").isArray()) {
			problems.accept("it is not a Camunda Form: a form is a JSON object with an \"id\" and \"components\"",
					null);
			return;
		}
		checkComponents(root.path("components"), problems);
	}

	private void checkComponents(JsonNode components, BiConsumer<String, String> problems) {
		for (JsonNode component : components) {
			String type = component.path("type").asText();
			String id = component.path("id").asText(null);
			if ("iframe".equals(type) || "html".equals(type)) {
				problems.accept("form component '" + id + "' of type " + type + " is not allowed in Greenlight: it "
						+ "shows content from outside the form in every reviewer's Tasklist; use a text (Markdown) "
						+ "component", id);
			}
			else if (!COMPONENTS.contains(type)) {
				problems.accept("form component '" + id + "' has the type '" + type + "', which Greenlight does not "
						+ "know; use the fields Camunda Modeler offers for Camunda 7", id);
			}
			checkComponents(component.path("components"), problems);
		}
	}

}
