package io.greenlight.workflow;

import java.util.List;

/**
 * Files from the web modeler, to check or to deploy together.
 *
 * @param name the deployment's name (ignored by a check)
 * @param resources the files, each named with its extension
 */
record DeploymentRequest(String name, List<File> resources) {

	/**
	 * @param name {@code X.bpmn}, {@code X.dmn} or {@code X.form}, without a folder
	 * @param content the file as text
	 */
	record File(String name, String content) {
	}

}
