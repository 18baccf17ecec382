/**
 * Room documents in PostgreSQL (the `Store` of ../store.ts), shared by every instance.
 *
 * Appends are group-committed: those made in one tick of the event loop are written by one
 * statement (one round trip, atomic), and each caller's promise resolves when that statement
 * has committed, never later. Up to four statements run at once (PostgreSQL then flushes their
 * commits together); appends that come while all four run gather for the next, so a busy
 * instance writes larger batches rather than queueing round trips. A room's rows are never in
 * two statements at once, which keeps them in the order they were appended.
 *
 * Sequence numbers: the statement raises `rooms.last_seq` by the number of rows of each room
 * (row lock held to commit; rooms taken in name order, so two instances never deadlock) and
 * numbers the rows below it, so a room's rows are consecutive in commit order.
 *
 * Every read is one statement, so it sees one consistent moment (READ COMMITTED takes one
 * snapshot per statement): a load never sees a compaction half done, and `loadMany` reads all
 * boards of a workshop at one moment.
 */
import type { Store, StoredRoom } from '../store.js';
import { buffer, bytes, type Database } from './database.js';

/** Rows one append statement carries at most (a burst waits for the next statement). */
const MAX_BATCH = 1000;
/** Append statements in flight at once. */
const MAX_WRITING = 4;

interface Pending {
  room: string;
  update: Uint8Array;
  resolve: (seq: number) => void;
  reject: (err: unknown) => void;
}

const APPEND = `
  WITH batch AS (
    SELECT * FROM unnest($1::text[], $2::int[], $3::bytea[]) AS b(room, back, data)
  ), heads AS (
    INSERT INTO rooms (name, last_seq)
      SELECT room, count(*) FROM batch GROUP BY room ORDER BY room
    ON CONFLICT (name) DO UPDATE SET last_seq = rooms.last_seq + excluded.last_seq
    RETURNING name, last_seq
  )
  INSERT INTO room_updates (room, seq, data)
    SELECT b.room, h.last_seq - b.back, b.data FROM batch b JOIN heads h ON h.name = b.room
  RETURNING room, seq`;

/** One room's parts, read with one statement; `after` limits rows (and the snapshot) to what is newer. */
const READ = `
  SELECT 's' AS kind, room, upto_seq AS a, 0::bigint AS b, state AS data FROM room_snapshots WHERE room = ANY($1) AND upto_seq > $2
  UNION ALL SELECT 'u', room, seq, 0, data FROM room_updates WHERE room = ANY($1) AND seq > $2
  UNION ALL SELECT 'r', room, client, clock, NULL FROM room_refused WHERE room = ANY($1) AND $2 = 0
  UNION ALL SELECT 'h', name, last_seq, 0, NULL FROM rooms WHERE name = ANY($1)`;

interface ReadRow {
  kind: 's' | 'u' | 'r' | 'h';
  room: string;
  a: number;
  b: number;
  data: Buffer | null;
}

export class PostgresStore implements Store {
  readonly shared = true;
  readonly #pending: Pending[] = [];
  #scheduled = false;
  #writing = 0;
  /** Rooms with rows in a statement now. */
  readonly #busy = new Set<string>();

  constructor(readonly db: Database) {}

