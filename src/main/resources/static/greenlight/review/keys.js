/**
 * The keyboard habits of video reviewers, as a mapping from key events to actions, and
 * the J/K/L shuttle. No DOM here beyond reading the event.
 */

/** Whether the key went to something the user types into: then no shortcut fires. */
export function isTyping(target) {
  if (!target || !target.tagName) {
    return false;
  }
  const tag = target.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select' || target.isContentEditable) {
    return true;
  }
  if (tag === 'input') {
    const type = (target.type || 'text').toLowerCase();
    return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'image', 'file', 'color'].includes(type);
  }
  return false;
}

// keys that a focused button or link answers itself: space clicks it
function isControl(target) {
  if (!target || !target.tagName) {
    return false;
  }
  const tag = target.tagName.toLowerCase();
  return tag === 'button' || tag === 'a' || (tag === 'input' && !isTyping(target));
}

/**
 * The action for a keydown event, or null. {@code event} needs key, target and the
 * modifier flags.
 */
export function actionFor(event) {
  if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) {
    return null;
  }
  switch (event.key) {
    case ' ':
    case 'Spacebar':
      return isControl(event.target) ? null : 'togglePlay';
    case 'j':
    case 'J':
      return 'shuttleBack';
    case 'k':
    case 'K':
      return 'pause';
    case 'l':
    case 'L':
      return 'shuttleForward';
    case 'ArrowLeft':
      return event.shiftKey ? 'secondBack' : 'frameBack';
    case 'ArrowRight':
      return event.shiftKey ? 'secondForward' : 'frameForward';
    case 'c':
    case 'C':
      return 'comment';
    case 'i':
    case 'I':
      return 'markIn';
    case 'o':
    case 'O':
      return 'markOut';
    case 'Home':
      return 'toStart';
    case 'End':
      return 'toEnd';
    case 'Escape':
      return 'cancel';
    default:
      return null;
  }
}

export const SHUTTLE_RATES = [1, 2, 4, 8];

/**
 * The shuttle after a J, K or L: {@code state} and the result are {direction: -1|0|1,
 * rate}. L plays, L again plays faster; J plays backwards, J again faster; the other
 * direction's key first slows down, then turns; K stops.
 */
export function shuttle(state, action) {
  const direction = state ? state.direction : 0;
  const rate = state ? state.rate : 1;
  if (action === 'pause') {
    return { direction: 0, rate: 1 };
  }
  const wanted = action === 'shuttleForward' ? 1 : action === 'shuttleBack' ? -1 : null;
  if (wanted === null) {
    return { direction, rate };
  }
  if (direction === 0) {
    return { direction: wanted, rate: 1 };
  }
  if (direction === wanted) {
    const next = SHUTTLE_RATES.find((candidate) => candidate > rate);
    return { direction, rate: next === undefined ? rate : next };
  }
  // the other way: slow down first, stop at 1x
  const slower = [...SHUTTLE_RATES].reverse().find((candidate) => candidate < rate);
  return slower === undefined ? { direction: 0, rate: 1 } : { direction, rate: slower };
}

/** What the keyboard help lists, in order. */
export const SHORTCUTS = [
  ['Space', 'Play or pause'],
  ['J / K / L', 'Play backwards (again: faster) / pause / play (again: faster)'],
  ['← / →', 'One frame back / forward'],
  ['Shift + ← / →', 'One second back / forward'],
  ['Home / End', 'To the first / last frame'],
  ['I / O', 'Mark the start / end of a range to comment on'],
  ['C', 'Comment at the current frame'],
  ['Esc', 'Cancel the region or range being marked'],
];
