package io.greenlight.deployment;

import java.beans.FeatureDescriptor;
import java.util.Collections;
import java.util.Iterator;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;

/**
 * Resolves a name in an expression to a bean only when the bean is marked
 * {@link CallableFromProcesses} and the expression runs inside a process (it has an
 * execution or a task). Every other bean of the server stays out of reach, and so do
 * Greenlight's own beans for expressions without a process, such as a Tasklist filter's.
 */
final class ProcessBeanElResolver extends ELResolver {

	private final ProcessBeans beans;

	ProcessBeanElResolver(ProcessBeans beans) {
		this.beans = beans;
	}

	@Override
	public Object getValue(ELContext context, Object base, Object property) {
		if (isProcessBean(context, base, property)) {
			context.setPropertyResolved(true);
			return this.beans.bean((String) property);
		}
		return null;
	}

	@Override
	public Class<?> getType(ELContext context, Object base, Object property) {
		return null;
	}

	@Override
	public void setValue(ELContext context, Object base, Object property, Object value) {
		if (isProcessBean(context, base, property)) {
			throw new PropertyNotWritableException("'" + property + "' is a Greenlight bean and cannot be assigned");
		}
	}

	@Override
	public boolean isReadOnly(ELContext context, Object base, Object property) {
		return true;
	}

	@Override
	public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
		return Collections.emptyIterator();
	}

	@Override
	public Class<?> getCommonPropertyType(ELContext context, Object base) {
		return (base != null) ? null : String.class;
	}

	private boolean isProcessBean(ELContext context, Object base, Object property) {
		return base == null && property instanceof String name && context.getContext(VariableScope.class) != null
				&& this.beans.isCallable(name);
	}

}
