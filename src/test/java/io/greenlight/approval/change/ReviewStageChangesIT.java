package io.greenlight.approval.change;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlight.project.Project;
import io.greenlight.project.ProjectRepository;
import io.greenlight.project.ProjectRole;
import io.greenlight.support.Http;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer changes who reviews a running internal review (a web video: ALL of its
 * reviewers decide) over the API: delegates a review, adds a reviewer, removes a silent
 * one; the stage counts what the change says, the change log says who changed what and
 * why, and changes that make no sense are refused with a reason.
 */
@ServerIT
class ReviewStageChangesIT {

	private final Http http;

	private final ProductionDriver productions;

	private final ProjectRepository projects;

	private final IdentityService identityService;

	private final JdbcClient jdbc;

	private String projectCode;

	// the two reviewers the routing picks (ALL), and a freelancer of the project it does
	// not
	private String first;

	private String second;

	private String spare;

	@Autowired
	ReviewStageChangesIT(@LocalServerPort int port, ProjectRepository projects, IdentityService identityService,
			JdbcClient jdbc) {
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
		this.projects = projects;
		this.identityService = identityService;
		this.jdbc = jdbc;
	}

	@BeforeEach
	void project() {
		String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		this.projectCode = "CHG-" + suffix;
		Project project = this.projects.createProject(this.projects.createClient(this.projectCode), this.projectCode,
				this.projectCode);
		this.projects.addMember(project.id(), Users.PRODUCER, ProjectRole.PRODUCER);
		this.projects.addMember(project.id(), Users.CREATIVE, ProjectRole.CREATIVE);
		this.projects.addMember(project.id(), Users.CLIENT, ProjectRole.CLIENT_REVIEWER);
		this.first = user("reviewer" + suffix + "a");
		this.second = user("reviewer" + suffix + "b");
		this.spare = user("reviewer" + suffix + "s");
		this.projects.addMember(project.id(), this.first, ProjectRole.REVIEWER);
		this.projects.addMember(project.id(), this.second, ProjectRole.REVIEWER);
		this.projects.addMember(project.id(), this.spare, ProjectRole.FREELANCER);
	}

	@Test
	void aDelegatedReviewIsDecidedByTheDelegateeAndCountsInTheStage() {
		String assetId = inInternalReview("delegated");
		String versionId = latestVersion(assetId);
		JsonNode stage = runningStage(assetId);
		assertThat(names(stage.get("reviewers"))).containsExactly(this.first, this.second);

		Http.Response delegated = this.http.postJson(Users.PRODUCER,
				"/api/review-stages/" + stage.get("id").asText() + "/reviewers/" + this.first + "/delegate",
				"{\"to\": \"" + this.spare + "\", \"reason\": \"On leave until Monday\"}");
		assertThat(delegated.status()).as(delegated.body()).isEqualTo(200);
		assertThat(names(delegated.json().get("reviewers"))).containsExactly(this.spare, this.second);

		// the review is the delegatee's now, not the original reviewer's; the delegatee
		// was asked
		assertThat(decide(this.first, versionId).status()).isEqualTo(409);
		assertThat(requested(assetId, this.spare)).isEqualTo(1);
		assertThat(decide(this.spare, versionId).status()).isEqualTo(204);
		assertThat(decide(this.second, versionId).status()).isEqualTo(204);

		this.productions.awaitTask(Users.CLIENT, assetId, "UserTask_ReviewAsset");
		JsonNode settled = this.http.get(Users.CREATIVE, "/api/assets/" + assetId + "/review-stages").json().get(0);
		assertThat(settled.get("outcome").asText()).isEqualTo("APPROVED");
		assertThat(names(settled.get("decisions").findValues("reviewer"))).containsExactlyInAnyOrder(this.spare,
				this.second);

		JsonNode change = onlyChange(assetId);
		assertThat(change.get("kind").asText()).isEqualTo("DELEGATED");
		assertThat(change.get("reviewer").asText()).isEqualTo(this.first);
		assertThat(change.get("delegatedTo").asText()).isEqualTo(this.spare);
		assertThat(change.get("reason").asText()).isEqualTo("On leave until Monday");
		assertThat(change.get("changedBy").asText()).isEqualTo(Users.PRODUCER);
		assertThat(change.get("changedAt").isNull()).isFalse();
	}

