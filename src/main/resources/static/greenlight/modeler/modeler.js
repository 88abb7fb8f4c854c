/**
 * The web modeler: open a deployed workflow (or start a new one), edit its diagram with
 * Greenlight's blocks, its routing table and its forms, check it against the rules the
 * server applies at deployment (problems shown on the elements), deploy it, and move the
 * running productions to the new version.
 */
import { ApiError, getJson, postJson } from '../review/api.js';
import { byId, fill, h } from '../review/dom.js';
import { BpmnEditor, blockName } from './bpmn-editor.js';
import { emptyWorkflow, formIdOf, formIdsIn, processId, resourcesToDeploy, sortProblems } from './diagrams.js';
import { FormsEditor, RoutingTableEditor } from './table-and-forms.js';
import { VersionsPanel } from './versions.js';

const ROUTING_TABLE = 'ReviewRoutingDecision';
const page = byId('modeler-page');

function alert(message) {
  fill(byId('alert-text'), message);
  byId('alert').hidden = !message;
}
byId('alert-close').addEventListener('click', () => alert(null));

function status(text) {
  fill(byId('status'), text);
}

const state = { key: null, bpmnName: null, workflows: [] };

function changed() {
  status('Changed, not deployed');
}

const templates = await getJson('/api/element-templates');
const bpmn = new BpmnEditor(byId('bpmn-canvas'), byId('bpmn-properties'), templates, changed);
const table = new RoutingTableEditor(byId('dmn-canvas'), changed);
const forms = new FormsEditor(byId('form-canvas'), changed);
const versions = new VersionsPanel(alert);

// ---- tabs

const tabs = ['bpmn', 'dmn', 'form', 'versions'];
function showTab(name) {
  for (const tab of tabs) {
    byId(`tab-${tab}`).setAttribute('aria-selected', String(tab === name));
    byId(`${tab}-editor`).hidden = tab !== name;
  }
  if (name === 'bpmn') {
    bpmn.fit();
  }
}
for (const tab of tabs) {
  byId(`tab-${tab}`).addEventListener('click', () => showTab(tab));
}

// ---- blocks

fill(byId('block-list'), templates.map((template) => h('li', null,
  h('button', {
    type: 'button', class: 'block', 'data-template': template.id, title: template.description || template.name,
    onclick: () => {
      try {
        showTab('bpmn');
        bpmn.addBlock(template);
        alert(null);
      }
      catch (failure) {
        alert(failure.message);
      }
    },
  }, h('span', { class: 'block-name', text: blockName(template) }),
  template.description ? h('span', { class: 'block-description', text: template.description }) : null))));

// ---- workflows

async function loadWorkflows() {
  state.workflows = await getJson('/api/workflows');
  fill(byId('workflow-list'), state.workflows.map((workflow) => h('li', null,
    h('button', {
      type: 'button', class: 'workflow', 'data-key': workflow.key,
      'aria-current': workflow.key === state.key ? 'true' : null,
      onclick: () => run(() => openWorkflow(workflow.key)),
    }, h('span', { class: 'workflow-name', text: workflow.name || workflow.key }),
    h('span', { class: 'muted', text: `${workflow.key} · v${workflow.versions[0].version} · ${running(workflow)} running` })))));
}

function running(workflow) {
  return workflow.versions.reduce((sum, version) => sum + version.running, 0);
}

function markCurrent() {
  for (const button of document.querySelectorAll('#workflow-list .workflow')) {
    button.setAttribute('aria-current', String(button.dataset.key === state.key));
  }
}

async function openWorkflow(key) {
  const source = await getJson(`/api/workflows/${encodeURIComponent(key)}/source`);
  const diagram = source.resources.find((resource) => resource.type === 'bpmn' && resource.content.includes(`id="${key}"`))
    || source.resources.find((resource) => resource.type === 'bpmn');
  showTab('bpmn');
  await bpmn.open(diagram.content);
  // the forms of this workflow; its deployment may hold another workflow's too
  const named = formIdsIn(diagram.content);
  await forms.load(source.resources.filter((resource) => resource.type === 'form' && named.includes(formIdOf(resource.content))));
  state.key = key;
  state.bpmnName = diagram.name;
  fill(byId('editing-title'), source.name || key);
  fill(byId('editing-version'), `${key} · deployed as v${source.version}`);
  showForms();
  showProblems([]);
  status('');
  enableActions();
  markCurrent();
  await versions.show(state.workflows.find((workflow) => workflow.key === key) || null);
}

function showForms() {
  const names = forms.names();
  byId('form-none').hidden = names.length > 0;
  byId('form-choice').hidden = names.length === 0;
  fill(byId('form-choice'), names.map((name) => h('option', { value: name, text: name })));
}
byId('form-choice').addEventListener('change', (event) => run(() => forms.show(event.target.value)));

