/**
 * Pointer dragging for widget content (mouse, touch and pen alike). A press that moves past a
 * small threshold becomes a drag: the controller captures the pointer, reports the position
 * and the drop target under it while moving (the widget shows a ghost and publishes it to
 * presence, throttled there), and calls `onDrop` once on release. A press without movement is
 * left to the element's click handler, which is the click alternative ("pick up", "place").
 *
 * A drag always ends. The pointer is followed on the window, not on the pressed element, so
 * the release is heard whatever happened to that element meanwhile. When a peer's change took
 * the element away (the record moved to another list, or was deleted) the drag is cancelled
 * at the next move or release, or when the capture is lost: the first drop wins. A second
 * finger touching down (a pinch is starting) cancels it too, and a new press while an old
 * drag seems to be going on ends the old one first. Whoever drags is told once, by `onDrop` or
 * `onCancel`, and clears its presence there.
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

const claimed = new WeakSet<Event>();

/** Marks a press as the start of an item's drag: the canvas does not pan with it. */
export function claim(e: Event): void {
  claimed.add(e);
}

/** True when a widget (or the canvas) took this press for a drag of its own. */
export function isClaimed(e: Event): boolean {
  return claimed.has(e);
}

interface Active {
  itemId: string;
  pointerId: number;
  x0: number;
  y0: number;
  started: boolean;
  el: Element;
}

export class PointerDrag<T> {
  #active: Active | null = null;

  constructor(private readonly opts: DragOptions<T>) {}

  get dragging(): string | null {
    return this.#active?.started ? this.#active.itemId : null;
  }

  /** Call from the item's `pointerdown`. */
  start(e: PointerEvent, itemId: string): void {
    if (e.button !== 0) return;
    // A press while a drag seems to go on: the old one lost its release somewhere; end it.
    if (this.#active) this.cancel();
    const el = e.currentTarget as Element;
    this.#active = { itemId, pointerId: e.pointerId, x0: e.clientX, y0: e.clientY, started: false, el };
    claim(e);
    // Capture at once: a quick flick's first move may already be outside the element.
    try {
      el.setPointerCapture(e.pointerId);
    } catch {
      // the pointer is already gone: harmless
    }
    addEventListener('pointermove', this.#move, true);
    addEventListener('pointerup', this.#up, true);
    addEventListener('pointercancel', this.#cancel, true);
    addEventListener('pointerdown', this.#otherDown, true);
    el.addEventListener('lostpointercapture', this.#lost as EventListener);
  }

  #move = (e: PointerEvent): void => {
    const a = this.#active;
    if (!a || e.pointerId !== a.pointerId) return;
    if (!a.el.isConnected) return this.cancel();
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
    if (!a.el.isConnected) return this.cancel();
    this.#end();
    if (!a.started) return;
    // The click that follows a drag must not also act as a click.
    const swallow = (c: Event): void => c.stopImmediatePropagation();
    a.el.addEventListener('click', swallow, { capture: true, once: true });
    setTimeout(() => a.el.removeEventListener('click', swallow, true), 0);
    const move = { clientX: e.clientX, clientY: e.clientY, dx: e.clientX - a.x0, dy: e.clientY - a.y0, target: this.opts.hitTest(e.clientX, e.clientY) };
    this.opts.onDrop(a.itemId, move);
  };

  #cancel = (e: PointerEvent): void => {
    if (e.pointerId === this.#active?.pointerId) this.cancel();
  };

  /** A second finger: the press becomes a pinch, which the canvas takes. */
  #otherDown = (e: PointerEvent): void => {
    const a = this.#active;
    if (a && e.pointerId !== a.pointerId && e.pointerType === 'touch') this.cancel();
  };

  /** The capture went without a release: the element was removed (a peer moved or deleted the record). */
  #lost = (e: PointerEvent): void => {
    const a = this.#active;
    if (a && e.pointerId === a.pointerId && !a.el.isConnected) this.cancel();
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
    this.#active = null;
    removeEventListener('pointermove', this.#move, true);
    removeEventListener('pointerup', this.#up, true);
    removeEventListener('pointercancel', this.#cancel, true);
    removeEventListener('pointerdown', this.#otherDown, true);
    a.el.removeEventListener('lostpointercapture', this.#lost as EventListener);
    try {
      if (a.el.hasPointerCapture?.(a.pointerId)) a.el.releasePointerCapture(a.pointerId);
    } catch {
      // gone already
    }
  }
}
