/**
 * Dragging items on the canvas: a press on an item (or its handle) starts a drag of the
 * selection's top-level items; past a 3 px threshold they move on screen (a dragged frame's
 * children with it) and peers see them move through awareness; the drop writes every move in
 * one transaction. A Lit reactive controller, like the viewport's gestures: it holds the drag
 * and the positions in flight and asks its host to re-render as they change.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
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

  /** Where the items being dragged are drawn now (board coordinates, top-left). */
  get positions(): ReadonlyMap<string, Point> {
    return this.#positions;
  }

  /** Starts a drag of `ids` with the press `e` (captured on the pressed element). */
  start(e: PointerEvent, ids: readonly string[]): void {
    const items = new Map(this.cb.items().map((i) => [i.id, i]));
    const origins = new Map<string, Point>();
    for (const id of ids) {
      const g = items.get(id)?.geometry;
      if (g) origins.set(id, { x: g.x, y: g.y });
    }
    this.#drag = { pointerId: e.pointerId, startX: e.clientX, startY: e.clientY, origins, moved: false };
    capture(e.currentTarget as Element, e.pointerId);
  }

  move(e: PointerEvent): void {
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
  }

  up(e: PointerEvent): void {
    const d = this.#drag;
    if (!d || e.pointerId !== d.pointerId) return;
    this.#drag = null;
    if (d.moved) this.cb.drop([...d.origins.keys()].map((id) => ({ id, ...(this.#positions.get(id) as Point) })));
    this.#end();
  }

  cancel(e: PointerEvent): void {
    if (this.#drag?.pointerId !== e.pointerId) return;
    this.#drag = null;
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
