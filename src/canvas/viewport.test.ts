import { describe, expect, it } from 'vitest';
import { boundsOf, clampZoom, fitView, hitBand, MAX_ZOOM, panBy, rectFrom, screenToWorld, worldToScreen, zoomAt } from './viewport.js';

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
});
