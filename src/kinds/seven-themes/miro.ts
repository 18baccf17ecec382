/**
 * The seven-themes puzzle in Miro: a rounded-rectangle shape per piece at the piece's grid cell,
 * filled with the criterion colour and titled "n. name", and the legend as two texts. Miro shapes
 * cannot take the jigsaw outline, and images would cost ten times the credits (500 instead of 50
 * per call) and need URLs that Miro's servers can fetch, which a kaedeboard inside the
 * municipality's network may not offer.
 *
 * Read back: which pieces are still there (by their "n. " title), and the sticky notes that lie
 * on a piece's cell as notes on that criterion.
 */
import { CRITERIA } from '../../content/criteria.js';
import { defineMessages } from '../../i18n/index.js';
import type { Locale } from '../../i18n/index.js';
import { contains, inset } from '../../layout/rect.js';
import { MAX_THEME_NOTE } from '../../model/theme-note.js';
import { boldText, clip } from '../miro.js';
import type { MiroMapping } from '../miro.js';
import { sevenThemesLayout } from './layout.js';

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

export const sevenThemesMiro: MiroMapping<ThemesRecords> = {
  plan(canvas, { locale }) {
    const layout = sevenThemesLayout();
    for (const piece of layout.pieces) {
      const c = CRITERIA.find((x) => x.number === piece.criterion);
      if (c === undefined) continue;
      canvas.shape(`piece-${c.number}`, 'content', inset(piece.cell, 6), boldText(pieceText(c.number, locale)), {
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
  },

  recognizes(items) {
    return items.filter((i) => i.type === 'shape' && pieceCriterion(i.text) !== null).length >= 4;
  },

  readBack(items) {
    const pieces = new Set<number>();
    const notes: ThemeNoteOut[] = [];
    let skipped = 0;
    const cells = sevenThemesLayout().pieces;
    for (const item of items) {
      if (item.type === 'shape') {
        const n = pieceCriterion(item.text);
        if (n !== null) {
          pieces.add(n);
          continue;
        }
      }
      if (item.type === 'sticky' && item.text !== '') {
        const cell = cells.find((c) => contains(c.cell, item.at.x, item.at.y));
        if (cell !== undefined) {
          notes.push({ criterion: cell.criterion, text: clip(item.text, MAX_THEME_NOTE) });
          continue;
        }
      }
      if (item.type !== 'text') skipped++;
    }
    return { records: { pieces: [...pieces].sort((a, b) => a - b), notes }, skipped };
  },

  write(board, widget, records, origin) {
    for (const n of records.notes) board.create('theme-note', { props: { widget, criterion: n.criterion, text: n.text, author: '' } }, origin);
  },

  count(records) {
    return records.notes.length;
  },
};
