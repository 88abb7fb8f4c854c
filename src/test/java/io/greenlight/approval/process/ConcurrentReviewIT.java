package io.greenlight.approval.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.greenlight.project.Project;
import io.greenlight.project.ProjectRepository;
import io.greenlight.project.ProjectRole;
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
import static org.awaitility.Awaitility.await;

/**
 * Five reviewers of one stage decide at the same moment, from five threads, through the
 * API, several rounds: nobody gets an error, every decision is recorded once, and the
 * stage settles once and moves the production on once. Runs on H2 and on PostgreSQL.
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
		String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		String projectCode = "RACE-" + suffix;
		List<String> reviewers = new ArrayList<>();
		Project project = this.projects.createProject(this.projects.createClient("Race " + suffix), projectCode,
				"Race " + suffix);
		this.projects.addMember(project.id(), Users.PRODUCER, ProjectRole.PRODUCER);
		this.projects.addMember(project.id(), Users.CREATIVE, ProjectRole.CREATIVE);
		this.projects.addMember(project.id(), Users.CLIENT, ProjectRole.CLIENT_REVIEWER);
		for (int i = 1; i <= REVIEWERS; i++) {
			String reviewer = "reviewer" + suffix + "n" + i;
			User user = this.identityService.newUser(reviewer);
			user.setFirstName("Racer");
			user.setLastName(String.valueOf(i));
			user.setPassword(Users.PASSWORD);
			this.identityService.saveUser(user);
			this.identityService.createMembership(reviewer, "reviewers");
			this.projects.addMember(project.id(), reviewer, ProjectRole.REVIEWER);
			reviewers.add(reviewer);
		}

		ExecutorService threads = Executors.newFixedThreadPool(REVIEWERS);
		try {
			for (int round = 1; round <= ROUNDS; round++) {
				// given a version waiting for all five
				String assetId = this.productions.start("Race " + suffix + " round " + round, projectCode, "WEB");
				this.productions.claimAndComplete(Users.PRODUCER, assetId, "UserTask_ApproveBrief",
						Map.of("briefDecision", "APPROVED"));
				this.productions.claimAndComplete(Users.CREATIVE, assetId, "UserTask_ProduceVersion",
						Map.of("versionNote", "First cut"));
				reviewers.forEach(reviewer -> this.productions.awaitTask(reviewer, assetId, "UserTask_ReviewAsset"));
				String versionId = this.http.get(Users.PRODUCER, "/api/assets/" + assetId)
					.json()
					.at("/latestVersion/id")
					.asText();

				// when they all decide at once
				CountDownLatch go = new CountDownLatch(1);
				List<Future<Http.Response>> answers = new ArrayList<>();
				for (String reviewer : reviewers) {
					answers.add(threads.submit(() -> {
						go.await();
						return this.http.postJson(reviewer, "/api/versions/" + versionId + "/decisions",
								"{\"decision\": \"APPROVED\"}");
					}));
				}
				go.countDown();

				// then nobody saw an error
				for (Future<Http.Response> answer : answers) {
					Http.Response response = answer.get(60, TimeUnit.SECONDS);
					assertThat(response.status()).as("round %d: %s", round, response.body()).isEqualTo(204);
				}
				// every decision is recorded once, the stage settles once and the
				// production
				// moves on once, to the client
				this.productions.awaitTask(Users.CLIENT, assetId, "UserTask_ReviewAsset");
				assertThat(this.jdbc
					.sql("SELECT decided_by FROM decision WHERE version_id = ? AND stage = 'INTERNAL_REVIEW' "
							+ "ORDER BY decided_by")
					.param(versionId)
					.query(String.class)
					.list()).containsExactlyElementsOf(reviewers.stream().sorted().toList());
				assertThat(this.jdbc.sql(
						"SELECT stage || ':' || COALESCE(outcome, 'open') FROM review_stage WHERE version_id = ? ORDER BY opened_at")
					.param(versionId)
					.query(String.class)
					.list()).containsExactly("INTERNAL_REVIEW:APPROVED", "CLIENT_REVIEW:open");
				assertThat(this.runtimeService.createIncidentQuery().count()).isZero();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

}
