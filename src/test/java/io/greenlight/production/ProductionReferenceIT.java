package io.greenlight.production;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.greenlight.support.AtOnce;
import io.greenlight.support.Http;
import io.greenlight.support.OtherClient;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.TestFiles;
import io.greenlight.support.Users;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every production has a reference people can say on the phone, numbered per project
 * (ACME-SUMMER-0042): answered when it starts, its business key in the engine, and
 * accepted wherever an asset id is, under the same access rules.
 */
@ServerIT
class ProductionReferenceIT {

	private final Http http;

	private final ProductionDriver productions;

	@Autowired
	ProductionReferenceIT(@LocalServerPort int port) {
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
	}

	@Test
	void productionsStartedAtOnceInOneProjectGetTheNextNumbersEachItsOwn() throws Exception {
		// given a new project whose first production is BOLT-…-0001
		OtherClient bolt = OtherClient.setUp(this.http, this.productions);
		assertThat(this.productions.reference(bolt.assetId())).isEqualTo(bolt.projectCode() + "-0001");

		// when six briefs are posted at the same moment
		List<Callable<Http.Response>> starts = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String title = "At once " + i;
			starts.add(() -> this.http.postJson(Users.OPS, "/api/productions", """
					{"title": "%s", "projectCode": "%s", "deliverableType": "VIDEO", "channel": "WEB",
					 "dueDate": "2030-01-31", "description": "Six at once"}""".formatted(title, bolt.projectCode())));
		}
		List<Http.Response> answers = AtOnce.run(starts);

		// then each is answered with its own reference, the numbers after the first
		assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(201));
		assertThat(answers).extracting(answer -> answer.json().get("reference").asText())
			.containsExactlyInAnyOrder(bolt.projectCode() + "-0002", bolt.projectCode() + "-0003",
					bolt.projectCode() + "-0004", bolt.projectCode() + "-0005", bolt.projectCode() + "-0006",
					bolt.projectCode() + "-0007");
		// and each is the business key Cockpit and Tasklist show
		for (Http.Response answer : answers) {
			String reference = answer.json().get("reference").asText();
			assertThat(this.http
				.get(Users.OPS,
						"/engine-rest/process-instance?maxResults=5&processDefinitionKey=CreativeProductionProcess"
								+ "&businessKey=" + reference)
				.json()).hasSize(1);
		}
	}

	@Test
	void anAssetIsFoundByItsReferenceInAnyLetterCaseButOnlyByThoseWhoMaySeeIt() {
		String assetId = this.productions.waitingForAVersion("Reference spot " + System.nanoTime() % 100000);
		String reference = this.productions.reference(assetId);

		// the creative uploads version 1 to the production named by its reference
		Http.Response upload = this.productions.upload(Users.CREATIVE, reference, "cut.mp4",
				TestFiles.file(TestFiles.MP4_HEADER, 2048, 7), "First cut");
		assertThat(upload.status()).as(upload.body()).isEqualTo(201);
		assertThat(upload.json().get("number").asInt()).isEqualTo(1);

		// the producer reads it by reference, as said on the phone, in any letter case
		for (String asked : List.of(reference, reference.toLowerCase(Locale.ROOT))) {
			Http.Response byReference = this.http.get(Users.PRODUCER, "/api/assets/" + asked);
			assertThat(byReference.status()).as(byReference.body()).isEqualTo(200);
			// the same answer as by id: the asset, its versions and its decisions
			assertThat(byReference.json()).isEqualTo(this.http.get(Users.PRODUCER, "/api/assets/" + assetId).json());
			assertThat(byReference.json().at("/versions/0/number").asInt()).isEqualTo(1);
			assertThat(byReference.json().get("decisions")).isNotEmpty();
			assertThat(this.http.get(Users.PRODUCER, "/api/assets/" + asked + "/timeline").status()).isEqualTo(200);
			assertThat(this.http.get(Users.PRODUCER, "/assets/" + asked).status()).isEqualTo(200);
		}

		// someone outside the project gets the same 404 as for a reference that does not
		// exist
		Http.Response outsider = this.http.get(Users.REVIEWER3, "/api/assets/" + reference);
		assertThat(outsider.status()).isEqualTo(404);
		assertThat(outsider.body()).contains("No asset " + reference + " in your projects");
		Http.Response unknown = this.http.get(Users.PRODUCER, "/api/assets/ACME-SUMMER-9999");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body()).contains("No asset ACME-SUMMER-9999 in your projects");
	}

}
