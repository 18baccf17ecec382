/**
 * <kb-bor-gor-matrix>: the Bør/Gør ("should / do") matrix. A 2x2 of fields (rows bør / bør
 * ikke, columns gør / gør ikke), each titled with its guiding question, where a group puts
 * notes, tags them with one of the seven quality criteria, colours them and moves them.
 *
 * Moving a note: drag it (mouse, touch, pen) to a field and a place among its notes; or, on a
 * focused note, press M (or its "Move" button) and choose a field; Alt+Arrow moves it to the
 * neighbouring field; Ctrl/Cmd+Arrow up/down moves it earlier or later in its field.
 *
 * Properties: the widget contract of `KbWidgetElement` (shared/widget-element.ts). Parts of the
 * element: field-view.ts and note-view.ts (templates), note-drag.ts (pointer drag), note-keys.ts
 * (keyboard map), focus-keeper.ts (focus across re-renders).
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
import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { adjacentField, borGorLayout, FIELD_ORDER, noteSlots } from '../../src/kinds/bor-gor-matrix/layout.js';
import type { MatrixField } from '../../src/kinds/bor-gor-matrix/layout.js';
import type { Rect } from '../../src/layout/rect.js';
import type { NoteColor } from '../../src/model/index.js';
import { MAX_MATRIX_NOTE } from '../../src/model/matrix-note.js';
import { cycleFocus } from '../shared/menu-keys.js';
import { PeerDragsController } from '../shared/peer-drags.js';
import { baseStyles } from '../shared/styles.js';
import { KbWidgetElement } from '../shared/widget-element.js';
import { FocusKeeper, noteElement } from './focus-keeper.js';
import { peerGhosts, renderGhost } from './ghosts.js';
import { msg } from './messages.js';
import { NoteDrag } from './note-drag.js';
import { noteKeyAction } from './note-keys.js';
import { renderField } from './field-view.js';
import type { FieldHost } from './field-view.js';
import { box, fieldTitle } from './note-view.js';
import type { MenuKind } from './note-view.js';
import { findNote, groupNotes, orderAtEnd, planMove, planReorder } from '../../src/kinds/bor-gor-matrix/records.js';
import type { MatrixNote, NotesByField, PlannedMove } from '../../src/kinds/bor-gor-matrix/records.js';
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

/** The events of `<kb-bor-gor-matrix>`, by name. */
export interface BorGorMatrixEvents {
  'kb-note-add': NoteAddDetail;
  'kb-note-move': NoteMoveDetail;
}

@customElement('kb-bor-gor-matrix')
export class KbBorGorMatrix extends KbWidgetElement<BorGorMatrixEvents> implements FieldHost {
  static override styles = [baseStyles, matrixStyles];

  @state() private adding: MatrixField | null = null;
  @state() private editingId: string | null = null;
  @state() private activeId: string | null = null;
  @state() private menu: { id: string; kind: MenuKind } | null = null;
  @state() private announcement = '';

