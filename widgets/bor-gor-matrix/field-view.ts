/**
 * The template of one field of the matrix: its title, guiding question, "add note" button,
 * its notes in order, the drop marker of a drag in progress, and the inline editor of a new note.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { borGorLayout, noteSlots } from '../../src/kinds/bor-gor-matrix/layout.js';
import type { MatrixField } from '../../src/kinds/bor-gor-matrix/layout.js';
import type { Rect } from '../../src/layout/rect.js';
import { MAX_MATRIX_NOTE } from '../../src/model/matrix-note.js';
import { msg } from './messages.js';
import { box, fieldQuestion, fieldTitle, renderNote } from './note-view.js';
import type { MenuKind, NoteHost } from './note-view.js';
import type { LocalDrag, MatrixNote } from '../../src/kinds/bor-gor-matrix/records.js';

/** What the element does for a field's controls (and its notes'). */
export interface FieldHost extends NoteHost {
  startAdd(field: MatrixField): void;
  draftKeydown(e: KeyboardEvent, field: MatrixField): void;
  saveDraft(field: MatrixField): void;
  cancelDraft(field: MatrixField): void;
}

export interface FieldView {
  field: MatrixField;
  /** The field's notes, in order. */
  notes: readonly MatrixNote[];
  /** Every note's slot, by id. */
  slots: ReadonlyMap<string, { slot: Rect }>;
  drag: LocalDrag | null;
  activeId: string | null;
  editingId: string | null;
  menu: { id: string; kind: MenuKind } | null;
  /** True while a new note is being written in this field. */
  adding: boolean;
  readonly: boolean;
  /** Colour of a peer dragging a note over this field, if any. */
  peerColor: string | undefined;
}

/** Size of the new-note editor, in layout units. */
const DRAFT = { w: 200, h: 120 };

export function renderField(host: FieldHost, v: FieldView): TemplateResult {
  const f = v.field;
  const parts = borGorLayout().fields[f];
  const frame = parts.frame;
  const title = fieldTitle(f);
  const drag = v.drag;
  const isTarget = drag?.target?.field === f;
  const classes = `abs field${isTarget ? ' drop-target' : ''}${v.peerColor ? ' peer-target' : ''}`;
  return html`<section
    class=${classes}
    part="field"
    data-field=${f}
    aria-labelledby="title-${f}"
    style="${box(frame)}${v.peerColor ? `--peer-color:${v.peerColor}` : ''}"
  >
    <h3 class="abs field-title" part="field-title" id="title-${f}" style=${box(parts.title, frame)}>${title}</h3>
    <p class="abs question" part="question" style=${box(parts.question, frame)}>${fieldQuestion(f)}</p>
    <button
      type="button"
      class="abs add"
      part="add-button"
      data-field=${f}
      style=${box(parts.addButton, frame)}
      aria-label=${msg('addNoteIn', { field: title })}
      ?disabled=${v.readonly}
      aria-describedby=${v.readonly ? 'locked' : nothing}
      @click=${() => host.startAdd(f)}
    >
      <span aria-hidden="true">+</span>${msg('addNote')}
    </button>
    <ul class="notes" aria-label=${msg('notesIn', { field: title })}>
      ${repeat(
        v.notes,
        (n) => n.id,
        (n) =>
          renderNote(host, {
            note: n,
            slot: v.slots.get(n.id)?.slot ?? parts.notes,
            frame,
            active: v.activeId === n.id && drag?.id !== n.id,
            editing: v.editingId === n.id,
            menu: v.menu?.id === n.id ? v.menu.kind : null,
            readonly: v.readonly,
            drag: drag?.id === n.id ? { dx: drag.dx, dy: drag.dy } : null,
          }),
      )}
    </ul>
    ${isTarget && drag?.target ? renderMarker(v, drag.id, drag.target.index, frame) : nothing}
    ${v.adding ? renderDraft(host, v, frame) : nothing}
  </section>`;
}

/** Where the dragged note will land: its slot among the field's notes once it is there. */
function renderMarker(v: FieldView, id: string, index: number, frame: Rect): TemplateResult {
  const count = v.notes.filter((n) => n.id !== id).length + 1;
  const slot = noteSlots(v.field, count)[Math.min(index, count - 1)] as Rect;
  return html`<div class="marker" part="drop-marker" aria-hidden="true" style=${box(slot, frame)}></div>`;
}

/** The new note's editor, at the slot the note will take (kept inside the field). */
function renderDraft(host: FieldHost, v: FieldView, frame: Rect): TemplateResult {
  const f = v.field;
  const count = v.notes.length;
  const slot = noteSlots(f, count + 1)[count] as Rect;
  const x = Math.max(frame.x + 4, Math.min(slot.x, frame.x + frame.w - DRAFT.w - 4));
  const y = Math.max(frame.y + 4, Math.min(slot.y, frame.y + frame.h - DRAFT.h - 4));
  return html`<div class="draft" part="draft" style=${box({ x, y, ...DRAFT }, frame)}>
    <textarea
      data-draft=${f}
      aria-label=${msg('newNote', { field: fieldTitle(f) })}
      maxlength=${MAX_MATRIX_NOTE}
      @keydown=${(e: KeyboardEvent) => host.draftKeydown(e, f)}
    ></textarea>
    <div class="row">
      <button type="button" @click=${() => host.saveDraft(f)}>${msg('save')}</button>
      <button type="button" @click=${() => host.cancelDraft(f)}>${msg('cancel')}</button>
    </div>
  </div>`;
}
