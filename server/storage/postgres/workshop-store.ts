/**
 * Workshops in PostgreSQL (the `WorkshopStore` of ../store.ts): the same rules as SQLite's
 * (tokens kept as SHA-256 hashes, revoked tokens kept and marked, everything of a workshop
 * deleted with it by cascade), made safe against other instances writing the same workshop at
 * the same moment: a new group's number is chosen under the workshop row's lock, a code that
 * is already taken is drawn again, and every write of several rows is one transaction.
 *
 * The lock flag is read on every write of a participant. `isLocked` answers all the callers
 * that asked while no read of it was running with one statement, which starts after each of
 * them asked: a lock set through any instance before a write arrived refuses that write.
 */
import type { Part } from '../../../src/workshop/parts.js';
import { groupRoom } from '../../../src/workshop/rooms.js';
import { hashToken, newCode, newId, newToken, plenumTokenFor, TOKEN_PATTERN } from '../../workshop/tokens.js';
import type { Access, CreatedWorkshop, Group, NewWorkshop, Role, SnapshotSet, Workshop } from '../../workshop/types.js';
import type { WorkshopStore } from '../store.js';
import { buffer, bytes, type Database, type Queryable } from './database.js';
import { PostgresVoteStore } from './vote-store.js';

interface WorkshopRow {
  id: string;
  title: string;
  parts: string;
  locale: string;
  created_at: number;
  locked: boolean;
  cross_view: boolean;
  groups: { number: number; name: string; code: string }[] | null;
}

const WORKSHOP = `
  SELECT w.*, (SELECT json_agg(json_build_object('number', g.number, 'name', g.name, 'code', g.code) ORDER BY g.number)
               FROM workshop_groups g WHERE g.workshop_id = w.id) AS groups
  FROM workshops w WHERE w.id = $1`;

function workshopOf(row: WorkshopRow): Workshop {
  return {
    id: row.id,
    title: row.title,
    parts: JSON.parse(row.parts) as Part[],
    locale: row.locale === 'en' ? 'en' : 'da',
    createdAt: row.created_at,
    locked: row.locked,
    crossView: row.cross_view,
    groups: (row.groups ?? []).map((g) => ({ number: g.number, name: g.name, code: g.code, room: groupRoom(row.id, g.number) })),
  };
}

export class PostgresWorkshopStore implements WorkshopStore {
  readonly votes: PostgresVoteStore;
  /** Callers of `isLocked` waiting for the next read, by workshop. */
  #lockWaiters = new Map<string, ((locked: boolean) => void)[]>();
  #lockFailures: ((err: unknown) => void)[] = [];
  #lockReading = false;

  constructor(readonly db: Database) {
    this.votes = new PostgresVoteStore(db);
  }

  async create(input: NewWorkshop): Promise<CreatedWorkshop> {
    const id = newId();
    const facilitatorToken = newToken();
    const plenumToken = plenumTokenFor(facilitatorToken);
    const groupTokens = new Map<number, string>();
    await this.db.transaction('workshop-create', async (c) => {
      await c.query('INSERT INTO workshops (id, title, parts, locale, created_at) VALUES ($1, $2, $3, $4, $5)', [id, input.title, JSON.stringify(input.parts), input.locale, Date.now()]);
      await insertToken(c, facilitatorToken, id, 'facilitator', null, false);
      await insertToken(c, plenumToken, id, 'plenum', null, false);
      for (let n = 1; n <= input.groups; n++) groupTokens.set(n, await addGroupRow(c, id, n, input.groupName(n)));
    });
    return { workshop: (await this.get(id)) as Workshop, facilitatorToken, plenumToken, groupTokens };
  }

