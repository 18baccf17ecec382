/**
 * `<kb-plenum-present>`: presenting mode, readable on a 1920x1080 projector. It steps through
 * the groups (← →, Previous and Next, "2 of 5") and, inside a group, through its board: first
 * the whole board, then each of its tools (↑ ↓, Previous tool and Next tool), each tool shown on
 * its own, fitted to the screen but never so small that its body text is under 18 CSS px (a
 * long tool then starts at its top and is panned or scrolled). Zoom (+ − and Fit, Ctrl+wheel,
 * the + − 0 keys through the page) and pan (drag, wheel) work on both. The facilitator's
 * "look here" pointer for the group shows where it points; with the facilitator's token, "Look
 * here" then a click on the tool points there for everyone in the group.
 *
 * A page part (see `page-part.ts`); the page keeps the keys, where focus goes, and the API.
 *
 * @event kb-present - detail `{ index: number }`: show this group (may run past either end).
 * @event kb-present-tool - detail `{ index: number }`: show this slide of the group (0: the whole board).
 * @event kb-point - detail `{ group: number; point: { x: number; y: number } | null }`: point there (board units).
 * @event kb-leave - detail `null`: leave presenting mode.
 * @cssproperty --kb-canvas - the stage behind the board.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { t } from '../i18n/index.js';
import { widgetKind } from '../kinds/index.js';
import type { Board, Item, Pointer, WidgetType } from '../model/index.js';
import type { KbBoard } from '../canvas/board-element.js';
import { m } from './facilitator-messages.js';
import { PagePart } from './page-part.js';
import { renderBoard, type Shown } from './plenum-common.js';
import { plenumCommonStyles } from './plenum-common.styles.js';
import { pm } from './plenum-messages.js';
import { plenumPresentStyles } from './plenum-present.styles.js';

/** The smallest body text a presented tool shows, in CSS px. */
export const MIN_BODY_PX = 18;
const MAX_ZOOM = 4;
const ZOOM_STEP = 1.25;

/**
 * Where each widget element keeps its body text (the notes, answers, cards, piece names): the
 * stage measures these in the element's shadow tree to find the zoom at which they are legible.
 * A new widget kind adds its selector here (the compiler asks for it).
 */
export const BODY_TEXT: { readonly [T in WidgetType]: string } = {
  'seven-themes': '.name, .legend-text',
  'bor-gor-matrix': '.note, .question',
  'competence-profile': 'kb-competence-card',
  'reflection-wall': '.post-text, .questions',
};

type Widget = Item<'widget'>;

/** A group's tools in reading order (top to bottom, left to right), as the exports order them. */
export function toolsOf(board: Board | null): Widget[] {
  if (!board) return [];
  return board
    .read()
    .items.filter((i): i is Widget => i.kind === 'widget')
    .sort((a, b) => a.geometry.y - b.geometry.y || a.geometry.x - b.geometry.x || (a.id < b.id ? -1 : 1));
}

