/**
 * Geometry of the competence profile widget, in widget-local units (no DOM, no Lit).
 *
 * The widget shows a header strip, then the group's local profile ("Lokal profil") above the
 * generic profile ("Generisk profil"). Each area has a title and the three columns Viden /
 * Kompetencer / Færdigheder; a column has a heading and a body where its cards stack top to
 * bottom. The local profile's columns end with a row for the "+ own card" control.
 *
 * The natural size is fixed: a column body holds {@link CARDS_PER_COLUMN} cards at full
 * height; more cards than that are squeezed (shorter cards) so they always stay inside.
 * Used by the Lit element and by the Miro adapter (which places the same parts natively).
 */
import type { Area, Column } from '../../model/competence-card.js';
import type { Rect } from '../../layout/rect.js';

export const AREAS: readonly Area[] = ['local', 'generic'];
export const COLUMNS: readonly Column[] = ['viden', 'kompetencer', 'faerdigheder'];

/** Cards that fit a column body at full height. */
export const CARDS_PER_COLUMN = 8;
/** Full card height and the gap between stacked cards. */
export const CARD_HEIGHT = 56;
export const CARD_GAP = 6;
/** The smallest a card gets when a column holds many cards. */
export const MIN_CARD_HEIGHT = 20;

const WIDTH = 1500;
const PAD = 16;
const HEADER_H = 48;
const AREA_PAD = 12;
const AREA_TITLE_H = 36;
const COLUMN_GAP = 8;
const COLUMN_PAD = 8;
const HEADING_H = 30;
const ADD_H = 40;
const BODY_H = CARDS_PER_COLUMN * CARD_HEIGHT + (CARDS_PER_COLUMN - 1) * CARD_GAP;
/** Column height: heading, body, and (local only) the add row. */
const columnHeight = (area: Area): number =>
  COLUMN_PAD + HEADING_H + COLUMN_PAD + BODY_H + (area === 'local' ? COLUMN_PAD + ADD_H : 0) + COLUMN_PAD;
const areaHeight = (area: Area): number => AREA_PAD + AREA_TITLE_H + AREA_PAD + columnHeight(area) + AREA_PAD;
const AREA_TOP: Record<Area, number> = {
  local: PAD + HEADER_H + PAD,
  generic: PAD + HEADER_H + PAD + areaHeight('local') + PAD,
};

/** The widget's natural size. */
export const COMPETENCE_PROFILE_SIZE: { readonly w: number; readonly h: number } = {
  w: WIDTH,
  h: AREA_TOP.generic + areaHeight('generic') + PAD,
};

/** The header strip (widget title, deck loader, messages). */
export function headerRect(): Rect {
  return { x: PAD, y: PAD, w: WIDTH - 2 * PAD, h: HEADER_H };
}

/** One profile area. */
export function areaRect(area: Area): Rect {
  return { x: PAD, y: AREA_TOP[area], w: WIDTH - 2 * PAD, h: areaHeight(area) };
}

/** The area's title ("Lokal profil" / "Generisk profil"). */
export function areaTitleRect(area: Area): Rect {
  const a = areaRect(area);
  return { x: a.x + AREA_PAD, y: a.y + AREA_PAD, w: a.w - 2 * AREA_PAD, h: AREA_TITLE_H };
}

/** One column of an area (heading, body and, in the local area, the add row). */
export function columnRect(area: Area, column: Column): Rect {
  const a = areaRect(area);
  const i = COLUMNS.indexOf(column);
  const inner = a.w - 2 * AREA_PAD;
  const w = (inner - (COLUMNS.length - 1) * COLUMN_GAP) / COLUMNS.length;
  return { x: a.x + AREA_PAD + i * (w + COLUMN_GAP), y: a.y + AREA_PAD + AREA_TITLE_H + AREA_PAD, w, h: columnHeight(area) };
}

/** The column's heading. */
export function columnHeadingRect(area: Area, column: Column): Rect {
  const c = columnRect(area, column);
  return { x: c.x + COLUMN_PAD, y: c.y + COLUMN_PAD, w: c.w - 2 * COLUMN_PAD, h: HEADING_H };
}

/** Where the column's cards stack. */
export function columnBodyRect(area: Area, column: Column): Rect {
  const h = columnHeadingRect(area, column);
  return { x: h.x, y: h.y + HEADING_H + COLUMN_PAD, w: h.w, h: BODY_H };
}

/** The "+ own card" row at the foot of a local column. */
export function addCardRect(column: Column): Rect {
  const b = columnBodyRect('local', column);
  return { x: b.x, y: b.y + b.h + COLUMN_PAD, w: b.w, h: ADD_H };
}

/**
 * Positions of `count` stacked cards in a column body, top to bottom. Up to
 * {@link CARDS_PER_COLUMN} cards take the full card height; more are made shorter so that all
 * stay inside the body (never below {@link MIN_CARD_HEIGHT}, then they overlap evenly).
 */
export function cardSlots(area: Area, column: Column, count: number): Rect[] {
  const body = columnBodyRect(area, column);
  const n = Math.max(0, Math.floor(count));
  if (n === 0) return [];
  const fitted = (body.h + CARD_GAP) / n - CARD_GAP;
  const h = Math.max(MIN_CARD_HEIGHT, Math.min(CARD_HEIGHT, fitted));
  const pitch = n === 1 ? 0 : Math.min(h + CARD_GAP, (body.h - h) / (n - 1));
  return Array.from({ length: n }, (_, i) => ({ x: body.x, y: body.y + i * pitch, w: body.w, h }));
}

/** The area and column whose column rect contains the widget-local point, or null. */
export function columnAt(x: number, y: number): { area: Area; column: Column } | null {
  for (const area of AREAS) {
    for (const column of COLUMNS) {
      const r = columnRect(area, column);
      if (x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h) return { area, column };
    }
  }
  return null;
}

/** The area whose rect contains the widget-local point, or null. */
export function areaAt(x: number, y: number): Area | null {
  for (const area of AREAS) {
    const r = areaRect(area);
    if (x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h) return area;
  }
  return null;
}

/**
 * Where a card dropped at widget-local height `y` goes among `count` other cards of a column:
 * the index of the slot under `y` when the column holds `count + 1` cards (clamped).
 */
export function dropIndex(area: Area, column: Column, count: number, y: number): number {
  const n = Math.max(0, Math.floor(count));
  const slots = cardSlots(area, column, n + 1);
  let index = 0;
  for (let i = 1; i <= n; i++) if (y >= (slots[i] as Rect).y) index = i;
  return index;
}

/** Every part at once (for adapters that place the parts natively). */
export function competenceProfileLayout(): {
  size: { w: number; h: number };
  header: Rect;
  areas: Record<Area, { rect: Rect; title: Rect; columns: Record<Column, { rect: Rect; heading: Rect; body: Rect; add: Rect | null }> }>;
} {
  const columns = (area: Area) =>
    Object.fromEntries(
      COLUMNS.map((column) => [
        column,
        {
          rect: columnRect(area, column),
          heading: columnHeadingRect(area, column),
          body: columnBodyRect(area, column),
          add: area === 'local' ? addCardRect(column) : null,
        },
      ]),
    ) as Record<Column, { rect: Rect; heading: Rect; body: Rect; add: Rect | null }>;
  return {
    size: { ...COMPETENCE_PROFILE_SIZE },
    header: headerRect(),
    areas: {
      local: { rect: areaRect('local'), title: areaTitleRect('local'), columns: columns('local') },
      generic: { rect: areaRect('generic'), title: areaTitleRect('generic'), columns: columns('generic') },
    },
  };
}
