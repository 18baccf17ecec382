/**
 * The template of one matrix note: its text (or inline editor), its criterion badge, and, when
 * it is the active note, a popover with its actions and the move / colour / criterion menus.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { CRITERIA, criterion as criterionInfo } from '../../src/content/criteria.js';
import { getLocale } from '../../src/i18n/index.js';
import { BOR_GOR_SIZE, FIELD_ORDER } from '../../src/kinds/bor-gor-matrix/layout.js';
import type { MatrixField } from '../../src/kinds/bor-gor-matrix/layout.js';
import type { Rect } from '../../src/layout/rect.js';
import { MAX_MATRIX_NOTE } from '../../src/model/matrix-note.js';
import { NOTE_COLORS } from '../../src/model/index.js';
import type { NoteColor } from '../../src/model/index.js';
import { msg } from './messages.js';
import type { MessageKey } from './messages.js';
import { fieldInfo } from '../../src/kinds/bor-gor-matrix/records.js';
import type { MatrixNote } from '../../src/kinds/bor-gor-matrix/records.js';

export type MenuKind = 'move' | 'color' | 'criterion';

/** What the element does for a note's controls. */
export interface NoteHost {
  noteKeydown(e: KeyboardEvent, id: string): void;
  notePointerdown(e: PointerEvent, id: string): void;
  noteFocusin(id: string): void;
  noteFocusout(e: FocusEvent, id: string): void;
  startEdit(id: string): void;
  editKeydown(e: KeyboardEvent, id: string): void;
  saveEdit(id: string): void;
  cancelEdit(id: string): void;
  toggleMenu(id: string, kind: MenuKind): void;
  menuKeydown(e: KeyboardEvent, id: string): void;
  moveToField(id: string, field: MatrixField): void;
  setColor(id: string, color: NoteColor): void;
  setCriterion(id: string, criterion: number): void;
  deleteNote(id: string): void;
}

export interface NoteView {
  note: MatrixNote;
  /** The note's slot and its field's frame, in widget-local units. */
  slot: Rect;
  frame: Rect;
  active: boolean;
  editing: boolean;
  menu: MenuKind | null;
  readonly: boolean;
  /** Offset of an in-flight local drag, in layout units. */
  drag: { dx: number; dy: number } | null;
}

/** `left/top/width/height` of `r` relative to `origin`, in layout units. */
export function box(r: Rect, origin: { x: number; y: number } = { x: 0, y: 0 }): string {
  const u = (v: number) => `calc(var(--u) * ${Math.round(v * 100) / 100})`;
  return `left:${u(r.x - origin.x)};top:${u(r.y - origin.y)};width:${u(r.w)};height:${u(r.h)};`;
}

export function fieldTitle(field: MatrixField): string {
  return fieldInfo(field).title[getLocale()];
}

export function fieldQuestion(field: MatrixField): string {
  return fieldInfo(field).question[getLocale()];
}

export function criterionLabel(n: number): string {
  const c = criterionInfo(n);
  return c ? msg('criterionTag', { number: c.number, name: c.name[getLocale()] }) : msg('noCriterion');
}

export function renderBadge(n: number): TemplateResult | typeof nothing {
  const c = criterionInfo(n);
  if (!c) return nothing;
  const label = criterionLabel(n);
  return html`<span class="badge" part="badge" role="img" aria-label=${label} title=${label} style="--badge-color:${c.color}"
    >${c.number}</span
  >`;
}

export function renderNote(host: NoteHost, v: NoteView): TemplateResult {
  const { note, slot } = v;
  const id = note.id;
  const fs = Math.max(7, Math.min(15, slot.h * 0.16));
  const transform = v.drag ? `transform:translate(calc(var(--u) * ${v.drag.dx}), calc(var(--u) * ${v.drag.dy}));` : '';
  const classes = ['note', `color-${note.props.color}`, v.active ? 'active' : '', v.editing ? 'editing' : '', v.drag ? 'dragging' : '']
    .filter(Boolean)
    .join(' ');
  return html`<li
    class=${classes}
    part="note"
    data-item-id=${id}
    data-field=${note.props.field}
    tabindex="0"
    aria-describedby=${v.readonly ? 'help locked' : 'help'}
    style="${box(slot, v.frame)}--fs:${Math.round(fs * 10) / 10};${transform}"
    @keydown=${(e: KeyboardEvent) => host.noteKeydown(e, id)}
    @pointerdown=${(e: PointerEvent) => host.notePointerdown(e, id)}
    @focusin=${() => host.noteFocusin(id)}
    @focusout=${(e: FocusEvent) => host.noteFocusout(e, id)}
    @dblclick=${(e: MouseEvent) => {
      if (!(e.target as Element).closest('.pop, textarea')) host.startEdit(id);
    }}
  >
    ${renderBadge(note.props.criterion)}
    ${v.editing
      ? html`<textarea
          class="edit"
          part="note-editor"
          aria-label=${msg('noteText')}
          maxlength=${MAX_MATRIX_NOTE}
          .value=${note.props.text}
          @keydown=${(e: KeyboardEvent) => host.editKeydown(e, id)}
        ></textarea>`
      : html`<span class="text" part="note-text">${note.props.text}</span>`}
    ${v.active || v.editing ? renderPopover(host, v) : nothing}
  </li>`;
}

