package io.greenlight.approval.process;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import io.greenlight.project.Project;
import io.greenlight.project.ProjectRepository;
import io.greenlight.project.ProjectRole;
import io.greenlight.support.AtOnce;
import io.greenlight.support.Http;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Five reviewers of one stage decide at the same moment, from five threads, through the
 * API, several rounds: nobody gets an error, every decision is recorded once, and the
 * stage settles once and moves the production on once; under ANY, those who lose the race
 * to the first decision are kept as late feedback. One reviewer sending the same decision
 * several times at once has it recorded once; the other requests are told why (409). Runs
 * on H2 and on PostgreSQL.
 */
@ServerIT
class ConcurrentReviewIT {

	private static final int REVIEWERS = 5;

	private static final int ROUNDS = 3;

	private final Http http;

	private final ProductionDriver productions;

	private final ProjectRepository projects;

	private final IdentityService identityService;

	private final RuntimeService runtimeService;

	private final JdbcClient jdbc;

	@Autowired
	ConcurrentReviewIT(@LocalServerPort int port, ProjectRepository projects, IdentityService identityService,
			RuntimeService runtimeService, JdbcClient jdbc) {
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
		this.projects = projects;
		this.identityService = identityService;
		this.runtimeService = runtimeService;
		this.jdbc = jdbc;
	}

	@Test
	void reviewersDecidingAtTheSameMomentAreAllRecordedAndTheStageSettlesOnce() throws Exception {
		// a project of its own with five internal reviewers (web video: ALL of them)
		String projectCode = "RACE-" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		List<String> reviewers = raceProject(projectCode);

		for (int round = 1; round <= ROUNDS; round++) {
			// given a version waiting for all five
			String versionId = versionInReview(projectCode, "WEB", round, reviewers);

			// when they all decide at once, then nobody sees an error
			for (Http.Response response : allDecideAtOnce(reviewers, versionId)) {
				assertThat(response.status()).as("round %d: %s", round, response.body()).isEqualTo(204);
			}

			// every decision is recorded once, the stage settles once and the production
			// moves on once, to the client
			this.productions.awaitTask(Users.CLIENT, assetOf(versionId), "UserTask_ReviewAsset");
			assertThat(decidedBy(versionId, false)).containsExactlyElementsOf(reviewers.stream().sorted().toList());
			assertThat(stages(versionId)).containsExactly("INTERNAL_REVIEW:APPROVED", "CLIENT_REVIEW:open");
			assertThat(this.runtimeService.createIncidentQuery().count()).isZero();
		}
	}

	@Test
	void underAnyTheReviewersWhoLoseTheRaceAreKeptAsLateFeedbackWithoutAnError() throws Exception {
		// a social post: the first internal decision settles the stage, the rest are
		// withdrawn while the others are still deciding
		String projectCode = "RACE-" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		List<String> reviewers = raceProject(projectCode);

		for (int round = 1; round <= ROUNDS; round++) {
			String versionId = versionInReview(projectCode, "SOCIAL", round, reviewers);

			// in time (204) or too late (202): never an error
			for (Http.Response response : allDecideAtOnce(reviewers, versionId)) {
				assertThat(response.status()).as("round %d: %s", round, response.body()).isIn(202, 204);
			}

			// each reviewer's decision is on record once, in time or late; the stage
			// settled once
			this.productions.awaitTask(Users.CLIENT, assetOf(versionId), "UserTask_ReviewAsset");
			List<String> all = new ArrayList<>(decidedBy(versionId, false));
			all.addAll(decidedBy(versionId, true));
			assertThat(all).containsExactlyInAnyOrderElementsOf(reviewers);
			assertThat(decidedBy(versionId, false)).isNotEmpty();
			assertThat(stages(versionId)).containsExactly("INTERNAL_REVIEW:APPROVED", "CLIENT_REVIEW:open");
			assertThat(this.runtimeService.createIncidentQuery().count()).isZero();
		}
	}

