/** Matrix note: a sticky note in one field of the Bør/Gør matrix, optionally tagged with a criterion. */
import { integer, number, object, oneOf, string } from './validate.js';
import type { Infer } from './validate.js';
import { itemId } from './ids.js';
import { NOTE_COLORS } from './note.js';

export const kind = 'matrix-note';
export const owner = 'widget';
export const MATRIX_FIELDS = ['bor-gor', 'bor-ikke-gor', 'gor-ikke-bor', 'hverken'] as const;
export type MatrixFieldId = (typeof MATRIX_FIELDS)[number];
export const MAX_MATRIX_NOTE = 500;

export const propsValidator = object({
  widget: itemId,
  field: oneOf(MATRIX_FIELDS),
  text: string({ max: MAX_MATRIX_NOTE }),
  /** 1..7: the criterion the note concerns; 0: none. */
  criterion: integer({ min: 0, max: 7 }),
  /** Sort key within the field (fractional: insert between two by their mean). */
  order: number({ min: -1e12, max: 1e12 }),
  color: oneOf(NOTE_COLORS),
});
export type Props = Infer<typeof propsValidator>;

export function defaultProps(): Props {
  return { widget: 'unset', field: 'bor-gor', text: '', criterion: 0, order: 0, color: 'yellow' };
}
export const defaultSize = { w: 1, h: 1 } as const;
