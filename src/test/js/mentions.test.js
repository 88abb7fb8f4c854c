import { assert, suite } from './harness.js';
import { insertMention, mentionAt, mentionsIn, strangers, suggestions, textParts } from '/greenlight/review/mentions.js';

const { test, run } = suite();
export { run };

const members = [
  { id: 'reviewer1', name: 'Riley Reviewer', role: 'REVIEWER' },
  { id: 'reviewer2', name: 'Robin Reviewer', role: 'REVIEWER' },
  { id: 'client', name: 'Casey Client', role: 'CLIENT_REVIEWER' },
  { id: 'creative', name: 'Charlie Creative', role: 'CREATIVE' },
];

test('mentions in a text, each once', () => assert.deepEqual(mentionsIn('@client and @reviewer2, again @client'), ['client', 'reviewer2']));
test('an e-mail address is not a mention', () => assert.deepEqual(mentionsIn('write to a@example.com'), []));
test('the mention being typed at the caret', () => assert.deepEqual(mentionAt('Logo @rev', 9), { start: 5, query: 'rev' }));
test('a bare @ starts a mention', () => assert.deepEqual(mentionAt('Hi @', 4), { start: 3, query: '' }));
test('no mention once a space follows', () => assert.equal(mentionAt('@client ok', 10), null));
test('ids that start with the query come first, then names', () => {
  assert.deepEqual(suggestions(members, 'c').map((m) => m.id), ['client', 'creative']);
  assert.deepEqual(suggestions(members, 'robin').map((m) => m.id), ['reviewer2']);
});
test('an empty query offers every member, at most the limit', () => assert.equal(suggestions(members, '', 3).length, 3));
test('picking a member completes the mention and puts the caret after it', () => {
  const text = 'Ask @rev about it';
  const result = insertMention(text, mentionAt(text, 8), 8, 'reviewer2');
  assert.equal(result.text, 'Ask @reviewer2 about it');
  assert.equal(result.caret, 'Ask @reviewer2 '.length);
});
test('a mention of someone outside the project is caught before sending', () => assert.deepEqual(strangers('@client and @mallory', members), ['mallory']));
test('a comment is shown as text and member mentions, never as HTML', () => {
  assert.deepEqual(textParts('<b>hi</b> @client!', members), [{ text: '<b>hi</b> ' }, { mention: 'client', name: 'Casey Client' }, { text: '!' }]);
});
