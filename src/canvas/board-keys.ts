/**
 * The canvas's keyboard: Ctrl/Cmd+Z undoes and Ctrl/Cmd+Shift+Z (or +Y) redoes anywhere on
 * the page but in a text field; on a focused item the arrow keys move the selection (Shift:
 * big steps), Enter edits (or places what is picked up), Delete removes, Space adds to or
 * takes from the selection, Ctrl/Cmd+D duplicates, Escape lets go; on the empty board Enter
 * places, Escape cancels placing and +/- zoom; in a note's or frame's text field Escape stops
 * editing and Enter (a frame's title) or Ctrl/Cmd+Enter (a note) keeps the text.
 * A Lit reactive controller: it listens on the window while its host is connected.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isTyping } from './gestures.js';
import type { CanvasItem } from './item-view.js';
import type { Selection } from './selection.js';
import { ZOOM_STEP } from './viewport.js';

const STEP = 10;
const BIG_STEP = 50;

export interface KeyCallbacks {
  readonly(): boolean;
  /** Places what is picked up at the view's centre. */
  placeAtCentre(): void;
  /** Starts editing this note's text or frame's title (null: stop editing). */
  edit(id: string | null): void;
  /** Moves focus into a widget (its element), or back to an item once it has re-rendered. */
  focusWidget(id: string): void;
  focusItem(id: string): void;
  commitText(item: CanvasItem, value: string): void;
  undo(): void;
  redo(): void;
  zoomBy(factor: number): void;
  /** The empty board's element (keys on it, not on an item inside it). */
  viewport(): Element;
}

export class BoardKeys implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & HTMLElement, private readonly sel: Selection, private readonly cb: KeyCallbacks) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('keydown', this.#onWindowKey);
  }

  hostDisconnected(): void {
    removeEventListener('keydown', this.#onWindowKey);
  }

  #onWindowKey = (e: KeyboardEvent): void => {
    const mod = e.ctrlKey || e.metaKey;
    if (!mod || isTyping(e) || !this.host.isConnected) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) {
      e.preventDefault();
      this.cb.undo();
    } else if ((key === 'z' && e.shiftKey) || key === 'y') {
      e.preventDefault();
      this.cb.redo();
    }
  };

  /** A key on a focused item. */
  item(e: KeyboardEvent, item: CanvasItem): void {
    if (e.target !== e.currentTarget) return; // keys inside a widget belong to the widget
    const { sel, cb } = this;
    const step = e.shiftKey ? BIG_STEP : STEP;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (e.key in moves) {
      e.preventDefault();
      if (!sel.ids.has(item.id)) sel.select([item.id]);
      const [dx, dy] = moves[e.key] as [number, number];
      sel.moveBy(dx, dy);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (sel.placing) return cb.placeAtCentre();
      sel.select([item.id]);
      if (!cb.readonly() && (item.kind === 'note' || item.kind === 'frame')) cb.edit(item.id);
      else if (item.kind === 'widget') cb.focusWidget(item.id);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      if (!sel.ids.has(item.id)) sel.select([item.id]);
      sel.delete();
    } else if (e.key === 'Escape') {
      sel.cancelPlacing();
      sel.select([]);
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'd') {
      e.preventDefault();
      sel.duplicate();
    } else if (e.key === ' ') {
      e.preventDefault();
      sel.toggle(item.id);
    }
  }

  /** A key on the empty board. */
  viewport(e: KeyboardEvent): void {
    if (e.target !== this.cb.viewport()) return;
    if (e.key === 'Enter' && this.sel.placing) {
      e.preventDefault();
      this.cb.placeAtCentre();
    } else if (e.key === 'Escape') {
      this.sel.cancelPlacing();
    } else if (e.key === '+' || e.key === '=') {
      this.cb.zoomBy(ZOOM_STEP);
    } else if (e.key === '-') {
      this.cb.zoomBy(1 / ZOOM_STEP);
    }
  }

  /** A key in a note's or frame's text field. */
  editor(e: KeyboardEvent, item: CanvasItem): void {
    e.stopPropagation();
    const el = e.target as HTMLInputElement | HTMLTextAreaElement;
    if (e.key === 'Escape') {
      this.cb.edit(null);
      this.cb.focusItem(item.id);
    } else if (e.key === 'Enter' && (item.kind === 'frame' || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      this.cb.commitText(item, el.value);
    }
  }
}
