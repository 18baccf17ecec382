/**
 * <kb-bor-gor-matrix>: the Bør/Gør ("should / do") matrix. A 2x2 of fields (rows bør / bør
 * ikke, columns gør / gør ikke), each titled with its guiding question, where a group puts
 * notes, tags them with one of the seven quality criteria, colours them and moves them.
 *
 * Moving a note: drag it (mouse, touch, pen) to a field and a place among its notes; or, on a
 * focused note, press M (or its "Move" button) and choose a field; Alt+Arrow moves it to the
 * neighbouring field; Ctrl/Cmd+Arrow up/down moves it earlier or later in its field.
 *
 * @event kb-note-add - A note was added here. `detail: { id: string, field: MatrixField }`.
 * @event kb-note-move - A note was moved here (field and/or order). `detail: { id, field, order }`.
 *
 * This element has no slots: it renders only board content.
 *
 * @csspart base - The outer wrapper (the size container).
 * @csspart stage - The matrix at its natural layout, scaled to the element's width.
 * @csspart header - The title band (and the locked notice).
 * @csspart axis-label - The four axis labels (bør / bør ikke / gør / gør ikke).
 * @csspart field - Each of the four fields.
 * @csspart field-title - A field's title.
 * @csspart question - A field's guiding question.
 * @csspart add-button - A field's "Add note" button.
 * @csspart draft - The inline editor of a new note.
 * @csspart note - A note.
 * @csspart note-text - A note's text.
 * @csspart note-editor - The text area of a note being edited.
 * @csspart badge - The criterion badge on a note.
 * @csspart toolbar - The active note's popover of actions.
 * @csspart menu - The move, colour and criterion menus.
 * @csspart drop-marker - Where a dragged note will land.
 * @csspart ghost - A peer's note in flight.
 *
 * @cssproperty --kb-matrix-background - Background of the whole matrix.
 * @cssproperty --kb-matrix-field-background - Background of a field.
 * @cssproperty --kb-note-yellow - Note colours (also -green, -blue, -pink, -orange, -grey).
 * @cssproperty --kb-note-text - Text colour on notes.
 * @cssproperty --kb-badge-text - Text colour of the criterion badge.
 * @cssproperty --kb-accent - Drop target highlight.
 * @cssproperty --kb-focus - Focus ring colour.
 */
import { html, LitElement, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LocaleController } from '../../src/i18n/index.js';
import {
  adjacentField,
  BOR_GOR_SIZE,
  borGorLayout,
  FIELD_ORDER,
  fieldAt,
  noteSlots,
  slotIndexAt,
} from '../../src/kinds/bor-gor-matrix/layout.js';
import type { Direction, MatrixField } from '../../src/kinds/bor-gor-matrix/layout.js';
import type { Rect } from '../../src/layout/rect.js';
import type { Board, NoteColor } from '../../src/model/index.js';
import { MAX_MATRIX_NOTE } from '../../src/model/matrix-note.js';
import type { Presence } from '../../src/sync/presence.js';
import { BoardController } from '../shared/board-controller.js';
import { PointerDrag } from '../shared/drag.js';
import type { DragMove } from '../shared/drag.js';
import { baseStyles } from '../shared/styles.js';
import { peerGhosts, renderGhost, toBoard } from './ghosts.js';
import { PeerDragsController } from '../shared/peer-drags.js';
import { msg } from './messages.js';
import { renderField } from './field-view.js';
import type { FieldHost } from './field-view.js';
import { box, fieldTitle } from './note-view.js';
import type { MenuKind } from './note-view.js';
import { findNote, groupNotes, orderAtEnd, planMove, planReorder } from '../../src/kinds/bor-gor-matrix/records.js';
import type { DropTarget, LocalDrag, MatrixNote, NotesByField, PlannedMove } from '../../src/kinds/bor-gor-matrix/records.js';
import { matrixStyles } from './styles.js';

export type { MatrixField };

export interface NoteAddDetail {
  id: string;
  field: MatrixField;
}

