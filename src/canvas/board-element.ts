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
 * The element holds the view and what is being edited, and puts the parts together; its
 * controllers hold the rest: `canvas-doc.ts` (the items, the writes, undo), `selection.ts`
 * (selecting, pick up and place), `gestures.ts` (pan, zoom, rubber band), `item-drag.ts`
 * (dragging items), `peer-tracker.ts` (peers and following) and `board-keys.ts` (the
 * keyboard). `arrange.ts` works out where items go, `placing.ts` what a palette tool writes,
 * `item-view.ts` and `board-chrome.ts` draw the items and the bars. `task-view.ts` makes it a
 * task view: it opens on the `task`'s tool, legibly, glides where the facilitator leads
 * (`focusTool`, `goTo`, `showRect`), shows the facilitator's `pointer`, and says when the
 * participant has left the task (`kb-task-view`; `backToTask()` returns).
 *
 * @event kb-selection-change - detail `{ ids: string[] }`
 * @event kb-status-message - detail `{ message: string }`: something to announce.
 * @event kb-task-view - detail `{ onTask: boolean }`: the view left the task's tool, or came back.
 * @csspart viewport - the pannable area.
 * @csspart palette - the tool palette.
 * @csspart toolbar - zoom, undo and redo.
 * @cssproperty --kb-canvas - board background.
 * @cssproperty --kb-grid-dot - colour of the grid dots.
 *
 * Why one file (~560 lines): it is the element that wires the canvas's controllers (gestures,
 * selection, item drags, peers, keyboard, task view, placing, chrome) to one view and one board and
 * renders them; each behaviour lives in its own module beside it, and what is left here is their
 * wiring and the render.
 */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { repeat } from 'lit/directives/repeat.js';
import { guard } from 'lit/directives/guard.js';
import { getLocale, t } from '../i18n/index.js';
import { LocaleController } from '../i18n/lit.js';
import type { Board, Origin, WidgetType } from '../model/index.js';
import type { ConnectionStatus } from '../sync/connection.js';
import type { Peer, Presence } from '../sync/presence.js';
import { frameAt, freeSpot } from './arrange.js';
import { ChromeLayout, renderChrome, renderSkipLinks } from './board-chrome.js';
import { BoardKeys } from './board-keys.js';
import { CanvasDoc } from './canvas-doc.js';
import { ViewportGestures } from './gestures.js';
import { capture, ItemDrags } from './item-drag.js';
import { renderCursor, renderItem, type CanvasItem, type ItemState } from './item-view.js';
import type { GoToTarget, PaletteAdd, Tool } from './palette.js';
import { cm } from './messages.js';
import { PeerTracker } from './peer-tracker.js';
import { placeTool, toolSize } from './placing.js';
import { Selection } from './selection.js';
import { boardStyles, toolButtonStyles } from './styles.js';
import { chromeInsets, renderPointer, TaskView, taskStyles, toolBox } from './task-view.js';
import { boundsOf, centreOn, fitView, screenToWorld, zoomAt, type Insets, type View } from './viewport.js';

@customElement('kb-board')
export class KbBoard extends LitElement {
  static override styles = [toolButtonStyles, boardStyles, taskStyles];

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
  /**
   * The tools the workshop is at (the current step's) and a key that changes when the
   * facilitator moves on: the board opens on the first tool and glides to it on each new key.
   * A bare board (chrome false) shows just that tool.
   */
  @property({ attribute: false }) task: { tools: readonly WidgetType[]; key: string } | null = null;
  /** The facilitator's "look here" pointer, a board point (null: none). */
  @property({ attribute: false }) pointer: { x: number; y: number } | null = null;

  @state() view: View = { x: -80, y: -80, zoom: 1 };
  @state() private editing: string | null = null;
  @state() private announcement = '';

  @query('.viewport') private viewportEl!: HTMLElement;

