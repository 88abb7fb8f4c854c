package io.greenlight.metrics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.greenlight.asset.AssetType;
import io.greenlight.security.CurrentUser;
import io.greenlight.system.ForbiddenException;
import io.greenlight.system.InvalidRequestException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestConstructor;
import org.springframework.test.context.TestConstructor.AutowireMode;

import static io.greenlight.metrics.MetricsDataset.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The metric queries on Flyway's schema in the test run's database (H2, or PostgreSQL
 * with {@code -Dgreenlight.test.profile=postgres}), against figures worked out by hand
 * from a fixed dataset of six productions in March 2021 (hours after Monday 2021-03-01
 * 00:00 UTC):
 *
 * <pre>
 * asset project type  brief      v1 upl. internal (open-settle, due) client (open-settle, due)   approved
 * A1    Acme    VIDEO 0→2        12      v1 12-16 ok (36)             v1 16-24 ok (48)            v1 at 24, delivered
 * A2    Acme    VIDEO 24→28      48      v1 48-56 CR (60), v2@66 66-78 ok (72!)  v2 78-84 ok (100)  v2 at 84, delivered
 * A3    Acme    IMAGE 48→54      84      v1 84-90 ok (96)             v1 90-110 CR (100!)
 *                                         v2@124 124-126 ok (150)     v2 126-136 CR (150)
 *                                         v3@142 142-146 ok (170)     v3 146-150 ok (170)         v3 at 150, delivered
 * A4    Bolt    VIDEO 72→80      120     v1 120-124 ok (130)          v1 124-136 ok (140)         v1 at 136, not delivered
 * A5    Acme    VIDEO 96→106     114     v1 114- running (120)
 * A6    Acme    VIDEO 100→102    112     v1 112- running (due 2030)
 * </pre>
 *
 * Decisions (hours after their stage opened): r1 on A1 2, A2v1 2 (CR), A2v2 12 (after
 * due), A3v2 2, A3v3 4, A5 4; r2 on A1 4, A2v1 8 (CR), A3v1 6; r3 on A4 4, and late
 * feedback on A2v1 (not counted); c1 on A1 8, A2 6, A3v1 20 (CR, after due), A3v2 10
 * (CR), A3v3 4; c2 on A4 12. "Now" is hour 200.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ CycleTimes.class, ApprovedAssets.class, ReviewMetrics.class, MetricsFilters.class })
@TestConstructor(autowireMode = AutowireMode.ALL)
class MetricsQueriesTests {

	private static final LocalDate MARCH_1 = LocalDate.of(2021, 3, 1);

	private static final LocalDate MARCH_31 = LocalDate.of(2021, 3, 31);

	private final CycleTimes cycleTimes;

	private final ApprovedAssets approved;

	private final ReviewMetrics reviews;

	private final MetricsFilters filters;

	private final MetricsDataset data;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private String acme;

	private String bolt;

	private String acmeProject;

	private String boltProject;

	private final String acmeProducer = "prod-acme-" + this.run;

	private final String boltProducer = "prod-bolt-" + this.run;

	MetricsQueriesTests(CycleTimes cycleTimes, ApprovedAssets approved, ReviewMetrics reviews, MetricsFilters filters,
			JdbcClient jdbc) {
		this.cycleTimes = cycleTimes;
		this.approved = approved;
		this.reviews = reviews;
		this.filters = filters;
		this.data = new MetricsDataset(jdbc);
	}

