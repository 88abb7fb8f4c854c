package io.greenlight.workflow;

/**
 * The DMN file of the newest version of a decision, as text, for the web modeler.
 *
 * @param key the decision id
 * @param name the newest version's name
 * @param version the newest version
 * @param decisionDefinitionId the newest version's definition
 * @param deploymentId the deployment that holds it
 * @param resourceName the file name, without a folder
 * @param content the file as UTF-8 text
 */
record DecisionSource(String key, String name, int version, String decisionDefinitionId, String deploymentId,
		String resourceName, String content) {

}
