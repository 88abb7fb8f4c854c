/**
 * A very small test harness for the room's modules, run in Chromium by
 * ReviewRoomScriptsIT: each *.test.js file exports run(), which resolves to
 * [{name, ok, message}], one per case.
 */

export function suite() {
  const cases = [];
  return {
    test(name, fn) {
      cases.push({ name, fn });
    },
    async run() {
      const results = [];
      for (const { name, fn } of cases) {
        try {
          await fn();
          results.push({ name, ok: true, message: '' });
        }
        catch (failure) {
          results.push({ name, ok: false, message: failure && failure.message ? failure.message : String(failure) });
        }
      }
      return results;
    },
  };
}

function show(value) {
  return typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
}

export const assert = {
  equal(actual, expected, what = '') {
    if (actual !== expected) {
      throw new Error(`${what ? `${what}: ` : ''}expected ${show(expected)} but was ${show(actual)}`);
    }
  },
  deepEqual(actual, expected, what = '') {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      throw new Error(`${what ? `${what}: ` : ''}expected ${show(expected)} but was ${show(actual)}`);
    }
  },
  close(actual, expected, epsilon = 1e-9, what = '') {
    if (!(Math.abs(actual - expected) <= epsilon)) {
      throw new Error(`${what ? `${what}: ` : ''}expected ${expected} ± ${epsilon} but was ${actual}`);
    }
  },
  ok(value, what = 'expected true') {
    if (!value) {
      throw new Error(what);
    }
  },
};
