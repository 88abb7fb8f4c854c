/**
 * The metrics page: last month's (or any period's) cycle times, revision rounds,
 * first-pass approvals, reviewer turnaround, overdue reviews and weekly throughput, per
 * client, project and asset type, from /api/metrics. Charts are uPlot's; the filters live
 * in the address so a view can be shared.
 */
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
import { getJson } from '../review/api.js';
import { byId, fill, h } from '../review/dom.js';
import { STAGES } from '../review/wording.js';
import { hoursInWords, isoDay, metricFiltersFrom, metricQueryOf, percent, periodOf } from './format.js';
import { clientAndProjectOptions, loading } from './page.js';

const page = byId('metrics-page');
const STAGE_NAMES = { ...STAGES, BRIEF: 'Brief', PRODUCTION: 'Production', OVERALL: 'Brief → approval' };
const GREEN = '#1a7f46';
const BLUE = '#2f7fd8';
let filters = metricFiltersFrom(window.location.search);
let charts = [];

function showFilters() {
  byId('filter-from').value = filters.from || '';
  byId('filter-to').value = filters.to || '';
  byId('filter-client').value = filters.clientId || '';
  byId('filter-project').value = filters.projectId || '';
  byId('filter-type').value = filters.assetType || '';
}

function onChange(event) {
  if (event.target.id === 'filter-preset') {
    if (event.target.value === 'custom') {
      byId('filter-from').focus();
      return;
    }
    Object.assign(filters, periodOf(event.target.value, isoDay(new Date())));
  }
  else if (event.target.id === 'filter-from' || event.target.id === 'filter-to') {
    byId('filter-preset').value = 'custom';
    filters.from = byId('filter-from').value;
    filters.to = byId('filter-to').value;
  }
  else {
    filters.clientId = byId('filter-client').value;
    filters.projectId = byId('filter-project').value;
    filters.assetType = byId('filter-type').value;
  }
  showFilters();
  window.history.replaceState(null, '', `/metrics${metricQueryOf(filters)}`);
  load();
}

/** Bars over categories (stages, weeks, version counts): uPlot with an index as x. */
function barChart(element, xLabel, labels, series) {
  const width = Math.max(260, element.clientWidth);
  const height = element.classList.contains('small') ? 170 : 240;
  const x = labels.map((ignored, index) => index);
  const bars = (align) => uPlot.paths.bars({ size: [series.length > 1 ? 0.38 : 0.6, 80], align });
  const chart = new uPlot({
    width,
    height,
    legend: { show: series.length > 1 },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: false, range: [-0.6, labels.length - 0.4] }, y: { range: (u, min, max) => [0, Math.max(1, max * 1.1)] } },
    axes: [
      { splits: () => x, values: (u, splits) => splits.map((index) => labels[index] ?? ''), grid: { show: false } },
      { size: 48 },
    ],
    series: [{ label: xLabel, value: (u, index) => (index === null ? '–' : labels[index] ?? '–') }, ...series.map((each, index) => ({
      label: each.label, fill: each.color, stroke: each.color, width: 0,
      paths: bars(series.length > 1 ? (index === 0 ? -1 : 1) : 0), points: { show: false },
    }))],
  }, [x, ...series.map((each) => each.values.map((value) => value ?? 0))], element);
  charts.push(chart);
}

function showCycleTimes(answer) {
  const stages = answer.stages;
  fill(byId('cycle-table'), stages.map((stage) => h('tr', {},
    h('td', { text: STAGE_NAMES[stage.stage] || stage.stage }), h('td', { text: String(stage.count) }),
    h('td', { text: hoursInWords(stage.medianHours) }), h('td', { text: hoursInWords(stage.p90Hours) }))));
  barChart(byId('cycle-chart'), 'Stage', stages.map((stage) => STAGE_NAMES[stage.stage] || stage.stage), [
    { label: 'Median', color: GREEN, values: stages.map((stage) => stage.medianHours) },
    { label: '90th percentile', color: BLUE, values: stages.map((stage) => stage.p90Hours) },
  ]);
  const overall = stages.find((stage) => stage.stage === 'OVERALL');
  fill(byId('kpi-cycle'), hoursInWords(overall && overall.medianHours));
}

