/**
 * What the server keeps: room documents (`Store`) and workshops (`WorkshopStore`). Both are
 * interfaces; `sqlite/` implements them on one database file. The rest of the server sees
 * only these, so a second backend (PostgreSQL for a national service) is an added folder.
 *
 * Room documents.
 *
 * A room is stored as one merged state (the snapshot) plus an append-only log of the
 * updates received since. `append` runs before an update is broadcast; `compact` folds the
 * log into a new snapshot in one transaction, so a crash at any moment leaves either the old
 * snapshot and its whole log, or the new snapshot and the log rows written after it.
 *
 */
import type { Access, CreatedWorkshop, Group, NewWorkshop, SnapshotSet, Workshop } from '../workshop/types.js';
import type { VoteStore } from './vote-store.js';

export interface StoredRoom {
  /** Merged state, if the room was ever compacted. */
  snapshot: Uint8Array | null;
  /** Updates appended after the snapshot, oldest first. */
  updates: Uint8Array[];
  /** Sequence number of the last row in `updates` (0 when none). */
  lastSeq: number;
  /** Bytes held in the log. */
  logBytes: number;
  /** Client ids whose writes the room refused, each with the first refused clock. */
  refused: Map<number, number>;
}

export interface Store {
  /** Reads a room's snapshot and log. Unknown rooms read as empty. */
  load(room: string): StoredRoom;
  /** Appends one update durably; returns its sequence number. */
  append(room: string, update: Uint8Array): number;
  /** Replaces the snapshot with `state` and drops log rows up to `uptoSeq`, atomically. */
  compact(room: string, state: Uint8Array, uptoSeq: number): void;
  /**
   * Remembers that `client`'s structs from `clock` on are refused in `room` (a write refused
   * while its sender could not write: the sender's copy still holds it). Kept with the room.
   */
  refuseClient(room: string, client: number, clock: number): void;
  /** Removes a room and all its data (refused clients included). */
  deleteRoom(room: string): void;
  /** Room names that have stored data. */
  listRooms(): string[];
  /** Runs `fn` in one store transaction (reads inside see one consistent state). */
  transaction<T>(fn: () => T): T;
  /** Is the store usable (for /healthz)? False after `close` or when the connection is lost. */
  isOpen(): boolean;
  close(): void;
}

/**
 * Workshops: the workshop, its groups (each with a board room and a typable code), the tokens
 * that open it (kept only as hashes), and snapshot sets (a copy of every group's board, taken
 * together). Deleting a workshop deletes everything in it. Writes that touch several rows are
 * atomic.
 */
export interface WorkshopStore {
  /** The workshops' votes and participant credentials (./vote-store.ts); deleted with their workshop. */
  readonly votes: VoteStore;
  /** A new workshop with its groups, a facilitator token, a plenum token and one link token per group. */
  create(input: NewWorkshop): CreatedWorkshop;
  /** Keeps a plenum token's hash; idempotent (a workshop from before plenum tokens gets its own). */
  addPlenumToken(workshopId: string, token: string): void;
  /** A new personal participant token for group `n` (each join by code gets its own). */
  issueGroupToken(workshopId: string, n: number): string;
  /** Tokens workshop `id` has handed out, revoked ones included (a bound on joins). */
  tokenCount(workshopId: string): number;
  /** Revokes a token (a moved participant's old one); false when unknown or already revoked. */
  revoke(workshopId: string, token: string): boolean;
  /** Was this token of workshop `id` revoked? (A refusal can then say so.) */
  isRevoked(workshopId: string, token: string): boolean;
  /** Adds a new group (e.g. a board restored from a snapshot); returns it and its token. */
  addGroup(workshopId: string, name: string): { group: Group; token: string };
  renameGroup(workshopId: string, n: number, name: string): void;
  get(id: string): Workshop | null;
  /** Who `token` is in workshop `id`; null when it is nobody (or revoked). */
  authenticate(id: string, token: string): Access | null;
  /** The group a typed code belongs to. */
  byCode(code: string): { workshopId: string; group: number } | null;
  /** Just the lock flag (checked on every write of a participant). */
  isLocked(id: string): boolean;
  setLocked(id: string, locked: boolean): void;
  setCrossView(id: string, enabled: boolean): void;
  delete(id: string): void;
  /** Ids of workshops created before `cutoff` (ms since epoch). */
  expired(cutoff: number): string[];
  /** Stores one state per group as a named set, atomically. */
  saveSnapshotSet(workshopId: string, name: string, states: Map<number, Uint8Array>): SnapshotSet;
  listSnapshotSets(workshopId: string): SnapshotSet[];
  snapshot(workshopId: string, setId: string, group: number): Uint8Array | null;
  /** Free boards (rooms outside workshops) fall under the retention rule from their first opening. */
  noteFreeBoard(room: string): void;
  expiredFreeBoards(cutoff: number): string[];
  forgetFreeBoard(room: string): void;
}
