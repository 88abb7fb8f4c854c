import { assert, suite } from './harness.js';
import { awaitedInWords, dueInWords, listOf, needsComment, outcomeInWords, ruleInWords } from '/greenlight/review/wording.js';

const { test, run } = suite();
export { run };

const members = [{ id: 'reviewer1', name: 'Riley Reviewer' }, { id: 'reviewer2', name: 'Robin Reviewer' }, { id: 'client', name: 'Casey Client' }];
const stage = (rule, extra = {}) => ({ decisionRule: rule, reviewers: ['reviewer1', 'reviewer2'], waitingFor: [], running: true, ...extra });

test('ALL', () => assert.equal(ruleInWords(stage('ALL'), members), 'All 2 reviewers must approve'));
test('ANY', () => assert.equal(ruleInWords(stage('ANY'), members), 'Any one approval is enough'));
test('QUORUM', () => assert.equal(ruleInWords(stage('QUORUM', { quorum: 2, reviewers: ['a', 'b', 'c'] }), members), '2 of 3 reviewers must approve'));
test('PRIMARY names the primary reviewer', () => assert.equal(ruleInWords(stage('PRIMARY', { primaryReviewer: 'client' }), members), 'Casey Client decides as primary reviewer; the others advise'));
test('SEQUENTIAL', () => assert.equal(ruleInWords(stage('SEQUENTIAL'), members), 'Reviewers decide one after another, in order'));
test('who is awaited, with "you" for me', () => assert.equal(awaitedInWords(stage('ALL', { waitingFor: ['reviewer1', 'reviewer2'] }), members, 'reviewer2'), 'Waiting for Riley Reviewer and you'));
test('nobody is awaited once the stage settled', () => assert.equal(awaitedInWords(stage('ALL', { waitingFor: ['reviewer1'], running: false }), members, 'x'), null));
test('names in a list', () => assert.equal(listOf(['A', 'B', 'C']), 'A, B and C'));
test('a due date in the past is overdue', () => {
  const due = dueInWords('2026-11-02T10:00:00Z', new Date('2026-11-30T10:00:00Z'));
  assert.ok(due.overdue, 'overdue');
  assert.ok(due.text.startsWith('Overdue since 2 Nov 2026'), due.text);
});
test('a due date ahead is not overdue', () => {
  const due = dueInWords('2026-12-10', new Date('2026-11-30T10:00:00Z'));
  assert.equal(due.text, 'Due 10 Dec 2026');
  assert.ok(!due.overdue);
});
test('the day a date is due is not overdue yet', () => assert.ok(!dueInWords('2026-11-30', new Date('2026-11-30T12:00:00')).overdue));
test('changes need a comment, approvals do not', () => {
  assert.ok(needsComment('CHANGES_REQUESTED'));
  assert.ok(!needsComment('APPROVED'));
  assert.ok(!needsComment('APPROVED_WITH_CHANGES'));
});
test('a settled stage says how', () => assert.equal(outcomeInWords({ running: false, outcome: 'CHANGES_REQUESTED' }), 'Settled: requested changes'));
