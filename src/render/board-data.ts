/**
 * What a board's widgets hold, read through the Board API in display order. Each kind's reader
 * lives in its kind module (src/kinds/<type>/records.ts); this module adds the board-wide
 * reading (which widgets a board has) and names the readers the exports share, so the SVG
 * renderer and the server's exports (CSV, Markdown, PDF, Word) show the same content.
 * Pure: no DOM, no Node APIs.
 */
import type { Board, Item } from '../model/index.js';
import type { WidgetType } from '../model/widget.js';

export { byOrder } from '../model/order.js';
export { readThemes } from '../kinds/seven-themes/records.js';
export type { ThemeState as ThemeData } from '../kinds/seven-themes/records.js';
export { readMatrix } from '../kinds/bor-gor-matrix/records.js';
export type { NotesByField as MatrixData } from '../kinds/bor-gor-matrix/records.js';
export { cardText, isOwnCard, readProfile } from '../kinds/competence-profile/records.js';
export type { CompetenceCard as CardItem, ProfileData } from '../kinds/competence-profile/records.js';
export { readWallPublic as readWall } from '../kinds/reflection-wall/records.js';
export type { WallColumn as WallColumnData, WallPost as WallPostData } from '../kinds/reflection-wall/records.js';

export type WidgetItem = Item<'widget'>;

/** The placed widgets of `type`, top to bottom, left to right. */
export function widgetsOf(board: Board, type?: WidgetType, items: readonly Item[] = board.read().items): WidgetItem[] {
  return items
    .filter((i): i is WidgetItem => i.kind === 'widget' && (type === undefined || i.props.widget === type))
    .sort((a, b) => a.geometry.y - b.geometry.y || a.geometry.x - b.geometry.x || (a.id < b.id ? -1 : 1));
}
