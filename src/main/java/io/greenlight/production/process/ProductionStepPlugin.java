package io.greenlight.production.process;

import java.util.List;

import io.greenlight.production.process.CreativeProductionProcess.Var;
import io.greenlight.system.PostParseListeners;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A user task with a {@code productionStage} input is a step of a production: on its
 * creation {@link AssetTaskListener} moves the asset to that stage and names the task
 * after the asset and version. Element templates cannot add task listeners, so a workflow
 * built from Greenlight's blocks in Camunda Modeler gets it from here; a task that
 * declares the listener itself (the shipped workflow) keeps only its own.
 */
@Component
class ProductionStepPlugin extends AbstractProcessEnginePlugin {

	private static final String DECLARED = "${assetTaskListener}";

	// the listener needs the asset service, which must not make the engine wait
	private final ObjectProvider<AssetTaskListener> listener;

	ProductionStepPlugin(ObjectProvider<AssetTaskListener> listener) {
		this.listener = listener;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		PostParseListeners.onUserTasks(configuration, (element, task) -> {
			if (isProductionStep(element) && !declaresTheListener(task)) {
				task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
						delegate -> this.listener.getObject().notify(delegate));
			}
		});
	}

	// read from the XML: the engine parses a task's input mappings after the
	// listeners ran
	private static boolean isProductionStep(Element userTask) {
		Element extensions = userTask.element("extensionElements");
		Element inputOutput = (extensions != null)
				? extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "inputOutput") : null;
		return inputOutput != null && inputOutput.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "inputParameter")
			.stream()
			.anyMatch(input -> Var.PRODUCTION_STAGE.equals(input.attribute("name")));
	}

	private static boolean declaresTheListener(TaskDefinition task) {
		List<TaskListener> declared = task.getTaskListenersForEvent(TaskListener.EVENTNAME_CREATE);
		return declared != null && declared.stream()
			.anyMatch(listener -> listener instanceof DelegateExpressionTaskListener expression
					&& DECLARED.equals(expression.getExpressionText()));
	}

}
