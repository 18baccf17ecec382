/** The reflection wall widget: the element, its seeding, and its data helpers. */
export { KbReflectionWall } from './reflection-wall.js';
export type { LikeEventDetail, PostEventDetail } from './reflection-wall.js';
export { seedWall } from './seed.js';
