package io.greenlight.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped workflows, routing table and forms deployed again as a lead deploys them
 * from Camunda Modeler, each process changed as a test asks: so a test starts from the
 * shipped files as the newest version, and leaves them the newest when it changed them.
 */
public final class ShippedWorkflows {

	private ShippedWorkflows() {
	}

	/**
	 * Deploys them as {@code user}, each process changed as given (by its key).
	 * @return every process's new version, by key
	 */
	public static Map<String, Definition> deploy(Http http, String user, Map<String, UnaryOperator<String>> changes) {
		Multipart body = new Multipart().field("deployment-name", "shipped workflows, from a test")
			.field("deployment-source", "Camunda Modeler");
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		try {
			for (String pattern : List.of("classpath*:processes/*.bpmn", "classpath*:processes/*.dmn",
					"classpath*:forms/*.form")) {
				for (Resource resource : resolver.getResources(pattern)) {
					byte[] content;
					try (InputStream in = resource.getInputStream()) {
						content = in.readAllBytes();
					}
					String name = resource.getFilename();
					UnaryOperator<String> change = changes.get(name.replace(".bpmn", ""));
					if (change != null) {
						content = change.apply(new String(content, StandardCharsets.UTF_8))
							.getBytes(StandardCharsets.UTF_8);
					}
					body.file(name, name, content);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Http.Response response = http.post(user, "/engine-rest/deployment/create", body.contentType(), body.bytes());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		Map<String, Definition> definitions = new LinkedHashMap<>();
		for (JsonNode definition : response.json().get("deployedProcessDefinitions")) {
			definitions.put(definition.get("key").asText(),
					new Definition(definition.get("id").asText(), definition.get("version").asInt()));
		}
		return definitions;
	}

	/** The workflow as {@code GET /api/workflows} lists it to {@code user}. */
	public static JsonNode listed(Http http, String user, String key) {
		Http.Response response = http.get(user, "/api/workflows");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		for (JsonNode workflow : response.json()) {
			if (workflow.get("key").asText().equals(key)) {
				return workflow;
			}
		}
		throw new AssertionError("no workflow " + key + " in " + response.body());
	}

	/** One deployed version of a process. */
	public record Definition(String id, int version) {
	}

}
