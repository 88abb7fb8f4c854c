package io.greenlight.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Work on every user task (or call activity) of every BPMN the engine parses, after the
 * engine's own parsing (built-in listeners, which no BPMN can leave out), keeping what
 * other plugins added.
 */
public final class PostParseListeners {

	private PostParseListeners() {
	}

	/** {@code action} gets each user task's XML element and its task definition. */
	public static void onUserTasks(ProcessEngineConfigurationImpl configuration,
			BiConsumer<Element, TaskDefinition> action) {
		add(configuration, new AbstractBpmnParseListener() {

			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				action.accept(userTaskElement,
						((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition());
			}

		});
	}

	/** {@code action} gets each call activity's XML element. */
	public static void onCallActivities(ProcessEngineConfigurationImpl configuration, Consumer<Element> action) {
		add(configuration, new AbstractBpmnParseListener() {

			@Override
			public void parseCallActivity(Element callActivityElement, ScopeImpl scope, ActivityImpl activity) {
				action.accept(callActivityElement);
			}

		});
	}

	private static void add(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
		List<BpmnParseListener> listeners = new ArrayList<>();
		if (configuration.getCustomPostBPMNParseListeners() != null) {
			listeners.addAll(configuration.getCustomPostBPMNParseListeners());
		}
		listeners.add(listener);
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

}
