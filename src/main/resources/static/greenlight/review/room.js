/**
 * The review room (/review/{versionId}): loads the room and its comments from the API,
 * puts the file on the stage, and keeps everything in step as the reviewer works and as
 * others comment and decide (polling, so any server node can answer).
 */
import { ApiError, getJson, postJson } from './api.js';
import { byId, fill, h } from './dom.js';
import { hasRegion } from './geometry.js';
import { SHORTCUTS, actionFor } from './keys.js';
import { MentionBox, ThreadList } from './comments.js';
import { DecisionPanel } from './decision.js';
import { MediaView, kindOf } from './stage.js';
import { Player } from './player.js';
import { Timeline } from './timeline.js';
import { clock, frameStartMs, timecodeOfMs } from './timecode.js';
import { numbering, roomChanges } from './merge.js';
import { strangers } from './mentions.js';

/** How often the room asks for news (ms). */
export const POLL_MS = 4000;

const main = byId('room');
const versionId = main.dataset.versionId;
const api = {
  room: `/api/versions/${versionId}/room`,
  comments: `/api/versions/${versionId}/comments`,
  decisions: `/api/versions/${versionId}/decisions`,
};

const state = {
  room: null,
  comments: null,
  view: null,
  player: null,
  timeline: null,
  kind: null,
  region: null,
  range: null,
  compare: null,
  selected: null,
};

let threads;
let decisionPanel;

function members() {
  return (state.room && state.room.members) || [];
}

// -- errors ----------------------------------------------------------------------------

function showAlert(message) {
  byId('alert-text').textContent = message;
  byId('alert').hidden = false;
}

function hideAlert() {
  byId('alert').hidden = true;
}

byId('alert-close').addEventListener('click', hideAlert);

// -- anchors in words --------------------------------------------------------------------

function fps() {
  return state.player ? state.player.fps : 25;
}

function timeText(ms) {
  return state.kind === 'video' ? timecodeOfMs(ms, fps()) : clock(ms / 1000);
}

function describe(anchor) {
  if (!anchor) {
    return null;
  }
  const parts = [];
  if (anchor.timeMs != null) {
    parts.push(anchor.endMs != null ? `${timeText(anchor.timeMs)} – ${timeText(anchor.endMs)}` : timeText(anchor.timeMs));
  }
  if (anchor.page != null) {
    parts.push(`Page ${anchor.page}`);
  }
  if (hasRegion(anchor)) {
    parts.push('region');
  }
  return parts.length ? parts.join(' · ') : null;
}

// -- header, banner, versions ------------------------------------------------------------

function renderHeader(room) {
  const { version, asset, project, client } = room;
  document.title = `${asset.title} v${version.number} · Review · Greenlight`;
  byId('room-title').textContent = asset.title;
  fill(byId('crumb-project'), h('a', { href: `/assets/${asset.reference}`, title: `The production ${asset.reference} (${project.name}): its timeline, versions and decisions`,
    text: `${asset.reference}${client ? ` · ${client.name}` : ''}` }));
  const variant = version.variant && version.variant !== 'main' ? ` · ${version.variant}` : '';
  byId('version-label').textContent = `v${version.number}${variant}${version.note ? ` — ${version.note}` : ''}`;
  const pill = byId('version-status');
  const status = room.superseded ? 'SUPERSEDED' : version.status;
  pill.hidden = !status;
  pill.textContent = { CURRENT: 'Current', SUPERSEDED: 'Superseded', APPROVED: 'Approved' }[status] || status;
  pill.className = `pill ${String(status).toLowerCase()}`;
  if (version.locked) {
    pill.textContent += ' · locked';
  }
  const banner = byId('banner');
  banner.hidden = !room.superseded;
  if (room.superseded) {
    const latest = (room.stack || []).find((entry) => entry.id === room.latestVersionId);
    fill(banner, h('strong', { text: `v${version.number} is superseded.` }),
      ` ${latest ? `v${latest.number}` : 'A later version'} is the latest: decisions are made there. `,
      h('a', { href: `/review/${room.latestVersionId}`, id: 'latest-link', text: `Open ${latest ? `v${latest.number}` : 'the latest version'}` }));
  }
}

