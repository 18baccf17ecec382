/** The competence profile widget: `<kb-competence-profile>` and its cards. */
export { KbCompetenceProfile } from './competence-profile.js';
export type { CompetenceProfileEvents } from './competence-profile.js';
export { KbCompetenceCard } from './competence-card.js';
