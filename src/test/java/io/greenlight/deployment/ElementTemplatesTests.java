package io.greenlight.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.greenlight.notification.NotificationEvent;
import io.greenlight.support.ElementTemplates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Greenlight's element templates as Camunda Modeler reads them: valid against the
 * Modeler's own schema for Camunda 7 templates, so the Modeler lists every one of them.
 */
class ElementTemplatesTests {

	private final ElementTemplates templates = ElementTemplates.load();

	@Test
	void camundaModelerAcceptsEveryTemplate() throws IOException {
		assertThat(modelerSchema().validate(this.templates.json())).isEmpty();
	}

	@Test
	void aTemplateTheModelerWouldRejectIsCaughtByTheSameCheck() throws IOException {
		JsonNode broken = this.templates.json().deepCopy();
		// a dropdown without its choices: the Modeler skips the template and says why
		((ObjectNode) dropdown(broken)).remove("choices");

		Set<ValidationMessage> problems = modelerSchema().validate(broken);

		assertThat(problems).isNotEmpty();
	}

	@Test
	void everyTemplateHasItsOwnIdAndIsNamedAsGreenlights() {
		List<String> ids = new ArrayList<>();
		this.templates.json().forEach(template -> {
			ids.add(template.path("id").asText());
			assertThat(template.path("name").asText()).startsWith("Greenlight: ");
			assertThat(template.path("description").asText()).isNotBlank();
		});
		assertThat(ids).doesNotHaveDuplicates().hasSize(this.templates.json().size());
	}

	@Test
	void theNotifyBlockOffersOnlyEventsAWorkflowStepCanSend() {
		List<String> offered = new ArrayList<>();
		this.templates.template("io.greenlight.Notify")
			.path("properties")
			.forEach(
					property -> property.path("choices").forEach(choice -> offered.add(choice.path("value").asText())));

		assertThat(offered).containsExactlyInAnyOrder(NotificationEvent.VERSION_UPLOADED.name(),
				NotificationEvent.CHANGES_REQUESTED.name(), NotificationEvent.ASSET_APPROVED.name(),
				NotificationEvent.ASSET_DELIVERED.name(), NotificationEvent.BRIEF_RETURNED.name());
	}

	private static JsonNode dropdown(JsonNode templates) {
		for (JsonNode template : templates) {
			for (JsonNode property : template.path("properties")) {
				if ("Dropdown".equals(property.path("type").asText())) {
					return property;
				}
			}
		}
		throw new IllegalStateException("no dropdown in the templates");
	}

	private static JsonSchema modelerSchema() throws IOException {
		try (InputStream schema = ElementTemplatesTests.class
			.getResourceAsStream("/modeler/element-templates-schema.json")) {
			return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
		}
	}

}
