/** What only the exports, the plenum and the Miro app ask of this kind; listed in ../full.ts (see ../kind.ts). */
import type { KindFacets } from '../kind.js';
import type { WithMiro } from '../miro.js';
import { competenceProfileExport } from './export.js';
import { competenceProfileMiro } from './miro.js';
import type { ProfileData } from './records.js';
import { renderCompetenceProfile } from './render.js';

export type CompetenceProfileFacets = KindFacets<ProfileData> & WithMiro<typeof competenceProfileMiro>;

export const facets: CompetenceProfileFacets = {
  renderSvg: renderCompetenceProfile,
  export: competenceProfileExport,
  miro: competenceProfileMiro,
};
