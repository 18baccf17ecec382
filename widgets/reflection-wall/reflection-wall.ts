import { html, LitElement, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { LocaleController } from '../../src/i18n/lit.js';
import { columnAt, MAX_WALL_COLUMNS, nearestSlot, WALL_SIZE, wallLayout } from '../../src/kinds/reflection-wall/layout.js';
import type { WallLayout } from '../../src/kinds/reflection-wall/layout.js';
import type { Rect } from '../../src/layout/rect.js';
import type { Board, Origin } from '../../src/model/index.js';
import type { Presence } from '../../src/sync/presence.js';
import { BoardController } from '../shared/board-controller.js';
import { PointerDrag } from '../shared/drag.js';
import type { DragMove } from '../shared/drag.js';
import { baseStyles } from '../shared/styles.js';
import { PeerDragsController } from '../shared/peer-drags.js';
import { peerGhosts, renderOwnGhost, renderPeerGhost } from './ghosts.js';
import type { Placement } from './ghosts.js';
import { msg } from './messages.js';
import { renderColumn } from './render-column.js';
import { columnTitle } from './render-post.js';
import { wallStyles } from './styles.js';
import type { ColumnEdit, Draft, WallView } from './view.js';
import {
  addColumn,
  addPost,
  authorName,
  canLike,
  MAX_COLUMN_TITLE,
  MAX_QUESTIONS,
  movePost,
  postProblem,
  readWall,
  toggleLike,
} from '../../src/kinds/reflection-wall/records.js';
import type { WallColumn, WallPost } from '../../src/kinds/reflection-wall/records.js';

/** Detail of `kb-post`. */
export interface PostEventDetail {
  id: string;
  column: string;
}

/** Detail of `kb-like`. */
export interface LikeEventDetail {
  post: string;
  liked: boolean;
}

const EMPTY_DRAFT: Draft = { text: '', anonymous: false, error: null };

/**
 * The reflection wall (the module's Padlet): columns side by side, each with a title and its
 * reflection questions; under them the participants' short answers. Participants post (with or
 * without their name), like and unlike answers, delete their own, move answers between columns
 * (pointer drag, or the "Move to …" menu by click or keyboard), edit column titles and questions,
 * add columns and delete empty ones. Rendered at the layout's natural size (1200x800) scaled to
 * the element's width.
 *
 * @tag kb-reflection-wall
 *
 * @event kb-post - A post was created here. `detail: { id: string; column: string }`.
 * @event kb-like - This participant liked or unliked a post. `detail: { post: string; liked: boolean }`.
 *
 * @slot - None.
 *
 * @csspart toolbar - The strip with the wall's name, "Add column" and the locked note.
 * @csspart add-column - The "Add column" button.
 * @csspart locked-note - The note shown when the board is locked.
 * @csspart column - A column (carries `data-item-id` of its wall-column).
 * @csspart column-header - A column's title, questions and buttons.
 * @csspart column-title - A column's title.
 * @csspart questions - A column's list of questions.
 * @csspart edit-button - A column's "Edit" button.
 * @csspart save-button - The "Save" button of a column being edited.
 * @csspart composer - A column's answer field, anonymous checkbox and "Post" button.
 * @csspart answer - A column's answer text area.
 * @csspart post-button - A column's "Post" button.
 * @csspart post - A post card (carries `data-item-id` of its wall-post).
 * @csspart post-text - A post's text.
 * @csspart post-author - A post's author (or "Anonymous").
 * @csspart like-button - A post's like toggle (`aria-pressed` when I like it).
 * @csspart move-button - A post's "Move to …" button.
 * @csspart move-menu - The open "Move to …" menu.
 * @csspart delete-button - The delete button of my own post.
 * @csspart ghost - A post in flight (mine or a peer's).
 * @csspart peer-ghost - A peer's post in flight, with the peer's name.
 *
 * @cssproperty --kb-wall-bg - Background behind the columns.
 * @cssproperty --kb-wall-column-bg - Background of a column.
 * @cssproperty --kb-wall-post-bg - Background of a post.
 * @cssproperty --kb-wall-accent - Colour of the "Post" button and the drop target outline.
 * @cssproperty --kb-wall-liked - Colour of the heart of a post I like.
 */
@customElement('kb-reflection-wall')
export class KbReflectionWall extends LitElement implements WallView {
  static override styles = [baseStyles, wallStyles];

  /** The board model; the only way to read and write. */
  @property({ attribute: false }) board: Board | undefined = undefined;
  /** The placed `widget` item whose columns this element shows. */
  @property({ attribute: false }) widgetId = '';
  /** This participant's transaction origin (per-user undo). */
  @property({ attribute: false }) origin: Origin = {};
  /** Presence, for in-flight drags (mine out, peers' in). */
  @property({ attribute: false }) presence: Presence | null = null;
  /** A locked board: nothing can be changed. */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** The participant's display name (the author of non-anonymous posts). */
  @property({ attribute: false }) userName = '';
  /** The participant's anonymous client tag (likes and own posts). */
  @property({ attribute: false }) clientTag = '';

  @state() private drafts: Record<string, Draft> = {};
  @state() editing: ColumnEdit | null = null;
  @state() menuFor: string | null = null;
  @state() private flight: { postId: string; rect: Rect; target: string | null } | null = null;
  @state() private scale = 1;
  @state() private status = '';

  columns: WallColumn[] = [];
  peerTargets: ReadonlySet<string> = new Set();
  #layout: WallLayout = wallLayout(0);
  #slots: Rect[][] = [];
  #grab: { dx: number; dy: number; w: number; h: number } | null = null;
  #postIds = new Set<string>();
  #resize: ResizeObserver | undefined;

  constructor() {
    super();
    new BoardController(this, () => this.board);
    new LocaleController(this);
    new PeerDragsController(this, () => this.presence, (id) => this.#postIds.has(id));
  }

  #drag = new PointerDrag<string>({
    hitTest: (cx, cy) => {
      const p = this.#toLocal(cx, cy);
      return this.columns[columnAt(this.columns.length, p.x, p.y)]?.item.id ?? null;
    },
    onStart: () => window.addEventListener('keydown', this.#onDragKey, true),
    onMove: (id, m) => this.#dragMove(id, m),
    onDrop: (id, m) => this.#dragDrop(id, m),
    onCancel: () => this.#dragEnd(),
  });

  // ---- WallView -------------------------------------------------------------------------

  get draggingId(): string | null {
    return this.flight?.postId ?? null;
  }

  get dropTarget(): string | null {
    return this.flight?.target ?? null;
  }

  get lockedBy(): string {
    return this.readonly ? 'locked' : '';
  }

  draft(columnId: string): Draft {
    return this.drafts[columnId] ?? EMPTY_DRAFT;
  }

  slots(columnIndex: number): Rect[] {
    return this.#slots[columnIndex] ?? [];
  }

  // ---- lifecycle ------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize = new ResizeObserver(() => {
      const w = this.clientWidth;
      if (w > 0) this.scale = w / WALL_SIZE.w;
    });
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#drag.cancel();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('readonly') && this.readonly) {
      this.#drag.cancel();
      this.editing = null;
      this.menuFor = null;
    }
    const board = this.board;
    this.columns = board && this.widgetId ? readWall(board, this.widgetId, { userName: this.userName, clientTag: this.clientTag }) : [];
    this.#layout = wallLayout(this.columns.length);
    this.#slots = this.columns.map((c, i) => this.#layout.postSlots(i, c.posts.length));
    this.#postIds = new Set(this.columns.flatMap((c) => c.posts.map((p) => p.item.id)));
    const ids = new Set(this.columns.map((c) => c.item.id));
    if (this.editing && !ids.has(this.editing.id)) this.editing = null;
    if (this.menuFor && !this.columns.some((c) => c.posts.some((p) => p.item.id === this.menuFor))) this.menuFor = null;
  }

  /** Focuses the wall's first control (the canvas calls this when Enter opens the widget). */
  override focus(options?: FocusOptions): void {
    const first = this.renderRoot.querySelector<HTMLElement>('button:not([disabled]), textarea:not([disabled]), input:not([disabled])');
    if (first) first.focus(options);
    else super.focus(options);
  }

  // ---- rendering ------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const layout = this.#layout;
    const posts = new Map<string, { post: WallPost; slot: Rect }>();
    this.columns.forEach((c, ci) => c.posts.forEach((p, pi) => posts.set(p.item.id, { post: p, slot: this.slots(ci)[pi] as Rect })));
    const ghosts = peerGhosts(this.presence, posts, this.#placement());
    this.peerTargets = new Set(ghosts.flatMap((g) => (g.target === undefined ? [] : [g.target])));
    const full = this.columns.length >= MAX_WALL_COLUMNS;
    const flight = this.flight;
    const flying = flight ? posts.get(flight.postId)?.post : undefined;
    return html`<div
      class="stage"
      role="region"
      aria-label=${msg('wallName')}
      style=${styleMap({ transform: `scale(${this.scale})` })}
    >
      <div class="toolbar abs" part="toolbar" style=${styleMap(box(layout.toolbar))}>
        <h2 class="wall-name">${msg('wallName')}</h2>
        <button
          class="add-column"
          part="add-column"
          ?disabled=${this.readonly || full}
          aria-describedby=${[this.lockedBy, full ? 'full' : ''].filter((s) => s).join(' ') || nothing}
          @click=${this.#onAddColumn}
        ><span aria-hidden="true">+</span> ${msg('addColumn')}</button>
        ${full ? html`<span id="full" class="note">${msg('maxColumns', { max: MAX_WALL_COLUMNS })}</span>` : nothing}
        ${this.readonly ? html`<span id="locked" class="note locked" part="locked-note">${msg('locked')}</span>` : nothing}
        <span class="visually-hidden" role="status">${this.status}</span>
      </div>
      ${repeat(
        this.columns,
        (c) => c.item.id,
        (c, i) =>
          renderColumn(this, c, i, {
            column: layout.columns[i] as Rect,
            header: layout.headers[i] as Rect,
            composer: layout.composers[i] as Rect,
            posts: layout.postAreas[i] as Rect,
          }),
      )}
      ${repeat(ghosts, (g) => g.key, renderPeerGhost)}
      ${flight && flying ? renderOwnGhost(flying, flight.rect) : nothing}
    </div>`;
  }

  // ---- composing ------------------------------------------------------------------------

  #setDraft(columnId: string, patch: Partial<Draft>): void {
    this.drafts = { ...this.drafts, [columnId]: { ...this.draft(columnId), ...patch } };
  }

  onDraftInput(columnId: string, e: Event): void {
    const text = (e.target as HTMLTextAreaElement).value;
    const error = this.draft(columnId).error;
    // A shown problem clears as soon as it is fixed.
    this.#setDraft(columnId, { text, error: error === null ? null : postProblem(text) });
  }

  onAnonymous(columnId: string, e: Event): void {
    this.#setDraft(columnId, { anonymous: (e.target as HTMLInputElement).checked });
  }

  onComposerKey(columnId: string, e: KeyboardEvent): void {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      this.onPost(columnId);
    }
  }

  onPost(columnId: string): void {
    const board = this.board;
    const column = this.columns.find((c) => c.item.id === columnId);
    if (this.readonly || !board || !column) return;
    const draft = this.draft(columnId);
    const problem = postProblem(draft.text);
    if (problem !== null) {
      this.#setDraft(columnId, { error: problem });
      return;
    }
    const author = draft.anonymous ? '' : authorName(this.userName);
    const id = addPost(board, columnId, draft.text, author, this.clientTag, this.origin);
    this.#setDraft(columnId, { text: '', error: null });
    this.status = msg('posted', { title: columnTitle(column) });
    this.#emit<PostEventDetail>('kb-post', { id, column: columnId });
  }

  // ---- columns --------------------------------------------------------------------------

  #onAddColumn = (): void => {
    const board = this.board;
    if (this.readonly || !board || !this.widgetId || this.columns.length >= MAX_WALL_COLUMNS) return;
    const title = msg('newColumnTitle');
    const id = addColumn(board, this.widgetId, title, this.origin);
    this.editing = { id, title, questions: '', error: null };
    void this.#focus(`[data-item-id="${id}"] .edit-title`, true);
  };

  onEdit(column: WallColumn): void {
    if (this.readonly) return;
    const { id, props } = column.item;
    this.editing = { id, title: props.title, questions: props.questions, error: null };
    void this.#focus(`[data-item-id="${id}"] .edit-title`);
  }

  onEditInput(field: 'title' | 'questions', e: Event): void {
    if (!this.editing) return;
    this.editing = { ...this.editing, [field]: (e.target as HTMLInputElement | HTMLTextAreaElement).value, error: null };
  }

  onEditKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.onCancelEdit();
    } else if (e.key === 'Enter' && ((e.target as Element).tagName === 'INPUT' || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      this.onSave();
    }
  }

  onSave(): void {
    const edit = this.editing;
    if (!edit || this.readonly || !this.board) return;
    const title = edit.title.trim();
    const questions = edit.questions
      .split('\n')
      .map((q) => q.trim())
      .filter((q) => q !== '')
      .join('\n');
    const error = title === '' ? 'title-required' : title.length > MAX_COLUMN_TITLE ? 'title-too-long' : questions.length > MAX_QUESTIONS ? 'questions' : null;
    if (error !== null) {
      this.editing = { ...edit, error };
      return;
    }
    this.board.updateProps<'wall-column'>(edit.id, { title, questions }, this.origin);
    this.editing = null;
    void this.#focus(`[data-item-id="${edit.id}"] .edit`);
  }

  onCancelEdit(): void {
    const id = this.editing?.id;
    this.editing = null;
    if (id !== undefined) void this.#focus(`[data-item-id="${id}"] .edit`);
  }

  onDeleteColumn(columnId: string): void {
    const board = this.board;
    if (this.readonly || !board) return;
    if (board.owned(columnId, 'wall-post').length > 0) return;
    board.delete([columnId], this.origin);
    void this.#focus('.add-column');
  }

  // ---- posts ----------------------------------------------------------------------------

  onLike(post: WallPost): void {
    const board = this.board;
    if (this.readonly || !board || !canLike(this.clientTag)) return;
    const liked = toggleLike(board, post.item.id, this.clientTag, this.origin);
    this.#emit<LikeEventDetail>('kb-like', { post: post.item.id, liked });
  }

  onDeletePost(postId: string): void {
    const board = this.board;
    const post = this.columns.flatMap((c) => c.posts).find((p) => p.item.id === postId);
    if (this.readonly || !board || !post?.mine) return;
    const column = post.item.props.column;
    board.delete([postId], this.origin);
    void this.#focus(`#answer-${column}`);
  }

  onToggleMenu(postId: string): void {
    if (this.readonly) return;
    const open = this.menuFor !== postId;
    this.menuFor = open ? postId : null;
    void this.#focus(open ? `#menu-${postId} button` : `[data-item-id="${postId}"] .move`);
  }

  onMenuKey(postId: string, e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.onToggleMenu(postId);
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const buttons = [...(e.currentTarget as HTMLElement).querySelectorAll('button')];
    const i = buttons.indexOf(e.target as HTMLButtonElement);
    const next = buttons[(i + (e.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length];
    next?.focus();
  }

  onMove(postId: string, columnId: string): void {
    const board = this.board;
    const target = this.columns.find((c) => c.item.id === columnId);
    if (this.readonly || !board || !target) return;
    movePost(board, postId, columnId, target.posts.length, this.origin);
    this.menuFor = null;
    this.status = msg('moved', { title: columnTitle(target) });
    void this.#focus(`[data-item-id="${postId}"] .move`);
  }

  // ---- dragging -------------------------------------------------------------------------

  onPostPointerDown(postId: string, e: PointerEvent): void {
    if (this.readonly || e.button !== 0) return;
    if ((e.target as Element).closest('button, input, textarea, select, a, .menu')) return;
    const ci = this.columns.findIndex((c) => c.posts.some((p) => p.item.id === postId));
    const pi = this.columns[ci]?.posts.findIndex((p) => p.item.id === postId) ?? -1;
    const slot = this.slots(ci)[pi];
    if (slot === undefined) return;
    const p = this.#toLocal(e.clientX, e.clientY);
    this.#grab = { dx: p.x - slot.x, dy: p.y - slot.y, w: slot.w, h: slot.h };
    // The press belongs to the post, not to the canvas (which would move the whole widget).
    e.stopPropagation();
    this.#drag.start(e, postId);
  }

  #dragMove(postId: string, m: DragMove<string>): void {
    const grab = this.#grab;
    if (!grab) return;
    const p = this.#toLocal(m.clientX, m.clientY);
    const rect = { x: p.x - grab.dx, y: p.y - grab.dy, w: grab.w, h: grab.h };
    this.flight = { postId, rect, target: m.target };
    const at = this.#placement();
    this.presence?.setDrags([
      { itemId: postId, x: at.x + rect.x * at.kx, y: at.y + rect.y * at.ky, ...(m.target !== null ? { target: m.target } : {}) },
    ]);
  }

  #dragDrop(postId: string, m: DragMove<string>): void {
    this.#dragEnd();
    const board = this.board;
    const ci = this.columns.findIndex((c) => c.item.id === m.target);
    const target = this.columns[ci];
    if (this.readonly || !board || target === undefined) return;
    const others = target.posts.filter((p) => p.item.id !== postId);
    const p = this.#toLocal(m.clientX, m.clientY);
    const index = Math.max(0, nearestSlot(this.#layout.postSlots(ci, others.length + 1), p.x, p.y));
    if (target.posts.findIndex((q) => q.item.id === postId) === index) return;
    movePost(board, postId, target.item.id, index, this.origin);
    this.status = msg('moved', { title: columnTitle(target) });
  }

  #dragEnd(): void {
    window.removeEventListener('keydown', this.#onDragKey, true);
    this.presence?.setDrags([]);
    this.flight = null;
    this.#grab = null;
  }

  #onDragKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    this.#drag.cancel();
  };

  // ---- helpers --------------------------------------------------------------------------

  /** A client point in layout units (whatever scales the wall: its width, the canvas zoom). */
  #toLocal(clientX: number, clientY: number): { x: number; y: number } {
    const stage = this.renderRoot.querySelector('.stage');
    const r = stage?.getBoundingClientRect();
    if (!r || r.width === 0 || r.height === 0) return { x: clientX, y: clientY };
    return { x: ((clientX - r.left) * WALL_SIZE.w) / r.width, y: ((clientY - r.top) * WALL_SIZE.h) / r.height };
  }

  /** Where the widget sits on the board, for presence (board units per layout unit). */
  #placement(): Placement {
    const g = this.board?.get(this.widgetId)?.geometry;
    if (!g) return { x: 0, y: 0, kx: 1, ky: 1 };
    return { x: g.x, y: g.y, kx: g.w > 0 ? g.w / WALL_SIZE.w : 1, ky: g.h > 0 ? g.h / WALL_SIZE.h : 1 };
  }

  async #focus(selector: string, select = false): Promise<void> {
    await this.updateComplete;
    const el = this.renderRoot.querySelector<HTMLElement>(selector);
    el?.focus();
    if (select && el instanceof HTMLInputElement) el.select();
  }

  #emit<T>(name: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true }));
  }
}

function box(r: Rect): Record<string, string> {
  return { left: `${r.x}px`, top: `${r.y}px`, width: `${r.w}px`, height: `${r.h}px` };
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-reflection-wall': KbReflectionWall;
  }
}
