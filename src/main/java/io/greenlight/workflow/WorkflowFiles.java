package io.greenlight.workflow;

import java.util.Locale;

/**
 * The kinds of file the web modeler edits, told by their extension, as the deployment
 * guard tells them: BPMN, DMN and Camunda Forms.
 */
final class WorkflowFiles {

	static final String BPMN = "bpmn";

	static final String DMN = "dmn";

	static final String FORM = "form";

	private WorkflowFiles() {
	}

	/** {@code bpmn}, {@code dmn} or {@code form}; null for any other file. */
	static String type(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		for (String type : new String[] { BPMN, DMN, FORM }) {
			if (lower.endsWith("." + type)) {
				return type;
			}
		}
		return null;
	}

	// the server deploys processes/ and forms/ at start-up under their classpath
	// paths; the modeler names files without a folder
	static String fileName(String resourceName) {
		return resourceName.substring(Math.max(resourceName.lastIndexOf('/'), resourceName.lastIndexOf('\\')) + 1);
	}

}
