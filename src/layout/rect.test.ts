import { describe, expect, it } from 'vitest';
import { contains, flowSlots, inset, overlaps } from './rect.js';

describe('rect helpers', () => {
  it('flows cells left to right then down without overlap, inside the area', () => {
    const area = { x: 10, y: 20, w: 330, h: 1000 };
    const slots = flowSlots(area, 7, { w: 100, h: 50 }, 10);
    expect(slots.slice(0, 4).map((s) => [s.x, s.y])).toEqual([[10, 20], [120, 20], [230, 20], [10, 80]]);
    for (let i = 0; i < slots.length; i++) {
      for (let j = i + 1; j < slots.length; j++) expect(overlaps(slots[i]!, slots[j]!)).toBe(false);
      expect(slots[i]!.x + slots[i]!.w).toBeLessThanOrEqual(area.x + area.w);
    }
  });
  it('contains, overlaps and inset', () => {
    expect(contains({ x: 0, y: 0, w: 10, h: 10 }, 5, 10)).toBe(true);
    expect(contains({ x: 0, y: 0, w: 10, h: 10 }, 11, 5)).toBe(false);
    expect(overlaps({ x: 0, y: 0, w: 10, h: 10 }, { x: 10, y: 0, w: 5, h: 5 })).toBe(false);
    expect(inset({ x: 0, y: 0, w: 10, h: 4 }, 3)).toEqual({ x: 3, y: 3, w: 4, h: 0 });
  });
});
