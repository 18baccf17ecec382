/** The competence profile widget: `<kb-competence-profile>`, its cards, and deck seeding. */
export { KbCompetenceProfile } from './competence-profile.js';
export { KbCompetenceCard } from './competence-card.js';
export { cardsIn, cardsOf, replaceDeck, seedDeck } from './seed.js';
export type { CompetenceCard } from './seed.js';
