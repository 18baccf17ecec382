/**
 * Gestures on the board: pan (drag on empty space, Space + drag from anywhere, the wheel),
 * zoom (Ctrl/Cmd + wheel or a trackpad pinch, two fingers), and the rubber band (Shift + drag)
 * that selects what it touches. A Lit reactive controller: it holds the gesture state and asks
 * its host to re-render while a band is drawn or the board is panned.
 *
 * Touch: the viewport has `touch-action: none`, so the browser neither scrolls nor zooms and
 * every gesture is ours. One finger pans wherever its press did not start a drag of an item
 * or a card (`isClaimed`): on empty space at once, on a widget's other parts once it has moved
 * a few pixels (a tap still reaches the button under it). Two fingers pinch-zoom wherever they
 * touch down, on a widget too: the second finger's press is taken before anything under it
 * sees it, and a drag the first finger started lets go (widgets/shared/drag.ts).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isClaimed } from '../../widgets/shared/drag.js';
import type { Rect } from '../layout/rect.js';
import { hitBand, panBy, rectFrom, zoomAt, type View } from './viewport.js';

type Point = { x: number; y: number };

/** Pixels a finger travels on a widget before the press becomes a pan. */
const PAN_SLOP = 8;

export interface GestureCallbacks {
  view(): View;
  /** A view the participant chose (ends following). */
  setView(v: View): void;
  /** The viewport's box on screen. */
  rect(): DOMRect;
  toWorld(clientX: number, clientY: number): Point;
  /** A press on empty space that the host uses itself (placing an item): true ends the gesture. */
  pressTaken(e: PointerEvent, world: Point): boolean;
  /** The items a band can select. */
  items(): { id: string; rect: Rect }[];
  select(ids: string[], additive: boolean): void;
  setCursor(p: Point | null): void;
  capture(pointerId: number): void;
}

export class ViewportGestures implements ReactiveController {
  #pointers = new Map<number, Point>();
  #pan: { pointerId: number; x: number; y: number } | null = null;
  /** A finger down on a widget's unclaimed part: a pan once it moves past `PAN_SLOP`. */
  #maybe: { pointerId: number; x: number; y: number } | null = null;
  /** The pan began on a widget: the tap the browser may still see at its release must not press what lay under the finger. */
  #fromWidget = false;
  #pinch: { dist: number; cx: number; cy: number } | null = null;
  #band: { x0: number; y0: number; x1: number; y1: number } | null = null;
  #spaceDown = false;

