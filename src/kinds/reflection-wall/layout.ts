/**
 * Geometry of the reflection wall (the module's Padlet), in widget-local units of its natural
 * size {@link WALL_SIZE}. Pure: no DOM, no Lit. Used by `<kb-reflection-wall>` and by the Miro
 * adapter, which places the same parts as native Miro items.
 *
 * Parts, top to bottom: a toolbar strip across the wall; then `n` columns side by side, each
 * with a header (title and questions), a composer (the answer field) and a posts area in which
 * {@link postSlots} places the posts, newest last, left to right then down.
 */
import type { Rect } from '../../layout/rect.js';

/** The wall's natural size (3:2, like a widget's default geometry). */
export const WALL_SIZE = { w: 1200, h: 800 } as const;
/** How many columns the wall offers to add (more, from concurrent adds, still lay out). */
export const MAX_WALL_COLUMNS = 6;

const PAD = 16;
const COLUMN_GAP = 16;
const TOOLBAR_H = 44;
const INNER = 10;
const HEADER_H = 170;
const COMPOSER_H = 128;
const PART_GAP = 8;
const POST_GAP = 8;
/** A post is at most this tall, and is not made narrower or shorter than these while others fit. */
const POST_MAX_H = 120;
const POST_MIN_H = 64;
const POST_MIN_W = 150;

/** The strip above the columns (the wall's name, "Add column", the locked note). */
export function toolbarRect(): Rect {
  return { x: PAD, y: 6, w: WALL_SIZE.w - 2 * PAD, h: TOOLBAR_H - 6 };
}

/** The rects of `n` columns side by side (any n ≥ 0; gaps shrink when there are very many). */
export function columnRects(n: number): Rect[] {
  const count = Math.max(0, Math.floor(n));
  if (count === 0) return [];
  const top = TOOLBAR_H + 6;
  const h = WALL_SIZE.h - top - PAD;
  const span = WALL_SIZE.w - 2 * PAD;
  const gap = count > 1 ? Math.min(COLUMN_GAP, span / (4 * (count - 1))) : 0;
  const w = (span - (count - 1) * gap) / count;
  return Array.from({ length: count }, (_, i) => ({ x: PAD + i * (w + gap), y: top, w, h }));
}

/** Inner parts of one column: header, composer and posts area (absolute widget units). */
function columnParts(column: Rect): { header: Rect; composer: Rect; posts: Rect } {
  const pad = Math.min(INNER, column.w / 8);
  const x = column.x + pad;
  const w = column.w - 2 * pad;
  const header = { x, y: column.y + pad, w, h: HEADER_H };
  const composer = { x, y: header.y + header.h + PART_GAP, w, h: COMPOSER_H };
  const postsY = composer.y + composer.h + PART_GAP;
  const posts = { x, y: postsY, w, h: column.y + column.h - pad - postsY };
  return { header, composer, posts };
}

/** The header (title, questions, column buttons) of each of `n` columns. */
export function headerRects(n: number): Rect[] {
  return columnRects(n).map((c) => columnParts(c).header);
}

/** The composer (answer field, "post without my name", "Post") of each of `n` columns. */
export function composerRects(n: number): Rect[] {
  return columnRects(n).map((c) => columnParts(c).composer);
}

/** The area holding the posts of each of `n` columns. */
export function postAreaRects(n: number): Rect[] {
  return columnRects(n).map((c) => columnParts(c).posts);
}

/**
 * Slots for `count` posts in column `columnIndex` of `n` columns, in order (newest last): one
 * post per row while they fit at a readable height, then two or more per row (as long as a post
 * stays readable wide), then shorter rows. Always inside the posts area, never overlapping.
 */
export function postSlots(n: number, columnIndex: number, count: number): Rect[] {
  const area = postAreaRects(n)[columnIndex];
  const c = Math.max(0, Math.floor(count));
  if (area === undefined || c === 0) return [];
  const maxPerRow = Math.max(1, Math.floor((area.w + POST_GAP) / (POST_MIN_W + POST_GAP)));
  let perRow = 1;
  for (; perRow < maxPerRow; perRow++) {
    const rows = Math.ceil(c / perRow);
    if ((area.h - (rows - 1) * POST_GAP) / rows >= POST_MIN_H) break;
  }
  const rows = Math.ceil(c / perRow);
  const gapY = Math.min(POST_GAP, area.h / (2 * rows));
  const h = Math.min(POST_MAX_H, (area.h - (rows - 1) * gapY) / rows);
  const gapX = perRow > 1 ? Math.min(POST_GAP, area.w / (4 * (perRow - 1))) : 0;
  const w = (area.w - (perRow - 1) * gapX) / perRow;
  return Array.from({ length: c }, (_, i) => ({
    x: area.x + (i % perRow) * (w + gapX),
    y: area.y + Math.floor(i / perRow) * (h + gapY),
    w,
    h,
  }));
}

/** The index of the column of `n` under the widget-local point, or -1. */
export function columnAt(n: number, x: number, y: number): number {
  return columnRects(n).findIndex((r) => x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h);
}

/** The index of the slot whose centre is nearest to the point (-1 when there are none). */
export function nearestSlot(slots: readonly Rect[], x: number, y: number): number {
  let best = -1;
  let bestD = Infinity;
  slots.forEach((s, i) => {
    const d = Math.hypot(s.x + s.w / 2 - x, s.y + s.h / 2 - y);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}

/** The whole wall for `n` columns: every part, and the post slots of each column. */
export interface WallLayout {
  size: { w: number; h: number };
  toolbar: Rect;
  columns: Rect[];
  headers: Rect[];
  composers: Rect[];
  postAreas: Rect[];
  postSlots(columnIndex: number, count: number): Rect[];
}

export function wallLayout(n: number): WallLayout {
  return {
    size: { ...WALL_SIZE },
    toolbar: toolbarRect(),
    columns: columnRects(n),
    headers: headerRects(n),
    composers: composerRects(n),
    postAreas: postAreaRects(n),
    postSlots: (columnIndex, count) => postSlots(n, columnIndex, count),
  };
}
