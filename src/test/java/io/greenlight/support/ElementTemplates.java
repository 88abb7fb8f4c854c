package io.greenlight.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;

/**
 * Greenlight's element templates ({@code processes/.camunda/element-templates}), applied
 * to a BPMN element the way Camunda Modeler applies them: every property's binding
 * written into the element, with the value the user picked (by label) or the template's
 * own.
 */
public final class ElementTemplates {

	public static final Path FILE = Path.of("processes/.camunda/element-templates/greenlight.json");

	private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	private final JsonNode templates;

	private ElementTemplates(JsonNode templates) {
		this.templates = templates;
	}

	public static ElementTemplates load() {
		try {
			return new ElementTemplates(new ObjectMapper().readTree(Files.readString(FILE)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public JsonNode json() {
		return this.templates;
	}

	public JsonNode template(String id) {
		for (JsonNode template : this.templates) {
			if (id.equals(template.path("id").asText())) {
				return template;
			}
		}
		throw new IllegalArgumentException("No element template " + id + " in " + FILE);
	}

	/**
	 * Applies template {@code id} to {@code element}, with {@code choices} (property
	 * label to value) in place of the template's defaults.
	 */
	public void apply(String id, BaseElement element, Map<String, String> choices) {
		JsonNode template = template(id);
		String elementType = template.path("elementType").path("value").asText();
		// the model calls it serviceTask, the template bpmn:ServiceTask
		if (!elementType.isEmpty() && !elementType.equalsIgnoreCase("bpmn:" + element.getElementType().getTypeName())) {
			throw new IllegalArgumentException(
					id + " makes a " + elementType + ", not a " + element.getElementType().getTypeName());
		}
		element.setAttributeValueNs(CAMUNDA_NS, "modelerTemplate", id);
		element.setAttributeValueNs(CAMUNDA_NS, "modelerTemplateVersion", template.path("version").asText());
		for (JsonNode property : template.path("properties")) {
			String label = property.path("label").asText(null);
			String value = (label != null && choices.containsKey(label)) ? choices.get(label)
					: property.path("value").asText("");
			bind(element, property.path("binding"), value);
		}
	}

	private static void bind(BaseElement element, JsonNode binding, String value) {
		String type = binding.path("type").asText();
		switch (type) {
			case "property" -> property(element, binding.path("name").asText(), value);
			case "camunda:inputParameter" -> {
				CamundaInputParameter input = element.getModelInstance().newInstance(CamundaInputParameter.class);
				input.setCamundaName(binding.path("name").asText());
				input.setTextContent(value);
				inputOutput(element).getCamundaInputParameters().add(input);
			}
			case "camunda:outputParameter" -> {
				CamundaOutputParameter output = element.getModelInstance().newInstance(CamundaOutputParameter.class);
				output.setCamundaName(value);
				output.setTextContent(binding.path("source").asText());
				inputOutput(element).getCamundaOutputParameters().add(output);
			}
			case "camunda:in" -> {
				CamundaIn in = extensions(element).addExtensionElement(CamundaIn.class);
				in.setCamundaTarget(binding.path("target").asText());
				if (binding.path("expression").asBoolean(false)) {
					in.setCamundaSourceExpression(value);
				}
				else {
					in.setCamundaSource(value);
				}
			}
			case "camunda:in:businessKey" ->
				extensions(element).addExtensionElement(CamundaIn.class).setCamundaBusinessKey(value);
			case "camunda:out" -> {
				CamundaOut out = extensions(element).addExtensionElement(CamundaOut.class);
				out.setCamundaSource(binding.path("source").asText());
				out.setCamundaTarget(value);
			}
			default -> throw new IllegalArgumentException(
					"A binding Camunda Modeler would write and this test " + "does not know: " + type);
		}
	}

	private static void property(BaseElement element, String name, String value) {
		if (name.startsWith("camunda:")) {
			element.setAttributeValueNs(CAMUNDA_NS, name.substring("camunda:".length()), value);
		}
		else {
			element.setAttributeValue(name, value);
		}
	}

	private static ExtensionElements extensions(BaseElement element) {
		ExtensionElements extensions = element.getExtensionElements();
		if (extensions == null) {
			extensions = element.getModelInstance().newInstance(ExtensionElements.class);
			element.setExtensionElements(extensions);
		}
		return extensions;
	}

	private static CamundaInputOutput inputOutput(BaseElement element) {
		ExtensionElements extensions = extensions(element);
		return extensions.getElementsQuery()
			.filterByType(CamundaInputOutput.class)
			.list()
			.stream()
			.findFirst()
			.orElseGet(() -> extensions.addExtensionElement(CamundaInputOutput.class));
	}

}
