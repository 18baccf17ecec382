import { describe, expect, it } from 'vitest';
import { between, revealView } from './task-motion.js';
import {
  boundsOf,
  clampZoom,
  fitView,
  freeArea,
  hitBand,
  MAX_ZOOM,
  overlapArea,
  panBy,
  rectFrom,
  screenToWorld,
  shownRect,
  taskView,
  worldToScreen,
  zoomAt,
} from './viewport.js';

describe('viewport math', () => {
  it('screen and board coordinates are inverse', () => {
    const v = { x: 100, y: -50, zoom: 2 };
    const w = screenToWorld(v, 300, 40);
    expect(w).toEqual({ x: 250, y: -30 });
    expect(worldToScreen(v, w.x, w.y)).toEqual({ x: 300, y: 40 });
  });

  it('zooming keeps the point under the pointer still, within limits', () => {
    const v = { x: 10, y: 20, zoom: 1 };
    const before = screenToWorld(v, 400, 300);
    const z = zoomAt(v, 400, 300, 1.5);
    const after = screenToWorld(z, 400, 300);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
    expect(zoomAt({ x: 0, y: 0, zoom: 3 }, 0, 0, 10).zoom).toBe(MAX_ZOOM);
    expect(clampZoom(0)).toBe(0.1);
  });

  it('panning moves the board with the pointer', () => {
    expect(panBy({ x: 0, y: 0, zoom: 2 }, 100, -40)).toEqual({ x: -50, y: 20, zoom: 2 });
  });

  it('fits every item on screen, never zooming past 100 %', () => {
    const b = boundsOf([{ x: 0, y: 0, w: 100, h: 100 }, { x: 1900, y: 900, w: 100, h: 100 }]);
    expect(b).toEqual({ x: 0, y: 0, w: 2000, h: 1000 });
    const v = fitView(b, { w: 1096, h: 800 });
    expect(v.zoom).toBeCloseTo(0.5);
    const tl = worldToScreen(v, 0, 0);
    const br = worldToScreen(v, 2000, 1000);
    expect(tl.x).toBeGreaterThanOrEqual(47);
    expect(br.x).toBeLessThanOrEqual(1096 - 47);
    expect(fitView({ x: 0, y: 0, w: 10, h: 10 }, { w: 1000, h: 1000 }).zoom).toBe(1);
  });

  it('fits inside the free area left by floating bars', () => {
    const v = fitView({ x: 0, y: 0, w: 1000, h: 500 }, { w: 1220, h: 600 }, { top: 50, right: 0, bottom: 50, left: 220 });
    expect(v.zoom).toBe(1);
    expect(worldToScreen(v, 0, 0)).toEqual({ x: 220, y: 50 });
    expect(worldToScreen(v, 1000, 500)).toEqual({ x: 1220, y: 550 });
  });

  it('rubber band selects intersecting items', () => {
    const items = [
      { id: 'a', rect: { x: 0, y: 0, w: 10, h: 10 } },
      { id: 'b', rect: { x: 50, y: 50, w: 10, h: 10 } },
    ];
    expect(hitBand(items, rectFrom({ x: 20, y: 20 }, { x: 5, y: 5 }))).toEqual(['a']);
    expect(hitBand(items, rectFrom({ x: -1, y: -1 }, { x: 100, y: 100 }))).toEqual(['a', 'b']);
  });

  it('a task view fits the tool’s width, but never below the legible zoom, and pans along what does not fit', () => {
    const area = freeArea({ w: 1280, h: 700 }, { top: 72, right: 12, bottom: 60, left: 238 });
    expect(area).toEqual({ x: 238, y: 72, w: 1030, h: 568 });
    // A 960-wide tool at the legible zoom 14/13.5: wider than it needs, so it is fitted (1030/960).
    const tool = { x: 0, y: -40, w: 960, h: 760 };
    const v = taskView(tool, area, 14 / 13.5, 1.5);
    expect(v.zoom).toBeCloseTo(1030 / 960);
    expect(worldToScreen(v, 0, 0).x).toBeCloseTo(238);
    // Taller than the area: it starts at its top, under the toolbar.
    expect(worldToScreen(v, 0, -40).y).toBeCloseTo(72);
    // On a phone the legible zoom wins over the fit: the tool starts at the left, the rest pans.
    const phone = freeArea({ w: 390, h: 600 }, { top: 12, right: 12, bottom: 70, left: 12 });
    const p = taskView(tool, phone, 12 / 13.5, 1.5);
    expect(p.zoom).toBeCloseTo(12 / 13.5);
    expect(worldToScreen(p, 0, -40)).toEqual({ x: 12, y: 12 });
    expect(shownRect(p, phone).w).toBeCloseTo(366 / (12 / 13.5));
    // A small tool is centred, and not blown up past the largest zoom.
    const small = taskView({ x: 100, y: 100, w: 200, h: 100 }, area, 0.5, 1.5);
    expect(small.zoom).toBe(1.5);
    const c = worldToScreen(small, 200, 150);
    expect(c.x).toBeCloseTo(238 + 1030 / 2);
    expect(c.y).toBeCloseTo(72 + 568 / 2);
  });

  it('reveals a focused element by moving as little as it can, zooming up to the legible zoom', () => {
    const area = { x: 0, y: 0, w: 800, h: 600 };
    const v = { x: 0, y: 0, zoom: 1 };
    // Already on screen at a legible zoom: nothing to do.
    expect(revealView(v, { x: 100, y: 100, w: 50, h: 20 }, area, 1)).toBeNull();
    // Off to the right: the view moves just far enough.
    const right = revealView(v, { x: 900, y: 100, w: 50, h: 20 }, area, 1)!;
    expect(right.zoom).toBe(1);
    const shown = shownRect(right, area);
    expect(shown.x + shown.w).toBeCloseTo(950);
    expect(shown.y).toBe(0);
    // Too small to read: zoomed to the legible zoom, the element inside the view.
    const tiny = revealView({ x: 0, y: 0, zoom: 0.25 }, { x: 1000, y: 1000, w: 40, h: 10 }, area, 1.2)!;
    expect(tiny.zoom).toBe(1.2);
    const s2 = shownRect(tiny, area);
    expect(s2.x).toBeLessThanOrEqual(1000);
    expect(s2.x + s2.w).toBeGreaterThanOrEqual(1040);
    expect(s2.y).toBeLessThanOrEqual(1000);
    expect(s2.y + s2.h).toBeGreaterThanOrEqual(1010);
  });

  it('a glide moves the centre evenly and the zoom geometrically', () => {
    const size = { w: 1000, h: 500 };
    const a = { x: 0, y: 0, zoom: 1 };
    const b = { x: 1000, y: 0, zoom: 4 };
    expect(between(a, b, 0, size)).toEqual(a);
    const end = between(a, b, 1, size);
    expect(end.zoom).toBeCloseTo(4);
    expect(end.x).toBeCloseTo(1000);
    const mid = between(a, b, 0.5, size);
    expect(mid.zoom).toBeCloseTo(2);
    // The centre is half way: (500 + 1125) / 2 on the board.
    expect(mid.x + 500 / mid.zoom).toBeCloseTo((500 + (1000 + 500 / 4)) / 2);
  });

  it('measures how much two rects share', () => {
    expect(overlapArea({ x: 0, y: 0, w: 10, h: 10 }, { x: 5, y: 5, w: 10, h: 10 })).toBe(25);
    expect(overlapArea({ x: 0, y: 0, w: 10, h: 10 }, { x: 20, y: 0, w: 10, h: 10 })).toBe(0);
  });
});