  async #read(rooms: readonly string[], after: number, op: string): Promise<Map<string, StoredRoom>> {
    const { rows } = await this.db.query<ReadRow>(op, READ, [rooms, after]);
    const out = new Map<string, StoredRoom>();
    for (const r of rooms) out.set(r, { snapshot: null, updates: [], lastSeq: after, logBytes: 0, refused: new Map() });
    const logs = new Map<string, { seq: number; data: Uint8Array }[]>();
    for (const row of rows) {
      const room = out.get(row.room) as StoredRoom;
      if (row.kind === 's') room.snapshot = bytes(row.data as Buffer);
      else if (row.kind === 'u') {
        let log = logs.get(row.room);
        if (!log) logs.set(row.room, (log = []));
        log.push({ seq: row.a, data: bytes(row.data as Buffer) });
      } else if (row.kind === 'r') room.refused.set(row.a, row.b);
      else room.lastSeq = Math.max(after, row.a);
    }
    for (const [name, log] of logs) {
      const room = out.get(name) as StoredRoom;
      log.sort((x, y) => x.seq - y.seq);
      room.updates = log.map((l) => l.data);
      room.logBytes = log.reduce((n, l) => n + l.data.byteLength, 0);
    }
    return out;
  }

  async load(room: string): Promise<StoredRoom> {
    return (await this.#read([room], 0, 'load')).get(room) as StoredRoom;
  }

  async loadSince(room: string, afterSeq: number): Promise<StoredRoom> {
    return (await this.#read([room], afterSeq, 'load-since')).get(room) as StoredRoom;
  }

  async loadMany(rooms: readonly string[]): Promise<Map<string, StoredRoom>> {
    return this.#read(rooms, 0, 'load-many');
  }

  append(room: string, update: Uint8Array): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      if (this.db.closed) return reject(new Error('the store is closed'));
      this.#pending.push({ room, update, resolve, reject });
      this.#schedule();
    });
  }

  /** The next statement goes out at the end of this tick (or when the one running commits). */
  #schedule(): void {
    if (this.#scheduled || this.#writing >= MAX_WRITING || this.#pending.length === 0) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      void this.#write();
    });
  }

  async #write(): Promise<void> {
    if (this.#writing >= MAX_WRITING) return;
    // Rows of rooms not in a running statement, in the order appended.
    const batch: Pending[] = [];
    const rest: Pending[] = [];
    for (const p of this.#pending) (batch.length < MAX_BATCH && !this.#busy.has(p.room) ? batch : rest).push(p);
    if (batch.length === 0) return;
    this.#pending.splice(0, this.#pending.length, ...rest);
    const rooms = new Set(batch.map((p) => p.room));
    for (const r of rooms) this.#busy.add(r);
    this.#writing++;
    try {
      // Each row's distance below its room's new head, in the order the rows were appended.
      const left = new Map<string, number>();
      for (const p of batch) left.set(p.room, (left.get(p.room) ?? 0) + 1);
      const back = batch.map((p) => {
        const n = (left.get(p.room) as number) - 1;
        left.set(p.room, n);
        return n;
      });
      const { rows } = await this.db.query<{ room: string; seq: number }>('append', APPEND, [batch.map((p) => p.room), back, batch.map((p) => buffer(p.update))]);
      const head = new Map<string, number>();
      for (const r of rows) head.set(r.room, Math.max(head.get(r.room) ?? 0, r.seq));
      batch.forEach((p, i) => p.resolve((head.get(p.room) as number) - (back[i] as number)));
    } catch (err) {
      for (const p of batch) p.reject(err);
    } finally {
      this.#writing--;
      for (const r of rooms) this.#busy.delete(r);
      this.#schedule();
    }
  }

  /** Rows one statement carried in the last appends (for tests of group commit). */
  get pendingAppends(): number {
    return this.#pending.length;
  }

  async compact(room: string, state: Uint8Array, uptoSeq: number): Promise<void> {
    // One statement: the snapshot moves forward only, and the rows it holds go with it.
    await this.db.query(
      'compact',
      `WITH snap AS (
         INSERT INTO room_snapshots (room, state, upto_seq, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (room) DO UPDATE SET state = excluded.state, upto_seq = excluded.upto_seq, updated_at = excluded.updated_at
           WHERE room_snapshots.upto_seq < excluded.upto_seq
         RETURNING upto_seq
       )
       DELETE FROM room_updates WHERE room = $1 AND seq <= (SELECT upto_seq FROM snap)`,
      [room, buffer(state), uptoSeq, Date.now()],
    );
  }

  async refuseClient(room: string, client: number, clock: number): Promise<void> {
    await this.db.query(
      'refuse',
      'INSERT INTO room_refused (room, client, clock) VALUES ($1, $2, $3) ON CONFLICT (room, client) DO UPDATE SET clock = LEAST(room_refused.clock, excluded.clock)',
      [room, client, clock],
    );
  }

  /**
   * Removes the room's data. Its head stays, so a number is never used twice: a holder that
   * has not yet heard of the deletion sees any row written after it as new.
   */
  async deleteRoom(room: string): Promise<void> {
    await this.db.query(
      'delete-room',
      `WITH a AS (DELETE FROM room_updates WHERE room = $1), b AS (DELETE FROM room_snapshots WHERE room = $1)
       DELETE FROM room_refused WHERE room = $1`,
      [room],
    );
  }

  async listRooms(): Promise<string[]> {
    const { rows } = await this.db.query<{ room: string }>('list-rooms', 'SELECT room FROM room_snapshots UNION SELECT DISTINCT room FROM room_updates ORDER BY room');
    return rows.map((r) => r.room);
  }

  async heads(rooms: readonly string[]): Promise<Map<string, number>> {
    const out = new Map(rooms.map((r) => [r, 0]));
    if (rooms.length === 0) return out;
    const { rows } = await this.db.query<{ name: string; last_seq: number }>('heads', 'SELECT name, last_seq FROM rooms WHERE name = ANY($1)', [rooms]);
    for (const r of rows) out.set(r.name, r.last_seq);
    return out;
  }

  isOpen(): boolean {
    return this.db.healthy;
  }

  async close(): Promise<void> {
    // Appends already handed over are written first.
    while (this.#writing > 0 || this.#pending.length > 0) await new Promise((r) => setTimeout(r, 5));
    await this.db.close();
  }
}
