/**
 * One version's file on the dark stage: video, audio, image or PDF page, fitted to the
 * viewport (images and PDF pages zoom and pan), with the comments' regions and numbered
 * pins drawn over it and a region drawn by dragging.
 */
import { h, icon } from './dom.js';
import { download } from './api.js';
import { centred, fitView, fractionIn, hasRegion, pan, pinShownAt, regionBetween, zoomAt } from './geometry.js';

/** What the page can show of a media type: video, audio, image, pdf or null. */
export function kindOf(mediaType) {
  if (!mediaType) {
    return null;
  }
  if (mediaType.startsWith('video/')) {
    return 'video';
  }
  if (mediaType.startsWith('audio/')) {
    return 'audio';
  }
  if (mediaType.startsWith('image/')) {
    return 'image';
  }
  if (mediaType === 'application/pdf') {
    return 'pdf';
  }
  return null;
}

export class MediaView {
  /**
   * @param source {url, mediaType, label}
   * @param hooks {onRegion(region), onPin(id), onReady(), onError(message), onPage(page)}
   */
  constructor(host, source, hooks) {
    this.source = source;
    this.hooks = hooks;
    this.kind = kindOf(source.mediaType);
    this.size = null;
    this.view = { scale: 1, x: 0, y: 0 };
    this.fitted = true;
    this.pins = [];
    this.draft = null;
    this.drawing = false;
    this.timeMs = () => 0;
    this.fps = () => 25;
    this.page = 1;
    this.pageCount = 0;
    this.selected = null;

    this.overlay = h('div', { class: 'overlay' });
    this.content = h('div', { class: 'content' });
    this.progress = h('div', { class: 'progress-bar' });
    this.loading = h('div', { class: 'loading', role: 'status' },
      h('span', { class: 'loading-label', text: `Loading ${source.label}…` }),
      h('div', { class: 'progress-track' }, this.progress));
    this.viewport = h('div', { class: `viewport kind-${this.kind || 'none'}`, 'data-label': source.label });
    this.viewport.append(this.content, this.loading);
    host.append(this.viewport);
    this.build();
    this.listen();
    new ResizeObserver(() => this.relayout()).observe(this.viewport);
  }

  build() {
    const { url, label } = this.source;
    if (this.kind === 'video') {
      this.media = h('video', { class: 'media', preload: 'auto', playsinline: true, 'aria-label': label });
      this.media.addEventListener('loadedmetadata', () => {
        this.size = { w: this.media.videoWidth || 640, h: this.media.videoHeight || 360 };
        this.relayout();
      });
      this.media.addEventListener('loadeddata', () => this.ready());
      this.media.addEventListener('waiting', () => this.busy(true));
      this.media.addEventListener('canplay', () => this.busy(false));
      this.media.addEventListener('progress', () => this.bufferedProgress());
      this.media.addEventListener('error', () => this.failed(`${label} cannot be played in this browser.`));
      this.media.src = url;
      this.content.append(this.media, this.overlay);
    }
    else if (this.kind === 'audio') {
      this.media = h('audio', { class: 'media-audio', preload: 'auto', 'aria-label': label });
      this.media.addEventListener('loadedmetadata', () => this.ready());
      this.media.addEventListener('error', () => this.failed(`${label} cannot be played in this browser.`));
      this.media.src = url;
      this.size = { w: 640, h: 360 };
      this.content.append(
        h('div', { class: 'audio-card' }, icon('audio'), h('span', { text: this.source.fileName || label })),
        this.media, this.overlay);
    }
    else if (this.kind === 'image') {
      this.media = h('img', { class: 'media', alt: label, draggable: 'false' });
      this.media.addEventListener('load', () => {
        this.size = { w: this.media.naturalWidth, h: this.media.naturalHeight };
        this.relayout();
        this.ready();
      });
      this.media.addEventListener('error', () => this.failed(`${label} cannot be shown in this browser.`));
      this.content.append(this.media, this.overlay);
      download(url, (fraction) => this.showProgress(fraction))
        .then((blobUrl) => { this.media.src = blobUrl; })
        .catch((failure) => this.failed(failure.message));
    }
    else if (this.kind === 'pdf') {
      this.canvas = h('canvas', { class: 'media', role: 'img', 'aria-label': `${label}, page 1` });
      this.content.append(this.canvas, this.overlay);
      this.openPdf(url);
    }
    else if (url) {
      this.loading.hidden = true;
      this.viewport.append(h('div', { class: 'no-preview' },
        h('p', { text: `${this.source.fileName || 'This file'} cannot be shown in the browser.` }),
        h('a', { href: url, class: 'button', text: 'Download the file' })));
    }
    else {
      // a version described in Tasklist, or kept elsewhere
      this.loading.hidden = true;
      const link = /^https?:\/\//.test(this.source.fileLink || '') ? this.source.fileLink : null;
      this.viewport.append(h('div', { class: 'no-preview' },
        h('p', { text: link ? 'This version is kept outside Greenlight.' : 'This version has no file in Greenlight: it was described instead.' }),
        this.source.note ? h('p', { class: 'note', text: `“${this.source.note}”` }) : null,
        link ? h('a', { href: link, class: 'button', rel: 'noopener noreferrer', target: '_blank', text: 'Open it where it is kept' }) : null));
    }
  }

