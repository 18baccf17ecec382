/**
 * The board's moves as the facilitator leads them, loaded just after the board (its first view
 * needs none of this): a glide (an animated view change; a jump with prefers-reduced-motion)
 * that waits while the participant types or drags and goes right after, a place or a point the
 * facilitator shows, a double press on a tool's title, and the view following keyboard focus at
 * a legible zoom. The pure math is at the end (tested in Node).
 *
 * It imports no value from any other module (only types; what it needs the task view hands
 * it): esbuild splits a module that a lazily loaded one shares with the board's first bundle
 * into a chunk of its own, and each such chunk costs the first bundle bytes.
 */
import type { Rect } from '../layout/rect.js';
import type { CanvasItem } from './item-view.js';
import type { GoOptions, TaskMotionLike, TaskView } from './task-view.js';
import type { View } from './viewport.js';

const GLIDE_MS = 420;

export class TaskMotion implements TaskMotionLike {
  #frame = 0;
  #pending: (() => void) | null = null;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #pressed = 0;
  #lastKey = 0;
  #lastTap: { id: string; at: number } | null = null;

  constructor(private readonly task: TaskView) {}

  attach(): void {
    const host = this.task.host;
    host.addEventListener('pointerdown', this.#down, true);
    host.addEventListener('keydown', this.#key, true);
    host.addEventListener('scroll', this.#unscroll);
    addEventListener('pointerup', this.#up, true);
    addEventListener('pointercancel', this.#up, true);
  }

  detach(): void {
    const host = this.task.host;
    host.removeEventListener('pointerdown', this.#down, true);
    host.removeEventListener('keydown', this.#key, true);
    host.removeEventListener('scroll', this.#unscroll);
    removeEventListener('pointerup', this.#up, true);
    removeEventListener('pointercancel', this.#up, true);
    this.stop();
    clearTimeout(this.#retry);
    this.#pending = null;
  }

  #down = (): void => {
    this.#pressed++;
    // The participant takes the view in hand: a glide under way stops where it is.
    this.stop();
  };
  #up = (): void => {
    this.#pressed = 0;
  };
  #key = (): void => {
    this.#lastKey = performance.now();
  };
  /** The browser scrolls a focused element into view; the view is the board's transform, so that is undone. */
  #unscroll = (): void => {
    this.task.host.scrollTop = 0;
    this.task.host.scrollLeft = 0;
  };

  /**
   * Goes to the view `target` works out (when it is time: after the participant's typing or
   * drag), gliding unless asked not to or the participant prefers less motion.
   */
  go(target: () => View, opts: GoOptions): void {
    const run = (): void => {
      if (this.#pending === run) this.#pending = null;
      const to = target();
      if (opts.glide === false || reducedMotion()) return this.task.arrive(to);
      this.#glide(this.task.cb.view(), to);
    };
    if (opts.wait !== false && this.#busy()) {
      this.#pending = run;
      this.#waitForFree();
      return;
    }
    run();
  }

  stop(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  /** Shows a place on the board (what the facilitator shows), after any typing or drag. */
  showRect(target: () => View): void {
    this.go(target, {});
  }

  /** Brings a board point into view (the pointer), keeping the zoom. */
  showPoint(x: number, y: number): void {
    this.go(() => revealView(this.task.cb.view(), { x: x - 60, y: y - 60, w: 120, h: 120 }, this.task.area(), 0) ?? this.task.cb.view(), {});
  }

  /** A press on an item's title: the second within 400 ms (a double click or tap) shows that tool; true then. */
  titlePress(item: CanvasItem): boolean {
    const now = performance.now();
    const second = this.#lastTap?.id === item.id && now - this.#lastTap.at < 400;
    this.#lastTap = second ? null : { id: item.id, at: now };
    if (second) this.task.focusTool(item.id);
    return second;
  }

  /**
   * Focus moved inside the board: by the keyboard, the view follows it at a legible zoom
   * (what it lands on, in the tool holding it), at once; the browser's own scrolling is undone.
   */
  focusIn(e: FocusEvent): void {
    const { task } = this;
    const path = e.composedPath() as HTMLElement[];
    const target = path[0];
    const itemEl = path.find((el) => el instanceof HTMLElement && el.dataset.itemId);
    if (!target || !itemEl || !target.matches?.(':focus-visible')) return;
    const item = task.cb.items().find((i) => i.id === itemEl.dataset.itemId);
    if (!item) return;
    if (item.kind === 'widget') task.focusId = item.id;
    // The focused element's box on the board (the whole item when it is the item).
    const v = task.cb.view();
    const box = target.getBoundingClientRect();
    const vp = task.host.getBoundingClientRect();
    const r = target === itemEl ? task.toolBox(item) : { x: (box.left - vp.left) / v.zoom + v.x, y: (box.top - vp.top) / v.zoom + v.y, w: box.width / v.zoom, h: box.height / v.zoom };
    this.#unscroll();
    const next = revealView(v, r, task.area(), task.legibleZoom(item));
    if (next) this.go(() => next, { wait: false, glide: false });
  }

  #busy(): boolean {
    return this.#pressed > 0 || this.task.cb.busy() || typing(this.task.host, this.#lastKey);
  }

  #waitForFree(): void {
    clearTimeout(this.#retry);
    this.#retry = setTimeout(() => {
      if (!this.#pending) return;
      if (this.#busy()) return this.#waitForFree();
      this.#pending();
    }, 200);
  }

  #glide(from: View, to: View): void {
    this.stop();
    const start = performance.now();
    const size = this.task.cb.size();
    const step = (t: number): void => {
      const k = Math.min(1, (t - start) / GLIDE_MS);
      if (k >= 1) {
        this.#frame = 0;
        return this.task.arrive(to);
      }
      const e = k < 0.5 ? 4 * k * k * k : 1 - Math.pow(-2 * k + 2, 3) / 2;
      this.task.cb.show(between(from, to, e, size));
      this.#frame = requestAnimationFrame(step);
    };
    this.#frame = requestAnimationFrame(step);
  }
}

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** The element focused inside `root`, through shadow roots. */
function deepActive(root: Document | ShadowRoot = document): Element | null {
  let el = root.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/**
 * Is the participant writing in a text field of the board: one with text in it, or a key
 * pressed in the last 3 s?
 */
function typing(host: HTMLElement, lastKey: number): boolean {
  const el = deepActive();
  if (!el || !(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || (el as HTMLElement).isContentEditable)) return false;
  if (!composedContains(host, el)) return false;
  return ((el as HTMLInputElement).value ?? '').trim() !== '' || performance.now() - lastKey < 3000;
}

function composedContains(host: Element, el: Node): boolean {
  for (let n: Node | null = el; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) if (n === host) return true;
  return false;
}

/**
 * The view that shows `r` in the free `area` at `zoom` at least `minZoom`, moved as little as
 * possible from `v` (null when `v` already shows it whole at a legible zoom). Too big to show
 * whole, `r` shows from its top-left.
 */
export function revealView(v: View, r: Rect, area: Rect, minZoom: number): View | null {
  const zoom = Math.max(v.zoom, minZoom);
  const shown = { x: v.x + area.x / v.zoom, y: v.y + area.y / v.zoom, w: area.w / v.zoom, h: area.h / v.zoom };
  if (zoom === v.zoom && r.x >= shown.x && r.y >= shown.y && r.x + r.w <= shown.x + shown.w && r.y + r.h <= shown.y + shown.h) return null;
  // Keep the centre of the current view where it can, at the new zoom.
  const cx = shown.x + shown.w / 2;
  const cy = shown.y + shown.h / 2;
  const aw = area.w / zoom;
  const ah = area.h / zoom;
  const fit = (c: number, lo: number, len: number, span: number): number => (len >= span ? lo : Math.min(lo, Math.max(lo + len - span, c - span / 2)));
  const x0 = fit(cx, r.x, r.w, aw);
  const y0 = fit(cy, r.y, r.h, ah);
  return { zoom, x: x0 - area.x / zoom, y: y0 - area.y / zoom };
}

/**
 * The view a fraction `t` (0 to 1) of the way from `a` to `b` on a screen of `size`: the
 * centre moves evenly and the zoom geometrically, so a glide looks steady at any scale.
 */
export function between(a: View, b: View, t: number, size: { w: number; h: number }): View {
  const zoom = a.zoom * Math.pow(b.zoom / a.zoom, t);
  const c = (v: View, s: number, k: 'x' | 'y'): number => v[k] + s / 2 / v.zoom;
  const cx = c(a, size.w, 'x') + (c(b, size.w, 'x') - c(a, size.w, 'x')) * t;
  const cy = c(a, size.h, 'y') + (c(b, size.h, 'y') - c(a, size.h, 'y')) * t;
  return { zoom, x: cx - size.w / 2 / zoom, y: cy - size.h / 2 / zoom };
}
