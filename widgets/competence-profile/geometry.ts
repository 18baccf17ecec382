/** Small geometry helpers of the competence profile element (no Lit). */
import type { Rect } from '../../src/layout/rect.js';
import { COMPETENCE_PROFILE_SIZE } from '../../src/kinds/competence-profile/layout.js';
import type { Geometry } from '../../src/model/index.js';

/** Inline style placing `r` inside a positioned parent whose rect is `parent`. */
export function place(r: Rect, parent: { x: number; y: number } = { x: 0, y: 0 }): string {
  return `left:${r.x - parent.x}px;top:${r.y - parent.y}px;width:${r.w}px;height:${r.h}px`;
}

/** Board units per layout unit, for a widget drawn at `geometry` (1 when unknown). */
function unit(geometry: Geometry | undefined): number {
  return geometry && geometry.w > 0 ? geometry.w / COMPETENCE_PROFILE_SIZE.w : 1;
}

/** Widget-local point to board coordinates (widget position plus the scaled local position). */
export function toBoard(geometry: Geometry | undefined, p: { x: number; y: number }): { x: number; y: number } {
  const u = unit(geometry);
  return { x: (geometry?.x ?? 0) + p.x * u, y: (geometry?.y ?? 0) + p.y * u };
}

/** Board point to widget-local coordinates (the inverse of {@link toBoard}). */
export function fromBoard(geometry: Geometry | undefined, p: { x: number; y: number }): { x: number; y: number } {
  const u = unit(geometry);
  return { x: (p.x - (geometry?.x ?? 0)) / u, y: (p.y - (geometry?.y ?? 0)) / u };
}
