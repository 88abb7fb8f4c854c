package io.greenlight.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

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

	/**
	 * How {@code element} differs from the block it says it was built from
	 * ({@code camunda:modelerTemplate}): a hidden binding changed, a choice that is not
	 * one of the block's, a value its pattern refuses, or an extension the block does not
	 * write. Empty when the element is the block as Camunda Modeler applies it.
	 */
	public List<String> differences(BaseElement element) {
		List<String> differences = new ArrayList<>();
		String id = element.getAttributeValueNs(CAMUNDA_NS, "modelerTemplate");
		if (id == null) {
			differences.add(element.getId() + " is not built from a block (no camunda:modelerTemplate)");
			return differences;
		}
		JsonNode template = template(id);
		String version = element.getAttributeValueNs(CAMUNDA_NS, "modelerTemplateVersion");
		if (!template.path("version").asText().equals(version)) {
			differences.add(element.getId() + ": template version " + version + ", the block is version "
					+ template.path("version").asText());
		}
		Map<String, Integer> bindings = new HashMap<>();
		for (JsonNode property : template.path("properties")) {
			JsonNode binding = property.path("binding");
			bindings.merge(binding.path("type").asText().replace(":businessKey", ""), 1, Integer::sum);
			String actual = Objects.requireNonNullElse(bound(element, binding), "");
			String label = property.path("label").asText(binding.toString());
			if (!allowed(property, actual)) {
				differences.add(element.getId() + ": " + label + " is '" + actual + "'");
			}
		}
		extensionCount(element, bindings, differences);
		return differences;
	}

	private static boolean allowed(JsonNode property, String actual) {
		String type = property.path("type").asText();
		if ("Dropdown".equals(type)) {
			for (JsonNode choice : property.path("choices")) {
				if (choice.path("value").asText().equals(actual)) {
					return true;
				}
			}
			return false;
		}
		if ("Hidden".equals(type)) {
			return property.path("value").asText("").equals(actual);
		}
		JsonNode constraints = property.path("constraints");
		if (constraints.path("notEmpty").asBoolean(false) && actual.isEmpty()) {
			return false;
		}
		String pattern = constraints.path("pattern").path("value").asText(null);
		return pattern == null || Pattern.compile(pattern).matcher(actual).find();
	}

	// what the element holds where the binding writes, null when nothing is there
	private static String bound(BaseElement element, JsonNode binding) {
		String name = binding.path("name").asText();
		return switch (binding.path("type").asText()) {
			case "property" -> name.startsWith("camunda:")
					? element.getAttributeValueNs(CAMUNDA_NS, name.substring("camunda:".length()))
					: element.getAttributeValue(name);
			case "camunda:inputParameter" -> first(element, CamundaInputParameter.class,
					input -> name.equals(input.getCamundaName()) ? input.getTextContent() : null);
			case "camunda:outputParameter" -> first(element, CamundaOutputParameter.class,
					output -> binding.path("source").asText().equals(output.getTextContent()) ? output.getCamundaName()
							: null);
			case "camunda:in" -> first(element, CamundaIn.class,
					in -> binding.path("target").asText().equals(in.getCamundaTarget())
							? (binding.path("expression").asBoolean(false) ? in.getCamundaSourceExpression()
									: in.getCamundaSource())
							: null);
			case "camunda:in:businessKey" -> first(element, CamundaIn.class, CamundaIn::getCamundaBusinessKey);
			case "camunda:out" ->
				first(element, CamundaOut.class, out -> binding.path("source").asText().equals(out.getCamundaSource())
						? out.getCamundaTarget() : null);
			default -> throw new IllegalArgumentException("A binding this test does not know: " + binding);
		};
	}

	private static <T extends ModelElementInstance> String first(BaseElement element, Class<T> type,
			Function<T, String> value) {
		return element.getModelInstance()
			.getModelElementsByType(type)
			.stream()
			.filter(found -> isWithin(found, element))
			.map(value)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	private static boolean isWithin(ModelElementInstance found, BaseElement element) {
		for (ModelElementInstance parent = found.getParentElement(); parent != null; parent = parent
			.getParentElement()) {
			if (parent == element) {
				return true;
			}
		}
		return false;
	}

	// an extension the block does not write (another camunda:in, say) is not the block
	private static void extensionCount(BaseElement element, Map<String, Integer> bindings, List<String> differences) {
		Map<String, Class<? extends ModelElementInstance>> types = Map.of("camunda:inputParameter",
				CamundaInputParameter.class, "camunda:outputParameter", CamundaOutputParameter.class, "camunda:in",
				CamundaIn.class, "camunda:out", CamundaOut.class);
		types.forEach((binding, type) -> {
			long found = element.getModelInstance()
				.getModelElementsByType(type)
				.stream()
				.filter(extension -> isWithin(extension, element))
				.count();
			if (found != bindings.getOrDefault(binding, 0)) {
				differences.add(element.getId() + ": " + found + " " + binding + " where the block writes "
						+ bindings.getOrDefault(binding, 0));
			}
		});
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
