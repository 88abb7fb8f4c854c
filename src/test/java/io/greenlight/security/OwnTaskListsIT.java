package io.greenlight.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlight.support.CreativeOps;
import io.greenlight.support.Http;
import io.greenlight.support.OtherClient;
import io.greenlight.support.ProductionClones;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reviewer's own task lists ("My tasks", {@code assignee=<me>}) skip the engine's
 * per-task authorization join ({@link GreenlightAuthorizationManager}); these tests hold
 * them to the engine's full check on a few thousand open reviews with their
 * authorizations, page by page, and try what the shortcut must not let through.
 * <p>
 * The engine's full check is what it runs for the same list asked with an "or" branch
 * that changes nothing ({@code orQueries: [{assignee: <me>}]}): the shortcut leaves any
 * query with "or" branches alone.
 */
@ServerIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnTaskListsIT {

	private static final int COPIES = 1500;

	private final Http http;

	private final ProductionDriver productions;

	private final CreativeOps ops;

	private final ProductionClones clones;

	private final JdbcTemplate jdbc;

	private final String suffix = UUID.randomUUID().toString().substring(0, 6);

	private final String reviewerA = "inbox-a-" + this.suffix;

	private final String reviewerB = "inbox-b-" + this.suffix;

	private final String reviewerC = "inbox-c-" + this.suffix;

	@Autowired
	OwnTaskListsIT(@LocalServerPort int port, JdbcTemplate jdbc, TransactionTemplate transactions) {
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
		this.ops = new CreativeOps(this.http);
		this.clones = new ProductionClones(jdbc, transactions);
		this.jdbc = jdbc;
	}

	/**
	 * A project of its own with three reviewers; one real production waits for A and B,
	 * and 1,500 copies of it wait for A and B, B and C, C and A, and some for reviewer3,
	 * who is not a member of the project (whose copied grant must not show the task).
	 */
	@BeforeAll
	void openReviews() {
		String client = this.ops.createClient("Inbox Inc " + this.suffix);
		String code = "INBOX-" + this.suffix.toUpperCase();
		String projectId = this.ops.createProject(client, code, "Inbox " + this.suffix);
		this.ops.addMember(projectId, Users.CREATIVE, "CREATIVE");
		String clientReviewer = this.ops.createUser("inbox-client-" + this.suffix, "Inbox", "Client", "clients");
		this.ops.addMember(projectId, clientReviewer, "CLIENT_REVIEWER");
		for (String reviewer : List.of(this.reviewerA, this.reviewerB)) {
			this.ops.createUser(reviewer, "Inbox", reviewer, "reviewers");
			this.ops.addMember(projectId, reviewer, "REVIEWER");
		}
		String assetId = this.productions.startAs(Users.OPS, "Inbox spot", code);
		this.productions.claimAndComplete(Users.OPS, assetId, "UserTask_ApproveBrief",
				Map.of("briefDecision", "APPROVED"));
		this.productions.awaitTask(Users.CREATIVE, assetId, "UserTask_ProduceVersion");
		this.productions.claimAndComplete(Users.CREATIVE, assetId, "UserTask_ProduceVersion",
				Map.of("versionNote", "First cut"));
		this.productions.awaitTask(this.reviewerA, assetId, "UserTask_ReviewAsset");
		this.productions.awaitTask(this.reviewerB, assetId, "UserTask_ReviewAsset");
		this.ops.createUser(this.reviewerC, "Inbox", this.reviewerC, "reviewers");
		this.ops.addMember(projectId, this.reviewerC, "REVIEWER");

		List<List<String>> pairs = new ArrayList<>();
		List<List<String>> rotation = List.of(List.of(this.reviewerA, this.reviewerB),
				List.of(this.reviewerB, this.reviewerC), List.of(this.reviewerC, this.reviewerA),
				List.of(Users.REVIEWER3, this.reviewerA));
		for (int i = 0; i < COPIES; i++) {
			pairs.add(rotation.get(i % rotation.size()));
		}
		this.clones.copy(this.clones.template(assetId, this.reviewerA, this.reviewerB), pairs);
	}

	@Test
	void myTasksPageByPageAreWhatTheEnginesFullCheckLists() {
		List<String> fast = pages(this.reviewerA,
				"/engine-rest/task?assignee=%s&sortBy=created&sortOrder=desc".formatted(this.reviewerA));
		List<String> full = fullCheck(this.reviewerA);

		// A has the real production's task and three quarters of the copies'
		assertThat(fast).hasSize(1 + COPIES * 3 / 4).doesNotHaveDuplicates();
		assertThat(fast).containsExactlyElementsOf(full);
		assertThat(count(this.reviewerA, "/engine-rest/task/count?assignee=" + this.reviewerA)).isEqualTo(fast.size());
	}

	@Test
	void theMyTasksFilterListsTheSameAsTheEnginesFullCheck() {
		String filterId = this.http.get(this.reviewerB, "/engine-rest/filter?name=My%20tasks&maxResults=1")
			.json()
			.get(0)
			.get("id")
			.asText();
		List<String> listed = new ArrayList<>();
		for (int first = 0;; first += 200) {
			Http.Response page = this.http.postJson(this.reviewerB,
					"/engine-rest/filter/" + filterId + "/list?firstResult=" + first + "&maxResults=200", """
							{"sorting": [{"sortBy": "created", "sortOrder": "desc"}]}""");
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			page.json().forEach(task -> listed.add(task.get("id").asText()));
			if (page.json().size() < 200) {
				break;
			}
		}

		assertThat(listed).hasSize(1 + COPIES / 2).containsExactlyElementsOf(fullCheck(this.reviewerB));
		Http.Response count = this.http.postJson(this.reviewerB, "/engine-rest/filter/" + filterId + "/count", "{}");
		assertThat(count.json().get("count").asInt()).isEqualTo(listed.size());
	}

	@Test
	void aTaskOfAProjectIAmNotInStaysHiddenThoughItIsAssignedToMe() {
		// reviewer3 holds a grant on a quarter of the copies, in a project he is not in
		assertThat(count(Users.REVIEWER3,
				"/engine-rest/task/count?assignee=" + Users.REVIEWER3 + "&tenantIdIn=" + tenantOfTheCopies()))
			.isZero();
		assertThat(pages(Users.REVIEWER3,
				"/engine-rest/task?assignee=" + Users.REVIEWER3 + "&sortBy=created" + "&sortOrder=desc"))
			.allSatisfy(id -> assertThat(tenantOf(id)).isNotEqualTo(tenantOfTheCopies()));

		// and a task of another client's project, assigned to reviewer A by creative-ops
		// (the engine grants A the task), does not show in A's list either
		OtherClient bolt = OtherClient.setUp(this.http, this.productions);
		JsonNode boltTask = this.productions.awaitTask(Users.OPS, bolt.assetId(), "UserTask_ReviewAsset");
		Http.Response assign = this.http.postJson(Users.OPS,
				"/engine-rest/task/" + boltTask.get("id").asText() + "/assignee", """
						{"userId": "%s"}""".formatted(this.reviewerA));
		assertThat(assign.status()).as(assign.body()).isEqualTo(204);

		assertThat(pages(this.reviewerA, "/engine-rest/task?assignee=" + this.reviewerA))
			.doesNotContain(boltTask.get("id").asText())
			.hasSize(1 + COPIES * 3 / 4);
	}

	@Test
	void someoneElsesListIsCheckedInFull() {
		// A may not read B's tasks: asking for B's list gets only what A shares with B
		List<String> bAsSeenByA = pages(this.reviewerA,
				"/engine-rest/task?assignee=%s&sortBy=created&sortOrder=desc".formatted(this.reviewerB));

		assertThat(bAsSeenByA).isEmpty();
		assertThat(count(this.reviewerB, "/engine-rest/task/count?assignee=" + this.reviewerB))
			.isEqualTo(1 + COPIES / 2);
	}

	@Test
	void whereARevokeExistsTheEnginesFullCheckDecides() {
		// C's grant on one of C's tasks taken away in Admin: the full check hides
		// that task
		String task = pages(this.reviewerC,
				"/engine-rest/task?assignee=%s&sortBy=created&sortOrder=desc".formatted(this.reviewerC))
			.get(0);
		String grant = this.http
			.get(Users.OPS,
					"/engine-rest/authorization?resourceType=7&userIdIn=%s&resourceId=%s&maxResults=1"
						.formatted(this.reviewerC, task))
			.json()
			.get(0)
			.get("id")
			.asText();
		assertThat(
				this.http.send(this.http.request(Users.OPS, "/engine-rest/authorization/" + grant).DELETE()).status())
			.isEqualTo(204);
		// without any revoke, C's own list still shows it: the shortcut does not ask
		assertThat(pages(this.reviewerC, "/engine-rest/task?assignee=" + this.reviewerC)).contains(task);
		assertThat(this.http.get(this.reviewerC, "/engine-rest/task/" + task).status()).isEqualTo(404);

		// a revoking authorization for C, on anything, makes every list of C's fully
		// checked
		Http.Response revoke = this.http.postJson(Users.OPS, "/engine-rest/authorization/create", """
				{"type": 2, "permissions": ["READ"], "userId": "%s", "resourceType": 5, "resourceId": "nothing"}"""
			.formatted(this.reviewerC));
		assertThat(revoke.status()).as(revoke.body()).isEqualTo(200);
		try {
			List<String> listed = pages(this.reviewerC,
					"/engine-rest/task?assignee=%s&sortBy=created&sortOrder=desc".formatted(this.reviewerC));

			assertThat(listed).doesNotContain(task)
				.hasSize(COPIES / 2 - 1)
				.containsExactlyElementsOf(fullCheck(this.reviewerC));
		}
		finally {
			this.http
				.send(this.http.request(Users.OPS, "/engine-rest/authorization/" + revoke.json().get("id").asText())
					.DELETE());
		}
	}

	@Test
	void awaitingMyReviewPageByPageHoldsTheProductionsOfMyOpenReviewsNewestFirst() {
		List<String> fromTheEngine = this.jdbc.queryForList(
				"SELECT DISTINCT a.id, a.created_at FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_ "
						+ "JOIN asset a ON a.process_instance_id = e.ROOT_PROC_INST_ID_ WHERE t.ASSIGNEE_ = ? "
						+ "AND a.project_id IN (SELECT project_id FROM project_member WHERE user_id = ?) "
						+ "ORDER BY a.created_at DESC, a.id",
				this.reviewerA, this.reviewerA)
			.stream()
			.map(row -> row.values().iterator().next().toString())
			.toList();
		List<String> listed = new ArrayList<>();
		for (int page = 0;; page++) {
			Http.Response response = this.http.get(this.reviewerA,
					"/api/assets?awaitingMyReview=true&size=200&page=" + page);
			assertThat(response.status()).as(response.body()).isEqualTo(200);
			response.json().forEach(asset -> listed.add(asset.get("id").asText()));
			if (response.json().size() < 200) {
				break;
			}
		}

		assertThat(listed).hasSize(1 + COPIES * 3 / 4).containsExactlyElementsOf(fromTheEngine);
	}

	/** Every page of a task list, 200 at a time. */
	private List<String> pages(String user, String path) {
		List<String> ids = new ArrayList<>();
		for (int first = 0;; first += 200) {
			Http.Response page = this.http.get(user, path + "&firstResult=" + first + "&maxResults=200");
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			page.json().forEach(task -> ids.add(task.get("id").asText()));
			if (page.json().size() < 200) {
				return ids;
			}
		}
	}

	/** The user's own list as the engine checks it in full: with an "or" branch. */
	private List<String> fullCheck(String user) {
		List<String> ids = new ArrayList<>();
		for (int first = 0;; first += 200) {
			Http.Response page = this.http.postJson(user, "/engine-rest/task?firstResult=" + first + "&maxResults=200",
					"""
							{"assignee": "%s", "orQueries": [{"assignee": "%s"}],
							 "sorting": [{"sortBy": "created", "sortOrder": "desc"}]}""".formatted(user, user));
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			page.json().forEach(task -> ids.add(task.get("id").asText()));
			if (page.json().size() < 200) {
				return ids;
			}
		}
	}

	private int count(String user, String path) {
		Http.Response response = this.http.get(user, path);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("count").asInt();
	}

	private String tenantOfTheCopies() {
		return this.http.get(Users.OPS, "/engine-rest/task?assignee=" + this.reviewerA + "&maxResults=1")
			.json()
			.get(0)
			.get("tenantId")
			.asText();
	}

	private String tenantOf(String taskId) {
		return this.http.get(Users.OPS, "/engine-rest/task/" + taskId).json().get("tenantId").asText();
	}

}
