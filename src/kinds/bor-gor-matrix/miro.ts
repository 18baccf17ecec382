/**
 * The Bør/Gør matrix in Miro: the axis labels as texts, each field as a tinted rectangle titled
 * with its title and question, and the notes given as sticky notes in their fields' slots. A
 * note's criterion is written in front of its text ("3 · …") and read back from it.
 *
 * Read back: each sticky note belongs to the field whose shape it lies on, where that shape
 * really is (found by its key, else by its title: a group may move or resize fields), ordered
 * top to bottom, then left to right; a field whose shape is gone keeps its planned place. A note
 * outside every field is unplaced; one without text is left out.
 */
import { MATRIX_FIELDS } from '../../content/matrix.js';
import type { MatrixField } from '../../content/matrix.js';
import { MAX_MATRIX_NOTE } from '../../model/matrix-note.js';
import type { NoteColor } from '../../model/index.js';
import { msg } from '../../render/messages.js';
import type { RenderMessageKey } from '../../render/messages.js';
import type { Rect } from '../../layout/rect.js';
import { boldText, byPosition, centreIn, clip, findShape, normText, rectOf } from '../miro.js';
import type { MiroMapping, MiroPlanOptions, PlacedMiroItem } from '../miro.js';
import { borGorLayout, FIELD_ORDER, fieldRect, noteSlots } from './layout.js';
import { readMatrix } from './records.js';

/** A note to place in the matrix (e.g. brought over from a kaedeboard board). */
export interface MatrixNoteInput {
  field: MatrixField;
  text: string;
  /** 1..7, or 0/undefined for none. */
  criterion?: number;
  color?: NoteColor;
  /** The kaedeboard note's id, when it comes from a board. */
  id?: string;
}

export interface MatrixPlanOptions extends MiroPlanOptions {
  /** Sticky notes for the matrix, placed in their fields in the given order. */
  readonly notes?: readonly MatrixNoteInput[];
}

/** A note read back from a field. */
export interface MatrixNoteOut {
  field: MatrixField;
  text: string;
  criterion: number;
  color: NoteColor;
  order: number;
}

/** What a matrix frame reads back as. */
export interface MatrixRecords {
  notes: MatrixNoteOut[];
}

/** Light tints per field (dark text stays far above AA on them). */
export const FIELD_FILL: Record<MatrixField, string> = {
  'bor-gor': '#e4f3e1',
  'bor-ikke-gor': '#e3eefb',
  'gor-ikke-bor': '#fdeadb',
  hverken: '#eeeef0',
};

/** A criterion tag written in front of a note's text ("3 · …") and read back from it. */
export const CRITERION_SEPARATOR = ' · ';

const fieldKey = (field: MatrixField): string => `field-${field}`;

/** Where each field's shape really lies on the frame (its planned place when the shape is gone). */
function fieldRects(items: readonly PlacedMiroItem[]): [MatrixField, Rect][] {
  return FIELD_ORDER.map((field) => {
    const info = MATRIX_FIELDS.find((f) => f.field === field);
    const titles = info === undefined ? [] : [normText(info.title.da), normText(info.title.en)];
    const shape = findShape(items, fieldKey(field), (text) => titles.some((t) => normText(text).startsWith(t)));
    return [field, shape?.size === undefined ? fieldRect(field) : rectOf(shape)];
  });
}

/** A note's text: behind "n · " when it concerns criterion n. */
export function noteText(text: string, criterion: number | undefined): string {
  return criterion !== undefined && criterion >= 1 && criterion <= 7 ? `${criterion}${CRITERION_SEPARATOR}${text}` : text;
}

/** Splits "3 · text" into criterion 3 and the text (criterion 0 when untagged). */
export function splitCriterion(text: string): { criterion: number; text: string } {
  const at = text.indexOf(CRITERION_SEPARATOR.trim());
  const head = at > 0 ? text.slice(0, at).trim() : '';
  if (/^[1-7]$/.test(head)) return { criterion: Number(head), text: text.slice(at + 1).trim() };
  return { criterion: 0, text };
}

