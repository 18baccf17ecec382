/**
 * The competence profile in Miro: the local and the generic area as tinted rectangles with their
 * column headings as texts, and the deck as cards in the generic area's columns (the local area
 * starts empty, for the group to fill).
 *
 * Read back: each card (or sticky note, a group's own card) belongs to the column it lies in, or
 * to the nearest column of the area it lies in, ordered top to bottom; a card whose text is one
 * of the deck's (in either language) keeps its deck key and both languages.
 */
import { COLUMN_TITLES, DEFAULT_DECK } from '../../content/competences.js';
import type { DeckCard } from '../../content/competences.js';
import { MAX_CARD_TEXT } from '../../model/competence-card.js';
import type { Area, Column } from '../../model/competence-card.js';
import { msg } from '../../render/messages.js';
import { boldText, byPosition, clip, normText } from '../miro.js';
import type { MiroMapping, MiroPlanOptions, PlacedMiroItem } from '../miro.js';
import { AREAS, areaAt, areaRect, cardSlots, columnAt, columnHeadingRect, columnRect, COLUMNS } from './layout.js';

export interface ProfilePlanOptions extends MiroPlanOptions {
  /** The competence deck (default: the generic profile of Kontaktperson+). */
  readonly deck?: readonly DeckCard[];
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

/** Column and area of a widget-local point: the column under it, else the nearest column of the area under it. */
function cardPlace(at: { x: number; y: number }): { area: Area; column: Column } | null {
  const hit = columnAt(at.x, at.y);
  if (hit !== null) return hit;
  const area = areaAt(at.x, at.y);
  if (area === null) return null;
  let best: Column = 'viden';
  let distance = Infinity;
  for (const column of COLUMNS) {
    const r = columnRect(area, column);
    const d = Math.abs(r.x + r.w / 2 - at.x);
    if (d < distance) [best, distance] = [column, d];
  }
  return { area, column: best };
}

function deckMatch(text: string, deck: readonly DeckCard[]): DeckCard | undefined {
  const t = normText(text);
  return deck.find((c) => normText(c.text.da) === t || normText(c.text.en) === t);
}

export const competenceProfileMiro: MiroMapping<ProfileRecords, ProfilePlanOptions> = {
  plan(canvas, { locale, deck = DEFAULT_DECK }) {
    for (const area of AREAS) {
      canvas.shape(`area-${area}`, 'background', areaRect(area), boldText(msg(area === 'local' ? 'localArea' : 'genericArea', {}, locale)), {
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
    for (const column of COLUMNS) {
      const cards = deck.filter((c) => c.column === column);
      const slots = cardSlots('generic', column, cards.length);
      cards.forEach((card, i) => {
        const slot = slots[i];
        if (slot !== undefined) canvas.card(`card-${card.key}`, slot, card.text[locale]);
      });
    }
  },

  recognizes(items) {
    return items.some((i) => i.type === 'card');
  },

  readBack(items, { deck = DEFAULT_DECK }) {
    let skipped = 0;
    const groups = new Map<string, { area: Area; column: Column; list: PlacedMiroItem[] }>();
    for (const item of items) {
      if (item.type !== 'card' && item.type !== 'sticky') continue;
      const where = cardPlace(item.at);
      if (where === null || item.text === '') {
        skipped++;
        continue;
      }
      const key = `${where.area}/${where.column}`;
      const g = groups.get(key) ?? { ...where, list: [] };
      g.list.push(item);
      groups.set(key, g);
    }
    const cards: CardOut[] = [];
    for (const { area, column, list } of groups.values()) {
      list.sort(byPosition).forEach((item, i) => {
        const match = deckMatch(item.text, deck);
        cards.push(
          match === undefined
            ? { area, column, text: clip(item.text, MAX_CARD_TEXT), textEn: '', deckKey: '', order: i + 1 }
            : { area, column, text: match.text.da, textEn: match.text.en === match.text.da ? '' : match.text.en, deckKey: match.key, order: i + 1 },
        );
      });
    }
    return { records: { cards }, skipped };
  },

  write(board, widget, records, origin) {
    for (const c of records.cards) {
      board.create('competence-card', { props: { widget, area: c.area, column: c.column, text: c.text, textEn: c.textEn, deckKey: c.deckKey, order: c.order } }, origin);
    }
  },

  count(records) {
    return records.cards.length;
  },
};
