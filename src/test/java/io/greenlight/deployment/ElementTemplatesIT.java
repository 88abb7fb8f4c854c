package io.greenlight.deployment;

import java.nio.file.Files;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import io.greenlight.support.BlocksBuiltWorkflow;
import io.greenlight.support.ElementTemplates;
import io.greenlight.support.Http;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.TestFiles;
import io.greenlight.support.Users;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A creative-ops lead downloads Greenlight's building blocks for Camunda Modeler, as the
 * README says; nobody else gets them.
 */
@ServerIT
class ElementTemplatesIT {

	private final Http http;

	private final ProductionDriver productions;

	private final ProcessEngine engine;

	ElementTemplatesIT(@LocalServerPort int port, @Autowired ProcessEngine engine) {
		this.http = new Http(port);
		this.productions = new ProductionDriver(this.http);
		this.engine = engine;
	}

	@Test
	void creativeOpsDownloadTheTemplatesTheRepositoryHolds() throws Exception {
		Http.Response response = this.http.get(Users.OPS, "/api/element-templates");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.raw().headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		assertThat(response.json()).isEqualTo(new ObjectMapper().readTree(Files.readString(ElementTemplates.FILE)));
	}

	@Test
	void othersAreToldWhoGetsThem() {
		Http.Response response = this.http.get(Users.PRODUCER, "/api/element-templates");

		assertThat(response.status()).as(response.body()).isEqualTo(403);
		assertThat(response.json().get("detail").asText()).contains("Only creative-ops and administrators");
		assertThat(this.http.get(null, "/api/element-templates").status()).isEqualTo(401);
	}

	@Test
	void anUploadCompletesTheProduceVersionStepOfAWorkflowBuiltFromBlocks() {
		BlocksBuiltWorkflow.deploy(this.engine);
		// a producer starts it as Tasklist's start form would, for a project of theirs
		Http.Response started = this.http.postJson(Users.PRODUCER,
				"/engine-rest/process-definition/key/" + BlocksBuiltWorkflow.PROCESS_ID + "/start",
				"""
						{"variables": {
						  "briefTitle": {"value": "Station poster"}, "projectCode": {"value": "ACME-SUMMER"},
						  "deliverableType": {"value": "VIDEO"}, "channel": {"value": "WEB"},
						  "dueDate": {"value": "2027-02-01"}, "briefDescription": {"value": "Six-sheet, platform 2"}}}""");
		assertThat(started.status()).as(started.body()).isEqualTo(200);
		String reference = started.json().get("businessKey").asText();

		Http.Response uploaded = this.productions.upload(Users.CREATIVE, reference, "poster.mp4",
				TestFiles.file(TestFiles.MP4_HEADER, 4096, 7), "First cut");

		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		assertThat(uploaded.json().get("number").asInt()).isEqualTo(1);
		// the step is done: the brand review now waits for the reviewers
		JsonNode review = this.productions.awaitTask(Users.REVIEWER1, reference, "UserTask_ReviewAsset");
		assertThat(review.get("name").asText()).isEqualTo("Internal review: Station poster v1 (" + reference + ")");
	}

}
