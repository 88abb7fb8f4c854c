package io.greenlight.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.ProcessDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.xml.ProblemImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.ModelException;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * A decision, called process or form deployed without the process that binds it to its
 * own deployment would answer 200 and change nothing: that process keeps finding the copy
 * it was deployed with. Such a deployment is refused, saying what to deploy with the
 * file, the way every other refusal is (a parse error: 400, and Camunda Modeler shows
 * it).
 *
 * <p>
 * A file is refused when the latest version of a process outside the deployment binds its
 * key with {@code camunda:decisionRefBinding}, {@code camunda:calledElementBinding} or
 * {@code camunda:formRefBinding="deployment"} (or a {@code camunda-forms:deployment:}
 * form key), and nothing else takes it up: no process of the same deployment refers to
 * it, and no latest process outside it refers to it with the binding {@code latest} (the
 * engine's default for all three). The files in {@code processes/} and {@code forms/},
 * deployed together at start-up, always pass.
 */
final class DeploymentBindings {

	private static final String CAMUNDA = BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS;

	private static final String DEPLOYMENT = "deployment";

	private static final String LATEST = "latest";

	private static final String FORM_KEY_IN_DEPLOYMENT = "camunda-forms:deployment:";

	private final ObjectMapper json = new ObjectMapper();

	/** What a key names: a decision, a process, a form by id or a form file by name. */
	private enum Kind {

		DECISION, PROCESS, FORM, FORM_FILE

	}

	private record Key(Kind kind, String key) {
	}

	/** Where a process refers to a key, and how it binds it. */
	private record Reference(Key key, String elementId, String binding, String bindingShown) {
	}

	/** A reference in the latest version of a process outside the deployment. */
	private record Use(ProcessDefinition process, Reference reference) {
	}

	void check(DeploymentEntity deployment) {
		Map<String, Set<Key>> offered = new LinkedHashMap<>();
		Set<String> processesInside = new LinkedHashSet<>();
		List<Reference> inside = new ArrayList<>();
		for (ResourceEntity resource : deployment.getResources().values()) {
			Set<Key> keys = offers(resource, processesInside, inside::add);
			if (!keys.isEmpty()) {
				offered.put(resource.getName(), keys);
			}
		}
		if (offered.isEmpty()) {
			return;
		}
		List<Use> outside = usesOutside(processesInside);
		List<Problem> problems = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		for (Map.Entry<String, Set<Key>> file : offered.entrySet()) {
			Set<Key> keys = file.getValue();
			boolean takenUp = inside.stream().anyMatch(reference -> keys.contains(reference.key())) || outside.stream()
				.anyMatch(use -> keys.contains(use.reference().key()) && LATEST.equals(use.reference().binding()));
			List<Use> bound = outside.stream()
				.filter(use -> keys.contains(use.reference().key()) && DEPLOYMENT.equals(use.reference().binding()))
				.toList();
			if (!takenUp && !bound.isEmpty()) {
				Set<Key> deployed = offered.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
				problems.add(new ProblemImpl(message(file.getKey(), bound, alsoNeeded(bound, outside, deployed)),
						(Element) null));
				refused.add(file.getKey());
			}
		}
		if (!problems.isEmpty()) {
			String message = problems.stream().map(Problem::getMessage).collect(Collectors.joining("\n"));
			throw new ParseException(message, refused.get(0), problems, List.of());
		}
	}

	// what the file makes available by key; a BPMN file's own references are noted too
	private Set<Key> offers(ResourceEntity resource, Set<String> processes, Consumer<Reference> references) {
		String name = resource.getName().toLowerCase(Locale.ROOT);
		Set<Key> keys = new LinkedHashSet<>();
		try {
			if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
				BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()));
				for (Process process : model.getModelElementsByType(Process.class)) {
					if (process.isExecutable()) {
						processes.add(process.getId());
						keys.add(new Key(Kind.PROCESS, process.getId()));
						references(process.getDomElement(), references);
					}
				}
			}
			else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
				Dmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()))
					.getModelElementsByType(Decision.class)
					.forEach(decision -> keys.add(new Key(Kind.DECISION, decision.getId())));
			}
			else if (name.endsWith(".form")) {
				JsonNode form = this.json.readTree(resource.getBytes());
				if (form != null && form.path("id").isTextual()) {
					keys.add(new Key(Kind.FORM, form.path("id").asText()));
				}
				keys.add(new Key(Kind.FORM_FILE, resource.getName()));
			}
		}
		catch (ModelException | IOException ex) {
			// the engine's own parser says what is wrong with the file
		}
		return keys;
	}

	private List<Use> usesOutside(Set<String> processesInside) {
		CommandContext commandContext = Context.getCommandContext();
		// every latest process counts, whoever may read it
		List<ProcessDefinition> latest = commandContext.runWithoutAuthorization(() -> {
			boolean tenantCheck = commandContext.isTenantCheckEnabled();
			commandContext.disableTenantCheck();
			try {
				ProcessDefinitionQueryImpl query = new ProcessDefinitionQueryImpl();
				query.latestVersion();
				return query.executeList(commandContext, null);
			}
			finally {
				commandContext.setTenantCheckEnabled(tenantCheck);
			}
		});
		List<Use> uses = new ArrayList<>();
		for (ProcessDefinition process : latest) {
			// a new version in this deployment replaces it
			if (processesInside.contains(process.getKey())) {
				continue;
			}
			BpmnModelInstance model = Context.getProcessEngineConfiguration()
				.getDeploymentCache()
				.findBpmnModelInstanceForProcessDefinition((ProcessDefinitionEntity) process);
			ModelElementInstance element = (model != null) ? model.getModelElementById(process.getKey()) : null;
			if (element != null) {
				references(element.getDomElement(), reference -> uses.add(new Use(process, reference)));
			}
		}
		return uses;
	}

	private static void references(DomElement element, Consumer<Reference> references) {
		String id = element.getAttribute("id");
		reference(Kind.PROCESS, element.getAttribute("calledElement"), id,
				element.getAttribute(CAMUNDA, "calledElementBinding"), "camunda:calledElementBinding", references);
		reference(Kind.DECISION, element.getAttribute(CAMUNDA, "decisionRef"), id,
				element.getAttribute(CAMUNDA, "decisionRefBinding"), "camunda:decisionRefBinding", references);
		reference(Kind.FORM, element.getAttribute(CAMUNDA, "formRef"), id,
				element.getAttribute(CAMUNDA, "formRefBinding"), "camunda:formRefBinding", references);
		String formKey = element.getAttribute(CAMUNDA, "formKey");
		if (formKey != null && formKey.startsWith(FORM_KEY_IN_DEPLOYMENT)) {
			references.accept(new Reference(new Key(Kind.FORM_FILE, formKey.substring(FORM_KEY_IN_DEPLOYMENT.length())),
					id, DEPLOYMENT, "camunda:formKey=\"" + formKey + "\""));
		}
		for (DomElement child : element.getChildElements()) {
			references(child, references);
		}
	}

	private static void reference(Kind kind, String key, String elementId, String binding, String attribute,
			Consumer<Reference> references) {
		// a key computed by an expression is known only at run time
		if (key == null || key.isBlank() || key.contains("${") || key.contains("#{")) {
			return;
		}
		// the engine's default for all three bindings
		String effective = (binding == null || binding.isBlank()) ? LATEST : binding.strip();
		references.accept(
				new Reference(new Key(kind, key.strip()), elementId, effective, attribute + "=\"" + effective + "\""));
	}

	// a new version of the binding processes finds nothing else in its deployment either:
	// the other files they bind to their own deployment, by the names they were deployed
	// with
	private static List<String> alsoNeeded(List<Use> bound, List<Use> outside, Set<Key> deployed) {
		Set<String> processes = bound.stream().map(use -> use.process().getId()).collect(Collectors.toSet());
		CommandContext commandContext = Context.getCommandContext();
		return outside.stream()
			.filter(use -> processes.contains(use.process().getId()) && DEPLOYMENT.equals(use.reference().binding())
					&& !deployed.contains(use.reference().key()))
			.map(use -> resourceName(commandContext, use.process().getDeploymentId(), use.reference().key()))
			.map(DeploymentBindings::fileName)
			.distinct()
			.toList();
	}

	private static String resourceName(CommandContext commandContext, String deploymentId, Key key) {
		ResourceDefinition definition = switch (key.kind()) {
			case DECISION ->
				commandContext.getDecisionDefinitionManager().findDefinitionByDeploymentAndKey(deploymentId, key.key());
			case PROCESS ->
				commandContext.getProcessDefinitionManager().findDefinitionByDeploymentAndKey(deploymentId, key.key());
			case FORM -> commandContext.getCamundaFormDefinitionManager()
				.findDefinitionByDeploymentAndKey(deploymentId, key.key());
			case FORM_FILE -> null;
		};
		return (definition != null && definition.getResourceName() != null) ? definition.getResourceName() : key.key();
	}

	// ApproveBriefForm.form would not take effect: CreativeProductionProcess binds
	// ApproveBriefForm to its own deployment (camunda:formRefBinding="deployment" on
	// UserTask_ApproveBrief). Deploy it together with CreativeProductionProcess.bpmn.
	private static String message(String file, List<Use> bound, List<String> alsoNeeded) {
		Map<String, List<Use>> byBinding = new LinkedHashMap<>();
		for (Use use : bound) {
			String binds = use.process().getKey() + " binds " + use.reference().key().key() + " to its own deployment ("
					+ use.reference().bindingShown();
			byBinding.computeIfAbsent(binds, ignored -> new ArrayList<>()).add(use);
		}
		String why = byBinding.entrySet()
			.stream()
			.map(entry -> entry.getKey() + " on "
					+ entry.getValue()
						.stream()
						.map(use -> use.reference().elementId())
						.distinct()
						.collect(Collectors.joining(", "))
					+ ")")
			.collect(Collectors.joining("; "));
		List<String> with = bound.stream().map(use -> fileName(use.process())).distinct().toList();
		String message = fileName(file) + " would not take effect: " + why + ". Deploy it together with " + listed(with)
				+ ".";
		if (!alsoNeeded.isEmpty()) {
			message += " A new version of " + ((with.size() == 1) ? "that process" : "those processes")
					+ " looks only in its own deployment for " + listed(alsoNeeded) + " too: deploy "
					+ ((alsoNeeded.size() == 1) ? "it" : "them") + " with it.";
		}
		return message;
	}

	private static String listed(List<String> names) {
		return (names.size() == 1) ? names.get(0)
				: String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
	}

	private static String fileName(ProcessDefinition process) {
		return (process.getResourceName() != null) ? fileName(process.getResourceName()) : process.getKey() + ".bpmn";
	}

	// the server deploys processes/ with full paths as resource names
	private static String fileName(String resourceName) {
		return resourceName.substring(Math.max(resourceName.lastIndexOf('/'), resourceName.lastIndexOf('\\')) + 1);
	}

}
