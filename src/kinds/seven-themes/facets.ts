/** What only the exports, the plenum and the Miro app ask of this kind; listed in ../full.ts (see ../kind.ts). */
import type { KindFacets } from '../kind.js';
import type { WithMiro } from '../miro.js';
import { sevenThemesExport } from './export.js';
import { sevenThemesMiro } from './miro.js';
import type { ThemeState } from './records.js';
import { renderSevenThemes } from './render.js';

export type SevenThemesFacets = KindFacets<ThemeState[]> & WithMiro<typeof sevenThemesMiro>;

export const facets: SevenThemesFacets = {
  renderSvg: renderSevenThemes,
  export: sevenThemesExport,
  miro: sevenThemesMiro,
};
