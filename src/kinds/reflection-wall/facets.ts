/** What only the exports and the plenum (its synthesis) ask of this kind; listed in ../full.ts (see ../kind.ts). */
import type { KindFacets, KindSynthesis } from '../kind.js';
import { reflectionWallExport } from './export.js';
import type { WallColumn } from './records.js';
import { renderReflectionWall } from './render.js';
import { reflectionWallSynthesis, type WallAnswers } from './synthesis.js';

export type ReflectionWallFacets = KindFacets<WallColumn[]> & { synthesis: KindSynthesis<WallColumn[], WallAnswers> };

export const facets: ReflectionWallFacets = {
  renderSvg: renderReflectionWall,
  synthesis: reflectionWallSynthesis,
  export: reflectionWallExport,
};
