package io.greenlight.workflow;

import java.net.URI;
import java.util.List;

import io.greenlight.security.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Safe upgrades, for creative-ops: each workflow's versions with their running instances;
 * checking and starting the migration of one version's running instances to another; the
 * migrations started, with their progress.
 */
@RestController
class WorkflowController {

	private final WorkflowMigrations migrations;

	WorkflowController(WorkflowMigrations migrations) {
		this.migrations = migrations;
	}

	@GetMapping("/api/workflows")
	List<Workflow> workflows(Authentication authentication) {
		return this.migrations.workflows(CurrentUser.of(authentication));
	}

	@PostMapping("/api/workflows/{key}/migrations/check")
	MigrationCheck check(@PathVariable String key, @RequestBody(required = false) MigrationRequest request,
			Authentication authentication) {
		return this.migrations.check(key, request, CurrentUser.of(authentication));
	}

	@PostMapping("/api/workflows/{key}/migrations")
	ResponseEntity<WorkflowMigration> migrate(@PathVariable String key,
			@RequestBody(required = false) MigrationRequest request, Authentication authentication) {
		WorkflowMigration migration = this.migrations.migrate(key, request, CurrentUser.of(authentication));
		return ResponseEntity.accepted().location(URI.create("/api/workflows/" + key + "/migrations")).body(migration);
	}

	@GetMapping("/api/workflows/{key}/migrations")
	List<WorkflowMigration> migrations(@PathVariable String key, Authentication authentication) {
		return this.migrations.migrations(key, CurrentUser.of(authentication));
	}

	// the check's report, so the caller sees why without asking again
	@ExceptionHandler(MigrationRefusedException.class)
	ResponseEntity<ProblemDetail> refused(MigrationRefusedException ex) {
		MigrationCheck check = ex.check();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setProperty("message", ex.getMessage());
		problem.setProperty("key", check.key());
		problem.setProperty("fromVersion", check.fromVersion());
		problem.setProperty("toVersion", check.toVersion());
		problem.setProperty("instances", check.instances());
		problem.setProperty("instructions", check.instructions());
		problem.setProperty("valid", check.valid());
		problem.setProperty("problems", check.problems());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

}
