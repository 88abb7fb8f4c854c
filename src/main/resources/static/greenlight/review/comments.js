/**
 * The comments side of the room: the composer (anchor, region, @mentions) and the
 * threads (replies, resolve, reopen), redrawn thread by thread as polling brings news.
 */
import { h, icon } from './dom.js';
import { diffThreads, numbering, signature } from './merge.js';
import { insertMention, mentionAt, strangers, suggestions, textParts } from './mentions.js';
import { ago, nameOf } from './wording.js';

/** A textarea with @mention completion from the project's members. */
export class MentionBox {
  constructor(textarea, members) {
    this.textarea = textarea;
    this.members = members;
    this.active = 0;
    this.list = h('ul', { class: 'mentions', role: 'listbox', hidden: true, id: `${textarea.id}-mentions`, 'aria-label': 'Mention a project member' });
    textarea.setAttribute('aria-autocomplete', 'list');
    textarea.setAttribute('aria-controls', this.list.id);
    const field = h('div', { class: 'field' });
    textarea.replaceWith(field);
    field.append(textarea, this.list);
    textarea.addEventListener('input', () => this.update());
    textarea.addEventListener('click', () => this.update());
    textarea.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    textarea.addEventListener('keydown', (event) => this.key(event));
  }

  update() {
    const mention = mentionAt(this.textarea.value, this.textarea.selectionStart);
    this.mention = mention;
    this.options = mention ? suggestions(this.members(), mention.query) : [];
    if (!this.options.length) {
      this.close();
      return;
    }
    this.active = Math.min(this.active, this.options.length - 1);
    this.list.replaceChildren(...this.options.map((member, index) => h('li', {
      role: 'option', id: `${this.list.id}-${index}`, 'aria-selected': index === this.active ? 'true' : 'false',
      onmousedown: (event) => { event.preventDefault(); this.pick(member); },
    }, h('b', { text: member.name }), h('span', { text: ` @${member.id}` }))));
    this.list.hidden = false;
    this.textarea.setAttribute('aria-expanded', 'true');
    this.textarea.setAttribute('aria-activedescendant', `${this.list.id}-${this.active}`);
  }

  close() {
    this.list.hidden = true;
    this.options = [];
    this.textarea.setAttribute('aria-expanded', 'false');
    this.textarea.removeAttribute('aria-activedescendant');
  }

  key(event) {
    if (this.list.hidden || !this.options.length) {
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.active = (this.active + (event.key === 'ArrowDown' ? 1 : this.options.length - 1)) % this.options.length;
      this.update();
    }
    else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      this.pick(this.options[this.active]);
    }
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.close();
    }
  }

  pick(member) {
    const result = insertMention(this.textarea.value, this.mention, this.textarea.selectionStart, member.id);
    this.textarea.value = result.text;
    this.textarea.setSelectionRange(result.caret, result.caret);
    this.textarea.focus();
    this.close();
    this.textarea.dispatchEvent(new Event('input'));
  }
}

/** A comment's text with its mentions marked, built from text nodes only. */
export function richText(body, members) {
  return textParts(body, members).map((part) => (part.mention
    ? h('span', { class: 'mention', title: `@${part.mention}`, text: `@${part.name}` })
    : part.text));
}

export class ThreadList {
  /**
   * @param hooks {members(), me(), describe(anchor), onSelect(id), reply(id, body), resolve(id, resolved)}
   */
  constructor(host, hooks) {
    this.host = host;
    this.hooks = hooks;
    this.threads = [];
    this.elements = new Map();
    this.replyForms = new Map();
    this.selected = null;
    this.showResolved = true;
    this.empty = h('p', { class: 'empty', text: 'No comments yet. Pick a moment or draw a region, then write what should change.' });
    host.append(this.empty);
  }

  get numbers() {
    return numbering(this.threads);
  }

  /** Draws the new list: only threads that changed are rebuilt; drafts and scroll stay. */
  update(threads) {
    const diff = diffThreads(this.threads, threads);
    this.threads = threads;
    const numbers = this.numbers;
    const byId = new Map(threads.map((thread) => [thread.comment.id, thread]));
    for (const id of diff.removed) {
      this.elements.get(id)?.remove();
      this.elements.delete(id);
      this.replyForms.delete(id);
    }
    for (const id of [...diff.added, ...diff.changed]) {
      const element = this.build(byId.get(id), numbers.get(id));
      const old = this.elements.get(id);
      if (old) {
        old.replaceWith(element);
      }
      this.elements.set(id, element);
    }
    // order, without moving elements that are already in place (keeps focus)
    let previous = null;
    for (const id of diff.order) {
      const element = this.elements.get(id);
      const expected = previous ? previous.nextSibling : this.host.firstChild;
      if (element !== expected) {
        if (previous) {
          previous.after(element);
        }
        else {
          this.host.prepend(element);
        }
      }
      previous = element;
    }
    this.empty.hidden = threads.length > 0;
    this.host.append(this.empty);
    this.filter();
    // "5 min ago" moves on while nothing else changes
    const now = new Date();
    for (const time of this.host.querySelectorAll('time[datetime]')) {
      const text = ago(time.dateTime, now);
      if (time.textContent !== text) {
        time.textContent = text;
      }
    }
    return diff;
  }

  /** Redraws every thread (e.g. once the frame rate is known, for the timecodes). */
  redrawAll() {
    const threads = this.threads;
    this.threads = [];
    for (const element of this.elements.values()) {
      element.remove();
    }
    this.elements.clear();
    this.update(threads);
  }

