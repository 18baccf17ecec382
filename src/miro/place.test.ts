import { describe, expect, it } from 'vitest';
import { CRITERIA } from '../content/criteria.js';
import { MATRIX_FIELDS } from '../content/matrix.js';
import { COLUMN_TITLES, DEFAULT_DECK } from '../content/competences.js';
import { fieldRect } from '../kinds/bor-gor-matrix/layout.js';
import { areaRect } from '../kinds/competence-profile/layout.js';
import { contains, overlaps } from '../layout/rect.js';
import type { Rect } from '../layout/rect.js';
import { htmlToText } from './html.js';
import { naturalSize } from '../kinds/index.js';
import { MIRO_SCALE, MIRO_WIDGETS, planWidget, widgetName } from './place.js';
import type { MatrixNoteInput, Plan, PlannedItem } from './place.js';

const AT = { x: 1000, y: -400 };
const within = (outer: Rect, inner: Rect): boolean => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;

const textOf = (item: PlannedItem): string => {
  switch (item.type) {
    case 'frame':
      return item.props.title ?? '';
    case 'card':
      return htmlToText(item.props.title ?? '');
    default:
      return htmlToText(item.props.content ?? '');
  }
};

/** The item's bounds on the board, from what is sent to Miro (x/y are centres). */
function boardRect(plan: Plan, item: PlannedItem): Rect {
  const { x = 0, y = 0 } = item.props;
  // Texts have their height from their font; rotated ones are laid out along their rect's height.
  const w = item.rect.w * plan.scale;
  const h = item.rect.h * plan.scale;
  return { x: x - w / 2, y: y - h / 2, w, h };
}

/** Checks what every plan must hold: geometry from the layout, inside the frame, no overlaps. */
function checkGeometry(plan: Plan): void {
  const [frame, ...children] = plan.items;
  expect(frame?.type).toBe('frame');
  if (frame?.type !== 'frame') return;
  const size = naturalSize(plan.widget);
  expect(frame.props).toMatchObject({ x: AT.x, y: AT.y, width: size.w * MIRO_SCALE, height: size.h * MIRO_SCALE, title: widgetName(plan.widget, plan.locale) });
  const frameRect = { x: AT.x - (size.w * MIRO_SCALE) / 2, y: AT.y - (size.h * MIRO_SCALE) / 2, w: size.w * MIRO_SCALE, h: size.h * MIRO_SCALE };
  for (const item of children) {
    // Centre = frame's top-left + the layout rect's centre, scaled.
    expect(item.props.x).toBeCloseTo(frameRect.x + (item.rect.x + item.rect.w / 2) * MIRO_SCALE, 1);
    expect(item.props.y).toBeCloseTo(frameRect.y + (item.rect.y + item.rect.h / 2) * MIRO_SCALE, 1);
    expect(within(frameRect, boardRect(plan, item)), `${item.key} inside the frame`).toBe(true);
    if (item.type !== 'text' || item.props.rotation === 0) {
      expect(item.props.width).toBeCloseTo(item.rect.w * MIRO_SCALE, 1);
    }
  }
  const content = children.filter((i) => i.role === 'content');
  const backgrounds = children.filter((i) => i.role === 'background');
  for (const [i, a] of content.entries()) {
    for (const b of content.slice(i + 1)) expect(overlaps(a.rect, b.rect), `${a.key} / ${b.key} overlap`).toBe(false);
    // A content item is either wholly on a background (a field, an area) or clear of it.
    for (const bg of backgrounds) expect(!overlaps(a.rect, bg.rect) || within(bg.rect, a.rect), `${a.key} straddles ${bg.key}`).toBe(true);
  }
  for (const [i, a] of backgrounds.entries()) for (const b of backgrounds.slice(i + 1)) expect(overlaps(a.rect, b.rect)).toBe(false);
  expect(new Set(plan.items.map((i) => i.key)).size).toBe(plan.items.length);
}

