import { assert, suite } from './harness.js';
import { actionFor, isTyping, shuttle } from '/greenlight/review/keys.js';

const { test, run } = suite();
export { run };

function key(key, target = document.body, modifiers = {}) {
  return { key, target, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...modifiers };
}

function element(tag, attributes = {}) {
  const made = document.createElement(tag);
  Object.assign(made, attributes);
  return made;
}

test('space plays and pauses', () => assert.equal(actionFor(key(' ')), 'togglePlay'));
test('J, K and L shuttle back, pause and play', () => {
  assert.equal(actionFor(key('j')), 'shuttleBack');
  assert.equal(actionFor(key('k')), 'pause');
  assert.equal(actionFor(key('L')), 'shuttleForward');
});
test('arrows step one frame, with Shift one second', () => {
  assert.equal(actionFor(key('ArrowLeft')), 'frameBack');
  assert.equal(actionFor(key('ArrowRight')), 'frameForward');
  assert.equal(actionFor(key('ArrowRight', document.body, { shiftKey: true })), 'secondForward');
});
test('C starts a comment, I and O mark a range', () => {
  assert.equal(actionFor(key('c')), 'comment');
  assert.equal(actionFor(key('i')), 'markIn');
  assert.equal(actionFor(key('o')), 'markOut');
});
test('nothing fires while typing in a textarea', () => {
  const textarea = element('textarea');
  for (const k of [' ', 'j', 'k', 'l', 'c', 'ArrowLeft', 'i']) {
    assert.equal(actionFor(key(k, textarea)), null, k);
  }
});
test('nothing fires while typing in a text, search or e-mail field', () => {
  for (const type of ['text', 'search', 'email', 'number']) {
    assert.equal(actionFor(key('c', element('input', { type }))), null, type);
  }
});
test('nothing fires in a contenteditable element or a select', () => {
  const editable = element('div');
  editable.contentEditable = 'true';
  document.body.append(editable);
  try {
    assert.ok(isTyping(editable), 'contenteditable counts as typing');
    assert.equal(actionFor(key('c', editable)), null);
  }
  finally {
    editable.remove();
  }
  assert.equal(actionFor(key('c', element('select'))), null);
});
test('shortcuts still work with a checkbox focused', () => assert.equal(actionFor(key('c', element('input', { type: 'checkbox' }))), 'comment'));
test('space on a focused button is the button\'s own', () => assert.equal(actionFor(key(' ', element('button'))), null));
test('browser shortcuts (Ctrl+C, Cmd+L) are left alone', () => {
  assert.equal(actionFor(key('c', document.body, { ctrlKey: true })), null);
  assert.equal(actionFor(key('l', document.body, { metaKey: true })), null);
});
test('L plays at 1x, L again 2x, 4x, 8x and no faster', () => {
  let s = { direction: 0, rate: 1 };
  const rates = [];
  for (let i = 0; i < 5; i++) {
    s = shuttle(s, 'shuttleForward');
    rates.push(s.direction * s.rate);
  }
  assert.deepEqual(rates, [1, 2, 4, 8, 8]);
});
test('J plays backwards, J again faster', () => {
  let s = shuttle({ direction: 0, rate: 1 }, 'shuttleBack');
  assert.deepEqual(s, { direction: -1, rate: 1 });
  s = shuttle(s, 'shuttleBack');
  assert.deepEqual(s, { direction: -1, rate: 2 });
});
test('J while playing fast forward slows down, then stops', () => {
  let s = { direction: 1, rate: 4 };
  s = shuttle(s, 'shuttleBack');
  assert.deepEqual(s, { direction: 1, rate: 2 });
  s = shuttle(s, 'shuttleBack');
  assert.deepEqual(s, { direction: 1, rate: 1 });
  s = shuttle(s, 'shuttleBack');
  assert.deepEqual(s, { direction: 0, rate: 1 });
});
test('K stops the shuttle at any speed', () => assert.deepEqual(shuttle({ direction: -1, rate: 8 }, 'pause'), { direction: 0, rate: 1 }));
