/**
 * What a board's widgets hold, read through the Board API in display order. Shared by the SVG
 * renderer and the server's exports (CSV, Markdown, PDF, Word), so all show the same content.
 * Pure: no DOM, no Node APIs.
 */
import type { Board, Item } from '../model/index.js';
import type { Area, Column } from '../model/competence-card.js';
import type { MatrixFieldId } from '../model/matrix-note.js';
import type { WidgetType } from '../model/widget.js';
import { groupNotes } from '../../widgets/bor-gor-matrix/notes.js';
import { cardsIn, cardsOf } from '../../widgets/competence-profile/seed.js';
import { readWall as readWallAs, type WallColumn, type WallPost } from '../../widgets/reflection-wall/wall-data.js';
import type { Locale } from '../i18n/index.js';

/** The widgets' order: by `order`, ties by id. */
export { byOrder } from '../../widgets/shared/order.js';

export type WidgetItem = Item<'widget'>;

/** The placed widgets of `type`, top to bottom, left to right. */
export function widgetsOf(board: Board, type?: WidgetType, items: readonly Item[] = board.read().items): WidgetItem[] {
  return items
    .filter((i): i is WidgetItem => i.kind === 'widget' && (type === undefined || i.props.widget === type))
    .sort((a, b) => a.geometry.y - b.geometry.y || a.geometry.x - b.geometry.x || (a.id < b.id ? -1 : 1));
}

// ---- seven themes ------------------------------------------------------------------------

/** The seven criteria as the widget reads them (one reader for widget and export). */
export { readThemes } from '../../widgets/seven-themes/records.js';
export type { ThemeState as ThemeData } from '../../widgets/seven-themes/records.js';

// ---- Bør/Gør matrix ----------------------------------------------------------------------

export type MatrixData = Record<MatrixFieldId, Item<'matrix-note'>[]>;

export function readMatrix(board: Board, widgetId: string): MatrixData {
  return groupNotes(board.owned(widgetId, 'matrix-note'));
}

// ---- competence profile ------------------------------------------------------------------

export type CardItem = Item<'competence-card'>;
export type ProfileData = Record<Area, Record<Column, CardItem[]>>;

export function readProfile(board: Board, widgetId: string): ProfileData {
  const cards = cardsOf(board, widgetId);
  const area = (a: Area): Record<Column, CardItem[]> => ({
    viden: cardsIn(cards, a, 'viden'),
    kompetencer: cardsIn(cards, a, 'kompetencer'),
    faerdigheder: cardsIn(cards, a, 'faerdigheder'),
  });
  return { local: area('local'), generic: area('generic') };
}

/** A card's text in `locale` (English falls back to the Danish text). */
export function cardText(card: CardItem, locale: Locale): string {
  return locale === 'en' && card.props.textEn !== '' ? card.props.textEn : card.props.text;
}

/** True for a card the group wrote (not from the deck). */
export function isOwnCard(card: CardItem): boolean {
  return card.props.deckKey === '';
}

// ---- reflection wall ---------------------------------------------------------------------

/** The wall as the widget reads it, for no one in particular (no 'liked' or 'mine'). */
export type WallPostData = WallPost;
export type WallColumnData = WallColumn;

export function readWall(board: Board, widgetId: string): WallColumnData[] {
  return readWallAs(board, widgetId, { userName: '', clientTag: '' });
}
