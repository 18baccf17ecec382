/** What only the exports, the plenum (its synthesis) and the Miro app ask of this kind; listed in ../full.ts (see ../kind.ts). */
import type { KindFacets, KindSynthesis } from '../kind.js';
import type { WithMiro } from '../miro.js';
import { competenceProfileExport } from './export.js';
import { competenceProfileMiro } from './miro.js';
import type { ProfileData } from './records.js';
import { renderCompetenceProfile } from './render.js';
import { competenceProfileSynthesis, type CardRanking } from './synthesis.js';

export type CompetenceProfileFacets = KindFacets<ProfileData> & { synthesis: KindSynthesis<ProfileData, CardRanking> } & WithMiro<typeof competenceProfileMiro>;

export const facets: CompetenceProfileFacets = {
  renderSvg: renderCompetenceProfile,
  synthesis: competenceProfileSynthesis,
  export: competenceProfileExport,
  miro: competenceProfileMiro,
};
