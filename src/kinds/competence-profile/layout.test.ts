import { describe, expect, it } from 'vitest';
import {
  addCardRect,
  areaAt,
  areaRect,
  areaTitleRect,
  AREAS,
  CARD_HEIGHT,
  cardSlots,
  CARDS_PER_COLUMN,
  COLUMNS,
  columnAt,
  columnBodyRect,
  columnHeadingRect,
  columnRect,
  COMPETENCE_PROFILE_SIZE,
  competenceProfileLayout,
  dropIndex,
  headerRect,
  MIN_CARD_HEIGHT,
} from './layout.js';
import { overlaps } from '../../layout/rect.js';
import type { Rect } from '../../layout/rect.js';

const within = (outer: Rect, inner: Rect): boolean =>
  inner.x >= outer.x - 1e-9 &&
  inner.y >= outer.y - 1e-9 &&
  inner.x + inner.w <= outer.x + outer.w + 1e-9 &&
  inner.y + inner.h <= outer.y + outer.h + 1e-9;
const bounds: Rect = { x: 0, y: 0, ...COMPETENCE_PROFILE_SIZE };

function expectNoOverlaps(rects: Rect[]): void {
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) expect(overlaps(rects[i]!, rects[j]!), `parts ${i} and ${j}`).toBe(false);
  }
}

describe('competence profile layout', () => {
  it('has a positive natural size and puts every part inside it', () => {
    expect(COMPETENCE_PROFILE_SIZE.w).toBeGreaterThan(0);
    expect(COMPETENCE_PROFILE_SIZE.h).toBeGreaterThan(0);
    expect(within(bounds, headerRect())).toBe(true);
    for (const area of AREAS) {
      expect(within(bounds, areaRect(area))).toBe(true);
      expect(within(areaRect(area), areaTitleRect(area))).toBe(true);
      for (const column of COLUMNS) {
        const c = columnRect(area, column);
        expect(within(areaRect(area), c)).toBe(true);
        expect(within(c, columnHeadingRect(area, column))).toBe(true);
        expect(within(c, columnBodyRect(area, column))).toBe(true);
      }
    }
    for (const column of COLUMNS) expect(within(columnRect('local', column), addCardRect(column))).toBe(true);
  });

  it('places the local profile above the generic profile, with no overlapping parts', () => {
    expect(areaRect('local').y + areaRect('local').h).toBeLessThanOrEqual(areaRect('generic').y);
    expectNoOverlaps([headerRect(), areaRect('local'), areaRect('generic')]);
    for (const area of AREAS) {
      expectNoOverlaps([areaTitleRect(area), ...COLUMNS.map((c) => columnRect(area, c))]);
      for (const column of COLUMNS) {
        const parts = [columnHeadingRect(area, column), columnBodyRect(area, column)];
        if (area === 'local') parts.push(addCardRect(column));
        expectNoOverlaps(parts);
      }
    }
    // Columns are in the order Viden, Kompetencer, Færdigheder, left to right.
    const xs = COLUMNS.map((c) => columnRect('generic', c).x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it('stacks up to eight full-height cards per column without overlap', () => {
    for (const area of AREAS) {
      for (const column of COLUMNS) {
        const slots = cardSlots(area, column, CARDS_PER_COLUMN);
        expect(slots).toHaveLength(CARDS_PER_COLUMN);
        for (const s of slots) {
          expect(s.h).toBe(CARD_HEIGHT);
          expect(within(columnBodyRect(area, column), s)).toBe(true);
        }
        expectNoOverlaps(slots);
        for (let i = 1; i < slots.length; i++) expect(slots[i]!.y).toBeGreaterThan(slots[i - 1]!.y);
      }
    }
    expect(cardSlots('local', 'viden', 0)).toEqual([]);
    expect(cardSlots('local', 'viden', 1)[0]!.y).toBe(columnBodyRect('local', 'viden').y);
  });

  it('squeezes more cards into the column body, keeping them inside', () => {
    for (const n of [9, 12, 20]) {
      const body = columnBodyRect('generic', 'kompetencer');
      const slots = cardSlots('generic', 'kompetencer', n);
      expect(slots).toHaveLength(n);
      for (const s of slots) expect(within(body, s)).toBe(true);
      if (n <= 12) expectNoOverlaps(slots);
      for (const s of slots) expect(s.h).toBeGreaterThanOrEqual(MIN_CARD_HEIGHT);
    }
    const many = cardSlots('local', 'viden', 60);
    for (const s of many) expect(within(columnBodyRect('local', 'viden'), s)).toBe(true);
  });

  it('finds the area, column and drop index under a point', () => {
    const c = columnRect('local', 'kompetencer');
    expect(columnAt(c.x + 5, c.y + 5)).toEqual({ area: 'local', column: 'kompetencer' });
    const g = columnRect('generic', 'faerdigheder');
    expect(columnAt(g.x + g.w - 1, g.y + g.h - 1)).toEqual({ area: 'generic', column: 'faerdigheder' });
    expect(columnAt(0, 0)).toBeNull();
    expect(areaAt(areaRect('generic').x + 1, areaRect('generic').y + 1)).toBe('generic');
    expect(areaAt(1, 1)).toBeNull();

    const body = columnBodyRect('local', 'viden');
    expect(dropIndex('local', 'viden', 0, body.y + 200)).toBe(0);
    expect(dropIndex('local', 'viden', 3, body.y - 50)).toBe(0);
    expect(dropIndex('local', 'viden', 3, body.y + 1)).toBe(0);
    const slots = cardSlots('local', 'viden', 4);
    expect(dropIndex('local', 'viden', 3, slots[1]!.y + 2)).toBe(1);
    expect(dropIndex('local', 'viden', 3, slots[3]!.y + 2)).toBe(3);
    expect(dropIndex('local', 'viden', 3, body.y + body.h + 100)).toBe(3);
  });

  it('is deterministic', () => {
    expect(competenceProfileLayout()).toEqual(competenceProfileLayout());
    expect(cardSlots('generic', 'viden', 6)).toEqual(cardSlots('generic', 'viden', 6));
    const l = competenceProfileLayout();
    expect(l.areas.generic.columns.viden.add).toBeNull();
    expect(l.areas.local.columns.viden.add).toEqual(addCardRect('viden'));
  });
});
