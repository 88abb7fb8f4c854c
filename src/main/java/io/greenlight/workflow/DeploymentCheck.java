package io.greenlight.workflow;

import java.util.List;

/**
 * Whether the server would deploy the files, and every problem it would refuse them for.
 */
record DeploymentCheck(boolean valid, List<DeploymentProblem> problems) {

	static DeploymentCheck of(List<DeploymentProblem> problems) {
		return new DeploymentCheck(problems.isEmpty(), List.copyOf(problems));
	}

}