function renderStack(room) {
  const variants = new Map();
  for (const entry of room.stack || []) {
    const key = entry.variant || 'main';
    if (!variants.has(key)) {
      variants.set(key, []);
    }
    variants.get(key).push(entry);
  }
  const groups = [];
  for (const [variant, entries] of variants) {
    groups.push(h('div', { class: 'variant', role: 'group', 'aria-label': `Versions of ${variant}` },
      variants.size > 1 ? h('span', { class: 'variant-name', text: variant }) : null,
      entries.map((entry) => h('a', {
        href: `/review/${entry.id}`,
        class: `version-chip ${String(entry.status).toLowerCase()}${entry.current ? ' current' : ''}`,
        'aria-current': entry.current ? 'page' : null,
        title: `v${entry.number}${entry.fileName ? ` · ${entry.fileName}` : ''} · ${entry.status.toLowerCase()}${entry.latest ? ' · latest' : ''}`,
        'aria-label': `Version ${entry.number}${entry.current ? ' (this one)' : ''}${entry.latest ? ', latest' : ''}, ${entry.status.toLowerCase()}`,
      }, `v${entry.number}`, entry.status === 'APPROVED' ? h('span', { class: 'tick', 'aria-hidden': 'true', text: ' ✓' }) : null))));
  }
  fill(byId('stack'), groups);
}

// -- the stage -----------------------------------------------------------------------------

function buildStage(room) {
  const { version } = room;
  state.kind = room.fileUrl ? kindOf(version.mediaType) : null;
  if (!room.fileUrl) {
    byId('room').setAttribute('data-media-ready', 'true');
  }
  const slot = h('div', { class: 'slot current' }, h('span', { class: 'slot-label', text: `v${version.number}` }));
  byId('stage').append(slot);
  state.view = new MediaView(slot, {
    url: room.fileUrl, mediaType: version.mediaType, label: `v${version.number} of ${room.asset.title}`, fileName: version.fileName,
    fileLink: version.fileLink, note: version.note,
  }, {
    onRegion: (region) => {
      state.region = region;
      stopDrawing();
      renderComposerAnchor();
      byId('comment-body').focus();
    },
    onPin: (id) => select(id, 'pin'),
    onReady: () => byId('room').setAttribute('data-media-ready', 'true'),
    onPage: (page) => {
      byId('page-label').textContent = `Page ${page} of ${state.view.pageCount}`;
      byId('page-prev').disabled = page <= 1;
      byId('page-next').disabled = page >= state.view.pageCount;
      renderComposerAnchor();
      if (state.compare && state.compare.view.kind === 'pdf') {
        state.compare.view.showPage(Math.min(page, state.compare.view.pageCount || page));
      }
    },
    onZoom: (scale, fitted) => {
      byId('zoom-label').textContent = fitted ? `Fit (${Math.round(scale * 100)}%)` : `${Math.round(scale * 100)}%`;
    },
  });
  const timed = state.kind === 'video' || state.kind === 'audio';
  if (timed) {
    const player = new Player(state.view.media);
    state.player = player;
    state.view.timeMs = () => player.time * 1000;
    state.view.fps = () => player.fps;
    let lastFps = player.fps;
    player.onChange(() => {
      state.view.renderPins();
      renderComposerAnchor();
      syncCompare();
      if (player.fps !== lastFps) {
        lastFps = player.fps;
        threads.redrawAll();
      }
    });
    state.timeline = new Timeline(byId('transport-host'), player, state.kind, {
      onMarker: (id) => select(id, 'marker'),
      onRange: (range) => {
        state.range = range;
        renderComposerAnchor();
      },
      onComment: () => startComment(),
    });
    state.view.media.addEventListener('loadedmetadata', () => state.timeline.drawMarks());
  }
  threads.empty.textContent = {
    video: 'No comments yet. Pick a frame or a range, draw a region if it helps, and write what should change.',
    audio: 'No comments yet. Pick a moment or a range and write what should change.',
    image: 'No comments yet. Draw a region and write what should change.',
    pdf: 'No comments yet. Turn to the page and write what should change.',
  }[state.kind] || 'No comments yet.';
  byId('zoom-tools').hidden = !state.view.zoomable;
  byId('draw-region').hidden = !(state.kind === 'video' || state.kind === 'image');
  byId('page-tools').hidden = state.kind !== 'pdf';
  byId('compare-tools').hidden = !room.previousVersionId || !state.kind;
  byId('composer-hint').textContent = state.kind === 'image' ? 'Tip: draw a region to pin the comment on the picture.' : '';
}

