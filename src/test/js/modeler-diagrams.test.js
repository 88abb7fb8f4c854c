import { assert, suite } from './harness.js';
import { emptyWorkflow, formIdsIn, processId, resourcesToDeploy, sortProblems } from '/greenlight/modeler/diagrams.js';

const { test, run } = suite();
export { run };

test('a workflow name becomes a process id a lead would choose', () => {
  assert.equal(processId('Print campaign'), 'PrintCampaignProcess');
  assert.equal(processId('  out-of-home  poster (v2) '), 'OutOfHomePosterV2Process');
  assert.equal(processId('Social Process'), 'SocialProcess');
  assert.equal(processId('Café déco'), 'CafeDecoProcess');
  assert.equal(processId('2024 launch'), '', 'an id cannot start with a digit');
  assert.equal(processId('!!!'), '');
});

test('a new workflow is a diagram the browser reads, its name escaped', () => {
  const xml = emptyWorkflow('PrintCampaignProcess', 'Print & <Outdoor> "A"');
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  assert.equal(doc.getElementsByTagName('parsererror').length, 0, 'well-formed');
  const process = doc.getElementsByTagNameNS('http://www.omg.org/spec/BPMN/20100524/MODEL', 'process')[0];
  assert.equal(process.getAttribute('id'), 'PrintCampaignProcess');
  assert.equal(process.getAttribute('name'), 'Print & <Outdoor> "A"');
  assert.equal(process.getAttribute('isExecutable'), 'true');
});

test('a deployment sends the diagram and the forms it names, the routing table only when changed', () => {
  const forms = new Map([['ApproveBriefForm.form', '{"id":"ApproveBriefForm"}'], ['BriefForm.form', '{"id":"BriefForm"}'],
    ['ReviewAssetForm.form', '{"id":"ReviewAssetForm"}'], ['Broken.form', 'not json']]);
  const xml = '<x camunda:formRef="BriefForm" /><y camunda:formRef="ApproveBriefForm"/><z camunda:formRef="BriefForm"/>';
  const bpmn = { name: 'X.bpmn', xml };
  const dmn = { name: 'R.dmn', xml: '<d/>', changed: false };
  assert.deepEqual(formIdsIn(xml), ['BriefForm', 'ApproveBriefForm']);
  assert.deepEqual(resourcesToDeploy({ bpmn, forms, dmn }).map((r) => r.name),
    ['X.bpmn', 'ApproveBriefForm.form', 'BriefForm.form'], "another workflow's form stays out");
  assert.deepEqual(resourcesToDeploy({ bpmn, forms, dmn: { ...dmn, changed: true } }).map((r) => r.name),
    ['X.bpmn', 'ApproveBriefForm.form', 'BriefForm.form', 'R.dmn']);
});

test('problems on an element of the diagram go on it; the rest to the list', () => {
  const { onElements, elsewhere } = sortProblems([
    { resource: 'X.bpmn', elementId: 'Task_A', message: 'one' },
    { resource: 'X.bpmn', elementId: 'Task_A', message: 'two' },
    { resource: 'X.bpmn', elementId: null, message: 'whole file' },
    { resource: 'F.form', elementId: 'Task_A', message: 'a form field' },
  ], 'X.bpmn');
  assert.deepEqual([...onElements.entries()], [['Task_A', ['one', 'two']]]);
  assert.deepEqual(elsewhere.map((p) => p.message), ['whole file', 'a form field']);
});
