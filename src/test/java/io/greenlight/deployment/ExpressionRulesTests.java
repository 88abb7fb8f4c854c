package io.greenlight.deployment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grammar of deployed expressions, without the engine: what a creative-ops lead may
 * write, and what each refusal tells them.
 */
class ExpressionRulesTests {

	private final ExpressionRules rules;

	ExpressionRulesTests() {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("projectTeam", new Team());
		beans.addBean("jdbcTemplate", new Object());
		this.rules = new ExpressionRules(new ProcessBeans(beans));
	}

	@ParameterizedTest
	@ValueSource(strings = { "${projectTeam}", "${projectTeam.producers(execution)}", "#{execution.processBusinessKey}",
			"${decisionResult.getSingleResult().reviewerRole}", "${reviewOutcome == 'CHANGES_REQUESTED'}",
			"${!stageConflict}", "${dateTime().plusDays(2).toDate()}", "${now()}", "${currentUser()}",
			"${execution.getVariable('budget') > 1000 and empty reviewers}", "Review ${title} v${versionNumber}",
			"${task.execution.processBusinessKey}", "${reviewers.size() > 1 ? reviewers[0] : 'nobody'}",
			"${items[loopCounter]}", "${brief['title']}", "plain text, no expression", "\\${escaped} is text" })
	void whatWorkflowsUseIsAllowed(String expression) {
		assertThat(this.rules.refusals(expression)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					${jdbcTemplate.queryForList('select * from ACT_ID_USER')} | 'jdbcTemplate' is a part of the server that processes may not use; they call only Greenlight's process beans, listed in docs/workflows.md
					${execution.getProcessEngineServices().getIdentityService()} | 'getProcessEngineServices()' is not a method processes may call on execution
					${execution.processEngineServices.identityService} | 'processEngineServices' is not something processes may read on execution
					${task.processEngine} | 'processEngine' is not something processes may read on task
					${execution['processEngineServices']} | 'processEngineServices' is not something processes may read on execution
					${execution['processEngine'.concat('Services')]} | 'concat()' is not a method processes may call
					${title.class.classLoader} | 'class' is not something processes may read
					${''.getClass().forName('java.lang.Runtime')} | 'getClass()' is not a method processes may call; 'forName()' is not a method processes may call
					${projectTeam.producers(execution).getClass()} | 'getClass()' is not a method processes may call
					${projectTeam.repository} | 'projectTeam.repository': beans offer methods to processes, not properties
					${projectTeam.toString()} | 'projectTeam.toString()': projectTeam offers processes makers, producers
					${exec('rm -rf /')} | function 'exec' is not available to processes
					${fn:exec('rm -rf /')} | function 'fn:exec' is not available to processes
					${title += 'x'} | it is not a valid expression
					${unclosed | it is not a valid expression
					""")
	void whatCouldRunCodeIsRefusedSayingWhy(String expression, String refusal) {
		assertThat(String.join("; ", this.rules.refusals(expression))).contains(refusal);
	}

	@CallableFromProcesses
	static class Team {

		public String producers(DelegateExecution execution) {
			return "producer";
		}

		public String makers(DelegateExecution execution) {
			return "creative";
		}

	}

}
