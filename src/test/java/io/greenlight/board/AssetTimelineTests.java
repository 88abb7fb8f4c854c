package io.greenlight.board;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.greenlight.approval.DecisionRecord;
import io.greenlight.approval.change.ReviewStageView;
import io.greenlight.asset.Asset;
import io.greenlight.asset.AssetStatus;
import io.greenlight.asset.AssetType;
import io.greenlight.asset.AssetVersion;
import io.greenlight.asset.Channel;
import io.greenlight.asset.ProductionStage;
import io.greenlight.asset.VersionStatus;
import io.greenlight.board.AssetTimeline.Phase;
import io.greenlight.board.AssetTimeline.PhaseKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The asset page's timeline: how long each phase of a production took, measured from the
 * records, with what still runs measured until now.
 */
class AssetTimelineTests {

	private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 2, 9, 0, 0, 0, ZoneOffset.UTC);

	private static final int HOUR = 3600;

	@Test
	void aRoundOfChangesShowsBriefProductionReviewAndTheNextVersionRunning() {
		Asset asset = asset(ProductionStage.PRODUCTION, AssetStatus.CHANGES_REQUESTED, T0.plusHours(50));
		AssetVersion v1 = version("v1", 1, T0.plusHours(26));
		ReviewStageView internal = stage("v1", "INTERNAL_REVIEW", T0.plusHours(26), T0.plusHours(50),
				"CHANGES_REQUESTED", List.of());

		List<Phase> phases = AssetTimeline.of(asset, List.of(v1), List.of(internal),
				List.of(brief("APPROVED", T0.plusHours(2))), T0.plusHours(60));

		assertThat(phases)
			.extracting(Phase::kind, Phase::version, Phase::stage, Phase::seconds, Phase::outcome, Phase::running)
			.containsExactly(tuple(PhaseKind.BRIEF, null, null, 2L * HOUR, "APPROVED", false),
					tuple(PhaseKind.PRODUCTION, 1, null, 24L * HOUR, "UPLOADED", false),
					tuple(PhaseKind.REVIEW, 1, "INTERNAL_REVIEW", 24L * HOUR, "CHANGES_REQUESTED", false),
					tuple(PhaseKind.PRODUCTION, 2, null, 10L * HOUR, null, true));
	}

	@Test
	void aRunningReviewRunsUntilNowAndNamesWhomItWaitsOn() {
		Asset asset = asset(ProductionStage.CLIENT_REVIEW, AssetStatus.IN_REVIEW, T0.plusHours(30));
		AssetVersion v1 = version("v1", 1, T0.plusHours(5));
		ReviewStageView internal = stage("v1", "INTERNAL_REVIEW", T0.plusHours(5), T0.plusHours(8), "APPROVED",
				List.of());
		ReviewStageView client = stage("v1", "CLIENT_REVIEW", T0.plusHours(8), null, null, List.of("client"));

		List<Phase> phases = AssetTimeline.of(asset, List.of(v1), List.of(client, internal),
				List.of(brief("RETURNED", T0.plusHours(1)), brief("APPROVED", T0.plusHours(3))), T0.plusHours(20));

		assertThat(phases).extracting(Phase::kind, Phase::stage, Phase::seconds, Phase::running)
			.containsExactly(tuple(PhaseKind.BRIEF, null, 3L * HOUR, false),
					tuple(PhaseKind.PRODUCTION, null, 2L * HOUR, false),
					tuple(PhaseKind.REVIEW, "INTERNAL_REVIEW", 3L * HOUR, false),
					tuple(PhaseKind.REVIEW, "CLIENT_REVIEW", 12L * HOUR, true));
		assertThat(phases.get(3).waitingFor()).containsExactly("client");
	}

	@Test
	void aStoppedProductionEndsWhenItWasStopped() {
		Asset asset = asset(ProductionStage.BRIEF, AssetStatus.STOPPED, T0.plusHours(4));

		List<Phase> phases = AssetTimeline.of(asset, List.of(), List.of(), List.of(), T0.plusHours(100));

		assertThat(phases).singleElement().satisfies(phase -> {
			assertThat(phase.outcome()).isEqualTo("STOPPED");
			assertThat(phase.seconds()).isEqualTo(4L * HOUR);
			assertThat(phase.running()).isFalse();
		});
	}

	private static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

	private static Asset asset(ProductionStage stage, AssetStatus status, OffsetDateTime updatedAt) {
		return new Asset("asset", "ACME-SUMMER-0001", "project", "Spot", AssetType.VIDEO, Channel.WEB, null, "brief",
				stage, status, 1, "instance", "producer", null, T0, updatedAt);
	}

	private static AssetVersion version(String id, int number, OffsetDateTime createdAt) {
		return new AssetVersion(id, "asset", number, null, "note", null, "cut.mp4", "video/mp4", 10L, "sha", "creative",
				createdAt, VersionStatus.CURRENT, false, null);
	}

	private static ReviewStageView stage(String versionId, String stage, OffsetDateTime openedAt,
			OffsetDateTime settledAt, String outcome, List<String> waitingFor) {
		return new ReviewStageView(stage + versionId, versionId, stage, "ALL", null, null, List.of("reviewer1"),
				List.of(), waitingFor, openedAt.plusDays(2), openedAt, outcome, null, null, settledAt,
				settledAt == null, "ReviewRoutingDecision:1:table", 1, 1);
	}

	private static DecisionRecord brief(String decision, OffsetDateTime at) {
		return new DecisionRecord(decision + at, "asset", null, "BRIEF", decision, null, "producer", at, false);
	}

}
