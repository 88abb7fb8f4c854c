/**
 * @mentions: what the user is typing after an @, the members that fit it, and the text
 * once one is picked. The server accepts a mention of a project member's user id.
 */

// as the server reads them (CommentService.MENTION): @ not after a word character or @
const MENTION = /(?<![\w@])@([A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)/g;

/** The user ids mentioned in {@code text}, each once, in order. */
export function mentionsIn(text) {
  const found = [];
  for (const match of text.matchAll(MENTION)) {
    if (!found.includes(match[1])) {
      found.push(match[1]);
    }
  }
  return found;
}

/**
 * The mention being typed at the caret: {start, query} where start is the index of the
 * @, or null when the caret is not in one.
 */
export function mentionAt(text, caret) {
  const before = text.slice(0, caret);
  const match = /(?:^|[^\w@])@([A-Za-z0-9-]*)$/.exec(before);
  if (!match) {
    return null;
  }
  const query = match[1];
  return { start: caret - query.length - 1, query };
}

/** Members whose id or name fits the query: starts of words first, at most {@code limit}. */
export function suggestions(members, query, limit = 6) {
  const q = query.toLowerCase();
  const scored = [];
  for (const member of members) {
    const id = member.id.toLowerCase();
    const name = (member.name || '').toLowerCase();
    let score = -1;
    if (id.startsWith(q)) {
      score = 0;
    }
    else if (name.split(/\s+/).some((word) => word.startsWith(q))) {
      score = 1;
    }
    else if (id.includes(q) || name.includes(q)) {
      score = 2;
    }
    if (score >= 0) {
      scored.push({ member, score });
    }
  }
  scored.sort((a, b) => a.score - b.score || a.member.id.localeCompare(b.member.id));
  return scored.slice(0, limit).map((entry) => entry.member);
}

/** The text with the mention at {@code mention} replaced by @id and a space; and the caret after it. */
export function insertMention(text, mention, caret, id) {
  const inserted = `@${id} `;
  const after = text.slice(caret).replace(/^[A-Za-z0-9-]*/, '').replace(/^ /, '');
  return {
    text: text.slice(0, mention.start) + inserted + after,
    caret: mention.start + inserted.length,
  };
}

/** Mentions in the text that are not project members (the server would refuse them). */
export function strangers(text, members) {
  const ids = new Set(members.map((member) => member.id));
  return mentionsIn(text).filter((id) => !ids.has(id));
}

/**
 * The text cut into parts for display: plain text and mentions of members (with their
 * names), so the page never builds HTML from what a user wrote.
 */
export function textParts(text, members) {
  const names = new Map(members.map((member) => [member.id, member.name]));
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(MENTION)) {
    if (!names.has(match[1])) {
      continue;
    }
    const at = match.index + match[0].length - match[1].length - 1;
    if (at > last) {
      parts.push({ text: text.slice(last, at) });
    }
    parts.push({ mention: match[1], name: names.get(match[1]) });
    last = at + match[1].length + 1;
  }
  if (last < text.length) {
    parts.push({ text: text.slice(last) });
  }
  return parts;
}
