package io.greenlight.production;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlight.support.Http;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Awaiting my review" is read from Greenlight's own index of open reviews; it follows
 * the engine however a review task changes hands or ends, and is repaired from the
 * engine's tables at start-up.
 */
@ServerIT
class ReviewInboxIT {

	private final Http http;

	private final ProductionDriver productions;

	private final JdbcTemplate jdbc;

	private final ReviewInbox inbox;

	@Autowired
	ReviewInboxIT(@LocalServerPort int port, JdbcTemplate jdbc, ReviewInbox inbox) {
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
		this.jdbc = jdbc;
		this.inbox = inbox;
	}

	@Test
	void aReviewReassignedInTasklistMovesToTheNewReviewersInbox() {
		String assetId = this.productions.inInternalReview("Handed over");
		JsonNode task = this.productions.awaitTask(Users.REVIEWER1, assetId, "UserTask_ReviewAsset");

		Http.Response reassign = this.http.postJson(Users.OPS,
				"/engine-rest/task/" + task.get("id").asText() + "/assignee", """
						{"userId": "%s"}""".formatted(Users.REVIEWER2));

		assertThat(reassign.status()).as(reassign.body()).isEqualTo(204);
		assertThat(awaiting(Users.REVIEWER1)).doesNotContain(assetId);
		// reviewer2 had their own review of it already, and now two: listed once
		assertThat(awaiting(Users.REVIEWER2)).containsOnlyOnce(assetId);
	}

	@Test
	void aDecisionOrACancelledProductionLeavesTheInboxEvenWhenCustomListenersAreSkipped() {
		String decided = this.productions.inInternalReview("Decided");
		String cancelled = this.productions.inInternalReview("Cancelled");
		assertThat(awaiting(Users.REVIEWER1)).contains(decided, cancelled);

		this.productions.review(Users.REVIEWER1, decided, "UserTask_ReviewAsset", Map.of("decision", "APPROVED"));
		String instance = this.jdbc.queryForObject("SELECT process_instance_id FROM asset WHERE id = ?", String.class,
				cancelled);
		Http.Response cancel = this.http.send(
				this.http.request(Users.OPS, "/engine-rest/process-instance/" + instance + "?skipCustomListeners=true")
					.DELETE());

		assertThat(cancel.status()).as(cancel.body()).isEqualTo(204);
		assertThat(awaiting(Users.REVIEWER1)).doesNotContain(decided, cancelled);
		assertThat(awaiting(Users.REVIEWER2)).contains(decided).doesNotContain(cancelled);
	}

	@Test
	void reconcilingRepairsWhatWasChangedBehindTheEnginesBack() {
		String lost = this.productions.inInternalReview("Lost row");
		String task = this.productions.awaitTask(Users.REVIEWER1, lost, "UserTask_ReviewAsset").get("id").asText();
		this.jdbc.update("DELETE FROM review_inbox WHERE task_id = ?", task);
		this.jdbc.update(
				"INSERT INTO review_inbox (task_id, user_id, asset_id, project_id, asset_created_at) "
						+ "SELECT 'no-such-task', ?, id, project_id, created_at FROM asset WHERE id = ?",
				Users.REVIEWER3, lost);
		assertThat(awaiting(Users.REVIEWER1)).doesNotContain(lost);

		this.inbox.reconcile();

		assertThat(awaiting(Users.REVIEWER1)).contains(lost);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM review_inbox WHERE task_id = 'no-such-task'",
				Integer.class))
			.isZero();
	}

	private List<String> awaiting(String user) {
		Http.Response response = this.http.get(user, "/api/assets?awaitingMyReview=true&size=200");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().findValuesAsText("id");
	}

}
