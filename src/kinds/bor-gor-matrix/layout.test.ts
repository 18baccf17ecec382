import { describe, expect, it } from 'vitest';
import {
  adjacentField,
  BOR_GOR_SIZE,
  borGorLayout,
  FIELD_ORDER,
  fieldAt,
  fieldRect,
  noteGrid,
  noteSlots,
  slotIndexAt,
} from './layout.js';
import type { Rect } from '../../layout/rect.js';
import { overlaps } from '../../layout/rect.js';

const inside = (inner: Rect, outer: Rect): boolean =>
  inner.x >= outer.x - 1e-9 &&
  inner.y >= outer.y - 1e-9 &&
  inner.x + inner.w <= outer.x + outer.w + 1e-9 &&
  inner.y + inner.h <= outer.y + outer.h + 1e-9;

const bounds: Rect = { x: 0, y: 0, w: BOR_GOR_SIZE.w, h: BOR_GOR_SIZE.h };

describe('bor-gor-matrix layout', () => {
  const layout = borGorLayout();
  const frames = FIELD_ORDER.map((f) => layout.fields[f].frame);
  const labels = [layout.header, layout.columns.does, layout.columns.doesNot, layout.rows.should, layout.rows.shouldNot];

  it('puts every part inside the widget bounds', () => {
    for (const r of [...frames, ...labels]) expect(inside(r, bounds)).toBe(true);
    for (const f of FIELD_ORDER) {
      const p = layout.fields[f];
      for (const part of [p.title, p.addButton, p.question, p.notes]) expect(inside(part, p.frame)).toBe(true);
    }
  });

  it('has no overlapping fields, labels or field parts', () => {
    const top = [...frames, ...labels];
    for (let i = 0; i < top.length; i++) for (let j = i + 1; j < top.length; j++) expect(overlaps(top[i]!, top[j]!)).toBe(false);
    for (const f of FIELD_ORDER) {
      const p = layout.fields[f];
      const parts = [p.title, p.addButton, p.question, p.notes];
      for (let i = 0; i < parts.length; i++) for (let j = i + 1; j < parts.length; j++) expect(overlaps(parts[i]!, parts[j]!)).toBe(false);
    }
  });

  it('arranges the 2x2: bør on top, gør on the left', () => {
    const tl = fieldRect('bor-gor');
    const tr = fieldRect('bor-ikke-gor');
    const bl = fieldRect('gor-ikke-bor');
    const br = fieldRect('hverken');
    expect(tl.y).toBe(tr.y);
    expect(bl.y).toBe(br.y);
    expect(tl.x).toBe(bl.x);
    expect(tr.x).toBe(br.x);
    expect(tl.x).toBeLessThan(tr.x);
    expect(tl.y).toBeLessThan(bl.y);
    expect(layout.columns.does.x).toBe(tl.x);
    expect(layout.rows.shouldNot.y).toBe(bl.y);
  });

  it('flows any number of notes inside the notes area without overlap, shrinking as needed', () => {
    for (const count of [0, 1, 3, 6, 7, 12, 25, 60, 150]) {
      for (const f of FIELD_ORDER) {
        const slots = noteSlots(f, count);
        expect(slots).toHaveLength(count);
        expect(slots.every((s) => inside(s, layout.fields[f].notes))).toBe(true);
        const overlapping = slots.some((a, i) => slots.slice(i + 1).some((b) => overlaps(a, b)));
        expect(overlapping).toBe(false);
      }
    }
    expect(noteGrid(1).cell.w).toBeGreaterThan(noteGrid(30).cell.w);
    expect(noteGrid(6).columns).toBe(3);
  });

  it('is deterministic', () => {
    expect(noteSlots('hverken', 9)).toEqual(noteSlots('hverken', 9));
    expect(JSON.stringify(borGorLayout())).toBe(JSON.stringify(borGorLayout()));
  });

  it('hit-tests fields and insertion slots', () => {
    for (const f of FIELD_ORDER) {
      const r = fieldRect(f);
      expect(fieldAt(r.x + r.w / 2, r.y + r.h / 2)).toBe(f);
    }
    expect(fieldAt(2, 2)).toBeNull();
    const slots = noteSlots('bor-gor', 5);
    expect(slotIndexAt('bor-gor', 5, slots[0]!.x + 1, slots[0]!.y + 1)).toBe(0);
    expect(slotIndexAt('bor-gor', 5, slots[1]!.x + slots[1]!.w - 1, slots[1]!.y + 1)).toBe(2);
    expect(slotIndexAt('bor-gor', 5, slots[3]!.x + 1, slots[3]!.y + 5)).toBe(3);
    expect(slotIndexAt('bor-gor', 5, 2000, 2000)).toBe(5);
    expect(slotIndexAt('bor-gor', 0, 100, 100)).toBe(0);
  });

  it('finds adjacent fields and stops at the edges', () => {
    expect(adjacentField('bor-gor', 'right')).toBe('bor-ikke-gor');
    expect(adjacentField('bor-gor', 'down')).toBe('gor-ikke-bor');
    expect(adjacentField('hverken', 'up')).toBe('bor-ikke-gor');
    expect(adjacentField('hverken', 'left')).toBe('gor-ikke-bor');
    expect(adjacentField('bor-gor', 'left')).toBeNull();
    expect(adjacentField('bor-gor', 'up')).toBeNull();
  });
});
