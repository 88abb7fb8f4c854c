/**
 * The modeler's pure logic, no DOM: a new workflow's id and first diagram, what a
 * deployment sends, and the server's problems sorted by where they are shown.
 */

/** "Print campaign" → "PrintCampaignProcess"; '' when the name has no letter to start with. */
export function processId(name) {
  const words = String(name).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  const id = words.map((word) => word[0].toUpperCase() + word.slice(1)).join('');
  if (!/^[A-Za-z]/.test(id)) {
    return '';
  }
  return id.endsWith('Process') ? id : `${id}Process`;
}

function escapeXml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]);
}

/**
 * A new workflow's first diagram: a start and an end event, executable, started in
 * Tasklist with the brief form (as the shipped workflow is), its history kept as long
 * as the shipped workflows keep theirs.
 */
export function emptyWorkflow(id, name) {
  const title = escapeXml(name);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_${id}" targetNamespace="http://greenlight.io/workflows">
  <bpmn:process id="${id}" name="${title}" isExecutable="true" camunda:historyTimeToLive="P180D" camunda:isStartableInTasklist="true">
    <bpmn:startEvent id="StartEvent_BriefReceived" name="Brief received" camunda:formRef="BriefForm" camunda:formRefBinding="latest" camunda:initiator="initiator">
      <bpmn:outgoing>Flow_Start</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:sequenceFlow id="Flow_Start" sourceRef="StartEvent_BriefReceived" targetRef="EndEvent_Delivered" />
    <bpmn:endEvent id="EndEvent_Delivered" name="Delivered">
      <bpmn:incoming>Flow_Start</bpmn:incoming>
    </bpmn:endEvent>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_${id}">
    <bpmndi:BPMNPlane id="BPMNPlane_${id}" bpmnElement="${id}">
      <bpmndi:BPMNShape id="StartEvent_BriefReceived_di" bpmnElement="StartEvent_BriefReceived">
        <dc:Bounds x="152" y="182" width="36" height="36" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="EndEvent_Delivered_di" bpmnElement="EndEvent_Delivered">
        <dc:Bounds x="352" y="182" width="36" height="36" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_Start_di" bpmnElement="Flow_Start">
        <di:waypoint x="188" y="200" />
        <di:waypoint x="352" y="200" />
      </bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

/** The ids of the forms the diagram names (camunda:formRef), in order, once each. */
export function formIdsIn(xml) {
  return [...new Set([...String(xml).matchAll(/camunda:formRef="([^"]+)"/g)].map((match) => match[1]))];
}

/** The form's id as its JSON says, or null when it is not a form. */
export function formIdOf(content) {
  try {
    const id = JSON.parse(content).id;
    return typeof id === 'string' ? id : null;
  }
  catch (notJson) {
    return null;
  }
}

/**
 * What one deployment sends: the diagram; the forms it names, which its deployment holds
 * (a workflow may bind them to its own deployment, so they go together; the forms of
 * another workflow deployed with it stay out, they would not take effect); the routing
 * table only when it was changed.
 */
export function resourcesToDeploy({ bpmn, forms, dmn }) {
  const resources = [{ name: bpmn.name, content: bpmn.xml }];
  const named = formIdsIn(bpmn.xml);
  for (const [name, content] of forms) {
    if (named.includes(formIdOf(content))) {
      resources.push({ name, content });
    }
  }
  if (dmn && dmn.changed) {
    resources.push({ name: dmn.name, content: dmn.xml });
  }
  return resources;
}

/**
 * The server's problems by where the page shows them: on a diagram element, or in the
 * list only (a form, the routing table, the deployment as a whole).
 */
export function sortProblems(problems, bpmnName) {
  const onElements = new Map();
  const elsewhere = [];
  for (const problem of problems) {
    if (problem.elementId && problem.resource === bpmnName) {
      const list = onElements.get(problem.elementId) || [];
      list.push(problem.message);
      onElements.set(problem.elementId, list);
    }
    else {
      elsewhere.push(problem);
    }
  }
  return { onElements, elsewhere };
}
