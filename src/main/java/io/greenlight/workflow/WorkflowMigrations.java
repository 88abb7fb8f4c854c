package io.greenlight.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.greenlight.security.CurrentUser;
import io.greenlight.security.SystemActor;
import io.greenlight.system.ConflictException;
import io.greenlight.system.InvalidRequestException;
import io.greenlight.system.NotFoundException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.migration.MigrationPlanValidationReport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves a workflow's running instances from one deployed version to another with the
 * engine's migration API: the plan maps every activity that exists in both versions (and
 * updates event triggers, so timers and messages follow the new version); a check shows
 * the engine's validation report before anything changes; the migration itself runs as an
 * engine batch, as the caller, and is logged. Only creative-ops and administrators may
 * use it; inside the engine the caller needs MIGRATE_INSTANCE on both definitions and
 * CREATE on batches.
 */
@Service
class WorkflowMigrations {

	private static final Logger log = LoggerFactory.getLogger(WorkflowMigrations.class);

	private final WorkflowVersions versions;

	private final WorkflowMigrationLog migrationLog;

	private final RuntimeService runtimeService;

	private final ManagementService managementService;

	private final HistoryService historyService;

	private final SystemActor system;

	private final TransactionTemplate transactions;

	WorkflowMigrations(WorkflowVersions versions, WorkflowMigrationLog migrationLog, RuntimeService runtimeService,
			ManagementService managementService, HistoryService historyService, SystemActor system,
			TransactionTemplate transactions) {
		this.versions = versions;
		this.migrationLog = migrationLog;
		this.runtimeService = runtimeService;
		this.managementService = managementService;
		this.historyService = historyService;
		this.system = system;
		this.transactions = transactions;
	}

	/** Every shared workflow with its versions and their running instances. */
	List<Workflow> workflows(CurrentUser user) {
		operator(user);
		return this.versions.all();
	}

	/**
	 * What the migration would do and every problem the engine reports, for the plan and
	 * for each running instance. Nothing changes: each instance is migrated in a
	 * transaction that is rolled back.
	 */
	MigrationCheck check(String key, MigrationRequest request, CurrentUser user) {
		operator(user);
		return check(plan(key, request));
	}

	/**
	 * Checks, and when the engine reports no problem, starts the batch that migrates the
	 * instances checked, as the caller, and logs it.
	 * @throws MigrationRefusedException when the check found problems: nothing was
	 * migrated
	 */
	WorkflowMigration migrate(String key, MigrationRequest request, CurrentUser user) {
		operator(user);
		Plan plan = plan(key, request);
		MigrationCheck check = check(plan);
		if (!check.valid()) {
			throw new MigrationRefusedException(check);
		}
		if (plan.instances().isEmpty()) {
			throw new ConflictException("No instance of " + key + " runs on version " + plan.from().version()
					+ ": there is nothing to migrate.");
		}
		List<String> ids = plan.instances().stream().map(ProcessInstance::getId).toList();
		WorkflowMigration migration = this.transactions.execute(status -> {
			Batch batch = this.runtimeService.newMigration(plan.migrationPlan()).processInstanceIds(ids).executeAsync();
			return this.migrationLog.record(key, plan.from().version(), plan.to().version(), plan.from().definitionId(),
					plan.to().definitionId(), ids.size(), batch.getId(), user.id());
		});
		log.info(
				"{} started migrating {} running instances of {} from version {} ({}) to version {} ({}): batch {}, "
						+ "migration {}",
				user.id(), ids.size(), key, plan.from().version(), plan.from().definitionId(), plan.to().version(),
				plan.to().definitionId(), migration.batchId(), migration.id());
		return withProgress(migration);
	}

	/** The workflow's migrations, newest first, each with its batch's progress. */
	List<WorkflowMigration> migrations(String key, CurrentUser user) {
		operator(user);
		List<WorkflowMigration> logged = this.migrationLog.of(key);
		if (logged.isEmpty()) {
			workflow(key);
		}
		return logged.stream().map(this::withProgress).toList();
	}

	private Plan plan(String key, MigrationRequest request) {
		if (request == null || request.fromVersion() == null || request.toVersion() == null) {
			throw new InvalidRequestException("Say which version's running instances move to which version: "
					+ "{\"fromVersion\": 1, \"toVersion\": 2}.");
		}
		if (request.fromVersion().equals(request.toVersion())) {
			throw new InvalidRequestException("fromVersion and toVersion are both " + request.fromVersion()
					+ ": name two different versions of " + key + ".");
		}
		Workflow workflow = workflow(key);
		Workflow.Version from = version(workflow, request.fromVersion());
		Workflow.Version to = version(workflow, request.toVersion());
		// every project's instances, whichever tenants the caller is a member of: the
		// migration itself runs as the caller, and the engine refuses what they may
		// not touch
		List<ProcessInstance> instances = this.system.call(() -> this.runtimeService.createProcessInstanceQuery()
			.processDefinitionId(from.definitionId())
			.orderByProcessInstanceId()
			.asc()
			.list());
		try {
			MigrationPlan migrationPlan = this.runtimeService
				.createMigrationPlan(from.definitionId(), to.definitionId())
				.mapEqualActivities()
				.updateEventTriggers()
				.build();
			return new Plan(key, from, to, instances, migrationPlan, List.of());
		}
		catch (MigrationPlanValidationException ex) {
			return new Plan(key, from, to, instances, ex.getValidationReport().getMigrationPlan(),
					planProblems(ex.getValidationReport()));
		}
	}

