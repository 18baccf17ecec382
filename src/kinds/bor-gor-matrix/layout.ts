/**
 * Geometry of the Bør/Gør matrix: a title band, the column axis (gør / gør ikke) and row axis
 * (bør / bør ikke) labels, and the 2x2 of fields, each with its title, guiding question, an
 * "add note" button and an area where notes flow in their order. Pure functions in
 * widget-local units (natural size {@link BOR_GOR_SIZE}); used by the Lit element and by the
 * Miro adapter alike.
 */
import { MATRIX_FIELDS } from '../../content/matrix.js';
import type { MatrixField } from '../../content/matrix.js';
import { contains, flowSlots } from '../../layout/rect.js';
import type { Rect } from '../../layout/rect.js';

export type { MatrixField };

/** The widget's natural size. */
export const BOR_GOR_SIZE = { w: 960, h: 720 } as const;

/** The parts of one field, in widget-local units. */
export interface FieldParts {
  field: MatrixField;
  /** The whole field (its coloured frame). */
  frame: Rect;
  title: Rect;
  /** The "add note" control, top right of the field. */
  addButton: Rect;
  question: Rect;
  /** Where notes flow (see {@link noteSlots}). */
  notes: Rect;
}

export interface BorGorLayout {
  size: { w: number; h: number };
  /** The widget's title band. */
  header: Rect;
  /** Column axis labels above the fields: "gør" (left) and "gør ikke" (right). */
  columns: { does: Rect; doesNot: Rect };
  /** Row axis labels left of the fields: "bør" (top) and "bør ikke" (bottom). */
  rows: { should: Rect; shouldNot: Rect };
  fields: Record<MatrixField, FieldParts>;
}

/** The grid notes of one field flow in. */
export interface NoteGrid {
  columns: number;
  cell: { w: number; h: number };
  gap: number;
}

const MARGIN = 8;
const HEADER_H = 40;
const COLUMN_LABEL_H = 28;
const ROW_LABEL_W = 32;
const FIELD_GAP = 8;
const FIELD_PAD = 12;
const ADD_W = 150;
const ADD_H = 30;
const QUESTION_Y = 38;
const QUESTION_H = 36;
const NOTES_Y = 82;
/** Notes are landscape: height = width × this. */
const NOTE_RATIO = 0.68;
const MIN_COLUMNS = 3;
const MAX_GAP = 8;

const GRID_X = MARGIN + ROW_LABEL_W + MARGIN;
const GRID_Y = HEADER_H + COLUMN_LABEL_H + 4;
const FIELD_W = (BOR_GOR_SIZE.w - MARGIN - GRID_X - FIELD_GAP) / 2;
const FIELD_H = (BOR_GOR_SIZE.h - MARGIN - GRID_Y - FIELD_GAP) / 2;

function fieldParts(field: MatrixField, should: boolean, does: boolean): FieldParts {
  const x = GRID_X + (does ? 0 : FIELD_W + FIELD_GAP);
  const y = GRID_Y + (should ? 0 : FIELD_H + FIELD_GAP);
  const inner = FIELD_W - 2 * FIELD_PAD;
  return {
    field,
    frame: { x, y, w: FIELD_W, h: FIELD_H },
    title: { x: x + FIELD_PAD, y: y + 10, w: inner - ADD_W - 8, h: 26 },
    addButton: { x: x + FIELD_W - FIELD_PAD - ADD_W, y: y + 8, w: ADD_W, h: ADD_H },
    question: { x: x + FIELD_PAD, y: y + QUESTION_Y, w: inner, h: QUESTION_H },
    notes: { x: x + FIELD_PAD, y: y + NOTES_Y, w: inner, h: FIELD_H - NOTES_Y - FIELD_PAD },
  };
}

