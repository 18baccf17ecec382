import { describe, expect, it } from 'vitest';
import { contains, overlaps } from '../../layout/rect.js';
import type { Rect } from '../../layout/rect.js';
import {
  columnAt,
  columnRects,
  composerRects,
  headerRects,
  MAX_WALL_COLUMNS,
  nearestSlot,
  postAreaRects,
  postSlots,
  toolbarRect,
  WALL_SIZE,
  wallLayout,
} from './layout.js';

const bounds: Rect = { x: 0, y: 0, w: WALL_SIZE.w, h: WALL_SIZE.h };

function inside(outer: Rect, r: Rect): boolean {
  const e = 1e-6;
  return r.w > 0 && r.h > 0 && r.x >= outer.x - e && r.y >= outer.y - e && r.x + r.w <= outer.x + outer.w + e && r.y + r.h <= outer.y + outer.h + e;
}

function noOverlaps(rects: readonly Rect[]): boolean {
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) if (overlaps(rects[i]!, rects[j]!)) return false;
  }
  return true;
}

describe('reflection wall layout', () => {
  it('has a natural size of 1200x800 and no columns for n = 0', () => {
    expect(WALL_SIZE).toEqual({ w: 1200, h: 800 });
    expect(columnRects(0)).toEqual([]);
    expect(postSlots(0, 0, 3)).toEqual([]);
    expect(postSlots(3, 5, 3)).toEqual([]);
  });

  it('puts the toolbar and the columns inside the wall, side by side, without overlap', () => {
    for (let n = 1; n <= 12; n++) {
      const columns = columnRects(n);
      expect(columns).toHaveLength(n);
      expect(noOverlaps([toolbarRect(), ...columns])).toBe(true);
      for (const c of [toolbarRect(), ...columns]) expect(inside(bounds, c)).toBe(true);
      for (let i = 1; i < n; i++) expect(columns[i]!.x).toBeGreaterThan(columns[i - 1]!.x);
      expect(new Set(columns.map((c) => c.w.toFixed(6))).size).toBe(1);
    }
  });

  it('puts header, composer and posts area inside their column, stacked without overlap', () => {
    for (let n = 1; n <= MAX_WALL_COLUMNS + 2; n++) {
      const columns = columnRects(n);
      const headers = headerRects(n);
      const composers = composerRects(n);
      const areas = postAreaRects(n);
      columns.forEach((c, i) => {
        const parts = [headers[i]!, composers[i]!, areas[i]!];
        for (const p of parts) expect(inside(c, p)).toBe(true);
        expect(noOverlaps(parts)).toBe(true);
        expect(headers[i]!.y).toBeLessThan(composers[i]!.y);
        expect(composers[i]!.y).toBeLessThan(areas[i]!.y);
      });
      expect(noOverlaps(columns.flatMap((_, i) => [headers[i]!, composers[i]!, areas[i]!]))).toBe(true);
    }
  });

  it('places any number of posts inside the posts area, without overlap, newest last', () => {
    for (const n of [1, 3, MAX_WALL_COLUMNS]) {
      const areas = postAreaRects(n);
      for (const count of [1, 2, 5, 8, 13, 30, 120]) {
        for (let ci = 0; ci < n; ci++) {
          const slots = postSlots(n, ci, count);
          expect(slots).toHaveLength(count);
          for (const s of slots) expect(inside(areas[ci]!, s)).toBe(true);
          expect(noOverlaps(slots)).toBe(true);
          // Reading order: each slot is right of or below the one before it.
          for (let i = 1; i < count; i++) {
            const a = slots[i - 1]!;
            const b = slots[i]!;
            expect(b.y > a.y || (b.y === a.y && b.x > a.x)).toBe(true);
          }
        }
      }
    }
  });

  it('keeps posts one per row and readable while they fit, then goes two per row', () => {
    const few = postSlots(3, 0, 3);
    expect(new Set(few.map((s) => s.x)).size).toBe(1);
    expect(few[0]!.h).toBeGreaterThanOrEqual(64);
    expect(few[0]!.h).toBeLessThanOrEqual(120);
    const many = postSlots(3, 0, 10);
    expect(new Set(many.map((s) => s.x)).size).toBe(2);
    for (const s of many) expect(s.h).toBeGreaterThanOrEqual(64);
  });

  it('finds the column under a point and the nearest slot', () => {
    const columns = columnRects(3);
    const mid = (r: Rect) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
    columns.forEach((c, i) => {
      const p = mid(c);
      expect(contains(c, p.x, p.y)).toBe(true);
      expect(columnAt(3, p.x, p.y)).toBe(i);
    });
    expect(columnAt(3, 2, 2)).toBe(-1);
    const slots = postSlots(3, 1, 4);
    const p = mid(slots[2]!);
    expect(nearestSlot(slots, p.x, p.y)).toBe(2);
    expect(nearestSlot([], 0, 0)).toBe(-1);
  });

  it('is deterministic and consistent with wallLayout', () => {
    expect(JSON.stringify(columnRects(4))).toBe(JSON.stringify(columnRects(4)));
    const layout = wallLayout(4);
    expect(layout.size).toEqual(WALL_SIZE);
    expect(layout.columns).toEqual(columnRects(4));
    expect(layout.headers).toEqual(headerRects(4));
    expect(layout.composers).toEqual(composerRects(4));
    expect(layout.postAreas).toEqual(postAreaRects(4));
    expect(layout.toolbar).toEqual(toolbarRect());
    expect(layout.postSlots(2, 7)).toEqual(postSlots(4, 2, 7));
  });
});
