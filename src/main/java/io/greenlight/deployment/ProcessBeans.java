package io.greenlight.deployment;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * The beans deployed BPMN may name: those marked {@link CallableFromProcesses}, and of
 * each only the public methods its class declares. Read from the bean definitions the
 * first time they are needed, so the engine can be configured before those beans (which
 * need the engine's services) exist.
 */
final class ProcessBeans {

	private final ListableBeanFactory beanFactory;

	private final Map<Class<?>, Boolean> callableTypes = new ConcurrentHashMap<>();

	private final Map<Class<?>, SortedSet<String>> methodsByType = new ConcurrentHashMap<>();

	private volatile SortedSet<String> names;

	ProcessBeans(ListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	/** The names of the beans an expression may use, sorted. */
	SortedSet<String> names() {
		SortedSet<String> known = this.names;
		if (known == null) {
			known = new TreeSet<>(
					Arrays.asList(this.beanFactory.getBeanNamesForAnnotation(CallableFromProcesses.class)));
			this.names = known;
		}
		return known;
	}

	boolean isCallable(String name) {
		return names().contains(name);
	}

	/** A bean of the server that processes may not use ({@code jdbcTemplate}). */
	boolean isServerBean(String name) {
		return !isCallable(name) && this.beanFactory.containsBean(name);
	}

	Object bean(String name) {
		return this.beanFactory.getBean(name);
	}

	/** The methods an expression may call on the named callable bean. */
	SortedSet<String> methods(String name) {
		return methodsOf(this.beanFactory.getType(name));
	}

	/** Whether this object is one of the beans processes may call. */
	boolean isCallableInstance(Object value) {
		return this.callableTypes.computeIfAbsent(ClassUtils.getUserClass(value),
				type -> AnnotatedElementUtils.hasAnnotation(type, CallableFromProcesses.class));
	}

	/** Whether an expression may call this method on a callable bean. */
	boolean allowsMethod(Object bean, String method) {
		return methodsOf(bean.getClass()).contains(method);
	}

	private SortedSet<String> methodsOf(Class<?> type) {
		return this.methodsByType.computeIfAbsent(ClassUtils.getUserClass(type), ProcessBeans::declaredPublicMethods);
	}

	private static SortedSet<String> declaredPublicMethods(Class<?> type) {
		SortedSet<String> methods = new TreeSet<>();
		for (Method method : type.getDeclaredMethods()) {
			int modifiers = method.getModifiers();
			if (Modifier.isPublic(modifiers) && !Modifier.isStatic(modifiers) && !method.isSynthetic()) {
				methods.add(method.getName());
			}
		}
		return methods;
	}

}
