package io.greenlight.workflow;

/**
 * Why the server would refuse a file, as the web modeler marks it.
 *
 * @param resource the file, when known
 * @param elementId the BPMN or DMN element, or form component, the problem is on, when
 * known
 * @param line the line in the file, when known
 * @param message what to change
 */
record DeploymentProblem(String resource, String elementId, Integer line, String message) {

}
