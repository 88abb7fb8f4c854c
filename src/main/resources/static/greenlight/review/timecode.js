/**
 * Frame and timecode arithmetic for the review room. Times are seconds (as the media
 * element speaks) or milliseconds (as comments are anchored); frames are counted from 0.
 */

/** Frame rates cameras and editors use; a measured rate snaps to the nearest. */
export const STANDARD_RATES = [23.976, 24, 25, 29.97, 30, 48, 50, 59.94, 60];

export const FALLBACK_FPS = 25;

// a hair, so that 0.52 s * 25 fps (12.999999...) counts as frame 13
const EPSILON = 1e-6;

/** The frame shown at time {@code seconds}. */
export function frameAt(seconds, fps) {
  if (!(seconds > 0)) {
    return 0;
  }
  return Math.floor(seconds * fps + EPSILON);
}

/**
 * Where to seek to show {@code frame}: the middle of the frame, so that rounding in the
 * decoder never lands on the frame before.
 */
export function seekTimeOf(frame, fps) {
  return (Math.max(0, frame) + 0.5) / fps;
}

/**
 * When {@code frame} starts, in whole milliseconds: what a comment's anchor stores.
 * Rounded up, so the stored time lies within the frame (a frame lasts more than a
 * millisecond) and points back at it.
 */
export function frameStartMs(frame, fps) {
  return Math.ceil((Math.max(0, frame) * 1000) / fps - 1e-6);
}

/** The frame a comment anchored at {@code ms} points at. */
export function frameOfMs(ms, fps) {
  return frameAt(ms / 1000, fps);
}

/** The last frame of a file that runs {@code seconds}. */
export function lastFrame(seconds, fps) {
  if (!(seconds > 0) || !Number.isFinite(seconds)) {
    return 0;
  }
  return Math.max(0, Math.ceil(seconds * fps - EPSILON) - 1);
}

/**
 * HH:MM:SS:FF (non-drop-frame) for a time in seconds: the frame count within the second
 * uses the nominal rate (30 for 29.97).
 */
export function timecode(seconds, fps) {
  const nominal = Math.round(fps);
  const frame = frameAt(seconds, fps);
  const ff = frame % nominal;
  const totalSeconds = Math.floor(frame / nominal);
  const ss = totalSeconds % 60;
  const mm = Math.floor(totalSeconds / 60) % 60;
  const hh = Math.floor(totalSeconds / 3600);
  return [hh, mm, ss, ff].map((part) => String(part).padStart(2, '0')).join(':');
}

/** The timecode of a comment's anchor time in milliseconds. */
export function timecodeOfMs(ms, fps) {
  return timecode(ms / 1000, fps);
}

/** M:SS for audio, where frames mean nothing to a listener. */
export function clock(seconds) {
  const whole = Math.max(0, Math.floor(seconds + EPSILON));
  const mm = Math.floor(whole / 60);
  const ss = whole % 60;
  const tenths = Math.floor((Math.max(0, seconds) - whole) * 10 + EPSILON);
  return `${mm}:${String(ss).padStart(2, '0')}.${Math.max(0, Math.min(9, tenths))}`;
}

/**
 * The frame rate from the media times of frames the browser presented
 * (requestVideoFrameCallback): the smallest positive step between consecutive frames,
 * snapped to a standard rate. Null when there is not enough to tell.
 */
export function measuredRate(mediaTimes) {
  const steps = [];
  for (let i = 1; i < mediaTimes.length; i++) {
    const step = mediaTimes[i] - mediaTimes[i - 1];
    if (step > 0.004 && step < 0.2) {
      steps.push(step);
    }
  }
  if (steps.length < 3) {
    return null;
  }
  steps.sort((a, b) => a - b);
  // the median of the smaller half: a dropped frame makes a step twice as long
  const step = steps[Math.floor(steps.length / 4)];
  const rate = 1 / step;
  let best = STANDARD_RATES[0];
  for (const candidate of STANDARD_RATES) {
    if (Math.abs(candidate - rate) < Math.abs(best - rate)) {
      best = candidate;
    }
  }
  return Math.abs(best - rate) / best < 0.03 ? best : null;
}
