/** Where an item sits: position, size, stacking order and containing frame. */
import { itemId } from './ids.js';
import { nullable, number, object } from './validate.js';
import type { Validator } from './validate.js';

/**
 * An item's geometry. `x`/`y` are board coordinates of the top-left corner (absolute, not
 * relative to the parent); `z` orders drawing (higher is on top); `parent` is the id of the
 * containing frame (or other container item) or `null`.
 */
export interface Geometry {
  x: number;
  y: number;
  w: number;
  h: number;
  z: number;
  parent: string | null;
}

/** Largest |x| and |y| accepted. */
export const MAX_COORDINATE = 1e7;
/** Largest width and height accepted (both must also be > 0). */
export const MAX_SIZE = 100_000;

const coordinate = number({ min: -MAX_COORDINATE, max: MAX_COORDINATE });
const size = number({ min: 0, exclusiveMin: true, max: MAX_SIZE });

/** Validates a stored geometry record. */
export const geometryValidator: Validator<Geometry> = object({
  x: coordinate,
  y: coordinate,
  w: size,
  h: size,
  z: number(),
  parent: nullable(itemId),
});

/** Geometry used when a record has none (a kind's `defaultSize` overrides `w` and `h`). */
export const defaultGeometry: Readonly<Geometry> = Object.freeze({ x: 0, y: 0, w: 200, h: 200, z: 0, parent: null });

/** Clamps a coordinate into the accepted range (used when children follow a moved frame). */
export function clampCoordinate(v: number): number {
  return Math.min(MAX_COORDINATE, Math.max(-MAX_COORDINATE, v));
}
