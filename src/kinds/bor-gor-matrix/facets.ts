/** What only the exports, the plenum (its synthesis) and the Miro app ask of this kind; listed in ../full.ts (see ../kind.ts). */
import type { KindFacets, KindSynthesis } from '../kind.js';
import type { WithMiro } from '../miro.js';
import { borGorMatrixExport } from './export.js';
import { borGorMatrixMiro } from './miro.js';
import type { NotesByField } from './records.js';
import { renderBorGorMatrix } from './render.js';
import { borGorMatrixSynthesis, type GatheredMatrix } from './synthesis.js';

export type BorGorMatrixFacets = KindFacets<NotesByField> & { synthesis: KindSynthesis<NotesByField, GatheredMatrix> } & WithMiro<typeof borGorMatrixMiro>;

export const facets: BorGorMatrixFacets = {
  renderSvg: renderBorGorMatrix,
  synthesis: borGorMatrixSynthesis,
  export: borGorMatrixExport,
  miro: borGorMatrixMiro,
};
