/**
 * The transport under a video or audio file: play, frame steps, the timecode, and the
 * timeline with the comments' markers and the range being marked.
 */
import { h, icon } from './dom.js';
import { clock, frameStartMs, lastFrame, timecode, timecodeOfMs } from './timecode.js';
import { markSpan } from './geometry.js';

export class Timeline {
  /**
   * @param hooks {onMarker(id), onRange(range|null), onComment()}
   */
  constructor(host, player, kind, hooks) {
    this.player = player;
    this.kind = kind;
    this.hooks = hooks;
    this.marks = [];
    this.range = null;
    this.selected = null;

    const button = (label, name, onclick, extra = {}) =>
      h('button', { type: 'button', class: 'icon-button', 'aria-label': label, title: label, onclick, ...extra }, icon(name));
    this.playButton = button('Play (Space)', 'play', () => player.togglePlay(), { id: 'play' });
    this.timecode = h('output', { id: 'timecode', class: 'timecode', 'aria-live': 'off', 'aria-label': 'Current time' });
    this.total = h('span', { class: 'timecode total', 'aria-label': 'Duration' });
    this.rate = h('span', { class: 'rate', 'aria-live': 'polite' });
    this.fpsLabel = h('span', { class: 'fps', title: 'Frame rate' });
    this.buffered = h('div', { class: 'buffered' });
    this.played = h('div', { class: 'played' });
    this.rangeBar = h('div', { class: 'range', hidden: true });
    this.markers = h('div', { class: 'markers' });
    this.head = h('div', { class: 'playhead' });
    this.track = h('div', {
      class: 'track', id: 'timeline', role: 'slider', tabindex: '0', 'aria-label': 'Timeline: drag to scrub, Shift+drag to mark a range',
      'aria-valuemin': '0',
    }, this.buffered, this.rangeBar, this.played, this.head);
    const frameControls = kind === 'video' ? [
      button('One frame back (←)', 'frame-back', () => player.step(-1), { id: 'frame-back' }),
    ] : [];
    const frameForward = kind === 'video'
      ? [button('One frame forward (→)', 'frame-forward', () => player.step(1), { id: 'frame-forward' })] : [];
    this.markIn = h('button', { type: 'button', class: 'text-button', id: 'mark-in', title: 'Mark the start of a range (I)', onclick: () => this.mark('in') }, 'In');
    this.markOut = h('button', { type: 'button', class: 'text-button', id: 'mark-out', title: 'Mark the end of a range (O)', onclick: () => this.mark('out') }, 'Out');
    host.append(h('div', { class: 'transport' },
      h('div', { class: 'timeline-row' }, h('div', { class: 'track-wrap' }, this.track, this.markers)),
      h('div', { class: 'controls' },
        button('To the start (Home)', 'to-start', () => player.toStart()),
        ...frameControls, this.playButton, ...frameForward,
        h('span', { class: 'time' }, this.timecode, h('span', { class: 'sep', 'aria-hidden': 'true', text: '/' }), this.total),
        this.rate,
        h('span', { class: 'spacer' }),
        this.fpsLabel,
        h('span', { class: 'range-controls', role: 'group', 'aria-label': 'Range' }, this.markIn, this.markOut),
        h('button', { type: 'button', class: 'primary small', id: 'comment-here', onclick: () => hooks.onComment() },
          icon('comment'), h('span', { text: 'Comment' }), h('kbd', { text: 'C' })))));
    this.listen();
    player.onChange(() => this.update());
    player.media.addEventListener('progress', () => this.update());
    this.update();
  }

