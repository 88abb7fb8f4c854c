package io.greenlight.approval;

import java.time.OffsetDateTime;

/**
 * A review stage of one version: who reviews it under which rule, until when, and how it
 * ended.
 *
 * @param id the stage's process instance id
 * @param resolvedBy the producer who resolved conflicting feedback, null when the rule
 * settled it
 */
public record ReviewStage(String id, String assetId, String versionId, String stage, String decisionRule,
		Integer quorum, String primaryReviewer, String reviewers, OffsetDateTime dueAt, OffsetDateTime openedAt,
		String outcome, String resolvedBy, String resolutionComment, OffsetDateTime settledAt) {
}
