/** The reflection wall widget: the element. */
export { KbReflectionWall } from './reflection-wall.js';
export type { LikeEventDetail, PostEventDetail, ReflectionWallEvents } from './reflection-wall.js';