	@Test
	void anAddedReviewerIsWaitedForUnderAll() {
		String assetId = inInternalReview("added");
		String versionId = latestVersion(assetId);
		String stageId = runningStage(assetId).get("id").asText();

		Http.Response added = this.http.postJson(Users.PRODUCER, "/api/review-stages/" + stageId + "/reviewers",
				"{\"userId\": \"" + this.spare + "\", \"reason\": \"Legal must see the claims\"}");
		assertThat(added.status()).as(added.body()).isEqualTo(200);
		assertThat(names(added.json().get("reviewers"))).containsExactly(this.first, this.second, this.spare);
		this.productions.awaitTask(this.spare, assetId, "UserTask_ReviewAsset");
		assertThat(requested(assetId, this.spare)).isEqualTo(1);

		// the two first reviewers approve: the stage still waits for the added one
		assertThat(decide(this.first, versionId).status()).isEqualTo(204);
		assertThat(decide(this.second, versionId).status()).isEqualTo(204);
		JsonNode waiting = runningStage(assetId);
		assertThat(names(waiting.get("waitingFor"))).containsExactly(this.spare);

		assertThat(decide(this.spare, versionId).status()).isEqualTo(204);
		this.productions.awaitTask(Users.CLIENT, assetId, "UserTask_ReviewAsset");
		JsonNode settled = this.http.get(Users.PRODUCER, "/api/assets/" + assetId + "/review-stages").json().get(0);
		assertThat(settled.get("outcome").asText()).isEqualTo("APPROVED");
		assertThat(settled.get("decisions")).hasSize(3);

		JsonNode change = onlyChange(assetId);
		assertThat(change.get("kind").asText()).isEqualTo("ADDED");
		assertThat(change.get("reviewer").asText()).isEqualTo(this.spare);
		assertThat(change.get("reason").asText()).isEqualTo("Legal must see the claims");
	}

