import { assert, suite } from './harness.js';
import { duration, filtersFrom, phaseWidths, queryOf } from '/greenlight/board/format.js';

const { test, run } = suite();
export { run };

test('a duration names its two largest units', () => {
  assert.equal(duration(30), 'under a minute');
  assert.equal(duration(45 * 60), '45 min');
  assert.equal(duration(3 * 3600 + 20 * 60), '3 h 20 min');
  assert.equal(duration(2 * 3600), '2 h');
  assert.equal(duration(2 * 86400 + 4 * 3600 + 59 * 60), '2 d 4 h');
  assert.equal(duration(3 * 86400), '3 d');
});

test('filters come from the address and go back to it unchanged', () => {
  const filters = filtersFrom('?overdue=true&projectId=p-1&waitingOnMe=false&junk=1&clientId=');
  assert.deepEqual(filters, { projectId: 'p-1', overdue: true });
  assert.equal(queryOf(filters), '?projectId=p-1&overdue=true');
  assert.equal(queryOf({}), '');
  assert.equal(queryOf({ overdue: false, producer: 'producer' }), '?producer=producer');
});

test('each phase is as wide as its share of the time, a short one still visible', () => {
  const widths = phaseWidths([3600, 86400, 60]);
  assert.close(widths.reduce((sum, width) => sum + width, 0), 100, 1e-9, 'sum');
  assert.equal(widths[2], 4, 'the minute-long phase gets the minimum');
  assert.ok(widths[1] > widths[0] * 20, 'a day is far wider than an hour');
});

test('phases that took no time at all, or too many short ones, share the bar equally', () => {
  assert.deepEqual(phaseWidths([0, 0]), [50, 50]);
  assert.deepEqual(phaseWidths([]), []);
  const many = phaseWidths(Array.from({ length: 30 }, (ignored, index) => (index === 0 ? 1000000 : 1)));
  assert.close(many[5], 100 / 30);
});
