package io.greenlight.production;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/versions/{id}/decisions}: a reviewer's decision on exactly this
 * version.
 */
@RestController
class ReviewDecisionController {

	private final ReviewDecisionService decisions;

	ReviewDecisionController(ReviewDecisionService decisions) {
		this.decisions = decisions;
	}

	@PostMapping("/api/versions/{versionId}/decisions")
	ResponseEntity<Void> decide(@PathVariable String versionId, @Valid @RequestBody DecisionRequest request,
			Authentication authentication) {
		this.decisions.decide(versionId, authentication.getName(), request.decision(), request.comment());
		return ResponseEntity.noContent().build();
	}

	record DecisionRequest(@NotBlank String decision, @Size(max = 4000) String comment) {
	}

}
