/**
 * A group's board as a workshop starts it: one frame per chosen part, holding that part's
 * widgets side by side at their natural sizes (from the layout modules), seeded with their
 * default content. Runs on the server when a workshop is created; DOM-free.
 */
import type { Locale } from '../i18n/index.js';
import type { Board, Origin, WidgetType } from '../model/index.js';
import { BOR_GOR_SIZE } from '../layout/bor-gor-matrix.js';
import { COMPETENCE_PROFILE_SIZE } from '../layout/competence-profile.js';
import { WALL_SIZE } from '../layout/reflection-wall.js';
import { NATURAL_SIZE as SEVEN_THEMES_SIZE } from '../layout/seven-themes.js';
import { seedDeck } from '../../widgets/competence-profile/seed.js';
import { seedWall } from '../../widgets/reflection-wall/seed.js';
import type { Part } from './api.js';

export const PART_TITLES: Record<Part, Record<Locale, string>> = {
  kaedeansvar: { da: 'Del 1: Kædeansvar', en: 'Part 1: Chain responsibility' },
  kontaktperson: { da: 'Del 2: Kontaktperson+', en: 'Part 2: Contact person+' },
};

const PART_WIDGETS: Record<Part, WidgetType[]> = {
  kaedeansvar: ['seven-themes', 'bor-gor-matrix'],
  kontaktperson: ['competence-profile', 'reflection-wall'],
};

export const WIDGET_SIZES: Record<WidgetType, { w: number; h: number }> = {
  'seven-themes': { ...SEVEN_THEMES_SIZE },
  'bor-gor-matrix': { ...BOR_GOR_SIZE },
  'competence-profile': { ...COMPETENCE_PROFILE_SIZE },
  'reflection-wall': { ...WALL_SIZE },
};

const PAD = 60;
const GAP = 80;
/** Room above a widget for its title handle. */
const HANDLE = 40;

/** Places the parts' frames and widgets on `board` in one transaction; skips widgets already placed. */
export function placeWorkshop(board: Board, input: { title: string; parts: readonly Part[]; locale: Locale }, origin: Origin): void {
  board.transact(() => {
    board.setTitle(input.title, origin);
    let y = 0;
    for (const part of input.parts) {
      const widgets = PART_WIDGETS[part].filter((w) => !board.meta().placedWidgets.includes(w));
      if (widgets.length === 0) continue;
      const w = PAD * 2 + widgets.reduce((sum, t) => sum + WIDGET_SIZES[t].w, 0) + GAP * (widgets.length - 1);
      const h = PAD * 2 + HANDLE + Math.max(...widgets.map((t) => WIDGET_SIZES[t].h));
      const frame = board.create('frame', { props: { title: PART_TITLES[part][input.locale] }, geometry: { x: 0, y, w, h } }, origin);
      let x = PAD;
      for (const type of widgets) {
        const size = WIDGET_SIZES[type];
        const id = board.create('widget', { props: { widget: type }, geometry: { x, y: y + PAD + HANDLE, ...size, parent: frame } }, origin);
        if (type === 'competence-profile') seedDeck(board, id, undefined, origin);
        if (type === 'reflection-wall') seedWall(board, id, input.locale, origin);
        board.markWidgetPlaced(type, origin);
        x += size.w + GAP;
      }
      y += h + GAP * 2;
    }
  }, origin);
}
