/**
 * The competence profile in Miro: the local and the generic area as tinted rectangles with their
 * column headings as texts, and the deck as cards in the generic area's columns (the local area
 * starts empty, for the group to fill).
 *
 * From a kaedeboard board, the cards are placed where they lie there, in both areas.
 *
 * Read back: each card (or sticky note, a group's own card) belongs to the area whose shape it
 * lies on, where that shape really is (found by its key, else by its title), and within it to the
 * column at the same relative place (or the nearest one), ordered top to bottom; a card whose
 * text is one of the deck's (in either language) keeps its deck key and both languages. A card
 * outside both areas is unplaced.
 */
import { COLUMN_TITLES, DEFAULT_DECK } from '../../content/competences.js';
import type { DeckCard } from '../../content/competences.js';
import { MAX_CARD_TEXT } from '../../model/competence-card.js';
import type { Area, Column } from '../../model/competence-card.js';
import { msg } from '../../render/messages.js';
import type { Rect } from '../../layout/rect.js';
import { boldText, byPosition, centreIn, clip, findShape, mapPoint, normText, rectOf } from '../miro.js';
import type { MiroMapping, MiroPlanOptions, PlacedMiroItem } from '../miro.js';
import { AREAS, areaAt, areaRect, cardSlots, columnAt, columnHeadingRect, columnRect, COLUMNS } from './layout.js';
import { cardsOf, cardsIn } from './records.js';

/** A card to place where it lies on a kaedeboard board. */
export interface ProfileCardInput {
  area: Area;
  column: Column;
  text: string;
  textEn?: string;
  deckKey?: string;
  id?: string;
}

export interface ProfilePlanOptions extends MiroPlanOptions {
  /** The competence deck (default: the generic profile of Kontaktperson+). */
  readonly deck?: readonly DeckCard[];
  /** The cards of a kaedeboard board, in display order per column; when given, the deck is not placed. */
  readonly cards?: readonly ProfileCardInput[];
}

/** A card read back from a column. */
export interface CardOut {
  area: Area;
  column: Column;
  text: string;
  textEn: string;
  deckKey: string;
  order: number;
}

/** What a profile frame reads back as. */
export interface ProfileRecords {
  cards: CardOut[];
}

const AREA_FILL: Record<Area, string> = { local: '#eef4fc', generic: '#f4f5f7' };

/** Column of a widget-local point in `area`: the column under it, else the area's nearest column. */
function cardPlace(at: { x: number; y: number }, area: Area): { area: Area; column: Column } | null {
  const hit = columnAt(at.x, at.y);
  if (hit !== null && hit.area === area) return hit;
  if (areaAt(at.x, at.y) !== area) return null;
  let best: Column = 'viden';
  let distance = Infinity;
  for (const column of COLUMNS) {
    const r = columnRect(area, column);
    const d = Math.abs(r.x + r.w / 2 - at.x);
    if (d < distance) [best, distance] = [column, d];
  }
  return { area, column: best };
}

const areaKey = (area: Area): string => `area-${area}`;

/** Where each area's shape really lies on the frame (its planned place when the shape is gone). */
function areaRects(items: readonly PlacedMiroItem[]): [Area, Rect][] {
  return AREAS.map((area) => {
    const key = area === 'local' ? 'localArea' : 'genericArea';
    const titles = [normText(msg(key, {}, 'da')), normText(msg(key, {}, 'en'))];
    const shape = findShape(items, areaKey(area), (text) => titles.includes(normText(text)));
    return [area, shape?.size === undefined ? areaRect(area) : rectOf(shape)];
  });
}

function deckMatch(text: string, deck: readonly DeckCard[]): DeckCard | undefined {
  const t = normText(text);
  return deck.find((c) => normText(c.text.da) === t || normText(c.text.en) === t);
}

