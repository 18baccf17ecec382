/** The reflection wall widget: the element. */
export { KbReflectionWall } from './reflection-wall.js';
export type { LikeEventDetail, PostEventDetail } from './reflection-wall.js';