export const borGorMatrixMiro: MiroMapping<MatrixRecords, MatrixPlanOptions> = {
  plan(canvas, { locale, notes = [] }) {
    const layout = borGorLayout();
    const axis = (key: string, rect: Rect, message: RenderMessageKey, rotation: 0 | 270 = 0): void => {
      canvas.text(key, rect, boldText(msg(message, {}, locale)), { fontSize: 14, align: 'center', rotation });
    };
    axis('axis-does', layout.columns.does, 'axisDoes');
    axis('axis-does-not', layout.columns.doesNot, 'axisDoesNot');
    axis('axis-should', layout.rows.should, 'axisShould', 270);
    axis('axis-should-not', layout.rows.shouldNot, 'axisShouldNot', 270);
    for (const field of FIELD_ORDER) {
      const info = MATRIX_FIELDS.find((f) => f.field === field);
      if (info === undefined) continue;
      const text = { paragraphs: [{ text: info.title[locale], strong: true }, { text: info.question[locale] }] };
      canvas.shape(fieldKey(field), 'background', layout.fields[field].frame, text, {
        fill: FIELD_FILL[field],
        corners: 'square',
        outline: 'soft',
        fontSize: 12,
        align: 'left',
        valign: 'top',
      });
    }
    for (const field of FIELD_ORDER) {
      const inField = notes.filter((n) => n.field === field);
      const slots = noteSlots(field, inField.length);
      inField.forEach((note, i) => {
        const slot = slots[i];
        if (slot === undefined) return;
        canvas.sticky(`note-${field}-${i}`, slot, { paragraphs: [{ text: noteText(note.text, note.criterion) }], name: note.text }, note.color ?? 'yellow', note.id);
      });
    }
  },

  recognizes(items) {
    const titles = MATRIX_FIELDS.flatMap((f) => [normText(f.title.da), normText(f.title.en)]);
    return items.some((i) => i.type === 'shape' && titles.some((t) => normText(i.text).startsWith(t)));
  },

  readBack(items) {
    const unplaced: PlacedMiroItem[] = [];
    const fields = fieldRects(items);
    const byField = new Map<MatrixField, PlacedMiroItem[]>();
    for (const item of items) {
      if (item.type !== 'sticky' || item.text === '') continue;
      // The smallest field under the note wins where moved fields overlap.
      const under = fields.filter(([, r]) => centreIn(item, r)).sort(([, a], [, b]) => a.w * a.h - b.w * b.h)[0];
      if (under === undefined) {
        unplaced.push(item);
        continue;
      }
      byField.set(under[0], [...(byField.get(under[0]) ?? []), item]);
    }
    const notes: MatrixNoteOut[] = [];
    for (const field of FIELD_ORDER) {
      [...(byField.get(field) ?? [])].sort(byPosition).forEach((item, i) => {
        const { criterion, text } = splitCriterion(item.text);
        notes.push({ field, text: clip(text, MAX_MATRIX_NOTE), criterion, color: item.color, order: i + 1 });
      });
    }
    return { records: { notes }, unplaced };
  },

  records: ['matrix-note'],

  write(board, widget, records, origin) {
    for (const n of records.notes) {
      board.create('matrix-note', { props: { widget, field: n.field, text: n.text, criterion: n.criterion, order: n.order, color: n.color } }, origin);
    }
  },

  count(records) {
    return records.notes.length;
  },

  tally(records, locale) {
    return MATRIX_FIELDS.map((f) => ({ place: f.title[locale], count: records.notes.filter((n) => n.field === f.field).length }));
  },

  contentOf(board, widget) {
    const byField = readMatrix(board, widget);
    const notes = FIELD_ORDER.flatMap((field) =>
      byField[field].map((n): MatrixNoteInput => ({ field, text: n.props.text, criterion: n.props.criterion, color: n.props.color, id: n.id })),
    );
    return { notes };
  },
};
