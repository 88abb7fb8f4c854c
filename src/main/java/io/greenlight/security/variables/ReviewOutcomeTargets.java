package io.greenlight.security.variables;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.greenlight.approval.process.StakeholderReviewProcess;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * The variables review stages hand their outcome to ({@code camunda:out} targets of call
 * activities calling StakeholderReviewProcess: {@code legalOutcome},
 * {@code brandOutcome}): only the stage writes them, so they are server-set like
 * {@code reviewOutcome}, in every process.
 * <p>
 * Learnt from the deployed models as the engine parses them, on each node: the deployment
 * cache parses a definition on first use, and {@link #catchUp} has it parse every
 * deployment this node has not seen before a caller's variables are checked, so a
 * workflow another node deployed is covered too. Names are never forgotten: a name a
 * later version no longer uses stays refused, which only errs on the safe side. The
 * deployment guard checks each target with {@link #of} before any of it is parsed.
 */
public final class ReviewOutcomeTargets {

	private static final String CAMUNDA = BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS;

	private static final int PAGE = 500;

	/**
	 * What an outcome variable may be called: a name ending in {@code Outcome}, which no
	 * form field of Greenlight's has, so a stage's outcome can never take a name that
	 * callers send (a stage handing its outcome to {@code decision} would refuse every
	 * reviewer's decision).
	 */
	public static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]*Outcome");

	private final Set<String> names = ConcurrentHashMap.newKeySet();

	private final Set<String> seenDeployments = ConcurrentHashMap.newKeySet();

	/** Whether a variable of that name could be a review stage's outcome variable. */
	static boolean couldBe(String name) {
		return NAME.matcher(name).matches();
	}

	/**
	 * Called by the parse listener with each call activity the engine parses. Only names
	 * the deployment guard allows are learnt, should a model ever be parsed without it.
	 */
	void parsed(Element callActivity) {
		of(callActivity).stream().filter(ReviewOutcomeTargets::couldBe).forEach(this.names::add);
	}

	/**
	 * The {@code camunda:out} targets of a call activity, if it calls
	 * StakeholderReviewProcess; none otherwise.
	 */
	public static List<String> of(Element callActivity) {
		Element extensions = callActivity.element("extensionElements");
		if (!StakeholderReviewProcess.PROCESS_ID.equals(callActivity.attribute("calledElement"))
				|| extensions == null) {
			return List.of();
		}
		return extensions.elements()
			.stream()
			.filter(element -> CAMUNDA.equals(element.getUri()) && "out".equals(element.getTagName()))
			.map(out -> out.attribute("target"))
			.filter(target -> target != null && !target.isBlank())
			.toList();
	}

	/** Forgets all it learnt: a node that has parsed nothing yet, for the tests. */
	void forget() {
		this.names.clear();
		this.seenDeployments.clear();
	}

	/** The outcome variables among these names, sorted. */
	SortedSet<String> among(Collection<String> candidates) {
		SortedSet<String> found = new TreeSet<>(candidates);
		found.retainAll(this.names);
		return found;
	}

	/**
	 * Parses, through the engine's deployment cache, every process definition of a
	 * deployment this node has not seen yet. Runs as the engine itself (no authorization
	 * or tenant check): the caller's rights have no bearing on what is server-set.
	 */
	void catchUp(ProcessEngineConfigurationImpl configuration) {
		RepositoryService repository = configuration.getRepositoryService();
		configuration.getCommandExecutorTxRequired().execute(context -> {
			asEngine(context, () -> {
				if (repository.createDeploymentQuery().count() == this.seenDeployments.size()) {
					return;
				}
				List<String> deployments = new ArrayList<>();
				// in pages: the engine refuses unbounded lists while a user is signed in
				pages(repository.createDeploymentQuery()).forEach(deployment -> deployments.add(deployment.getId()));
				for (ProcessDefinition definition : pages(repository.createProcessDefinitionQuery())) {
					if (!this.seenDeployments.contains(definition.getDeploymentId())) {
						configuration.getDeploymentCache().findDeployedProcessDefinitionById(definition.getId());
					}
				}
				this.seenDeployments.retainAll(deployments);
				this.seenDeployments.addAll(deployments);
			});
			return null;
		});
	}

	private static <T> List<T> pages(Query<?, T> query) {
		List<T> all = new ArrayList<>();
		List<T> page;
		do {
			page = query.listPage(all.size(), PAGE);
			all.addAll(page);
		}
		while (page.size() == PAGE);
		return all;
	}

	private static void asEngine(CommandContext context, Runnable work) {
		boolean authorization = context.isAuthorizationCheckEnabled();
		boolean tenants = context.isTenantCheckEnabled();
		context.disableAuthorizationCheck();
		context.disableTenantCheck();
		try {
			work.run();
		}
		finally {
			if (authorization) {
				context.enableAuthorizationCheck();
			}
			if (tenants) {
				context.enableTenantCheck();
			}
		}
	}

}
