package io.greenlight.production.process;

import java.util.List;

import io.greenlight.asset.AssetService;
import io.greenlight.project.ProjectRepository;
import io.greenlight.project.ProjectRole;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who reviews a production, read from the project's members when a review stage starts:
 * {@code ${reviewAssignments.internalReviewers(execution)}} in the BPMN. The list is not
 * stored as a variable, so it never needs serializing.
 */
@Component("reviewAssignments")
public class ReviewAssignments {

	private final AssetService assets;

	private final ProjectRepository projects;

	ReviewAssignments(AssetService assets, ProjectRepository projects) {
		this.assets = assets;
		this.projects = projects;
	}

	/** The project's internal reviewers: each gets a review task. */
	public List<String> internalReviewers(DelegateExecution execution) {
		return reviewers(execution, ProjectRole.REVIEWER);
	}

	/** The project's client reviewers: each gets a review task. */
	public List<String> clientReviewers(DelegateExecution execution) {
		return reviewers(execution, ProjectRole.CLIENT_REVIEWER);
	}

	private List<String> reviewers(DelegateExecution execution, ProjectRole role) {
		String projectId = this.assets.get(ProductionVariables.of(execution).assetId()).projectId();
		List<String> reviewers = this.projects.members(projectId, role);
		if (reviewers.isEmpty()) {
			throw new IllegalStateException("The project has no " + role + " members: add one and retry");
		}
		return reviewers;
	}

}
