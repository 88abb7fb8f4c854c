package io.greenlight.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.SubProcessBuilder;

/**
 * The baseline: a plain Camunda engine in the same JVM on a database of its own (a schema
 * of the test database on PostgreSQL, an in-memory database on H2), running the same
 * chain of user tasks and gateways as Greenlight's production (approve brief, produce
 * version, a called review process per stage with the reviews as a parallel
 * multi-instance user task, asynchronous after each review, the review sub-process with
 * its four reminder and escalation timers, an asynchronous notification step before the
 * end) with none of Greenlight's delegates or listeners. History level full, like
 * Greenlight; authorization checks off (Greenlight has them on); a job executor sized
 * like Greenlight's in the tests (2 to 4 threads, 200 ms to 1 s waits).
 */
final class BareEngine implements AutoCloseable {

	static final String PROCESS = "BareProductionProcess";

	private static final String REVIEW_PROCESS = "BareReviewProcess";

	private static final String SCHEMA = "bare_engine";

	private final HikariDataSource pool;

	private final ProcessEngine engine;

	private final boolean postgres;

	private final Admin admin;

	private BareEngine(HikariDataSource pool, ProcessEngine engine, boolean postgres, Admin admin) {
		this.pool = pool;
		this.engine = engine;
		this.postgres = postgres;
		this.admin = admin;
	}

