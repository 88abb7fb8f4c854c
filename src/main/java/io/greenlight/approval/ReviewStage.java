package io.greenlight.approval;

import java.time.OffsetDateTime;

/**
 * A review stage of one version: who reviews it under which rule, until when, and how it
 * ended.
 *
 * @param id the stage's process instance id
 * @param resolvedBy the producer who resolved conflicting feedback, null when the rule
 * settled it
 * @param routingTableId the routing table's decision definition id (see
 * {@link StageDefinitions}), null for stages from before it was recorded
 */
public record ReviewStage(String id, String assetId, String versionId, String stage, String decisionRule,
		Integer quorum, String primaryReviewer, String reviewers, OffsetDateTime dueAt, OffsetDateTime openedAt,
		String outcome, String resolvedBy, String resolutionComment, OffsetDateTime settledAt, String routingTableId,
		Integer routingTableVersion, Integer reviewProcessVersion) {
}
