/**
 * The workflow's diagram in bpmn-js, with the Camunda 7 properties panel that knows
 * Greenlight's blocks (element templates), and the server's problems drawn on the
 * elements they are about.
 */
import {
  BpmnModeler, BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule,
  CamundaPlatformBehaviorsModule, ElementTemplatesPropertiesProviderModule, ElementTemplateChooserModule,
  camundaBpmnModdle,
} from './vendor/modeler-libraries.js';
import { h } from '../review/dom.js';

/** "Greenlight: review stage" → "Review stage": the block's name as a step is labelled. */
export function blockName(template) {
  const name = template.name.replace(/^Greenlight: /, '');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export class BpmnEditor {
  constructor(canvas, properties, templates, onChange) {
    this.templates = templates;
    this.modeler = new BpmnModeler({
      container: canvas,
      propertiesPanel: { parent: properties },
      additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule,
        CamundaPlatformPropertiesProviderModule, CamundaPlatformBehaviorsModule,
        ElementTemplatesPropertiesProviderModule, ElementTemplateChooserModule],
      moddleExtensions: { camunda: camundaBpmnModdle },
      elementTemplates: templates,
    });
    this.changed = false;
    this.modeler.on('commandStack.changed', () => {
      this.changed = true;
      onChange();
    });
    this.problemOverlays = [];
  }

  async open(xml) {
    const { warnings } = await this.modeler.importXML(xml);
    this.fit();
    this.changed = false;
    this.problemOverlays = [];
    return warnings;
  }

  /**
   * The whole diagram in view, right of the palette, and not so small that its labels
   * cannot be read (a wide workflow then scrolls).
   */
  fit() {
    const canvas = this.modeler.get('canvas');
    const { inner, outer } = canvas.viewbox();
    if (!outer.width || !inner.width) {
      return;
    }
    const palette = 90;
    const fits = Math.min((outer.width - palette - 30) / inner.width, (outer.height - 60) / inner.height);
    const scale = Math.min(1, Math.max(0.7, fits));
    canvas.viewbox({
      x: inner.x - palette / scale,
      y: inner.y + inner.height / 2 - outer.height / scale / 2,
      width: outer.width / scale,
      height: outer.height / scale,
    });
  }

  async xml() {
    return (await this.modeler.saveXML({ format: true })).xml;
  }

  /** The id of the process the diagram holds. */
  processId() {
    return this.modeler.getDefinitions().rootElements.find((root) => root.$type === 'bpmn:Process')?.id;
  }

  /**
   * Adds the block where the lead points: onto the selected arrow; after the selected
   * step (into its way out when it has exactly one, as a new way out otherwise); after
   * the start event when nothing is selected. The rest of the diagram moves right to
   * make room. The block is selected, so its fields show in the properties panel.
   */
  addBlock(template) {
    const selection = this.modeler.get('selection');
    const registry = this.modeler.get('elementRegistry');
    const selected = selection.get()[0] || registry.filter((e) => e.type === 'bpmn:StartEvent')[0];
    const type = (template.elementType && template.elementType.value) || template.appliesTo[0];
    const shape = this.modeler.get('elementFactory').createShape({ type });
    let placed;
    if (selected && selected.type === 'bpmn:SequenceFlow') {
      placed = this.insertInto(selected, selected.source, shape);
    }
    else if (selected && !selected.waypoints && selected.type !== 'label' && selected.parent) {
      const flows = (selected.outgoing || []).filter((flow) => flow.type === 'bpmn:SequenceFlow');
      placed = flows.length === 1 ? this.insertInto(flows[0], selected, shape) : this.modeler.get('autoPlace').append(selected, shape);
    }
    else {
      throw new Error('Select a step or an arrow of the diagram first: the block is added there.');
    }
    const block = this.modeler.get('elementTemplates').applyTemplate(placed, template);
    this.modeler.get('modeling').updateProperties(block, { id: this.meaningfulId(block, template) });
    this.modeler.get('modeling').updateLabel(block, blockName(template));
    selection.select(block);
    this.modeler.get('canvas').scrollToElement(block);
    return block;
  }

  insertInto(flow, source, shape) {
    const modeling = this.modeler.get('modeling');
    const spacing = 40;
    const right = source.x + source.width;
    // room for the block with some space either side, beyond the space already there
    const needed = shape.width + 2 * spacing - (flow.target.x - right);
    if (needed > 0) {
      const shapes = this.modeler.get('elementRegistry')
        .filter((e) => e.parent === source.parent && !e.waypoints && e.type !== 'label' && e.x >= right);
      // each shape's label moves with it, or "Delivered" would stay behind
      modeling.createSpace(shapes.flatMap((e) => [e, ...(e.labels || [])]), [], { x: needed, y: 0 }, 'e', right);
    }
    const middle = { x: right + spacing + shape.width / 2, y: source.y + source.height / 2 };
    // created on the flow, bpmn-js splits the flow around it
    const created = modeling.createShape(shape, middle, flow);
    [...created.incoming, ...created.outgoing].forEach((connection) => this.centreLabel(connection));
    return created;
  }

  // a flow's name ("approved") over the middle of its line, not over the new block
  centreLabel(connection) {
    const label = connection.label;
    const points = connection.waypoints;
    if (!label || !points || points.length < 2) {
      return;
    }
    const half = Math.floor((points.length - 1) / 2);
    const [a, b] = [points[half], points[half + 1]];
    const target = { x: (a.x + b.x) / 2 - label.width / 2, y: Math.min(a.y, b.y) - label.height - 6 };
    this.modeler.get('modeling').moveShape(label, { x: target.x - label.x, y: target.y - label.y });
  }

  /**
   * An id that says what the step is, as the shipped workflows' do
   * (CallActivity_ReviewStage, then CallActivity_ReviewStage2), not a random one.
   */
  meaningfulId(element, template) {
    const kind = element.type.replace(/^bpmn:/, '');
    const base = `${kind}_${blockName(template).replace(/[^A-Za-z0-9]+(.)?/g, (m, c) => (c ? c.toUpperCase() : ''))}`;
    const registry = this.modeler.get('elementRegistry');
    let id = base;
    for (let n = 2; registry.get(id) && registry.get(id) !== element; n++) {
      id = `${base}${n}`;
    }
    return id;
  }

  /** Marks each element with its problems; returns the ids not found in the diagram. */
  showProblems(onElements) {
    this.clearProblems();
    const registry = this.modeler.get('elementRegistry');
    const overlays = this.modeler.get('overlays');
    const canvas = this.modeler.get('canvas');
    const missing = [];
    for (const [elementId, messages] of onElements) {
      const element = registry.get(elementId);
      if (!element) {
        missing.push(elementId);
        continue;
      }
      canvas.addMarker(element, 'gl-has-problem');
      const badge = h('div', { class: 'gl-problem-badge', title: messages.join('\n'), text: String(messages.length) });
      badge.setAttribute('role', 'img');
      badge.setAttribute('aria-label', `${messages.length} problem(s): ${messages.join(' ')}`);
      this.problemOverlays.push({ element, id: overlays.add(element, 'gl-problem', { position: { top: -10, right: 10 }, html: badge }) });
    }
    return missing;
  }

  clearProblems() {
    const overlays = this.modeler.get('overlays');
    const canvas = this.modeler.get('canvas');
    for (const { element, id } of this.problemOverlays) {
      overlays.remove(id);
      canvas.removeMarker(element, 'gl-has-problem');
    }
    this.problemOverlays = [];
  }

  /** Scrolls the element into view, when it is not. */
  scrollTo(elementId) {
    const element = this.modeler.get('elementRegistry').get(elementId);
    if (element) {
      this.modeler.get('canvas').scrollToElement(element);
    }
  }

  /** Selects the element and scrolls it into view. */
  reveal(elementId) {
    const element = this.modeler.get('elementRegistry').get(elementId);
    if (element) {
      this.modeler.get('selection').select(element);
      this.modeler.get('canvas').scrollToElement(element);
    }
  }
}
