import { assert, suite } from './harness.js';
import { clock, frameAt, frameOfMs, frameStartMs, lastFrame, measuredRate, seekTimeOf, timecode, timecodeOfMs } from '/greenlight/review/timecode.js';

const { test, run } = suite();
export { run };

test('timecode of the first frame', () => assert.equal(timecode(0, 25), '00:00:00:00'));
test('timecode of frame 13 at 25 fps', () => assert.equal(timecode(0.52, 25), '00:00:00:13'));
test('timecode rolls frames into seconds, minutes and hours', () => assert.equal(timecode(3661 + 1 / 25, 25), '01:01:01:01'));
test('timecode at 29.97 counts 30 frames a second (non-drop)', () => assert.equal(timecode(29 / 29.97, 29.97), '00:00:00:29'));
test('timecode of a comment anchored at 520 ms', () => assert.equal(timecodeOfMs(520, 25), '00:00:00:13'));
test('time just below a frame boundary by floating error still counts as that frame', () => assert.equal(frameAt(0.5199999999999999, 25), 13));
test('a negative or missing time is frame 0', () => {
  assert.equal(frameAt(-1, 25), 0);
  assert.equal(frameAt(NaN, 25), 0);
});
for (const fps of [23.976, 24, 25, 29.97, 30, 50, 60]) {
  test(`seeking to a frame shows that frame (${fps} fps, frames 0-2000)`, () => {
    for (let frame = 0; frame <= 2000; frame++) {
      assert.equal(frameAt(seekTimeOf(frame, fps), fps), frame, `frame ${frame}`);
    }
  });
  test(`a comment stored in whole ms points back at its frame (${fps} fps, frames 0-20000)`, () => {
    for (let frame = 0; frame <= 20000; frame++) {
      assert.equal(frameOfMs(frameStartMs(frame, fps), fps), frame, `frame ${frame}`);
    }
  });
}
test('frame 13 at 25 fps starts at 520 ms', () => assert.equal(frameStartMs(13, 25), 520));
test('a 4 s clip at 25 fps ends on frame 99', () => assert.equal(lastFrame(4, 25), 99));
test('a clip of 4.02 s at 25 fps ends on frame 100', () => assert.equal(lastFrame(4.02, 25), 100));
test('the frame rate measured from presented frames snaps to 25', () => {
  const times = [];
  for (let i = 0; i < 30; i++) {
    times.push(i / 25 + (i % 3) * 0.0004);
  }
  assert.equal(measuredRate(times), 25);
});
test('a dropped frame does not halve the measured rate', () => {
  const times = [0, 0.04, 0.08, 0.16, 0.2, 0.24, 0.32, 0.36, 0.4, 0.44];
  assert.equal(measuredRate(times), 25);
});
test('29.97 is told from 30', () => {
  const times = Array.from({ length: 20 }, (_, i) => i / 29.97);
  assert.equal(measuredRate(times), 29.97);
});
test('too few frames tell nothing', () => assert.equal(measuredRate([0, 0.04]), null));
test('audio time reads as minutes, seconds and tenths', () => assert.equal(clock(83.46), '1:23.4'));
test('frame 2 at 24 fps is stored as 84 ms (within the frame), not 83 (the frame before)', () => assert.equal(frameStartMs(2, 24), 84));
