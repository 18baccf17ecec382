/** What only the exports, the plenum ask of this kind; listed in ../full.ts (see ../kind.ts). */
import type { KindFacets } from '../kind.js';
import { reflectionWallExport } from './export.js';
import type { WallColumn } from './records.js';
import { renderReflectionWall } from './render.js';

export type ReflectionWallFacets = KindFacets<WallColumn[]>;

export const facets: ReflectionWallFacets = {
  renderSvg: renderReflectionWall,
  export: reflectionWallExport,
};
