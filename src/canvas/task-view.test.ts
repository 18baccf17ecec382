import { describe, expect, it } from 'vitest';
import type { CanvasItem } from './item-view.js';
import { BODY_TEXT, bodyText, chromeInsets, minTextPx, toolBox } from './task-view.js';

const widget = (type: keyof typeof BODY_TEXT, w: number): CanvasItem =>
  ({ id: 'w1', kind: 'widget', props: { widget: type }, geometry: { x: 10, y: 50, w, h: 600, z: 0, parent: null } }) as CanvasItem;

describe('the task view’s rules', () => {
  it('asks 14 px text on a laptop or tablet and 12 px on a phone', () => {
    expect(minTextPx(1280)).toBe(14);
    expect(minTextPx(820)).toBe(14);
    expect(minTextPx(390)).toBe(12);
  });

  it('knows each tool’s body text, the matrix scaling with its width', () => {
    expect(bodyText(widget('bor-gor-matrix', 960))).toBe(13.5);
    expect(bodyText(widget('bor-gor-matrix', 1920))).toBe(27);
    expect(bodyText(widget('competence-profile', 2000))).toBe(14);
    expect(toolBox(widget('seven-themes', 960))).toEqual({ x: 10, y: 10, w: 960, h: 640 });
  });

  it('keeps the tool clear of bars along the edges, not of floating ones', () => {
    const size = { w: 1280, h: 700 };
    const palette = { x: 12, y: 12, w: 214, h: 390 };
    const toolbar = { x: 800, y: 12, w: 470, h: 50 };
    const people = { x: 1160, y: 72, w: 110, h: 70 };
    const status = { x: 12, y: 650, w: 110, h: 40 };
    expect(chromeInsets(size, [palette, toolbar, people, status])).toEqual({ top: 74, right: 12, bottom: 62, left: 238 });
    // A phone's bottom bar takes the bottom strip.
    expect(chromeInsets({ w: 390, h: 700 }, [{ x: 0, y: 640, w: 390, h: 60 }])).toEqual({ top: 12, right: 12, bottom: 72, left: 12 });
    // Hidden bars count for nothing.
    expect(chromeInsets(size, [{ x: 0, y: 0, w: 0, h: 0 }])).toEqual({ top: 12, right: 12, bottom: 12, left: 12 });
  });
});