  constructor(private readonly host: ReactiveControllerHost, private readonly cb: GestureCallbacks) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('keydown', this.#onKey);
    addEventListener('keyup', this.#onKeyUp);
    // A finger lifted over a bar outside the viewport still ends its gesture.
    addEventListener('pointerup', this.#onUp, true);
    addEventListener('pointercancel', this.#onUp, true);
  }

  hostDisconnected(): void {
    removeEventListener('keydown', this.#onKey);
    removeEventListener('keyup', this.#onKeyUp);
    removeEventListener('pointerup', this.#onUp, true);
    removeEventListener('pointercancel', this.#onUp, true);
  }

  #onUp = (e: PointerEvent): void => {
    if (this.#pointers.has(e.pointerId) || this.#maybe?.pointerId === e.pointerId) this.up(e);
  };

  /** True while Space is held: a drag anywhere pans, items do not start their own drags. */
  get spaceDown(): boolean {
    return this.#spaceDown;
  }

  get panning(): boolean {
    return this.#pan !== null;
  }

  /** The rubber band in board coordinates while it is drawn. */
  get band(): Rect | null {
    const b = this.#band;
    return b ? rectFrom({ x: b.x0, y: b.y0 }, { x: b.x1, y: b.y1 }) : null;
  }

  #onKey = (e: KeyboardEvent): void => {
    if (e.key === ' ' && !isTyping(e)) this.#spaceDown = true;
  };

  #onKeyUp = (e: KeyboardEvent): void => {
    if (e.key === ' ') this.#spaceDown = false;
  };

  /**
   * Every press on the viewport before its target sees it (capture phase): fingers are
   * counted here, and a second one starts a pinch and goes no further.
   */
  track(e: PointerEvent): void {
    if (e.pointerType !== 'touch') return;
    this.#pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (this.#pointers.size !== 2) return;
    e.stopPropagation();
    this.#pan = null;
    this.#maybe = null;
    this.#band = null;
    for (const id of this.#pointers.keys()) this.cb.capture(id);
    const [a, b] = this.#two();
    this.#pinch = { dist: Math.hypot(a.x - b.x, a.y - b.y), cx: (a.x + b.x) / 2, cy: (a.y + b.y) / 2 };
    this.host.requestUpdate();
  }

  /** A press on the viewport; `onEmpty` when it is not on an item. */
  down(e: PointerEvent, onEmpty: boolean): void {
    if (!onEmpty && e.pointerType === 'touch' && !isClaimed(e) && this.#pointers.size === 1) {
      this.#maybe = { pointerId: e.pointerId, x: e.clientX, y: e.clientY };
      return;
    }
    if (this.#spaceDown && this.#pointers.size === 0) {
      e.preventDefault();
      this.#track(e);
      this.#pan = { pointerId: e.pointerId, x: e.clientX, y: e.clientY };
      this.host.requestUpdate();
      return;
    }
    if (!onEmpty) return;
    this.#track(e);
    const world = this.cb.toWorld(e.clientX, e.clientY);
    if (this.cb.pressTaken(e, world)) return;
    if (this.#pointers.size === 2) {
      this.#pan = null;
      this.#band = null;
      const [a, b] = this.#two();
      this.#pinch = { dist: Math.hypot(a.x - b.x, a.y - b.y), cx: (a.x + b.x) / 2, cy: (a.y + b.y) / 2 };
      return;
    }
    if (e.shiftKey) {
      this.#band = { x0: world.x, y0: world.y, x1: world.x, y1: world.y };
      this.host.requestUpdate();
      return;
    }
    this.#pan = { pointerId: e.pointerId, x: e.clientX, y: e.clientY };
    this.cb.select([], false);
    this.host.requestUpdate();
  }

  move(e: PointerEvent): void {
    const world = this.cb.toWorld(e.clientX, e.clientY);
    this.cb.setCursor(world);
    if (this.#pointers.has(e.pointerId)) this.#pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    const m = this.#maybe;
    if (m && m.pointerId === e.pointerId && Math.hypot(e.clientX - m.x, e.clientY - m.y) >= PAN_SLOP) {
      this.#maybe = null;
      this.#pan = m;
      this.#fromWidget = true;
      this.cb.capture(e.pointerId);
      this.host.requestUpdate();
    }
    if (this.#pinch && this.#pointers.size === 2) {
      const [a, b] = this.#two();
      const dist = Math.hypot(a.x - b.x, a.y - b.y);
      const cx = (a.x + b.x) / 2;
      const cy = (a.y + b.y) / 2;
      const r = this.cb.rect();
      const panned = panBy(this.cb.view(), cx - this.#pinch.cx, cy - this.#pinch.cy);
      this.cb.setView(zoomAt(panned, cx - r.left, cy - r.top, dist / (this.#pinch.dist || dist)));
      this.#pinch = { dist, cx, cy };
      return;
    }
    if (this.#band) {
      this.#band = { ...this.#band, x1: world.x, y1: world.y };
      this.host.requestUpdate();
      return;
    }
    if (this.#pan && e.pointerId === this.#pan.pointerId) {
      this.cb.setView(panBy(this.cb.view(), e.clientX - this.#pan.x, e.clientY - this.#pan.y));
      this.#pan = { ...this.#pan, x: e.clientX, y: e.clientY };
    }
  }

  up(e: PointerEvent): void {
    this.#pointers.delete(e.pointerId);
    if (this.#maybe?.pointerId === e.pointerId) this.#maybe = null;
    if (this.#pointers.size < 2) this.#pinch = null;
    const band = this.band;
    if (band) {
      this.cb.select(hitBand(this.cb.items(), band), e.shiftKey);
      this.#band = null;
      this.host.requestUpdate();
    }
    if (this.#pan?.pointerId === e.pointerId) {
      if (this.#fromWidget) swallowNextClick();
      this.#fromWidget = false;
      this.#pan = null;
      this.host.requestUpdate();
    }
  }

  wheel(e: WheelEvent): void {
    e.preventDefault();
    const r = this.cb.rect();
    const v = this.cb.view();
    if (e.ctrlKey || e.metaKey) this.cb.setView(zoomAt(v, e.clientX - r.left, e.clientY - r.top, Math.exp(-e.deltaY * 0.01)));
    else this.cb.setView(panBy(v, -e.deltaX, -e.deltaY));
  }

  #track(e: PointerEvent): void {
    this.#pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    this.cb.capture(e.pointerId);
  }

  #two(): [Point, Point] {
    return [...this.#pointers.values()] as [Point, Point];
  }
}

/** Eats a click that comes before the next press (or within 300 ms). */
function swallowNextClick(): void {
  const swallow = (e: Event): void => {
    e.stopImmediatePropagation();
    e.preventDefault();
  };
  const off = (): void => {
    removeEventListener('click', swallow, true);
    removeEventListener('pointerdown', off, true);
  };
  addEventListener('click', swallow, { capture: true, once: true });
  addEventListener('pointerdown', off, true);
  setTimeout(off, 300);
}

/** True when a key goes to a text field (Space types a space there). */
export function isTyping(e: KeyboardEvent): boolean {
  const target = e.composedPath()[0] as HTMLElement | undefined;
  return !!target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
}
