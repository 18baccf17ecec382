/**
 * The board as a task view: it shows the tool the workshop is at, legibly, and goes where the
 * facilitator leads. A Lit reactive controller of `<kb-board>`, which exposes it as methods
 * (`focusTool`, `goTo`, `showRect`, `backToTask`) and properties (`task`, `pointer`, `onTask`).
 *
 * - The task: the current step's tools. The board opens on the first of them, its width fitted
 *   but never below the zoom at which its body text is 14 CSS px on screen (12 on a phone);
 *   when the task changes, the view glides there, or, while the participant types or drags,
 *   right after. A participant who wandered off is told (`kb-task-view`) so the page can offer
 *   "back to the task".
 * - A glide is an animated view change (a jump with prefers-reduced-motion).
 * - Zoom buttons zoom around the tool in focus (`anchor`); a double press on a tool's title
 *   shows that tool; keyboard focus brings what it lands on into view at a legible zoom.
 * - The "look here" pointer is drawn where the facilitator put it (`renderPointer`).
 *
 * @event kb-task-view - detail `{ onTask: boolean }`: the view left the task, or came back.
 */
import { css, html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { defineMessages } from '../i18n/index.js';
import { contains, type Rect } from '../layout/rect.js';
import { naturalSize } from '../kinds/index.js';
import type { WidgetType } from '../model/index.js';
import type { CanvasItem } from './item-view.js';
import { clampZoom, freeArea, overlapArea, shownRect, taskView, type Insets, type View } from './viewport.js';

/**
 * The smallest body text each tool draws, in board units at its natural width (from its
 * element's styles: the matrix's questions, the criteria's status text, a card, the wall's
 * questions). The matrix scales with its width; the others keep their text size.
 */
export const BODY_TEXT: Record<WidgetType, number> = {
  'seven-themes': 15,
  'bor-gor-matrix': 13.5,
  'competence-profile': 14,
  'reflection-wall': 13,
};
const SCALES_WITH_WIDTH: ReadonlySet<WidgetType> = new Set(['bor-gor-matrix']);
/** A note's and a frame title's text on the canvas (styles.ts). */
const CANVAS_TEXT = 15;
/** Room above a tool for its title handle (item-view.ts draws it 34 px above). */
const HANDLE = 40;
/** Below this width the screen is a phone's. */
export const PHONE_WIDTH = 600;
/** A task view zooms in no further than this (a tool fitted to a wide screen). */
export const TASK_MAX_ZOOM = 1.5;

/** The least on-screen size of body text: 14 CSS px on a laptop or tablet, 12 on a phone. */
export function minTextPx(screenWidth: number): number {
  return screenWidth < PHONE_WIDTH ? 12 : 14;
}

/** The body text of an item in board units. */
export function bodyText(item: CanvasItem): number {
  if (item.kind !== 'widget') return CANVAS_TEXT;
  const type = item.props.widget;
  return BODY_TEXT[type] * (SCALES_WITH_WIDTH.has(type) ? item.geometry.w / naturalSize(type).w : 1);
}

/** An item's box with room for its title above. */
export function toolBox(item: CanvasItem): Rect {
  const g = item.geometry;
  return { x: g.x, y: g.y - HANDLE, w: g.w, h: g.h + HANDLE };
}

/**
 * The free part of a viewport of `size` beside the chrome's bars (their boxes relative to the
 * viewport): a bar along the left edge that is taller than wide takes that side (along the right
 * edge, one taller than half the screen); one along the top or bottom edge takes that strip. A bar touching no edge floats over the board
 * and is left out (a tool may lie under it: its text stays legible).
 */
export function chromeInsets(size: { w: number; h: number }, bars: readonly Rect[], margin = 12): Insets {
  const m = { top: margin, right: margin, bottom: margin, left: margin };
  const edge = 2 * margin;
  for (const b of bars) {
    if (b.w <= 0 || b.h <= 0) continue;
    const upright = b.h > b.w;
    if (upright && b.x < edge) m.left = Math.max(m.left, b.x + b.w + margin);
    else if (upright && b.h > size.h / 2 && size.w - b.x - b.w < edge) m.right = Math.max(m.right, size.w - b.x + margin);
    else if (b.y < edge) m.top = Math.max(m.top, b.y + b.h + margin);
    else if (size.h - b.y - b.h < edge) m.bottom = Math.max(m.bottom, size.h - b.y + margin);
  }
  return m;
}

/** What the task view asks of its board. */
export interface TaskCallbacks {
  view(): View;
  /** Shows `v` as the board's own move (not one the participant chose). */
  show(v: View): void;
  size(): { w: number; h: number };
  /** The free area's insets beside the chrome. */
  insets(): Insets;
  items(): CanvasItem[];
  /** The board is busy with the participant (editing a note, dragging): moves wait. */
  busy(): boolean;
}

export interface GoOptions {
  /** Animate (default); false jumps. */
  glide?: boolean;
  /** Wait while the participant types or drags (default true). */
  wait?: boolean;
}

/** What the task view hands to its motion (./task-motion.ts, loaded just after the board). */
export interface TaskMotionLike {
  attach(): void;
  detach(): void;
  go(target: () => View, opts: GoOptions): void;
  stop(): void;
  showRect(target: () => View): void;
  showPoint(x: number, y: number): void;
  titlePress(item: CanvasItem): boolean;
  focusIn(e: FocusEvent): void;
}

let motionModule: Promise<typeof import('./task-motion.js')> | null = null;

export class TaskView implements ReactiveController {
  /** The tools the workshop is at (the current step's); empty: none. */
  tools: readonly WidgetType[] = [];
  /** The tool in focus: the last one shown, or the one holding keyboard focus. */
  focusId: string | null = null;
  #onTask = true;
  #motion: TaskMotionLike | null = null;
  #connected = false;
  /** Resolves once the motion (glides, waiting, following focus) has arrived. */
  readonly ready: Promise<void>;

  constructor(readonly host: ReactiveControllerHost & HTMLElement, readonly cb: TaskCallbacks) {
    host.addController(this);
    motionModule ??= import('./task-motion.js');
    this.ready = motionModule.then((m) => {
      this.#motion = new m.TaskMotion(this);
      if (this.#connected) this.#motion.attach();
    });
  }

  hostConnected(): void {
    this.#connected = true;
    this.#motion?.attach();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#motion?.detach();
  }

  /** Is the view on the task (or is there no task)? */
  get onTask(): boolean {
    return this.#onTask;
  }

  /** The first widget of the task's tools on the board. */
  taskItem(): CanvasItem | null {
    const items = this.cb.items();
    for (const type of this.tools) {
      const hit = items.find((i) => i.kind === 'widget' && i.props.widget === type);
      if (hit) return hit;
    }
    return null;
  }

  /** The zoom at which `item`'s body text is legible on this screen (1 % above it: text sizes round). */
  legibleZoom(item: CanvasItem): number {
    return (minTextPx(this.cb.size().w) / bodyText(item)) * 1.01;
  }

  /** The free area of the screen beside the chrome. */
  area(): Rect {
    return freeArea(this.cb.size(), this.cb.insets());
  }

  /** The task view of an item: its width fitted, legible. */
  viewOf(item: CanvasItem): View {
    return taskView(toolBox(item), this.area(), this.legibleZoom(item), Math.max(TASK_MAX_ZOOM, this.legibleZoom(item)));
  }

  /** Shows the item (a tool, a frame, a note) as a task view; false when it is not on the board. */
  focusTool(id: string, opts: GoOptions = {}): boolean {
    const item = this.cb.items().find((i) => i.id === id);
    if (!item) return false;
    this.focusId = id;
    this.go(() => this.viewOf(item), opts);
    return true;
  }

  /** Shows the task's first tool; false when the board has none of its tools. */
  focusTask(opts: GoOptions = {}): boolean {
    const item = this.taskItem();
    return item ? this.focusTool(item.id, opts) : false;
  }

  /**
   * Shows a place on the board (what the facilitator shows), after any typing or drag. Most of
   * a tool: that tool as a task view. Else fitted, but legible (the tool at its middle sets the
   * zoom), its middle in the middle of the screen; on a small screen the participant pans along.
   */
  showRect(r: Rect): void {
    const cx = r.x + r.w / 2;
    const cy = r.y + r.h / 2;
    const under = this.cb.items().find((i) => i.kind === 'widget' && contains(toolBox(i), cx, cy));
    // The facilitator shows (most of) a tool: it shows as a task view, as the step's tool does.
    const box = under && toolBox(under);
    if (under && box && overlapArea(box, r) >= 0.5 * box.w * box.h) {
      this.focusId = under.id;
      return this.#motion?.showRect(() => this.viewOf(under));
    }
    const min = under ? this.legibleZoom(under) : (minTextPx(this.cb.size().w) / CANVAS_TEXT) * 1.01;
    this.#motion?.showRect(() => {
      const area = this.area();
      const zoom = clampZoom(Math.max(min, Math.min(TASK_MAX_ZOOM, area.w / r.w, area.h / r.h)));
      return { zoom, x: cx - (area.x + area.w / 2) / zoom, y: cy - (area.y + area.h / 2) / zoom };
    });
  }

  /** An item's box with its title (for the motion, which imports nothing of this module's). */
  toolBox(item: CanvasItem): Rect {
    return toolBox(item);
  }

  /** Brings a board point into view (the pointer), keeping the zoom. */
  showPoint(x: number, y: number): void {
    this.#motion?.showPoint(x, y);
  }

  /** The part of the board the screen shows beside the chrome. */
  shown(): Rect {
    return shownRect(this.cb.view(), this.area());
  }

  /**
   * Goes to the view `target` works out: through the motion (a glide, after the participant's
   * typing or drag) once it has arrived; before that (the opening), at once.
   */
  go(target: () => View, opts: GoOptions = {}): void {
    if (this.#motion) this.#motion.go(target, opts);
    else this.arrive(target());
  }

  /** Stops a glide under way (the view stays where it is). */
  stop(): void {
    this.#motion?.stop();
  }

  /** Shows `v`, the end of a move: tests and benchmarks see when (and that) the board settled. */
  arrive(v: View): void {
    this.cb.show({ ...v, zoom: clampZoom(v.zoom) });
    this.host.dataset.settled = String(performance.now());
  }

  /** The screen point zoom buttons zoom around: the middle of the tool in focus where it shows, else null. */
  anchor(): { x: number; y: number } | null {
    const item = this.cb.items().find((i) => i.id === this.focusId) ?? this.taskItem();
    if (!item) return null;
    const v = this.cb.view();
    const area = this.area();
    const g = item.geometry;
    const x0 = Math.max(area.x, (g.x - v.x) * v.zoom);
    const y0 = Math.max(area.y, (g.y - v.y) * v.zoom);
    const x1 = Math.min(area.x + area.w, (g.x + g.w - v.x) * v.zoom);
    const y1 = Math.min(area.y + area.h, (g.y + g.h - v.y) * v.zoom);
    return x1 > x0 && y1 > y0 ? { x: (x0 + x1) / 2, y: (y0 + y1) / 2 } : null;
  }

  /** A press on an item's title: the second in a row (a double click or tap) shows that tool; true then. */
  titlePress(item: CanvasItem): boolean {
    return this.#motion?.titlePress(item) ?? false;
  }

  /** Focus moved inside the board: by the keyboard, the view follows it at a legible zoom. */
  focusIn(e: FocusEvent): void {
    this.#motion?.focusIn(e);
  }

  /** The view changed: tells the page when it leaves the task (every tool of it) or comes back. */
  viewChanged(): void {
    const tools = this.cb.items().filter((i) => i.kind === 'widget' && this.tools.includes(i.props.widget));
    const shown = this.shown();
    const on =
      tools.length === 0 ||
      tools.some((item) => {
        const tool = toolBox(item);
        return overlapArea(tool, shown) >= 0.3 * Math.min(tool.w * tool.h, shown.w * shown.h);
      });
    if (on === this.#onTask) return;
    this.#onTask = on;
    this.host.dispatchEvent(new CustomEvent('kb-task-view', { detail: { onTask: on }, bubbles: true, composed: true }));
  }
}

const tm = defineMessages({ da: { lookHere: 'Se her' }, en: { lookHere: 'Look here' } });

/** The facilitator's "look here" pointer at a board point, the same size at every zoom. */
export function renderPointer(p: { x: number; y: number }, zoom: number): TemplateResult {
  return html`<div class="look-here" role="img" aria-label=${tm('lookHere')} style=${styleMap({ left: `${p.x}px`, top: `${p.y}px`, transform: `scale(${1 / zoom})` })}>
    <span class="ring" aria-hidden="true"></span><span class="tag">${tm('lookHere')}</span>
  </div>`;
}

/** The pointer's styles (a ring that pulses, unless the participant prefers less motion). */
export const taskStyles = css`
  .look-here {
    position: absolute;
    z-index: 48;
    pointer-events: none;
    transform-origin: 0 0;
  }
  .look-here .ring {
    position: absolute;
    left: -22px;
    top: -22px;
    width: 36px;
    height: 36px;
    border: 4px solid var(--kb-accent, #1f5fa8);
    border-radius: 50%;
    background: rgb(31 95 168 / 0.15);
    animation: kb-look 1.4s ease-out infinite;
  }
  .look-here .tag {
    position: absolute;
    left: 24px;
    top: -12px;
    padding: 3px 8px;
    border-radius: 6px;
    background: var(--kb-accent, #1f5fa8);
    color: #fff;
    font-size: 15px;
    font-weight: 600;
    white-space: nowrap;
  }
  @keyframes kb-look {
    from {
      box-shadow: 0 0 0 0 rgb(31 95 168 / 0.5);
    }
    to {
      box-shadow: 0 0 0 22px rgb(31 95 168 / 0);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .look-here .ring {
      animation: none;
    }
  }
`;
