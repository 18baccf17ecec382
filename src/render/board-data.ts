/**
 * What a board's widgets hold, read through the Board API in display order. Shared by the SVG
 * renderer and the server's exports (CSV, Markdown, PDF, Word), so all show the same content.
 * Pure: no DOM, no Node APIs.
 */
import type { Board, Item } from '../model/index.js';
import type { Area, Column } from '../model/competence-card.js';
import type { Assessment } from '../model/theme-assessment.js';
import { assessmentId } from '../model/theme-assessment.js';
import type { MatrixFieldId } from '../model/matrix-note.js';
import type { WidgetType } from '../model/widget.js';
import { CRITERIA } from '../content/criteria.js';
import { MATRIX_FIELDS } from '../content/matrix.js';
import type { Locale } from '../i18n/index.js';

interface Ordered {
  id: string;
  props: { order: number };
}

/** The widgets' order: by `order`, ties by id (as widgets/shared/order.ts). */
export function byOrder<T extends Ordered>(a: T, b: T): number {
  return a.props.order - b.props.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export type WidgetItem = Item<'widget'>;

/** The placed widgets of `type`, top to bottom, left to right. */
export function widgetsOf(board: Board, type?: WidgetType, items: readonly Item[] = board.read().items): WidgetItem[] {
  return items
    .filter((i): i is WidgetItem => i.kind === 'widget' && (type === undefined || i.props.widget === type))
    .sort((a, b) => a.geometry.y - b.geometry.y || a.geometry.x - b.geometry.x || (a.id < b.id ? -1 : 1));
}

// ---- seven themes ------------------------------------------------------------------------

export interface ThemeData {
  criterion: number;
  /** A missing assessment record reads as 'not-started'. */
  status: Assessment;
  /** True if the group set the assessment (a record exists). */
  assessed: boolean;
  notes: Item<'theme-note'>[];
}

export function readThemes(board: Board, widgetId: string): ThemeData[] {
  const assessments = board.owned(widgetId, 'theme-assessment');
  const notes = board.owned(widgetId, 'theme-note');
  return CRITERIA.map(({ number }) => {
    const id = assessmentId(widgetId, number);
    const record = assessments.find((a) => a.id === id && a.props.criterion === number);
    return {
      criterion: number,
      status: record?.props.status ?? 'not-started',
      assessed: record !== undefined,
      notes: notes.filter((n) => n.props.criterion === number),
    };
  });
}

// ---- Bør/Gør matrix ----------------------------------------------------------------------

export type MatrixData = Record<MatrixFieldId, Item<'matrix-note'>[]>;

export function readMatrix(board: Board, widgetId: string): MatrixData {
  const notes = board.owned(widgetId, 'matrix-note');
  return Object.fromEntries(
    MATRIX_FIELDS.map((f) => [f.field, notes.filter((n) => n.props.field === f.field).sort(byOrder)]),
  ) as MatrixData;
}

// ---- competence profile ------------------------------------------------------------------

export type CardItem = Item<'competence-card'>;
export type ProfileData = Record<Area, Record<Column, CardItem[]>>;

export function readProfile(board: Board, widgetId: string): ProfileData {
  const cards = board.owned(widgetId, 'competence-card');
  const area = (a: Area): Record<Column, CardItem[]> => ({
    viden: cards.filter((c) => c.props.area === a && c.props.column === 'viden').sort(byOrder),
    kompetencer: cards.filter((c) => c.props.area === a && c.props.column === 'kompetencer').sort(byOrder),
    faerdigheder: cards.filter((c) => c.props.area === a && c.props.column === 'faerdigheder').sort(byOrder),
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

export interface WallPostData {
  item: Item<'wall-post'>;
  likes: number;
}

export interface WallColumnData {
  item: Item<'wall-column'>;
  posts: WallPostData[];
}

export function readWall(board: Board, widgetId: string): WallColumnData[] {
  return board
    .owned(widgetId, 'wall-column')
    .sort(byOrder)
    .map((item) => ({
      item,
      posts: board
        .owned(item.id, 'wall-post')
        .sort(byOrder)
        .map((post) => ({ item: post, likes: board.owned(post.id, 'wall-like').length })),
    }));
}