/** The smallest font size (px) of the visible elements matching `selector` in `root`'s shadow trees. */
export function smallestText(root: Element, selector: string): number | null {
  let min: number | null = null;
  const visit = (scope: ParentNode): void => {
    for (const el of scope.querySelectorAll(selector)) {
      if ((el as HTMLElement).getClientRects().length === 0) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (Number.isFinite(px) && px > 0) min = min === null ? px : Math.min(min, px);
    }
    for (const el of scope.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
  };
  if (root.shadowRoot) visit(root.shadowRoot);
  return min;
}

interface View {
  zoom: number;
  /** The tool's top-left on the stage, in stage px. */
  x: number;
  y: number;
}

@customElement('kb-plenum-present')
export class KbPlenumPresent extends PagePart {
  static override styles = [plenumCommonStyles, plenumPresentStyles];

  @property({ attribute: false }) shown: Shown[] = [];
  /** The place in `shown` of the group presented. */
  @property({ type: Number }) index = 0;
  /** The slide of the group: 0 the whole board, then its tools in order. */
  @property({ type: Number }) tool = 0;
  /** The facilitator's pointer (from the control document). */
  @property({ attribute: false }) pointer: Pointer | null = null;
  /** The facilitator's token: "Look here" may point. */
  @property({ type: Boolean }) canPoint = false;

  @state() private view: View | null = null;
  /** The legible zoom of the tool shown (from its body text), once measured. */
  @state() private legible = 1;
  @state() private pointing = false;
  /** The board slide's view, for drawing the pointer over it. */
  @state() private boardView: { x: number; y: number; zoom: number } | null = null;

  @query('.stage') private stageEl!: HTMLElement | null;

  #slideKey = '';
  #drag: { id: number; sx: number; sy: number; x: number; y: number; moved: boolean } | null = null;
  #raf = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.#raf);
  }

  /** The tool shown (null: the whole board). */
  get #widget(): Widget | null {
    const g = this.shown[this.index];
    return this.tool > 0 ? (toolsOf(g?.board ?? null)[this.tool - 1] ?? null) : null;
  }

  #stageSize(): { w: number; h: number } {
    const r = this.stageEl?.getBoundingClientRect();
    return { w: r?.width || innerWidth, h: r?.height || innerHeight - 100 };
  }

  /** The view that shows the tool at its legible zoom, fitted when it can be, from its top. */
  #fitView(w: Widget): View {
    const s = this.#stageSize();
    const zoom = Math.min(MAX_ZOOM, Math.max(this.legible, Math.min(s.w / w.geometry.w, s.h / w.geometry.h)));
    const cw = w.geometry.w * zoom;
    const ch = w.geometry.h * zoom;
    return { zoom, x: cw <= s.w ? (s.w - cw) / 2 : 0, y: ch <= s.h ? (s.h - ch) / 2 : 0 };
  }

  /** Zooms by `factor` about the stage's centre (on the whole board: the board's own zoom). */
  zoomBy(factor: number): void {
    const board = this.renderRoot.querySelector('.presenting kb-board') as KbBoard | null;
    if (this.tool === 0 || !this.view) return board?.zoomBy(factor);
    const s = this.#stageSize();
    const v = this.view;
    const zoom = Math.min(MAX_ZOOM, Math.max(0.1, v.zoom * factor));
    const k = zoom / v.zoom;
    this.view = { zoom, x: s.w / 2 - (s.w / 2 - v.x) * k, y: s.h / 2 - (s.h / 2 - v.y) * k };
  }

  /** Back to the fitted view. */
  fit(): void {
    const w = this.#widget;
    if (w) this.view = this.#fitView(w);
    else (this.renderRoot.querySelector('.presenting kb-board') as KbBoard | null)?.zoomToFit();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const key = `${this.index}:${this.tool}:${this.#widget?.id ?? ''}`;
    if (key !== this.#slideKey) {
      this.#slideKey = key;
      this.view = null;
      this.legible = 1;
      this.pointing = false;
    }
  }

  protected override updated(): void {
    const w = this.#widget;
    if (w && this.view === null) void this.#measure(w);
    this.#followBoardView();
  }

  /** Measures the tool's body text at zoom 1, then shows it at the legible zoom. */
  async #measure(w: Widget): Promise<void> {
    const el = this.renderRoot.querySelector('.tool-frame > *') as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
    await el?.updateComplete;
    // The widget's own parts (cards) render a frame later.
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    if (this.#widget?.id !== w.id || !el) return;
    const px = smallestText(el, BODY_TEXT[w.props.widget]);
    this.legible = px ? MIN_BODY_PX / px : 1;
    this.view = this.#fitView(w);
  }

  /** While a pointer is shown over the whole board, its place follows the board's view. */
  #followBoardView(): void {
    cancelAnimationFrame(this.#raf);
    if (this.tool !== 0 || !this.#pointerHere()) return;
    const step = (): void => {
      const b = this.renderRoot.querySelector('.presenting kb-board') as KbBoard | null;
      const v = b?.view;
      if (v && (v.x !== this.boardView?.x || v.y !== this.boardView?.y || v.zoom !== this.boardView?.zoom)) this.boardView = { ...v };
      this.#raf = requestAnimationFrame(step);
    };
    this.#raf = requestAnimationFrame(step);
  }

  #pointerHere(): Pointer | null {
    const g = this.shown[this.index];
    return g && this.pointer && this.pointer.group === g.number ? this.pointer : null;
  }

  // ---- pan and point on a tool ---------------------------------------------------------------

  #down = (e: PointerEvent): void => {
    if (!this.view || e.button !== 0) return;
    this.#drag = { id: e.pointerId, sx: e.clientX, sy: e.clientY, x: this.view.x, y: this.view.y, moved: false };
  };

  #move = (e: PointerEvent): void => {
    const d = this.#drag;
    if (!d || d.id !== e.pointerId || !this.view) return;
    const dx = e.clientX - d.sx;
    const dy = e.clientY - d.sy;
    if (!d.moved && Math.hypot(dx, dy) < 6) return;
    if (!d.moved) (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    d.moved = true;
    this.view = { ...this.view, x: d.x + dx, y: d.y + dy };
  };

  #up = (e: PointerEvent): void => {
    const d = this.#drag;
    this.#drag = null;
    if (!d || d.moved || !this.pointing || !this.view) return;
    const w = this.#widget;
    const g = this.shown[this.index];
    if (!w || !g) return;
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const point = { x: Math.round(w.geometry.x + (e.clientX - r.left - this.view.x) / this.view.zoom), y: Math.round(w.geometry.y + (e.clientY - r.top - this.view.y) / this.view.zoom) };
    this.pointing = false;
    this.emit('kb-point', { group: g.number, point });
  };

  #wheel = (e: WheelEvent): void => {
    if (!this.view) return;
    e.preventDefault();
    if (e.ctrlKey || e.metaKey) return this.zoomBy(e.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP);
    this.view = { ...this.view, x: this.view.x - e.deltaX, y: this.view.y - e.deltaY };
  };

  // ---- rendering -------------------------------------------------------------------------------

  #renderPointer(at: { x: number; y: number } | null): TemplateResult {
    if (!at) return html`${nothing}`;
    return html`<div class="look-here" style=${styleMap({ left: `${at.x}px`, top: `${at.y}px` })} role="img" aria-label=${pm('present.pointer')}></div>`;
  }

  #renderTool(w: Widget): TemplateResult {
    const v = this.view;
    const element = unsafeStatic(widgetKind(w.props.widget).tag);
    const board = this.shown[this.index]?.board;
    const p = this.#pointerHere();
    const inside = p && v && p.x >= w.geometry.x && p.y >= w.geometry.y && p.x <= w.geometry.x + w.geometry.w && p.y <= w.geometry.y + w.geometry.h;
    const frame = {
      width: `${w.geometry.w}px`,
      height: `${w.geometry.h}px`,
      transform: v ? `translate(${v.x}px, ${v.y}px) scale(${v.zoom})` : 'none',
      visibility: v ? 'visible' : 'hidden',
    };
    return html`<div
      class="stage tool-stage ${this.pointing ? 'pointing' : ''}"
      data-widget=${w.props.widget}
      data-zoom=${v ? String(v.zoom) : ''}
      @pointerdown=${this.#down}
      @pointermove=${this.#move}
      @pointerup=${this.#up}
      @pointercancel=${() => (this.#drag = null)}
      @wheel=${this.#wheel}
    >
      <div class="tool-frame" style=${styleMap(frame)}>${staticHtml`<${element} .board=${board} .widgetId=${w.id} .readonly=${true}></${element}>`}</div>
      ${inside && v ? this.#renderPointer({ x: v.x + (p.x - w.geometry.x) * v.zoom, y: v.y + (p.y - w.geometry.y) * v.zoom }) : nothing}
    </div>`;
  }

  #renderBoardSlide(board: Board | null): TemplateResult {
    const p = this.#pointerHere();
    const v = this.boardView;
    return html`<div class="stage board-stage">${renderBoard(board)}${p && v ? this.#renderPointer({ x: (p.x - v.x) * v.zoom, y: (p.y - v.y) * v.zoom }) : nothing}</div>`;
  }

  override render() {
    const i = this.index;
    const g = this.shown[i];
    if (!g) return nothing;
    const tools = toolsOf(g.board);
    const w = this.#widget;
    const slides = tools.length + 1;
    const zoom = w && this.view ? this.view.zoom : null;
    return html`<section class="presenting" role="dialog" aria-modal="true" aria-labelledby="present-h">
      <header>
        <h2 id="present-h">${g.name}</h2>
        <span class="pos" aria-live="polite">${m('common.of', { pos: i + 1, total: this.shown.length })}</span>
        <span class="tool-pos" aria-live="polite">${w ? pm('present.tool', { name: t(`widget.${w.props.widget}`), pos: this.tool, total: tools.length }) : pm('present.board')}</span>
        <div class="nav">
          <button type="button" class="secondary big" data-action="previous" @click=${() => this.emit('kb-present', { index: i - 1 })}>← ${m('plenum.previous')}</button>
          <button type="button" class="secondary big" data-action="previous-tool" ?disabled=${this.tool === 0} @click=${() => this.emit('kb-present-tool', { index: this.tool - 1 })}>↑ ${pm('present.previousTool')}</button>
          <button type="button" class="secondary big" data-action="next-tool" ?disabled=${this.tool >= slides - 1} @click=${() => this.emit('kb-present-tool', { index: this.tool + 1 })}>↓ ${pm('present.nextTool')}</button>
          <button type="button" class="big" data-action="next" @click=${() => this.emit('kb-present', { index: i + 1 })}>${m('plenum.next')} →</button>
          <button type="button" class="secondary big" data-action="leave" @click=${() => this.emit('kb-leave', null)}>${m('plenum.leave')}</button>
        </div>
      </header>
      <div class="zoom-bar">
        <button type="button" class="secondary" data-action="zoom-out" aria-label=${pm('present.zoomOut')} @click=${() => this.zoomBy(1 / ZOOM_STEP)}>−</button>
        <button type="button" class="secondary" data-action="zoom-fit" @click=${() => this.fit()}>${pm('present.fit')}</button>
        <button type="button" class="secondary" data-action="zoom-in" aria-label=${pm('present.zoomIn')} @click=${() => this.zoomBy(ZOOM_STEP)}>+</button>
        ${zoom !== null ? html`<span class="hint zoom-level">${pm('present.zoom', { percent: Math.round(zoom * 100) })}</span>` : nothing}
        ${this.canPoint && w
          ? html`<button type="button" class="secondary" data-action="point" aria-pressed=${this.pointing ? 'true' : 'false'} @click=${() => (this.pointing = !this.pointing)}>${pm('present.point')}</button>
              ${this.pointing ? html`<span class="hint">${pm('present.pointHint')}</span>` : nothing}
              ${this.#pointerHere() ? html`<button type="button" class="secondary" data-action="unpoint" @click=${() => this.emit('kb-point', { group: g.number, point: null })}>✕ ${pm('present.point')}</button>` : nothing}`
          : nothing}
        <span class="hint keys">${pm('present.keys')}</span>
      </div>
      ${w ? this.#renderTool(w) : this.#renderBoardSlide(g.board)}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-plenum-present': KbPlenumPresent;
  }
}