  async addPlenumToken(workshopId: string, token: string): Promise<void> {
    await insertToken(this.#q('token-add'), token, workshopId, 'plenum', null, false);
  }

  async issueGroupToken(workshopId: string, n: number): Promise<string> {
    const token = newToken();
    await insertToken(this.#q('token-issue'), token, workshopId, 'participant', n, false);
    return token;
  }

  async tokenCount(workshopId: string): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>('token-count', 'SELECT count(*) AS n FROM workshop_tokens WHERE workshop_id = $1', [workshopId]);
    return rows[0]?.n ?? 0;
  }

  async revoke(workshopId: string, token: string, now = Date.now()): Promise<boolean> {
    if (!TOKEN_PATTERN.test(token)) return false;
    const r = await this.db.query('token-revoke', 'UPDATE workshop_tokens SET revoked_at = $1 WHERE hash = $2 AND workshop_id = $3 AND revoked_at IS NULL', [now, hashToken(token), workshopId]);
    return (r.rowCount ?? 0) > 0;
  }

  async isRevoked(workshopId: string, token: string): Promise<boolean> {
    if (!TOKEN_PATTERN.test(token)) return false;
    const { rows } = await this.db.query<{ workshop_id: string; revoked_at: number | null }>('token-read', 'SELECT workshop_id, revoked_at FROM workshop_tokens WHERE hash = $1', [hashToken(token)]);
    const row = rows[0];
    return row !== undefined && row.workshop_id === workshopId && row.revoked_at !== null;
  }

  async addGroup(workshopId: string, name: string): Promise<{ group: Group; token: string }> {
    const { n, token } = await this.db.transaction('group-add', async (c) => {
      // The workshop row's lock: two instances adding a group at once take the next numbers in turn.
      const w = await c.query('SELECT id FROM workshops WHERE id = $1 FOR UPDATE', [workshopId]);
      if (w.rowCount === 0) throw new Error('no such workshop');
      const { rows } = await c.query<{ n: number }>('SELECT coalesce(max(number), 0) + 1 AS n FROM workshop_groups WHERE workshop_id = $1', [workshopId]);
      const n = rows[0]?.n ?? 1;
      return { n, token: await addGroupRow(c, workshopId, n, name) };
    });
    return { group: ((await this.get(workshopId)) as Workshop).groups.find((g) => g.number === n) as Group, token };
  }

  async renameGroup(workshopId: string, n: number, name: string): Promise<void> {
    await this.db.query('group-rename', 'UPDATE workshop_groups SET name = $1 WHERE workshop_id = $2 AND number = $3', [name, workshopId, n]);
  }

  async get(id: string): Promise<Workshop | null> {
    const { rows } = await this.db.query<WorkshopRow>('workshop-read', WORKSHOP, [id]);
    return rows[0] ? workshopOf(rows[0]) : null;
  }

  async authenticate(id: string, token: string): Promise<Access | null> {
    if (!TOKEN_PATTERN.test(token)) return null;
    // The token and its workshop in one statement (one moment).
    const { rows } = await this.db.query<WorkshopRow & { role: Role; group_number: number | null; shared: boolean; revoked_at: number | null }>(
      'authenticate',
      `SELECT t.role, t.group_number, t.shared, t.revoked_at, w.*,
              (SELECT json_agg(json_build_object('number', g.number, 'name', g.name, 'code', g.code) ORDER BY g.number)
               FROM workshop_groups g WHERE g.workshop_id = w.id) AS groups
       FROM workshop_tokens t JOIN workshops w ON w.id = t.workshop_id WHERE t.hash = $1 AND t.workshop_id = $2`,
      [hashToken(token), id],
    );
    const row = rows[0];
    if (!row || row.revoked_at !== null) return null;
    const workshop = workshopOf(row);
    if (row.role !== 'participant') return { workshop, role: row.role };
    const group = workshop.groups.find((g) => g.number === row.group_number);
    return group ? { workshop, role: 'participant', group, shared: row.shared } : null;
  }

  async byCode(code: string): Promise<{ workshopId: string; group: number } | null> {
    const { rows } = await this.db.query<{ workshop_id: string; number: number }>('group-by-code', 'SELECT workshop_id, number FROM workshop_groups WHERE code = $1', [code]);
    return rows[0] ? { workshopId: rows[0].workshop_id, group: rows[0].number } : null;
  }

  isLocked(id: string): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      const waiting = this.#lockWaiters.get(id);
      if (waiting) waiting.push(resolve);
      else this.#lockWaiters.set(id, [resolve]);
      this.#lockFailures.push(reject);
      if (!this.#lockReading) void this.#readLocks();
    });
  }

  /** One statement answers every workshop whose lock was asked for before it started. */
  async #readLocks(): Promise<void> {
    this.#lockReading = true;
    try {
      while (this.#lockWaiters.size > 0) {
        const waiters = this.#lockWaiters;
        const failures = this.#lockFailures;
        this.#lockWaiters = new Map();
        this.#lockFailures = [];
        try {
          const { rows } = await this.db.query<{ id: string; locked: boolean }>('lock-read', 'SELECT id, locked FROM workshops WHERE id = ANY($1)', [[...waiters.keys()]]);
          const locked = new Map(rows.map((r) => [r.id, r.locked]));
          for (const [id, list] of waiters) for (const resolve of list) resolve(locked.get(id) ?? false);
        } catch (err) {
          for (const reject of failures) reject(err);
        }
      }
    } finally {
      this.#lockReading = false;
    }
  }

  async setLocked(id: string, locked: boolean): Promise<void> {
    await this.db.query('workshop-lock', 'UPDATE workshops SET locked = $1 WHERE id = $2', [locked, id]);
  }

  async setCrossView(id: string, enabled: boolean): Promise<void> {
    await this.db.query('workshop-cross-view', 'UPDATE workshops SET cross_view = $1 WHERE id = $2', [enabled, id]);
  }

  async delete(id: string): Promise<void> {
    await this.db.query('workshop-delete', 'DELETE FROM workshops WHERE id = $1', [id]);
  }

  async expired(cutoff: number): Promise<string[]> {
    const { rows } = await this.db.query<{ id: string }>('workshop-expired', 'SELECT id FROM workshops WHERE created_at < $1', [cutoff]);
    return rows.map((r) => r.id);
  }

  async saveSnapshotSet(workshopId: string, name: string, states: Map<number, Uint8Array>): Promise<SnapshotSet> {
    const id = newId();
    const createdAt = Date.now();
    const groups = [...states.keys()];
    await this.db.transaction('snapshot-save', async (c) => {
      await c.query('INSERT INTO snapshot_sets (id, workshop_id, name, created_at) VALUES ($1, $2, $3, $4)', [id, workshopId, name, createdAt]);
      await c.query('INSERT INTO snapshots (set_id, group_number, state) SELECT $1, * FROM unnest($2::int[], $3::bytea[])', [id, groups, groups.map((n) => buffer(states.get(n) as Uint8Array))]);
    });
    return { id, name, createdAt, groups: groups.sort((a, b) => a - b) };
  }

  async listSnapshotSets(workshopId: string): Promise<SnapshotSet[]> {
    const { rows } = await this.db.query<{ id: string; name: string; created_at: number; groups: number[] | null }>(
      'snapshot-list',
      `SELECT s.id, s.name, s.created_at, array_agg(p.group_number ORDER BY p.group_number) FILTER (WHERE p.group_number IS NOT NULL) AS groups
       FROM snapshot_sets s LEFT JOIN snapshots p ON p.set_id = s.id WHERE s.workshop_id = $1 GROUP BY s.id ORDER BY s.created_at, s.n`,
      [workshopId],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, groups: r.groups ?? [] }));
  }

  async snapshot(workshopId: string, setId: string, group: number): Promise<Uint8Array | null> {
    const { rows } = await this.db.query<{ state: Buffer }>(
      'snapshot-read',
      'SELECT p.state FROM snapshots p JOIN snapshot_sets s ON s.id = p.set_id WHERE s.workshop_id = $1 AND p.set_id = $2 AND p.group_number = $3',
      [workshopId, setId, group],
    );
    return rows[0] ? bytes(rows[0].state) : null;
  }

  async noteFreeBoard(room: string, now = Date.now()): Promise<void> {
    await this.db.query('free-board-note', 'INSERT INTO free_boards (room, created_at) VALUES ($1, $2) ON CONFLICT (room) DO NOTHING', [room, now]);
  }

  async expiredFreeBoards(cutoff: number): Promise<string[]> {
    const { rows } = await this.db.query<{ room: string }>('free-board-expired', 'SELECT room FROM free_boards WHERE created_at < $1', [cutoff]);
    return rows.map((r) => r.room);
  }

  async forgetFreeBoard(room: string): Promise<void> {
    await this.db.query('free-board-forget', 'DELETE FROM free_boards WHERE room = $1', [room]);
  }

  /** One statement through the pool, counted as `op`. */
  #q(op: string): Queryable {
    return { query: ((sql: string, params?: unknown[]) => this.db.query(op, sql, params)) as Queryable['query'] };
  }
}

async function insertToken(c: Queryable, token: string, workshopId: string, role: Role, group: number | null, shared: boolean): Promise<void> {
  await c.query('INSERT INTO workshop_tokens (hash, workshop_id, role, group_number, shared) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (hash) DO NOTHING', [hashToken(token), workshopId, role, group, shared]);
}

/** Group `n` with a fresh unique code (drawn again while taken); returns its link token. */
async function addGroupRow(c: Queryable, workshopId: string, n: number, name: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const r = await c.query('INSERT INTO workshop_groups (workshop_id, number, name, code) VALUES ($1, $2, $3, $4) ON CONFLICT ON CONSTRAINT workshop_groups_code DO NOTHING', [workshopId, n, name, newCode()]);
    if ((r.rowCount ?? 0) > 0) break;
    // A code already in use (about 1 in 900 million per pair): draw another.
    if (attempt > 20) throw new Error('no free group code');
  }
  const token = newToken();
  await insertToken(c, token, workshopId, 'participant', n, true);
  return token;
}