function startDrawing() {
  state.view.startDrawing();
  byId('draw-region').setAttribute('aria-pressed', 'true');
  byId('draw-region').textContent = 'Drag on the picture…';
  if (state.player) {
    state.player.pause();
  }
}

function stopDrawing() {
  state.view.stopDrawing();
  byId('draw-region').setAttribute('aria-pressed', 'false');
  byId('draw-region').textContent = 'Draw a region';
}

byId('draw-region').addEventListener('click', () => (state.view.drawing ? stopDrawing() : startDrawing()));
byId('zoom-in').addEventListener('click', () => state.view.zoomBy(1.25));
byId('zoom-out').addEventListener('click', () => state.view.zoomBy(0.8));
byId('zoom-fit').addEventListener('click', () => state.view.fit());
byId('zoom-actual').addEventListener('click', () => state.view.actualSize());
byId('page-prev').addEventListener('click', () => state.view.showPage(state.view.page - 1));
byId('page-next').addEventListener('click', () => state.view.showPage(state.view.page + 1));

function pinsOf(list, tag) {
  const numbers = numbering(list);
  return list.map((thread) => ({
    id: thread.comment.id, number: numbers.get(thread.comment.id), anchor: thread.comment.anchor,
    resolved: thread.comment.resolved, tag,
  }));
}

function drawPins() {
  const pins = pinsOf(state.comments.threads);
  state.view.setPins(pins);
  if (state.timeline) {
    state.timeline.setMarks(pins);
  }
}

// -- selecting a comment ---------------------------------------------------------------------

function select(id, from) {
  const thread = state.comments.threads.find((candidate) => candidate.comment.id === id);
  if (!thread) {
    return;
  }
  state.selected = id;
  const anchor = thread.comment.anchor || {};
  if (anchor.timeMs != null && state.player) {
    state.player.seekMs(anchor.timeMs);
  }
  if (anchor.page != null && state.kind === 'pdf' && anchor.page !== state.view.page) {
    state.view.showPage(anchor.page);
  }
  state.view.select(id);
  if (state.timeline) {
    state.timeline.select(id);
  }
  showTab('comments');
  threads.select(id, from !== 'list');
}

// -- the composer ---------------------------------------------------------------------------

const composer = {
  form: byId('composer'),
  body: byId('comment-body'),
  anchor: byId('composer-anchor'),
  error: byId('composer-error'),
  send: byId('comment-send'),
  atTime: true,
  onPage: true,
};

function composerAnchor() {
  const anchor = {};
  if (state.player && composer.atTime) {
    if (state.range) {
      anchor.timeMs = state.range.timeMs;
      anchor.endMs = state.range.endMs;
    }
    else {
      anchor.timeMs = frameStartMs(state.player.frame, state.player.fps);
    }
  }
  if (state.kind === 'pdf' && composer.onPage) {
    anchor.page = state.view.page;
  }
  if (state.region) {
    Object.assign(anchor, state.region);
  }
  return Object.keys(anchor).length ? anchor : null;
}

function chip(label, onRemove, removeLabel, id) {
  return h('span', { class: 'chip', id }, h('span', { text: label }),
    h('button', { type: 'button', class: 'chip-x', 'aria-label': removeLabel, onclick: onRemove }, '×'));
}

let composerKey = null;
function renderComposerAnchor() {
  const parts = [];
  if (state.player) {
    if (state.range) {
      parts.push({ kind: 'range', label: `${timeText(state.range.timeMs)} – ${timeText(state.range.endMs)}` });
    }
    else {
      parts.push({ kind: 'check', checked: composer.atTime, label: `At ${timeText(frameStartMs(state.player.frame, state.player.fps))}` });
    }
  }
  if (state.kind === 'pdf') {
    parts.push({ kind: 'page', checked: composer.onPage, label: `On page ${state.view.page}` });
  }
  if (state.region) {
    parts.push({ kind: 'region', label: 'Region marked' });
  }
  // while the video plays only the time changes: update the text, keep the elements
  const key = JSON.stringify(parts.map((part) => [part.kind, part.checked, part.kind === 'check' ? '' : part.label]));
  if (key === composerKey) {
    for (const part of parts) {
      const text = byId(`anchor-${part.kind}-text`);
      if (text && text.textContent !== part.label) {
        text.textContent = part.label;
      }
    }
    return;
  }
  composerKey = key;
  fill(composer.anchor, parts.map((part) => {
    if (part.kind === 'range') {
      return chip(part.label, () => {
        state.range = null;
        state.timeline.setRange(null);
        renderComposerAnchor();
      }, 'Forget the range', 'anchor-range');
    }
    if (part.kind === 'region') {
      return chip(part.label, () => {
        state.region = null;
        state.view.setDraft(null);
        renderComposerAnchor();
      }, 'Remove the region', 'anchor-region');
    }
    const input = h('input', { type: 'checkbox', id: `anchor-${part.kind}`, checked: part.checked });
    input.addEventListener('change', () => {
      if (part.kind === 'check') {
        composer.atTime = input.checked;
      }
      else {
        composer.onPage = input.checked;
      }
      renderComposerAnchor();
    });
    return h('label', { class: 'chip check-chip', for: `anchor-${part.kind}` }, input,
      h('span', { text: part.label, id: `anchor-${part.kind}-text` }));
  }));
}

