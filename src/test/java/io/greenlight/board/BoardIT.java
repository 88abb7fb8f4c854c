package io.greenlight.board;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlight.security.Groups;
import io.greenlight.support.CreativeOps;
import io.greenlight.support.Http;
import io.greenlight.support.OtherClient;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producers' board shows each production in the column of its stage with whom it
 * waits on, narrows to what is overdue or waits on the reader, and shows nobody another
 * project's work.
 */
@ServerIT
class BoardIT {

	private final Http http;

	private final ProductionDriver productions;

	private final JdbcClient jdbc;

	@Autowired
	BoardIT(@LocalServerPort int port, JdbcClient jdbc) {
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
		this.jdbc = jdbc;
	}

	@Test
	void eachProductionStandsInTheColumnOfItsStageWithWhomItWaitsOn() {
		String run = " " + System.nanoTime() % 100000;
		String brief = this.productions.start("Board brief" + run);
		String making = this.productions.waitingForAVersion("Board making" + run);
		String review = this.productions.inInternalReview("Board review" + run);
		String v1 = this.productions.latestVersionId(review);

		JsonNode board = board(Users.PRODUCER, "");

		assertThat(card(board, "BRIEF", brief).at("/waitingOn")).extracting(waiting -> waiting.get("userId").asText())
			.containsExactly(Users.PRODUCER);
		assertThat(card(board, "BRIEF", brief).at("/waitingOn/0/task").asText()).startsWith("Approve brief");
		assertThat(card(board, "IN_PRODUCTION", making).at("/waitingOn"))
			.extracting(waiting -> waiting.get("userId").asText())
			.contains(Users.CREATIVE);
		JsonNode reviewCard = card(board, "INTERNAL_REVIEW", review);
		assertThat(reviewCard.at("/waitingOn")).extracting(waiting -> waiting.get("userId").asText())
			.containsExactlyInAnyOrder(Users.REVIEWER1, Users.REVIEWER2);
		assertThat(reviewCard.at("/waitingOn")).extracting(waiting -> waiting.get("name").asText())
			.contains("Riley Reviewer");
		assertThat(reviewCard.at("/review/decisionRule").asText()).isEqualTo("ALL");
		assertThat(reviewCard.at("/review/dueAt").asText()).isNotBlank();
		assertThat(reviewCard.at("/latestVersion/number").asInt()).isEqualTo(1);
		assertThat(reviewCard.at("/latestVersion/reviewRoom").asText()).isEqualTo("/review/" + v1);
		assertThat(reviewCard.at("/project/code").asText()).isEqualTo("ACME-SUMMER");
		assertThat(reviewCard.at("/client/name").asText()).isNotBlank();
		assertThat(board.get("columns")).extracting(column -> column.get("id").asText())
			.containsExactly("BRIEF", "IN_PRODUCTION", "INTERNAL_REVIEW", "CLIENT_REVIEW", "APPROVED", "STOPPED");
	}

	@Test
	void waitingOnMeShowsWhatTheReaderMustActOnAndOnlyThat() {
		String run = " " + System.nanoTime() % 100000;
		String brief = this.productions.start("Mine brief" + run);
		String review = this.productions.inInternalReview("Mine review" + run);

		JsonNode reviewer = board(Users.REVIEWER1, "?waitingOnMe=true");
		JsonNode producer = board(Users.PRODUCER, "?waitingOnMe=true");

		assertThat(assetIds(reviewer)).contains(review).doesNotContain(brief);
		assertThat(assetIds(producer)).contains(brief).doesNotContain(review);
	}

	@Test
	void aProductionPastItsDueDateIsOverdueAndTheFilterShowsOnlySuch() {
		String run = " " + System.nanoTime() % 100000;
		String late = this.productions.inInternalReview("Late card" + run);
		String onTime = this.productions.inInternalReview("On-time card" + run);
		this.jdbc.sql("UPDATE asset SET due_date = ? WHERE id = ?").params(LocalDate.now().minusDays(2), late).update();

		JsonNode all = board(Users.PRODUCER, "");
		JsonNode overdue = board(Users.PRODUCER, "?overdue=true");

		assertThat(card(all, "INTERNAL_REVIEW", late).get("overdue").asBoolean()).isTrue();
		assertThat(card(all, "INTERNAL_REVIEW", onTime).get("overdue").asBoolean()).isFalse();
		assertThat(assetIds(overdue)).contains(late).doesNotContain(onTime);
		assertThat(overdue.get("columns")).allSatisfy(column -> assertThat(column.get("cards"))
			.allSatisfy(card -> assertThat(card.get("overdue").asBoolean()).isTrue()));
	}

