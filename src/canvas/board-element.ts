/**
 * `<kb-board>`: the Miro-style canvas over one board document.
 *
 * Pan (drag on empty space, Space+drag, two fingers, the wheel), zoom (Ctrl+wheel, pinch,
 * buttons, zoom to fit), a dotted grid, frames, sticky notes and placed widgets; a palette to
 * add them (click, or drag onto the board); selection (click, Shift+click, Shift+drag for a
 * rubber band), moving several at once, delete, duplicate, per-user undo and redo; presence
 * (cursors, who is here, follow). While an item is dragged, peers see it move through
 * awareness; the drop writes the document in one transaction.
 *
 * Keyboard: Tab reaches every item; arrow keys move the focused item (Shift: big steps); Enter
 * edits; Delete removes; Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z redoes; "Pick up" then a click
 * (or Enter) on the board places an item without dragging.
 *
 * @event kb-selection-change - detail `{ ids: string[] }`
 * @event kb-status-message - detail `{ message: string }`: something to announce.
 * @csspart viewport - the pannable area.
 * @csspart palette - the tool palette.
 * @csspart toolbar - zoom, undo and redo.
 * @cssproperty --kb-canvas - board background.
 * @cssproperty --kb-grid-dot - colour of the grid dots.
 */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { repeat } from 'lit/directives/repeat.js';
import { getLocale, t } from '../i18n/index.js';
import { LocaleController } from '../i18n/lit.js';
import {
  createUndoManager,
  NOTE_COLORS,
  ownerKey,
  type Board,
  type BoardUndoManager,
  type Item,
  type NoteColor,
  type Origin,
} from '../model/index.js';
import type { ConnectionStatus } from '../sync/connection.js';
import type { Peer, Presence } from '../sync/presence.js';
import './palette.js';
import type { PaletteAdd, Tool } from './palette.js';
import './people.js';
import { isTyping, ViewportGestures } from './gestures.js';
import { boardStyles, toolButtonStyles } from './styles.js';
import { itemLabel, renderCursor, renderItem, type CanvasItem, type ItemState } from './item-view.js';
import { placeTool, toolSize } from './placing.js';
import { boundsOf, centreOn, fitView, screenToWorld, ZOOM_STEP, zoomAt, type View } from './viewport.js';


const STEP = 10;
const BIG_STEP = 50;

interface ItemDrag {
  pointerId: number;
  startX: number;
  startY: number;
  origins: Map<string, { x: number; y: number }>;
  moved: boolean;
}

@customElement('kb-board')
export class KbBoard extends LitElement {
  static override styles = [toolButtonStyles, boardStyles];

  @property({ attribute: false }) board: Board | undefined;
  @property({ attribute: false }) presence: Presence | null = null;
  /** This participant's transaction origin (tracked by their undo manager). */
  @property({ attribute: false }) origin: Origin = {};
  @property({ type: Boolean }) readonly = false;
  /** Why the board is read-only, when it is not the lock (e.g. made by a newer client): shown over the board. */
  @property() readOnlyReason = '';
  @property() status: ConnectionStatus = 'connected';
  @property() userName = '';
  @property() clientTag = '';
  /**
   * false: a bare board for thumbnails and the plenum: no palette, toolbars or status, and
   * the view follows the content (zoomed to fit whenever it changes).
   */
  @property({ type: Boolean }) chrome = true;
  /**
   * Set once the document has synced with the server: the board then opens fitted to its
   * content (once, unless the participant already moved or added). An empty board never jumps.
   */
  @property({ type: Boolean }) synced = false;

  @state() view: View = { x: -80, y: -80, zoom: 1 };
  @state() selection: ReadonlySet<string> = new Set();
  @state() private editing: string | null = null;
  @state() private placing: string[] | null = null;
  @state() private dragPositions = new Map<string, { x: number; y: number }>();
  @state() private peers: Peer[] = [];
  @state() private following: number | null = null;
  @state() private announcement = '';