  listen() {
    let scrub = null;
    const at = (event) => {
      const rect = this.track.getBoundingClientRect();
      return Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width)) * this.player.duration;
    };
    this.track.addEventListener('pointerdown', (event) => {
      if (event.button !== 0 || !this.player.duration) {
        return;
      }
      this.track.setPointerCapture(event.pointerId);
      scrub = { range: event.shiftKey, from: at(event) };
      this.player.seekTime(scrub.from);
      if (scrub.range) {
        this.setRange(null);
      }
    });
    this.track.addEventListener('pointermove', (event) => {
      if (!scrub) {
        return;
      }
      const time = at(event);
      this.player.seekTime(time);
      if (scrub.range) {
        this.setRange(this.rangeOf(scrub.from, time));
      }
    });
    const end = () => {
      if (scrub && scrub.range && this.range) {
        this.hooks.onRange(this.range);
      }
      scrub = null;
    };
    this.track.addEventListener('pointerup', end);
    this.track.addEventListener('pointercancel', end);
  }

  rangeOf(a, b) {
    const fps = this.player.fps;
    const start = frameStartMs(Math.floor(Math.min(a, b) * fps + 1e-6), fps);
    const endFrame = Math.floor(Math.max(a, b) * fps + 1e-6);
    const end = Math.min(Math.round(this.player.duration * 1000), frameStartMs(endFrame + 1, fps));
    return end > start ? { timeMs: start, endMs: end } : null;
  }

  /** I or O: the range starts or ends at the current frame. */
  mark(which) {
    const fps = this.player.fps;
    const frame = this.player.frame;
    const durationMs = Math.round(this.player.duration * 1000);
    const here = frameStartMs(frame, fps);
    const afterHere = Math.min(durationMs, frameStartMs(frame + 1, fps));
    let { timeMs, endMs } = this.range || {};
    if (which === 'in') {
      timeMs = here;
      endMs = endMs != null && endMs > here ? endMs : afterHere;
    }
    else {
      endMs = afterHere;
      timeMs = timeMs != null && timeMs < afterHere ? timeMs : here;
    }
    const range = endMs > timeMs ? { timeMs, endMs } : null;
    this.setRange(range);
    this.hooks.onRange(range);
  }

  setRange(range) {
    this.range = range;
    const span = range ? markSpan(range, this.player.duration * 1000) : null;
    this.rangeBar.hidden = !span;
    if (span) {
      this.rangeBar.style.left = `${span.left}%`;
      this.rangeBar.style.width = `${span.width}%`;
    }
  }

  /** marks: [{id, number, anchor, resolved}] of threads with a time. */
  setMarks(marks) {
    this.marks = marks;
    this.drawMarks();
  }

  select(id) {
    this.selected = id;
    this.drawMarks();
  }

  drawMarks() {
    const durationMs = this.player.duration * 1000;
    const key = JSON.stringify([durationMs, this.selected, this.marks.map((m) => [m.id, m.number, m.resolved, m.anchor])]);
    if (key === this.drawnMarks || !durationMs) {
      return;
    }
    this.drawnMarks = key;
    const fps = this.player.fps;
    const buttons = [];
    for (const mark of this.marks) {
      const span = markSpan(mark.anchor, durationMs);
      if (!span) {
        continue;
      }
      const where = this.kind === 'video' ? timecodeOfMs(mark.anchor.timeMs, fps) : clock(mark.anchor.timeMs / 1000);
      const button = h('button', {
        type: 'button',
        class: ['marker', mark.resolved ? 'resolved' : '', mark.id === this.selected ? 'selected' : '', mark.anchor.endMs != null ? 'ranged' : ''].filter(Boolean).join(' '),
        'data-comment': mark.id,
        'aria-label': `Comment ${mark.number} at ${where}${mark.resolved ? ' (resolved)' : ''}`,
        title: `#${mark.number} · ${where}`,
        onclick: () => this.hooks.onMarker(mark.id),
      }, String(mark.number));
      button.style.left = `${span.left}%`;
      if (span.width > 0) {
        const bar = h('div', { class: `marker-span${mark.resolved ? ' resolved' : ''}`, 'aria-hidden': 'true' });
        bar.style.left = `${span.left}%`;
        bar.style.width = `${span.width}%`;
        buttons.push(bar);
      }
      buttons.push(button);
    }
    this.markers.replaceChildren(...buttons);
  }

  update() {
    const player = this.player;
    const duration = player.duration;
    const fps = player.fps;
    const video = this.kind === 'video';
    this.timecode.textContent = video ? timecode(player.time, fps) : clock(player.time);
    this.total.textContent = video ? timecode(lastFrame(duration, fps) / fps, fps) : clock(duration);
    this.fpsLabel.textContent = video ? `${Number.isInteger(fps) ? fps : fps.toFixed(3)} fps` : '';
    this.fpsLabel.title = player.fpsMeasured ? 'Frame rate, measured while playing' : 'Frame rate assumed until the video has played a moment';
    const state = player.state;
    this.rate.textContent = state.direction === 0 || state.rate === 1 && state.direction === 1 ? ''
      : `${state.direction < 0 ? '◀◀ ' : '▶▶ '}${state.rate}×`;
    this.playButton.replaceChildren(icon(player.playing ? 'pause' : 'play'));
    this.playButton.setAttribute('aria-label', player.playing ? 'Pause (Space)' : 'Play (Space)');
    this.playButton.title = this.playButton.getAttribute('aria-label');
    const fraction = duration ? Math.min(1, player.time / duration) : 0;
    this.played.style.width = `${fraction * 100}%`;
    this.head.style.left = `${fraction * 100}%`;
    const media = player.media;
    if (duration && media.buffered.length) {
      this.buffered.style.width = `${Math.min(1, media.buffered.end(media.buffered.length - 1) / duration) * 100}%`;
    }
    this.track.setAttribute('aria-valuemax', String(Math.round(duration * 1000)));
    this.track.setAttribute('aria-valuenow', String(Math.round(player.time * 1000)));
    this.track.setAttribute('aria-valuetext', this.timecode.textContent);
    this.drawMarks();
  }
}
