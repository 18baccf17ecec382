/** What only the exports, the plenum (its synthesis) and the Miro app ask of this kind; listed in ../full.ts (see ../kind.ts). */
import type { KindFacets, KindSynthesis } from '../kind.js';
import type { WithMiro } from '../miro.js';
import { sevenThemesExport } from './export.js';
import { sevenThemesMiro } from './miro.js';
import type { ThemeState } from './records.js';
import { renderSevenThemes } from './render.js';
import { sevenThemesSynthesis, type CriteriaMatrix } from './synthesis.js';

export type SevenThemesFacets = KindFacets<ThemeState[]> & { synthesis: KindSynthesis<ThemeState[], CriteriaMatrix> } & WithMiro<typeof sevenThemesMiro>;

export const facets: SevenThemesFacets = {
  renderSvg: renderSevenThemes,
  synthesis: sevenThemesSynthesis,
  export: sevenThemesExport,
  miro: sevenThemesMiro,
};