  async openPdf(url) {
    try {
      const pdfjs = await import('./pdf.js');
      this.pdf = await pdfjs.open(url, (fraction) => this.showProgress(fraction));
      this.pageCount = this.pdf.numPages;
      await this.showPage(1);
      this.ready();
    }
    catch (failure) {
      this.failed(`The PDF cannot be shown: ${failure.message || failure}`);
    }
  }

  /** Renders page {@code number} (1-based) of the PDF. */
  async showPage(number) {
    if (!this.pdf || number < 1 || number > this.pageCount) {
      return;
    }
    this.page = number;
    const token = (this.rendering = {});
    const page = await this.pdf.getPage(number);
    const base = page.getViewport({ scale: 1 });
    const sharp = Math.min(4, (window.devicePixelRatio || 1) * 2);
    const viewport = page.getViewport({ scale: sharp });
    const canvas = h('canvas', { class: 'media', role: 'img', 'aria-label': `${this.source.label}, page ${number}` });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    await page.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
    if (token !== this.rendering) {
      return;
    }
    this.canvas.replaceWith(canvas);
    this.canvas = canvas;
    this.size = { w: base.width, h: base.height };
    this.fitted = true;
    this.relayout();
    this.renderPins();
    if (this.hooks.onPage) {
      this.hooks.onPage(number);
    }
  }

  ready() {
    this.isReady = true;
    this.busy(false);
    this.relayout();
    this.renderPins();
    if (this.hooks.onReady) {
      this.hooks.onReady();
    }
  }

  busy(on) {
    clearTimeout(this.busyTimer);
    if (on) {
      // a short wait (a seek) shows nothing; a long one a spinner
      this.busyTimer = setTimeout(() => { this.loading.hidden = false; }, 300);
    }
    else if (this.isReady) {
      this.loading.hidden = true;
    }
  }

  showProgress(fraction) {
    this.progress.classList.toggle('indeterminate', fraction == null);
    if (fraction != null) {
      this.progress.style.width = `${Math.round(fraction * 100)}%`;
    }
  }

  bufferedProgress() {
    const media = this.media;
    if (!this.isReady && media.buffered.length && media.duration) {
      this.showProgress(Math.min(1, media.buffered.end(media.buffered.length - 1) / media.duration));
    }
  }

  failed(message) {
    this.loading.hidden = true;
    this.viewport.append(h('div', { class: 'no-preview', role: 'alert' }, h('p', { text: message }),
      this.source.url ? h('a', { href: this.source.url, class: 'button', text: 'Download the file' }) : null));
    if (this.hooks.onError) {
      this.hooks.onError(message);
    }
  }

  get zoomable() {
    return this.kind === 'image' || this.kind === 'pdf';
  }

  /** Fits again after the viewport changed size, unless the user zoomed. */
  relayout() {
    if (!this.size) {
      return;
    }
    const vw = this.viewport.clientWidth;
    const vh = this.viewport.clientHeight;
    if (this.fitted || !this.zoomable) {
      // a page or a picture gets a margin of dark stage around it; a video fills the stage
      const pad = this.zoomable ? 16 : 0;
      const view = fitView(this.size.w, this.size.h, vw - 2 * pad, vh - 2 * pad);
      this.view = { scale: view.scale, x: view.x + pad, y: view.y + pad };
    }
    this.applyView();
  }

  applyView() {
    const { scale, x, y } = this.view;
    this.content.style.width = `${this.size.w}px`;
    this.content.style.height = `${this.size.h}px`;
    this.content.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
    this.content.style.setProperty('--inv', String(1 / scale));
    if (this.hooks.onZoom) {
      this.hooks.onZoom(scale, this.fitted);
    }
  }

  zoomBy(factor, px, py) {
    if (!this.zoomable || !this.size) {
      return;
    }
    const cx = px ?? this.viewport.clientWidth / 2;
    const cy = py ?? this.viewport.clientHeight / 2;
    this.view = zoomAt(this.view, factor, cx, cy);
    this.fitted = false;
    this.applyView();
  }

  fit() {
    this.fitted = true;
    this.relayout();
  }

  /** 100%: one picture pixel on one screen pixel, centred. */
  actualSize() {
    if (!this.zoomable || !this.size) {
      return;
    }
    const scale = this.kind === 'pdf' ? 96 / 72 : 1;
    this.view = centred(this.size.w, this.size.h, this.viewport.clientWidth, this.viewport.clientHeight, scale);
    this.fitted = false;
    this.applyView();
  }

