import { assert, suite } from './harness.js';
import { MAX_ZOOM, centred, fitScale, fitView, fractionIn, markSpan, pan, pinShownAt, regionBetween, toContent, toViewport, zoomAt } from '/greenlight/review/geometry.js';

const { test, run } = suite();
export { run };

test('a 16:9 frame fits a wide viewport by its height', () => assert.close(fitScale(1920, 1080, 1000, 400), 400 / 1080));
test('a fitted frame is centred', () => {
  const view = fitView(640, 360, 1000, 800);
  assert.close(view.scale, 1000 / 640);
  assert.close(view.x, 0);
  assert.close(view.y, (800 - 360 * view.scale) / 2);
});
test('zooming about a point keeps that point of the picture under it', () => {
  const view = centred(960, 600, 800, 600, 0.5);
  const before = toContent(view, 300, 200);
  const zoomed = zoomAt(view, 2.5, 300, 200);
  const after = toContent(zoomed, 300, 200);
  assert.close(after.x, before.x, 1e-9, 'x');
  assert.close(after.y, before.y, 1e-9, 'y');
  assert.close(zoomed.scale, 1.25);
});
test('zoom stops at the maximum', () => assert.equal(zoomAt({ scale: 10, x: 0, y: 0 }, 4, 0, 0).scale, MAX_ZOOM));
test('viewport and picture coordinates are inverse', () => {
  const view = { scale: 1.7, x: -120, y: 33 };
  const point = toViewport(view, 412, 96);
  const back = toContent(view, point.x, point.y);
  assert.close(back.x, 412);
  assert.close(back.y, 96);
});
test('panning cannot push the picture out of sight', () => {
  const moved = pan({ scale: 1, x: 0, y: 0 }, -5000, -5000, 960, 600, 800, 600);
  assert.equal(moved.x, 48 - 960);
  assert.equal(moved.y, 48 - 600);
});
test('a region dragged from bottom right to top left is the same region', () => {
  assert.deepEqual(regionBetween({ x: 0.7, y: 0.6 }, { x: 0.2, y: 0.1 }), { x: 0.2, y: 0.1, w: 0.5, h: 0.5 });
});
test('a region dragged past the frame is clamped to it', () => {
  const region = regionBetween({ x: 0.5, y: 0.5 }, { x: 1.4, y: -0.2 });
  assert.deepEqual(region, { x: 0.5, y: 0, w: 0.5, h: 0.5 });
  assert.ok(region.x + region.w <= 1 && region.y + region.h <= 1, 'within the frame');
});
test('a click is not a region', () => assert.equal(regionBetween({ x: 0.3, y: 0.3 }, { x: 0.302, y: 0.301 }), null));
test('a point on a zoomed element is a fraction of its box on screen', () => {
  const rect = { left: 100, top: 50, width: 800, height: 450 };
  assert.deepEqual(fractionIn(rect, 500, 275), { x: 0.5, y: 0.5 });
});
test('a moment pin shows on its own frame only', () => {
  const anchor = { timeMs: 520, x: 0.1, y: 0.1, w: 0.2, h: 0.2 };
  assert.ok(pinShownAt(anchor, 540, 25), 'at frame 13');
  assert.ok(!pinShownAt(anchor, 500, 25), 'not at frame 12');
  assert.ok(!pinShownAt(anchor, 560, 25), 'not at frame 14');
});
test('a range pin shows from its first to its last frame', () => {
  const anchor = { timeMs: 1000, endMs: 2000 };
  assert.ok(pinShownAt(anchor, 1500, 25));
  assert.ok(pinShownAt(anchor, 2000, 25));
  assert.ok(!pinShownAt(anchor, 960, 25));
  assert.ok(!pinShownAt(anchor, 2040, 25));
});
test('a pin without a time (an image) always shows', () => assert.ok(pinShownAt({ x: 0, y: 0, w: 0.5, h: 0.5 }, 123456, 25)));
test('a range mark spans its part of the timeline', () => assert.deepEqual(markSpan({ timeMs: 1000, endMs: 3000 }, 4000), { left: 25, width: 50 }));
test('any dragged region lies within the frame, as the server requires', () => {
  let seed = 7;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return (seed / 2147483647) * 1.4 - 0.2;
  };
  for (let i = 0; i < 5000; i++) {
    const region = regionBetween({ x: random(), y: random() }, { x: random(), y: random() });
    if (region) {
      assert.ok(region.x >= 0 && region.y >= 0 && region.w > 0 && region.h > 0, JSON.stringify(region));
      assert.ok(region.x + region.w <= 1 && region.y + region.h <= 1, `outside: ${JSON.stringify(region)}`);
    }
  }
});
