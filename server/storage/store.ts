/**
 * What the server keeps: room documents (`Store`) and workshops (`WorkshopStore`). Both are
 * interfaces; `sqlite/` implements them on one database file (the embedded default), and
 * `postgres/` on a PostgreSQL database that several server instances share. The rest of the
 * server sees only these.
 *
 * Every method returns a promise: SQLite answers at once (better-sqlite3 is synchronous),
 * PostgreSQL over the network. A caller that must not let anything be seen before it is stored
 * (an update before its broadcast) awaits the promise first.
 *
 * Room documents.
 *
 * A room is stored as one merged state (the snapshot) plus an append-only log of the
 * updates received since. `append` resolves once the update is committed, and runs before the
 * update is broadcast; `compact` folds the log into a new snapshot in one transaction, so a
 * crash at any moment leaves either the old snapshot and its whole log, or the new snapshot
 * and the log rows written after it.
 *
 * Sequence numbers: each log row has one, increasing within a room. In a `shared` store
 * (PostgreSQL: other instances append to the same rooms) they are consecutive within a room
 * (1, 2, 3, …, assigned in commit order), so a holder of a room that receives row n + 2 after
 * row n knows it missed one and reads it with `loadSince`. Compaction never reuses a number.
 */
import type { Access, CreatedWorkshop, Group, NewWorkshop, SnapshotSet, Workshop } from '../workshop/types.js';
import type { VoteStore } from './vote-store.js';

export interface StoredRoom {
  /** Merged state, if the room was ever compacted. */
  snapshot: Uint8Array | null;
  /** Updates appended after the snapshot, oldest first. */
  updates: Uint8Array[];
  /**
   * Sequence number of the last row the snapshot and `updates` hold together (0 when none;
   * in a shared store the room's newest row, also when compaction has folded it in).
   */
  lastSeq: number;
  /** Bytes held in the log. */
  logBytes: number;
  /** Client ids whose writes the room refused, each with the first refused clock. */
  refused: Map<number, number>;
}

export interface Store {
  /**
   * Other server instances append to the same rooms: sequence numbers are consecutive within a
   * room, and a holder must detect and fill gaps (see the header).
   */
  readonly shared: boolean;
  /** Reads a room's snapshot and log. Unknown rooms read as empty. */
  load(room: string): Promise<StoredRoom>;
  /**
   * What the room holds past row `afterSeq`: the rows after it, and the snapshot when a
   * compaction has folded rows after `afterSeq` into it (then the rows after the snapshot).
   */
  loadSince(room: string, afterSeq: number): Promise<StoredRoom>;
  /** Several rooms read in one transaction (one consistent moment: a snapshot of all boards). */
  loadMany(rooms: readonly string[]): Promise<Map<string, StoredRoom>>;
  /** Appends one update durably; resolves with its sequence number once it is committed. */
  append(room: string, update: Uint8Array): Promise<number>;
  /**
   * Replaces the snapshot with `state` and drops log rows up to `uptoSeq`, atomically. `state`
   * must hold every row up to `uptoSeq`. A compaction up to an older row than the stored
   * snapshot's changes nothing (another holder compacted further meanwhile).
   */
  compact(room: string, state: Uint8Array, uptoSeq: number): Promise<void>;
  /**
   * Remembers that `client`'s structs from `clock` on are refused in `room` (a write refused
   * while its sender could not write: the sender's copy still holds it). Kept with the room.
   */
  refuseClient(room: string, client: number, clock: number): Promise<void>;
  /** Removes a room and all its data (refused clients included). */
  deleteRoom(room: string): Promise<void>;
  /** Room names that have stored data. */
  listRooms(): Promise<string[]>;
  /** The newest sequence number of each of `rooms` (0 when none): a cheap check that a holder is current. */
  heads(rooms: readonly string[]): Promise<Map<string, number>>;
  /** Is the store usable (for /healthz)? False after `close` or while the database cannot be reached. */
  isOpen(): boolean;
  close(): Promise<void>;
}

/**
 * Workshops: the workshop, its groups (each with a board room and a typable code), the tokens
 * that open it (kept only as hashes), and snapshot sets (a copy of every group's board, taken
 * together). Deleting a workshop deletes everything in it. Writes that touch several rows are
 * atomic, also against another instance's writes to the same workshop.
 */
export interface WorkshopStore {
  /** The workshops' votes and participant credentials (./vote-store.ts); deleted with their workshop. */
  readonly votes: VoteStore;
  /** A new workshop with its groups, a facilitator token, a plenum token and one link token per group. */
  create(input: NewWorkshop): Promise<CreatedWorkshop>;
  /** Keeps a plenum token's hash; idempotent (a workshop from before plenum tokens gets its own). */
  addPlenumToken(workshopId: string, token: string): Promise<void>;
  /** A new personal participant token for group `n` (each join by code gets its own). */
  issueGroupToken(workshopId: string, n: number): Promise<string>;
  /** Tokens workshop `id` has handed out, revoked ones included (a bound on joins). */
  tokenCount(workshopId: string): Promise<number>;
  /** Revokes a token (a moved participant's old one); false when unknown or already revoked. */
  revoke(workshopId: string, token: string): Promise<boolean>;
  /** Was this token of workshop `id` revoked? (A refusal can then say so.) */
  isRevoked(workshopId: string, token: string): Promise<boolean>;
  /** Adds a new group (e.g. a board restored from a snapshot); returns it and its token. */
  addGroup(workshopId: string, name: string): Promise<{ group: Group; token: string }>;
  renameGroup(workshopId: string, n: number, name: string): Promise<void>;
  get(id: string): Promise<Workshop | null>;
  /** Who `token` is in workshop `id`; null when it is nobody (or revoked). */
  authenticate(id: string, token: string): Promise<Access | null>;
  /** The group a typed code belongs to. */
  byCode(code: string): Promise<{ workshopId: string; group: number } | null>;
  /** Just the lock flag (checked on every write of a participant). */
  isLocked(id: string): Promise<boolean>;
  setLocked(id: string, locked: boolean): Promise<void>;
  setCrossView(id: string, enabled: boolean): Promise<void>;
  delete(id: string): Promise<void>;
  /** Ids of workshops created before `cutoff` (ms since epoch). */
  expired(cutoff: number): Promise<string[]>;
  /** Stores one state per group as a named set, atomically. */
  saveSnapshotSet(workshopId: string, name: string, states: Map<number, Uint8Array>): Promise<SnapshotSet>;
  listSnapshotSets(workshopId: string): Promise<SnapshotSet[]>;
  snapshot(workshopId: string, setId: string, group: number): Promise<Uint8Array | null>;
  /** Free boards (rooms outside workshops) fall under the retention rule from their first opening. */
  noteFreeBoard(room: string): Promise<void>;
  expiredFreeBoards(cutoff: number): Promise<string[]>;
  forgetFreeBoard(room: string): Promise<void>;
}
