/**
 * The input of every export: a workshop and the Yjs state of each group's board, and what the
 * exports read from it (decoded once per group, in display order).
 */
import * as Y from 'yjs';
import { Board } from '../../src/model/index.js';
import type { Item } from '../../src/model/index.js';
import type { Locale } from '../../src/i18n/index.js';
import type { Part } from '../../src/workshop/api.js';
import { FULL_KINDS } from '../../src/kinds/full.js';
import type { ContentCountKey, FullKind, WidgetKind } from '../../src/kinds/kind.js';
import type { WidgetType } from '../../src/model/index.js';
import type { RankedItem } from '../../src/workshop/vote-api.js';

export interface ExportGroup {
  number: number;
  name: string;
  /** A Yjs update holding the group's board. */
  state: Uint8Array;
}

export interface WorkshopInput {
  id: string;
  title: string;
  parts: Part[];
  locale: Locale;
  /** ms since the epoch */
  createdAt: number;
  groups: ExportGroup[];
  /** Set when the boards are a snapshot set's copies, not the live boards. */
  snapshotName?: string;
  /** The workshop's votes with their results (counts only), oldest first. */
  votes?: ExportVote[];
}

/** A vote as the exports show it: its items ranked by their totals, the same figures the plenum shows. */
export interface ExportVote {
  title: string;
  /** '' for the live boards, else the snapshot set's name. */
  source: string;
  dots: number;
  state: 'open' | 'closed';
  hidden: boolean;
  revealed: boolean;
  createdAt: number;
  closedAt: number | null;
  voters: number;
  cast: number;
  items: RankedItem[];
}

/** A board from a Yjs update (throws if the update cannot be decoded). */
export function openBoard(state: Uint8Array): Board {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return new Board(doc);
}

/** Closes a board opened by {@link openBoard}. */
export function closeBoard(board: Board): void {
  board.destroy();
  board.doc.destroy();
}

export interface CanvasNote {
  item: Item<'note'>;
  /** Title of the frame the note lies in ('' for none). */
  frame: string;
}

export type WidgetItem = Item<'widget'>;

/** A placed widget, its kind and what the kind reads of it. */
export interface WidgetContent {
  widget: WidgetItem;
  kind: FullKind;
  /** `kind.read` of the widget. */
  data: unknown;
  /** Its place among the board's widgets of its kind (0 for the first): see `ordinal`. */
  index: number;
}

/** What an export shows of one group's board. */
export interface GroupContent {
  group: ExportGroup;
  board: Board;
  notes: CanvasNote[];
  /**
   * The board's widgets, by kind in registry order, and each kind's top to bottom, left to
   * right: the order of the sections in every export.
   */
  widgets: WidgetContent[];
}

const byPlace = (a: Item, b: Item): number => a.geometry.y - b.geometry.y || a.geometry.x - b.geometry.x || (a.id < b.id ? -1 : 1);

/** Reads a group's board (the caller closes `content.board` when done). */
export function readGroup(group: ExportGroup): GroupContent {
  let board: Board;
  try {
    board = openBoard(group.state);
  } catch (err) {
    throw new Error(`group ${group.number}: the board state cannot be decoded (${(err as Error).message})`);
  }
  const items = board.read().items;
  const frames = new Map(items.filter((i) => i.kind === 'frame').map((f) => [f.id, f.props.title]));
  const notes = items
    .filter((i): i is Item<'note'> => i.kind === 'note')
    .sort(byPlace)
    .map((item) => ({ item, frame: item.geometry.parent === null ? '' : (frames.get(item.geometry.parent) ?? '') }));
  const placed = items.filter((i): i is WidgetItem => i.kind === 'widget').sort(byPlace);
  const widgets = Object.values(FULL_KINDS).flatMap((kind: FullKind) =>
    placed.filter((w) => w.props.widget === kind.type).map((widget, index) => ({ widget, kind, data: kind.read(board, widget.id), index })),
  );
  return { group, board, notes, widgets };
}

/** The widgets of one kind with their data, typed by that kind (for exports about one kind). */
export function widgetsOfKind<T extends WidgetType, D>(content: GroupContent, kind: WidgetKind<T, D>): { widget: WidgetItem; data: D }[] {
  // The data was read by this kind's `read`, so it is a D.
  return content.widgets.filter((w) => w.kind.type === kind.type).map((w) => ({ widget: w.widget, data: w.data as D }));
}

/** Runs `fn` on each group's content, closing every board afterwards. */
export function withGroups<T>(input: WorkshopInput, fn: (content: GroupContent) => T): T[] {
  return input.groups.map((group) => {
    const content = readGroup(group);
    try {
      return fn(content);
    } finally {
      closeBoard(content.board);
    }
  });
}

/** The group's content counted (for summaries): the canvas notes, and each kind's counts added up. */
export type GroupCounts = { notes: number } & Record<ContentCountKey, number>;

export function countContent(c: GroupContent): GroupCounts {
  const counts: GroupCounts = { notes: c.notes.length, themeNotes: 0, assessed: 0, matrixNotes: 0, localCards: 0, ownCards: 0, posts: 0, likes: 0 };
  for (const { kind, data } of c.widgets) {
    for (const [key, n] of Object.entries(kind.export.counts(data)) as [ContentCountKey, number][]) counts[key] += n;
  }
  return counts;
}
