/**
 * The part of Miro's Web SDK v2 (`miro.board`) that the kaedeboard app uses, as a port.
 *
 * Parameter types are the SDK's own (taken from `@mirohq/websdk-types`), so a planned item is
 * type-checked exactly as `miro.board.createShape(…)` would check it. Results are narrowed to
 * the fields we read: the SDK's item classes carry a protected context member, so nothing but
 * the real SDK can construct them, and a test fake could not be typed as them without a cast.
 * {@link miroBoard} proves, without a cast, that the real `miro.board` fits this port.
 */
import type { DropEvent, Json, Miro, Rect as MiroRect } from '@mirohq/websdk-types';

type SdkBoard = Miro['board'];
type FirstArg<F> = F extends (arg: infer A, ...rest: never[]) => unknown ? NonNullable<A> : never;

export type FrameProps = FirstArg<SdkBoard['createFrame']>;
export type ShapeProps = FirstArg<SdkBoard['createShape']>;
export type TextProps = FirstArg<SdkBoard['createText']>;
export type StickyNoteProps = FirstArg<SdkBoard['createStickyNote']>;
export type CardProps = FirstArg<SdkBoard['createCard']>;
export type { DropEvent, Json, MiroRect };

/** Any board item, groups included: what `frame.add`, `remove` and `zoomTo` take. */
export interface Ref {
  readonly id: string;
  readonly type: string;
}

/**
 * A board item as created: enough to tag it with the app's metadata (`item.setMetadata`, which
 * only this app can read back), add it to a frame, zoom to it and remove it again.
 */
export interface ItemRef extends Ref {
  setMetadata(key: string, value: Json): Promise<unknown>;
}

/** A created frame. */
export interface FrameRef extends ItemRef {
  add(item: Ref): Promise<unknown>;
}

/**
 * A board item as read back (`get`, `getById`, `getSelection`). Every field but `id` and
 * `type` is optional because connectors, groups and unsupported items lack some of them.
 */
export interface ReadItem {
  readonly id: string;
  readonly type: string;
  readonly x?: number;
  readonly y?: number;
  readonly width?: number;
  readonly height?: number;
  /** 'parent_top_left' for children of a frame (their x/y are relative to its top-left corner). */
  readonly relativeTo?: string;
  readonly parentId?: string | null;
  /** Shapes, texts, sticky notes (HTML). */
  readonly content?: string;
  /** Frames and cards. */
  readonly title?: string;
  /** Frames. */
  readonly childrenIds?: string[];
  /** Item style; read as unknown and narrowed where used (its shape differs per item type). */
  readonly style?: unknown;
  /** Groups: the grouped items (a group has no position or size of its own). */
  readonly itemsIds?: string[];
  /** The group an item belongs to. */
  readonly groupId?: string;
  /** The app's metadata on the item (absent on groups, which take none). */
  getMetadata?(key: string): Promise<unknown>;
  setMetadata?(key: string, value: Json): Promise<unknown>;
}

/** A selection change (`selection:update`): the items now selected. */
export interface SelectionEvent {
  items: ReadItem[];
}

/** What the app calls on `miro.board`. */
export interface BoardPort {
  createFrame(props: FrameProps): Promise<FrameRef>;
  createShape(props: ShapeProps): Promise<ItemRef>;
  createText(props: TextProps): Promise<ItemRef>;
  createStickyNote(props: StickyNoteProps): Promise<ItemRef>;
  createCard(props: CardProps): Promise<ItemRef>;
  remove(item: Ref): Promise<void>;
  get(filter: { id: string[] } | { type: 'frame' }): Promise<ReadItem[]>;
  getById(id: string): Promise<ReadItem>;
  getSelection(): Promise<ReadItem[]>;
  /** Where a rect of this size, near `x`/`y` (centres), overlaps nothing on the board; `offset`: the gap to keep. */
  findEmptySpace(rect: MiroRect & { offset?: number }): Promise<MiroRect>;
  viewport: { get(): Promise<MiroRect>; zoomTo(items: Ref | Ref[]): Promise<void> };
  /** Toasts on the board: at most 80 characters each. */
  notifications: { showInfo(message: string): Promise<void>; showError(message: string): Promise<void> };
  ui: {
    on(event: 'drop', handler: (event: DropEvent) => void): unknown;
    on(event: 'selection:update', handler: (event: SelectionEvent) => void): unknown;
    on(event: 'icon:click', handler: () => void): unknown;
    off(event: 'drop', handler: (event: DropEvent) => void): unknown;
    off(event: 'selection:update', handler: (event: SelectionEvent) => void): unknown;
    openPanel(options: { url: string; height?: number }): Promise<unknown>;
  };
}

/** The real SDK's board (the global `miro` that Miro's `miro.js` defines), seen through the port. */
export function miroBoard(): BoardPort {
  return miro.board;
}

/** True when Miro's SDK script has loaded (the page runs inside a Miro board). */
export function hasMiro(): boolean {
  return typeof globalThis.miro === 'object' && globalThis.miro !== null;
}
