/**
 * Dragging items on the canvas: a press on an item (or its handle) starts a drag of the
 * selection's top-level items; past a 3 px threshold they move on screen (a dragged frame's
 * children with it) and peers see them move through awareness; the drop writes every move in
 * one transaction. A Lit reactive controller, like the viewport's gestures: it holds the drag
 * and the positions in flight and asks its host to re-render as they change.
 *
 * A drag always ends: the pointer is followed on the window, so the release (or a cancel, or
 * a second finger starting a pinch) is heard whatever happened to the item meanwhile — moved,
 * re-parented or deleted by someone else; an item gone by the drop is left out of it. The
 * peers are told at once that the drag is over.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { claim } from '../../widgets/shared/drag.js';
import type { DragState } from '../sync/presence.js';
import type { Move } from './arrange.js';
import type { CanvasItem } from './item-view.js';

type Point = { x: number; y: number };

export interface ItemDragCallbacks {
  /** The view's zoom (screen pixels per board unit). */
  zoom(): number;
  /** The canvas items (a dragged frame's children follow it). */
  items(): readonly CanvasItem[];
  /** Tells the peers where the dragged items are now (empty: the drag ended). */
  setDrags(drags: DragState[]): void;
  /** The drop: write these moves. */
  drop(moves: Move[]): void;
}

interface Drag {
  pointerId: number;
  el: Element;
  startX: number;
  startY: number;
  origins: Map<string, Point>;
  moved: boolean;
}

export class ItemDrags implements ReactiveController {
  #drag: Drag | null = null;
  #positions: ReadonlyMap<string, Point> = new Map();

  constructor(private readonly host: ReactiveControllerHost, private readonly cb: ItemDragCallbacks) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    if (this.#drag) this.#stop();
  }

  /** Where the items being dragged are drawn now (board coordinates, top-left). */
  get positions(): ReadonlyMap<string, Point> {
    return this.#positions;
  }

  /** Starts a drag of `ids` with the press `e` (captured on the pressed element). */
  start(e: PointerEvent, ids: readonly string[]): void {
    if (this.#drag) this.#stop();
    const items = new Map(this.cb.items().map((i) => [i.id, i]));
    const origins = new Map<string, Point>();
    for (const id of ids) {
      const g = items.get(id)?.geometry;
      if (g) origins.set(id, { x: g.x, y: g.y });
    }
    const el = e.currentTarget as Element;
    this.#drag = { pointerId: e.pointerId, el, startX: e.clientX, startY: e.clientY, origins, moved: false };
    claim(e);
    capture(el, e.pointerId);
    addEventListener('pointermove', this.#onMove, true);
    addEventListener('pointerup', this.#onUp, true);
    addEventListener('pointercancel', this.#onCancel, true);
    addEventListener('pointerdown', this.#onOtherDown, true);
  }

  /** True while a press on an item is held (dragged or not yet). */
  get active(): boolean {
    return this.#drag !== null;
  }

  #onMove = (e: PointerEvent): void => {
    const d = this.#drag;
    if (!d || e.pointerId !== d.pointerId) return;
    const zoom = this.cb.zoom();
    const dx = (e.clientX - d.startX) / zoom;
    const dy = (e.clientY - d.startY) / zoom;
    if (!d.moved && Math.hypot(dx * zoom, dy * zoom) < 3) return;
    d.moved = true;
    const positions = new Map<string, Point>();
    for (const [id, o] of d.origins) positions.set(id, { x: Math.round(o.x + dx), y: Math.round(o.y + dy) });
    // Children of a dragged frame follow it on screen as they will in the document.
    for (const item of this.cb.items()) {
      const p = item.geometry.parent;
      if (p && d.origins.has(p) && !d.origins.has(item.id)) positions.set(item.id, { x: Math.round(item.geometry.x + dx), y: Math.round(item.geometry.y + dy) });
    }
    this.#set(positions);
    this.cb.setDrags([...positions].map(([itemId, p]) => ({ itemId, x: p.x, y: p.y })));
  };

  #onUp = (e: PointerEvent): void => {
    const d = this.#drag;
    if (!d || e.pointerId !== d.pointerId) return;
    const positions = this.#positions;
    this.#stop();
    const present = new Set(this.cb.items().map((i) => i.id));
    const moves = [...d.origins.keys()].flatMap((id) => {
      const p = positions.get(id);
      return p && present.has(id) ? [{ id, ...p }] : [];
    });
    if (d.moved && moves.length > 0) this.cb.drop(moves);
  };

  #onCancel = (e: PointerEvent): void => {
    if (this.#drag?.pointerId === e.pointerId) this.#stop();
  };

  /** A second finger touches down: a pinch is starting; the drag lets go. */
  #onOtherDown = (e: PointerEvent): void => {
    const d = this.#drag;
    if (d && e.pointerId !== d.pointerId && e.pointerType === 'touch') this.#stop();
  };

  /** Abandons a drag in progress (Escape, the board turned read-only). */
  cancel(): void {
    if (this.#drag) this.#stop();
  }

  #stop(): void {
    const d = this.#drag;
    this.#drag = null;
    removeEventListener('pointermove', this.#onMove, true);
    removeEventListener('pointerup', this.#onUp, true);
    removeEventListener('pointercancel', this.#onCancel, true);
    removeEventListener('pointerdown', this.#onOtherDown, true);
    try {
      if (d?.el.hasPointerCapture(d.pointerId)) d.el.releasePointerCapture(d.pointerId);
    } catch {
      // gone already
    }
    this.#end();
  }

  #end(): void {
    this.#set(new Map());
    this.cb.setDrags([]);
  }

  #set(positions: ReadonlyMap<string, Point>): void {
    this.#positions = positions;
    this.host.requestUpdate();
  }
}

/** Pointer capture keeps a drag going outside the element; a pointer that is already gone cannot be captured, which is harmless. */
export function capture(el: Element, pointerId: number): void {
  try {
    el.setPointerCapture(pointerId);
  } catch {
    // NotFoundError: the pointer is no longer active.
  }
}
