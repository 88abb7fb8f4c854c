/**
 * Where things are on the stage: the media's transform in the viewport (fit, zoom about
 * a point, pan), regions as fractions of the frame, and when a pin shows.
 */
import { frameOfMs } from './timecode.js';

export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 16;

/** The scale that shows all of a w×h picture in a viewport of vw×vh (never above 1 unless asked). */
export function fitScale(w, h, vw, vh, allowEnlarge = true) {
  if (!(w > 0 && h > 0 && vw > 0 && vh > 0)) {
    return 1;
  }
  const scale = Math.min(vw / w, vh / h);
  return allowEnlarge ? scale : Math.min(1, scale);
}

/** A view ({scale, x, y}: screen = content × scale + offset) with the picture centred. */
export function centred(w, h, vw, vh, scale) {
  return { scale, x: (vw - w * scale) / 2, y: (vh - h * scale) / 2 };
}

/** The view that fits the picture in the viewport, centred. */
export function fitView(w, h, vw, vh) {
  return centred(w, h, vw, vh, fitScale(w, h, vw, vh));
}

/**
 * Zooms by {@code factor} about the viewport point (px, py), which stays over the same
 * spot of the picture; the scale stays within MIN_ZOOM..MAX_ZOOM.
 */
export function zoomAt(view, factor, px, py) {
  const scale = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.scale * factor));
  const applied = scale / view.scale;
  return { scale, x: px - (px - view.x) * applied, y: py - (py - view.y) * applied };
}

/**
 * Moves the picture by (dx, dy), keeping at least {@code keep} pixels of it inside the
 * viewport, so it cannot be lost off-screen.
 */
export function pan(view, dx, dy, w, h, vw, vh, keep = 48) {
  const sw = w * view.scale;
  const sh = h * view.scale;
  const x = Math.min(vw - Math.min(keep, sw), Math.max(Math.min(keep, sw) - sw, view.x + dx));
  const y = Math.min(vh - Math.min(keep, sh), Math.max(Math.min(keep, sh) - sh, view.y + dy));
  return { scale: view.scale, x, y };
}

/** The picture point (in picture pixels) under viewport point (px, py). */
export function toContent(view, px, py) {
  return { x: (px - view.x) / view.scale, y: (py - view.y) / view.scale };
}

/** The viewport point over picture point (cx, cy). */
export function toViewport(view, cx, cy) {
  return { x: cx * view.scale + view.x, y: cy * view.scale + view.y };
}

function clamp01(value) {
  return Math.min(1, Math.max(0, value));
}

/**
 * The region between two points given as fractions of the frame (either corner first),
 * clamped to the frame; null when it is too small to mean anything (a click, not a drag).
 */
export function regionBetween(a, b, minSize = 0.01) {
  const x1 = clamp01(Math.min(a.x, b.x));
  const y1 = clamp01(Math.min(a.y, b.y));
  const x2 = clamp01(Math.max(a.x, b.x));
  const y2 = clamp01(Math.max(a.y, b.y));
  const w = x2 - x1;
  const h = y2 - y1;
  if (w < minSize || h < minSize) {
    return null;
  }
  // four decimals: a tenth of a pixel on a 4K frame; x + w and y + h stay within 1
  const round = (value) => Math.round(value * 10000) / 10000;
  const x = round(x1);
  const y = round(y1);
  let width = round(w);
  let height = round(h);
  if (x + width > 1) {
    width = Math.floor((1 - x) * 10000) / 10000;
  }
  if (y + height > 1) {
    height = Math.floor((1 - y) * 10000) / 10000;
  }
  return { x, y, w: width, h: height };
}

/** A point on screen as fractions of the element's box on screen (zoomed or not). */
export function fractionIn(rect, clientX, clientY) {
  return { x: (clientX - rect.left) / rect.width, y: (clientY - rect.top) / rect.height };
}

/** Whether an anchor has a region on the frame. */
export function hasRegion(anchor) {
  return !!anchor && anchor.x != null && anchor.y != null && anchor.w != null && anchor.h != null;
}

/**
 * Whether a comment's pin shows with the playhead at {@code currentMs}: a moment on its
 * own frame, a range from its first frame to its last; a comment without a time (an
 * image) always.
 */
export function pinShownAt(anchor, currentMs, fps) {
  if (!anchor || anchor.timeMs == null) {
    return true;
  }
  const frame = frameOfMs(currentMs, fps);
  const first = frameOfMs(anchor.timeMs, fps);
  if (anchor.endMs == null) {
    return frame === first;
  }
  return frame >= first && frame <= frameOfMs(anchor.endMs, fps);
}

/** Left and width of a timeline mark, in percent of the track. */
export function markSpan(anchor, durationMs) {
  if (!anchor || anchor.timeMs == null || !(durationMs > 0)) {
    return null;
  }
  const left = Math.min(100, (anchor.timeMs / durationMs) * 100);
  const width = anchor.endMs != null ? Math.max(0, Math.min(100, (anchor.endMs / durationMs) * 100) - left) : 0;
  return { left, width };
}