  #groups: NotesByField = groupNotes([]);
  readonly #refocus = new FocusKeeper(this);
  readonly #pointer = new NoteDrag(this, {
    stage: () => this.renderRoot.querySelector('.stage'),
    rendered: () => this.#groups,
    geometry: () => this.#geometry(),
    presence: () => this.presence,
    onStart: () => (this.menu = null),
    onDrop: (id, target) => this.#applyMove(planMove(this.#readNotes(), id, target)),
  });

  constructor() {
    super();
    new PeerDragsController(this, () => this.presence, (id) => {
      const item = this.board?.get(id);
      return item?.kind === 'matrix-note' && item.props.widget === this.widgetId;
    });
  }

  /** Focuses the matrix's first control (the canvas calls this when a participant enters the widget). */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('button.add:not([disabled]), li[data-item-id]')?.focus(options);
  }

  // ---- rendering ------------------------------------------------------------------------

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('readonly') && this.readonly) {
      this.adding = null;
      this.editingId = null;
      this.menu = null;
      this.#pointer.cancel();
    }
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
            drag: this.#pointer.drag,
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

  // ---- adding (FieldHost) ------------------------------------------------------------------

  /** @internal */
  startAdd(f: MatrixField): void {
    if (this.readonly) return;
    this.adding = f;
    this.#refocus.next(`textarea[data-draft="${f}"]`);
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
    this.emit('kb-note-add', { id, field: f });
  }

  /** @internal */
  cancelDraft(f: MatrixField): void {
    this.adding = null;
    this.#refocus.next(`button.add[data-field="${f}"]`);
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
    const action = e.target === e.currentTarget ? noteKeyAction(e) : null;
    if (action?.kind === 'escape') {
      if (this.#pointer.dragging) this.#pointer.cancel();
      else this.menu = null;
    }
    if (action === null || action.kind === 'escape' || this.readonly) return;
    e.preventDefault();
    if (action.kind === 'to-field') {
      const note = findNote(this.#readNotes(), id);
      const to = note ? adjacentField(note.props.field, action.direction) : null;
      if (to) this.moveToField(id, to);
      else this.#announce(msg('edgeReached'));
    } else if (action.kind === 'reorder') this.#applyMove(planReorder(this.#readNotes(), id, action.delta), id);
    else if (action.kind === 'edit') this.startEdit(id);
    else if (action.kind === 'move-menu') this.toggleMenu(id, 'move');
    else this.deleteNote(id);
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
      this.#refocus.next(kind ? `li[data-item-id="${id}"] button[data-action="${kind}"]` : `li[data-item-id="${id}"]`);
      return;
    }
    const menu = (e.target as Element).closest('.menu');
    if (menu) cycleFocus(e, [...menu.querySelectorAll<HTMLElement>('button:not([disabled])')]);
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
    this.#refocus.next(`li[data-item-id="${id}"] .menu ${current}`);
  }

  // ---- editing ---------------------------------------------------------------------------

  startEdit(id: string): void {
    if (this.readonly) return;
    this.menu = null;
    this.editingId = id;
    this.#refocus.next(`li[data-item-id="${id}"] textarea`);
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
    const area = noteElement(this.renderRoot, id)?.querySelector('textarea');
    const text = area?.value.trim() ?? '';
    if (text && !this.readonly) this.board?.updateProps<'matrix-note'>(id, { text: text.slice(0, MAX_MATRIX_NOTE) }, this.origin);
    this.cancelEdit(id);
  }

  cancelEdit(id: string): void {
    this.editingId = null;
    this.#refocus.next(`li[data-item-id="${id}"]`);
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
    this.#refocus.next(`li[data-item-id="${id}"] button[data-action="color"]`);
  }

  setCriterion(id: string, criterion: number): void {
    if (this.readonly) return;
    this.board?.updateProps<'matrix-note'>(id, { criterion }, this.origin);
    this.menu = null;
    this.#refocus.next(`li[data-item-id="${id}"] button[data-action="criterion"]`);
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
    this.#refocus.next(neighbour ? `li[data-item-id="${neighbour.id}"]` : `button.add[data-field="${note.props.field}"]`);
    this.#announce(msg('deleted'));
  }

  /** Writes one planned move (field + order in one update) and, when asked, keeps focus on the note. */
  #applyMove(plan: PlannedMove | null, focusId?: string): void {
    if (!plan || this.readonly || !this.board) return;
    this.board.updateProps<'matrix-note'>(plan.id, { field: plan.field, order: plan.order }, this.origin);
    if (focusId) this.#refocus.next(`li[data-item-id="${focusId}"]`);
    this.#announce(msg('moved', { field: fieldTitle(plan.field), position: plan.index + 1, count: plan.count }));
    this.emit('kb-note-move', { id: plan.id, field: plan.field, order: plan.order });
  }

  // ---- helpers ---------------------------------------------------------------------------

  /** The notes as they are now (handlers read afresh: a peer's change may not be rendered yet). */
  #readNotes(): NotesByField {
    return groupNotes(this.board && this.widgetId ? this.board.owned(this.widgetId, 'matrix-note') : []);
  }

  #geometry() {
    return this.board && this.widgetId ? this.board.get(this.widgetId)?.geometry : undefined;
  }

  #announce(text: string): void {
    // A trailing no-break space toggles so a repeated message is announced again.
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-bor-gor-matrix': KbBorGorMatrix;
  }
}