export const competenceProfileMiro: MiroMapping<ProfileRecords, ProfilePlanOptions> = {
  plan(canvas, { locale, deck = DEFAULT_DECK, cards }) {
    for (const area of AREAS) {
      canvas.shape(areaKey(area), 'background', areaRect(area), boldText(msg(area === 'local' ? 'localArea' : 'genericArea', {}, locale)), {
        fill: AREA_FILL[area],
        corners: 'square',
        outline: 'soft',
        fontSize: 16,
        align: 'left',
        valign: 'top',
      });
      for (const column of COLUMNS) {
        canvas.text(`heading-${area}-${column}`, columnHeadingRect(area, column), boldText(COLUMN_TITLES[column][locale]), { fontSize: 14 });
      }
    }
    if (cards !== undefined) {
      for (const area of AREAS) {
        for (const column of COLUMNS) {
          const here = cards.filter((c) => c.area === area && c.column === column);
          const slots = cardSlots(area, column, here.length);
          here.forEach((card, i) => {
            const slot = slots[i];
            const text = locale === 'en' && card.textEn ? card.textEn : card.text;
            if (slot !== undefined) canvas.card(`card-${area}-${column}-${i}`, slot, text, card.id);
          });
        }
      }
      return;
    }
    for (const column of COLUMNS) {
      const inColumn = deck.filter((c) => c.column === column);
      const slots = cardSlots('generic', column, inColumn.length);
      inColumn.forEach((card, i) => {
        const slot = slots[i];
        if (slot !== undefined) canvas.card(`card-${card.key}`, slot, card.text[locale]);
      });
    }
  },

  recognizes(items) {
    return items.some((i) => i.type === 'card');
  },

  readBack(items, { deck = DEFAULT_DECK, cards: placed = [] }) {
    const unplaced: PlacedMiroItem[] = [];
    const areas = areaRects(items);
    // Cards placed from a board match by text too (they keep their deck key and both languages).
    const known: DeckCard[] = [
      ...deck,
      ...placed.filter((c) => c.deckKey).map((c): DeckCard => ({ key: c.deckKey as string, column: c.column, text: { da: c.text, en: c.textEn || c.text } })),
    ];
    const groups = new Map<string, { area: Area; column: Column; list: PlacedMiroItem[] }>();
    for (const item of items) {
      if ((item.type !== 'card' && item.type !== 'sticky') || item.text === '') continue;
      const on = areas.filter(([, r]) => centreIn(item, r)).sort(([, a], [, b]) => a.w * a.h - b.w * b.h)[0];
      // Seen from the area's planned place, the card's column is the layout's.
      const where = on === undefined ? null : cardPlace(mapPoint(item.at, on[1], areaRect(on[0])), on[0]);
      if (where === null) {
        unplaced.push(item);
        continue;
      }
      const key = `${where.area}/${where.column}`;
      const g = groups.get(key) ?? { ...where, list: [] };
      g.list.push(item);
      groups.set(key, g);
    }
    const cards: CardOut[] = [];
    for (const area of AREAS) {
      for (const column of COLUMNS) {
        const list = groups.get(`${area}/${column}`)?.list ?? [];
        [...list].sort(byPosition).forEach((item, i) => {
          const match = deckMatch(item.text, known);
          cards.push(
            match === undefined
              ? { area, column, text: clip(item.text, MAX_CARD_TEXT), textEn: '', deckKey: '', order: i + 1 }
              : { area, column, text: match.text.da, textEn: match.text.en === match.text.da ? '' : match.text.en, deckKey: match.key, order: i + 1 },
          );
        });
      }
    }
    return { records: { cards }, unplaced };
  },

  records: ['competence-card'],

  write(board, widget, records, origin) {
    for (const c of records.cards) {
      board.create('competence-card', { props: { widget, area: c.area, column: c.column, text: c.text, textEn: c.textEn, deckKey: c.deckKey, order: c.order } }, origin);
    }
  },

  count(records) {
    return records.cards.length;
  },

  tally(records, locale) {
    return AREAS.flatMap((area) =>
      COLUMNS.map((column) => ({
        place: `${msg(area === 'local' ? 'localArea' : 'genericArea', {}, locale)}: ${COLUMN_TITLES[column][locale]}`,
        count: records.cards.filter((c) => c.area === area && c.column === column).length,
      })),
    );
  },

  contentOf(board, widget) {
    const all = cardsOf(board, widget);
    const cards = AREAS.flatMap((area) =>
      COLUMNS.flatMap((column) =>
        cardsIn(all, area, column).map((c): ProfileCardInput => ({ area, column, text: c.props.text, textEn: c.props.textEn, deckKey: c.props.deckKey, id: c.id })),
      ),
    );
    return { cards };
  },
};
