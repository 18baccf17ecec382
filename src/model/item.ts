/** What the board's records look like to readers: items, problems, changes and writes. */
import type { Geometry } from './geometry.js';
import type { Kind, PropsOf } from './kinds.js';

/** A transaction origin identifying who wrote (one per participant for undo); never null. */
export type Origin = object | string | symbol | number;

/** A validated item of kind `K`. */
export interface ItemRecord<K extends Kind> {
  id: string;
  kind: K;
  geometry: Geometry;
  props: PropsOf<K>;
  /** Tag of the creating client, if it gave one. */
  createdBy?: string;
}

/** A validated item; a union discriminated by `kind` when `K` is a union. */
export type Item<K extends Kind = Kind> = K extends Kind ? ItemRecord<K> : never;

/** A stored record that could not be read, and why. */
export interface Problem {
  id: string;
  reason: string;
}

/** One transaction's effect, as delivered to {@link Board.observe} listeners. */
export interface BoardChange {
  /** Ids whose item record or geometry changed (created, edited, moved or deleted). */
  items: Set<string>;
  /** True if the metadata changed. */
  meta: boolean;
  /** The transaction's origin (a participant's origin, an UndoManager, a provider, ...). */
  origin: unknown;
  /** True if the change was made in this process, false if it came from a peer. */
  local: boolean;
}

/** Options of {@link Board.create}. */
export interface CreateInit<K extends Kind> {
  props?: Partial<PropsOf<K>>;
  geometry?: Partial<Geometry>;
  /** An explicit id (must be unused); a random one by default. */
  id?: string;
  /** A client tag (at most 64 characters; never a display name). */
  createdBy?: string;
}

/** One entry of {@link Board.moveMany}. */
export interface Move {
  id: string;
  x: number;
  y: number;
}
