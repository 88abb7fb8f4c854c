import { assert, suite } from './harness.js';
import { diffThreads, isEmpty, numbering, roomChanges } from '/greenlight/review/merge.js';

const { test, run } = suite();
export { run };

function thread(id, extra = {}, replies = []) {
  return { comment: { id, body: `body ${id}`, resolved: false, anchor: { timeMs: 0 }, createdAt: `2026-11-30T06:00:0${id.length}Z`, ...extra }, replies };
}

test('the same threads again change nothing', () => {
  const threads = [thread('a'), thread('bb')];
  assert.ok(isEmpty(diffThreads(threads, JSON.parse(JSON.stringify(threads)))));
});
test('a new comment from someone else is added, the rest untouched', () => {
  const diff = diffThreads([thread('a')], [thread('a'), thread('bb')]);
  assert.deepEqual(diff.added, ['bb']);
  assert.deepEqual(diff.changed, []);
});
test('a reply changes its thread', () => {
  const diff = diffThreads([thread('a')], [thread('a', {}, [{ id: 'r', body: 'yes', resolved: false }])]);
  assert.deepEqual(diff.changed, ['a']);
});
test('resolving changes the thread', () => assert.deepEqual(diffThreads([thread('a')], [thread('a', { resolved: true, resolvedBy: 'x' })]).changed, ['a']));
test('a comment gone is removed', () => assert.deepEqual(diffThreads([thread('a'), thread('bb')], [thread('bb')]).removed, ['a']));
test('numbers follow the order comments were made, and a new one does not renumber', () => {
  const before = numbering([thread('a'), thread('bb')]);
  const after = numbering([thread('a'), thread('bb'), thread('ccc')]);
  assert.equal(after.get('a'), before.get('a'));
  assert.equal(after.get('bb'), before.get('bb'));
  assert.equal(after.get('ccc'), 3);
});
test('a new decision redraws the decision panel only', () => {
  const room = { version: { id: 'v' }, stack: [], stages: [], decisions: [], myReview: { canDecide: true }, superseded: false };
  const next = { ...room, decisions: [{ id: 'd' }] };
  assert.deepEqual(roomChanges(room, next), ['decision']);
});
test('a newer version supersedes: header, versions and decision change', () => {
  const room = { version: { id: 'v' }, stack: [1], stages: [], decisions: [], myReview: {}, superseded: false, latestVersionId: 'v' };
  assert.deepEqual(roomChanges(room, { ...room, stack: [1, 2], superseded: true, latestVersionId: 'w' }), ['header', 'versions', 'decision']);
});