describe('planWidget', () => {
  for (const widget of MIRO_WIDGETS) {
    for (const locale of ['da', 'en'] as const) {
      it(`${widget} (${locale}): a frame, children inside it, none overlapping`, () => {
        checkGeometry(planWidget(widget, AT, { locale }));
      });
    }
  }

  it('the puzzle: seven round-rectangle pieces in criterion colours, "n. name" in the chosen language', () => {
    for (const locale of ['da', 'en'] as const) {
      const plan = planWidget('seven-themes', AT, { locale });
      const pieces = plan.items.filter((i) => i.key.startsWith('piece-'));
      expect(pieces).toHaveLength(7);
      for (const c of CRITERIA) {
        const piece = pieces.find((p) => p.key === `piece-${c.number}`);
        expect(piece?.type).toBe('shape');
        if (piece?.type !== 'shape') continue;
        expect(piece.props.shape).toBe('round_rectangle');
        expect(piece.props.style?.fillColor).toBe(c.color);
        expect(textOf(piece)).toBe(`${c.number}. ${c.name[locale]}`);
      }
    }
    expect(planWidget('seven-themes', AT, { locale: 'en' }).items[0]?.props).toMatchObject({ title: 'The seven quality criteria' });
  });

  it('the matrix: four labelled fields with title and question, axis labels, notes inside their fields', () => {
    const notes: MatrixNoteInput[] = [
      { field: 'bor-gor', text: 'Fælles møder hver uge', criterion: 1, color: 'green' },
      { field: 'bor-gor', text: 'Ungeråd <i>aktivt</i>' },
      { field: 'hverken', text: 'Blinde vinkler', color: 'pink' },
      ...Array.from({ length: 9 }, (_, i): MatrixNoteInput => ({ field: 'bor-ikke-gor', text: `Idé ${i + 1}` })),
    ];
    const plan = planWidget('bor-gor-matrix', AT, { locale: 'da', notes });
    checkGeometry(plan);
    const fields = plan.items.filter((i) => i.key.startsWith('field-'));
    expect(fields.map((f) => f.type)).toEqual(['shape', 'shape', 'shape', 'shape']);
    for (const f of MATRIX_FIELDS) {
      const shape = fields.find((x) => x.key === `field-${f.field}`);
      expect(shape?.rect).toEqual(fieldRect(f.field));
      expect(textOf(shape as PlannedItem)).toBe(`${f.title.da}\n${f.question.da}`);
    }
    expect(plan.items.filter((i) => i.key.startsWith('axis-')).map(textOf)).toEqual(['Gør', 'Gør ikke', 'Bør', 'Bør ikke']);
    const stickies = plan.items.filter((i) => i.type === 'sticky_note');
    expect(stickies).toHaveLength(12);
    for (const s of stickies) {
      const field = s.key.replace(/^note-/, '').replace(/-\d+$/, '') as (typeof MATRIX_FIELDS)[number]['field'];
      expect(within(fieldRect(field), s.rect)).toBe(true);
      if (s.type === 'sticky_note') {
        // Its real height (350 × 228 at default size) stays inside its slot.
        expect(((s.props.width ?? 0) * 228) / 350).toBeLessThanOrEqual(s.rect.h * MIRO_SCALE);
      }
    }
    const first = stickies[0];
    expect(first?.type === 'sticky_note' && first.props.content).toBe('<p>1 · Fælles møder hver uge</p>');
    expect(first?.type === 'sticky_note' && first.props.style?.fillColor).toBe('light_green');
    // Text is escaped, never interpreted as markup.
    expect(stickies[1]?.type === 'sticky_note' && stickies[1].props.content).toBe('<p>Ungeråd &lt;i&gt;aktivt&lt;/i&gt;</p>');
    expect(planWidget('bor-gor-matrix', AT, { locale: 'en' }).items.filter((i) => i.key.startsWith('field-')).map(textOf)).toContain(
      'Should and do\nWhat do we do today that we should keep doing?',
    );
  });

  it('the competence profile: two areas, column headings, the generic deck as cards, an empty local area', () => {
    for (const locale of ['da', 'en'] as const) {
      const plan = planWidget('competence-profile', AT, { locale });
      const areas = plan.items.filter((i) => i.key.startsWith('area-'));
      expect(areas.map((a) => [a.type, textOf(a), a.rect])).toEqual([
        ['shape', locale === 'da' ? 'Lokal profil' : 'Local profile', areaRect('local')],
        ['shape', locale === 'da' ? 'Generisk profil' : 'Generic profile', areaRect('generic')],
      ]);
      const headings = plan.items.filter((i) => i.key.startsWith('heading-'));
      expect(headings.every((h) => h.type === 'text')).toBe(true);
      expect(headings.map(textOf)).toEqual([...Object.values(COLUMN_TITLES), ...Object.values(COLUMN_TITLES)].map((t) => t[locale]));
      const cards = plan.items.filter((i) => i.type === 'card');
      expect(cards).toHaveLength(DEFAULT_DECK.length);
      expect(cards.map(textOf).sort()).toEqual(DEFAULT_DECK.map((c) => c.text[locale]).sort());
      for (const card of cards) expect(within(areaRect('generic'), card.rect)).toBe(true);
      // The local area holds nothing but its headings.
      const inLocal = plan.items.filter((i) => i.role === 'content' && within(areaRect('local'), i.rect));
      expect(inLocal.every((i) => i.key.startsWith('heading-local-'))).toBe(true);
    }
  });
});