  listen() {
    this.viewport.addEventListener('wheel', (event) => {
      if (!this.zoomable) {
        return;
      }
      event.preventDefault();
      const rect = this.viewport.getBoundingClientRect();
      this.zoomBy(Math.exp(-event.deltaY * 0.0015), event.clientX - rect.left, event.clientY - rect.top);
    }, { passive: false });

    let drag = null;
    this.viewport.addEventListener('pointerdown', (event) => {
      if (event.button !== 0 || event.target.closest('.pin')) {
        return;
      }
      if (this.drawing && this.size) {
        const start = fractionIn(this.overlay.getBoundingClientRect(), event.clientX, event.clientY);
        drag = { mode: 'draw', start };
      }
      else if (this.zoomable && this.size) {
        drag = { mode: 'pan', x: event.clientX, y: event.clientY };
        this.viewport.classList.add('panning');
      }
      else {
        return;
      }
      this.viewport.setPointerCapture(event.pointerId);
      event.preventDefault();
    });
    this.viewport.addEventListener('pointermove', (event) => {
      if (!drag) {
        return;
      }
      if (drag.mode === 'draw') {
        const end = fractionIn(this.overlay.getBoundingClientRect(), event.clientX, event.clientY);
        this.draft = regionBetween(drag.start, end, 0.002);
        this.renderPins();
      }
      else {
        this.view = pan(this.view, event.clientX - drag.x, event.clientY - drag.y, this.size.w, this.size.h,
          this.viewport.clientWidth, this.viewport.clientHeight);
        drag.x = event.clientX;
        drag.y = event.clientY;
        this.fitted = false;
        this.applyView();
      }
    });
    const end = (event) => {
      if (!drag) {
        return;
      }
      if (drag.mode === 'draw') {
        const region = regionBetween(drag.start,
          fractionIn(this.overlay.getBoundingClientRect(), event.clientX, event.clientY));
        this.draft = region;
        this.renderPins();
        if (region && this.hooks.onRegion) {
          this.hooks.onRegion(region);
        }
      }
      this.viewport.classList.remove('panning');
      drag = null;
    };
    this.viewport.addEventListener('pointerup', end);
    this.viewport.addEventListener('pointercancel', end);
  }

  /** Dragging on the picture now draws a region (until stopDrawing). */
  startDrawing() {
    this.drawing = true;
    this.viewport.classList.add('drawing');
  }

  stopDrawing() {
    this.drawing = false;
    this.viewport.classList.remove('drawing');
  }

  setDraft(region) {
    this.draft = region;
    this.renderPins();
  }

  /** pins: [{id, number, anchor, resolved}] of threads with a region. */
  setPins(pins) {
    this.pins = pins;
    this.renderPins();
  }

  select(id) {
    this.selected = id;
    this.renderPins();
  }

  /** Redraws the pins that show at the current time (or page). */
  renderPins() {
    const now = this.timeMs();
    const fps = this.fps();
    const shown = this.pins.filter((pin) => hasRegion(pin.anchor) && pinShownAt(pin.anchor, now, fps)
      && (pin.anchor.page == null || pin.anchor.page === this.page));
    const key = JSON.stringify([shown.map((pin) => [pin.id, pin.number, pin.resolved, pin.id === this.selected]),
      this.draft]);
    if (key === this.drawn) {
      return;
    }
    this.drawn = key;
    const elements = [];
    for (const pin of shown) {
      const { x, y, w, h: height } = pin.anchor;
      const classes = ['region', pin.resolved ? 'resolved' : '', pin.id === this.selected ? 'selected' : '', pin.tag ? 'earlier' : '']
        .filter(Boolean).join(' ');
      const box = h('div', { class: classes, 'data-comment': pin.id });
      place(box, x, y, w, height);
      const button = h('button', {
        type: 'button', class: classes.replace('region', 'pin'), 'data-comment': pin.id,
        'aria-label': `${pin.tag ? `${pin.tag} comment` : 'Comment'} ${pin.number}${pin.resolved ? ' (resolved)' : ''}`,
        onclick: () => this.hooks.onPin && this.hooks.onPin(pin.id),
      }, pin.tag ? `${pin.tag}·${pin.number}` : String(pin.number));
      button.style.left = `${x * 100}%`;
      button.style.top = `${y * 100}%`;
      elements.push(box, button);
    }
    if (this.draft) {
      const box = h('div', { class: 'region draft', 'aria-hidden': 'true' });
      place(box, this.draft.x, this.draft.y, this.draft.w, this.draft.h);
      elements.push(box);
    }
    this.overlay.replaceChildren(...elements);
  }
}

function place(element, x, y, w, height) {
  element.style.left = `${x * 100}%`;
  element.style.top = `${y * 100}%`;
  element.style.width = `${w * 100}%`;
  element.style.height = `${height * 100}%`;
}
