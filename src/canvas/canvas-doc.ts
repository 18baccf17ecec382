/**
 * The board document as the canvas reads, writes and undoes it: the canvas items (validated,
 * frames beneath the rest, read once per document change rather than once per render), this
 * participant's undo history (tracking the host's origin), and the canvas's writes: moves
 * (re-parenting into frames), delete, duplicate, a note's colour and text, a frame's title.
 * Writes are refused while the host is read only, and each ends an undo step.
 * A Lit reactive controller over its host's `board`, `origin` and `readonly`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createUndoManager, ownerKey, type Board, type BoardUndoManager, type Item, type NoteColor, type Origin } from '../model/index.js';
import { moveItems, type Move } from './arrange.js';
import type { CanvasItem } from './item-view.js';

export interface CanvasDocHost extends ReactiveControllerHost {
  board: Board | undefined;
  origin: Origin;
  readonly: boolean;
}

export class CanvasDoc implements ReactiveController {
  #items: CanvasItem[] | null = null;
  #last: CanvasItem[] = [];
  #off: (() => void) | undefined;
  #undo: BoardUndoManager | null = null;

  /** `changed`: the document changed (anyone's edit); the host re-renders in any case. */
  constructor(private readonly host: CanvasDocHost, private readonly changed: () => void) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#off?.();
    this.#off = undefined;
    this.#items = null;
    this.#last = [];
    this.#undo?.destroy();
    this.#undo = null;
  }

  /** Follows the host's board (when `boardChanged`) and starts the history of its origin. */
  watch(boardChanged: boolean): void {
    const board = this.host.board;
    if (boardChanged) {
      this.#off?.();
      this.#items = null;
      this.#last = [];
      this.#off = board?.observe(() => {
        this.#items = null;
        this.changed();
        this.host.requestUpdate();
      });
    }
    this.#undo?.destroy();
    this.#undo = board ? createUndoManager(board, this.host.origin) : null;
    this.#undo?.on('change', () => this.host.requestUpdate());
  }

  /** The items drawn on the canvas (owned records belong to their widget). */
  items(): CanvasItem[] {
    const board = this.host.board;
    if (!board) return [];
    if (this.#items) return this.#items;
    // An item that did not change keeps its object, so the canvas redraws only what changed.
    const before = new Map(this.#last.map((i) => [i.id, i]));
    const items = board.read().items.flatMap((i): CanvasItem[] => {
      if (ownerKey(i.kind) !== undefined) return [];
      const was = before.get(i.id);
      return [was && sameItem(was, i as CanvasItem) ? was : (i as CanvasItem)];
    });
    // Frames lie beneath everything else, so what is inside stays clickable.
    this.#items = items.sort((a, b) => (a.kind === 'frame' ? 0 : 1) - (b.kind === 'frame' ? 0 : 1) || a.geometry.z - b.geometry.z);
    this.#last = this.#items;
    return this.#items;
  }

  canUndo(): boolean {
    return this.#undo?.canUndo() ?? false;
  }

  canRedo(): boolean {
    return this.#undo?.canRedo() ?? false;
  }

  undo(): void {
    if (!this.host.readonly) this.#undo?.undo();
  }

  redo(): void {
    if (!this.host.readonly) this.#undo?.redo();
  }

  /** Something was written outside these methods (a tool placed): the next change is a new step. */
  written(): void {
    this.#undo?.stopCapturing();
  }

  /** Moves items to new top-left positions in one transaction, re-parenting them to the frame they land in. */
  move(moves: Move[]): void {
    const board = this.host.board;
    if (!board || this.host.readonly || moves.length === 0) return;
    moveItems(board, this.items(), moves, this.host.origin);
    this.written();
  }

  /** Deletes the items; false when the board may not be written. */
  delete(ids: readonly string[]): boolean {
    const board = this.host.board;
    if (!board || this.host.readonly) return false;
    board.delete(ids, this.host.origin);
    this.written();
    return true;
  }

  /** Copies the items (and what they hold) beside them; the copies' ids, or null when refused. */
  duplicate(ids: readonly string[]): string[] | null {
    const board = this.host.board;
    if (!board || this.host.readonly) return null;
    const copies = board.duplicate(ids, this.host.origin);
    this.written();
    return copies;
  }

  setColor(notes: readonly Item<'note'>[], color: NoteColor): void {
    const board = this.host.board;
    if (!board) return;
    const origin = this.host.origin;
    board.transact(() => notes.forEach((n) => board.updateProps<'note'>(n.id, { color }, origin)), origin);
  }

  /** A note's text or a frame's title, as edited. */
  setText(item: CanvasItem, value: string): void {
    const board = this.host.board;
    if (!board || this.host.readonly) return;
    if (item.kind === 'note') board.updateProps<'note'>(item.id, { text: value.slice(0, 2000) }, this.host.origin);
    if (item.kind === 'frame') board.updateProps<'frame'>(item.id, { title: value.slice(0, 200) }, this.host.origin);
    this.written();
  }
}

function sameItem(a: CanvasItem, b: CanvasItem): boolean {
  const g = a.geometry;
  const h = b.geometry;
  return a.kind === b.kind && g.x === h.x && g.y === h.y && g.w === h.w && g.h === h.h && g.z === h.z && g.parent === h.parent && JSON.stringify(a.props) === JSON.stringify(b.props);
}