	private MigrationCheck check(Plan plan) {
		List<MigrationProblem> problems = new ArrayList<>(plan.problems());
		if (problems.isEmpty()) {
			for (ProcessInstance instance : plan.instances()) {
				problems.addAll(dryRun(plan.migrationPlan(), instance));
			}
		}
		List<MigrationCheck.Instruction> instructions = (plan.migrationPlan() != null) ? plan.migrationPlan()
			.getInstructions()
			.stream()
			.map(instruction -> new MigrationCheck.Instruction(instruction.getSourceActivityId(),
					instruction.getTargetActivityId()))
			.toList() : List.of();
		return new MigrationCheck(plan.key(), plan.from().version(), plan.to().version(), plan.instances().size(),
				instructions, problems);
	}

	// The engine validates an instance only while migrating it, and stops at the first
	// instance that fails: each one is migrated on its own, as the caller, in a
	// transaction that is always rolled back.
	private List<MigrationProblem> dryRun(MigrationPlan migrationPlan, ProcessInstance instance) {
		List<MigrationProblem> problems = new ArrayList<>();
		this.transactions.executeWithoutResult(status -> {
			status.setRollbackOnly();
			try {
				this.runtimeService.newMigration(migrationPlan).processInstanceIds(instance.getId()).execute();
			}
			catch (MigratingProcessInstanceValidationException ex) {
				problems.addAll(instanceProblems(instance, ex.getValidationReport()));
			}
			catch (AuthorizationException ex) {
				throw ex;
			}
			catch (ProcessEngineException ex) {
				problems.add(new MigrationProblem(instance.getId(), instance.getBusinessKey(), null, null, null,
						List.of(String.valueOf(ex.getMessage()))));
			}
		});
		return problems;
	}

	private static List<MigrationProblem> planProblems(MigrationPlanValidationReport report) {
		List<MigrationProblem> problems = new ArrayList<>();
		for (MigrationInstructionValidationReport instructionReport : report.getInstructionReports()) {
			MigrationInstruction instruction = instructionReport.getMigrationInstruction();
			problems.add(new MigrationProblem(null, null, instruction.getSourceActivityId(), null,
					instruction(instruction), instructionReport.getFailures()));
		}
		report.getVariableReports()
			.forEach((name, variableReport) -> problems
				.add(new MigrationProblem(null, null, null, null, "variable " + name, variableReport.getFailures())));
		return problems;
	}

	private static List<MigrationProblem> instanceProblems(ProcessInstance instance,
			MigratingProcessInstanceValidationReport report) {
		List<MigrationProblem> problems = new ArrayList<>();
		if (!report.getFailures().isEmpty()) {
			problems.add(new MigrationProblem(instance.getId(), instance.getBusinessKey(), null, null, null,
					report.getFailures()));
		}
		for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
			problems.add(new MigrationProblem(instance.getId(), instance.getBusinessKey(), activity.getSourceScopeId(),
					activity.getActivityInstanceId(), instruction(activity.getMigrationInstruction()),
					activity.getFailures()));
		}
		for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
			problems.add(new MigrationProblem(instance.getId(), instance.getBusinessKey(),
					transition.getSourceScopeId(), transition.getTransitionInstanceId(),
					instruction(transition.getMigrationInstruction()), transition.getFailures()));
		}
		return problems;
	}

	private static String instruction(MigrationInstruction instruction) {
		return (instruction != null) ? instruction.getSourceActivityId() + " -> " + instruction.getTargetActivityId()
				: null;
	}

	private WorkflowMigration withProgress(WorkflowMigration migration) {
		return this.system.call(() -> {
			BatchStatistics statistics = this.managementService.createBatchStatisticsQuery()
				.batchId(migration.batchId())
				.singleResult();
			if (statistics != null) {
				return migration.withProgress(new WorkflowMigration.BatchProgress(statistics.getTotalJobs(),
						statistics.getRemainingJobs(), statistics.getCompletedJobs(), statistics.getFailedJobs()),
						null);
			}
			HistoricBatch ended = this.historyService.createHistoricBatchQuery()
				.batchId(migration.batchId())
				.singleResult();
			return migration.withProgress(null,
					(ended != null && ended.getEndTime() != null) ? ended.getEndTime().toInstant() : null);
		});
	}

	private Workflow workflow(String key) {
		return this.versions.of(key)
			.orElseThrow(() -> new NotFoundException(
					"There is no workflow '" + key + "': GET /api/workflows lists the deployed ones."));
	}

	private static Workflow.Version version(Workflow workflow, int number) {
		return workflow.versions()
			.stream()
			.filter(version -> version.version() == number)
			.findFirst()
			.orElseThrow(() -> new NotFoundException(
					"Workflow " + workflow.key() + " has no version " + number + ": its versions are "
							+ workflow.versions()
								.stream()
								.map(version -> String.valueOf(version.version()))
								.collect(Collectors.joining(", "))
							+ "."));
	}

	private static void operator(CurrentUser user) {
		CreativeOpsOnly.check(user,
				"Only creative-ops move running productions to another version of a workflow: ask one of them.");
	}

	private record Plan(String key, Workflow.Version from, Workflow.Version to, List<ProcessInstance> instances,
			MigrationPlan migrationPlan, List<MigrationProblem> problems) {
	}

}
