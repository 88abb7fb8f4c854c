package io.greenlight.browser;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlight.support.Http;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One creative production from brief to delivery, every step clicked and typed in
 * Tasklist by the user whose turn it is: the start form, group tasks claimed and
 * completed with their forms, and review decisions with the radio form. Only the final
 * check reads Greenlight's API.
 */
@ServerIT
class TasklistJourneyBrowserIT {

	private static final String MY_TASKS = "My tasks";

	private static final String OPEN_TO_ME = "Open to me";

	@RegisterExtension
	final Browsers browsers = new Browsers();

	private final int port;

	private final Http http;

	TasklistJourneyBrowserIT(@LocalServerPort int port) {
		this.port = port;
		this.http = new Http(port);
	}

	@Test
	void aBriefTravelsThroughTasklistFromStartFormToDelivery() {
		String title = "Browser journey " + UUID.randomUUID().toString().substring(0, 8);
		LocalDate due = LocalDate.now().plusMonths(2);
		String changes = "Make the logo bigger in the last shot";
		Browser browser = this.browsers.open(this.port);

		// the producer fills in the brief in Tasklist's "Start process" dialog
		Tasklist producer = signIn(browser, Users.PRODUCER, "Pat Producer");
		producer.startProcess("Creative production",
				form -> form.awaitField("Title")
					.type("Title", title)
					.type("Project code", "ACME-SUMMER")
					.pick("Deliverable type", "Video")
					.pick("Channel", "Social")
					.date("Due date", due)
					.type("Description", "A 30s spot for the summer launch, written in a browser"));

		// ...and, being a producer, finds the brief to approve among the unclaimed tasks
		// of the group
		Tasklist.Task approveBrief = producer.open(OPEN_TO_ME, "Approve brief: " + title);
		// named with the production's reference, the one people quote
		assertThat(approveBrief.name()).matches("Approve brief: " + title + " \\(ACME-SUMMER-\\d{4}\\)");
		assertThat(approveBrief.assignee()).as("assignee before claiming").isEmpty();
		approveBrief.claim();
		assertThat(approveBrief.assignee()).isEqualTo("Pat Producer");
		approveBrief.form().choose("Decision", "Approve: start production");
		approveBrief.complete();

		// the creative claims "Produce version" and describes version 1
		produceVersion(browser, title, 1, "First cut");

		// a social post goes to the internal reviewers under ANY (the routing table): the
		// first decision settles the stage, and reviewer2 asks for changes
		review(browser, Users.REVIEWER2, "Robin Reviewer", "Internal review: " + title + " v1", "Request changes",
				changes);

		// the creative gets the task back for version 2
		produceVersion(browser, title, 2, "Logo bigger in the last shot");

		// reviewer1's approval settles version 2 internally; one client approval is the
		// client stage's quorum
		review(browser, Users.REVIEWER1, "Riley Reviewer", "Internal review: " + title + " v2", "Approve", null);
		review(browser, Users.CLIENT, "Chris Client (Acme)", "Client review: " + title + " v2", "Approve", null);

		// then the producer reads a delivered asset whose version 2 is the approved,
		// locked one
		String assetId = assetIdOf(title);
		JsonNode detail = await("asset " + title + " delivered").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> this.http.get(Users.PRODUCER, "/api/assets/" + assetId).json(),
					json -> "DELIVERED".equals(json.path("asset").path("status").asText()));
		JsonNode asset = detail.path("asset");
		assertThat(asset.path("assetType").asText()).isEqualTo("VIDEO");
		assertThat(asset.path("channel").asText()).isEqualTo("SOCIAL");
		assertThat(asset.path("dueDate").asText()).isEqualTo(due.toString());
		assertThat(asset.path("requestedBy").asText()).isEqualTo(Users.PRODUCER);
		JsonNode versions = detail.path("versions");
		assertThat(versions).hasSize(2);
		JsonNode v2 = versions.get(1);
		assertThat(v2.path("number").asInt()).isEqualTo(2);
		assertThat(v2.path("status").asText()).isEqualTo("APPROVED");
		assertThat(v2.path("locked").asBoolean()).isTrue();
		assertThat(v2.path("note").asText()).isEqualTo("Logo bigger in the last shot");
		assertThat(asset.path("approvedVersionId").asText()).isEqualTo(v2.path("id").asText());
		assertThat(versions.get(0).path("status").asText()).isEqualTo("SUPERSEDED");
		// the comment typed into reviewer2's form is on the approval record, against
		// version 1
		assertThat(detail.path("decisions")).anySatisfy(decision -> {
			assertThat(decision.path("decidedBy").asText()).isEqualTo(Users.REVIEWER2);
			assertThat(decision.path("decision").asText()).isEqualTo("CHANGES_REQUESTED");
			assertThat(decision.path("comment").asText()).isEqualTo(changes);
			assertThat(decision.path("versionId").asText()).isEqualTo(versions.get(0).path("id").asText());
		});
	}

	/** The browser forgets the previous user and signs in as {@code user}. */
	private static Tasklist signIn(Browser browser, String user, String fullName) {
		browser.forgetCookies();
		Tasklist tasklist = Tasklist.signIn(browser, user, Users.PASSWORD);
		assertThat(tasklist.signedInUser()).isEqualTo(fullName);
		return tasklist;
	}

	private static void produceVersion(Browser browser, String title, int version, String note) {
		Tasklist creative = signIn(browser, Users.CREATIVE, "Casey Creative");
		Tasklist.Task produce = creative.open(OPEN_TO_ME, "Produce version: " + title + " v" + version);
		produce.claim();
		assertThat(produce.assignee()).isEqualTo("Casey Creative");
		produce.form()
			.type("What is in this version", note)
			.type("Link to the file", "https://files.example/" + version + ".mp4");
		produce.complete();
	}

	/**
	 * The reviewer finds the review among "My tasks" (assigned, nothing to claim) and
	 * decides.
	 */
	private static void review(Browser browser, String reviewer, String fullName, String taskName, String decision,
			String comment) {
		Tasklist tasklist = signIn(browser, reviewer, fullName);
		Tasklist.Task review = tasklist.open(MY_TASKS, taskName);
		assertThat(review.canBeClaimed()).as("a review task waits to be claimed").isFalse();
		assertThat(review.assignee()).isEqualTo(fullName);
		CamundaForm form = review.form().choose("Decision", decision);
		if (comment != null) {
			form.type("Comment", comment);
		}
		review.complete();
	}

	private String assetIdOf(String title) {
		JsonNode assets = this.http.get(Users.PRODUCER, "/api/assets").json();
		return StreamSupport.stream(assets.spliterator(), false)
			.filter(asset -> title.equals(asset.path("title").asText()))
			.map(asset -> asset.path("id").asText())
			.findFirst()
			.orElseThrow(() -> new AssertionError("No asset titled " + title + " in " + assets));
	}

}