	@BeforeEach
	void sixProductionsInMarch2021() {
		this.acme = this.data.client("Acme " + this.run);
		this.bolt = this.data.client("Bolt " + this.run);
		this.acmeProject = this.data.project(this.acme, this.acmeProducer);
		this.boltProject = this.data.project(this.bolt, this.boltProducer);
		MetricsDataset d = this.data;

		String a1 = d.asset(this.acmeProject, "VIDEO", 0);
		d.briefApproved(a1, 2);
		String a1v1 = d.version(a1, 1, 12);
		d.stage(a1, a1v1, "INTERNAL_REVIEW", 12, 36, 16.0, "APPROVED");
		d.decision(a1, a1v1, "INTERNAL_REVIEW", "r1", "APPROVED", 14, false);
		d.decision(a1, a1v1, "INTERNAL_REVIEW", "r2", "APPROVED", 16, false);
		d.stage(a1, a1v1, "CLIENT_REVIEW", 16, 48, 24.0, "APPROVED");
		d.decision(a1, a1v1, "CLIENT_REVIEW", "c1", "APPROVED", 24, false);
		d.approved(a1, a1v1, true);

		String a2 = d.asset(this.acmeProject, "VIDEO", 24);
		d.briefApproved(a2, 28);
		String a2v1 = d.version(a2, 1, 48);
		d.stage(a2, a2v1, "INTERNAL_REVIEW", 48, 60, 56.0, "CHANGES_REQUESTED");
		d.decision(a2, a2v1, "INTERNAL_REVIEW", "r1", "CHANGES_REQUESTED", 50, false);
		d.decision(a2, a2v1, "INTERNAL_REVIEW", "r2", "CHANGES_REQUESTED", 56, false);
		d.decision(a2, a2v1, "INTERNAL_REVIEW", "r3", "APPROVED", 70, true);
		String a2v2 = d.version(a2, 2, 66);
		d.stage(a2, a2v2, "INTERNAL_REVIEW", 66, 72, 78.0, "APPROVED");
		d.decision(a2, a2v2, "INTERNAL_REVIEW", "r1", "APPROVED", 78, false);
		d.stage(a2, a2v2, "CLIENT_REVIEW", 78, 100, 84.0, "APPROVED_WITH_CHANGES");
		d.decision(a2, a2v2, "CLIENT_REVIEW", "c1", "APPROVED_WITH_CHANGES", 84, false);
		d.approved(a2, a2v2, true);

		String a3 = d.asset(this.acmeProject, "IMAGE", 48);
		d.briefApproved(a3, 54);
		String a3v1 = d.version(a3, 1, 84);
		d.stage(a3, a3v1, "INTERNAL_REVIEW", 84, 96, 90.0, "APPROVED");
		d.decision(a3, a3v1, "INTERNAL_REVIEW", "r2", "APPROVED", 90, false);
		d.stage(a3, a3v1, "CLIENT_REVIEW", 90, 100, 110.0, "CHANGES_REQUESTED");
		d.decision(a3, a3v1, "CLIENT_REVIEW", "c1", "CHANGES_REQUESTED", 110, false);
		String a3v2 = d.version(a3, 2, 124);
		d.stage(a3, a3v2, "INTERNAL_REVIEW", 124, 150, 126.0, "APPROVED");
		d.decision(a3, a3v2, "INTERNAL_REVIEW", "r1", "APPROVED", 126, false);
		d.stage(a3, a3v2, "CLIENT_REVIEW", 126, 150, 136.0, "CHANGES_REQUESTED");
		d.decision(a3, a3v2, "CLIENT_REVIEW", "c1", "CHANGES_REQUESTED", 136, false);
		String a3v3 = d.version(a3, 3, 142);
		d.stage(a3, a3v3, "INTERNAL_REVIEW", 142, 170, 146.0, "APPROVED");
		d.decision(a3, a3v3, "INTERNAL_REVIEW", "r1", "APPROVED", 146, false);
		d.stage(a3, a3v3, "CLIENT_REVIEW", 146, 170, 150.0, "APPROVED");
		d.decision(a3, a3v3, "CLIENT_REVIEW", "c1", "APPROVED", 150, false);
		d.approved(a3, a3v3, true);

		String a4 = d.asset(this.boltProject, "VIDEO", 72);
		d.briefApproved(a4, 80);
		String a4v1 = d.version(a4, 1, 120);
		d.stage(a4, a4v1, "INTERNAL_REVIEW", 120, 130, 124.0, "APPROVED");
		d.decision(a4, a4v1, "INTERNAL_REVIEW", "r3", "APPROVED", 124, false);
		d.stage(a4, a4v1, "CLIENT_REVIEW", 124, 140, 136.0, "APPROVED");
		d.decision(a4, a4v1, "CLIENT_REVIEW", "c2", "APPROVED", 136, false);
		d.approved(a4, a4v1, false);

		String a5 = d.asset(this.acmeProject, "VIDEO", 96);
		d.briefApproved(a5, 106);
		String a5v1 = d.version(a5, 1, 114);
		d.stage(a5, a5v1, "INTERNAL_REVIEW", 114, 120, null, null);
		d.decision(a5, a5v1, "INTERNAL_REVIEW", "r1", "APPROVED", 118, false);
		d.status(a5, "INTERNAL_REVIEW", "IN_REVIEW");

		String a6 = d.asset(this.acmeProject, "VIDEO", 100);
		d.briefApproved(a6, 102);
		String a6v1 = d.version(a6, 1, 112);
		d.stage(a6, a6v1, "INTERNAL_REVIEW", 112, 80_000, null, null);
		d.status(a6, "INTERNAL_REVIEW", "IN_REVIEW");
	}

