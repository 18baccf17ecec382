/**
 * The Bør/Gør matrix as a widget kind: four fields (should/does) holding the group's notes,
 * each optionally tagged with a quality criterion. It starts empty, so nothing is seeded.
 */
import type { WidgetKind } from '../kind.js';
import type { WithMiro } from '../miro.js';
import { BOR_GOR_SIZE, borGorLayout } from './layout.js';
import { readMatrix, type NotesByField } from './records.js';
import { renderBorGorMatrix } from './render.js';
import { borGorMatrixMiro } from './miro.js';
import { borGorMatrixExport } from './export.js';

export const borGorMatrix: WidgetKind<'bor-gor-matrix', NotesByField> & WithMiro<typeof borGorMatrixMiro> = {
  type: 'bor-gor-matrix',
  part: 'kaedeansvar',
  tag: 'kb-bor-gor-matrix',
  size: BOR_GOR_SIZE,
  seed() {},
  layout: borGorLayout,
  read: readMatrix,
  renderSvg: renderBorGorMatrix,
  miro: borGorMatrixMiro,
  export: borGorMatrixExport,
};