function startComment() {
  if (state.player) {
    state.player.pause();
  }
  showTab('comments');
  composer.body.focus();
}

composer.form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = composer.body.value.trim();
  composer.error.hidden = true;
  if (!body) {
    composer.error.textContent = 'Write the comment first.';
    composer.error.hidden = false;
    composer.body.focus();
    return;
  }
  const unknown = strangers(body, members());
  if (unknown.length) {
    composer.error.textContent = `Only project members can be mentioned: ${unknown.map((u) => `@${u}`).join(', ')} is not one.`;
    composer.error.hidden = false;
    return;
  }
  composer.send.disabled = true;
  try {
    const { body: comment } = await postJson(api.comments, { body, anchor: composerAnchor() });
    composer.body.value = '';
    state.region = null;
    state.range = null;
    state.view.setDraft(null);
    if (state.timeline) {
      state.timeline.setRange(null);
    }
    renderComposerAnchor();
    await refreshComments();
    select(comment.id, 'composer');
  }
  catch (failure) {
    composer.error.textContent = failure.message;
    composer.error.hidden = false;
  }
  finally {
    composer.send.disabled = false;
  }
});

composer.body.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    composer.form.requestSubmit();
  }
});

// -- comments and polling --------------------------------------------------------------------

function applyComments(comments) {
  state.comments = comments;
  threads.update(comments.threads);
  drawPins();
  const open = comments.openCount;
  byId('open-count').textContent = open ? String(open) : '';
  byId('open-count').setAttribute('aria-label', `${open} open`);
  renderPrevious(comments);
}

function renderPrevious(comments) {
  const previous = comments.previousOpen || [];
  const section = byId('previous-open');
  section.hidden = !previous.length;
  if (!previous.length) {
    return;
  }
  byId('previous-title').textContent = `Still open on v${comments.previousNumber} (${previous.length})`;
  const key = JSON.stringify(previous.map((thread) => thread.comment.id));
  if (section.dataset.key === key) {
    return;
  }
  section.dataset.key = key;
  fill(byId('previous-list'), previous.map((thread) => h('li', { 'data-comment': thread.comment.id },
    h('span', { class: 'author', text: members().find((m) => m.id === thread.comment.author)?.name || thread.comment.author }),
    describe(thread.comment.anchor) ? h('span', { class: 'where-text', text: ` · ${describe(thread.comment.anchor)}` }) : null,
    h('p', { text: thread.comment.body }))));
}

// a poll that set out before a change of the user's must not answer after it: only an
// answer to a later request than the one last drawn is drawn
const asked = { comments: 0, room: 0 };
const drawn = { comments: 0, room: 0 };

async function fresh(kind, url) {
  const request = ++asked[kind];
  const answer = await getJson(url);
  if (request < drawn[kind]) {
    return null;
  }
  drawn[kind] = request;
  return answer;
}

async function refreshComments() {
  const comments = await fresh('comments', api.comments);
  if (comments) {
    applyComments(comments);
  }
}

function applyRoom(room) {
  const changes = roomChanges(state.room, room);
  state.room = room;
  if (changes.includes('header')) {
    renderHeader(room);
  }
  if (changes.includes('versions')) {
    renderStack(room);
  }
  if (changes.includes('decision')) {
    decisionPanel.render(room);
    byId('decision-dot').hidden = !(room.myReview && room.myReview.canDecide);
    byId('tab-decision').setAttribute('aria-label', room.myReview && room.myReview.canDecide ? 'Decision (your decision is awaited)' : 'Decision');
  }
}

