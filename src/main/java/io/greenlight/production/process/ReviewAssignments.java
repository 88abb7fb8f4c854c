package io.greenlight.production.process;

import java.util.List;

import io.greenlight.asset.Asset;
import io.greenlight.asset.AssetBudgets;
import io.greenlight.asset.AssetService;
import io.greenlight.deployment.CallableFromProcesses;
import io.greenlight.production.process.CreativeProductionProcess.Var;
import io.greenlight.project.ProjectRepository;
import io.greenlight.project.ProjectRole;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Sets up a review stage: the facts the routing table {@code ReviewRoutingDecision}
 * decides on ({@code ${reviewAssignments.assetType(execution)}}, channel, budget tier),
 * and who reviews, read from the project's members with the role the table chose
 * ({@code ${reviewAssignments.reviewers(execution)}}) when the stage is called.
 */
@CallableFromProcesses
@Component("reviewAssignments")
public class ReviewAssignments {

	private final AssetService assets;

	private final AssetBudgets budgets;

	private final ProjectRepository projects;

	ReviewAssignments(AssetService assets, AssetBudgets budgets, ProjectRepository projects) {
		this.assets = assets;
		this.budgets = budgets;
		this.projects = projects;
	}

	public String assetType(DelegateExecution execution) {
		return asset(execution).assetType().name();
	}

	public String channel(DelegateExecution execution) {
		return asset(execution).channel().name();
	}

	public String budgetTier(DelegateExecution execution) {
		return this.budgets.tierOf(ProductionVariables.of(execution).assetId()).name();
	}

	/** The project's members with the stage's reviewer role, comma-separated. */
	public String reviewers(DelegateExecution execution) {
		return String.join(",", members(execution));
	}

	/**
	 * Whose decision settles a PRIMARY stage: the first of its reviewers (by user id);
	 * null under other rules.
	 */
	public String primaryReviewer(DelegateExecution execution) {
		return "PRIMARY".equals(execution.getVariable(Var.STAGE_DECISION_RULE)) ? members(execution).get(0) : null;
	}

	private List<String> members(DelegateExecution execution) {
		Object role = execution.getVariable(Var.STAGE_REVIEWER_ROLE);
		if (role == null) {
			throw new IllegalStateException("The routing table " + CreativeProductionProcess.DECISION_REVIEW_ROUTING
					+ " has no row for this asset and stage: add one and retry");
		}
		ProjectRole projectRole = ProjectRole.valueOf(role.toString());
		List<String> reviewers = this.projects.members(asset(execution).projectId(), projectRole);
		if (reviewers.isEmpty()) {
			throw new IllegalStateException("The project has no " + projectRole + " members: add one and retry");
		}
		return reviewers;
	}

	private Asset asset(DelegateExecution execution) {
		return this.assets.get(ProductionVariables.of(execution).assetId());
	}

}
