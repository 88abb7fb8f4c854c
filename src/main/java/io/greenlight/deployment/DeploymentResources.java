package io.greenlight.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.xml.ProblemImpl;

/**
 * Runs before the engine's own deployers on every new deployment: a deployment holds
 * BPMN, DMN and Camunda Forms only. CMMN is off; HTML, scripts and any other file are
 * refused, since the engine would serve them back to every signed-in user (an embedded
 * form's script runs in the reviewer's Tasklist session). DMN must be FEEL
 * ({@link DmnRules}) and forms plain Camunda Forms ({@link FormRules}); BPMN is checked
 * by {@link GuardedBpmnParse} as it is parsed. No XML file may declare a DOCTYPE
 * ({@link XmlDoctype}), which is looked for before any parser reads the file. Once every
 * file is accepted, a file that would not take effect, because a process outside the
 * deployment binds it to its own deployment, is refused ({@link DeploymentBindings}). A
 * refusal is a parse error: the REST API answers 400 with the message, and Camunda
 * Modeler shows it.
 */
final class DeploymentResources implements Deployer {

	private final DmnRules dmn = new DmnRules();

	private final FormRules forms = new FormRules();

	private final DeploymentBindings bindings = new DeploymentBindings();

	@Override
	public void deploy(DeploymentEntity deployment) {
		// earlier deployments were checked when they were made; reloading them
		// changes nothing
		if (!deployment.isNew()) {
			return;
		}
		for (ResourceEntity resource : deployment.getResources().values()) {
			List<Problem> problems = new ArrayList<>();
			check(resource, (message, elementId) -> problems.add(problem(message, elementId)));
			if (!problems.isEmpty()) {
				StringBuilder message = new StringBuilder("Greenlight does not accept ").append(resource.getName());
				problems.forEach(problem -> message.append("\n* ").append(problem.getMessage()));
				throw new ParseException(message.toString(), resource.getName(), problems, List.of());
			}
		}
		this.bindings.check(deployment);
	}

	private void check(ResourceEntity resource, BiConsumer<String, String> problems) {
		String name = resource.getName().toLowerCase(Locale.ROOT);
		if (!name.endsWith(".form") && XmlDoctype.declaredIn(resource.getBytes())) {
			// the engine's parsers refuse it too, but as a server error
			problems.accept("DOCTYPE is not allowed in Greenlight: remove the <!DOCTYPE …> declaration "
					+ "(BPMN and DMN need none, and Camunda Modeler writes none)", null);
			return;
		}
		if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
			return;
		}
		if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
			this.dmn.check(resource.getBytes(), problems);
		}
		else if (name.endsWith(".form")) {
			this.forms.check(resource.getBytes(), problems);
		}
		else if (name.endsWith(".cmmn") || name.endsWith(".cmmn10.xml") || name.endsWith(".cmmn11.xml")) {
			problems.accept("CMMN is off in Greenlight: model the work as a BPMN process", null);
		}
		else {
			problems.accept("a deployment holds BPMN (.bpmn), DMN (.dmn) and Camunda Forms (.form) only; "
					+ "HTML, scripts and other files are refused, since the server would hand them to every "
					+ "signed-in user", null);
		}
	}

	private static Problem problem(String message, String elementId) {
		return (elementId != null) ? new ProblemImpl(message, (Element) null, elementId)
				: new ProblemImpl(message, (Element) null);
	}

}
