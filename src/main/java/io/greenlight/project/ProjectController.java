package io.greenlight.project;

import java.net.URI;
import java.util.List;

import io.greenlight.project.ProjectService.ProjectDetail;
import io.greenlight.project.ProjectService.ProjectSummary;
import io.greenlight.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Clients, their projects and the projects' members.
 */
@RestController
class ProjectController {

	private final ProjectService projects;

	ProjectController(ProjectService projects) {
		this.projects = projects;
	}

	@PostMapping("/api/clients")
	ResponseEntity<Client> createClient(@Valid @RequestBody NewClient request, Authentication authentication) {
		Client client = this.projects.createClient(request.name(), CurrentUser.of(authentication));
		return ResponseEntity.created(URI.create("/api/clients/" + client.id())).body(client);
	}

	@GetMapping("/api/clients")
	List<Client> clients(Authentication authentication) {
		return this.projects.clients(CurrentUser.of(authentication));
	}

	@PostMapping("/api/projects")
	ResponseEntity<ProjectDetail> createProject(@Valid @RequestBody NewProject request, Authentication authentication) {
		ProjectDetail project = this.projects.createProject(request.clientId(), request.code(), request.name(),
				CurrentUser.of(authentication));
		return ResponseEntity.created(URI.create("/api/projects/" + project.project().id())).body(project);
	}

	@GetMapping("/api/projects")
	List<ProjectSummary> projects(Authentication authentication) {
		return this.projects.projects(CurrentUser.of(authentication));
	}

	@GetMapping("/api/projects/{projectId}")
	ProjectDetail project(@PathVariable String projectId, Authentication authentication) {
		return this.projects.project(projectId, CurrentUser.of(authentication));
	}

	@PostMapping("/api/projects/{projectId}/members")
	ResponseEntity<ProjectDetail> addMember(@PathVariable String projectId, @Valid @RequestBody Member member,
			Authentication authentication) {
		ProjectDetail project = this.projects.addMember(projectId, member.userId(), member.role(),
				CurrentUser.of(authentication));
		return ResponseEntity.created(URI.create("/api/projects/" + projectId)).body(project);
	}

	@DeleteMapping("/api/projects/{projectId}/members/{userId}")
	ProjectDetail removeMember(@PathVariable String projectId, @PathVariable String userId,
			@RequestParam ProjectRole role, Authentication authentication) {
		return this.projects.removeMember(projectId, userId, role, CurrentUser.of(authentication));
	}

	record NewClient(@NotBlank @Size(max = 200) String name) {
	}

	record NewProject(@NotBlank String clientId, @NotBlank @Size(max = 40) String code,
			@NotBlank @Size(max = 200) String name) {
	}

}
