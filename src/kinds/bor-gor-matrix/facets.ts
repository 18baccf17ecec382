/** What only the exports, the plenum and the Miro app ask of this kind; listed in ../full.ts (see ../kind.ts). */
import type { KindFacets } from '../kind.js';
import type { WithMiro } from '../miro.js';
import { borGorMatrixExport } from './export.js';
import { borGorMatrixMiro } from './miro.js';
import type { NotesByField } from './records.js';
import { renderBorGorMatrix } from './render.js';

export type BorGorMatrixFacets = KindFacets<NotesByField> & WithMiro<typeof borGorMatrixMiro>;

export const facets: BorGorMatrixFacets = {
  renderSvg: renderBorGorMatrix,
  export: borGorMatrixExport,
  miro: borGorMatrixMiro,
};