	@Test
	void removingTheSilentReviewerSettlesTheStageWithTheDecisionsGiven() {
		String assetId = inInternalReview("removed");
		String versionId = latestVersion(assetId);
		String stageId = runningStage(assetId).get("id").asText();
		assertThat(decide(this.first, versionId).status()).isEqualTo(204);

		Http.Response removed = remove(Users.PRODUCER, stageId, this.second, "Left the agency");
		assertThat(removed.status()).as(removed.body()).isEqualTo(200);
		assertThat(names(removed.json().get("reviewers"))).containsExactly(this.first);
		assertThat(removed.json().get("outcome").asText()).isEqualTo("APPROVED");

		// the production moves on to the client; the removed reviewer's review is gone
		this.productions.awaitTask(Users.CLIENT, assetId, "UserTask_ReviewAsset");
		assertThat(decide(this.second, versionId).status()).isEqualTo(409);
		JsonNode change = onlyChange(assetId);
		assertThat(change.get("kind").asText()).isEqualTo("REMOVED");
		assertThat(change.get("reviewer").asText()).isEqualTo(this.second);
		assertThat(change.get("reason").asText()).isEqualTo("Left the agency");
		assertThat(change.get("changedBy").asText()).isEqualTo(Users.PRODUCER);

		// a settled stage takes no changes
		Http.Response late = this.http.postJson(Users.PRODUCER, "/api/review-stages/" + stageId + "/reviewers",
				"{\"userId\": \"" + this.spare + "\", \"reason\": \"Too late\"}");
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.json().get("detail").asText()).contains("settled");
	}

	@Test
	void changesThatMakeNoSenseAreRefusedWithAReason() {
		String assetId = inInternalReview("refused");
		String stageId = runningStage(assetId).get("id").asText();
		String delegate = "/api/review-stages/" + stageId + "/reviewers/" + this.first + "/delegate";

		// someone outside the project cannot take a review over
		Http.Response outsider = this.http.postJson(Users.PRODUCER, delegate,
				"{\"to\": \"" + Users.REVIEWER1 + "\", \"reason\": \"Knows the brand\"}");
		assertThat(outsider.status()).isEqualTo(400);
		assertThat(outsider.json().get("detail").asText()).contains(Users.REVIEWER1)
			.contains("not a member of project " + this.projectCode);
		// nor is a change made without a reason
		Http.Response noReason = this.http.postJson(Users.PRODUCER, delegate, "{\"to\": \"" + this.spare + "\"}");
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.json().get("detail").asText()).contains("reason");
		// a reviewer and the creative may see the stage but not change it; outsiders do
		// not see it at all
		assertThat(remove(this.first, stageId, this.second, "Mine now").status()).isEqualTo(403);
		Http.Response creative = remove(Users.CREATIVE, stageId, this.second, "Faster");
		assertThat(creative.status()).isEqualTo(403);
		assertThat(creative.json().get("detail").asText()).contains("producers of " + this.projectCode);
		assertThat(remove(Users.REVIEWER1, stageId, this.second, "Curious").status()).isEqualTo(404);
		assertThat(this.http.get(Users.REVIEWER1, "/api/assets/" + assetId + "/review-stages").status()).isEqualTo(404);
		assertThat(remove(Users.PRODUCER, "no-such-stage", this.second, "Why").status()).isEqualTo(404);

		// the last reviewer stays
		assertThat(remove(Users.PRODUCER, stageId, this.second, "Busy").status()).isEqualTo(200);
		Http.Response last = remove(Users.PRODUCER, stageId, this.first, "Busy too");
		assertThat(last.status()).isEqualTo(409);
		assertThat(last.json().get("detail").asText()).contains("only reviewer");
		// and a decision on record stays counted
		assertThat(decide(this.first, latestVersion(assetId)).status()).isEqualTo(204);

		// only the accepted change is in the log
		JsonNode change = onlyChange(assetId);
		assertThat(change.get("kind").asText()).isEqualTo("REMOVED");
		assertThat(change.get("reviewer").asText()).isEqualTo(this.second);
	}

	private String user(String id) {
		User user = this.identityService.newUser(id);
		user.setFirstName("Changing");
		user.setLastName(id);
		user.setPassword(Users.PASSWORD);
		this.identityService.saveUser(user);
		this.identityService.createMembership(id, "reviewers");
		return id;
	}

	private String inInternalReview(String title) {
		String assetId = this.productions.start(this.projectCode + " " + title, this.projectCode, "WEB");
		this.productions.claimAndComplete(Users.PRODUCER, assetId, "UserTask_ApproveBrief",
				Map.of("briefDecision", "APPROVED"));
		this.productions.claimAndComplete(Users.CREATIVE, assetId, "UserTask_ProduceVersion",
				Map.of("versionNote", "First cut"));
		this.productions.awaitTask(this.first, assetId, "UserTask_ReviewAsset");
		this.productions.awaitTask(this.second, assetId, "UserTask_ReviewAsset");
		return assetId;
	}

	private String latestVersion(String assetId) {
		return this.http.get(Users.PRODUCER, "/api/assets/" + assetId).json().at("/latestVersion/id").asText();
	}

	private JsonNode runningStage(String assetId) {
		Http.Response stages = this.http.get(Users.PRODUCER, "/api/assets/" + assetId + "/review-stages");
		assertThat(stages.status()).as(stages.body()).isEqualTo(200);
		JsonNode stage = stages.json().get(stages.json().size() - 1);
		assertThat(stage.get("stage").asText()).isEqualTo("INTERNAL_REVIEW");
		assertThat(stage.get("running").asBoolean()).isTrue();
		assertThat(stage.get("decisionRule").asText()).isEqualTo("ALL");
		return stage;
	}

	private Http.Response decide(String reviewer, String versionId) {
		return this.http.postJson(reviewer, "/api/versions/" + versionId + "/decisions",
				"{\"decision\": \"APPROVED\"}");
	}

	private Http.Response remove(String user, String stageId, String reviewer, String reason) {
		return this.http.send(
				this.http
					.request(user,
							"/api/review-stages/" + stageId + "/reviewers/" + reviewer + "?reason="
									+ URLEncoder.encode(reason, StandardCharsets.UTF_8))
					.DELETE());
	}

	private JsonNode onlyChange(String assetId) {
		Http.Response changes = this.http.get(Users.CREATIVE, "/api/assets/" + assetId + "/review-changes");
		assertThat(changes.status()).as(changes.body()).isEqualTo(200);
		assertThat(changes.json()).hasSize(1);
		return changes.json().get(0);
	}

	private int requested(String assetId, String recipient) {
		return this.jdbc.sql(
				"SELECT COUNT(*) FROM notification WHERE asset_id = ? AND recipient = ? AND event = 'REVIEW_REQUESTED' "
						+ "AND channel = 'EMAIL'")
			.params(assetId, recipient)
			.query(Integer.class)
			.single();
	}

	private static List<String> names(JsonNode array) {
		List<String> names = new ArrayList<>();
		array.forEach(node -> names.add(node.asText()));
		return names;
	}

	private static List<String> names(List<JsonNode> nodes) {
		return nodes.stream().map(JsonNode::asText).toList();
	}

}