  #fitPending = false;
  /** The opening fit is decided (at the first sync, or by the participant acting first). */
  #fittedOnce = false;
  readonly #doc = new CanvasDoc(this, () => {
    if (!this.chrome) this.#fitPending = true;
  });
  readonly #sel = new Selection(this, this.#doc, { readonly: () => this.readonly, announce: (m) => this.#announce(m) });
  readonly #gestures = new ViewportGestures(this, {
    view: () => this.view,
    setView: (v) => this.#setView(v),
    rect: () => this.viewportEl.getBoundingClientRect(),
    toWorld: (x, y) => this.#toWorld(x, y),
    pressTaken: (_e, world) => {
      if (this.editing) this.editing = null;
      if (!this.#sel.placing) return false;
      this.#sel.placeAt(world);
      return true;
    },
    items: () => this.canvasItems().map((i) => ({ id: i.id, rect: i.geometry })),
    select: (ids, additive) => this.#sel.select(additive ? [...this.selection, ...ids] : ids),
    setCursor: (p) => this.presence?.setCursor(p),
    capture: (id) => capture(this.viewportEl, id),
  });
  readonly #drags = new ItemDrags(this, {
    zoom: () => this.view.zoom,
    items: () => this.canvasItems(),
    setDrags: (drags) => this.presence?.setDrags(drags),
    drop: (moves) => this.#doc.move(moves),
  });
  readonly #peers = new PeerTracker(this, {
    follow: (v) => (this.view = centreOn({ ...this.view, zoom: v.zoom }, v.x, v.y, this.#size())),
  });
  readonly #layout = new ChromeLayout(this);
  readonly #task = new TaskView(this, {
    view: () => this.view,
    show: (v) => this.#showView(v),
    size: () => this.#size(),
    insets: () => this.#insets(),
    items: () => this.canvasItems(),
    busy: () => this.editing !== null || this.#drags.positions.size > 0,
  });
  #taskKey: string | null = null;
  readonly #keys = new BoardKeys(this, this.#sel, {
    readonly: () => this.readonly,
    placeAtCentre: () => this.#sel.placeAt(this.#viewCentre()),
    edit: (id) => (this.editing = id),
    focusWidget: (id) => this.#focusWidget(id),
    focusItem: (id) => this.#focusItemSoon(id),
    commitText: (item, value) => this.#commitText(item, value),
    undo: () => this.undo(),
    redo: () => this.redo(),
    zoomBy: (f) => this.zoomBy(f),
    viewport: () => this.viewportEl,
  });

  constructor() {
    super();
    new LocaleController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The palette is not needed for the board's first view: it arrives just after.
    if (this.chrome) void loadPalette();
    if (this.hasUpdated) this.requestUpdate('board', undefined);
    if (this.hasUpdated) this.requestUpdate('presence', undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('board') || changed.has('origin')) this.#doc.watch(changed.has('board'));
    if (changed.has('presence')) this.#peers.watch(this.presence);
  }

  /** The selected items' ids (set directly: selected without a `kb-selection-change`). */
  get selection(): ReadonlySet<string> {
    return this.#sel.ids;
  }

  set selection(ids: ReadonlySet<string>) {
    this.#sel.ids = ids;
  }

  /** The items drawn on the canvas (owned records belong to their widget). */
  canvasItems(): CanvasItem[] {
    return this.#doc.items();
  }

  #size(): { w: number; h: number } {
    const r = this.viewportEl?.getBoundingClientRect();
    return { w: r?.width || this.clientWidth || 800, h: r?.height || this.clientHeight || 600 };
  }

  #toWorld(clientX: number, clientY: number): { x: number; y: number } {
    const r = this.viewportEl.getBoundingClientRect();
    return screenToWorld(this.view, clientX - r.left, clientY - r.top);
  }

  #viewCentre(): { x: number; y: number } {
    const s = this.#size();
    return screenToWorld(this.view, s.w / 2, s.h / 2);
  }

  /** A view the participant chose: following ends, and the peers are told. */
  #setView(v: View): void {
    this.#fittedOnce = true;
    this.view = v;
    this.#peers.stopFollowing();
    const s = this.#size();
    this.presence?.setView({ x: v.x + s.w / 2 / v.zoom, y: v.y + s.h / 2 / v.zoom, zoom: v.zoom });
  }

  /** A view the board moved to itself (a task, a glide): the peers are told; following goes on. */
  #showView(v: View): void {
    this.#fittedOnce = true;
    this.view = v;
    const s = this.#size();
    this.presence?.setView({ x: v.x + s.w / 2 / v.zoom, y: v.y + s.h / 2 / v.zoom, zoom: v.zoom });
  }

  /** The free area beside the chrome's bars (bare boards: a margin). */
  #insets(): Insets {
    if (!this.chrome) return { top: 8, right: 8, bottom: 8, left: 8 };
    const vp = this.viewportEl?.getBoundingClientRect();
    if (!vp) return { top: 12, right: 12, bottom: 12, left: 12 };
    const bars = [...this.renderRoot.querySelectorAll('.bar')].map((b) => {
      const r = b.getBoundingClientRect();
      return { x: r.left - vp.left, y: r.top - vp.top, w: r.width, h: r.height };
    });
    return chromeInsets({ w: vp.width, h: vp.height }, bars);
  }

  #announce(message: string): void {
    this.announcement = message;
    this.dispatchEvent(new CustomEvent('kb-status-message', { detail: { message }, bubbles: true, composed: true }));
  }

  /** A skip link: the tool shown as the task view shows it, and focus in it. */
  #skipTo(id: string): void {
    this.focusTool(id);
    this.#focusWidget(id);
  }

  /** Moves focus into a widget (its first control). */
  #focusWidget(id: string): void {
    (this.renderRoot.querySelector(`[data-item-id="${id}"] .widget-body > *`) as HTMLElement | null)?.focus();
  }

  #focusItemSoon(id: string): void {
    void this.updateComplete.then(() => (this.renderRoot.querySelector(`[data-item-id="${id}"]`) as HTMLElement | null)?.focus());
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
    const items = this.canvasItems();
    const pos = at ?? freeSpot(items, { x: centre.x - size.w / 2, y: centre.y - size.h / 2, ...size }, tool.kind === 'note');
    const geometry = { x: Math.round(pos.x), y: Math.round(pos.y), ...size };
    const parent = tool.kind === 'frame' ? null : frameAt(items, geometry);
    const id = placeTool(board, tool, { geometry: { ...geometry, parent }, frameTitle: t('board.addFrame'), clientTag: this.clientTag, locale: getLocale() }, this.origin);
    this.#doc.written();
    this.#sel.select([id]);
    if (tool.kind === 'note') this.editing = id;
    // A new tool is shown where it landed (a free place may be off screen).
    else void this.updateComplete.then(() => this.#task.focusTool(id, { wait: false }));
    return id;
  }

  deleteSelection(): void {
    this.#sel.delete();
  }

  duplicateSelection(): void {
    this.#sel.duplicate();
  }

  /** Picks the selection up: the next click (or Enter) on the board places it there. */
  pickUp(): void {
    this.#sel.pickUp();
  }

  undo(): void {
    this.#doc.undo();
  }

  redo(): void {
    this.#doc.redo();
  }

  #commitText(item: CanvasItem, value: string): void {
    this.editing = null;
    if (!this.board || this.readonly) return;
    this.#doc.setText(item, value);
    this.#focusItemSoon(item.id);
  }

  // ---- the view ---------------------------------------------------------------------------

  /** Zooms around the tool in focus where it shows (else the middle of the screen). */
  zoomBy(factor: number): void {
    const s = this.#size();
    const at = this.#task.anchor() ?? { x: s.w / 2, y: s.h / 2 };
    this.#setView(zoomAt(this.view, at.x, at.y, factor));
  }

  /** Shows an item (a tool, a frame) as a task view: its width fitted, its text legible. */
  focusTool(id: string, opts: { glide?: boolean } = {}): boolean {
    return this.#task.focusTool(id, { ...opts, wait: false });
  }

  /** "Go to": shows an item by its id (a tool or a frame), gliding. */
  goTo(id: string): boolean {
    return this.focusTool(id);
  }

  /** Shows the task's tool again ("back to the task"); false when the board has none of its tools. */
  backToTask(): boolean {
    return this.#task.focusTask({ wait: false });
  }

  /** Shows the first tool of this type (the facilitator's "bring everyone here"), after any typing or drag. */
  showTool(type: WidgetType): boolean {
    const item = this.canvasItems().find((i) => i.kind === 'widget' && i.props.widget === type);
    return item ? this.#task.focusTool(item.id) : false;
  }

  /** Shows a place of the board (the facilitator's "bring everyone here"), after any typing or drag. */
  showRect(r: { x: number; y: number; w: number; h: number }): void {
    this.#task.showRect(r);
  }

  /** The part of the board the screen shows beside the chrome (what "bring everyone here" sends). */
  shownRect(): { x: number; y: number; w: number; h: number } {
    return this.#task.shown();
  }

  /** Brings a board point into view (the facilitator's pointer), after any typing or drag. */
  showPoint(x: number, y: number): void {
    this.#task.showPoint(x, y);
  }

  /** Follows this peer's view (the facilitator's lead); null stops. */
  followPeer(clientId: number | null): void {
    this.#peers.follow(clientId);
  }

  /** Is the view on the task's tool (or is there no task)? */
  get onTask(): boolean {
    return this.#task.onTask;
  }

  zoomToFit(): void {
    this.#fit();
  }

  #fit(): void {
    const task = this.#task.taskItem();
    const rects = task && !this.chrome ? [task.geometry] : this.canvasItems().map((i) => i.geometry);
    // Leave room for the titles above frames and widgets.
    const size = this.#size();
    // Keep clear of the palette (left), the toolbar (top) and the status and selection bars (bottom).
    const insets = !this.chrome ? 12 : size.w > 900 ? { top: 90, right: 24, bottom: 80, left: 220 } : 24;
    this.#setView(fitView(boundsOf(rects.map((r) => ({ ...r, y: r.y - 40, h: r.h + 40 }))), size, insets));
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('board')) this.#fittedOnce = false;
    this.#task.tools = this.task?.tools ?? [];
    const key = this.task?.key ?? null;
    if (this.chrome && this.synced && !this.#fittedOnce) {
      this.#fittedOnce = true;
      this.#taskKey = key;
      // The board opens on the task's tool; without one, fitted to its content.
      // (once the palette shows: the view keeps clear of it)
      if (this.canvasItems().length > 0) void loadPalette().then(() => requestAnimationFrame(() => this.#task.focusTask({ glide: false, wait: false }) || this.#fit()));
    } else if (this.chrome && this.synced && key !== this.#taskKey) {
      // The first task (it may come a moment after the board) is where the board opens: a jump.
      const first = this.#taskKey === null;
      this.#taskKey = key;
      if (key) this.#task.focusTask(first ? { glide: false, wait: false } : {});
    }
    if (changed.has('view')) this.#task.viewChanged();
    if (!this.chrome && (changed.has('board') || changed.has('chrome') || changed.has('task') || this.#fitPending)) {
      this.#fitPending = false;
      requestAnimationFrame(() => this.zoomToFit());
    }
    if (this.editing) {
      const field = this.renderRoot.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-item-id="${this.editing}"] .editor`);
      if (field && this.renderRoot instanceof ShadowRoot && this.renderRoot.activeElement !== field) field.focus();
    }
  }

  // ---- pointer ------------------------------------------------------------------------------

  #onViewportDown = (e: PointerEvent): void => {
    this.#gestures.down(e, e.target === this.viewportEl || (e.target as Element).classList?.contains('world'));
  };
  /** Every press inside the board's world, before the item under it: fingers are counted for pinching. */
  #onWorldCapture = { handleEvent: (e: PointerEvent): void => this.#gestures.track(e), capture: true };
  #onViewportMove = (e: PointerEvent): void => this.#gestures.move(e);
  #onViewportUp = (e: PointerEvent): void => this.#gestures.up(e);
  #onLeave = (): void => this.presence?.setCursor(null);
  #onWheel = (e: WheelEvent): void => this.#gestures.wheel(e);
  #onViewportKey = (e: KeyboardEvent): void => this.#keys.viewport(e);

  #onItemDown(e: PointerEvent, item: CanvasItem): void {
    if (e.button !== 0 || this.#gestures.spaceDown) return;
    e.stopPropagation();
    if (this.#sel.placing) return this.#sel.placeAt(this.#toWorld(e.clientX, e.clientY));
    if (e.shiftKey) return this.#sel.toggle(item.id);
    if (!this.selection.has(item.id)) this.#sel.select([item.id]);
    // A double press on a tool's title shows the tool.
    if ((e.target as Element).closest?.('.widget-handle') && this.#task.titlePress(item)) return;
    if (this.readonly || this.editing === item.id) return;
    this.#drags.start(e, this.#sel.topLevel());
    this.#fittedOnce = true;
  }

  #onItemMove(e: PointerEvent): void {
    this.presence?.setCursor(this.#toWorld(e.clientX, e.clientY));
  }

  #onPaletteAdd(e: CustomEvent<PaletteAdd>): void {
    const { tool, clientX, clientY } = e.detail;
    if (clientX === undefined || clientY === undefined) return void this.add(tool);
    const r = this.viewportEl.getBoundingClientRect();
    // A tool dragged onto the board lands where it was released; released elsewhere, nothing.
    if (clientX >= r.left && clientX <= r.right && clientY >= r.top && clientY <= r.bottom) this.add(tool, this.#toWorld(clientX, clientY));
  }

  // ---- rendering ---------------------------------------------------------------------------

  /**
   * An item re-rendered only when what it shows changed: peers move at ~30 Hz each, and a frame
   * that redraws their cursors need not redraw 200 items (a phone's CPU has no frame to spare).
   */
  #guardedItem(item: CanvasItem, next?: CanvasItem): unknown {
    const local = this.#drags.positions.get(item.id);
    const peer = local ? null : this.#peers.dragOf(item.id);
    const deps = [item, local?.x, local?.y, peer?.x, peer?.y, peer?.remote.clientId, peer?.remote.user.name, peer?.remote.user.color, this.selection.has(item.id), this.editing === item.id, next?.id];
    return guard([...deps, this.readonly, this.board, this.presence, this.origin, this.userName, this.clientTag, this.chrome, getLocale()], () => this.#renderItem(item, next));
  }

  #renderItem(item: CanvasItem, next?: CanvasItem): TemplateResult {
    const pos: { x: number; y: number; remote?: Peer } = this.#drags.positions.get(item.id) ?? this.#peers.dragOf(item.id) ?? item.geometry;
    const state: ItemState = {
      at: pos,
      selected: this.selection.has(item.id),
      editing: this.editing === item.id,
      dragging: this.#drags.positions.has(item.id),
      ...(pos.remote ? { remote: pos.remote } : {}),
    };
    return renderItem(item, state, {
      pointerdown: (e) => this.#onItemDown(e, item),
      pointermove: (e) => this.#onItemMove(e),
      keydown: (e) => this.#keys.item(e, item),
      startEdit: () => {
        if (!this.readonly && item.kind !== 'widget') this.editing = item.id;
      },
      editKeydown: (e) => this.#keys.editor(e, item),
      commit: (value) => this.#commitText(item, value),
      ...(next?.kind === 'widget' && this.chrome ? { skip: { label: cm('nextTool', { name: t(`widget.${next.props.widget}`) }), go: () => this.#skipTo(next.id) } } : {}),
    }, this);
  }

  override render() {
    const v = this.view;
    const grid = 24 * v.zoom;
    const viewportStyle = { backgroundSize: `${grid}px ${grid}px`, backgroundPosition: `${-v.x * v.zoom}px ${-v.y * v.zoom}px` };
    const items = this.canvasItems();
    const tools = items.filter((i): i is CanvasItem & { kind: 'widget' } => i.kind === 'widget');
    return html`
      ${this.chrome ? renderSkipLinks(tools, (id) => this.#skipTo(id)) : nothing}
      <div
        class="viewport ${this.#gestures.panning ? 'panning' : ''} ${this.#sel.placing ? 'placing' : ''}"
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
        @focusin=${(e: FocusEvent) => this.chrome && this.#task.focusIn(e)}
      >
        <div class="world" style=${styleMap({ transform: `scale(${v.zoom}) translate(${-v.x}px, ${-v.y}px)` })} @pointerdown=${this.#onWorldCapture}>
          ${repeat(items, (i) => i.id, (i) => this.#guardedItem(i, i.kind === 'widget' ? tools[(tools.indexOf(i) + 1) % tools.length] : undefined))}
          ${this.#gestures.band ? html`<div class="band" style=${styleMap(bandStyle(this.#gestures.band))}></div>` : nothing}
          ${this.pointer ? renderPointer(this.pointer, v.zoom) : nothing}
          ${this.#peers.peers.map((p) => (p.cursor ? renderCursor({ ...p, cursor: p.cursor }, v.zoom, this.#peers.idle(p.clientId)) : nothing))}
        </div>
      </div>
      ${this.chrome ? this.#renderChrome() : nothing}
      <div class="visually-hidden" aria-live="polite">${this.announcement}</div>
    `;
  }

  #targets(): GoToTarget[] {
    return goToTargets(this.canvasItems());
  }

  #renderChrome(): TemplateResult {
    const chrome = renderChrome(
      {
        readonly: this.readonly,
        status: this.status,
        zoom: this.view.zoom,
        canUndo: this.#doc.canUndo(),
        canRedo: this.#doc.canRedo(),
        self: this.presence?.self ?? null,
        peers: this.#peers.peers,
        following: this.#peers.following,
        selectionSize: this.selection.size,
        selected: this.canvasItems().filter((i) => this.selection.has(i.id)),
        compact: this.#layout.compact,
        sheet: this.#layout.sheet,
        targets: this.#targets(),
      },
      this,
      {
        add: (e) => this.#onPaletteAdd(e),
        follow: (clientId) => this.#peers.follow(clientId),
        setColor: (notes, color) => this.#doc.setColor(notes, color),
        sheet: (sheet) => this.#layout.toggle(sheet),
        goTo: (id) => this.goTo(id),
      },
    );
    return html`${chrome}
      ${this.readOnlyReason ? html`<div class="banner" role="status">${this.readOnlyReason}</div>` : nothing}
      ${this.#sel.placing ? html`<div class="banner" role="status">${t('board.place')} · Esc: ${t('board.cancel')}</div>` : nothing}`;
  }
}

let palette: Promise<unknown> | null = null;
/** Loads `<kb-palette>` (once); resolves when it is defined. */
function loadPalette(): Promise<unknown> {
  return (palette ??= import('./palette.js'));
}

/** What "Gå til" offers: the frames and tools on the board, in reading order. */
function goToTargets(items: readonly CanvasItem[]): GoToTarget[] {
  return items
    .filter((i) => i.kind !== 'note')
    .sort((a, b) => toolBox(a).y - toolBox(b).y || a.geometry.x - b.geometry.x)
    .map((i) => (i.kind === 'widget' ? { id: i.id, label: t(`widget.${i.props.widget}`), widget: i.props.widget } : { id: i.id, label: i.kind === 'frame' ? i.props.title || t('board.addFrame') : '' }));
}

function bandStyle(r: { x: number; y: number; w: number; h: number }): Record<string, string> {
  return { left: `${r.x}px`, top: `${r.y}px`, width: `${r.w}px`, height: `${r.h}px` };
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-board': KbBoard;
  }
}
