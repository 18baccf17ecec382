/**
 * The vocabulary in which a widget kind says how it looks as native Miro items and how a Miro
 * frame of it is read back. Runs everywhere (no DOM, no Node, no Miro SDK): a kind speaks in its
 * own layout units and in neutral style tokens, and the Miro app (`src/miro/`) turns that into
 * SDK props and calls (scale, centre-based coordinates, HTML content, Miro's colour names).
 *
 * Placing: the kind's `plan` calls a {@link MiroCanvas} once per item, in creation order, each
 * under a key that is stable within a plan (for tests, logs and the items' app metadata).
 * Every item the app creates carries app metadata with its key, so a read-back knows the kind's
 * own field and area shapes by key and can find them where they really lie (moved, resized).
 *
 * Reading back: the app gives the kind every child of the frame as a {@link PlacedMiroItem} in
 * the kind's layout units (notes inside Miro groups too), with its key when it has one; the kind
 * answers with the records to create and the items it could not place.
 */
import type { Locale } from '../i18n/index.js';
import { contains } from '../layout/rect.js';
import type { Rect } from '../layout/rect.js';
import type { Board, Kind, NoteColor, Origin } from '../model/index.js';

/** One paragraph of an item's text: plain text (the app escapes it), optionally bold. */
export interface MiroParagraph {
  readonly text: string;
  readonly strong?: boolean;
}

/** The text an item shows, and what progress and error messages call it. */
export interface MiroText {
  readonly paragraphs: readonly MiroParagraph[];
  /** What the item is called (default: its first paragraph). */
  readonly name?: string;
}

/** A one-paragraph bold text. */
export function boldText(text: string): MiroText {
  return { paragraphs: [{ text, strong: true }] };
}

/** Sizes are in the kind's layout units, like every rect (the app scales them). */
export interface MiroTextStyle {
  readonly fontSize: number;
  /** Default 'left'. */
  readonly align?: 'left' | 'center';
  /** A quarter turn anticlockwise (270) runs the text up along its rect's height. Default 0. */
  readonly rotation?: 0 | 270;
}

export interface MiroShapeStyle {
  /** The fill, as '#rrggbb'. */
  readonly fill: string;
  readonly corners: 'square' | 'round';
  /** 'strong': the ink colour (a piece); 'soft': a muted line (a field or area behind content). */
  readonly outline: 'strong' | 'soft';
  readonly fontSize: number;
  readonly align: 'left' | 'center';
  readonly valign: 'top' | 'middle';
}

/**
 * How a shape relates to the others: a background (a field, an area) holds content items, which
 * lie wholly on it or clear of it; content items never overlap each other.
 */
export type MiroRole = 'background' | 'content';

/** What a kind's plan draws on. Every rect is in the kind's layout units, from its top-left. */
export interface MiroCanvas {
  shape(key: string, role: MiroRole, rect: Rect, text: MiroText, style: MiroShapeStyle): void;
  text(key: string, rect: Rect, text: MiroText, style: MiroTextStyle): void;
  /**
   * A sticky note in the slot `rect` (its width; Miro gives it its own height). `record`: the id
   * of the kaedeboard record it shows, when it comes from a board (kept in its app metadata).
   */
  sticky(key: string, rect: Rect, text: MiroText, color: NoteColor, record?: string): void;
  /** A card titled `title` in the slot `rect` (its width); `record` as for {@link sticky}. */
  card(key: string, rect: Rect, title: string, record?: string): void;
}

/** What every plan is given; a kind may ask for more (the notes or deck it places). */
export interface MiroPlanOptions {
  readonly locale: Locale;
}

/** An item of a Miro frame, in neutral terms. */
export interface MiroItem {
  readonly type: 'shape' | 'text' | 'sticky' | 'card' | 'other';
  /** Its text as plain text (a card's title, a shape's or note's content). */
  readonly text: string;
  /** The kaedeboard note colour nearest its fill (yellow when it has none). */
  readonly color: NoteColor;
}

