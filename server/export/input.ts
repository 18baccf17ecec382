/**
 * The input of every export: a workshop and the Yjs state of each group's board, and what the
 * exports read from it (decoded once per group, in display order).
 */
import * as Y from 'yjs';
import { Board } from '../../src/model/index.js';
import type { Item } from '../../src/model/index.js';
import type { Locale } from '../../src/i18n/index.js';
import type { Part } from '../../src/workshop/api.js';
import { readMatrix, readProfile, readThemes, readWall, widgetsOf } from '../../src/render/board-data.js';
import type { MatrixData, ProfileData, ThemeData, WallColumnData, WidgetItem } from '../../src/render/board-data.js';

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

/** What an export shows of one group's board. */
export interface GroupContent {
  group: ExportGroup;
  board: Board;
  notes: CanvasNote[];
  themes: { widget: WidgetItem; data: ThemeData[] }[];
  matrices: { widget: WidgetItem; data: MatrixData }[];
  profiles: { widget: WidgetItem; data: ProfileData }[];
  walls: { widget: WidgetItem; data: WallColumnData[] }[];
}

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
    .sort((a, b) => a.geometry.y - b.geometry.y || a.geometry.x - b.geometry.x || (a.id < b.id ? -1 : 1))
    .map((item) => ({ item, frame: item.geometry.parent === null ? '' : (frames.get(item.geometry.parent) ?? '') }));
  const of = <T>(type: WidgetItem['props']['widget'], read: (board: Board, id: string) => T) =>
    widgetsOf(board, type, items).map((widget) => ({ widget, data: read(board, widget.id) }));
  return {
    group,
    board,
    notes,
    themes: of('seven-themes', readThemes),
    matrices: of('bor-gor-matrix', readMatrix),
    profiles: of('competence-profile', readProfile),
    walls: of('reflection-wall', readWall),
  };
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

/** The group's content counted (for summaries). */
export interface GroupCounts {
  notes: number;
  themeNotes: number;
  assessed: number;
  matrixNotes: number;
  localCards: number;
  ownCards: number;
  posts: number;
  likes: number;
}

export function countContent(c: GroupContent): GroupCounts {
  const cards = c.profiles.flatMap((p) => [...Object.values(p.data.local).flat(), ...Object.values(p.data.generic).flat()]);
  const posts = c.walls.flatMap((w) => w.data.flatMap((col) => col.posts));
  return {
    notes: c.notes.length,
    themeNotes: c.themes.reduce((n, t) => n + t.data.reduce((m, d) => m + d.notes.length, 0), 0),
    assessed: c.themes.reduce((n, t) => n + t.data.filter((d) => d.assessed).length, 0),
    matrixNotes: c.matrices.reduce((n, m) => n + Object.values(m.data).reduce((k, list) => k + list.length, 0), 0),
    localCards: cards.filter((card) => card.props.area === 'local').length,
    ownCards: cards.filter((card) => card.props.deckKey === '').length,
    posts: posts.length,
    likes: posts.reduce((n, p) => n + p.likes, 0),
  };
}

/** "2" for the second widget of a type on a board ('' for the first): labels when a board has several. */
export function ordinal(index: number): string {
  return index === 0 ? '' : ` (${index + 1})`;
}
