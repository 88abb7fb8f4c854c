package io.greenlight.security.variables;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.camunda.bpm.engine.impl.AbstractNativeQuery;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cmd.AbstractInstantiationCmd;
import org.camunda.bpm.engine.impl.cmd.FetchExternalTasksCmd;
import org.camunda.bpm.engine.impl.cmd.SetUserInfoCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionTableCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupSchedulerCmd;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An engine upgrade that adds a command carrying variables does not slip past the guard:
 * every command class in the engine that holds a map (variables are maps by name) is
 * either inspected by {@link CommandVariables} or known to carry none from a caller.
 */
class EngineCommandsTests {

	// commands that hold maps, but no variables a caller writes into a process
	private static final List<Class<?>> CARRY_NO_CALLER_VARIABLES = List.of(
			// queries and reports: their maps are query expressions and parameters
			AbstractQuery.class, AbstractNativeQuery.class,
			// instructions of a start or a modification, run inside the inspected command
			AbstractInstantiationCmd.class,
			// fetch-and-lock (topics), a user's profile info, a decision evaluated on its
			// own, the history cleanup job
			FetchExternalTasksCmd.class, SetUserInfoCmd.class, EvaluateDecisionCmd.class,
			EvaluateDecisionTableCmd.class, HistoryCleanupSchedulerCmd.class);

	// CMMN is off in Greenlight: its commands find no case definition to run
	private static final String CMMN = "org.camunda.bpm.engine.impl.cmmn.";

	@Test
	void everyEngineCommandHoldingAMapIsInspectedOrKnownToCarryNoCallerVariables() throws Exception {
		Set<String> uninspected = new TreeSet<>();
		for (Class<?> command : engineCommands()) {
			if (holdsAMap(command) && !inspected(command) && !carriesNoCallerVariables(command)) {
				uninspected.add(command.getName());
			}
		}
		assertThat(uninspected).isEmpty();
	}

	private static boolean inspected(Class<?> command) {
		return CommandVariables.inspectedTypes().stream().anyMatch(type -> type.isAssignableFrom(command));
	}

	private static boolean carriesNoCallerVariables(Class<?> command) {
		return command.getName().startsWith(CMMN)
				|| CARRY_NO_CALLER_VARIABLES.stream().anyMatch(type -> type.isAssignableFrom(command));
	}

	private static boolean holdsAMap(Class<?> command) {
		for (Class<?> type = command; type != null && type != Object.class; type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (!Modifier.isStatic(field.getModifiers()) && Map.class.isAssignableFrom(field.getType())) {
					return true;
				}
			}
		}
		return false;
	}

	private static Set<Class<?>> engineCommands() throws IOException, URISyntaxException {
		Path jar = Path.of(Command.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Set<Class<?>> commands = new HashSet<>();
		try (JarFile file = new JarFile(jar.toFile())) {
			for (JarEntry entry : Collections.list(file.entries())) {
				String name = entry.getName();
				if (name.startsWith("org/camunda/bpm/engine/impl/") && name.endsWith(".class") && !name.contains("$")) {
					Class<?> type = load(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
					if (type != null && Command.class.isAssignableFrom(type) && !type.isInterface()
							&& !Modifier.isAbstract(type.getModifiers())) {
						commands.add(type);
					}
				}
			}
		}
		return commands;
	}

	private static Class<?> load(String name) {
		try {
			return Class.forName(name, false, EngineCommandsTests.class.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			// container integrations (servlet 4, EJB) Greenlight does not run
			return null;
		}
	}

}
