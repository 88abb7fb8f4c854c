package io.greenlight.approval.change;

import java.time.OffsetDateTime;
import java.util.List;

import io.greenlight.approval.Vote;

/**
 * A review stage as the API shows it: its rule, who reviews it, who decided what, and how
 * it ended.
 *
 * @param id the stage's id, for changing its reviewers while it runs
 * @param waitingFor the reviewers who have not decided yet
 * @param resolutionComment what the producer who resolved conflicting feedback said
 * @param running whether its reviewers can still be changed
 * @param routingTableId the routing table (decision definition) that chose its rule and
 * reviewers; with {@code routingTableVersion} and {@code reviewProcessVersion}, which
 * deployed versions the stage ran with (null for stages from before they were recorded)
 */
public record ReviewStageView(String id, String versionId, String stage, String decisionRule, Integer quorum,
		String primaryReviewer, List<String> reviewers, List<Vote> decisions, List<String> waitingFor,
		OffsetDateTime dueAt, OffsetDateTime openedAt, String outcome, String resolvedBy, String resolutionComment,
		OffsetDateTime settledAt, boolean running, String routingTableId, Integer routingTableVersion,
		Integer reviewProcessVersion) {

}