async function refreshRoom() {
  const room = await fresh('room', api.room);
  if (room) {
    applyRoom(room);
  }
}

let pollFailures = 0;
async function poll() {
  if (!document.hidden) {
    try {
      await Promise.all([refreshComments(), refreshRoom()]);
      if (pollFailures > 0) {
        hideAlert();
      }
      pollFailures = 0;
    }
    catch (failure) {
      pollFailures++;
      if (failure instanceof ApiError && (failure.status === 0 || failure.status >= 500 || failure.status === 401)) {
        showAlert(failure.message);
      }
    }
  }
  setTimeout(poll, POLL_MS);
}

// -- compare ---------------------------------------------------------------------------------

async function setCompare(mode) {
  const stage = byId('stage');
  const room = state.room;
  if (!mode) {
    if (state.compare) {
      state.compare.slot.remove();
      if (state.compare.view.media && state.compare.view.media.pause) {
        state.compare.view.media.pause();
        state.compare.view.media.removeAttribute('src');
      }
      state.compare = null;
    }
    stage.classList.remove('split', 'ab', 'show-previous');
    byId('compare').setAttribute('aria-pressed', 'false');
    for (const id of ['compare-side', 'compare-ab', 'compare-flip']) {
      byId(id).hidden = true;
    }
    state.view.relayout();
    return;
  }
  if (!state.compare) {
    const previous = room.stack.find((entry) => entry.id === room.previousVersionId);
    const slot = h('div', { class: 'slot previous' }, h('span', { class: 'slot-label', text: `v${previous.number}` }));
    stage.prepend(slot);
    const view = new MediaView(slot, {
      url: `/api/versions/${previous.id}/file`, mediaType: previous.mediaType, label: `v${previous.number} of ${room.asset.title}`, fileName: previous.fileName,
    }, {
      onPin: () => {},
      onReady: () => {
        if (view.media) {
          view.media.muted = true;
        }
        syncCompare(true);
        if (view.kind === 'pdf' && state.view.page !== 1) {
          view.showPage(state.view.page);
        }
      },
    });
    if (state.player) {
      view.timeMs = () => state.player.time * 1000;
      view.fps = () => state.player.fps;
    }
    state.compare = { slot, view, number: previous.number };
    const earlier = await getJson(`/api/versions/${previous.id}/comments`).catch(() => null);
    if (earlier && state.compare && state.compare.view === view) {
      view.setPins(pinsOf(earlier.threads, `v${previous.number}`).filter((pin) => !pin.resolved));
    }
  }
  stage.classList.toggle('split', mode === 'side');
  stage.classList.toggle('ab', mode === 'ab');
  stage.classList.remove('show-previous');
  byId('compare').setAttribute('aria-pressed', 'true');
  byId('compare-side').hidden = false;
  byId('compare-ab').hidden = false;
  byId('compare-side').setAttribute('aria-pressed', String(mode === 'side'));
  byId('compare-ab').setAttribute('aria-pressed', String(mode === 'ab'));
  byId('compare-flip').hidden = mode !== 'ab';
  byId('compare-flip').textContent = `Show v${state.compare.number}`;
  byId('compare-flip').setAttribute('aria-pressed', 'false');
  state.compare.mode = mode;
  requestAnimationFrame(() => {
    state.view.relayout();
    state.compare.view.relayout();
  });
}

function syncCompare(force) {
  const other = state.compare && state.compare.view;
  if (!other || !other.media || !state.player || !other.media.duration) {
    return;
  }
  const main = state.player;
  const media = other.media;
  const target = Math.min(main.time, media.duration);
  if (main.state.direction === 1) {
    media.playbackRate = main.media.playbackRate;
    if (media.paused) {
      media.play().catch(() => {});
    }
    if (Math.abs(media.currentTime - target) > 0.15) {
      media.currentTime = target;
    }
  }
  else {
    if (!media.paused) {
      media.pause();
    }
    if (force || Math.abs(media.currentTime - target) > 0.001) {
      media.currentTime = target;
    }
  }
  other.renderPins();
}

