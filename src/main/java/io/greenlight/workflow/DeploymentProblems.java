package io.greenlight.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.ResourceReport;

/**
 * The engine's refusal of a deployment as problems the web modeler marks. The deployment
 * guard and the engine's own parsers refuse with a {@link ParseException}, one report per
 * file, each problem naming its element when it has one; the DMN engine and the
 * deployers' own checks (two definitions with one key) refuse with a message only.
 */
final class DeploymentProblems {

	private DeploymentProblems() {
	}

	/**
	 * @return the problems, or empty when the failure is not a refusal of the files (the
	 * caller may not deploy, the database failed): it is the server's to answer
	 */
	static Optional<List<DeploymentProblem>> of(RuntimeException failure) {
		if (failure instanceof ParseException parse) {
			return Optional.of(problems(parse));
		}
		if (failure instanceof AuthorizationException || failure instanceof ProcessEnginePersistenceException
				|| failure instanceof OptimisticLockingException) {
			return Optional.empty();
		}
		if (failure instanceof ProcessEngineException || failure instanceof DmnEngineException) {
			return Optional.of(List.of(new DeploymentProblem(null, null, null, failure.getMessage())));
		}
		return Optional.empty();
	}

	private static List<DeploymentProblem> problems(ParseException parse) {
		List<DeploymentProblem> problems = new ArrayList<>();
		for (ResourceReport report : parse.getResorceReports()) {
			String resource = (report.getResourceName() != null) ? WorkflowFiles.fileName(report.getResourceName())
					: null;
			// warnings do not stop a deployment
			for (Problem problem : report.getErrors()) {
				problems.add(new DeploymentProblem(resource, elementId(problem),
						(problem.getLine() > 0) ? problem.getLine() : null, problem.getMessage()));
			}
		}
		if (problems.isEmpty()) {
			problems.add(new DeploymentProblem(null, null, null, parse.getMessage()));
		}
		return problems;
	}

	private static String elementId(Problem problem) {
		if (problem.getMainElementId() != null) {
			return problem.getMainElementId();
		}
		return (problem.getElementIds() != null && !problem.getElementIds().isEmpty()) ? problem.getElementIds().get(0)
				: null;
	}

}
