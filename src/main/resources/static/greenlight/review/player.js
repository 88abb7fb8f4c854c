/**
 * Playback of a video or audio element as reviewers want it: frame steps, the J/K/L
 * shuttle (backwards too, which media elements cannot do themselves), and the frame
 * rate measured from the frames the browser presents.
 */
import { FALLBACK_FPS, frameAt, lastFrame, measuredRate, seekTimeOf } from './timecode.js';
import { shuttle } from './keys.js';

export class Player {
  constructor(media) {
    this.media = media;
    this.fps = FALLBACK_FPS;
    this.fpsMeasured = false;
    this.state = { direction: 0, rate: 1 };
    this.listeners = new Set();
    this.reverseTimer = null;
    this.presented = [];
    for (const type of ['timeupdate', 'seeked', 'play', 'pause', 'ratechange', 'loadedmetadata', 'durationchange', 'ended']) {
      media.addEventListener(type, () => this.changed());
    }
    media.addEventListener('ended', () => {
      this.state = { direction: 0, rate: 1 };
      this.changed();
    });
    this.watchFrames();
  }

  /** Called with the player whenever the time, rate or state changes. */
  onChange(listener) {
    this.listeners.add(listener);
  }

  changed() {
    for (const listener of this.listeners) {
      listener(this);
    }
  }

  // the frame rate is not in the API: measure it while the video plays
  watchFrames() {
    if (!('requestVideoFrameCallback' in this.media)) {
      return;
    }
    const onFrame = (now, metadata) => {
      if (!this.media.paused && this.media.playbackRate === 1) {
        this.presented.push(metadata.mediaTime);
        if (this.presented.length > 40) {
          this.presented.shift();
        }
        const rate = measuredRate(this.presented);
        if (rate && rate !== this.fps) {
          this.fps = rate;
          this.fpsMeasured = true;
          this.changed();
        }
        else if (rate) {
          this.fpsMeasured = true;
        }
      }
      else {
        this.presented = [];
      }
      // while playing, the time moves more often than timeupdate says
      if (!this.media.paused) {
        this.changed();
      }
      this.media.requestVideoFrameCallback(onFrame);
    };
    this.media.requestVideoFrameCallback(onFrame);
  }

  get time() {
    return this.media.currentTime || 0;
  }

  get duration() {
    const duration = this.media.duration;
    return Number.isFinite(duration) ? duration : 0;
  }

  get frame() {
    return frameAt(this.time, this.fps);
  }

  get playing() {
    return this.state.direction !== 0;
  }

  togglePlay() {
    this.apply(this.playing ? { direction: 0, rate: 1 } : { direction: 1, rate: 1 });
  }

  pause() {
    this.apply({ direction: 0, rate: 1 });
  }

  /** J, K or L. */
  shuttle(action) {
    this.apply(shuttle(this.state, action));
  }

  apply(state) {
    this.state = state;
    this.stopReverse();
    if (state.direction === 1) {
      this.media.playbackRate = state.rate;
      const playing = this.media.play();
      if (playing) {
        playing.catch(() => {
          this.state = { direction: 0, rate: 1 };
          this.changed();
        });
      }
    }
    else {
      this.media.pause();
      this.media.playbackRate = 1;
      if (state.direction === -1) {
        this.startReverse(state.rate);
      }
    }
    this.changed();
  }

  // backwards by seeking, a few times a second: what browsers allow
  startReverse(rate) {
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      const target = this.time - ((now - last) / 1000) * rate;
      last = now;
      if (target <= 0) {
        this.media.currentTime = 0;
        this.state = { direction: 0, rate: 1 };
        this.reverseTimer = null;
        this.changed();
        return;
      }
      this.media.currentTime = target;
      this.reverseTimer = setTimeout(tick, 80);
    };
    this.reverseTimer = setTimeout(tick, 80);
  }

  stopReverse() {
    if (this.reverseTimer) {
      clearTimeout(this.reverseTimer);
      this.reverseTimer = null;
    }
  }

  /** Shows that frame (paused). */
  seekFrame(frame) {
    if (this.playing) {
      this.pause();
    }
    const last = this.duration ? lastFrame(this.duration, this.fps) : frame;
    const target = Math.max(0, Math.min(last, frame));
    this.media.currentTime = seekTimeOf(target, this.fps);
    this.changed();
  }

  seekMs(ms) {
    this.seekFrame(frameAt(ms / 1000, this.fps));
  }

  /** Seeks to a time in seconds, landing on a frame. */
  seekTime(seconds) {
    this.seekFrame(frameAt(seconds, this.fps));
  }

  step(frames) {
    this.seekFrame(this.frame + frames);
  }

  toStart() {
    this.seekFrame(0);
  }

  toEnd() {
    this.seekFrame(lastFrame(this.duration, this.fps));
  }
}