	@Test
	void cycleTimesGiveCountMedianAndP90OfEachStageEndedInThePeriod() {
		// given every production of the run: A1–A4 in March, and only this run's data in
		// 2021

		// when
		Map<String, Durations> stages = this.cycleTimes.perStage(ops(MARCH_1, MARCH_31));

		// then: brief 2, 4, 6, 8, 10, 2 h; production 10, 20, 10, 30, 14, 6, 40, 8, 10 h;
		// internal 4, 8, 12, 6, 2, 4, 4 h; client 8, 6, 20, 10, 4, 12 h; overall 24, 60,
		// 102, 64 h
		assertThat(stages).containsExactly(Map.entry("BRIEF", new Durations(6, 5.0, 9.0, 5.33)),
				Map.entry("PRODUCTION", new Durations(9, 10.0, 32.0, 16.44)),
				Map.entry("INTERNAL_REVIEW", new Durations(7, 4.0, 9.6, 5.71)),
				Map.entry("CLIENT_REVIEW", new Durations(6, 9.0, 16.0, 10.0)),
				Map.entry("OVERALL", new Durations(4, 62.0, 90.6, 62.5)));
	}

	@Test
	void aSpanCountsInThePeriodItEndedIn() {
		// given a period from Friday 2021-03-05 (hour 96) on
		MetricsFilter fromFriday = ops(LocalDate.of(2021, 3, 5), MARCH_31);

		// when
		Map<String, Durations> stages = this.cycleTimes.perStage(fromFriday);

		// then: briefs approved at 102 (A6) and 106 (A5); versions uploaded at 112, 114,
		// 120,
		// 124, 142; A3 and A4 approved at 150 and 136
		assertThat(stages.get("BRIEF")).isEqualTo(new Durations(2, 6.0, 9.2, 6.0));
		assertThat(stages.get("PRODUCTION").count()).isEqualTo(5);
		assertThat(stages.get("OVERALL")).isEqualTo(new Durations(2, 83.0, 98.2, 83.0));
		assertThat(this.cycleTimes.perStage(ops(LocalDate.of(2021, 4, 1), LocalDate.of(2021, 4, 30))))
			.as("nothing ended in April")
			.allSatisfy((stage, durations) -> assertThat(durations).isEqualTo(Durations.NONE));
	}

	@Test
	void revisionRoundsCountTheVersionsEachApprovedAssetTook() {
		// when
		RevisionRounds rounds = this.approved.revisionRounds(ops(MARCH_1, MARCH_31));

		// then: A1 1, A2 2, A3 3, A4 1 versions
		assertThat(rounds.summary()).isEqualTo(new RevisionRounds.Summary(4, 1.75, 0.75, 1.5, 3));
		assertThat(rounds.distribution()).containsExactly(new RevisionRounds.Bucket(1, 0, 2),
				new RevisionRounds.Bucket(2, 1, 1), new RevisionRounds.Bucket(3, 2, 1));
		assertThat(rounds.byClient()).containsExactly(
				new RevisionRounds.ClientRounds(this.acme, "Acme " + this.run, 3, 2.0, 1.0),
				new RevisionRounds.ClientRounds(this.bolt, "Bolt " + this.run, 1, 1.0, 0.0));
	}

	@Test
	void firstPassIsTheShareApprovedAtVersionOneAndPerStageTheFirstTimeThrough() {
		// when
		FirstPass firstPass = this.approved.firstPass(ops(MARCH_1, MARCH_31));

		// then: A1 and A4 at v1; internal: A2's v1 sent back; client: A3's v1 sent back
		assertThat(firstPass.approvedAssets()).isEqualTo(4);
		assertThat(firstPass.firstPassAssets()).isEqualTo(2);
		assertThat(firstPass.firstPassRate()).isEqualTo(0.5);
		assertThat(firstPass.stages()).containsExactly(new FirstPass.Rate("INTERNAL_REVIEW", 4, 3, 0.75),
				new FirstPass.Rate("CLIENT_REVIEW", 4, 3, 0.75));
		assertThat(this.approved.firstPass(filter(null, null, AssetType.IMAGE, null)).stages())
			.as("A3 alone: passed internal review at v1, not client review")
			.containsExactly(new FirstPass.Rate("INTERNAL_REVIEW", 1, 1, 1.0),
					new FirstPass.Rate("CLIENT_REVIEW", 1, 0, 0.0));
	}