async function openRoutingTable() {
  try {
    await table.open(await getJson(`/api/decisions/${ROUTING_TABLE}/source`));
  }
  catch (failure) {
    if (!(failure instanceof ApiError && failure.status === 404)) {
      throw failure;
    }
  }
}

// ---- a new workflow

const dialog = byId('new-workflow-dialog');
byId('new-workflow').addEventListener('click', () => {
  byId('new-workflow-name').value = '';
  fill(byId('new-workflow-id'), '…');
  dialog.showModal();
});
byId('new-workflow-name').addEventListener('input', (event) => {
  fill(byId('new-workflow-id'), processId(event.target.value) || 'start the name with a letter');
});
dialog.addEventListener('close', () => {
  const name = byId('new-workflow-name').value.trim();
  const id = processId(name);
  if (dialog.returnValue !== 'create' || !id) {
    return;
  }
  if (state.workflows.some((workflow) => workflow.key === id)) {
    alert(`There is already a workflow ${id}: open it from the list, or choose another name.`);
    return;
  }
  run(async () => {
    showTab('bpmn');
    await bpmn.open(emptyWorkflow(id, name));
    await forms.load([]);
    state.key = id;
    state.bpmnName = `${id}.bpmn`;
    fill(byId('editing-title'), name);
    fill(byId('editing-version'), `${id} · not deployed yet`);
    showForms();
    showProblems([]);
    enableActions();
    markCurrent();
    await versions.show(null);
    status('New, not deployed');
  });
});

// ---- check and deploy

function enableActions() {
  byId('check').disabled = false;
  byId('deploy').disabled = false;
}

async function resources() {
  const dmn = await table.current();
  return resourcesToDeploy({ bpmn: { name: state.bpmnName, xml: await bpmn.xml() }, forms: forms.all(), dmn });
}

function showProblems(problems) {
  const { onElements, elsewhere } = sortProblems(problems, state.bpmnName);
  const missing = bpmn.showProblems(onElements);
  const items = [];
  for (const [elementId, messages] of onElements) {
    for (const message of messages) {
      items.push(h('li', null, h('button', {
        type: 'button', class: 'link', 'data-element': elementId,
        onclick: () => {
          showTab('bpmn');
          bpmn.reveal(elementId);
        },
      }, elementId), missing.includes(elementId) ? ' (not in the diagram)' : null, `: ${message}`));
    }
  }
  for (const problem of elsewhere) {
    items.push(h('li', null, h('strong', { text: problem.resource || 'Deployment' }),
      problem.line ? ` line ${problem.line}` : null, `: ${problem.message}`));
  }
  fill(byId('problem-list'), items);
  byId('problems').hidden = items.length === 0;
  const first = [...onElements.keys()].find((elementId) => !missing.includes(elementId));
  if (first) {
    bpmn.scrollTo(first);
  }
}

function problemCount(count) {
  return `${count} problem${count === 1 ? '' : 's'}`;
}

byId('check').addEventListener('click', () => run(async () => {
  status('Checking…');
  const { body } = await postJson('/api/workflows/validate', { resources: await resources() });
  showProblems(body.problems);
  status(body.valid ? 'No problems: ready to deploy' : `${problemCount(body.problems.length)} to fix before deploying`);
}));

byId('deploy').addEventListener('click', () => run(async () => {
  status('Deploying…');
  let body;
  try {
    ({ body } = await postJson('/api/workflows/deployments', { name: 'Edited in the web modeler', resources: await resources() }));
  }
  catch (failure) {
    if (failure instanceof ApiError && failure.body && Array.isArray(failure.body.problems)) {
      showProblems(failure.body.problems);
      status(`Not deployed: ${problemCount(failure.body.problems.length)} to fix`);
      return;
    }
    throw failure;
  }
  showProblems([]);
  const deployed = body.processes.find((process) => process.key === state.key) || body.processes[0];
  await loadWorkflows();
  await openWorkflow(deployed.key);
  await openRoutingTable();
  status(`Deployed: ${deployed.key} is now v${deployed.version}`);
}));

// ---- start

async function run(work) {
  page.setAttribute('aria-busy', 'true');
  try {
    await work();
    alert(null);
  }
  catch (failure) {
    status('');
    alert(failure.message);
  }
  finally {
    page.setAttribute('aria-busy', 'false');
  }
}

run(async () => {
  await loadWorkflows();
  await openRoutingTable();
  const wanted = new URLSearchParams(location.search).get('workflow');
  const first = state.workflows.find((workflow) => workflow.key === wanted) || state.workflows[0];
  if (first) {
    await openWorkflow(first.key);
  }
});
