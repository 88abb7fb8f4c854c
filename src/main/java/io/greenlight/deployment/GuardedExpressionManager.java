package io.greenlight.deployment;

import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;

/**
 * The engine's expression manager with a smaller world than Spring's: an expression sees
 * the execution or task it runs in and their variables, the beans marked
 * {@link CallableFromProcesses}, and maps, lists and arrays read-only; property and
 * method access on everything else goes through {@link GuardedBeanElResolver}. Spring's
 * version resolves every bean of the application context, and Camunda's adds test mocks
 * and process-application beans; Greenlight has neither.
 */
final class GuardedExpressionManager extends JuelExpressionManager {

	private final ProcessBeans beans;

	GuardedExpressionManager(ProcessBeans beans) {
		this.beans = beans;
	}

	@Override
	protected ELResolver createElResolver() {
		CompositeELResolver resolver = new CompositeELResolver();
		resolver.add(new VariableScopeElResolver());
		resolver.add(new VariableContextElResolver());
		resolver.add(new ProcessBeanElResolver(this.beans));
		resolver.add(new ArrayELResolver(true));
		resolver.add(new ListELResolver(true));
		resolver.add(new MapELResolver(true));
		resolver.add(new GuardedBeanElResolver(this.beans));
		return resolver;
	}

}