function renderPopover(host: NoteHost, v: NoteView): TemplateResult {
  const id = v.note.id;
  const up = v.slot.y + v.slot.h / 2 > BOR_GOR_SIZE.h / 2;
  const end = v.slot.x + v.slot.w / 2 > BOR_GOR_SIZE.w / 2;
  const cls = `pop ${up ? 'up' : 'down'} ${end ? 'end' : 'start'}`;
  if (v.editing) {
    return html`<div class=${cls} part="toolbar">
      <div class="row">
        <button type="button" @click=${() => host.saveEdit(id)}>${msg('save')}</button>
        <button type="button" @click=${() => host.cancelEdit(id)}>${msg('cancel')}</button>
      </div>
    </div>`;
  }
  const locked = v.readonly;
  const tool = (kind: MenuKind | 'edit' | 'delete', label: MessageKey, icon: string, action: () => void) =>
    html`<button
      type="button"
      data-action=${kind}
      aria-label=${msg(label)}
      title=${msg(label)}
      aria-haspopup=${kind === 'edit' || kind === 'delete' ? nothing : 'true'}
      aria-expanded=${kind === 'edit' || kind === 'delete' ? nothing : String(v.menu === kind)}
      ?disabled=${locked}
      aria-describedby=${locked ? 'locked' : nothing}
      @click=${action}
    >
      <span aria-hidden="true">${icon}</span>
    </button>`;
  return html`<div class=${cls} part="toolbar" @keydown=${(e: KeyboardEvent) => host.menuKeydown(e, id)}>
    <div class="tools" role="group" aria-label=${msg('actions')}>
      ${tool('edit', 'edit', '✎', () => host.startEdit(id))} ${tool('move', 'move', '⇄', () => host.toggleMenu(id, 'move'))}
      ${tool('color', 'color', '◐', () => host.toggleMenu(id, 'color'))}
      ${tool('criterion', 'criterion', '#', () => host.toggleMenu(id, 'criterion'))}
      ${tool('delete', 'delete', '🗑', () => host.deleteNote(id))}
    </div>
    ${v.menu && !locked ? renderMenu(host, v, v.menu) : nothing}
  </div>`;
}

function renderMenu(host: NoteHost, v: NoteView, kind: MenuKind): TemplateResult {
  const id = v.note.id;
  const p = v.note.props;
  if (kind === 'move') {
    return html`<div class="menu" part="menu" role="group" aria-labelledby="menu-title-${id}" data-menu="move">
      <p class="menu-title" id="menu-title-${id}">${msg('moveTo')}</p>
      ${FIELD_ORDER.map(
        (f) => html`<button
          type="button"
          data-field=${f}
          aria-current=${f === p.field ? 'true' : nothing}
          ?disabled=${f === p.field}
          @click=${() => host.moveToField(id, f)}
        >
          ${fieldTitle(f)}
        </button>`,
      )}
    </div>`;
  }
  if (kind === 'color') {
    return html`<div class="menu" part="menu" role="group" aria-labelledby="menu-title-${id}" data-menu="color">
      <p class="menu-title" id="menu-title-${id}">${msg('chooseColor')}</p>
      ${NOTE_COLORS.map(
        (c) => html`<button type="button" data-color=${c} aria-pressed=${String(c === p.color)} @click=${() => host.setColor(id, c)}>
          <span class="swatch color-${c}" aria-hidden="true"></span>${msg(`color.${c}`)}
        </button>`,
      )}
    </div>`;
  }
  return html`<div class="menu" part="menu" role="group" aria-labelledby="menu-title-${id}" data-menu="criterion">
    <p class="menu-title" id="menu-title-${id}">${msg('chooseCriterion')}</p>
    <button type="button" data-criterion="0" aria-pressed=${String(p.criterion === 0)} @click=${() => host.setCriterion(id, 0)}>
      ${msg('noCriterion')}
    </button>
    ${CRITERIA.map(
      (c) => html`<button
        type="button"
        data-criterion=${c.number}
        aria-pressed=${String(c.number === p.criterion)}
        aria-label=${criterionLabel(c.number)}
        @click=${() => host.setCriterion(id, c.number)}
      >
        <span class="badge" aria-hidden="true" style="--badge-color:${c.color}">${c.number}</span>${c.name[getLocale()]}
      </button>`,
    )}
  </div>`;
}