export interface NoteMoveDetail {
  id: string;
  field: MatrixField;
  order: number;
}

const ARROWS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

@customElement('kb-bor-gor-matrix')
export class KbBorGorMatrix extends LitElement implements FieldHost {
  static override styles = [baseStyles, matrixStyles];

  /** The model: the only way to read and write. */
  @property({ attribute: false }) board: Board | undefined;
  /** The placed `widget` item this element shows. */
  @property({ attribute: 'widget-id' }) widgetId = '';
  /** This participant's transaction origin; every write passes it. */
  @property({ attribute: false }) origin: object = {};
  /** Presence for in-flight drags (own and peers'). */
  @property({ attribute: false }) presence: Presence | null = null;
  /** A locked board: nothing can be changed. */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** The participant's display name. */
  @property({ attribute: 'user-name' }) userName = '';
  /** The participant's anonymous client tag (stored as `createdBy`). */
  @property({ attribute: 'client-tag' }) clientTag = '';

  @state() private adding: MatrixField | null = null;
  @state() private editingId: string | null = null;
  @state() private activeId: string | null = null;
  @state() private menu: { id: string; kind: MenuKind } | null = null;
  @state() private drag: LocalDrag | null = null;
  @state() private announcement = '';

  #groups: NotesByField = groupNotes([]);
  #focusNoteAfterUpdate: string | null = null;
  #focusAfterUpdate: string | null = null;
  #dragId: string | null = null;

  constructor() {
    super();
    new BoardController(this, () => this.board);
    new LocaleController(this);
    new PeerDragsController(this, () => this.presence, (id) => {
      const item = this.board?.get(id);
      return item?.kind === 'matrix-note' && item.props.widget === this.widgetId;
    });
  }

