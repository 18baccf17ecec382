/**
 * The Bør/Gør matrix as a widget kind: four fields (should/does) holding the group's notes,
 * each optionally tagged with a quality criterion. It starts empty, so nothing is seeded.
 */
import type { WidgetKind } from '../kind.js';
import { BOR_GOR_SIZE, borGorLayout } from './layout.js';
import { readMatrix, type NotesByField } from './records.js';

export const borGorMatrix: WidgetKind<'bor-gor-matrix', NotesByField> = {
  type: 'bor-gor-matrix',
  part: 'kaedeansvar',
  tag: 'kb-bor-gor-matrix',
  size: BOR_GOR_SIZE,
  seed() {},
  layout: borGorLayout,
  read: readMatrix,
};
