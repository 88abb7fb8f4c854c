package io.greenlight.workflow;

import java.util.List;

import io.greenlight.system.InvalidRequestException;

/**
 * The server refused the files: 400 with every problem, as a check reports them; nothing
 * was deployed.
 */
class DeploymentRefusedException extends InvalidRequestException {

	private final transient List<DeploymentProblem> problems;

	DeploymentRefusedException(List<DeploymentProblem> problems) {
		super("The server refuses these files, so nothing was deployed: " + summary(problems));
		this.problems = List.copyOf(problems);
	}

	List<DeploymentProblem> problems() {
		return this.problems;
	}

	private static String summary(List<DeploymentProblem> problems) {
		DeploymentProblem first = problems.get(0);
		String summary = ((first.resource() != null) ? first.resource() + ": " : "") + first.message();
		return (problems.size() == 1) ? summary : summary + " (and " + (problems.size() - 1) + " more problem"
				+ ((problems.size() > 2) ? "s" : "") + ", listed in problems)";
	}

}