  readonly #pointer = new PointerDrag<DropTarget>({
    hitTest: (x, y) => this.#hitTest(x, y),
    onStart: (id) => {
      this.#dragId = id;
      this.menu = null;
    },
    onMove: (id, m) => this.#dragMove(id, m),
    onDrop: (id, m) => {
      this.#endDrag();
      if (m.target) this.#applyMove(planMove(this.#readNotes(), id, m.target));
    },
    onCancel: () => this.#endDrag(),
  });

  /** Focuses the matrix's first control (the canvas calls this when a participant enters the widget). */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('button.add:not([disabled]), li[data-item-id]')?.focus(options);
  }

  override disconnectedCallback(): void {
    this.#pointer.cancel();
    super.disconnectedCallback();
  }

  // ---- rendering ------------------------------------------------------------------------

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('readonly') && this.readonly) {
      this.adding = null;
      this.editingId = null;
      this.menu = null;
      this.#pointer.cancel();
    }
    const focused = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    const note = focused?.closest<HTMLElement>('li[data-item-id]');
    if (note && !this.#focusAfterUpdate) this.#focusNoteAfterUpdate ??= note.dataset.itemId ?? null;
  }

  override render(): TemplateResult {
    const layout = borGorLayout();
    this.#groups = this.#readNotes();
    const slots = new Map<string, { note: MatrixNote; slot: Rect }>();
    for (const f of FIELD_ORDER) {
      const list = this.#groups[f];
      noteSlots(f, list.length).forEach((slot, i) => slots.set((list[i] as MatrixNote).id, { note: list[i] as MatrixNote, slot }));
    }
    const ghosts = this.presence ? peerGhosts(this.presence.peers(), this.#geometry(), slots) : [];
    const peerTargets = new Map(ghosts.filter((g) => g.target).map((g) => [g.target, g.color]));
    return html`<div class="frame" part="base">
      <div class="stage" part="stage" role="group" aria-label=${msg('matrix')}>
        <div class="abs header" part="header" style=${box(layout.header)}>
          <span>${msg('title')}</span>
          ${this.readonly ? html`<span class="lock" id="locked">${msg('readonly')}</span>` : nothing}
        </div>
        <div class="abs axis" part="axis-label" style=${box(layout.columns.does)}>${msg('axisDoes')}</div>
        <div class="abs axis" part="axis-label" style=${box(layout.columns.doesNot)}>${msg('axisDoesNot')}</div>
        <div class="abs axis row" part="axis-label" style=${box(layout.rows.should)}>${msg('axisShould')}</div>
        <div class="abs axis row" part="axis-label" style=${box(layout.rows.shouldNot)}>${msg('axisShouldNot')}</div>
        ${FIELD_ORDER.map((f) =>
          renderField(this, {
            field: f,
            notes: this.#groups[f],
            slots,
            drag: this.drag,
            activeId: this.activeId,
            editingId: this.editingId,
            menu: this.menu,
            adding: this.adding === f,
            readonly: this.readonly,
            peerColor: peerTargets.get(f),
          }),
        )}
        ${ghosts.map(renderGhost)}
      </div>
      <p id="help" class="visually-hidden">${msg('help')}</p>
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </div>`;
  }

  override updated(): void {
    const root = this.renderRoot as ShadowRoot;
    if (this.#focusAfterUpdate) {
      root.querySelector<HTMLElement>(this.#focusAfterUpdate)?.focus();
      this.#focusAfterUpdate = null;
      this.#focusNoteAfterUpdate = null;
    } else if (this.#focusNoteAfterUpdate) {
      const id = this.#focusNoteAfterUpdate;
      this.#focusNoteAfterUpdate = null;
      if (!root.activeElement) this.#noteEl(id)?.focus();
    }
  }

  // ---- adding (FieldHost) ------------------------------------------------------------------

  /** @internal */
  startAdd(f: MatrixField): void {
    if (this.readonly) return;
    this.adding = f;
    this.#focusAfterUpdate = `textarea[data-draft="${f}"]`;
  }

  /** @internal */
  draftKeydown(e: KeyboardEvent, f: MatrixField): void {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      this.saveDraft(f);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.cancelDraft(f);
    }
  }

  /** @internal */
  saveDraft(f: MatrixField): void {
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>(`textarea[data-draft="${f}"]`);
    const text = area?.value.trim() ?? '';
    if (!area || !text || this.readonly || !this.board) {
      area?.focus();
      return;
    }
    const id = this.board.create(
      'matrix-note',
      {
        props: { widget: this.widgetId, field: f, text: text.slice(0, MAX_MATRIX_NOTE), order: orderAtEnd(this.#readNotes(), f), criterion: 0, color: 'yellow' },
        ...(this.clientTag ? { createdBy: this.clientTag.slice(0, 64) } : {}),
      },
      this.origin,
    );
    area.value = '';
    area.focus();
    this.#announce(msg('added', { field: fieldTitle(f) }));
    this.#emit<NoteAddDetail>('kb-note-add', { id, field: f });
  }

  /** @internal */
  cancelDraft(f: MatrixField): void {
    this.adding = null;
    this.#focusAfterUpdate = `button.add[data-field="${f}"]`;
  }

  // ---- note focus and keys (NoteHost) -----------------------------------------------------

  noteFocusin(id: string): void {
    if (this.activeId !== id) {
      this.activeId = id;
      if (this.menu && this.menu.id !== id) this.menu = null;
    }
  }

  noteFocusout(e: FocusEvent, id: string): void {
    const next = e.relatedTarget as Node | null;
    const li = e.currentTarget as HTMLElement;
    if (next && li.contains(next)) return;
    // Without a relatedTarget, focus may only be passing through a re-render (which puts it
    // back on the note): decide once the update is done.
    void (next ? Promise.resolve() : this.updateComplete).then(() => {
      const focused = (this.renderRoot as ShadowRoot).activeElement;
      if (focused?.closest<HTMLElement>('li[data-item-id]')?.dataset.itemId === id) return;
      if (this.activeId === id) this.activeId = null;
      if (this.menu?.id === id) this.menu = null;
    });
  }

  noteKeydown(e: KeyboardEvent, id: string): void {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Escape') {
      if (this.#pointer.dragging) this.#pointer.cancel();
      else this.menu = null;
      return;
    }
    if (this.readonly) return;
    const direction = ARROWS[e.key];
    if (direction && e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      const note = findNote(this.#readNotes(), id);
      const to = note ? adjacentField(note.props.field, direction) : null;
      if (to) this.moveToField(id, to);
      else this.#announce(msg('edgeReached'));
      return;
    }
    if ((direction === 'up' || direction === 'down') && (e.ctrlKey || e.metaKey) && !e.altKey) {
      e.preventDefault();
      this.#applyMove(planReorder(this.#readNotes(), id, direction === 'up' ? -1 : 1), id);
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      this.startEdit(id);
    } else if (e.key === 'm' || e.key === 'M') {
      e.preventDefault();
      this.toggleMenu(id, 'move');
    } else if (e.key === 'Delete') {
      e.preventDefault();
      this.deleteNote(id);
    }
  }

  notePointerdown(e: PointerEvent, id: string): void {
    if (this.readonly || this.editingId === id) return;
    if ((e.target as Element).closest('.pop, textarea, button')) return;
    this.#pointer.start(e, id);
  }

  menuKeydown(e: KeyboardEvent, id: string): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      const kind = this.menu?.kind;
      this.menu = null;
      this.#focusAfterUpdate = kind ? `li[data-item-id="${id}"] button[data-action="${kind}"]` : `li[data-item-id="${id}"]`;
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const menu = (e.target as Element).closest('.menu');
    if (!menu) return;
    const buttons = [...menu.querySelectorAll<HTMLButtonElement>('button:not([disabled])')];
    const at = buttons.indexOf(e.target as HTMLButtonElement);
    const next = buttons[(at + (e.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length];
    e.preventDefault();
    next?.focus();
  }

  toggleMenu(id: string, kind: MenuKind): void {
    if (this.readonly) return;
    if (this.menu?.id === id && this.menu.kind === kind) {
      this.menu = null;
      return;
    }
    this.activeId = id;
    this.menu = { id, kind };
    const current =
      kind === 'color' ? '[aria-pressed="true"]' : kind === 'criterion' ? '[aria-pressed="true"]' : 'button:not([disabled])';
    this.#focusAfterUpdate = `li[data-item-id="${id}"] .menu ${current}`;
  }

  // ---- editing ---------------------------------------------------------------------------

  startEdit(id: string): void {
    if (this.readonly) return;
    this.menu = null;
    this.editingId = id;
    this.#focusAfterUpdate = `li[data-item-id="${id}"] textarea`;
  }

  editKeydown(e: KeyboardEvent, id: string): void {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      this.saveEdit(id);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.cancelEdit(id);
    }
  }

  saveEdit(id: string): void {
    const area = this.#noteEl(id)?.querySelector('textarea');
    const text = area?.value.trim() ?? '';
    if (text && !this.readonly) this.board?.updateProps<'matrix-note'>(id, { text: text.slice(0, MAX_MATRIX_NOTE) }, this.origin);
    this.cancelEdit(id);
  }

  cancelEdit(id: string): void {
    this.editingId = null;
    this.#focusAfterUpdate = `li[data-item-id="${id}"]`;
  }

  // ---- writes ----------------------------------------------------------------------------

  moveToField(id: string, field: MatrixField): void {
    this.menu = null;
    this.#applyMove(planMove(this.#readNotes(), id, { field, index: Number.MAX_SAFE_INTEGER }), id);
  }

  setColor(id: string, color: NoteColor): void {
    if (this.readonly) return;
    this.board?.updateProps<'matrix-note'>(id, { color }, this.origin);
    this.menu = null;
    this.#focusAfterUpdate = `li[data-item-id="${id}"] button[data-action="color"]`;
  }

  setCriterion(id: string, criterion: number): void {
    if (this.readonly) return;
    this.board?.updateProps<'matrix-note'>(id, { criterion }, this.origin);
    this.menu = null;
    this.#focusAfterUpdate = `li[data-item-id="${id}"] button[data-action="criterion"]`;
  }

  deleteNote(id: string): void {
    if (this.readonly || !this.board) return;
    const groups = this.#readNotes();
    const note = findNote(groups, id);
    if (!note) return;
    const list = groups[note.props.field];
    const neighbour = list[list.indexOf(note) + 1] ?? list[list.indexOf(note) - 1];
    this.board.delete([id], this.origin);
    this.menu = null;
    this.activeId = neighbour?.id ?? null;
    this.#focusAfterUpdate = neighbour ? `li[data-item-id="${neighbour.id}"]` : `button.add[data-field="${note.props.field}"]`;
    this.#announce(msg('deleted'));
  }

  /** Writes one planned move (field + order in one update) and, when asked, keeps focus on the note. */
  #applyMove(plan: PlannedMove | null, focusId?: string): void {
    if (!plan || this.readonly || !this.board) return;
    this.board.updateProps<'matrix-note'>(plan.id, { field: plan.field, order: plan.order }, this.origin);
    if (focusId) this.#focusAfterUpdate = `li[data-item-id="${focusId}"]`;
    this.#announce(msg('moved', { field: fieldTitle(plan.field), position: plan.index + 1, count: plan.count }));
    this.#emit<NoteMoveDetail>('kb-note-move', { id: plan.id, field: plan.field, order: plan.order });
  }

  // ---- pointer drag ----------------------------------------------------------------------

  /** Widget-local units of a client point, and layout units per client pixel. */
  #toLocal(clientX: number, clientY: number): { x: number; y: number; perPixel: number } {
    const stage = this.renderRoot.querySelector('.stage');
    const r = stage?.getBoundingClientRect();
    if (!r || r.width === 0) return { x: NaN, y: NaN, perPixel: 1 };
    const perPixel = BOR_GOR_SIZE.w / r.width;
    return { x: (clientX - r.left) * perPixel, y: (clientY - r.top) * perPixel, perPixel };
  }

  #hitTest(clientX: number, clientY: number): DropTarget | null {
    const p = this.#toLocal(clientX, clientY);
    const field = fieldAt(p.x, p.y);
    if (!field) return null;
    const others = this.#groups[field].filter((n) => n.id !== this.#dragId).length;
    return { field, index: slotIndexAt(field, others, p.x, p.y) };
  }

  #dragMove(id: string, m: DragMove<DropTarget>): void {
    const { perPixel } = this.#toLocal(m.clientX, m.clientY);
    const dx = m.dx * perPixel;
    const dy = m.dy * perPixel;
    this.drag = { id, dx, dy, target: m.target };
    const note = findNote(this.#groups, id);
    if (!note || !this.presence) return;
    const list = this.#groups[note.props.field];
    const slot = noteSlots(note.props.field, list.length)[list.indexOf(note)];
    if (!slot) return;
    const at = toBoard(this.#geometry(), slot.x + dx, slot.y + dy);
    this.presence.setDrags([{ itemId: id, x: at.x, y: at.y, ...(m.target ? { target: m.target.field } : {}) }]);
  }

  #endDrag(): void {
    this.#dragId = null;
    this.drag = null;
    this.presence?.setDrags([]);
  }

  // ---- helpers ---------------------------------------------------------------------------

  /** The notes as they are now (handlers read afresh: a peer's change may not be rendered yet). */
  #readNotes(): NotesByField {
    return groupNotes(this.board && this.widgetId ? this.board.owned(this.widgetId, 'matrix-note') : []);
  }

  #geometry() {
    return this.board && this.widgetId ? this.board.get(this.widgetId)?.geometry : undefined;
  }

  #noteEl(id: string): HTMLElement | null {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('li[data-item-id]')].find((el) => el.dataset.itemId === id) ?? null;
  }

  #announce(text: string): void {
    // A trailing no-break space toggles so a repeated message is announced again.
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  #emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-bor-gor-matrix': KbBorGorMatrix;
  }
}
