/**
 * The registry of widget kinds: the only list of them. Everything that needs a widget's size,
 * seeding, reading, rendering or placing takes it from here (the canvas, the workshop template,
 * the SVG renderer, the exports, the Miro app). A fifth kind is its module in src/kinds/<type>/
 * plus its element in widgets/<type>/, and one line below.
 */
import type { Board, Origin, WidgetType } from '../model/index.js';
import type { Part } from '../workshop/parts.js';
import { borGorMatrix } from './bor-gor-matrix/index.js';
import { competenceProfile } from './competence-profile/index.js';
import type { SeedContext, Size, WidgetKind } from './kind.js';
import { reflectionWall } from './reflection-wall/index.js';
import { sevenThemes } from './seven-themes/index.js';

export type { FullKind, KindFacets, SeedContext, Size, WidgetKind } from './kind.js';

/** Every widget kind, keyed by its type (the compiler checks that each key is its kind's type). */
const KINDS = {
  'seven-themes': sevenThemes,
  'bor-gor-matrix': borGorMatrix,
  'competence-profile': competenceProfile,
  'reflection-wall': reflectionWall,
} satisfies { readonly [T in WidgetType]: WidgetKind<T, unknown> };

/** Each kind as its module declares it, by type (its facets' own type included, e.g. `WithMiro`). */
export type Kinds = typeof KINDS;

export const WIDGET_KINDS: { readonly [T in WidgetType]: WidgetKind<T, unknown> } = KINDS;

/** The kind of a widget type. */
export function widgetKind<T extends WidgetType>(type: T): WidgetKind<T, unknown> {
  return WIDGET_KINDS[type];
}

/** The kinds a workshop part holds, in registry order. */
export function kindsOfPart(part: Part): WidgetKind[] {
  return Object.values(WIDGET_KINDS).filter((k) => k.part === part);
}

/** Where a new widget goes: its top-left corner and, optionally, the frame it lies in. */
export interface PlaceAt {
  x: number;
  y: number;
  parent?: string | null;
}

/**
 * Places a widget of `type` at its natural size and seeds it, in one transaction (one update,
 * one undo step), and records that the board has one. Returns the new widget's id.
 */
export function placeWidget(board: Board, type: WidgetType, at: PlaceAt, ctx: SeedContext & { seed?: boolean }, origin: Origin): string {
  const kind = widgetKind(type);
  return board.transact(() => {
    const id = board.create('widget', { props: { widget: type }, geometry: { x: at.x, y: at.y, w: kind.size.w, h: kind.size.h, parent: at.parent ?? null } }, origin);
    if (ctx.seed !== false) kind.seed(board, id, ctx, origin);
    board.markWidgetPlaced(type, origin);
    return id;
  }, origin);
}

/** A widget kind's natural size (a copy). */
export function naturalSize(type: WidgetType): Size {
  const { w, h } = widgetKind(type).size;
  return { w, h };
}
