/**
 * The routing table in dmn-js and the workflow's own forms in the form-js editor. Each
 * remembers whether the lead changed it, so a deployment sends the routing table only
 * when it was edited.
 */
import { DmnModeler, FormEditor, camundaDmnModdle } from './vendor/modeler-libraries.js';

export class RoutingTableEditor {
  constructor(container, onChange) {
    this.modeler = new DmnModeler({
      container,
      moddleExtensions: { camunda: camundaDmnModdle },
    });
    this.changed = false;
    this.name = null;
    this.modeler.on('views.changed', () => this.watchActiveView(onChange));
  }

  watchActiveView(onChange) {
    const viewer = this.modeler.getActiveViewer();
    if (viewer && !viewer.greenlightWatched) {
      viewer.greenlightWatched = true;
      viewer.on('commandStack.changed', () => {
        this.changed = true;
        onChange();
      });
    }
  }

  async open({ resourceName, content }) {
    this.name = resourceName;
    await this.modeler.importXML(content);
    // the routing table opens as the table, not as the requirements diagram
    const table = this.modeler.getViews().find((view) => view.type === 'decisionTable');
    if (table) {
      await this.modeler.open(table);
    }
    this.changed = false;
  }

  async xml() {
    return (await this.modeler.saveXML({ format: true })).xml;
  }

  current() {
    return this.name ? this.xml().then((xml) => ({ name: this.name, xml, changed: this.changed })) : null;
  }
}

export class FormsEditor {
  constructor(container, onChange) {
    this.container = container;
    this.onChange = onChange;
    this.schemas = new Map();
    this.editor = null;
    this.openName = null;
    this.edited = new Set();
  }

  /** The forms of the workflow's deployment, by file name; opens the first. */
  async load(forms) {
    this.schemas = new Map(forms.map(({ name, content }) => [name, content]));
    this.edited = new Set();
    this.openName = null;
    if (forms.length) {
      await this.show(forms[0].name);
    }
    else if (this.editor) {
      this.editor.destroy();
      this.editor = null;
    }
  }

  names() {
    return [...this.schemas.keys()];
  }

  async show(name) {
    this.keepOpenForm();
    if (this.editor) {
      this.editor.destroy();
    }
    this.editor = new FormEditor({ container: this.container });
    await this.editor.importSchema(JSON.parse(this.schemas.get(name)));
    this.openName = name;
    this.editor.on('commandStack.changed', () => {
      this.edited.add(name);
      this.onChange();
    });
  }

  // a form sent as it was deployed stays byte for byte the same
  keepOpenForm() {
    if (this.editor && this.edited.has(this.openName)) {
      this.schemas.set(this.openName, JSON.stringify(this.editor.saveSchema(), null, 2));
    }
  }

  /** Every form, the open one as edited: name → JSON. */
  all() {
    this.keepOpenForm();
    return new Map(this.schemas);
  }
}
