/**
 * Pointer dragging for widget content (mouse, touch and pen alike). A press that moves past a
 * small threshold becomes a drag: the controller captures the pointer, reports the position
 * and the drop target under it while moving (the widget shows a ghost and publishes it to
 * presence, throttled there), and calls `onDrop` once on release. A press without movement is
 * left to the element's click handler, which is the click alternative ("pick up", "place").
 */
export interface DragMove<T> {
  /** Pointer position in client (viewport) pixels. */
  clientX: number;
  clientY: number;
  /** Pointer offset from where the drag began, in client pixels. */
  dx: number;
  dy: number;
  target: T | null;
}

export interface DragOptions<T> {
  /** Which drop target lies under a client point (null: none). */
  hitTest(clientX: number, clientY: number): T | null;
  onStart?(itemId: string): void;
  onMove(itemId: string, move: DragMove<T>): void;
  onDrop(itemId: string, move: DragMove<T>): void;
  onCancel?(itemId: string): void;
  /** Pixels the pointer must travel before a press becomes a drag. */
  threshold?: number;
}

export class PointerDrag<T> {
  #active: { itemId: string; pointerId: number; x0: number; y0: number; started: boolean; el: Element } | null = null;

  constructor(private readonly opts: DragOptions<T>) {}

  get dragging(): string | null {
    return this.#active?.started ? this.#active.itemId : null;
  }

  /** Call from the item's `pointerdown`. */
  start(e: PointerEvent, itemId: string): void {
    if (e.button !== 0 || this.#active) return;
    const el = e.currentTarget as Element;
    this.#active = { itemId, pointerId: e.pointerId, x0: e.clientX, y0: e.clientY, started: false, el };
    // Capture at once: a quick flick's first move may already be outside the element.
    try {
      el.setPointerCapture(e.pointerId);
    } catch {
      // the pointer is already gone: harmless
    }
    el.addEventListener('pointermove', this.#move as EventListener);
    el.addEventListener('pointerup', this.#up as EventListener);
    el.addEventListener('pointercancel', this.#cancel as EventListener);
  }

  #move = (e: PointerEvent): void => {
    const a = this.#active;
    if (!a || e.pointerId !== a.pointerId) return;
    const dx = e.clientX - a.x0;
    const dy = e.clientY - a.y0;
    if (!a.started) {
      if (Math.hypot(dx, dy) < (this.opts.threshold ?? 4)) return;
      a.started = true;
      this.opts.onStart?.(a.itemId);
    }
    e.preventDefault();
    this.opts.onMove(a.itemId, { clientX: e.clientX, clientY: e.clientY, dx, dy, target: this.opts.hitTest(e.clientX, e.clientY) });
  };

  #up = (e: PointerEvent): void => {
    const a = this.#active;
    if (!a || e.pointerId !== a.pointerId) return;
    this.#end();
    if (!a.started) return;
    // The click that follows a drag must not also act as a click.
    a.el.addEventListener('click', (c) => c.stopImmediatePropagation(), { capture: true, once: true });
    const move = { clientX: e.clientX, clientY: e.clientY, dx: e.clientX - a.x0, dy: e.clientY - a.y0, target: this.opts.hitTest(e.clientX, e.clientY) };
    this.opts.onDrop(a.itemId, move);
  };

  #cancel = (e: PointerEvent): void => {
    const a = this.#active;
    if (!a || e.pointerId !== a.pointerId) return;
    this.#end();
    if (a.started) this.opts.onCancel?.(a.itemId);
  };

  /** Abandons a drag in progress (e.g. on Escape). */
  cancel(): void {
    const a = this.#active;
    if (!a) return;
    this.#end();
    if (a.started) this.opts.onCancel?.(a.itemId);
  }

  #end(): void {
    const a = this.#active;
    if (!a) return;
    a.el.removeEventListener('pointermove', this.#move as EventListener);
    a.el.removeEventListener('pointerup', this.#up as EventListener);
    a.el.removeEventListener('pointercancel', this.#cancel as EventListener);
    if (a.el.hasPointerCapture?.(a.pointerId)) a.el.releasePointerCapture(a.pointerId);
    this.#active = null;
  }
}
