/**
 * An asset's page: where the production stands, how long each phase took, every
 * version and decision, who is awaited, and links to the review room, Cockpit and the
 * approval record.
 */
import { getJson } from '../review/api.js';
import { byId, fill, h } from '../review/dom.js';
import { DECIDED, STAGES, dueInWords, formatDate, listOf, nameOf, ruleInWords, sizeInWords } from '../review/wording.js';
import { duration, phaseWidths } from './format.js';
import { loading } from './page.js';

const page = byId('asset-page');
const assetId = page.dataset.assetId;
const me = page.dataset.userId;

const PHASES = { BRIEF: 'Brief', PRODUCTION: 'Production', REVIEW: 'Review' };
const OUTCOMES = {
  APPROVED: 'approved', UPLOADED: 'uploaded', CHANGES_REQUESTED: 'changes requested',
  APPROVED_WITH_CHANGES: 'approved with changes', NOT_RELEVANT: 'not relevant', STOPPED: 'stopped',
};

const CHANGES = { ADDED: 'added', REMOVED: 'removed', DELEGATED: 'handed the review of' };

function phaseName(phase) {
  if (phase.kind === 'REVIEW') {
    return `${STAGES[phase.stage] || phase.stage} of v${phase.version}`;
  }
  return phase.kind === 'PRODUCTION' ? `Production of v${phase.version}` : PHASES[phase.kind];
}

function phaseClass(phase) {
  const outcome = phase.outcome === 'CHANGES_REQUESTED' ? ' changes' : phase.outcome === 'APPROVED' ? ' approved' : '';
  return `phase-${phase.kind.toLowerCase()}${phase.kind === 'REVIEW' ? outcome : ''}${phase.running ? ' phase-running' : ''}`;
}

function phaseDetail(phase, members) {
  const parts = [`${formatDate(new Date(phase.from))} → ${phase.to ? formatDate(new Date(phase.to)) : 'now'}`];
  if (phase.kind === 'REVIEW' && phase.decisionRule) {
    parts.push(ruleInWords({ decisionRule: phase.decisionRule, reviewers: [] }, members).replace(/^All \d+ reviewers/, 'All reviewers'));
  }
  if (phase.outcome && !phase.running) {
    parts.push(OUTCOMES[phase.outcome] || phase.outcome.toLowerCase());
  }
  if (phase.running && phase.waitingFor.length) {
    parts.push(`waiting for ${listOf(phase.waitingFor.map((id) => (id === me ? 'you' : nameOf(id, members))))}`);
  }
  return parts.join(' · ');
}

function showTimeline(phases, members) {
  const widths = phaseWidths(phases.map((phase) => phase.seconds));
  fill(byId('timeline-bar'), phases.map((phase, index) => {
    const bar = h('span', { class: phaseClass(phase), title: `${phaseName(phase)}: ${duration(phase.seconds)}` });
    // through the CSSOM: the page's policy refuses style attributes
    bar.style.width = `${widths[index]}%`;
    return bar;
  }));
  fill(byId('timeline'), phases.map((phase) => h('li', { class: phase.running ? 'is-running' : '' },
    h('span', { class: `swatch ${phaseClass(phase)}`, 'aria-hidden': 'true' }),
    h('span', { class: 'what', text: phaseName(phase) }),
    h('span', { class: 'detail', text: phaseDetail(phase, members) }),
    h('span', { class: `took${phase.running ? ' running' : ''}`, text: phase.running ? `${duration(phase.seconds)} so far` : duration(phase.seconds) }))));
}

function showVersions(detail, members) {
  const versions = [...detail.versions].sort((a, b) => b.number - a.number);
  fill(byId('versions'), versions.length ? versions.map((version) => h('tr', {},
    h('td', {}, h('strong', { text: `v${version.number}` }), version.variant ? ` ${version.variant}` : ''),
    h('td', {}, version.fileName || version.fileLink || version.note,
      version.sha256 ? h('div', { class: 'sha', title: 'SHA-256', text: `${version.sha256.slice(0, 16)}… · ${sizeInWords(version.sizeBytes)}` }) : null),
    h('td', {}, nameOf(version.uploadedBy, members), h('div', { class: 'sha', text: formatDate(new Date(version.createdAt)) })),
    h('td', {}, h('span', { class: `status ${version.status.toLowerCase()}`, text: version.status.toLowerCase() })),
    h('td', {}, h('a', { href: `/review/${version.id}`, text: 'Review room' }))))
    : h('tr', {}, h('td', { colspan: '5', text: 'No version yet.' })));
}

