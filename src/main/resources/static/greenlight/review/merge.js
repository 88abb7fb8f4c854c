/**
 * Polling without flicker: what changed between the threads on screen and the threads
 * just fetched, so only those are redrawn, and the room's parts that need drawing again.
 */

/** What a thread looks like on screen: it is redrawn only when this changes. */
export function signature(thread) {
  const part = (c) => [c.id, c.body, c.resolved, c.resolvedBy, JSON.stringify(c.anchor || null)].join('\u0001');
  return [part(thread.comment), ...(thread.replies || []).map(part)].join('\u0002');
}

/**
 * The change from {@code before} to {@code after} (lists of threads): ids added, changed
 * and removed, and the order after. Unchanged threads keep their elements.
 */
export function diffThreads(before, after) {
  const old = new Map((before || []).map((thread) => [thread.comment.id, signature(thread)]));
  const now = new Set();
  const added = [];
  const changed = [];
  for (const thread of after || []) {
    const id = thread.comment.id;
    now.add(id);
    if (!old.has(id)) {
      added.push(id);
    }
    else if (old.get(id) !== signature(thread)) {
      changed.push(id);
    }
  }
  const removed = [...old.keys()].filter((id) => !now.has(id));
  return { added, changed, removed, order: (after || []).map((thread) => thread.comment.id) };
}

/** Whether anything in the diff needs drawing. */
export function isEmpty(diff) {
  return diff.added.length === 0 && diff.changed.length === 0 && diff.removed.length === 0;
}

/**
 * The number each thread carries on its pin and in the list: its place in the order the
 * comments were made (oldest 1), which a new comment never changes.
 */
export function numbering(threads) {
  const sorted = [...(threads || [])].sort(
    (a, b) => (a.comment.createdAt || '').localeCompare(b.comment.createdAt || '') || a.comment.id.localeCompare(b.comment.id));
  return new Map(sorted.map((thread, index) => [thread.comment.id, index + 1]));
}

/**
 * The parts of the room (the JSON of GET /room) that changed: 'versions', 'decision',
 * 'header'; the page redraws only these, so a half-written decision comment stays.
 */
export function roomChanges(before, after) {
  if (!before) {
    return ['header', 'versions', 'decision'];
  }
  const changes = [];
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(before.version, after.version) || before.superseded !== after.superseded
    || before.latestVersionId !== after.latestVersionId) {
    changes.push('header');
  }
  if (!same(before.stack, after.stack) || before.superseded !== after.superseded) {
    changes.push('versions');
  }
  if (!same(before.stages, after.stages) || !same(before.decisions, after.decisions)
    || !same(before.myReview, after.myReview) || before.superseded !== after.superseded) {
    changes.push('decision');
  }
  return changes;
}
