import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { MAX_WALL_COLUMNS, WALL_SIZE, wallLayout } from '../../src/kinds/reflection-wall/layout.js';
import type { WallLayout } from '../../src/kinds/reflection-wall/layout.js';
import type { Rect } from '../../src/layout/rect.js';
import { cycleFocus } from '../shared/menu-keys.js';
import { PeerDragsController } from '../shared/peer-drags.js';
import { baseStyles } from '../shared/styles.js';
import { KbWidgetElement } from '../shared/widget-element.js';
import { peerGhosts, renderOwnGhost, renderPeerGhost } from './ghosts.js';
import type { Placement } from './ghosts.js';
import { ColumnEditor } from './column-edit.js';
import { msg } from './messages.js';
import { PostDrag } from './post-drag.js';
import { renderColumn } from './render-column.js';
import { columnTitle } from './render-post.js';
import { wallStyles } from './styles.js';
import { place } from './view.js';
import type { Draft, WallView } from './view.js';
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

/** The events of `<kb-reflection-wall>`, by name. */
export interface ReflectionWallEvents {
  'kb-post': PostEventDetail;
  'kb-like': LikeEventDetail;
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
 * Properties: the widget contract of `KbWidgetElement` (shared/widget-element.ts). Parts of the
 * element: render-column.ts and render-post.ts (templates, reading `WallView` of view.ts),
 * column-edit.ts (editing a column), post-drag.ts (pointer drag), ghosts.ts (posts in flight).
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
export class KbReflectionWall extends KbWidgetElement<ReflectionWallEvents> implements WallView {
  static override styles = [baseStyles, wallStyles];

  @state() private drafts: Record<string, Draft> = {};
  @state() menuFor: string | null = null;
  @state() private scale = 1;
  @state() private status = '';

  columns: WallColumn[] = [];
  peerTargets: ReadonlySet<string> = new Set();
  #layout: WallLayout = wallLayout(0);
  #slots: Rect[][] = [];
  #postIds = new Set<string>();
  #resize: ResizeObserver | undefined;

  /** The column title and questions being edited (WallView). */
  readonly edits = new ColumnEditor(this, {
    board: () => this.board,
    origin: () => this.origin,
    readonly: () => this.readonly,
    focus: (selector) => void this.#focus(selector),
  });
  readonly #drag = new PostDrag(this, {
    stage: () => this.renderRoot.querySelector('.stage'),
    columns: () => this.columns,
    slots: (ci) => this.slots(ci),
    placement: () => this.#placement(),
    presence: () => this.presence,
    onDrop: (postId, column, index) => this.#dropPost(postId, column, index),
  });

  constructor() {
    super();
    new PeerDragsController(this, () => this.presence, (id) => this.#postIds.has(id));
  }

  // ---- WallView -------------------------------------------------------------------------

  get draggingId(): string | null {
    return this.#drag.flight?.postId ?? null;
  }

  get dropTarget(): string | null {
    return this.#drag.flight?.target ?? null;
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
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('readonly') && this.readonly) {
      this.#drag.cancel();
      this.edits.editing = null;
      this.menuFor = null;
    }
    const board = this.board;
    this.columns = board && this.widgetId ? readWall(board, this.widgetId, { userName: this.userName, clientTag: this.clientTag }) : [];
    this.#layout = wallLayout(this.columns.length);
    this.#slots = this.columns.map((c, i) => this.#layout.postSlots(i, c.posts.length));
    this.#postIds = new Set(this.columns.flatMap((c) => c.posts.map((p) => p.item.id)));
    const ids = new Set(this.columns.map((c) => c.item.id));
    if (this.edits.editing && !ids.has(this.edits.editing.id)) this.edits.editing = null;
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
    const flight = this.#drag.flight;
    const flying = flight ? posts.get(flight.postId)?.post : undefined;
    return html`<div
      class="stage"
      role="region"
      aria-label=${msg('wallName')}
      style=${styleMap({ transform: `scale(${this.scale})` })}
    >
      <div class="toolbar abs" part="toolbar" style=${styleMap(place(layout.toolbar))}>
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
    this.emit('kb-post', { id, column: columnId });
  }

  // ---- columns --------------------------------------------------------------------------

  #onAddColumn = (): void => {
    const board = this.board;
    if (this.readonly || !board || !this.widgetId || this.columns.length >= MAX_WALL_COLUMNS) return;
    const title = msg('newColumnTitle');
    const id = addColumn(board, this.widgetId, title, this.origin);
    this.edits.editing = { id, title, questions: '', error: null };
    void this.#focus(`[data-item-id="${id}"] .edit-title`, true);
  };

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
    this.emit('kb-like', { post: post.item.id, liked });
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
    cycleFocus(e, [...(e.currentTarget as HTMLElement).querySelectorAll('button')]);
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
    if (!this.readonly) this.#drag.press(postId, e);
  }

  #dropPost(postId: string, target: WallColumn, index: number): void {
    const board = this.board;
    if (this.readonly || !board) return;
    movePost(board, postId, target.item.id, index, this.origin);
    this.status = msg('moved', { title: columnTitle(target) });
  }

  // ---- helpers --------------------------------------------------------------------------

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
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-reflection-wall': KbReflectionWall;
  }
}