function showThroughput(answer) {
  barChart(byId('throughput-chart'), 'Week', answer.weeks.map((week) => week.week.replace(/^\d{4}-/, '')),
    [{ label: 'Approved', color: GREEN, values: answer.weeks.map((week) => week.approved) }]);
  fill(byId('kpi-approved'), String(answer.approvedAssets));
}

function showRounds(rounds, turnaround) {
  barChart(byId('rounds-chart'), 'Versions', rounds.distribution.map((bucket) => `${bucket.versions} version${bucket.versions === 1 ? '' : 's'}`),
    [{ label: 'Assets', color: BLUE, values: rounds.distribution.map((bucket) => bucket.assets) }]);
  const average = rounds.summary.averageRevisionRounds;
  fill(byId('kpi-rounds'), average === null || average === undefined ? '–' : String(Number(average.toFixed(1))));
  const turnarounds = Object.fromEntries(turnaround.clients.map((client) => [client.clientId, client.turnaround]));
  const clients = new Map(rounds.byClient.map((client) => [client.clientId, client]));
  turnaround.clients.forEach((client) => clients.has(client.clientId) || clients.set(client.clientId, { clientId: client.clientId, clientName: client.clientName }));
  fill(byId('clients'), clients.size ? [...clients.values()].map((client) => h('tr', {},
    h('td', { text: client.clientName }), h('td', { text: String(client.approvedAssets ?? 0) }),
    h('td', { text: client.averageVersions ? String(Number(client.averageVersions.toFixed(1))) : '–' }),
    h('td', { text: hoursInWords(turnarounds[client.clientId] && turnarounds[client.clientId].medianHours) })))
    : h('tr', {}, h('td', { colspan: '4', text: 'Nothing approved or reviewed in this period.' })));
}

function showReviewers(answer) {
  const reviewers = [...answer.reviewers].sort((a, b) => (b.turnaround.medianHours ?? 0) - (a.turnaround.medianHours ?? 0));
  fill(byId('reviewers'), reviewers.length ? reviewers.map((reviewer) => h('tr', {},
    h('td', { text: reviewer.reviewer }), h('td', { text: String(reviewer.turnaround.count) }),
    h('td', { text: hoursInWords(reviewer.turnaround.medianHours) }), h('td', { text: hoursInWords(reviewer.turnaround.p90Hours) })))
    : h('tr', {}, h('td', { colspan: '4', text: 'No decisions in this period.' })));
}

function showOverdue(answer, firstPass) {
  const overdue = answer.stages.reduce((sum, stage) => sum + stage.runningOverdue, 0);
  fill(byId('kpi-overdue'), String(overdue));
  byId('kpi-overdue').parentElement.classList.toggle('late', overdue > 0);
  fill(byId('kpi-first-pass'), percent(firstPass.firstPassRate));
}

function load() {
  const query = metricQueryOf(filters);
  return loading(page, async () => {
    const [cycle, rounds, firstPass, turnaround, overdue, throughput] = await Promise.all(
      ['cycle-times', 'revision-rounds', 'first-pass', 'reviewer-turnaround', 'overdue', 'throughput']
        .map((metric) => getJson(`/api/metrics/${metric}${query}`)));
    charts.forEach((chart) => chart.destroy());
    charts = [];
    fill(byId('period'), `${cycle.period.from} to ${cycle.period.to} (UTC), spans counted where they ended`);
    if (!filters.from) {
      Object.assign(filters, { from: cycle.period.from, to: cycle.period.to });
      showFilters();
    }
    showCycleTimes(cycle);
    showThroughput(throughput);
    showRounds(rounds, turnaround);
    showReviewers(turnaround);
    showOverdue(overdue, firstPass);
  });
}

byId('filters').addEventListener('change', onChange);
if (filters.from || filters.to) {
  byId('filter-preset').value = 'custom';
}
clientAndProjectOptions(showFilters);
load();
