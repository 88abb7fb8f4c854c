package io.greenlight.workflow;

import java.util.List;

/**
 * What the web modeler opens: the files of the deployment that holds the newest version
 * of a workflow, as text.
 *
 * @param key the process id
 * @param name the newest version's name
 * @param version the newest version
 * @param processDefinitionId the newest version's definition
 * @param deploymentId the deployment that holds it
 * @param resources its BPMN, DMN and form files, in the deployment's order
 */
record WorkflowSource(String key, String name, int version, String processDefinitionId, String deploymentId,
		List<SourceFile> resources) {

	/**
	 * One file of a deployment.
	 *
	 * @param name the file name, without a folder
	 * @param type {@code bpmn}, {@code dmn} or {@code form}
	 * @param content the file as UTF-8 text
	 */
	record SourceFile(String name, String type, String content) {
	}

}