	@Test
	void throughputCountsApprovalsPerIsoWeekInUtcListingQuietWeeks() {
		// when
		Throughput throughput = this.approved.throughput(ops(MARCH_1, MARCH_31));

		// then: approvals at hours 24, 84, 136 (A4, not delivered) and 150 (Sunday 06:00
		// UTC, written as 07:00+01:00) all in 2021-W09
		assertThat(throughput.approvedAssets()).isEqualTo(4);
		assertThat(throughput.deliveredAssets()).isEqualTo(3);
		assertThat(throughput.weeks())
			.extracting(Throughput.Week::week, Throughput.Week::weekStart, Throughput.Week::approved,
					Throughput.Week::delivered)
			.containsExactly(tuple("2021-W09", MARCH_1, 4L, 3L), tuple("2021-W10", LocalDate.of(2021, 3, 8), 0L, 0L),
					tuple("2021-W11", LocalDate.of(2021, 3, 15), 0L, 0L),
					tuple("2021-W12", LocalDate.of(2021, 3, 22), 0L, 0L),
					tuple("2021-W13", LocalDate.of(2021, 3, 29), 0L, 0L));
	}

	@Test
	void reviewerTurnaroundRunsFromTheStageOpeningToTheReviewersDecision() {
		// when
		ReviewerTurnaround turnaround = this.reviews.turnaround(ops(MARCH_1, MARCH_31));

		// then: late feedback (r3 on A2 v1) does not count
		assertThat(turnaround.reviewers()).containsExactly(
				new ReviewerTurnaround.Reviewer("c1", new Durations(5, 8.0, 16.0, 9.6)),
				new ReviewerTurnaround.Reviewer("c2", new Durations(1, 12.0, 12.0, 12.0)),
				new ReviewerTurnaround.Reviewer("r1", new Durations(6, 3.0, 8.0, 4.33)),
				new ReviewerTurnaround.Reviewer("r2", new Durations(3, 6.0, 7.6, 6.0)),
				new ReviewerTurnaround.Reviewer("r3", new Durations(1, 4.0, 4.0, 4.0)));
		assertThat(turnaround.clients()).containsExactly(
				new ReviewerTurnaround.Client(this.acme, "Acme " + this.run, new Durations(14, 5.0, 11.4, 6.57)),
				new ReviewerTurnaround.Client(this.bolt, "Bolt " + this.run, new Durations(2, 8.0, 11.2, 8.0)));
	}

	@Test
	void overdueCountsRunningStagesPastDueNowAndWhatSettledOrWasDecidedAfterDue() {
		// given Acme's productions (other tests' running stages are not this test's)
		MetricsFilter acmeOnly = filter(null, this.acme, null, null);

		// when
		Overdue overdue = this.reviews.overdue(acmeOnly, at(200));

		// then: A5 running past due, A6 running in time; A2 v2 settled and decided after
		// due
		// internally, A3 v1 by the client
		assertThat(overdue.stages())
			.extracting(Overdue.Stage::getStage, Overdue.Stage::getRunning, Overdue.Stage::getRunningOverdue,
					Overdue.Stage::getSettled, Overdue.Stage::getSettledAfterDue, Overdue.Stage::getDecisions,
					Overdue.Stage::getDecisionsAfterDue)
			.containsExactly(tuple("INTERNAL_REVIEW", 2L, 1L, 6L, 1L, 9L, 1L),
					tuple("CLIENT_REVIEW", 0L, 0L, 5L, 1L, 5L, 1L));
		assertThat(this.reviews.overdue(acmeOnly, at(119)).stages().get(0).getRunningOverdue())
			.as("before A5's due date")
			.isZero();
	}

	@Test
	void filtersNarrowEveryMetricToAProjectAClientOrAnAssetType() {
		// project: Bolt's only production
		MetricsFilter boltProject = filter(this.boltProject, null, null, null);
		assertThat(this.cycleTimes.perStage(boltProject).get("OVERALL")).isEqualTo(new Durations(1, 64.0, 64.0, 64.0));
		assertThat(this.approved.revisionRounds(boltProject).summary().approvedAssets()).isEqualTo(1);

		// client: Acme's three approved assets, reviewed by r1, r2, c1
		MetricsFilter acmeClient = filter(null, this.acme, null, null);
		assertThat(this.approved.revisionRounds(acmeClient).summary())
			.isEqualTo(new RevisionRounds.Summary(3, 2.0, 1.0, 2.0, 3));
		assertThat(this.reviews.turnaround(acmeClient).reviewers()).extracting(ReviewerTurnaround.Reviewer::reviewer)
			.containsExactly("c1", "r1", "r2");

		// asset type: A3, the only image
		MetricsFilter images = filter(null, null, AssetType.IMAGE, null);
		assertThat(this.cycleTimes.perStage(images).get("OVERALL")).isEqualTo(new Durations(1, 102.0, 102.0, 102.0));
		assertThat(this.approved.throughput(images).approvedAssets()).isEqualTo(1);
	}

