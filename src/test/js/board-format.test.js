import { assert, suite } from './harness.js';
import { duration, filtersFrom, hoursInWords, metricFiltersFrom, metricQueryOf, percent, periodOf, phaseWidths, queryOf } from '/greenlight/board/format.js';

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

test('a preset names its period, both days included', () => {
  assert.deepEqual(periodOf('last30', '2026-11-30'), { from: '2026-11-01', to: '2026-11-30' });
  assert.deepEqual(periodOf('lastMonth', '2026-11-30'), { from: '2026-10-01', to: '2026-10-31' });
  assert.deepEqual(periodOf('lastMonth', '2026-01-15'), { from: '2025-12-01', to: '2025-12-31' });
  assert.deepEqual(periodOf('thisMonth', '2026-03-09'), { from: '2026-03-01', to: '2026-03-09' });
  assert.deepEqual(periodOf('last90', '2026-03-01'), { from: '2025-12-02', to: '2026-03-01' });
});

test('metric filters round-trip through the address, empty ones dropped', () => {
  const filters = metricFiltersFrom('?from=2026-10-01&to=2026-10-31&clientId=&assetType=VIDEO&overdue=true');
  assert.deepEqual(filters, { from: '2026-10-01', to: '2026-10-31', assetType: 'VIDEO' });
  assert.equal(metricQueryOf(filters), '?from=2026-10-01&to=2026-10-31&assetType=VIDEO');
});

test('hours and shares read as people say them', () => {
  assert.equal(hoursInWords(null), '–');
  assert.equal(hoursInWords(0.25), '15 min');
  assert.equal(hoursInWords(5.46), '5.5 h');
  assert.equal(hoursInWords(72), '3 days');
  assert.equal(percent(0.666), '67%');
  assert.equal(percent(null), '–');
});