  setShowResolved(show) {
    this.showResolved = show;
    this.filter();
  }

  filter() {
    for (const thread of this.threads) {
      const element = this.elements.get(thread.comment.id);
      if (element) {
        element.hidden = !this.showResolved && thread.comment.resolved && thread.comment.id !== this.selected;
      }
    }
  }

  select(id, scroll) {
    this.selected = id;
    for (const [threadId, element] of this.elements) {
      element.classList.toggle('selected', threadId === id);
      element.setAttribute('aria-current', threadId === id ? 'true' : 'false');
    }
    this.filter();
    const element = this.elements.get(id);
    if (element && scroll) {
      element.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    }
  }

  build(thread, number) {
    const { comment, replies } = thread;
    const members = this.hooks.members();
    const where = this.hooks.describe(comment.anchor);
    const replyForm = this.replyForm(comment.id);
    const element = h('article', {
      class: `thread${comment.resolved ? ' resolved' : ''}${comment.id === this.selected ? ' selected' : ''}`,
      id: `thread-${comment.id}`, 'data-comment': comment.id, 'data-signature': signature(thread),
      'aria-label': `Comment ${number} by ${nameOf(comment.author, members)}`,
    },
    h('header', {},
      h('button', {
        type: 'button', class: 'number', 'aria-label': `Show comment ${number}${where ? ` at ${where}` : ''}`,
        onclick: () => this.hooks.onSelect(comment.id),
      }, String(number)),
      h('span', { class: 'author', text: nameOf(comment.author, members) }),
      h('time', { datetime: comment.createdAt, title: new Date(comment.createdAt).toLocaleString(), text: ago(comment.createdAt, new Date()) }),
      where ? h('button', { type: 'button', class: 'where', onclick: () => this.hooks.onSelect(comment.id), 'aria-label': `Go to ${where}` }, where) : null,
      comment.resolved ? h('span', { class: 'badge resolved-badge', text: 'Resolved' }) : null),
    h('p', { class: 'body' }, richText(comment.body, members)),
    replies.length ? h('ol', { class: 'replies', 'aria-label': 'Replies' }, replies.map((reply) => h('li', { class: 'reply', 'data-comment': reply.id },
      h('div', { class: 'reply-head' }, h('span', { class: 'author', text: nameOf(reply.author, members) }),
        h('time', { datetime: reply.createdAt, text: ago(reply.createdAt, new Date()) })),
      h('p', { class: 'body' }, richText(reply.body, members))))) : null,
    h('footer', {},
      h('button', { type: 'button', class: 'link-button reply-toggle', 'aria-expanded': replyForm.hidden ? 'false' : 'true',
        onclick: (event) => {
          replyForm.hidden = !replyForm.hidden;
          event.currentTarget.setAttribute('aria-expanded', String(!replyForm.hidden));
          if (!replyForm.hidden) {
            replyForm.querySelector('textarea').focus();
          }
        } }, icon('reply'), 'Reply'),
      h('button', { type: 'button', class: `link-button ${comment.resolved ? 'reopen' : 'resolve'}`,
        onclick: (event) => this.hooks.resolve(comment.id, !comment.resolved, event.currentTarget) },
      icon(comment.resolved ? 'reopen' : 'check'), comment.resolved ? 'Reopen' : 'Resolve'),
      comment.resolved && comment.resolvedBy ? h('span', { class: 'resolved-by', text: `by ${nameOf(comment.resolvedBy, members)}` }) : null),
    replyForm);
    element.addEventListener('click', (event) => {
      if (!event.target.closest('button, a, textarea, input, form, .mentions')) {
        this.hooks.onSelect(comment.id);
      }
    });
    return element;
  }

  // one per thread, kept across redraws so a half-written reply survives polling
  replyForm(id) {
    if (this.replyForms.has(id)) {
      return this.replyForms.get(id);
    }
    const fieldId = `reply-${id}`;
    const textarea = h('textarea', { id: fieldId, rows: '2', required: true, maxlength: '4000', placeholder: 'Reply… (@ to mention)' });
    const error = h('p', { class: 'field-error', role: 'alert', hidden: true });
    const send = h('button', { type: 'submit', class: 'primary small' }, 'Send reply');
    const form = h('form', { class: 'reply-form', hidden: true, 'aria-label': 'Reply' },
      h('label', { for: fieldId, class: 'visually-hidden', text: 'Your reply' }), textarea, error,
      h('div', { class: 'form-actions' },
        h('button', { type: 'button', class: 'link-button', onclick: () => { form.hidden = true; } }, 'Cancel'), send));
    new MentionBox(textarea, this.hooks.members);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const body = textarea.value.trim();
      error.hidden = true;
      if (!body) {
        error.textContent = 'Write a reply first.';
        error.hidden = false;
        return;
      }
      const unknown = strangers(body, this.hooks.members());
      if (unknown.length) {
        error.textContent = `Only project members can be mentioned: ${unknown.map((u) => `@${u}`).join(', ')}.`;
        error.hidden = false;
        return;
      }
      send.disabled = true;
      try {
        await this.hooks.reply(id, body);
        textarea.value = '';
        form.hidden = true;
      }
      catch (failure) {
        error.textContent = failure.message;
        error.hidden = false;
      }
      finally {
        send.disabled = false;
      }
    });
    this.replyForms.set(id, form);
    return form;
  }
}
