/** Pure helpers over the matrix's notes: grouping, ordering and planning moves. */
import { MATRIX_FIELDS } from '../../content/matrix.js';
import type { MatrixField, MatrixFieldInfo } from '../../content/matrix.js';
import type { Board, Item } from '../../model/index.js';
import { FIELD_ORDER } from './layout.js';
import { byOrder, orderAt } from '../../model/order.js';

export type MatrixNote = Item<'matrix-note'>;
export type NotesByField = Record<MatrixField, MatrixNote[]>;

/** A drop position: a field and an index among its notes (without the moved one). */
export interface DropTarget {
  field: MatrixField;
  index: number;
}

/** A note being dragged here: its offset in layout units and the drop target under the pointer. */
export interface LocalDrag {
  id: string;
  dx: number;
  dy: number;
  target: DropTarget | null;
}

/** A planned write of one note's field and order. */
export interface PlannedMove {
  id: string;
  field: MatrixField;
  order: number;
  /** 0-based position in the target field after the move, and the field's count then. */
  index: number;
  count: number;
}

export function fieldInfo(field: MatrixField): MatrixFieldInfo {
  return MATRIX_FIELDS.find((f) => f.field === field) as MatrixFieldInfo;
}

/** The notes of each field, sorted by order (ties by id). */
export function groupNotes(notes: readonly MatrixNote[]): NotesByField {
  const out = Object.fromEntries(FIELD_ORDER.map((f) => [f, [] as MatrixNote[]])) as NotesByField;
  for (const n of notes) out[n.props.field].push(n);
  for (const f of FIELD_ORDER) out[f].sort(byOrder);
  return out;
}

/** The matrix's notes per field, as every reader outside the element sees them. */
export function readMatrix(board: Board, widgetId: string): NotesByField {
  return groupNotes(board.owned(widgetId, 'matrix-note'));
}

export function findNote(groups: NotesByField, id: string): MatrixNote | undefined {
  for (const f of FIELD_ORDER) {
    const n = groups[f].find((x) => x.id === id);
    if (n) return n;
  }
  return undefined;
}

/** The order for a note appended to `field`. */
export function orderAtEnd(groups: NotesByField, field: MatrixField): number {
  const list = groups[field];
  return orderAt(list, list.length);
}

/**
 * Plans putting note `id` at `index` of `field` (index among the field's other notes, clamped);
 * null if the note is missing or would not move.
 */
export function planMove(groups: NotesByField, id: string, target: DropTarget): PlannedMove | null {
  const note = findNote(groups, id);
  if (!note) return null;
  const others = groups[target.field].filter((n) => n.id !== id);
  const index = Math.max(0, Math.min(others.length, Math.floor(target.index)));
  if (note.props.field === target.field && groups[target.field].indexOf(note) === index) return null;
  return { id, field: target.field, order: orderAt(others, index), index, count: others.length + 1 };
}

/** Plans moving note `id` one place earlier (-1) or later (+1) in its field; null at either end. */
export function planReorder(groups: NotesByField, id: string, step: -1 | 1): PlannedMove | null {
  const note = findNote(groups, id);
  if (!note) return null;
  const index = groups[note.props.field].indexOf(note) + step;
  if (index < 0 || index >= groups[note.props.field].length) return null;
  return planMove(groups, id, { field: note.props.field, index });
}