	@Test
	void theSameReviewerSendingTheSameDecisionFiveTimesAtOnceHasItRecordedOnceAndIsToldWhy() throws Exception {
		for (int round = 1; round <= ROUNDS; round++) {
			// given a web video's version 1 waiting for reviewer1 and reviewer2
			String title = "Double click round " + round;
			String assetId = this.productions.inInternalReview(title);
			String versionId = this.http.get(Users.PRODUCER, "/api/assets/" + assetId)
				.json()
				.at("/latestVersion/id")
				.asText();

			// when reviewer1 sends the same approval five times at once
			List<Http.Response> answers = AtOnce.run(Collections.nCopies(5, () -> approve(Users.REVIEWER1, versionId)));

			// then one is done, the others are told why not (never a 500 or a 403)
			assertThat(answers).filteredOn(answer -> answer.status() == 204).hasSize(1);
			assertThat(answers).filteredOn(answer -> answer.status() != 204).hasSize(4).allSatisfy(answer -> {
				assertThat(answer.status()).as(answer.body()).isEqualTo(409);
				assertThat(answer.json().get("detail").asText()).as(answer.body())
					.containsAnyOf("You decided on v1 of " + title + " already (APPROVED at ",
							"Your review task for v1 of " + title
									+ " was just completed or withdrawn by another request");
			});
			// and it is on record once, while the stage still waits for reviewer2
			assertThat(decidedBy(versionId, false)).containsExactly(Users.REVIEWER1);
			assertThat(decidedBy(versionId, true)).isEmpty();
			assertThat(this.productions.awaitTask(Users.REVIEWER2, assetId, "UserTask_ReviewAsset")).isNotNull();
			assertThat(this.runtimeService.createIncidentQuery().count()).isZero();
		}
	}

	/** A project with the demo producer, creative and client, and five reviewers. */
	private List<String> raceProject(String projectCode) {
		Project project = this.projects.createProject(this.projects.createClient(projectCode), projectCode,
				projectCode);
		this.projects.addMember(project.id(), Users.PRODUCER, ProjectRole.PRODUCER);
		this.projects.addMember(project.id(), Users.CREATIVE, ProjectRole.CREATIVE);
		this.projects.addMember(project.id(), Users.CLIENT, ProjectRole.CLIENT_REVIEWER);
		List<String> reviewers = new ArrayList<>();
		for (int i = 1; i <= REVIEWERS; i++) {
			String reviewer = "reviewer" + projectCode.substring(5) + "n" + i;
			User user = this.identityService.newUser(reviewer);
			user.setFirstName("Racer");
			user.setLastName(String.valueOf(i));
			user.setPassword(Users.PASSWORD);
			this.identityService.saveUser(user);
			this.identityService.createMembership(reviewer, "reviewers");
			this.projects.addMember(project.id(), reviewer, ProjectRole.REVIEWER);
			reviewers.add(reviewer);
		}
		return reviewers;
	}

	/** A production's version 1, every reviewer's task open. @return the version id */
	private String versionInReview(String projectCode, String channel, int round, List<String> reviewers) {
		String assetId = this.productions.start(projectCode + " round " + round, projectCode, channel);
		this.productions.claimAndComplete(Users.PRODUCER, assetId, "UserTask_ApproveBrief",
				Map.of("briefDecision", "APPROVED"));
		this.productions.claimAndComplete(Users.CREATIVE, assetId, "UserTask_ProduceVersion",
				Map.of("versionNote", "First cut"));
		reviewers.forEach(reviewer -> this.productions.awaitTask(reviewer, assetId, "UserTask_ReviewAsset"));
		return this.http.get(Users.PRODUCER, "/api/assets/" + assetId).json().at("/latestVersion/id").asText();
	}

	/** Every reviewer approves through the API, all released at the same moment. */
	private List<Http.Response> allDecideAtOnce(List<String> reviewers, String versionId) throws Exception {
		List<Callable<Http.Response>> decisions = new ArrayList<>();
		for (String reviewer : reviewers) {
			decisions.add(() -> approve(reviewer, versionId));
		}
		return AtOnce.run(decisions);
	}

	private Http.Response approve(String reviewer, String versionId) {
		return this.http.postJson(reviewer, "/api/versions/" + versionId + "/decisions",
				"{\"decision\": \"APPROVED\"}");
	}

	private String assetOf(String versionId) {
		return this.jdbc.sql("SELECT asset_id FROM asset_version WHERE id = ?")
			.param(versionId)
			.query(String.class)
			.single();
	}

	private List<String> decidedBy(String versionId, boolean late) {
		return this.jdbc
			.sql("SELECT decided_by FROM decision WHERE version_id = ? AND stage = 'INTERNAL_REVIEW' AND late = ? "
					+ "ORDER BY decided_by")
			.params(versionId, late)
			.query(String.class)
			.list();
	}

	private List<String> stages(String versionId) {
		return this.jdbc
			.sql("SELECT stage || ':' || COALESCE(outcome, 'open') FROM review_stage WHERE version_id = ? "
					+ "ORDER BY opened_at")
			.param(versionId)
			.query(String.class)
			.list();
	}

}
