/** Rectangles and small geometry shared by every widget layout. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function contains(r: Rect, x: number, y: number): boolean {
  return x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

export function inset(r: Rect, by: number): Rect {
  return { x: r.x + by, y: r.y + by, w: Math.max(0, r.w - 2 * by), h: Math.max(0, r.h - 2 * by) };
}

/**
 * Slots for `count` equal cells flowing left to right, then down, inside `area`.
 * Cells keep `cell` size; the number per row is what fits. Used for notes and cards.
 */
export function flowSlots(area: Rect, count: number, cell: { w: number; h: number }, gap: number): Rect[] {
  const perRow = Math.max(1, Math.floor((area.w + gap) / (cell.w + gap)));
  return Array.from({ length: count }, (_, i) => ({
    x: area.x + (i % perRow) * (cell.w + gap),
    y: area.y + Math.floor(i / perRow) * (cell.h + gap),
    w: cell.w,
    h: cell.h,
  }));
}
