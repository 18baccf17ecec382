/**
 * Dragging a matrix note with the pointer (mouse, touch, pen): a reactive controller over
 * shared/drag.ts. While a note moves it holds `drag` (offset and drop target, in layout units,
 * read by the field templates) and publishes the note to presence in board coordinates; on
 * release it hands the drop target back to the element, which plans and writes the move.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { BOR_GOR_SIZE, fieldAt, noteSlots, slotIndexAt } from '../../src/kinds/bor-gor-matrix/layout.js';
import type { Geometry } from '../../src/model/index.js';
import type { Presence } from '../../src/sync/presence.js';
import { PointerDrag } from '../shared/drag.js';
import type { DragMove } from '../shared/drag.js';
import { toBoard } from './ghosts.js';
import { findNote } from '../../src/kinds/bor-gor-matrix/records.js';
import type { DropTarget, LocalDrag, NotesByField } from '../../src/kinds/bor-gor-matrix/records.js';

export interface NoteDragOptions {
  /** The matrix at its natural layout (`.stage`), scaled to the element. */
  stage(): Element | null;
  /** The notes as last rendered: what the participant sees under the pointer. */
  rendered(): NotesByField;
  /** The widget's placement on the board. */
  geometry(): Geometry | undefined;
  presence(): Presence | null;
  onStart(): void;
  onDrop(id: string, target: DropTarget): void;
}

export class NoteDrag implements ReactiveController {
  /** The note in flight here, or null. */
  drag: LocalDrag | null = null;
  #id: string | null = null;
  readonly #pointer = new PointerDrag<DropTarget>({
    hitTest: (x, y) => this.#hitTest(x, y),
    onStart: (id) => {
      this.#id = id;
      this.opts.onStart();
    },
    onMove: (id, m) => this.#move(id, m),
    onDrop: (id, m) => {
      this.#end();
      if (m.target) this.opts.onDrop(id, m.target);
    },
    onCancel: () => this.#end(),
  });

  constructor(private readonly host: ReactiveControllerHost, private readonly opts: NoteDragOptions) {
    host.addController(this);
  }

  /** The id of the note being dragged (past the threshold), or null. */
  get dragging(): string | null {
    return this.#pointer.dragging;
  }

  /** Call from a note's `pointerdown`. */
  start(e: PointerEvent, id: string): void {
    this.#pointer.start(e, id);
  }

  /** Abandons a drag in progress (Escape, a lock, leaving the page). */
  cancel(): void {
    this.#pointer.cancel();
  }

  hostDisconnected(): void {
    this.#pointer.cancel();
  }

  /** Widget-local units of a client point, and layout units per client pixel. */
  #toLocal(clientX: number, clientY: number): { x: number; y: number; perPixel: number } {
    const r = this.opts.stage()?.getBoundingClientRect();
    if (!r || r.width === 0) return { x: NaN, y: NaN, perPixel: 1 };
    const perPixel = BOR_GOR_SIZE.w / r.width;
    return { x: (clientX - r.left) * perPixel, y: (clientY - r.top) * perPixel, perPixel };
  }

  #hitTest(clientX: number, clientY: number): DropTarget | null {
    const p = this.#toLocal(clientX, clientY);
    const field = fieldAt(p.x, p.y);
    if (!field) return null;
    const others = this.opts.rendered()[field].filter((n) => n.id !== this.#id).length;
    return { field, index: slotIndexAt(field, others, p.x, p.y) };
  }

  #move(id: string, m: DragMove<DropTarget>): void {
    const { perPixel } = this.#toLocal(m.clientX, m.clientY);
    const dx = m.dx * perPixel;
    const dy = m.dy * perPixel;
    this.drag = { id, dx, dy, target: m.target };
    this.host.requestUpdate();
    const groups = this.opts.rendered();
    const note = findNote(groups, id);
    const presence = this.opts.presence();
    if (!note || !presence) return;
    const list = groups[note.props.field];
    const slot = noteSlots(note.props.field, list.length)[list.indexOf(note)];
    if (!slot) return;
    const at = toBoard(this.opts.geometry(), slot.x + dx, slot.y + dy);
    presence.setDrags([{ itemId: id, x: at.x, y: at.y, ...(m.target ? { target: m.target.field } : {}) }]);
  }

  #end(): void {
    this.#id = null;
    if (this.drag !== null) {
      this.drag = null;
      this.host.requestUpdate();
    }
    this.opts.presence()?.setDrags([]);
  }
}
