/**
 * The seven-themes puzzle in Miro: a rounded-rectangle shape per piece at the piece's grid cell,
 * filled with the criterion colour and titled "n. name", and the legend as two texts. Miro shapes
 * cannot take the jigsaw outline, and images would cost ten times the credits (500 instead of 50
 * per call) and need URLs that Miro's servers can fetch, which a kaedeboard inside the
 * municipality's network may not offer.
 *
 * From a kaedeboard board, the theme notes are placed as sticky notes on their pieces.
 *
 * Read back: which pieces are still there (by their key, else their "n. " title), and the
 * sticky notes that lie on a piece where it really is (its planned cell when it is gone) as
 * notes on that criterion; a note on no piece is unplaced.
 */
import { CRITERIA } from '../../content/criteria.js';
import { defineMessages } from '../../i18n/index.js';
import type { Locale } from '../../i18n/index.js';
import { contains, flowSlots, inset } from '../../layout/rect.js';
import type { Rect } from '../../layout/rect.js';
import { MAX_THEME_NOTE } from '../../model/theme-note.js';
import { boldText, byPosition, centreIn, clip, rectOf } from '../miro.js';
import type { MiroMapping, MiroPlanOptions, PlacedMiroItem } from '../miro.js';
import { sevenThemesLayout } from './layout.js';
import { readThemes } from './records.js';

const msg = defineMessages({
  da: { legend: 'Kædeansvarets syv temaer', legendHint: 'Skriv sedler på brikkerne.' },
  en: { legend: 'The seven themes of chain responsibility', legendHint: 'Write notes on the pieces.' },
});

/** A note read back from a piece. */
export interface ThemeNoteOut {
  criterion: number;
  text: string;
}

/** What a puzzle frame reads back as: the pieces still on it, and the notes on them. */
export interface ThemesRecords {
  pieces: number[];
  notes: ThemeNoteOut[];
}

/** A theme note to place on its piece (from a kaedeboard board). */
export interface ThemeNoteInput {
  criterion: number;
  text: string;
  id?: string;
}

export interface ThemesPlanOptions extends MiroPlanOptions {
  /** Sticky notes on the pieces, in the given order per criterion. */
  readonly themeNotes?: readonly ThemeNoteInput[];
}

const pieceKey = (criterion: number): string => `piece-${criterion}`;

/** A sticky note is 0.65 as high as wide. */
const NOTE_RATIO = 0.65;

/** Slots for `count` notes in the lower part of a piece's cell: as many columns as they need to fit. */
function pieceNoteSlots(cell: Rect, count: number): Rect[] {
  const area = { x: cell.x + 14, y: cell.y + cell.h * 0.56, w: cell.w - 28, h: cell.h * 0.4 };
  for (let columns = 3; ; columns++) {
    const gap = 4;
    const w = (area.w - (columns - 1) * gap) / columns;
    const h = w * NOTE_RATIO;
    const rows = Math.max(1, Math.floor((area.h + gap) / (h + gap)));
    if (columns * rows >= count || columns >= 12) return flowSlots(area, count, { w, h }, gap);
  }
}

/** The content of a piece: "n. name" (read back by {@link pieceCriterion}). */
export function pieceText(criterion: number, locale: Locale): string {
  const c = CRITERIA.find((x) => x.number === criterion);
  return c === undefined ? String(criterion) : `${c.number}. ${c.name[locale]}`;
}

const PIECE = /^([1-7])\.\s/;

/** The criterion of a puzzle piece's text ("3. Formalisering af processer"), or null. */
export function pieceCriterion(text: string): number | null {
  const match = PIECE.exec(text.trim());
  return match === null ? null : Number(match[1]);
}

export const sevenThemesMiro: MiroMapping<ThemesRecords, ThemesPlanOptions> = {
  plan(canvas, { locale, themeNotes = [] }) {
    const layout = sevenThemesLayout();
    for (const piece of layout.pieces) {
      const c = CRITERIA.find((x) => x.number === piece.criterion);
      if (c === undefined) continue;
      canvas.shape(pieceKey(c.number), 'content', inset(piece.cell, 6), boldText(pieceText(c.number, locale)), {
        fill: c.color,
        corners: 'round',
        outline: 'strong',
        fontSize: 18,
        align: 'center',
        valign: 'middle',
      });
    }
    canvas.text('legend-title', layout.legend.title, boldText(msg('legend', {}, locale)), { fontSize: 14 });
    canvas.text('legend-hint', layout.legend.hint, { paragraphs: [{ text: msg('legendHint', {}, locale) }] }, { fontSize: 12 });
    for (const piece of layout.pieces) {
      const on = themeNotes.filter((n) => n.criterion === piece.criterion);
      const slots = pieceNoteSlots(piece.cell, on.length);
      on.forEach((note, i) => {
        const slot = slots[i];
        if (slot !== undefined) canvas.sticky(`note-${piece.criterion}-${i}`, slot, { paragraphs: [{ text: note.text }] }, 'yellow', note.id);
      });
    }
  },

  recognizes(items) {
    return items.filter((i) => i.type === 'shape' && pieceCriterion(i.text) !== null).length >= 4;
  },

  readBack(items) {
    const pieces = new Map<number, Rect>();
    for (const item of items) {
      const n = item.key?.startsWith('piece-') ? Number(item.key.slice(6)) : item.type === 'shape' && item.key === undefined ? pieceCriterion(item.text) : null;
      if (n !== null && n >= 1 && n <= 7 && !pieces.has(n)) pieces.set(n, item.size === undefined ? (cellOf(n) ?? rectOf(item)) : rectOf(item));
    }
    const notes: (ThemeNoteOut & { item: PlacedMiroItem })[] = [];
    const unplaced: PlacedMiroItem[] = [];
    for (const item of items) {
      if ((item.type !== 'sticky' && item.type !== 'card') || item.text === '') continue;
      const on = [...pieces].filter(([, r]) => centreIn(item, r)).sort(([, a], [, b]) => a.w * a.h - b.w * b.h)[0];
      // A piece the group removed keeps its planned cell.
      const criterion = item.type === 'sticky' ? (on?.[0] ?? sevenThemesLayout().pieces.find((p) => !pieces.has(p.criterion) && contains(p.cell, item.at.x, item.at.y))?.criterion) : undefined;
      if (criterion === undefined) {
        unplaced.push(item);
        continue;
      }
      notes.push({ criterion, text: clip(item.text, MAX_THEME_NOTE), item });
    }
    notes.sort((a, b) => a.criterion - b.criterion || byPosition(a.item, b.item));
    return { records: { pieces: [...pieces.keys()].sort((a, b) => a - b), notes: notes.map(({ criterion, text }) => ({ criterion, text })) }, unplaced };
  },

  records: ['theme-note'],

  write(board, widget, records, origin) {
    for (const n of records.notes) board.create('theme-note', { props: { widget, criterion: n.criterion, text: n.text, author: '' } }, origin);
  },

  count(records) {
    return records.notes.length;
  },

  tally(records, locale) {
    return CRITERIA.map((c) => ({ place: pieceText(c.number, locale), count: records.notes.filter((n) => n.criterion === c.number).length }));
  },

  contentOf(board, widget) {
    return { themeNotes: readThemes(board, widget).flatMap((s) => s.notes.map((n): ThemeNoteInput => ({ criterion: s.criterion, text: n.props.text, id: n.id }))) };
  },
};

/** A piece's planned cell. */
function cellOf(criterion: number): Rect | undefined {
  return sevenThemesLayout().pieces.find((p) => p.criterion === criterion)?.cell;
}
