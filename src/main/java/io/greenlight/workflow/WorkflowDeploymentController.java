package io.greenlight.workflow;

import java.net.URI;

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
 * The web modeler's server side, for creative-ops: a workflow's files and a decision's
 * table as deployed now; checking edited files exactly as a deployment would, nothing
 * deployed; deploying them.
 */
@RestController
class WorkflowDeploymentController {

	private final WorkflowSources sources;

	private final WorkflowDeployments deployments;

	WorkflowDeploymentController(WorkflowSources sources, WorkflowDeployments deployments) {
		this.sources = sources;
		this.deployments = deployments;
	}

	@GetMapping("/api/workflows/{key}/source")
	WorkflowSource workflowSource(@PathVariable String key, Authentication authentication) {
		return this.sources.workflow(key, CurrentUser.of(authentication));
	}

	@GetMapping("/api/decisions/{key}/source")
	DecisionSource decisionSource(@PathVariable String key, Authentication authentication) {
		return this.sources.decision(key, CurrentUser.of(authentication));
	}

	@PostMapping("/api/workflows/validate")
	DeploymentCheck validate(@RequestBody(required = false) DeploymentRequest request, Authentication authentication) {
		return this.deployments.check(request, CurrentUser.of(authentication));
	}

	@PostMapping("/api/workflows/deployments")
	ResponseEntity<WorkflowDeployment> deploy(@RequestBody(required = false) DeploymentRequest request,
			Authentication authentication) {
		WorkflowDeployment deployed = this.deployments.deploy(request, CurrentUser.of(authentication));
		ResponseEntity.BodyBuilder created = ResponseEntity.status(HttpStatus.CREATED);
		// where the web modeler opens what it deployed
		if (!deployed.processes().isEmpty()) {
			created.location(URI.create("/api/workflows/" + deployed.processes().get(0).key() + "/source"));
		}
		else if (!deployed.decisions().isEmpty()) {
			created.location(URI.create("/api/decisions/" + deployed.decisions().get(0).key() + "/source"));
		}
		return created.body(deployed);
	}

	// each problem, as a check reports it, so the modeler marks them without
	// asking again
	@ExceptionHandler(DeploymentRefusedException.class)
	ResponseEntity<ProblemDetail> refused(DeploymentRefusedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setProperty("problems", ex.problems());
		return ResponseEntity.badRequest().body(problem);
	}

}
