/**
 * Room documents in SQLite (better-sqlite3, WAL): table `room_updates` is the append-only
 * log, `room_snapshots` the merged state per room, `room_refused` the client ids whose writes
 * a room refused. See `../store.ts` for the contract. better-sqlite3 is synchronous: each method
 * has done its work (committed, for a write) before its promise is returned. One process owns
 * the file, so the store is not `shared`; sequence numbers count the rows of all rooms together.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Durability } from '../../config.js';
import type { Store, StoredRoom } from '../store.js';

export class SqliteStore implements Store {
  readonly shared = false;
  readonly db: Database.Database;
  readonly #append: Database.Statement<[string, Buffer]>;
  readonly #loadSnapshot: Database.Statement<[string], { state: Buffer }>;
  readonly #loadLog: Database.Statement<[string], { seq: number; data: Buffer }>;
  readonly #loadLogSince: Database.Statement<[string, number], { seq: number; data: Buffer }>;
  readonly #loadRefused: Database.Statement<[string], { client: number; clock: number }>;
  readonly #refuse: Database.Statement<[string, number, number]>;
  readonly #compact: (room: string, state: Uint8Array, uptoSeq: number) => void;
  readonly #deleteRoom: (room: string) => void;

  /** Opens (or creates) `kaedeboard.sqlite` in `dataDir`; ':memory:' for a throwaway store. */
  constructor(dataDir: string, durability: Durability = 'normal') {
    let file = ':memory:';
    if (dataDir !== ':memory:') {
      mkdirSync(dataDir, { recursive: true });
      file = join(dataDir, 'kaedeboard.sqlite');
    }
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a committed transaction survives a crash of this process (it is in
    // the WAL file before `append` returns); FULL also fsyncs each commit against power loss.
    this.db.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS room_updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        room TEXT NOT NULL,
        data BLOB NOT NULL
      );
      CREATE INDEX IF NOT EXISTS room_updates_room ON room_updates (room, seq);
      CREATE TABLE IF NOT EXISTS room_snapshots (
        room TEXT PRIMARY KEY,
        state BLOB NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS room_refused (
        room TEXT NOT NULL,
        client INTEGER NOT NULL,
        clock INTEGER NOT NULL,
        PRIMARY KEY (room, client)
      );
    `);
    this.#append = this.db.prepare('INSERT INTO room_updates (room, data) VALUES (?, ?)');
    this.#loadSnapshot = this.db.prepare('SELECT state FROM room_snapshots WHERE room = ?');
    this.#loadLog = this.db.prepare('SELECT seq, data FROM room_updates WHERE room = ? ORDER BY seq');
    this.#loadLogSince = this.db.prepare('SELECT seq, data FROM room_updates WHERE room = ? AND seq > ? ORDER BY seq');
    this.#loadRefused = this.db.prepare('SELECT client, clock FROM room_refused WHERE room = ?');
    // The earliest refused clock wins.
    this.#refuse = this.db.prepare(
      'INSERT INTO room_refused (room, client, clock) VALUES (?, ?, ?) ON CONFLICT (room, client) DO UPDATE SET clock = MIN(clock, excluded.clock)',
    );
    const putSnapshot = this.db.prepare(
      'INSERT INTO room_snapshots (room, state, updated_at) VALUES (?, ?, ?) ' +
        'ON CONFLICT (room) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
    );
    const dropLog = this.db.prepare('DELETE FROM room_updates WHERE room = ? AND seq <= ?');
    this.#compact = this.db.transaction((room: string, state: Uint8Array, uptoSeq: number) => {
      putSnapshot.run(room, toBuffer(state), Date.now());
      dropLog.run(room, uptoSeq);
    });
    const dropAllLog = this.db.prepare('DELETE FROM room_updates WHERE room = ?');
    const dropSnapshot = this.db.prepare('DELETE FROM room_snapshots WHERE room = ?');
    const dropRefused = this.db.prepare('DELETE FROM room_refused WHERE room = ?');
    this.#deleteRoom = this.db.transaction((room: string) => {
      dropAllLog.run(room);
      dropSnapshot.run(room);
      dropRefused.run(room);
    });
  }

  /** The synchronous read `load` and `loadMany` share. */
  loadNow(room: string): StoredRoom {
    const snap = this.#loadSnapshot.get(room);
    const rows = this.#loadLog.all(room);
    return {
      snapshot: snap ? view(snap.state) : null,
      ...rowsOf(rows),
      refused: new Map(this.#loadRefused.all(room).map((r) => [r.client, r.clock])),
    };
  }

  async load(room: string): Promise<StoredRoom> {
    return this.loadNow(room);
  }

  /** One process writes the file, so no other holder compacts behind this one's back: rows only. */
  async loadSince(room: string, afterSeq: number): Promise<StoredRoom> {
    return { snapshot: null, ...rowsOf(this.#loadLogSince.all(room, afterSeq)), refused: new Map() };
  }

  async loadMany(rooms: readonly string[]): Promise<Map<string, StoredRoom>> {
    return this.db.transaction(() => new Map(rooms.map((r) => [r, this.loadNow(r)])))();
  }

  async refuseClient(room: string, client: number, clock: number): Promise<void> {
    this.#refuse.run(room, client, clock);
  }

  async append(room: string, update: Uint8Array): Promise<number> {
    return this.appendNow(room, update);
  }

  /** The synchronous append (tests that need a row at once). */
  appendNow(room: string, update: Uint8Array): number {
    return Number(this.#append.run(room, toBuffer(update)).lastInsertRowid);
  }

  async compact(room: string, state: Uint8Array, uptoSeq: number): Promise<void> {
    this.#compact(room, state, uptoSeq);
  }

  async deleteRoom(room: string): Promise<void> {
    this.#deleteRoom(room);
  }

  async listRooms(): Promise<string[]> {
    const rows = this.db
      .prepare<[], { room: string }>('SELECT room FROM room_snapshots UNION SELECT DISTINCT room FROM room_updates ORDER BY room')
      .all();
    return rows.map((r) => r.room);
  }

  async heads(rooms: readonly string[]): Promise<Map<string, number>> {
    const q = this.db.prepare<[string], { seq: number | null }>('SELECT max(seq) AS seq FROM room_updates WHERE room = ?');
    return new Map(rooms.map((r) => [r, q.get(r)?.seq ?? 0]));
  }

  isOpen(): boolean {
    return this.db.open;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function view(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

function rowsOf(rows: { seq: number; data: Buffer }[]): { updates: Uint8Array[]; lastSeq: number; logBytes: number } {
  let logBytes = 0;
  const updates = rows.map((r) => {
    logBytes += r.data.byteLength;
    return view(r.data);
  });
  return { updates, lastSeq: rows.length > 0 ? (rows[rows.length - 1] as { seq: number }).seq : 0, logBytes };
}

function toBuffer(u: Uint8Array): Buffer {
  return Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}
