package io.greenlight.workflow;

import java.util.List;

/**
 * What a deployment from the web modeler made.
 *
 * @param deploymentId the new deployment
 * @param processes the process versions it holds
 * @param decisions the decision versions it holds
 * @param forms the names of its form files
 */
record WorkflowDeployment(String deploymentId, List<Definition> processes, List<Definition> decisions,
		List<String> forms) {

	/** A deployed definition: its key, its new version and its id. */
	record Definition(String key, int version, String id) {
	}

}
