// What Greenlight's web modeler takes from bpmn.io, as one ES module
// (decision 0018). The page's own modules import from the bundle built from this.
export { default as BpmnModeler } from 'bpmn-js/lib/Modeler';
export {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule
} from 'bpmn-js-properties-panel';
export { ElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
export { default as ElementTemplateChooserModule } from '@bpmn-io/element-template-chooser';
export { default as CamundaPlatformBehaviorsModule } from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
export { default as camundaBpmnModdle } from 'camunda-bpmn-moddle/resources/camunda.json';
export { default as DmnModeler } from 'dmn-js/lib/Modeler';
export { default as camundaDmnModdle } from 'camunda-dmn-moddle/resources/camunda.json';
export { FormEditor } from '@bpmn-io/form-js-editor';
