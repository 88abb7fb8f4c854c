package io.greenlight.system;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenlight.deployment.CallableFromProcesses;
import io.greenlight.security.variables.ServerSetVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract between the BPMN files a creative-ops lead edits and the server: every
 * bean an expression names is one processes may call, and docs/workflows.md lists exactly
 * those; every formRef has its form in {@code forms/}, every process keeps its history
 * time to live, and nothing a test or log refers to has a modeler-generated id.
 */
@SpringBootTest
class ProcessContractTests {

	private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	// ${bean} and ${bean.method(execution)}; plain variables are not beans
	private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*[.}]");

	private static final Pattern BEAN_CALL = Pattern
		.compile("\\$\\{\\s*!?\\s*([A-Za-z_][A-Za-z0-9_]*)\\.[A-Za-z_][A-Za-z0-9_]*\\(\\s*execution");

	private static final Pattern GENERATED_ID = Pattern.compile(
			"^(Activity|Event|Gateway|Flow|StartEvent|EndEvent|Task|UserTask|ServiceTask|SequenceFlow)_[0-9a-z]{7}$");

	// a bean row of docs/workflows.md: | `registerBriefDelegate` | ...
	private static final Pattern DOCUMENTED_BEAN = Pattern.compile("^\\| `([A-Za-z]+)` \\|", Pattern.MULTILINE);

	// a row of its server-set variables: | `stageDueAt`, `reminderBeforeDueAt` | ...
	private static final Pattern DOCUMENTED_VARIABLES = Pattern
		.compile("^\\| (`[A-Za-z0-9]+`(?:, `[A-Za-z0-9]+`)*) \\|", Pattern.MULTILINE);

	private static final Pattern QUOTED_NAME = Pattern.compile("`([A-Za-z0-9]+)`");

	private final ApplicationContext context;

	private final Set<String> callable;

	@Autowired
	ProcessContractTests(ApplicationContext context) {
		this.context = context;
		this.callable = new TreeSet<>(Arrays.asList(context.getBeanNamesForAnnotation(CallableFromProcesses.class)));
	}

	@Test
	void theWorkflowGuideListsExactlyTheBeansProcessesMayCall() throws IOException {
		String guide = Files.readString(Path.of("docs", "workflows.md"));
		String beans = guide.substring(guide.indexOf("## Beans processes may call"), guide.indexOf("## DMN"));
		Set<String> documented = new TreeSet<>();
		DOCUMENTED_BEAN.matcher(beans).results().forEach(row -> documented.add(row.group(1)));

		assertThat(documented).isEqualTo(this.callable);
	}

	@Test
	void theWorkflowGuideListsExactlyTheVariablesOnlyTheServerSets() throws IOException {
		String guide = Files.readString(Path.of("docs", "workflows.md"));
		String table = guide.substring(guide.indexOf("## Variables only the server sets"),
				guide.indexOf("## At run time"));
		Set<String> documented = new TreeSet<>();
		DOCUMENTED_VARIABLES.matcher(table)
			.results()
			.forEach(row -> QUOTED_NAME.matcher(row.group(1)).results().forEach(name -> documented.add(name.group(1))));

		assertThat(documented).isEqualTo(ServerSetVariables.names());
	}

	@Test
	void everyMethodProcessesMayCallTakesOnlyTheExecutionOrTheTask() {
		// a workflow author writes the call: an id or a value as argument could be forged
		for (String bean : this.callable) {
			for (Method method : ClassUtils.getUserClass(this.context.getType(bean)).getDeclaredMethods()) {
				if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
					continue;
				}
				for (Class<?> parameter : method.getParameterTypes()) {
					assertThat(parameter).as("%s.%s", bean, method.getName())
						.isIn(DelegateExecution.class, DelegateTask.class, VariableScope.class);
				}
			}
		}
	}

	static Stream<Path> processes() throws IOException {
		return Files.list(Path.of("processes")).filter(path -> path.toString().endsWith(".bpmn")).sorted();
	}

	@ParameterizedTest
	@MethodSource("processes")
	void everyDelegateExpressionNamesABean(Path file) {
		List<String> missing = new ArrayList<>();
		for (DomElement element : elements(Bpmn.readModelFromFile(file.toFile()).getDocument().getRootElement())) {
			for (String attribute : List.of("delegateExpression", "collection")) {
				String expression = element.getAttribute(CAMUNDA_NS, attribute);
				if (expression == null) {
					continue;
				}
				Matcher bean = BEAN_EXPRESSION.matcher(expression);
				if (bean.find() && !this.callable.contains(bean.group(1))) {
					missing.add(expression);
				}
			}
		}
		assertThat(missing).as("expressions in %s naming no bean processes may call", file).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("processes")
	void everyBeanCalledWithTheExecutionExists(Path file) throws IOException {
		// conditions, completion conditions, mappings: ${bean.method(execution)} anywhere
		Matcher call = BEAN_CALL.matcher(Files.readString(file));
		List<String> calls = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		while (call.find()) {
			calls.add(call.group(1));
			if (!this.callable.contains(call.group(1))) {
				missing.add(call.group());
			}
		}
		assertThat(calls).as("bean calls found in %s", file).isNotEmpty();
		assertThat(missing).as("bean calls in %s naming no bean processes may call", file).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("processes")
	void everyFormRefHasItsFormInTheFormsFolder(Path file) throws IOException {
		ObjectMapper json = new ObjectMapper();
		List<String> formRefs = new ArrayList<>();
		for (DomElement element : elements(Bpmn.readModelFromFile(file.toFile()).getDocument().getRootElement())) {
			String formRef = element.getAttribute(CAMUNDA_NS, "formRef");
			if (formRef != null) {
				formRefs.add(formRef);
				// a block binds the latest form, so workflows deployed without
				// Greenlight's forms find them; the rest their own deployment's
				String binding = (element.getAttribute(CAMUNDA_NS, "modelerTemplate") != null) ? "latest"
						: "deployment";
				assertThat(element.getAttribute(CAMUNDA_NS, "formRefBinding")).as(formRef).isEqualTo(binding);
			}
		}
		assertThat(formRefs).isNotEmpty();
		for (String formRef : formRefs) {
			File form = Path.of("forms", formRef + ".form").toFile();
			assertThat(form).as("form file for formRef %s", formRef).exists();
			assertThat(json.readTree(form).get("id").asText()).as("id inside %s", form).isEqualTo(formRef);
		}
	}

	@ParameterizedTest
	@MethodSource("processes")
	void everyProcessKeepsItsHistoryForALimitedTimeAndIsNamedLikeItsFile(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		for (Process process : model.getModelElementsByType(Process.class)) {
			assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId()).isNotBlank();
			assertThat(process.getId()).endsWith("Process");
			assertThat(file.getFileName().toString()).isEqualTo(process.getId() + ".bpmn");
		}
	}

	@ParameterizedTest
	@MethodSource("processes")
	void noElementKeepsAModelerGeneratedId(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		List<String> generated = model.getModelElementsByType(BaseElement.class)
			.stream()
			.map(BaseElement::getId)
			.filter(id -> id != null && GENERATED_ID.matcher(id).matches())
			.toList();
		assertThat(generated).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("processes")
	void everyCalledProcessAndDecisionIsInTheProcessesFolder(Path file) {
		for (DomElement element : elements(Bpmn.readModelFromFile(file.toFile()).getDocument().getRootElement())) {
			String calledElement = element.getAttribute("calledElement");
			if (calledElement != null) {
				assertThat(Path.of("processes", calledElement + ".bpmn")).as("called by %s", file).exists();
			}
			String decisionRef = element.getAttribute(CAMUNDA_NS, "decisionRef");
			if (decisionRef != null) {
				assertThat(Path.of("processes", decisionRef + ".dmn")).as("decision of %s", file).exists();
			}
		}
	}

	static Stream<Path> decisions() throws IOException {
		return Files.list(Path.of("processes")).filter(path -> path.toString().endsWith(".dmn")).sorted();
	}

	@ParameterizedTest
	@MethodSource("decisions")
	void everyDecisionKeepsItsHistoryForALimitedTimeAndIsNamedLikeItsFile(Path file) {
		DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
		for (Decision decision : model.getModelElementsByType(Decision.class)) {
			assertThat(decision.getCamundaHistoryTimeToLiveString()).as(decision.getId()).isNotBlank();
			assertThat(decision.getId()).endsWith("Decision");
			assertThat(file.getFileName().toString()).isEqualTo(decision.getId() + ".dmn");
		}
	}

	private static List<DomElement> elements(DomElement root) {
		List<DomElement> all = new ArrayList<>();
		all.add(root);
		for (DomElement child : root.getChildElements()) {
			all.addAll(elements(child));
		}
		return all;
	}

}