	@Test
	void nobodySeesAnotherProjectsProductionsButCreativeOpsSeesAll() {
		OtherClient other = OtherClient.setUp(this.http, this.productions);
		String ours = this.productions.start("Ours card " + System.nanoTime() % 100000);

		assertThat(assetIds(board(Users.PRODUCER, ""))).contains(ours).doesNotContain(other.assetId());
		// reviewer3 reviews for the other client only
		assertThat(assetIds(board(Users.REVIEWER3, ""))).contains(other.assetId()).doesNotContain(ours);
		assertThat(assetIds(board(other.clientReviewer(), ""))).contains(other.assetId()).doesNotContain(ours);
		assertThat(assetIds(board(Users.OPS, ""))).contains(ours, other.assetId());
		assertThat(assetIds(board(Users.PRODUCER, "?projectId=" + other.projectId()))).isEmpty();
		assertThat(assetIds(board(Users.OPS, "?projectId=" + other.projectId()))).containsExactly(other.assetId());
	}

	@Test
	void theProducerFilterOffersTheProducersOfTheReadersProjectsByNameAndNarrowsTheCards() {
		// given another client's project, produced by someone the demo producer never
		// works with
		OtherClient other = OtherClient.setUp(this.http, this.productions);
		String theirs = "pat-" + UUID.randomUUID().toString().substring(0, 6);
		CreativeOps ops = new CreativeOps(this.http);
		ops.createUser(theirs, "Pat", "Pending", Groups.PRODUCERS);
		ops.addMember(other.projectId(), theirs, "PRODUCER");
		String ours = this.productions.start("Producer filter " + System.nanoTime() % 100000);

		// when the demo producer and creative-ops ask whom they can narrow the board to
		List<String> producersForProducer = producers(Users.PRODUCER).stream()
			.map(p -> p.get("userId").asText())
			.toList();
		JsonNode producersForOps = this.http.get(Users.OPS, "/api/board/producers").json();

		// then the producer gets the producers of their own projects only, creative-ops
		// all, by name
		assertThat(producersForProducer).contains(Users.PRODUCER).doesNotContain(theirs);
		assertThat(producersForOps).extracting(p -> p.get("userId").asText() + ": " + p.get("name").asText())
			.contains(theirs + ": Pat Pending", Users.PRODUCER + ": " + name(Users.PRODUCER));
		// and picking one narrows the cards to the projects they produce
		assertThat(assetIds(board(Users.OPS, "?producer=" + theirs))).contains(other.assetId()).doesNotContain(ours);
		assertThat(assetIds(board(Users.OPS, "?producer=" + Users.PRODUCER))).contains(ours)
			.doesNotContain(other.assetId());
	}

	@Test
	void theAssetsTimelineShowsEachPhaseAndWhatStillRuns() {
		String review = this.productions.inInternalReview("Timeline" + " " + System.nanoTime() % 100000);

		Http.Response timeline = this.http.get(Users.PRODUCER, "/api/assets/" + review + "/timeline");
		Http.Response outsider = this.http.get(Users.REVIEWER3, "/api/assets/" + review + "/timeline");

		assertThat(timeline.status()).as(timeline.body()).isEqualTo(200);
		assertThat(timeline.json()).extracting(phase -> phase.get("kind").asText() + ":" + phase.get("running"))
			.containsExactly("BRIEF:false", "PRODUCTION:false", "REVIEW:true");
		assertThat(timeline.json().get(2).get("waitingFor")).extracting(JsonNode::asText)
			.containsExactlyInAnyOrder(Users.REVIEWER1, Users.REVIEWER2);
		assertThat(outsider.status()).isEqualTo(404);
	}

	private List<JsonNode> producers(String user) {
		Http.Response producers = this.http.get(user, "/api/board/producers");
		assertThat(producers.status()).as(producers.body()).isEqualTo(200);
		List<JsonNode> list = new ArrayList<>();
		producers.json().forEach(list::add);
		return list;
	}

	private String name(String userId) {
		JsonNode profile = this.http.get(Users.OPS, "/engine-rest/user/" + userId + "/profile").json();
		return profile.get("firstName").asText() + " " + profile.get("lastName").asText();
	}

	private JsonNode board(String user, String query) {
		Http.Response board = this.http.get(user, "/api/board" + query);
		assertThat(board.status()).as(board.body()).isEqualTo(200);
		return board.json();
	}

	private static JsonNode card(JsonNode board, String column, String assetId) {
		for (JsonNode each : board.get("columns")) {
			for (JsonNode card : each.get("cards")) {
				if (card.get("assetId").asText().equals(assetId)) {
					assertThat(each.get("id").asText()).as("column of " + card.get("title").asText()).isEqualTo(column);
					return card;
				}
			}
		}
		throw new AssertionError("No card for " + assetId + " on the board");
	}

	private static List<String> assetIds(JsonNode board) {
		return board.get("columns").findValues("assetId").stream().map(JsonNode::asText).toList();
	}

}