/** An item of a frame with a position, in the kind's layout units from the frame's top-left. */
export interface PlacedMiroItem extends MiroItem {
  /** Its centre. */
  readonly at: { readonly x: number; readonly y: number };
  /** Its size, when Miro reports one. */
  readonly size?: { readonly w: number; readonly h: number };
  /** The key it was planned under (from its app metadata), when the app made it. */
  readonly key?: string;
}

/** What a frame holds in kaedeboard's terms, and the items that map to nothing. */
export interface MiroReadBack<R> {
  readonly records: R;
  /** Items with content that lie where the kind has no place for them (outside every field). */
  readonly unplaced: readonly PlacedMiroItem[];
}

/** One line of a read-back's preview: a place of the kind (a field, a column) and its count. */
export interface MiroTally {
  readonly place: string;
  readonly count: number;
}

/**
 * A kind's Miro mapping and read-back. `R`: the records a frame of it reads back as (plain data
 * the app shows and sends); `O`: the options its plan takes.
 */
export interface MiroMapping<R extends object = object, O extends MiroPlanOptions = MiroPlanOptions> {
  /** Draws the kind's items on `canvas`, in creation order (the app adds the frame around them). */
  plan(canvas: MiroCanvas, options: O): void;
  /** Whether a frame's items look like this kind's (asked when the frame's title does not say). */
  recognizes(items: readonly MiroItem[]): boolean;
  /** The records a frame's placed items make; `placedWith`: what the frame was planned with. */
  readBack(items: readonly PlacedMiroItem[], placedWith: Omit<O, 'locale'>): MiroReadBack<R>;
  /** Creates the read-back records as the widget's own, on a board that holds the widget. */
  write(board: Board, widgetId: string, records: R, origin: Origin): void;
  /** The record kinds {@link write} makes: what a frame sent again replaces on the group's board. */
  readonly records: readonly Kind[];
  /** How many items the records put on the board (for progress messages). */
  count(records: R): number;
  /** The records counted per place, in the kind's order, in `locale` (the panel's preview). */
  tally(records: R, locale: Locale): readonly MiroTally[];
  /** What a plan needs to place the widget's content from a kaedeboard board (its notes, cards). */
  contentOf(board: Board, widgetId: string): Omit<O, 'locale'>;
}

/** A kind that has a Miro mapping, as its module declares it (so the app knows it by type). */
export interface WithMiro<M extends MiroMapping = MiroMapping> {
  readonly miro: M;
}

/** Top to bottom, then left to right: the order read-back gives notes and cards in a field. */
export function byPosition(a: PlacedMiroItem, b: PlacedMiroItem): number {
  return a.at.y - b.at.y || a.at.x - b.at.x;
}

/** Whitespace collapsed, trimmed, lower case: how titles and texts are compared. */
export function normText(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** An item's bounds from its centre and size (a point where it has no size). */
export function rectOf(item: PlacedMiroItem): Rect {
  const w = item.size?.w ?? 0;
  const h = item.size?.h ?? 0;
  return { x: item.at.x - w / 2, y: item.at.y - h / 2, w, h };
}

/**
 * Where a kind's background shape really lies: the item planned under `key` (its metadata),
 * else the first shape `byText` recognises (a frame made before items carried metadata).
 * Undefined when the group removed it.
 */
export function findShape(items: readonly PlacedMiroItem[], key: string, byText: (text: string) => boolean): PlacedMiroItem | undefined {
  return items.find((i) => i.key === key) ?? items.find((i) => i.type === 'shape' && i.key === undefined && byText(i.text));
}

/** `p` seen from rect `from` and put at the same relative place in rect `to` (a moved or resized field). */
export function mapPoint(p: { readonly x: number; readonly y: number }, from: Rect, to: Rect): { x: number; y: number } {
  const fx = from.w > 0 ? (p.x - from.x) / from.w : 0.5;
  const fy = from.h > 0 ? (p.y - from.y) / from.h : 0.5;
  return { x: to.x + fx * to.w, y: to.y + fy * to.h };
}

/** Whether the item's centre lies on `r`. */
export function centreIn(item: PlacedMiroItem, r: Rect): boolean {
  return contains(r, item.at.x, item.at.y);
}

/** At most `max` characters. */
export function clip(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) : s;
}
