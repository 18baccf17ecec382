/**
 * What the participant has selected on the canvas, and what they do with it: select (which
 * tells the page, `kb-selection-change`), add or take one item, move the selection by a step
 * (and say so), delete and duplicate it, and pick it up to place it with a click instead of a
 * drag. A frame carries what it holds, so moves act on the selection's top-level items.
 * A Lit reactive controller: the host re-renders as the selection changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { t } from '../i18n/index.js';
import { shifted, topLevel } from './arrange.js';
import type { CanvasDoc } from './canvas-doc.js';
import { itemLabel } from './item-view.js';
import { boundsOf } from './viewport.js';

export interface SelectionCallbacks {
  readonly(): boolean;
  /** Something to announce to screen readers (and the page). */
  announce(message: string): void;
}

export class Selection implements ReactiveController {
  #ids: ReadonlySet<string> = new Set();
  #placing: string[] | null = null;

  constructor(private readonly host: ReactiveControllerHost & EventTarget, private readonly doc: CanvasDoc, private readonly cb: SelectionCallbacks) {
    host.addController(this);
  }

  hostConnected(): void {}

  get ids(): ReadonlySet<string> {
    return this.#ids;
  }

  /** Sets the selection without telling anyone (the host's `selection` property). */
  set ids(ids: ReadonlySet<string>) {
    this.#ids = ids;
    this.host.requestUpdate();
  }

  /** The items picked up, waiting for a click (or Enter) that places them; null: none. */
  get placing(): readonly string[] | null {
    return this.#placing;
  }

  select(ids: Iterable<string>): void {
    this.ids = new Set(ids);
    this.host.dispatchEvent(new CustomEvent('kb-selection-change', { detail: { ids: [...this.#ids] }, bubbles: true, composed: true }));
  }

  /** Adds the item to the selection, or takes it out. */
  toggle(id: string): void {
    const next = new Set(this.#ids);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.select(next);
  }

  /** Selected items not inside another selected item (a frame carries its contents). */
  topLevel(): string[] {
    return topLevel(this.doc.items(), this.#ids);
  }

  moveBy(dx: number, dy: number): void {
    const ids = this.topLevel();
    if (ids.length === 0) return;
    const items = this.doc.items();
    this.doc.move(shifted(items, ids, dx, dy));
    this.cb.announce(t('board.moved', { name: itemLabel(items.find((i) => i.id === ids[0])) }));
  }

  delete(): void {
    if (this.#ids.size === 0) return;
    if (this.doc.delete([...this.#ids])) this.select([]);
  }

  duplicate(): void {
    if (this.#ids.size === 0 || this.cb.readonly()) return;
    const copies = this.doc.duplicate(this.topLevel());
    if (copies) this.select(copies);
  }

  pickUp(): void {
    if (this.cb.readonly()) return;
    const ids = this.topLevel();
    if (ids.length > 0) this.#setPlacing(ids);
  }

  cancelPlacing(): void {
    this.#setPlacing(null);
  }

  /** Puts what is picked up with its centre at the board point `at`. */
  placeAt(at: { x: number; y: number }): void {
    const ids = this.#placing ?? [];
    this.#setPlacing(null);
    const items = this.doc.items();
    const byId = new Map(items.map((i) => [i.id, i]));
    const b = boundsOf(ids.flatMap((id) => (byId.get(id) ? [byId.get(id)!.geometry] : [])));
    if (!b) return;
    this.doc.move(shifted(items, ids, at.x - (b.x + b.w / 2), at.y - (b.y + b.h / 2), true));
  }

  #setPlacing(ids: string[] | null): void {
    this.#placing = ids;
    this.host.requestUpdate();
  }
}
