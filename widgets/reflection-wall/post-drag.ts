/**
 * Dragging a post to another column (or another place in its own) with the pointer: a reactive
 * controller over shared/drag.ts. While the post is in flight it holds `flight` (the post's rect
 * in layout units and the column under the pointer), publishes it to presence in board
 * coordinates and lets Escape cancel; on release it works out the slot nearest the pointer and
 * hands column and index back to the element, which writes the move.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { columnAt, nearestSlot, postSlots, WALL_SIZE } from '../../src/kinds/reflection-wall/layout.js';
import type { WallColumn } from '../../src/kinds/reflection-wall/records.js';
import type { Rect } from '../../src/layout/rect.js';
import type { Presence } from '../../src/sync/presence.js';
import { PointerDrag } from '../shared/drag.js';
import type { DragMove } from '../shared/drag.js';
import type { Placement } from './ghosts.js';

export interface PostDragOptions {
  /** The wall at its natural layout (`.stage`), scaled to the element. */
  stage(): Element | null;
  /** The columns as last read, and each column's post slots. */
  columns(): readonly WallColumn[];
  slots(columnIndex: number): Rect[];
  /** Where the wall sits on the board. */
  placement(): Placement;
  presence(): Presence | null;
  /** A drop that changes the post's place: at `index` of `column`. */
  onDrop(postId: string, column: WallColumn, index: number): void;
}

export interface Flight {
  postId: string;
  rect: Rect;
  /** The column under the pointer, if any. */
  target: string | null;
}

export class PostDrag implements ReactiveController {
  /** The post in flight here, or null. */
  flight: Flight | null = null;
  #grab: { dx: number; dy: number; w: number; h: number } | null = null;
  readonly #pointer = new PointerDrag<string>({
    hitTest: (cx, cy) => {
      const p = this.#toLocal(cx, cy);
      const columns = this.opts.columns();
      return columns[columnAt(columns.length, p.x, p.y)]?.item.id ?? null;
    },
    onStart: () => window.addEventListener('keydown', this.#onKey, true),
    onMove: (id, m) => this.#move(id, m),
    onDrop: (id, m) => this.#drop(id, m),
    onCancel: () => this.#end(),
  });

  constructor(private readonly host: ReactiveControllerHost, private readonly opts: PostDragOptions) {
    host.addController(this);
  }

  /** Call from a post's `pointerdown` (the element has checked it may move posts). */
  press(postId: string, e: PointerEvent): void {
    if (e.button !== 0) return;
    if ((e.target as Element).closest('button, input, textarea, select, a, .menu')) return;
    const columns = this.opts.columns();
    const ci = columns.findIndex((c) => c.posts.some((p) => p.item.id === postId));
    const pi = columns[ci]?.posts.findIndex((p) => p.item.id === postId) ?? -1;
    const slot = this.opts.slots(ci)[pi];
    if (slot === undefined) return;
    const p = this.#toLocal(e.clientX, e.clientY);
    this.#grab = { dx: p.x - slot.x, dy: p.y - slot.y, w: slot.w, h: slot.h };
    // The press belongs to the post, not to the canvas (which would move the whole widget).
    e.stopPropagation();
    this.#pointer.start(e, postId);
  }

  /** Abandons a drag in progress (Escape, a lock, leaving the page). */
  cancel(): void {
    this.#pointer.cancel();
  }

  hostDisconnected(): void {
    this.#pointer.cancel();
  }

  #move(postId: string, m: DragMove<string>): void {
    const grab = this.#grab;
    if (!grab) return;
    const p = this.#toLocal(m.clientX, m.clientY);
    const rect = { x: p.x - grab.dx, y: p.y - grab.dy, w: grab.w, h: grab.h };
    this.flight = { postId, rect, target: m.target };
    this.host.requestUpdate();
    const at = this.opts.placement();
    this.opts.presence()?.setDrags([
      { itemId: postId, x: at.x + rect.x * at.kx, y: at.y + rect.y * at.ky, ...(m.target !== null ? { target: m.target } : {}) },
    ]);
  }

  #drop(postId: string, m: DragMove<string>): void {
    this.#end();
    const columns = this.opts.columns();
    const ci = columns.findIndex((c) => c.item.id === m.target);
    const target = columns[ci];
    if (target === undefined) return;
    const others = target.posts.filter((p) => p.item.id !== postId);
    const p = this.#toLocal(m.clientX, m.clientY);
    const index = Math.max(0, nearestSlot(postSlots(columns.length, ci, others.length + 1), p.x, p.y));
    if (target.posts.findIndex((q) => q.item.id === postId) === index) return;
    this.opts.onDrop(postId, target, index);
  }

  #end(): void {
    window.removeEventListener('keydown', this.#onKey, true);
    this.opts.presence()?.setDrags([]);
    if (this.flight !== null) {
      this.flight = null;
      this.host.requestUpdate();
    }
    this.#grab = null;
  }

  #onKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    this.#pointer.cancel();
  };

  /** A client point in layout units (whatever scales the wall: its width, the canvas zoom). */
  #toLocal(clientX: number, clientY: number): { x: number; y: number } {
    const r = this.opts.stage()?.getBoundingClientRect();
    if (!r || r.width === 0 || r.height === 0) return { x: clientX, y: clientY };
    return { x: ((clientX - r.left) * WALL_SIZE.w) / r.width, y: ((clientY - r.top) * WALL_SIZE.h) / r.height };
  }
}
