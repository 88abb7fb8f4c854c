/**
 * The producers' board: every production the user may see, in columns by stage, with
 * whom each waits on. Filters live in the address (a view can be shared) and the board
 * refreshes itself every few seconds without moving what the user is looking at.
 */
import { getJson } from '../review/api.js';
import { byId, fill, h } from '../review/dom.js';
import { STAGES, dueInWords, listOf, ruleInWords } from '../review/wording.js';
import { filtersFrom, queryOf } from './format.js';
import { alert, clientAndProjectOptions, loading } from './page.js';

const REFRESH_MS = 10000;

const page = byId('board-page');
const me = page.dataset.userId;
let filters = filtersFrom(window.location.search);
let shown = null;

function showFilters() {
  byId('filter-client').value = filters.clientId || '';
  byId('filter-project').value = filters.projectId || '';
  byId('filter-producer').value = filters.producer || '';
  byId('filter-overdue').checked = !!filters.overdue;
  byId('filter-waiting').checked = !!filters.waitingOnMe;
}

// the producers of the reader's projects; one named in the address but not among them (a
// shared link) stays selectable under its id, so the select says what the board shows
function producerOptions(producers) {
  const known = producers.some((producer) => producer.userId === filters.producer);
  fill(byId('filter-producer'), h('option', { value: '', text: 'Any producer' }),
    producers.map((producer) => h('option', { value: producer.userId, text: producer.userId === me ? `${producer.name} (you)` : producer.name })),
    filters.producer && !known ? h('option', { value: filters.producer, text: filters.producer }) : null);
}

function readFilters() {
  filters = {
    clientId: byId('filter-client').value || undefined,
    projectId: byId('filter-project').value || undefined,
    producer: byId('filter-producer').value || undefined,
    overdue: byId('filter-overdue').checked,
    waitingOnMe: byId('filter-waiting').checked,
  };
  window.history.replaceState(null, '', `/board${queryOf(filters)}`);
  shown = null;
  refresh();
}

function waitingLine(card) {
  if (!card.waitingOn.length) {
    return null;
  }
  const names = [...new Set(card.waitingOn.map((waiting) => (waiting.userId === me ? 'you' : waiting.name)))];
  const tasks = [...new Set(card.waitingOn.map((waiting) => waiting.task))].join('; ');
  return h('p', { class: 'waiting', title: tasks }, h('span', { class: 'label', text: 'Waiting on ' }), listOf(names));
}

function reviewLine(card) {
  if (!card.review) {
    return null;
  }
  const members = card.waitingOn.filter((waiting) => waiting.userId).map((waiting) => ({ id: waiting.userId, name: waiting.name }));
  return h('p', { class: 'review-line' }, `${STAGES[card.review.stage] || card.review.stage}: ${ruleInWords(card.review, members)}`);
}

// the stage's due date, or the asset's; the one that has passed if any
function dueChip(card, now) {
  const dates = [card.review && card.review.dueAt, card.dueDate].filter(Boolean).map((due) => dueInWords(due, now));
  const late = dates.find((words) => words.overdue);
  const shown = late || dates[0];
  if (!shown) {
    return card.overdue ? h('span', { class: 'chip late', text: 'Overdue' }) : null;
  }
  return h('span', { class: `chip${late || card.overdue ? ' late' : ''}`, text: shown.text });
}

function cardOf(card, now) {
  const version = card.latestVersion;
  return h('article', { class: `card${card.overdue ? ' overdue' : ''}`, 'data-asset-id': card.assetId },
    h('h3', {}, h('a', { href: `/assets/${card.reference}`, text: card.title })),
    h('p', { class: 'meta' }, `${card.client.name} · `, h('span', { class: 'reference', text: card.reference })),
    h('p', { class: 'facts' },
      version ? h('span', { text: `v${version.number}${version.variant ? ` (${version.variant})` : ''}` }) : h('span', { text: 'No version yet' }),
      card.revisionRound > 1 ? h('span', { text: `round ${card.revisionRound}` }) : null,
      dueChip(card, now)),
    reviewLine(card),
    waitingLine(card),
    version ? h('a', { class: 'review-link', href: version.reviewRoom, text: `Review v${version.number}` }) : null);
}

function columnOf(column, now) {
  const more = column.count - column.cards.length;
  return h('section', { class: `column column-${column.id.toLowerCase()}`, 'aria-labelledby': `column-${column.id}` },
    h('header', {}, h('h2', { id: `column-${column.id}`, text: column.label }),
      h('span', { class: 'count', 'aria-label': `${column.count} productions`, text: String(column.count) })),
    h('div', { class: 'cards' },
      column.cards.length ? column.cards.map((card) => cardOf(card, now)) : h('p', { class: 'empty', text: 'Nothing here' }),
      more > 0 ? h('p', { class: 'more', text: `and ${more} more: narrow the filters to see them` }) : null));
}

function summaryOf(board) {
  const cards = board.columns.flatMap((column) => column.cards);
  const running = board.columns.filter((column) => !['APPROVED', 'STOPPED'].includes(column.id))
    .reduce((sum, column) => sum + column.count, 0);
  const overdue = cards.filter((card) => card.overdue).length;
  const mine = cards.filter((card) => card.waitingOn.some((waiting) => waiting.userId === me)).length;
  return `${running} running · ${overdue} overdue · ${mine} waiting on you`;
}

function refresh() {
  return loading(page, async () => {
    const board = await getJson(`/api/board${queryOf(filters)}`);
    const now = new Date();
    const text = JSON.stringify(board.columns);
    if (text !== shown) {
      shown = text;
      const scroll = [...byId('columns').querySelectorAll('.cards')].map((cards) => cards.scrollTop);
      fill(byId('columns'), board.columns.map((column) => columnOf(column, now)));
      [...byId('columns').querySelectorAll('.cards')].forEach((cards, index) => { cards.scrollTop = scroll[index] || 0; });
      fill(byId('summary'), summaryOf(board));
    }
  });
}

byId('filters').addEventListener('change', readFilters);
byId('filter-clear').addEventListener('click', () => {
  filters = {};
  showFilters();
  readFilters();
});
const producers = getJson('/api/board/producers');
clientAndProjectOptions(() => producers.then(producerOptions).then(showFilters).catch((failure) => alert(failure.message)));
refresh();
window.setInterval(() => {
  if (!document.hidden) {
    refresh();
  }
}, REFRESH_MS);
