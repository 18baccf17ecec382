/**
 * Durable storage of room documents.
 *
 * A room is stored as one merged state (the snapshot) plus an append-only log of the
 * updates received since. `append` runs before an update is broadcast; `compact` folds the
 * log into a new snapshot in one transaction, so a crash at any moment leaves either the old
 * snapshot and its whole log, or the new snapshot and the log rows written after it.
 *
 * `Store` is the seam for a second backend (PostgreSQL for a national service): the rooms
 * code only sees this interface.
 */
export interface StoredRoom {
  /** Merged state, if the room was ever compacted. */
  snapshot: Uint8Array | null;
  /** Updates appended after the snapshot, oldest first. */
  updates: Uint8Array[];
  /** Sequence number of the last row in `updates` (0 when none). */
  lastSeq: number;
  /** Bytes held in the log. */
  logBytes: number;
}

export interface Store {
  /** Reads a room's snapshot and log. Unknown rooms read as empty. */
  load(room: string): StoredRoom;
  /** Appends one update durably; returns its sequence number. */
  append(room: string, update: Uint8Array): number;
  /** Replaces the snapshot with `state` and drops log rows up to `uptoSeq`, atomically. */
  compact(room: string, state: Uint8Array, uptoSeq: number): void;
  /** Removes a room and all its data. */
  deleteRoom(room: string): void;
  /** Room names that have stored data. */
  listRooms(): string[];
  /** Runs `fn` in one store transaction (reads inside see one consistent state). */
  transaction<T>(fn: () => T): T;
  close(): void;
}
