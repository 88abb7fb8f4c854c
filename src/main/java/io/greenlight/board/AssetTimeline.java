package io.greenlight.board;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.greenlight.approval.DecisionRecord;
import io.greenlight.approval.change.ReviewStageView;
import io.greenlight.asset.Asset;
import io.greenlight.asset.AssetStatus;
import io.greenlight.asset.AssetVersion;
import io.greenlight.asset.ProductionStage;

/**
 * An asset's production as a line of phases, each with how long it took: the brief until
 * a producer approved it, each version's production until it was uploaded, each review
 * stage until it settled. What still runs ends "now" and says so; a stopped production's
 * last phase ends when it was stopped.
 */
final class AssetTimeline {

	private AssetTimeline() {
	}

	static List<Phase> of(Asset asset, List<AssetVersion> versions, List<ReviewStageView> stages,
			List<DecisionRecord> decisions, OffsetDateTime now) {
		List<Phase> phases = new ArrayList<>();
		OffsetDateTime briefApproved = decisions.stream()
			.filter(decision -> "BRIEF".equals(decision.stage()) && "APPROVED".equals(decision.decision()))
			.map(DecisionRecord::decidedAt)
			.min(Comparator.naturalOrder())
			.orElse(null);
		phases.add(new Phase(PhaseKind.BRIEF, null, null, null, asset.createdAt(), briefApproved,
				(briefApproved != null) ? "APPROVED" : null, null, List.of()));
		OffsetDateTime ready = briefApproved;
		for (AssetVersion version : versions.stream().sorted(Comparator.comparingInt(AssetVersion::number)).toList()) {
			phases.add(new Phase(PhaseKind.PRODUCTION, version.number(), version.id(), null,
					(ready != null) ? ready : version.createdAt(), version.createdAt(), "UPLOADED", null, List.of()));
			ready = version.createdAt();
			List<ReviewStageView> reviews = stages.stream()
				.filter(stage -> version.id().equals(stage.versionId()))
				.sorted(Comparator.comparing(ReviewStageView::openedAt))
				.toList();
			for (ReviewStageView review : reviews) {
				phases
					.add(new Phase(PhaseKind.REVIEW, version.number(), version.id(), review.stage(), review.openedAt(),
							review.settledAt(), review.outcome(), review.decisionRule(), review.waitingFor()));
				ready = Objects.requireNonNullElse(review.settledAt(), ready);
			}
		}
		if (asset.stage() == ProductionStage.PRODUCTION && ready != null) {
			// the next version is awaited
			int next = versions.stream().mapToInt(AssetVersion::number).max().orElse(0) + 1;
			phases.add(new Phase(PhaseKind.PRODUCTION, next, null, null, ready, null, null, null, List.of()));
		}
		return close(phases, asset, now);
	}

	// an open phase runs until now, or until the production was stopped
	private static List<Phase> close(List<Phase> phases, Asset asset, OffsetDateTime now) {
		boolean stopped = asset.status() == AssetStatus.STOPPED;
		return phases.stream()
			.map(phase -> (phase.to() != null) ? phase
					: new Phase(phase.kind(), phase.version(), phase.versionId(), phase.stage(), phase.from(),
							stopped ? asset.updatedAt() : null, stopped ? "STOPPED" : phase.outcome(),
							phase.decisionRule(), stopped ? List.of() : phase.waitingFor(), now))
			.toList();
	}

	enum PhaseKind {

		BRIEF, PRODUCTION, REVIEW

	}

	/**
	 * One phase.
	 *
	 * @param version the version it produced or reviewed (null for the brief)
	 * @param stage the review stage (INTERNAL_REVIEW, CLIENT_REVIEW), for a review
	 * @param to when it ended, or null while it runs
	 * @param seconds how long it took, or has taken so far
	 * @param running whether it still runs
	 */
	record Phase(PhaseKind kind, Integer version, String versionId, String stage, OffsetDateTime from,
			OffsetDateTime to, String outcome, String decisionRule, List<String> waitingFor, long seconds,
			boolean running) {

		Phase(PhaseKind kind, Integer version, String versionId, String stage, OffsetDateTime from, OffsetDateTime to,
				String outcome, String decisionRule, List<String> waitingFor) {
			this(kind, version, versionId, stage, from, to, outcome, decisionRule, waitingFor,
					(to != null) ? Duration.between(from, to).toSeconds() : 0, false);
		}

		Phase(PhaseKind kind, Integer version, String versionId, String stage, OffsetDateTime from, OffsetDateTime to,
				String outcome, String decisionRule, List<String> waitingFor, OffsetDateTime now) {
			this(kind, version, versionId, stage, from, to, outcome, decisionRule, waitingFor,
					Duration.between(from, (to != null) ? to : now).toSeconds(), to == null);
		}

	}

}