byId('compare').addEventListener('click', () => setCompare(state.compare ? null : 'side'));
byId('compare-side').addEventListener('click', () => setCompare('side'));
byId('compare-ab').addEventListener('click', () => setCompare('ab'));
byId('compare-flip').addEventListener('click', () => {
  const stage = byId('stage');
  const showing = stage.classList.toggle('show-previous');
  const room = state.room;
  byId('compare-flip').textContent = showing ? `Show v${room.version.number}` : `Show v${state.compare.number}`;
  byId('compare-flip').setAttribute('aria-pressed', String(showing));
  requestAnimationFrame(() => (showing ? state.compare.view : state.view).relayout());
});

// -- tabs, keys, shortcuts ---------------------------------------------------------------------

function showTab(name) {
  for (const tab of ['comments', 'decision']) {
    const selected = tab === name;
    byId(`tab-${tab}`).setAttribute('aria-selected', String(selected));
    byId(`tab-${tab}`).tabIndex = selected ? 0 : -1;
    byId(tab).hidden = !selected;
  }
}

byId('tab-comments').addEventListener('click', () => showTab('comments'));
byId('tab-decision').addEventListener('click', () => showTab('decision'));
for (const tab of document.querySelectorAll('[role="tab"]')) {
  tab.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      const next = tab.id === 'tab-comments' ? 'decision' : 'comments';
      showTab(next);
      byId(`tab-${next}`).focus();
    }
  });
}

fill(byId('shortcut-list'), SHORTCUTS.map(([keys, what]) => [h('dt', {}, h('kbd', { text: keys })), h('dd', { text: what })]));
byId('show-shortcuts').addEventListener('click', () => byId('shortcuts').showModal());

document.addEventListener('keydown', (event) => {
  if (byId('shortcuts').open) {
    return;
  }
  const action = actionFor(event);
  if (!action) {
    return;
  }
  const player = state.player;
  const handled = {
    togglePlay: () => player && player.togglePlay(),
    pause: () => player && player.shuttle('pause'),
    shuttleBack: () => player && player.shuttle('shuttleBack'),
    shuttleForward: () => player && player.shuttle('shuttleForward'),
    frameBack: () => player && player.step(-1),
    frameForward: () => player && player.step(1),
    secondBack: () => player && player.step(-Math.round(player.fps)),
    secondForward: () => player && player.step(Math.round(player.fps)),
    markIn: () => state.timeline && state.timeline.mark('in'),
    markOut: () => state.timeline && state.timeline.mark('out'),
    toStart: () => player && player.toStart(),
    toEnd: () => player && player.toEnd(),
    comment: () => startComment(),
    cancel: () => {
      stopDrawing();
      state.region = null;
      state.view.setDraft(null);
      renderComposerAnchor();
    },
  }[action];
  if (handled) {
    // the timeline slider would otherwise scroll or move focus with arrows and space
    if (action !== 'cancel' && (player || action === 'comment')) {
      event.preventDefault();
    }
    handled();
  }
});

byId('show-resolved').addEventListener('change', (event) => threads.setShowResolved(event.target.checked));

// -- start -----------------------------------------------------------------------------------

async function start() {
  threads = new ThreadList(byId('threads'), {
    members,
    describe,
    onSelect: (id) => select(id, 'list'),
    reply: async (id, body) => {
      await postJson(api.comments, { body, parentId: id, anchor: null });
      await refreshComments();
    },
    resolve: async (id, resolved, button) => {
      button.disabled = true;
      try {
        await postJson(`/api/comments/${id}/${resolved ? 'resolve' : 'reopen'}`);
        await refreshComments();
      }
      catch (failure) {
        showAlert(failure.message);
        button.disabled = false;
      }
    },
  });
  decisionPanel = new DecisionPanel({
    decide: async (decision, comment) => {
      const answer = await postJson(api.decisions, { decision, comment });
      await refreshRoom().catch(() => {});
      return answer;
    },
  });
  new MentionBox(composer.body, members);
  try {
    const [room, comments] = await Promise.all([getJson(api.room), getJson(api.comments)]);
    applyRoom(room);
    buildStage(room);
    applyComments(comments);
    renderComposerAnchor();
    if (room.myReview && room.myReview.canDecide === false && room.myReview.reason) {
      byId('decision-dot').hidden = true;
    }
  }
  catch (failure) {
    showAlert(failure.message);
  }
  finally {
    main.setAttribute('aria-busy', 'false');
  }
  main.dataset.loaded = 'true';
  setTimeout(poll, POLL_MS);
}

start();