	/**
	 * @param serverUrl the JDBC URL of the server's own database: on PostgreSQL the bare
	 * engine gets a schema of it
	 */
	static BareEngine start(String serverUrl, String user, String password, SqlCount sql) throws SQLException {
		boolean postgres = serverUrl.startsWith("jdbc:postgresql:");
		HikariDataSource pool = new HikariDataSource();
		pool.setPoolName("bare-engine");
		pool.setMaximumPoolSize(20);
		if (postgres) {
			Admin admin = new Admin(serverUrl, user, password);
			admin.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
			admin.execute("CREATE SCHEMA " + SCHEMA);
			pool.setJdbcUrl(serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
			pool.setUsername(user);
			pool.setPassword(password);
		}
		else {
			pool.setJdbcUrl("jdbc:h2:mem:bare-engine;DB_CLOSE_DELAY=-1");
			pool.setUsername("sa");
			pool.setPassword("");
		}
		ProcessEngine engine = configuration(sql.wrap(pool), postgres).buildProcessEngine();
		engine.getRepositoryService()
			.createDeployment()
			.name("bare production chain")
			.addModelInstance(PROCESS + ".bpmn", production())
			.addModelInstance(REVIEW_PROCESS + ".bpmn", review())
			.deploy();
		return new BareEngine(pool, engine, postgres, new Admin(serverUrl, user, password));
	}

	private static StandaloneProcessEngineConfiguration configuration(DataSource dataSource, boolean postgres) {
		StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
		configuration.setProcessEngineName("bare");
		configuration.setDataSource(dataSource);
		configuration.setDatabaseSchemaUpdate("true");
		if (postgres) {
			// the existence check of the engine's tables looks in this schema only (the
			// server's own engine tables are in public); the engine wants the prefix too,
			// and creates its tables in the connection's current schema
			configuration.setDatabaseSchema(SCHEMA);
			configuration.setDatabaseTablePrefix(SCHEMA + ".");
		}
		configuration.setHistory("full");
		configuration.setAuthorizationEnabled(false);
		configuration.setBeans(new HashMap<>(Map.of("lists", new Lists())));
		DefaultJobExecutor jobs = new DefaultJobExecutor();
		jobs.setCorePoolSize(2);
		jobs.setMaxPoolSize(4);
		jobs.setQueueSize(8);
		jobs.setWaitTimeInMillis(200);
		jobs.setMaxWait(1000);
		configuration.setJobExecutor(jobs);
		configuration.setJobExecutorActivate(true);
		return configuration;
	}

	ProcessEngine engine() {
		return this.engine;
	}

	/** The chain on the bare engine: every step is one call of its Java API. */
	Chain chain() {
		return new Chain() {

			@Override
			public String name() {
				return "bare engine";
			}

			@Override
			public Production start(String title) {
				String key = "BARE-" + UUID.randomUUID();
				Map<String, Object> variables = new HashMap<>();
				variables.put("briefTitle", title);
				variables.put("internalReviewers", "reviewer1,reviewer2");
				variables.put("clientReviewers", "client");
				variables.put("decisionRule", "ALL");
				variables.put("stageDueAt", Date.from(Instant.now().plus(30, ChronoUnit.DAYS)));
				BareEngine.this.engine.getRuntimeService().startProcessInstanceByKey(PROCESS, key, variables);
				return new Production(key, null);
			}

			@Override
			public void approveBrief(Production production) {
				claimAndComplete(production.key, "UserTask_ApproveBrief", "producer",
						Map.of("briefDecision", "APPROVED"));
			}

			@Override
			public void produceVersion(Production production) {
				claimAndComplete(production.key, "UserTask_ProduceVersion", "creative",
						Map.of("versionNote", "First cut"));
			}

			@Override
			public Runnable decision(Production production, String reviewer) {
				String task = awaitTask(production.key, "UserTask_ReviewAsset", reviewer);
				// the variables Tasklist's review form sends
				return () -> BareEngine.this.engine.getTaskService()
					.complete(task, Map.of("decision", "APPROVED", "decisionComment", "Looks good"));
			}

			@Override
			public ProcessEngine engine() {
				return BareEngine.this.engine;
			}

		};
	}

	private void claimAndComplete(String key, String activity, String user, Map<String, Object> variables) {
		String task = awaitTask(key, activity, null);
		this.engine.getTaskService().claim(task, user);
		this.engine.getTaskService().complete(task, variables);
	}

	private String awaitTask(String key, String activity, String assignee) {
		return Waiting.until(() -> {
			var query = this.engine.getTaskService()
				.createTaskQuery()
				.processInstanceBusinessKey(key)
				.taskDefinitionKey(activity);
			List<Task> found = ((assignee != null) ? query.taskAssignee(assignee) : query).list();
			return found.isEmpty() ? null : found.get(0).getId();
		});
	}

	@Override
	public void close() throws SQLException {
		this.engine.close();
		this.pool.close();
		if (this.postgres) {
			this.admin.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
		}
	}

	/**
	 * Greenlight's production without its delegates: the registration and routing service
	 * tasks are left out, the stage's reviewers come as variables.
	 */
	private static BpmnModelInstance production() {
		return Bpmn.createExecutableProcess(PROCESS)
			.camundaHistoryTimeToLive(180)
			.startEvent("StartEvent_BriefSubmitted")
			.userTask("UserTask_ApproveBrief")
			.camundaCandidateUsers("producer")
			.exclusiveGateway("Gateway_BriefApproved")
			.condition("returned", "${briefDecision == 'RETURNED'}")
			.endEvent("EndEvent_BriefReturned")
			.moveToNode("Gateway_BriefApproved")
			.condition("approved", "${briefDecision == 'APPROVED'}")
			.exclusiveGateway("Gateway_ReadyToProduce")
			.userTask("UserTask_ProduceVersion")
			.camundaCandidateUsers("creative")
			.callActivity("CallActivity_InternalReview")
			.calledElement(REVIEW_PROCESS)
			.camundaInBusinessKey("#{execution.processBusinessKey}")
			.camundaIn("internalReviewers", "reviewers")
			.camundaIn("decisionRule", "decisionRule")
			.camundaIn("stageDueAt", "stageDueAt")
			.camundaOut("reviewOutcome", "reviewOutcome")
			.exclusiveGateway("Gateway_InternalReviewOutcome")
			.condition("changes requested", "${reviewOutcome == 'CHANGES_REQUESTED'}")
			.endEvent("EndEvent_InternalChangesRequested")
			.moveToNode("Gateway_InternalReviewOutcome")
			.condition("approved", "${reviewOutcome != 'CHANGES_REQUESTED'}")
			.callActivity("CallActivity_ClientReview")
			.calledElement(REVIEW_PROCESS)
			.camundaInBusinessKey("#{execution.processBusinessKey}")
			.camundaIn("clientReviewers", "reviewers")
			.camundaIn("decisionRule", "decisionRule")
			.camundaIn("stageDueAt", "stageDueAt")
			.camundaOut("reviewOutcome", "reviewOutcome")
			.exclusiveGateway("Gateway_ClientReviewOutcome")
			.condition("changes requested", "${reviewOutcome == 'CHANGES_REQUESTED'}")
			.endEvent("EndEvent_ClientChangesRequested")
			.moveToNode("Gateway_ClientReviewOutcome")
			.condition("approved", "${reviewOutcome != 'CHANGES_REQUESTED'}")
			// Greenlight's asynchronous "Notify asset delivered", doing nothing
			.serviceTask("ServiceTask_NotifyAssetDelivered")
			.camundaAsyncBefore()
			.camundaExpression("${null}")
			.endEvent("EndEvent_Delivered")
			.done();
	}

	/**
	 * Greenlight's stakeholder review: the side-by-side path, its timers, no delegates.
	 */
	private static BpmnModelInstance review() {
		SubProcessBuilder reviews = Bpmn.createExecutableProcess(REVIEW_PROCESS)
			.camundaHistoryTimeToLive(180)
			.startEvent("StartEvent_StageOpened")
			.subProcess("SubProcess_Reviews");
		reviews.embeddedSubProcess()
			.startEvent("StartEvent_ReviewsStarted")
			.exclusiveGateway("Gateway_InTurn")
			.condition("side by side", "${decisionRule != 'SEQUENTIAL'}")
			.userTask("UserTask_ReviewAsset")
			.camundaAssignee("${reviewer}")
			.camundaDueDate("${stageDueAt}")
			.camundaInputParameter("decision", "${null}")
			.camundaInputParameter("decisionComment", "${null}")
			.multiInstance()
			.parallel()
			.camundaAsyncAfter()
			.camundaCollection("${lists.of(reviewers)}")
			.camundaElementVariable("reviewer")
			.completionCondition("${nrOfCompletedInstances == nrOfInstances}")
			.multiInstanceDone()
			.exclusiveGateway("Gateway_ReviewsDone")
			.endEvent("EndEvent_ReviewsDone")
			.moveToNode("Gateway_InTurn")
			.condition("sequential", "${decisionRule == 'SEQUENTIAL'}")
			.userTask("UserTask_ReviewAssetInTurn")
			.camundaAssignee("${reviewer}")
			.camundaDueDate("${stageDueAt}")
			.multiInstance()
			.sequential()
			.camundaAsyncAfter()
			.camundaCollection("${lists.of(reviewers)}")
			.camundaElementVariable("reviewer")
			.multiInstanceDone()
			.connectTo("Gateway_ReviewsDone");
		for (String timer : List.of("ReminderBeforeDue", "ReviewDue", "ReminderAfterDue", "ReviewOverdue")) {
			reviews.boundaryEvent("BoundaryEvent_" + timer)
				.cancelActivity(false)
				.timerWithDate("${stageDueAt}")
				.endEvent("EndEvent_" + timer);
		}
		return reviews.moveToActivity("SubProcess_Reviews").endEvent("EndEvent_StageSettled").done();
	}

	/** The server's database, reached outside any pool to create and drop the schema. */
	private record Admin(String url, String user, String password) {

		void execute(String sql) throws SQLException {
			try (Connection connection = DriverManager.getConnection(this.url, this.user, this.password);
					Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
		}

	}

	/** The stage's reviewers, kept as one text variable, as a list for the loop. */
	public static final class Lists {

		public List<String> of(String csv) {
			return List.of(csv.split(","));
		}

	}

}
