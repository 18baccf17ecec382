/**
 * Where a new frame goes when the facilitator clicks "place" instead of dragging: empty space
 * near the middle of the view (Miro's `findEmptySpace`), so frames placed one after another
 * never land on each other; an SDK without it gets a spot clear of every frame's bounds.
 */
import { CREDIT_COST } from './limiter.js';
import type { CreditLimiter } from './limiter.js';
import type { BoardPort, MiroRect } from './sdk.js';

/** The gap kept around a new frame (Miro units). */
export const FRAME_GAP = 100;

const overlaps = (a: MiroRect, b: MiroRect, gap: number): boolean =>
  a.x - gap < b.x + b.width && b.x < a.x + a.width + gap && a.y - gap < b.y + b.height && b.y < a.y + a.height + gap;

/**
 * The centre nearest to `near` (stepping right, then row by row below) where a `size` rect keeps
 * `gap` from every rect of `taken` (top-left based, as `MiroRect`).
 */
export function freeSpot(taken: readonly MiroRect[], near: { x: number; y: number }, size: { width: number; height: number }, gap = FRAME_GAP): { x: number; y: number } {
  const stepX = size.width + gap;
  const stepY = size.height + gap;
  for (let row = 0; row < 100; row++) {
    for (let col = 0; col < 20; col++) {
      const x = near.x + col * stepX;
      const y = near.y + row * stepY;
      const r = { x: x - size.width / 2, y: y - size.height / 2, width: size.width, height: size.height };
      if (taken.every((t) => !overlaps(r, t, gap))) return { x, y };
    }
  }
  return near;
}

/** The middle of the user's view. */
export async function viewCentre(board: BoardPort, limiter: CreditLimiter): Promise<{ x: number; y: number }> {
  await limiter.take(CREDIT_COST.item);
  const v = await board.viewport.get();
  return { x: v.x + v.width / 2, y: v.y + v.height / 2 };
}

/** Empty space for a `size` frame near the view's centre. */
export async function emptySpot(board: BoardPort, limiter: CreditLimiter, size: { width: number; height: number }): Promise<{ x: number; y: number }> {
  const near = await viewCentre(board, limiter);
  try {
    await limiter.take(CREDIT_COST.item);
    const r = await board.findEmptySpace({ x: near.x, y: near.y, width: size.width, height: size.height, offset: FRAME_GAP });
    if (Number.isFinite(r.x) && Number.isFinite(r.y)) return { x: r.x, y: r.y };
  } catch {
    // An SDK without findEmptySpace: keep clear of the frames instead.
  }
  await limiter.take(CREDIT_COST.item);
  const frames = await board.get({ type: 'frame' });
  const taken = frames.map((f) => ({ x: (f.x ?? 0) - (f.width ?? 0) / 2, y: (f.y ?? 0) - (f.height ?? 0) / 2, width: f.width ?? 0, height: f.height ?? 0 }));
  return freeSpot(taken, near, size);
}