function showDecisions(detail, members) {
  const numbers = Object.fromEntries(detail.versions.map((version) => [version.id, version.number]));
  const decisions = [...detail.decisions].reverse();
  fill(byId('decisions'), decisions.length ? decisions.map((decision) => h('tr', {},
    h('td', { text: formatDate(new Date(decision.decidedAt)) }),
    h('td', { text: nameOf(decision.decidedBy, members) }),
    h('td', {}, decision.versionId ? `v${numbers[decision.versionId]} · ` : '', STAGES[decision.stage] || decision.stage.toLowerCase(),
      decision.late ? h('div', { class: 'late', text: 'late feedback' }) : null),
    h('td', { class: `decision-${decision.decision}`, text: DECIDED[decision.decision] || decision.decision.toLowerCase() }),
    h('td', { text: decision.comment || '' })))
    : h('tr', {}, h('td', { colspan: '5', text: 'No decision yet.' })));
}

function showChanges(changes, members) {
  byId('changes-panel').hidden = !changes.length;
  fill(byId('changes'), changes.map((change) => h('li', {},
    `${formatDate(new Date(change.changedAt))}: ${nameOf(change.changedBy, members)} `
    + `${CHANGES[change.kind] || change.kind.toLowerCase()} ${nameOf(change.reviewer, members)}`
    + `${change.delegatedTo ? ` to ${nameOf(change.delegatedTo, members)}` : ''}: “${change.reason}”`)));
}

function showHead(detail, room) {
  const { asset } = detail;
  document.title = `${asset.reference} ${asset.title} · Greenlight`;
  fill(byId('crumb'), asset.reference);
  fill(byId('asset-title'), asset.title, ' ', h('span', { class: `status ${asset.status.toLowerCase()}`, text: asset.status.toLowerCase().replaceAll('_', ' ') }));
  const where = room ? `${room.client.name} · ${asset.reference}` : asset.reference;
  const ended = ['APPROVED', 'DELIVERED', 'STOPPED'].includes(asset.status);
  const due = ended ? null : dueInWords(asset.dueDate, new Date());
  fill(byId('asset-meta'), [where, asset.assetType.toLowerCase(), asset.channel.toLowerCase().replaceAll('_', ' ')]
    .filter(Boolean).join(' · '), due ? ' ' : null, due ? h('span', { class: `chip${due.overdue ? ' late' : ''}`, text: due.text }) : null);
  const latest = detail.latestVersion;
  fill(byId('actions'),
    latest ? h('a', { class: 'button primary', href: `/review/${latest.id}`, text: `Review v${latest.number}` }) : null,
    h('a', { class: 'button', href: `/api/assets/${asset.id}/approval-record.pdf`, text: 'Approval record (PDF)' }),
    h('a', { class: 'button', href: `/api/assets/${asset.id}/approval-record.csv`, text: 'CSV' }),
    asset.processInstanceId ? h('a', { class: 'button', href: `/camunda/app/cockpit/default/#/process-instance/${asset.processInstanceId}`, text: 'Open in Cockpit' }) : null);
}

function load() {
  return loading(page, async () => {
    const [detail, phases, changes] = await Promise.all([getJson(`/api/assets/${assetId}`),
      getJson(`/api/assets/${assetId}/timeline`), getJson(`/api/assets/${assetId}/review-changes`)]);
    // the latest version's room knows the project, its client and its people's names
    const room = detail.latestVersion ? await getJson(`/api/versions/${detail.latestVersion.id}/room`) : null;
    const members = room ? room.members : [];
    showHead(detail, room);
    showTimeline(phases, members);
    showVersions(detail, members);
    showDecisions(detail, members);
    showChanges(changes, members);
  });
}

load();