  @query('.viewport') private viewportEl!: HTMLElement;

  #undo: BoardUndoManager | null = null;
  /** Validated canvas items, read once per document change (not once per render). */
  #items: CanvasItem[] | null = null;
  #offBoard: (() => void) | undefined;
  #presenceFrame = 0;
  #fitPending = false;
  /** The opening fit is decided (at the first sync, or by the participant acting first). */
  #fittedOnce = false;
  #offPresence: (() => void) | undefined;
  #itemDrag: ItemDrag | null = null;
  readonly #gestures = new ViewportGestures(this, {
    view: () => this.view,
    setView: (v) => this.#setView(v),
    rect: () => this.viewportEl.getBoundingClientRect(),
    toWorld: (x, y) => this.#toWorld(x, y),
    pressTaken: (_e, world) => {
      if (this.editing) this.editing = null;
      if (!this.placing) return false;
      this.#placeAt(world);
      return true;
    },
    items: () => this.canvasItems().map((i) => ({ id: i.id, rect: i.geometry })),
    select: (ids, additive) => this.#select(additive ? [...this.selection, ...ids] : ids),
    setCursor: (p) => this.presence?.setCursor(p),
    capture: (id) => capture(this.viewportEl, id),
  });

  constructor() {
    super();
    new LocaleController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('keydown', this.#onWindowKey);
    if (this.hasUpdated) this.requestUpdate('board', undefined);
    if (this.hasUpdated) this.requestUpdate('presence', undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('keydown', this.#onWindowKey);
    this.#offPresence?.();
    this.#offPresence = undefined;
    this.#offBoard?.();
    this.#offBoard = undefined;
    this.#items = null;
    cancelAnimationFrame(this.#presenceFrame);
    this.#undo?.destroy();
    this.#undo = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('board')) {
      this.#offBoard?.();
      this.#items = null;
      this.#offBoard = this.board?.observe(() => {
        this.#items = null;
        if (!this.chrome) this.#fitPending = true;
        this.requestUpdate();
      });
    }
    if (changed.has('board') || changed.has('origin')) {
      this.#undo?.destroy();
      this.#undo = this.board ? createUndoManager(this.board, this.origin) : null;
      this.#undo?.on('change', () => this.requestUpdate());
    }
    if (changed.has('presence')) {
      this.#offPresence?.();
      // Peers move at ~30 Hz each: take their state at most once per animation frame.
      this.#offPresence = this.presence?.onChange(() => {
        if (this.#presenceFrame) return;
        this.#presenceFrame = requestAnimationFrame(() => {
          this.#presenceFrame = 0;
          this.#onPresence();
        });
      });
      this.#onPresence();
    }
  }

  // ---- reading --------------------------------------------------------------------------

  /** The items drawn on the canvas (owned records belong to their widget). */
  canvasItems(): CanvasItem[] {
    if (!this.board) return [];
    if (this.#items) return this.#items;
    const items = this.board.read().items.filter((i): i is CanvasItem => ownerKey(i.kind) === undefined);
    // Frames lie beneath everything else, so what is inside stays clickable.
    this.#items = items.sort((a, b) => (a.kind === 'frame' ? 0 : 1) - (b.kind === 'frame' ? 0 : 1) || a.geometry.z - b.geometry.z);
    return this.#items;
  }

  #positionOf(item: CanvasItem): { x: number; y: number; remote?: Peer } {
    const local = this.dragPositions.get(item.id);
    if (local) return local;
    for (const peer of this.peers) {
      const d = peer.drags.find((dr) => dr.itemId === item.id);
      if (d) return { x: d.x, y: d.y, remote: peer };
    }
    return item.geometry;
  }

  #onPresence(): void {
    this.peers = this.presence?.peers() ?? [];
    if (this.following !== null) {
      const peer = this.peers.find((p) => p.clientId === this.following);
      if (!peer) this.following = null;
      else if (peer.view) this.view = centreOn({ ...this.view, zoom: peer.view.zoom }, peer.view.x, peer.view.y, this.#size());
    }
  }

  #size(): { w: number; h: number } {
    const r = this.viewportEl?.getBoundingClientRect();
    return { w: r?.width || this.clientWidth || 800, h: r?.height || this.clientHeight || 600 };
  }

  #toWorld(clientX: number, clientY: number): { x: number; y: number } {
    const r = this.viewportEl.getBoundingClientRect();
    return screenToWorld(this.view, clientX - r.left, clientY - r.top);
  }

  #setView(v: View, fromFollow = false): void {
    this.#fittedOnce = true;
    this.view = v;
    if (!fromFollow) this.following = null;
    const s = this.#size();
    this.presence?.setView({ x: v.x + s.w / 2 / v.zoom, y: v.y + s.h / 2 / v.zoom, zoom: v.zoom });
  }

  #announce(message: string): void {
    this.announcement = message;
    this.dispatchEvent(new CustomEvent('kb-status-message', { detail: { message }, bubbles: true, composed: true }));
  }

  #select(ids: Iterable<string>): void {
    this.selection = new Set(ids);
    this.dispatchEvent(new CustomEvent('kb-selection-change', { detail: { ids: [...this.selection] }, bubbles: true, composed: true }));
  }

  // ---- writing ---------------------------------------------------------------------------

  /** Adds a note, frame or widget with its top-left at the board point (or the view's centre). */
  add(tool: Tool, at?: { x: number; y: number }): string | null {
    const board = this.board;
    if (!board || this.readonly) return null;
    this.#fittedOnce = true;
    const s = this.#size();
    const centre = screenToWorld(this.view, s.w / 2, s.h / 2);
    const size = toolSize(tool);
    const pos = at ?? this.#freeSpot({ x: centre.x - size.w / 2, y: centre.y - size.h / 2, ...size }, tool.kind === 'note');
    const geometry = { x: Math.round(pos.x), y: Math.round(pos.y), ...size };
    const parent = tool.kind === 'frame' ? null : this.#frameAt(geometry);
    const id = placeTool(board, tool, { geometry: { ...geometry, parent }, frameTitle: t('board.addFrame'), clientTag: this.clientTag, locale: getLocale() }, this.origin);
    this.#undo?.stopCapturing();
    this.#select([id]);
    if (tool.kind === 'note') this.editing = id;
    return id;
  }

  /**
   * Where a clicked-in item goes: `want` if nothing lies there, else the nearest free place
   * found by walking outwards in a spiral (notes may land on frames: that puts them inside).
   */
  #freeSpot(want: { x: number; y: number; w: number; h: number }, framesAreFree: boolean): { x: number; y: number } {
    const gap = 40;
    const others = this.canvasItems().filter((i) => !(framesAreFree && i.kind === 'frame')).map((i) => ({ ...i.geometry, y: i.geometry.y - 40, h: i.geometry.h + 40 }));
    const free = (r: { x: number; y: number; w: number; h: number }) => !others.some((o) => r.x < o.x + o.w + gap && o.x < r.x + r.w + gap && r.y < o.y + o.h + gap && o.y < r.y + r.h + gap);
    if (free(want)) return want;
    const stepX = want.w + gap;
    const stepY = want.h + gap;
    for (let ring = 1; ring <= 12; ring++) {
      for (let dy = -ring; dy <= ring; dy++) {
        for (let dx = -ring; dx <= ring; dx++) {
          if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
          const r = { ...want, x: want.x + dx * stepX, y: want.y + dy * stepY };
          if (free(r)) return r;
        }
      }
    }
    return want;
  }

  /** The frame whose area holds the centre of `r` (for notes and widgets dropped into frames). */
  #frameAt(r: { x: number; y: number; w: number; h: number }, except: ReadonlySet<string> = new Set()): string | null {
    const cx = r.x + r.w / 2;
    const cy = r.y + r.h / 2;
    const frames = this.canvasItems().filter((i) => i.kind === 'frame' && !except.has(i.id));
    for (let i = frames.length - 1; i >= 0; i--) {
      const g = (frames[i] as CanvasItem).geometry;
      if (cx >= g.x && cx <= g.x + g.w && cy >= g.y && cy <= g.y + g.h) return (frames[i] as CanvasItem).id;
    }
    return null;
  }

  /** Moves items to new top-left positions in one transaction, re-parenting them to the frame they land in. */
  #commitMoves(moves: { id: string; x: number; y: number }[]): void {
    const board = this.board;
    if (!board || this.readonly || moves.length === 0) return;
    board.transact(() => {
      board.moveMany(moves, this.origin);
      const moving = new Set(moves.map((m) => m.id));
      for (const m of moves) {
        const item = board.get(m.id);
        if (!item || item.kind === 'frame') continue;
        const parent = this.#frameAt({ ...item.geometry }, moving);
        if (parent !== item.geometry.parent) board.setGeometry(m.id, { parent }, this.origin);
      }
    }, this.origin);
    this.#undo?.stopCapturing();
  }

  #moveSelectionBy(dx: number, dy: number): void {
    const ids = this.#topLevelSelection();
    if (ids.length === 0) return;
    const items = new Map(this.canvasItems().map((i) => [i.id, i]));
    this.#commitMoves(ids.flatMap((id) => {
      const g = items.get(id)?.geometry;
      return g ? [{ id, x: g.x + dx, y: g.y + dy }] : [];
    }));
    this.#announce(t('board.moved', { name: itemLabel(items.get(ids[0] as string)) }));
  }

  /** Selected items not inside another selected item (a frame carries its contents). */
  #topLevelSelection(): string[] {
    const items = new Map(this.canvasItems().map((i) => [i.id, i]));
    return [...this.selection].filter((id) => {
      for (let p = items.get(id)?.geometry.parent ?? null; p; p = items.get(p)?.geometry.parent ?? null) if (this.selection.has(p)) return false;
      return items.has(id);
    });
  }

  deleteSelection(): void {
    if (!this.board || this.readonly || this.selection.size === 0) return;
    this.board.delete([...this.selection], this.origin);
    this.#undo?.stopCapturing();
    this.#select([]);
  }

  duplicateSelection(): void {
    if (!this.board || this.readonly || this.selection.size === 0) return;
    const ids = this.board.duplicate(this.#topLevelSelection(), this.origin);
    this.#undo?.stopCapturing();
    this.#select(ids);
  }

  undo(): void {
    if (!this.readonly) this.#undo?.undo();
  }

  redo(): void {
    if (!this.readonly) this.#undo?.redo();
  }

  zoomBy(factor: number): void {
    const s = this.#size();
    this.#setView(zoomAt(this.view, s.w / 2, s.h / 2, factor));
  }

  zoomToFit(): void {
    this.#fit();
  }

  #fit(): void {
    const rects = this.canvasItems().map((i) => i.geometry);
    // Leave room for the titles above frames and widgets.
    const size = this.#size();
    // Keep clear of the palette (left), the toolbar (top) and the status and selection bars (bottom).
    const insets = !this.chrome ? 12 : size.w > 900 ? { top: 90, right: 24, bottom: 80, left: 220 } : 24;
    this.#setView(fitView(boundsOf(rects.map((r) => ({ ...r, y: r.y - 40, h: r.h + 40 }))), size, insets));
  }

  // ---- pointer: viewport ----------------------------------------------------------------

  #onViewportDown = (e: PointerEvent): void => {
    this.#gestures.down(e, e.target === this.viewportEl || (e.target as Element).classList?.contains('world'));
  };
  #onViewportMove = (e: PointerEvent): void => this.#gestures.move(e);
  #onViewportUp = (e: PointerEvent): void => this.#gestures.up(e);
  #onLeave = (): void => this.presence?.setCursor(null);
  #onWheel = (e: WheelEvent): void => this.#gestures.wheel(e);

  // ---- pointer: items ----------------------------------------------------------------------

  #onItemDown(e: PointerEvent, item: CanvasItem): void {
    if (e.button !== 0 || this.#gestures.spaceDown) return;
    e.stopPropagation();
    if (this.placing) {
      this.#placeAt(this.#toWorld(e.clientX, e.clientY));
      return;
    }
    if (e.shiftKey) {
      const next = new Set(this.selection);
      if (next.has(item.id)) next.delete(item.id);
      else next.add(item.id);
      this.#select(next);
      return;
    }
    if (!this.selection.has(item.id)) this.#select([item.id]);
    if (this.readonly || this.editing === item.id) return;
    const items = new Map(this.canvasItems().map((i) => [i.id, i]));
    const origins = new Map<string, { x: number; y: number }>();
    for (const id of this.#topLevelSelection()) {
      const g = items.get(id)?.geometry;
      if (g) origins.set(id, { x: g.x, y: g.y });
    }
    this.#itemDrag = { pointerId: e.pointerId, startX: e.clientX, startY: e.clientY, origins, moved: false };
    this.#fittedOnce = true;
    capture(e.currentTarget as Element, e.pointerId);
  }

  #onItemMove(e: PointerEvent): void {
    const d = this.#itemDrag;
    this.presence?.setCursor(this.#toWorld(e.clientX, e.clientY));
    if (!d || e.pointerId !== d.pointerId) return;
    const dx = (e.clientX - d.startX) / this.view.zoom;
    const dy = (e.clientY - d.startY) / this.view.zoom;
    if (!d.moved && Math.hypot(dx * this.view.zoom, dy * this.view.zoom) < 3) return;
    d.moved = true;
    const positions = new Map<string, { x: number; y: number }>();
    for (const [id, o] of d.origins) positions.set(id, { x: Math.round(o.x + dx), y: Math.round(o.y + dy) });
    // Children of a dragged frame follow it on screen as they will in the document.
    for (const item of this.canvasItems()) {
      const p = item.geometry.parent;
      if (p && d.origins.has(p) && !d.origins.has(item.id)) positions.set(item.id, { x: Math.round(item.geometry.x + dx), y: Math.round(item.geometry.y + dy) });
    }
    this.dragPositions = positions;
    this.presence?.setDrags([...positions].map(([itemId, p]) => ({ itemId, x: p.x, y: p.y })));
  }

  #onItemUp(e: PointerEvent): void {
    const d = this.#itemDrag;
    if (!d || e.pointerId !== d.pointerId) return;
    this.#itemDrag = null;
    if (d.moved) {
      const moves = [...d.origins.keys()].map((id) => ({ id, ...(this.dragPositions.get(id) as { x: number; y: number }) }));
      this.#commitMoves(moves);
    }
    this.dragPositions = new Map();
    this.presence?.setDrags([]);
  }

  #onItemCancel(e: PointerEvent): void {
    if (this.#itemDrag?.pointerId !== e.pointerId) return;
    this.#itemDrag = null;
    this.dragPositions = new Map();
    this.presence?.setDrags([]);
  }

  // ---- pick up and place (the click alternative to dragging) ---------------------------------

  pickUp(): void {
    if (this.readonly) return;
    const ids = this.#topLevelSelection();
    if (ids.length > 0) this.placing = ids;
  }

  #placeAt(at: { x: number; y: number }): void {
    const ids = this.placing ?? [];
    this.placing = null;
    const items = new Map(this.canvasItems().map((i) => [i.id, i]));
    const rects = ids.flatMap((id) => (items.get(id) ? [items.get(id)!.geometry] : []));
    const b = boundsOf(rects);
    if (!b) return;
    const dx = at.x - (b.x + b.w / 2);
    const dy = at.y - (b.y + b.h / 2);
    this.#commitMoves(ids.flatMap((id) => (items.get(id) ? [{ id, x: Math.round(items.get(id)!.geometry.x + dx), y: Math.round(items.get(id)!.geometry.y + dy) }] : [])));
  }

  // ---- keyboard ---------------------------------------------------------------------------

  #onWindowKey = (e: KeyboardEvent): void => {
    const mod = e.ctrlKey || e.metaKey;
    if (!mod || isTyping(e) || !this.isConnected) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) {
      e.preventDefault();
      this.undo();
    } else if ((key === 'z' && e.shiftKey) || key === 'y') {
      e.preventDefault();
      this.redo();
    }
  };



  #onItemKey(e: KeyboardEvent, item: CanvasItem): void {
    if (e.target !== e.currentTarget) return; // keys inside a widget belong to the widget
    const step = e.shiftKey ? BIG_STEP : STEP;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (e.key in moves) {
      e.preventDefault();
      if (!this.selection.has(item.id)) this.#select([item.id]);
      const [dx, dy] = moves[e.key] as [number, number];
      this.#moveSelectionBy(dx, dy);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (this.placing) return this.#placeAt(this.#viewCentre());
      this.#select([item.id]);
      if (!this.readonly && (item.kind === 'note' || item.kind === 'frame')) this.editing = item.id;
      else if (item.kind === 'widget') (this.renderRoot.querySelector(`[data-item-id="${item.id}"] .widget-body > *`) as HTMLElement | null)?.focus();
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      if (!this.selection.has(item.id)) this.#select([item.id]);
      this.deleteSelection();
    } else if (e.key === 'Escape') {
      this.placing = null;
      this.#select([]);
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'd') {
      e.preventDefault();
      this.duplicateSelection();
    } else if (e.key === ' ') {
      e.preventDefault();
      const next = new Set(this.selection);
      if (next.has(item.id)) next.delete(item.id);
      else next.add(item.id);
      this.#select(next);
    }
  }

  #viewCentre(): { x: number; y: number } {
    const s = this.#size();
    return screenToWorld(this.view, s.w / 2, s.h / 2);
  }

  #onViewportKey = (e: KeyboardEvent): void => {
    if (e.target !== this.viewportEl) return;
    if (e.key === 'Enter' && this.placing) {
      e.preventDefault();
      this.#placeAt(this.#viewCentre());
    } else if (e.key === 'Escape') {
      this.placing = null;
    } else if (e.key === '+' || e.key === '=') {
      this.zoomBy(ZOOM_STEP);
    } else if (e.key === '-') {
      this.zoomBy(1 / ZOOM_STEP);
    }
  };

  // ---- editing text ------------------------------------------------------------------------

  #commitText(item: CanvasItem, value: string): void {
    this.editing = null;
    if (!this.board || this.readonly) return;
    if (item.kind === 'note') this.board.updateProps<'note'>(item.id, { text: value.slice(0, 2000) }, this.origin);
    if (item.kind === 'frame') this.board.updateProps<'frame'>(item.id, { title: value.slice(0, 200) }, this.origin);
    this.#undo?.stopCapturing();
    void this.updateComplete.then(() => (this.renderRoot.querySelector(`[data-item-id="${item.id}"]`) as HTMLElement | null)?.focus());
  }

  #onEditKey(e: KeyboardEvent, item: CanvasItem): void {
    e.stopPropagation();
    const el = e.target as HTMLInputElement | HTMLTextAreaElement;
    if (e.key === 'Escape') {
      this.editing = null;
      void this.updateComplete.then(() => (this.renderRoot.querySelector(`[data-item-id="${item.id}"]`) as HTMLElement | null)?.focus());
    } else if (e.key === 'Enter' && (item.kind === 'frame' || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      this.#commitText(item, el.value);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('board')) this.#fittedOnce = false;
    if (this.chrome && this.synced && !this.#fittedOnce) {
      this.#fittedOnce = true;
      if (this.canvasItems().length > 0) requestAnimationFrame(() => this.#fit());
    }
    if (!this.chrome && (changed.has('board') || changed.has('chrome') || this.#fitPending)) {
      this.#fitPending = false;
      requestAnimationFrame(() => this.zoomToFit());
    }
    if (this.editing) {
      const field = this.renderRoot.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-item-id="${this.editing}"] .editor`);
      if (field && this.renderRoot instanceof ShadowRoot && this.renderRoot.activeElement !== field) field.focus();
    }
  }

  // ---- rendering ---------------------------------------------------------------------------

  #renderItem(item: CanvasItem): TemplateResult {
    const pos = this.#positionOf(item);
    const state: ItemState = {
      at: pos,
      selected: this.selection.has(item.id),
      editing: this.editing === item.id,
      dragging: this.dragPositions.has(item.id),
      ...(pos.remote ? { remote: pos.remote } : {}),
    };
    return renderItem(item, state, {
      pointerdown: (e) => this.#onItemDown(e, item),
      pointermove: (e) => this.#onItemMove(e),
      pointerup: (e) => this.#onItemUp(e),
      pointercancel: (e) => this.#onItemCancel(e),
      keydown: (e) => this.#onItemKey(e, item),
      startEdit: () => {
        if (!this.readonly && item.kind !== 'widget') this.editing = item.id;
      },
      editKeydown: (e) => this.#onEditKey(e, item),
      commit: (value) => this.#commitText(item, value),
    }, this);
  }

  #onPaletteAdd(e: CustomEvent<PaletteAdd>): void {
    const { tool, clientX, clientY } = e.detail;
    if (clientX === undefined || clientY === undefined) return void this.add(tool);
    const r = this.viewportEl.getBoundingClientRect();
    // A tool dragged onto the board lands where it was released; released elsewhere, nothing.
    if (clientX >= r.left && clientX <= r.right && clientY >= r.top && clientY <= r.bottom) this.add(tool, this.#toWorld(clientX, clientY));
  }

  #renderSelectionBar(): TemplateResult | typeof nothing {
    if (this.selection.size === 0 || this.readonly) return nothing;
    const items = this.canvasItems().filter((i) => this.selection.has(i.id));
    const notes = items.filter((i): i is Item<'note'> => i.kind === 'note');
    return html`<div class="bar selection" role="toolbar" aria-label=${t('board.palette')}>
      ${notes.length > 0
        ? html`<label class="visually-hidden" for="note-color">${t('board.color')}</label>
            <select id="note-color" aria-label=${t('board.color')} @change=${(e: Event) => this.#setColor(notes, (e.target as HTMLSelectElement).value as NoteColor)}>
              ${NOTE_COLORS.map((c) => html`<option value=${c} ?selected=${notes[0]?.props.color === c}>${t(`color.${c}`)}</option>`)}
            </select>`
        : nothing}
      <button @click=${() => this.pickUp()}>${t('board.pickUp')}</button>
      <button @click=${() => this.duplicateSelection()}>${t('board.duplicate')}</button>
      <button @click=${() => this.deleteSelection()}>${t('board.delete')}</button>
    </div>`;
  }

  #setColor(notes: Item<'note'>[], color: NoteColor): void {
    if (!this.board) return;
    const board = this.board;
    board.transact(() => notes.forEach((n) => board.updateProps<'note'>(n.id, { color }, this.origin)), this.origin);
  }

  override render() {
    const v = this.view;
    const grid = 24 * v.zoom;
    const viewportStyle = { backgroundSize: `${grid}px ${grid}px`, backgroundPosition: `${-v.x * v.zoom}px ${-v.y * v.zoom}px` };
    const items = this.canvasItems();
    return html`
      <div
        class="viewport ${this.#gestures.panning ? 'panning' : ''} ${this.placing ? 'placing' : ''}"
        part="viewport"
        style=${styleMap(viewportStyle)}
        tabindex="0"
        role="region"
        aria-label=${t('board.canvas')}
        @pointerdown=${this.#onViewportDown}
        @pointermove=${this.#onViewportMove}
        @pointerup=${this.#onViewportUp}
        @pointercancel=${this.#onViewportUp}
        @pointerleave=${this.#onLeave}
        @wheel=${this.#onWheel}
        @keydown=${this.#onViewportKey}
      >
        <div class="world" style=${styleMap({ transform: `scale(${v.zoom}) translate(${-v.x}px, ${-v.y}px)` })}>
          ${repeat(items, (i) => i.id, (i) => this.#renderItem(i))}
          ${this.#gestures.band ? html`<div class="band" style=${styleMap(bandStyle(this.#gestures.band))}></div>` : nothing}
          ${this.peers.map((p) => (p.cursor ? renderCursor({ ...p, cursor: p.cursor }, v.zoom) : nothing))}
        </div>
      </div>
      ${this.chrome ? this.#renderChrome() : nothing}
      <div class="visually-hidden" aria-live="polite">${this.announcement}</div>
    `;
  }

  #renderChrome(): TemplateResult {
    const v = this.view;
    return html`
      <kb-palette class="bar palette" part="palette" role="toolbar" aria-label=${t('board.palette')} ?disabled=${this.readonly} @kb-palette-add=${this.#onPaletteAdd}></kb-palette>
      <div class="bar top" part="toolbar" role="toolbar" aria-label=${t('board.canvas')}>
        <button aria-label=${t('board.undo')} title=${t('board.undo')} ?disabled=${this.readonly || !this.#undo?.canUndo()} @click=${() => this.undo()}>↶</button>
        <button aria-label=${t('board.redo')} title=${t('board.redo')} ?disabled=${this.readonly || !this.#undo?.canRedo()} @click=${() => this.redo()}>↷</button>
        <button aria-label=${t('board.zoomOut')} title=${t('board.zoomOut')} @click=${() => this.zoomBy(1 / ZOOM_STEP)}>−</button>
        <span aria-live="polite" class="zoom">${t('board.zoomLevel', { percent: Math.round(v.zoom * 100) })}</span>
        <button aria-label=${t('board.zoomIn')} title=${t('board.zoomIn')} @click=${() => this.zoomBy(ZOOM_STEP)}>+</button>
        <button @click=${() => this.zoomToFit()}>${t('board.zoomFit')}</button>
      </div>
      <aside class="bar people" aria-label=${t('board.here', { count: this.peers.length + 1 })}>
        <kb-people .self=${this.presence?.self ?? null} .peers=${this.peers} .following=${this.following} @kb-follow=${(e: CustomEvent<{ clientId: number | null }>) => {
          this.following = e.detail.clientId;
          this.#onPresence();
        }}></kb-people>
      </aside>
      ${this.#renderSelectionBar()}
      <div class="bar status status-${this.status}" role="status">
        <span class="dot" aria-hidden="true"></span>${t(`conn.${this.status}`)}
        ${this.readonly ? html`&nbsp;· ${t('board.readOnly')}` : nothing}
      </div>
      ${this.readOnlyReason ? html`<div class="banner" role="status">${this.readOnlyReason}</div>` : nothing}
      ${this.placing ? html`<div class="banner" role="status">${t('board.place')} · Esc: ${t('board.cancel')}</div>` : nothing}
    `;
  }

}

function bandStyle(r: { x: number; y: number; w: number; h: number }): Record<string, string> {
  return { left: `${r.x}px`, top: `${r.y}px`, width: `${r.w}px`, height: `${r.h}px` };
}

/** Pointer capture keeps a drag going outside the element; a pointer that is already gone cannot be captured, which is harmless. */
function capture(el: Element, pointerId: number): void {
  try {
    el.setPointerCapture(pointerId);
  } catch {
    // NotFoundError: the pointer is no longer active.
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-board': KbBoard;
  }
}