const LAYOUT: BorGorLayout = Object.freeze({
  size: { ...BOR_GOR_SIZE },
  header: { x: MARGIN, y: 0, w: BOR_GOR_SIZE.w - 2 * MARGIN, h: HEADER_H },
  columns: {
    does: { x: GRID_X, y: HEADER_H, w: FIELD_W, h: COLUMN_LABEL_H },
    doesNot: { x: GRID_X + FIELD_W + FIELD_GAP, y: HEADER_H, w: FIELD_W, h: COLUMN_LABEL_H },
  },
  rows: {
    should: { x: MARGIN, y: GRID_Y, w: ROW_LABEL_W, h: FIELD_H },
    shouldNot: { x: MARGIN, y: GRID_Y + FIELD_H + FIELD_GAP, w: ROW_LABEL_W, h: FIELD_H },
  },
  fields: Object.fromEntries(MATRIX_FIELDS.map((f) => [f.field, fieldParts(f.field, f.should, f.does)])) as Record<
    MatrixField,
    FieldParts
  >,
});

/** The whole layout (a constant: the widget scales, it does not reflow). */
export function borGorLayout(): BorGorLayout {
  return LAYOUT;
}

/** The four fields in reading order (top-left, top-right, bottom-left, bottom-right). */
export const FIELD_ORDER: readonly MatrixField[] = MATRIX_FIELDS.map((f) => f.field);

export function fieldRect(field: MatrixField): Rect {
  return LAYOUT.fields[field].frame;
}

/**
 * The grid for `count` notes in a field: the fewest columns (at least three) such that every
 * note fits inside the notes area, so notes shrink as a field fills up and never overflow.
 */
export function noteGrid(count: number): NoteGrid {
  const area = LAYOUT.fields['bor-gor'].notes;
  const n = Math.max(0, Math.floor(count));
  for (let columns = MIN_COLUMNS; ; columns++) {
    const pitch = area.w / columns;
    const gap = Math.min(MAX_GAP, pitch * 0.1);
    const w = pitch - gap;
    const h = w * NOTE_RATIO;
    const rows = Math.floor((area.h + gap) / (h + gap));
    if (columns * rows >= n || columns >= Math.max(MIN_COLUMNS, n)) return { columns, cell: { w, h }, gap };
  }
}

/** Slots for `count` notes in `field`, in order (left to right, then down). */
export function noteSlots(field: MatrixField, count: number): Rect[] {
  const { cell, gap } = noteGrid(count);
  return flowSlots(LAYOUT.fields[field].notes, count, cell, gap);
}

/** The field under a widget-local point, or null (axis labels, margins, gaps). */
export function fieldAt(x: number, y: number): MatrixField | null {
  return FIELD_ORDER.find((f) => contains(LAYOUT.fields[f].frame, x, y)) ?? null;
}

/**
 * Where a note dropped at (x, y) goes among the `count` notes already in `field`: the number
 * of slots that come before the point in reading order (0..count).
 */
export function slotIndexAt(field: MatrixField, count: number, x: number, y: number): number {
  const { gap } = noteGrid(count);
  let index = 0;
  for (const s of noteSlots(field, count)) {
    const rowBelow = y >= s.y + s.h + gap / 2;
    const sameRow = y >= s.y - gap / 2 && !rowBelow;
    if (rowBelow || (sameRow && s.x + s.w / 2 < x)) index++;
  }
  return index;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

/** The field next to `field` in `direction`, or null at the matrix's edge. */
export function adjacentField(field: MatrixField, direction: Direction): MatrixField | null {
  const info = MATRIX_FIELDS.find((f) => f.field === field);
  if (info === undefined) return null;
  let { should, does } = info;
  if (direction === 'left' || direction === 'right') {
    const wantDoes = direction === 'left';
    if (does === wantDoes) return null;
    does = wantDoes;
  } else {
    const wantShould = direction === 'up';
    if (should === wantShould) return null;
    should = wantShould;
  }
  return MATRIX_FIELDS.find((f) => f.should === should && f.does === does)?.field ?? null;
}
