/**
 * Gestures on the board's empty space: pan (drag, Space + drag from anywhere, the wheel),
 * zoom (Ctrl/Cmd + wheel or a trackpad pinch, two fingers), and the rubber band (Shift + drag)
 * that selects what it touches. A Lit reactive controller: it holds the gesture state and asks
 * its host to re-render while a band is drawn or the board is panned.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Rect } from '../layout/rect.js';
import { hitBand, panBy, rectFrom, zoomAt, type View } from './viewport.js';

type Point = { x: number; y: number };

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
  #pinch: { dist: number; cx: number; cy: number } | null = null;
  #band: { x0: number; y0: number; x1: number; y1: number } | null = null;
  #spaceDown = false;

  constructor(private readonly host: ReactiveControllerHost, private readonly cb: GestureCallbacks) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('keydown', this.#onKey);
    addEventListener('keyup', this.#onKeyUp);
  }

  hostDisconnected(): void {
    removeEventListener('keydown', this.#onKey);
    removeEventListener('keyup', this.#onKeyUp);
  }

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

  /** A press on the viewport; `onEmpty` when it is not on an item. */
  down(e: PointerEvent, onEmpty: boolean): void {
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
    if (this.#pointers.size < 2) this.#pinch = null;
    const band = this.band;
    if (band) {
      this.cb.select(hitBand(this.cb.items(), band), e.shiftKey);
      this.#band = null;
      this.host.requestUpdate();
    }
    if (this.#pan?.pointerId === e.pointerId) {
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

/** True when a key goes to a text field (Space types a space there). */
export function isTyping(e: KeyboardEvent): boolean {
  const target = e.composedPath()[0] as HTMLElement | undefined;
  return !!target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
}
