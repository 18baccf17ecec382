import { describe, expect, it } from 'vitest';
import { contains, overlaps } from '../../layout/rect.js';
import type { Rect } from '../../layout/rect.js';
import { NATURAL_SIZE, outlinePolygon, sampleChains, sevenThemesLayout } from './layout.js';
import type { PieceLayout, Point, Side } from './layout.js';

const layout = sevenThemesLayout();
const SIDES: Side[] = ['top', 'right', 'bottom', 'left'];
const OPPOSITE: Record<Side, Side> = { top: 'bottom', right: 'left', bottom: 'top', left: 'right' };
const piece = (n: number): PieceLayout => layout.pieces[n - 1] as PieceLayout;
const inside = (outer: Rect, inner: Rect): boolean =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
const circleRect = (c: { x: number; y: number; r: number }): Rect => ({ x: c.x - c.r, y: c.y - c.r, w: 2 * c.r, h: 2 * c.r });

/** Even-odd point-in-polygon test. */
function inPolygon(poly: Point[], p: Point): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i] as Point;
    const b = poly[j] as Point;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

/** Which side of `a` touches `b` in the grid, if any. */
function touching(a: PieceLayout, b: PieceLayout): Side | undefined {
  if (a.row === b.row && b.col === a.col + 1) return 'right';
  if (a.row === b.row && b.col === a.col - 1) return 'left';
  if (a.col === b.col && b.row === a.row + 1) return 'bottom';
  if (a.col === b.col && b.row === a.row - 1) return 'top';
  return undefined;
}

describe('seven-themes layout', () => {
  it('has seven pieces numbered 1 to 7: four on top, three below, and the legend', () => {
    expect(layout.size).toEqual(NATURAL_SIZE);
    expect(layout.pieces.map((p) => p.criterion)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(layout.pieces.map((p) => p.row)).toEqual([0, 0, 0, 0, 1, 1, 1]);
    expect(layout.pieces.map((p) => p.col)).toEqual([0, 1, 2, 3, 0, 1, 2]);
  });

  it('is deterministic', () => {
    expect(sevenThemesLayout()).toEqual(layout);
  });

  it('keeps every part inside the widget, and cells (legend included) do not overlap', () => {
    const widget = { x: 0, y: 0, ...layout.size };
    const cells = [...layout.pieces.map((p) => p.cell), layout.legend.cell];
    for (const p of layout.pieces) {
      expect(inside(widget, p.bounds)).toBe(true);
      for (const pt of outlinePolygon(p)) expect(contains(widget, pt.x, pt.y)).toBe(true);
    }
    for (let i = 0; i < cells.length; i++) {
      expect(inside(widget, cells[i] as Rect)).toBe(true);
      for (let j = i + 1; j < cells.length; j++) expect(overlaps(cells[i] as Rect, cells[j] as Rect)).toBe(false);
    }
  });

  it('has one shared edge per pair of neighbouring pieces, with a tab on one and a blank on the other', () => {
    const pairs = layout.sharedEdges.map((e) => `${e.a}-${e.b}`).sort();
    expect(pairs).toEqual(['1-2', '1-5', '2-3', '2-6', '3-4', '3-7', '5-6', '6-7']);
    for (const e of layout.sharedEdges) {
      const a = piece(e.a);
      const b = piece(e.b);
      const side = touching(a, b) as Side;
      expect(side).toBeDefined();
      const [tab, blank] = e.into === e.b ? [a, b] : [b, a];
      expect(e.into === e.a || e.into === e.b).toBe(true);
      const tabSide = tab === a ? side : OPPOSITE[side];
      expect(tab.shapes[tabSide]).toBe('tab');
      expect(blank.shapes[OPPOSITE[tabSide]]).toBe('blank');
    }
  });

  it("outlines of neighbours coincide: A's shared edge points equal B's reversed", () => {
    for (const a of layout.pieces) {
      for (const b of layout.pieces) {
        const side = touching(a, b);
        if (side === undefined) continue;
        const ea = a.edges[side];
        const eb = b.edges[OPPOSITE[side]];
        expect(ea.length).toBe(10);
        expect([...eb].reverse()).toEqual(ea);
        expect(a.shapes[side]).not.toBe('flat');
      }
    }
  });

  it('the tab really bulges into the blank piece, and outer sides are flat', () => {
    for (const e of layout.sharedEdges) {
      const blank = piece(e.into);
      const tabPiece = piece(e.into === e.a ? e.b : e.a);
      // The tip of the knob lies inside the blank piece's cell, outside the tab piece's cell.
      const tip = sampleChains([e.points], 32).reduce((best, p) =>
        contains(blank.cell, p.x, p.y) && !contains(tabPiece.cell, p.x, p.y) ? p : best,
      );
      expect(contains(blank.cell, tip.x, tip.y) && !contains(tabPiece.cell, tip.x, tip.y)).toBe(true);
    }
    for (const p of layout.pieces) {
      for (const side of SIDES) {
        const hasNeighbour = layout.pieces.some((o) => touching(p, o) === side);
        expect(p.shapes[side] === 'flat').toBe(!hasNeighbour);
      }
    }
  });

  it('closes each outline: every side ends where the next begins, and the path is one closed figure', () => {
    for (const p of layout.pieces) {
      for (let i = 0; i < 4; i++) {
        const cur = p.edges[SIDES[i] as Side];
        const next = p.edges[SIDES[(i + 1) % 4] as Side];
        expect(cur[cur.length - 1]).toEqual(next[0]);
      }
      expect(p.path.startsWith('M')).toBe(true);
      expect(p.path.endsWith('Z')).toBe(true);
      expect(p.path.match(/M/g)).toHaveLength(1);
    }
  });

  it('puts the number, badge, name and status boxes inside the outline, clear of each other', () => {
    for (const p of layout.pieces) {
      const poly = outlinePolygon(p, 32);
      const boxes = [circleRect(p.number), circleRect(p.badge), p.label, p.status];
      for (const box of boxes) {
        expect(box.w).toBeGreaterThan(0);
        expect(box.h).toBeGreaterThan(0);
        expect(inside(p.cell, box)).toBe(true);
        // Every corner and edge midpoint of the box lies inside the (dented) outline.
        for (const fx of [0, 0.5, 1]) {
          for (const fy of [0, 0.5, 1]) expect(inPolygon(poly, { x: box.x + fx * box.w, y: box.y + fy * box.h })).toBe(true);
        }
        // And no outline point enters the box.
        for (const pt of poly) {
          expect(pt.x > box.x && pt.x < box.x + box.w && pt.y > box.y && pt.y < box.y + box.h).toBe(false);
        }
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i] as Rect, boxes[j] as Rect)).toBe(false);
      }
      // Room for a wrapped name at a legible size.
      expect(p.label.w).toBeGreaterThanOrEqual(160);
      expect(p.label.h).toBeGreaterThanOrEqual(120);
    }
  });

  it('fits the legend (title, three status rows, hint) inside its cell', () => {
    const l = layout.legend;
    const boxes = [l.title, ...l.rows.flatMap((r) => [r.swatch, r.text]), l.hint];
    expect(l.rows).toHaveLength(3);
    for (const b of boxes) expect(inside(l.cell, b)).toBe(true);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i] as Rect, boxes[j] as Rect)).toBe(false);
    }
  });
});
