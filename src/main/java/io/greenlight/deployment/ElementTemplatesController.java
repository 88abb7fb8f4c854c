package io.greenlight.deployment;

import java.io.IOException;
import java.io.InputStream;

import io.greenlight.security.CurrentUser;
import io.greenlight.system.ForbiddenException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Greenlight's building blocks for Camunda Modeler (element templates), as kept in
 * {@code processes/.camunda/element-templates/}: for those who deploy workflows.
 */
@RestController
class ElementTemplatesController {

	static final String TEMPLATES = "processes/.camunda/element-templates/greenlight.json";

	private final byte[] templates;

	ElementTemplatesController() throws IOException {
		Resource resource = new ClassPathResource(TEMPLATES);
		try (InputStream in = resource.getInputStream()) {
			this.templates = in.readAllBytes();
		}
	}

	@GetMapping("/api/element-templates")
	ResponseEntity<byte[]> templates(Authentication authentication) {
		if (!CurrentUser.of(authentication).seesAllProjects()) {
			throw new ForbiddenException("Only creative-ops and administrators design and deploy workflows, "
					+ "so only they get Greenlight's element templates.");
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header("Content-Disposition", "attachment; filename=\"greenlight.json\"")
			.body(this.templates);
	}

}
