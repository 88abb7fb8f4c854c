/**
 * The decision panel: the stage's rule in words, who is awaited, the due date, the
 * decisions made so far, and the reviewer's own decision, which the API may refuse.
 */
import { h, byId, fill } from './dom.js';
import { DECIDED, DECISIONS, STAGES, awaitedInWords, dueInWords, formatDate, nameOf, needsComment, outcomeInWords, ruleInWords } from './wording.js';

export class DecisionPanel {
  /** @param hooks {decide(decision, comment) -> Promise<{status, body}>} */
  constructor(hooks) {
    this.hooks = hooks;
    this.facts = byId('decision-facts');
    this.form = byId('decision-form');
    this.status = byId('decision-status');
    this.error = byId('decision-error');
    this.reason = byId('decision-reason');
    this.comment = byId('decision-comment');
    this.hint = byId('decision-comment-hint');
    this.send = byId('decision-send');
    this.form.addEventListener('change', () => this.hintComment());
    this.comment.addEventListener('input', () => this.hintComment());
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
  }

  chosen() {
    const checked = this.form.querySelector('input[name="decision"]:checked');
    return checked ? checked.value : null;
  }

  hintComment() {
    const required = needsComment(this.chosen());
    this.comment.required = required;
    this.hint.textContent = required
      ? 'A comment is required when you request changes: say what should change.'
      : 'Optional: anything the team should know.';
    this.hint.classList.toggle('required', required);
    byId('decision-comment-label').textContent = required ? 'Comment (required)' : 'Comment';
    if (!required || this.comment.value.trim()) {
      this.error.hidden = true;
    }
  }

  /** Draws the panel for the room's facts. */
  render(room) {
    this.room = room;
    const members = room.members || [];
    const me = room.me.id;
    const now = new Date();
    const stages = room.stages || [];
    const parts = [];
    for (const stage of stages.slice().reverse()) {
      const due = stage.running ? dueInWords(stage.dueAt, now) : null;
      const awaited = awaitedInWords(stage, members, me);
      const outcome = outcomeInWords(stage);
      parts.push(h('section', { class: `stage-card${stage.running ? ' running' : ''}`, 'data-stage': stage.stage },
        h('h3', {}, STAGES[stage.stage] || stage.stage, stage.running ? h('span', { class: 'badge live', text: 'In progress' }) : null),
        h('p', { class: 'rule', 'data-rule': stage.decisionRule, text: ruleInWords(stage, members) }),
        awaited ? h('p', { class: 'awaited', text: awaited }) : null,
        due ? h('p', { class: `due${due.overdue ? ' overdue' : ''}`, text: due.text }) : null,
        outcome ? h('p', { class: 'outcome', text: outcome }) : null));
    }
    if (!stages.length) {
      parts.push(h('p', { class: 'muted', text: 'No review stage has started on this version.' }));
    }
    const decisions = room.decisions || [];
    if (decisions.length) {
      parts.push(h('h3', { class: 'decisions-title', text: 'Decisions' }),
        h('ol', { class: 'decisions', id: 'decisions' }, decisions.map((decision) => h('li', { class: `decision d-${decision.decision.toLowerCase()}`, 'data-by': decision.decidedBy },
          h('div', { class: 'decision-head' },
            h('b', { text: decision.decidedBy === me ? 'You' : nameOf(decision.decidedBy, members) }),
            ` ${DECIDED[decision.decision] || decision.decision}`,
            decision.late ? h('span', { class: 'badge late', title: 'Given after the stage had settled: kept, not counted', text: 'Late' }) : null),
          h('div', { class: 'decision-meta' }, `${STAGES[decision.stage] || decision.stage} · `,
            h('time', { datetime: decision.decidedAt, text: formatDate(new Date(decision.decidedAt)) })),
          decision.comment ? h('p', { class: 'decision-comment', text: decision.comment }) : null))));
    }
    fill(this.facts, parts);

    const review = room.myReview || { canDecide: false, reason: null };
    const mine = decisions.filter((decision) => decision.decidedBy === me);
    const last = mine[mine.length - 1];
    const locked = !review.canDecide;
    for (const element of this.form.elements) {
      element.disabled = locked;
    }
    this.form.classList.toggle('locked', locked);
    // once decided, the choices are gone: the panel says what was decided
    const done = locked && !!last && !room.superseded;
    this.form.classList.toggle('done', done);
    this.reason.hidden = !locked;
    if (locked) {
      // the server's sentence may name the latest version's id: the link below does
      let text = (review.reason || 'You cannot decide on this version.').replace(/\s*\([0-9a-f]{8}-[0-9a-f-]{27}\)/g, '');
      if (last && !room.superseded) {
        text = `You ${DECIDED[last.decision] || last.decision} on ${formatDate(new Date(last.decidedAt))}${last.late ? ' (late: kept, not counted)' : ''}.`;
      }
      fill(this.reason, h('span', { text }),
        room.superseded && room.latestVersionId ? [' ', h('a', { href: `/review/${room.latestVersionId}`, text: 'Open the latest version' })] : null);
      this.reason.classList.toggle('done', !!last && !room.superseded);
    }
    byId('decision-legend').textContent = review.canDecide && review.late ? 'Your decision (late: kept, not counted)' : 'Your decision';
    this.hintComment();
  }

  async submit() {
    const decision = this.chosen();
    this.error.hidden = true;
    this.status.hidden = true;
    if (!decision) {
      this.showError('Choose a decision first.');
      return;
    }
    const comment = this.comment.value.trim();
    if (needsComment(decision) && !comment) {
      this.showError('Nothing was sent: write what should change first.');
      this.comment.focus();
      return;
    }
    this.send.disabled = true;
    try {
      const answer = await this.hooks.decide(decision, comment || null);
      this.comment.value = '';
      for (const input of this.form.querySelectorAll('input[name="decision"]')) {
        input.checked = false;
      }
      this.hintComment();
      const text = answer.status === 202
        ? (answer.body && answer.body.detail) || 'Your decision was kept as late feedback.'
        : `Done: you chose “${DECISIONS[decision]}”.`;
      fill(this.status, text);
      this.status.classList.toggle('late', answer.status === 202);
      this.status.hidden = false;
    }
    catch (failure) {
      this.showError(failure.message);
    }
    finally {
      this.send.disabled = !(this.room && this.room.myReview && this.room.myReview.canDecide);
    }
  }

  showError(message) {
    this.error.textContent = message;
    this.error.hidden = false;
  }
}
