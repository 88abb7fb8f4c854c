package io.greenlight.approval;

/**
 * Which deployed definitions a review stage ran with. The production binds the newest
 * routing table and review process when it routes and calls a stage, so a table or
 * process deployed on its own from Camunda Modeler takes effect at the next stage; these
 * say which one each stage used.
 *
 * @param routingTableId the routing table's decision definition id, null when the stage
 * was not routed by a table (a workflow of one's own calling the review process)
 * @param routingTableVersion that decision definition's version
 * @param reviewProcessVersion the version of the review process the stage ran on
 */
public record StageDefinitions(String routingTableId, Integer routingTableVersion, Integer reviewProcessVersion) {
}
