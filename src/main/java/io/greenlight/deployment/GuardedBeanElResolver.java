package io.greenlight.deployment;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;

/**
 * The engine's property and method access on objects, read-only and limited to what
 * {@link AllowedMembers} lists and to the declared methods of the beans marked
 * {@link CallableFromProcesses}. This is the run-time half of the sandbox: an expression
 * that reached the engine some other way than a checked deployment (an earlier
 * deployment, a property name held in a variable, a Tasklist filter) still cannot reach
 * reflection, the engine's services or any other object's methods.
 */
final class GuardedBeanElResolver extends BeanELResolver {

	private final ProcessBeans beans;

	GuardedBeanElResolver(ProcessBeans beans) {
		super(true);
		this.beans = beans;
	}

	@Override
	public Object getValue(ELContext context, Object base, Object property) {
		if (base != null) {
			String name = String.valueOf(property);
			boolean allowed = !this.beans.isCallableInstance(base)
					&& AllowedMembers.of(base).map(kind -> kind.allowsProperty(name)).orElse(false);
			if (!allowed) {
				throw refused("read '" + name + "'", base);
			}
		}
		return super.getValue(context, base, property);
	}

	@Override
	public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
		if (base != null) {
			String name = String.valueOf(method);
			if (!allowsCall(context, base, name)) {
				throw refused("call '" + name + "'", base);
			}
		}
		return super.invoke(context, base, method, paramTypes, params);
	}

	private boolean allowsCall(ELContext context, Object base, String method) {
		if (this.beans.isCallableInstance(base)) {
			// Greenlight's beans act on the process they are called from, and only there
			return context.getContext(VariableScope.class) != null && this.beans.allowsMethod(base, method);
		}
		Optional<AllowedMembers> kind = AllowedMembers.of(base);
		return kind.isPresent() && kind.get().allowsMethod(method);
	}

	private static ELException refused(String what, Object base) {
		return new ELException("Greenlight does not let process expressions " + what + " on "
				+ base.getClass().getName() + " (docs/workflows.md lists what they may use)");
	}

}
