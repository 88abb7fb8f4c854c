package io.greenlight.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.greenlight.GreenlightApplication;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A creative-ops lead edits a form in {@code forms/} and restarts the server: the new
 * process version shows the new form (the whole set is deployed again, so
 * formRefBinding="deployment" finds it); a restart without changes deploys nothing.
 */
// a server configuration of its own: a JVM of its own (pom.xml, failsafe)
@Tag("own-server")
class FormRedeploymentIT {

	@TempDir
	Path workspace;

	@Test
	void anEditedFormIsWhatTheProcessShowsAfterARestart() throws IOException {
		// given the server started once on copies of processes/ and forms/
		FileSystemUtils.copyRecursively(Path.of("processes"), this.workspace.resolve("processes"));
		FileSystemUtils.copyRecursively(Path.of("forms"), this.workspace.resolve("forms"));
		Path briefForm = this.workspace.resolve("forms/BriefForm.form");
		String firstStartForm;
		long deploymentsAfterFirstStart;
		try (ConfigurableApplicationContext server = start()) {
			firstStartForm = startForm(server);
			deploymentsAfterFirstStart = deployments(server);
		}
		assertThat(firstStartForm).contains("\"label\": \"Title\"");

		// when the lead renames a field and the server restarts
		Files.writeString(briefForm,
				Files.readString(briefForm).replace("\"label\": \"Title\"", "\"label\": \"Working title\""));
		try (ConfigurableApplicationContext server = start()) {
			// then the latest process version shows the edited form
			assertThat(startForm(server)).contains("\"label\": \"Working title\"")
				.doesNotContain("\"label\": \"Title\"");
			assertThat(deployments(server)).isEqualTo(deploymentsAfterFirstStart + 1);
		}

		// and a restart without changes deploys nothing new
		try (ConfigurableApplicationContext server = start()) {
			assertThat(deployments(server)).isEqualTo(deploymentsAfterFirstStart + 1);
			assertThat(startForm(server)).contains("\"label\": \"Working title\"");
		}
	}

	private ConfigurableApplicationContext start() {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--camunda.bpm.job-execution.enabled=false",
				"--camunda.bpm.deployment-resource-pattern=" + this.workspace.toUri() + "processes/*.bpmn,"
						+ this.workspace.toUri() + "forms/*.form"));
		if (!"postgres".equals(System.getProperty("greenlight.test.profile"))) {
			// the restarted server must find the first one's data, as with the H2 file of
			// the demo
			args.add(
					"--spring.datasource.url=jdbc:h2:file:" + this.workspace.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE");
		}
		return new SpringApplicationBuilder(GreenlightApplication.class).run(args.toArray(String[]::new));
	}

	private static String startForm(ConfigurableApplicationContext server) throws IOException {
		ProcessDefinition latest = server.getBean(RepositoryService.class)
			.createProcessDefinitionQuery()
			.processDefinitionKey("CreativeProductionProcess")
			.latestVersion()
			.singleResult();
		try (InputStream form = server.getBean(FormService.class).getDeployedStartForm(latest.getId())) {
			return new String(form.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static long deployments(ConfigurableApplicationContext server) {
		return server.getBean(RepositoryService.class).createDeploymentQuery().count();
	}

}