	@Test
	void aProducerSeesFiguresComputedOverTheirOwnProjectsOnly() {
		// when
		MetricsFilter bolts = this.filters.of(march(null), producer(this.boltProducer));
		MetricsFilter acmes = this.filters.of(march(null), producer(this.acmeProducer));

		// then
		assertThat(bolts.producer()).isEqualTo(this.boltProducer);
		assertThat(this.approved.firstPass(bolts)).extracting(FirstPass::approvedAssets, FirstPass::firstPassRate)
			.containsExactly(1L, 1.0);
		assertThat(this.reviews.turnaround(bolts).clients()).extracting(ReviewerTurnaround.Client::clientId)
			.containsExactly(this.bolt);
		assertThat(this.approved.firstPass(acmes)).extracting(FirstPass::approvedAssets, FirstPass::firstPassRate)
			.containsExactly(3L, 0.33);
		assertThat(this.cycleTimes.perStage(acmes).get("OVERALL").count()).isEqualTo(3);
		assertThat(this.approved
			.firstPass(this.filters.of(march(this.acmeProject),
					new CurrentUser("ops-" + this.run, List.of("creative-ops"))))
			.approvedAssets()).as("creative-ops see every project").isEqualTo(3);
	}

	@Test
	void aProducerAskingForAnotherProjectAndEveryoneElseAreRefused() {
		assertThatThrownBy(() -> this.filters.of(march(this.boltProject), producer(this.acmeProducer)))
			.isInstanceOf(ForbiddenException.class)
			.hasMessage("You see the metrics of the projects you are a producer of, and project " + this.boltProject
					+ " is not one of them: leave projectId out to see all of yours.");
		assertThatThrownBy(() -> this.filters.of(march(null), new CurrentUser("r1", List.of("reviewers"))))
			.isInstanceOf(ForbiddenException.class)
			.hasMessageStartingWith("Metrics are for creative-ops and for producers of a project");
	}

	@Test
	void badParametersAreRefusedWithWhatToFix() {
		CurrentUser ops = new CurrentUser("ops", List.of("creative-ops"));
		assertThatThrownBy(() -> this.filters.of(new MetricsRequest("2021-03-31", "2021-03-01", null, null, null), ops))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessage("The period starts after it ends: from 2021-03-31 is after to 2021-03-01. Swap them.");
		assertThatThrownBy(() -> this.filters.of(new MetricsRequest("2019-03-01", "2021-03-02", null, null, null), ops))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessage("The period from 2019-03-01 to 2021-03-02 is longer than 2 years: "
					+ "ask for 2 years or less at a time.");
		assertThat(this.filters.of(new MetricsRequest("2019-03-01", "2021-03-01", null, null, null), ops).to())
			.as("exactly two years")
			.isEqualTo(MARCH_1);
		assertThatThrownBy(() -> this.filters.of(new MetricsRequest("March", null, null, null, null), ops))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessage("Invalid value 'March' for from: use a date like 2026-11-30 (year-month-day).");
		assertThatThrownBy(() -> this.filters.of(new MetricsRequest(null, null, null, null, "HOLOGRAM"), ops))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessage("Invalid value 'HOLOGRAM' for assetType: use one of "
					+ "[VIDEO, IMAGE, AUDIO, PDF, DOCUMENT, OTHER].");
		MetricsFilter defaults = this.filters.of(new MetricsRequest(null, null, null, null, null), ops);
		assertThat(defaults.to()).isEqualTo(LocalDate.now(java.time.ZoneOffset.UTC));
		assertThat(defaults.from()).as("the last 30 days, today included").isEqualTo(defaults.to().minusDays(29));
	}

	private MetricsFilter ops(LocalDate from, LocalDate to) {
		return new MetricsFilter(from, to, null, null, null, null);
	}

	private MetricsFilter filter(String projectId, String clientId, AssetType type, String producer) {
		return new MetricsFilter(MARCH_1, MARCH_31, projectId, clientId, type, producer);
	}

	private static MetricsRequest march(String projectId) {
		return new MetricsRequest("2021-03-01", "2021-03-31", projectId, null, null);
	}

	private static CurrentUser producer(String id) {
		return new CurrentUser(id, List.of("producers"));
	}

}
