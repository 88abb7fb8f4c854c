/**
 * A workflow's versions with their running productions, and moving the running ones
 * from one version to another: checked first (the engine's report shown, nothing
 * changed), then moved as a batch, whose progress and log the panel shows.
 */
import { getJson, postJson } from '../review/api.js';
import { byId, fill, h } from '../review/dom.js';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export class VersionsPanel {
  constructor(alert) {
    this.alert = alert;
    this.workflow = null;
    this.checked = null;
    byId('migration-check').addEventListener('click', () => this.check());
    byId('migration-start').addEventListener('click', () => this.migrate());
    byId('migrate-from').addEventListener('change', () => this.invalidate());
    byId('migrate-to').addEventListener('change', () => this.invalidate());
  }

  /** Shows the workflow ({key, name, versions}) and its migrations. */
  async show(workflow) {
    this.workflow = workflow;
    const versions = workflow ? workflow.versions : [];
    fill(byId('version-rows'), versions.length ? versions.map((version) => h('tr', { 'data-version': version.version },
      h('td', { text: `v${version.version}` }),
      h('td', { text: dateTime.format(new Date(version.deployedAt)) }),
      h('td', { class: 'running', text: String(version.running) })))
      : h('tr', null, h('td', { colspan: 3, class: 'muted', text: 'Not deployed yet.' })));
    const options = (selected) => versions.map((version) => h('option',
      { value: version.version, selected: version.version === selected },
      `v${version.version} (${version.running} running)`));
    const newest = versions.length ? versions[0].version : null;
    const busiestOlder = versions.slice(1).find((version) => version.running > 0) || versions[1];
    fill(byId('migrate-from'), options(busiestOlder ? busiestOlder.version : null));
    fill(byId('migrate-to'), options(newest));
    this.invalidate();
    await this.log();
  }

  invalidate() {
    this.checked = null;
    byId('migration-start').disabled = true;
    fill(byId('migration-report'));
  }

  request() {
    return { fromVersion: Number(byId('migrate-from').value), toVersion: Number(byId('migrate-to').value) };
  }

  async check() {
    const request = this.request();
    try {
      const { body } = await postJson(`/api/workflows/${encodeURIComponent(this.workflow.key)}/migrations/check`, request);
      this.report(body);
      this.checked = body.valid && body.instances > 0 ? request : null;
      byId('migration-start').disabled = !this.checked;
    }
    catch (failure) {
      this.alert(failure.message);
    }
  }

  report(check) {
    const summary = check.valid
      ? (check.instances
        ? `${check.instances} running production(s) can move from v${check.fromVersion} to v${check.toVersion} without losing anything.`
        : `No production runs on v${check.fromVersion}: there is nothing to move.`)
      : `Moving v${check.fromVersion} to v${check.toVersion} would lose state: nothing was changed. The engine says:`;
    fill(byId('migration-report'),
      h('p', { class: check.valid ? 'ok' : 'refused', text: summary }),
      check.problems.length ? h('ul', { class: 'engine-report' }, check.problems.map((problem) => h('li', null,
        problem.businessKey || problem.processInstanceId ? h('strong', { text: `${problem.businessKey || problem.processInstanceId}: ` }) : null,
        problem.activityId ? `at ${problem.activityId}: ` : null,
        problem.messages.join(' ')))) : null,
      check.valid && check.instructions.length ? h('details', null, h('summary', { text: `${check.instructions.length} steps map to the new version` }),
        h('ul', null, check.instructions.map((step) => h('li', { text: step.from === step.to ? step.from : `${step.from} → ${step.to}` })))) : null);
  }

  async migrate() {
    if (!this.checked) {
      return;
    }
    try {
      const { body } = await postJson(`/api/workflows/${encodeURIComponent(this.workflow.key)}/migrations`, this.checked);
      fill(byId('migration-report'), h('p', { class: 'ok', text: `Moving ${body.instances} production(s) from v${body.fromVersion} to v${body.toVersion}…` }));
      this.checked = null;
      byId('migration-start').disabled = true;
      await this.followBatch();
    }
    catch (failure) {
      // a 409 carries the check's report: why, per production
      if (failure.body && Array.isArray(failure.body.problems)) {
        this.report(failure.body);
      }
      this.alert(failure.message);
    }
  }

  // the batch runs on the job executor; the log shows it done within seconds
  async followBatch() {
    for (let attempt = 0; attempt < 60; attempt++) {
      const migrations = await this.log();
      if (!migrations.length || migrations[0].finishedAt) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const workflows = await getJson('/api/workflows');
    await this.show(workflows.find((workflow) => workflow.key === this.workflow.key) || null);
  }

  async log() {
    if (!this.workflow) {
      fill(byId('migration-log'));
      return [];
    }
    const migrations = await getJson(`/api/workflows/${encodeURIComponent(this.workflow.key)}/migrations`);
    fill(byId('migration-log'), migrations.length ? migrations.map((migration) => h('li', null,
      h('strong', { text: `v${migration.fromVersion} → v${migration.toVersion}` }),
      ` · ${migration.instances} production(s) · ${migration.requestedBy} · ${dateTime.format(new Date(migration.requestedAt))} · `,
      h('span', { class: migration.finishedAt ? 'done' : 'running', text: progress(migration) })))
      : h('li', { class: 'muted', text: 'None yet.' }));
    return migrations;
  }
}

function progress(migration) {
  const batch = migration.batch;
  if (migration.finishedAt) {
    return batch && batch.failedJobs ? `ended with ${batch.failedJobs} failed (see Cockpit)` : 'done';
  }
  return batch ? `${batch.completedJobs} of ${batch.totalJobs} moved` : 'starting';
}
