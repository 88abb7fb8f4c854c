/**
 * What the room says in words: decision rules, decisions, stages, who is awaited, due
 * dates.
 */

export const DECISIONS = {
  APPROVED: 'Approve',
  APPROVED_WITH_CHANGES: 'Approve with changes',
  CHANGES_REQUESTED: 'Request changes',
  NOT_RELEVANT: 'Not relevant to me',
};

/** A decision as it is reported ("approved"), after a name. */
export const DECIDED = {
  APPROVED: 'approved',
  APPROVED_WITH_CHANGES: 'approved with changes',
  CHANGES_REQUESTED: 'requested changes',
  NOT_RELEVANT: 'marked it not relevant',
};

export const STAGES = {
  INTERNAL_REVIEW: 'Internal review', CLIENT_REVIEW: 'Client review', INTERNAL: 'Internal review', CLIENT: 'Client review',
};

/** A member's name, or the id when the member is unknown (e.g. removed since). */
export function nameOf(id, members) {
  const member = (members || []).find((candidate) => candidate.id === id);
  return member ? member.name : id;
}

/** Names joined as people say them: "A", "A and B", "A, B and C". */
export function listOf(names) {
  if (names.length <= 1) {
    return names.join('');
  }
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The stage's decision rule in words. */
export function ruleInWords(stage, members) {
  const count = (stage.reviewers || []).length;
  switch (stage.decisionRule) {
    case 'ALL':
      return count === 1 ? 'The reviewer must approve' : `All ${count} reviewers must approve`;
    case 'ANY':
      return 'Any one approval is enough';
    case 'QUORUM': {
      const quorum = stage.quorum || 1;
      return `${quorum} of ${count} ${count === 1 ? 'reviewer' : 'reviewers'} must approve`;
    }
    case 'PRIMARY':
      return stage.primaryReviewer
        ? `${nameOf(stage.primaryReviewer, members)} decides as primary reviewer; the others advise`
        : 'The primary reviewer decides; the others advise';
    case 'SEQUENTIAL':
      return 'Reviewers decide one after another, in order';
    default:
      return stage.decisionRule || '';
  }
}

/** Who the stage still waits for, in words, or null when nobody. */
export function awaitedInWords(stage, members, meId) {
  const waiting = stage.waitingFor || [];
  if (!stage.running || waiting.length === 0) {
    return null;
  }
  const names = waiting.map((id) => (id === meId ? 'you' : nameOf(id, members)));
  return `Waiting for ${listOf(names)}`;
}

/** How a stage ended, in words, or null while it runs. */
export function outcomeInWords(stage) {
  if (stage.running || !stage.outcome) {
    return null;
  }
  const outcome = DECIDED[stage.outcome] || stage.outcome.toLowerCase().replaceAll('_', ' ');
  return `Settled: ${outcome.replace(/^marked it /, '')}`;
}

/**
 * The due date: {text, overdue}. {@code due} is an ISO date or date-time, {@code now}
 * a Date.
 */
export function dueInWords(due, now) {
  if (!due) {
    return null;
  }
  const date = new Date(due.length === 10 ? `${due}T23:59:59` : due);
  const overdue = date.getTime() < now.getTime();
  const text = formatDate(date, due.length > 10);
  return { text: overdue ? `Overdue since ${text}` : `Due ${text}`, overdue };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 Dec 2026, 14:05" in the browser's time zone (or without the time). */
export function formatDate(date, withTime = true) {
  const day = `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
  if (!withTime) {
    return day;
  }
  return `${day}, ${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** "just now", "5 min ago", "3 h ago", or the date. */
export function ago(iso, now) {
  const date = new Date(iso);
  const seconds = Math.round((now.getTime() - date.getTime()) / 1000);
  if (seconds < 60) {
    return 'just now';
  }
  if (seconds < 3600) {
    return `${Math.floor(seconds / 60)} min ago`;
  }
  if (seconds < 86400) {
    return `${Math.floor(seconds / 3600)} h ago`;
  }
  return formatDate(date);
}

/** Whether a decision needs a comment before it can be sent. */
export function needsComment(decision) {
  return decision === 'CHANGES_REQUESTED';
}

/** The byte count as people read it. */
export function sizeInWords(bytes) {
  if (bytes == null) {
    return '';
  }
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
