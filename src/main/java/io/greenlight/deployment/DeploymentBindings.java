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
 * A file deployed without the files it belongs with would answer 200 and not do what the
 * lead expects. Such a deployment is refused, saying what to deploy with the file, the
 * way every other refusal is (a parse error: 400, and Camunda Modeler shows it). Two
 * cases, both about {@code camunda:decisionRefBinding},
 * {@code camunda:calledElementBinding} or {@code camunda:formRefBinding="deployment"} (or
 * a {@code camunda-forms:deployment:} form key):
 * <ul>
 * <li>a decision, process or form that the latest version of a process outside the
 * deployment binds to its own deployment, while nothing else takes it up (no process of
 * the deployment refers to it, and no latest process binds it with {@code latest}, the
 * engine's default for all three): it would not take effect, that process keeps the copy
 * it was deployed with;</li>
 * <li>a process that binds a decision, process or form to its own deployment that the
 * deployment does not hold: its tasks would find no form (Tasklist answers 404), its
 * business rule tasks and call activities nothing to evaluate or call.</li>
 * </ul>
 * The files in {@code processes/} and {@code forms/}, deployed together at start-up,
 * always pass.
 */
final class DeploymentBindings {

	private static final String CAMUNDA = BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS;

	private static final String DEPLOYMENT = "deployment";

	private static final String LATEST = "latest";

	private static final String FORM_KEY_IN_DEPLOYMENT = "camunda-forms:deployment:";

	private final ObjectMapper json = new ObjectMapper();

	/** What a key names: a decision, a process, a form by id or a form file by name. */
	private enum Kind {

		DECISION(".dmn"), PROCESS(".bpmn"), FORM(".form"), FORM_FILE("");

		// Greenlight names files after what they hold (STYLE.md)
		private final String fileSuffix;

		Kind(String fileSuffix) {
			this.fileSuffix = fileSuffix;
		}

	}

	private record Key(Kind kind, String key) {
	}

	/** Where a process refers to a key, and how it binds it. */
	private record Reference(Key key, String elementId, String binding, String bindingShown) {
	}

	/**
	 * A reference in a process: of this deployment (its file), or the latest version of
	 * one outside it (its definition).
	 */
	private record Use(String processKey, String file, ProcessDefinition outside, Reference reference) {

		boolean binds(String binding) {
			return binding.equals(this.reference.binding());
		}

	}

	void check(DeploymentEntity deployment) {
		Map<String, Set<Key>> offered = new LinkedHashMap<>();
		List<Use> inside = new ArrayList<>();
		for (ResourceEntity resource : deployment.getResources().values()) {
			Set<Key> keys = offers(resource, inside::add);
			if (!keys.isEmpty()) {
				offered.put(resource.getName(), keys);
			}
		}
		if (offered.isEmpty()) {
			return;
		}
		Set<Key> deployed = offered.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
		Set<String> processesInside = deployed.stream()
			.filter(key -> key.kind() == Kind.PROCESS)
			.map(Key::key)
			.collect(Collectors.toSet());
		List<ProcessDefinition> latest = latestProcesses();
		List<Use> outside = usesOutside(latest, processesInside);
		Map<String, String> problems = new LinkedHashMap<>();
		for (Map.Entry<String, Set<Key>> file : offered.entrySet()) {
			Set<Key> keys = file.getValue();
			boolean takenUp = inside.stream().anyMatch(use -> keys.contains(use.reference().key()))
					|| outside.stream().anyMatch(use -> keys.contains(use.reference().key()) && use.binds(LATEST));
			List<Use> bound = outside.stream()
				.filter(use -> keys.contains(use.reference().key()) && use.binds(DEPLOYMENT))
				.toList();
			if (!takenUp && !bound.isEmpty()) {
				problems.put(file.getKey(),
						withoutEffect(file.getKey(), bound, alsoNeeded(bound, outside, deployed, latest)));
			}
		}
		Map<String, List<Use>> missing = inside.stream()
			.filter(use -> use.binds(DEPLOYMENT) && !deployed.contains(use.reference().key()))
			.collect(Collectors.groupingBy(Use::file, LinkedHashMap::new, Collectors.toList()));
		missing.forEach((file, uses) -> problems.merge(file, withoutWhatItBinds(file, uses, latest),
				(first, second) -> first + " " + second));
		if (!problems.isEmpty()) {
			List<Problem> reported = problems.values()
				.stream()
				.map(message -> (Problem) new ProblemImpl(message, (Element) null))
				.toList();
			throw new ParseException(String.join("\n", problems.values()), problems.keySet().iterator().next(),
					reported, List.of());
		}
	}

	// what the file makes available by key; a BPMN file's own references are noted too
	private Set<Key> offers(ResourceEntity resource, Consumer<Use> references) {
		String name = resource.getName().toLowerCase(Locale.ROOT);
		Set<Key> keys = new LinkedHashSet<>();
		try {
			if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
				BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()));
				for (Process process : model.getModelElementsByType(Process.class)) {
					if (process.isExecutable()) {
						keys.add(new Key(Kind.PROCESS, process.getId()));
						references(process.getDomElement(), reference -> references
							.accept(new Use(process.getId(), resource.getName(), null, reference)));
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

	// the latest version of every process, whoever may read it
	private static List<ProcessDefinition> latestProcesses() {
		CommandContext commandContext = Context.getCommandContext();
		return commandContext.runWithoutAuthorization(() -> {
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
	}

	private static List<Use> usesOutside(List<ProcessDefinition> latest, Set<String> processesInside) {
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
				references(element.getDomElement(),
						reference -> uses.add(new Use(process.getKey(), fileName(process), process, reference)));
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

	// a new version of the binding processes finds nothing else in its deployment
	// either: the other files they bind to their own deployment, by the names they
	// were deployed with
	private static List<String> alsoNeeded(List<Use> bound, List<Use> outside, Set<Key> deployed,
			List<ProcessDefinition> latest) {
		Set<String> processes = bound.stream().map(Use::processKey).collect(Collectors.toSet());
		return files(outside.stream()
			.filter(use -> processes.contains(use.processKey()) && use.binds(DEPLOYMENT)
					&& !deployed.contains(use.reference().key()))
			.toList(), latest);
	}

	// the files that hold what these uses bind, named as the latest version of their
	// process was deployed with them, else after the key
	private static List<String> files(List<Use> uses, List<ProcessDefinition> latest) {
		CommandContext commandContext = Context.getCommandContext();
		return uses.stream().map(use -> {
			String deploymentId = latest.stream()
				.filter(process -> process.getKey().equals(use.processKey()))
				.map(ProcessDefinition::getDeploymentId)
				.findFirst()
				.orElse(null);
			return fileName(resourceName(commandContext, deploymentId, use.reference().key()));
		}).distinct().toList();
	}

	private static String resourceName(CommandContext commandContext, String deploymentId, Key key) {
		ResourceDefinition definition = (deploymentId == null) ? null : switch (key.kind()) {
			case DECISION ->
				commandContext.getDecisionDefinitionManager().findDefinitionByDeploymentAndKey(deploymentId, key.key());
			case PROCESS ->
				commandContext.getProcessDefinitionManager().findDefinitionByDeploymentAndKey(deploymentId, key.key());
			case FORM -> commandContext.getCamundaFormDefinitionManager()
				.findDefinitionByDeploymentAndKey(deploymentId, key.key());
			case FORM_FILE -> null;
		};
		return (definition != null && definition.getResourceName() != null) ? definition.getResourceName()
				: key.key() + key.kind().fileSuffix;
	}

	// ApproveBriefForm.form would not take effect: CreativeProductionProcess binds
	// ApproveBriefForm to its own deployment (camunda:formRefBinding="deployment" on
	// UserTask_ApproveBrief). Deploy it together with CreativeProductionProcess.bpmn.
	private static String withoutEffect(String file, List<Use> bound, List<String> alsoNeeded) {
		List<String> with = bound.stream().map(Use::file).distinct().toList();
		String message = fileName(file) + " would not take effect: " + why(bound) + ". Deploy it together with "
				+ listed(with) + ".";
		if (!alsoNeeded.isEmpty()) {
			message += " A new version of " + ((with.size() == 1) ? "that process" : "those processes")
					+ " looks only in its own deployment for " + listed(alsoNeeded) + " too: deploy "
					+ ((alsoNeeded.size() == 1) ? "it" : "them") + " with it.";
		}
		return message;
	}

	// StakeholderReviewProcess.bpmn would not find what it binds to its own deployment:
	// StakeholderReviewProcess binds ReviewAssetForm to its own deployment (…). Deploy it
	// together with ReviewAssetForm.form, …
	private static String withoutWhatItBinds(String file, List<Use> uses, List<ProcessDefinition> latest) {
		return fileName(file) + " would not find what it binds to its own deployment: " + why(uses)
				+ ", and this deployment does not hold "
				+ ((uses.stream().map(use -> use.reference().key()).distinct().count() == 1) ? "it" : "them")
				+ ". Deploy it together with " + listed(files(uses, latest)) + ".";
	}

	// CreativeProductionProcess binds ApproveBriefForm to its own deployment
	// (camunda:formRefBinding="deployment" on UserTask_ApproveBrief); …
	private static String why(List<Use> uses) {
		Map<String, List<Use>> byBinding = new LinkedHashMap<>();
		for (Use use : uses) {
			String binds = use.processKey() + " binds " + use.reference().key().key() + " to its own deployment ("
					+ use.reference().bindingShown();
			byBinding.computeIfAbsent(binds, ignored -> new ArrayList<>()).add(use);
		}
		return byBinding.entrySet()
			.stream()
			.map(entry -> entry.getKey() + " on "
					+ entry.getValue()
						.stream()
						.map(use -> use.reference().elementId())
						.distinct()
						.collect(Collectors.joining(", "))
					+ ")")
			.collect(Collectors.joining("; "));
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
