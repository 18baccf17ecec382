/**
 * Workshops in SQLite (the `WorkshopStore` of `../store.ts`), in the database file of the
 * room store: tokens are kept as SHA-256 hashes only (a token is 192 random bits, so its
 * hash is looked up directly); a snapshot set is written in one transaction; foreign keys
 * cascade, so deleting a workshop deletes its groups, tokens and snapshots. A revoked token
 * keeps its row (marked), so that it is refused with a reason rather than as unknown. Each
 * method has done its work before its promise is returned (better-sqlite3 is synchronous).
 */
import type Database from 'better-sqlite3';
import type { Part } from '../../../src/workshop/parts.js';
import { groupRoom } from '../../../src/workshop/rooms.js';
import { hashToken, newCode, newId, newToken, plenumTokenFor, TOKEN_PATTERN } from '../../workshop/tokens.js';
import type { Access, CreatedWorkshop, Group, NewWorkshop, Role, SnapshotSet, Workshop } from '../../workshop/types.js';
import type { WorkshopStore } from '../store.js';
import { SqliteVoteStore } from './vote-store.js';

interface WorkshopRow {
  id: string;
  title: string;
  parts: string;
  locale: string;
  created_at: number;
  locked: number;
  cross_view: number;
}

interface GroupRow {
  number: number;
  name: string;
  code: string;
}

export class SqliteWorkshopStore implements WorkshopStore {
  readonly votes: SqliteVoteStore;
  readonly #insertWorkshop;
  readonly #insertGroup;
  readonly #getWorkshop;
  readonly #getGroups;
  readonly #byCode;
  readonly #setFlag;
  readonly #deleteWorkshop;
  readonly #expired;
  readonly #insertSet;
  readonly #insertSnapshot;
  readonly #listSets;
  readonly #getSnapshot;
  readonly #renameGroup;
  readonly #insertToken;
  readonly #token;
  readonly #isLocked;
  readonly #revoke;
  readonly #countTokens;
  readonly #noteFreeBoard;
  readonly #expiredFreeBoards;
  readonly #forgetFreeBoard;

  constructor(readonly db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS workshops (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        parts TEXT NOT NULL,
        locale TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        locked INTEGER NOT NULL DEFAULT 0,
        cross_view INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE IF NOT EXISTS workshop_groups (
        workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        name TEXT NOT NULL,
        code TEXT NOT NULL UNIQUE,
        PRIMARY KEY (workshop_id, number)
      );
      ${tokensTable('workshop_tokens')}
      CREATE INDEX IF NOT EXISTS workshop_tokens_workshop ON workshop_tokens (workshop_id);
      CREATE TABLE IF NOT EXISTS snapshot_sets (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS snapshots (
        set_id TEXT NOT NULL REFERENCES snapshot_sets (id) ON DELETE CASCADE,
        group_number INTEGER NOT NULL,
        state BLOB NOT NULL,
        PRIMARY KEY (set_id, group_number)
      );
      CREATE TABLE IF NOT EXISTS free_boards (
        room TEXT PRIMARY KEY,
        created_at INTEGER NOT NULL
      );
    `);
    migrateTokens(db);
    this.votes = new SqliteVoteStore(db);
    db.pragma('foreign_keys = ON');
    this.#insertWorkshop = db.prepare(
      'INSERT INTO workshops (id, title, parts, locale, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.#insertGroup = db.prepare('INSERT INTO workshop_groups (workshop_id, number, name, code) VALUES (?, ?, ?, ?)');
    this.#insertToken = db.prepare('INSERT OR IGNORE INTO workshop_tokens (hash, workshop_id, role, group_number, shared) VALUES (?, ?, ?, ?, ?)');
    this.#token = db.prepare<[string], { workshop_id: string; role: Role; group_number: number | null; shared: number; revoked_at: number | null }>(
      'SELECT workshop_id, role, group_number, shared, revoked_at FROM workshop_tokens WHERE hash = ?',
    );
    this.#revoke = db.prepare('UPDATE workshop_tokens SET revoked_at = ? WHERE hash = ? AND workshop_id = ? AND revoked_at IS NULL');
    this.#countTokens = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM workshop_tokens WHERE workshop_id = ?');
    this.#noteFreeBoard = db.prepare('INSERT OR IGNORE INTO free_boards (room, created_at) VALUES (?, ?)');
    this.#expiredFreeBoards = db.prepare<[number], { room: string }>('SELECT room FROM free_boards WHERE created_at < ?');
    this.#forgetFreeBoard = db.prepare('DELETE FROM free_boards WHERE room = ?');
    this.#getWorkshop = db.prepare<[string], WorkshopRow>('SELECT * FROM workshops WHERE id = ?');
    this.#getGroups = db.prepare<[string], GroupRow>('SELECT number, name, code FROM workshop_groups WHERE workshop_id = ? ORDER BY number');
    this.#byCode = db.prepare<[string], { workshop_id: string; number: number }>('SELECT workshop_id, number FROM workshop_groups WHERE code = ?');
    this.#setFlag = {
      locked: db.prepare('UPDATE workshops SET locked = ? WHERE id = ?'),
      crossView: db.prepare('UPDATE workshops SET cross_view = ? WHERE id = ?'),
    };
    this.#deleteWorkshop = db.prepare('DELETE FROM workshops WHERE id = ?');
    this.#isLocked = db.prepare<[string], { locked: number }>('SELECT locked FROM workshops WHERE id = ?');
    this.#expired = db.prepare<[number], { id: string }>('SELECT id FROM workshops WHERE created_at < ?');
    this.#insertSet = db.prepare('INSERT INTO snapshot_sets (id, workshop_id, name, created_at) VALUES (?, ?, ?, ?)');
    this.#insertSnapshot = db.prepare('INSERT INTO snapshots (set_id, group_number, state) VALUES (?, ?, ?)');
    this.#listSets = db.prepare<[string], { id: string; name: string; created_at: number; groups: string | null }>(
      'SELECT s.id, s.name, s.created_at, group_concat(p.group_number) AS groups FROM snapshot_sets s LEFT JOIN snapshots p ON p.set_id = s.id WHERE s.workshop_id = ? GROUP BY s.id ORDER BY s.created_at, s.rowid',
    );
    this.#getSnapshot = db.prepare<[string, string, number], { state: Buffer }>(
      'SELECT p.state FROM snapshots p JOIN snapshot_sets s ON s.id = p.set_id WHERE s.workshop_id = ? AND p.set_id = ? AND p.group_number = ?',
    );
    this.#renameGroup = db.prepare('UPDATE workshop_groups SET name = ? WHERE workshop_id = ? AND number = ?');
  }

  async create(input: NewWorkshop): Promise<CreatedWorkshop> {
    const id = newId();
    const facilitatorToken = newToken();
    const plenumToken = plenumTokenFor(facilitatorToken);
    const groupTokens = new Map<number, string>();
    this.db.transaction(() => {
      this.#insertWorkshop.run(id, input.title, JSON.stringify(input.parts), input.locale, Date.now());
      this.#insertToken.run(hashToken(facilitatorToken), id, 'facilitator', null, 0);
      this.#insertToken.run(hashToken(plenumToken), id, 'plenum', null, 0);
      for (let n = 1; n <= input.groups; n++) groupTokens.set(n, this.#addGroup(id, n, input.groupName(n)));
    })();
    return { workshop: this.#getNow(id) as Workshop, facilitatorToken, plenumToken, groupTokens };
  }

  /** Keeps the hash of a plenum token (idempotent: workshops made before plenum tokens get theirs). */
  async addPlenumToken(workshopId: string, token: string): Promise<void> {
    this.#insertToken.run(hashToken(token), workshopId, 'plenum', null, 0);
  }

  /** Adds group `n` with a fresh unique code; returns the token of its join link (shared by whoever has the link). */
  #addGroup(workshopId: string, n: number, name: string): string {
    for (let attempt = 0; ; attempt++) {
      try {
        this.#insertGroup.run(workshopId, n, name, newCode());
        break;
      } catch (err) {
        // A code already in use (about 1 in 900 million per pair): draw another.
        if (attempt > 20 || !String(err).includes('UNIQUE constraint failed: workshop_groups.code')) throw err;
      }
    }
    const token = newToken();
    this.#insertToken.run(hashToken(token), workshopId, 'participant', n, 1);
    return token;
  }

  /** A new participant token for group `n` (each join by code gets its own). */
  async issueGroupToken(workshopId: string, n: number): Promise<string> {
    const token = newToken();
    this.#insertToken.run(hashToken(token), workshopId, 'participant', n, 0);
    return token;
  }

  /** How many tokens workshop `id` has handed out (revoked ones included). */
  async tokenCount(workshopId: string): Promise<number> {
    return this.#countTokens.get(workshopId)?.n ?? 0;
  }

  /** Revokes `token` of workshop `id`; false when it was unknown or already revoked. */
  async revoke(workshopId: string, token: string, now = Date.now()): Promise<boolean> {
    if (!TOKEN_PATTERN.test(token)) return false;
    return this.#revoke.run(now, hashToken(token), workshopId).changes > 0;
  }

  /** Was `token` of workshop `id` revoked? */
  async isRevoked(workshopId: string, token: string): Promise<boolean> {
    if (!TOKEN_PATTERN.test(token)) return false;
    const row = this.#token.get(hashToken(token));
    return row !== undefined && row.workshop_id === workshopId && row.revoked_at !== null;
  }

  /** Adds a new group (e.g. a board restored from a snapshot); returns it and its token. */
  async addGroup(workshopId: string, name: string): Promise<{ group: Group; token: string }> {
    const w = this.#getNow(workshopId);
    if (!w) throw new Error('no such workshop');
    const n = Math.max(0, ...w.groups.map((g) => g.number)) + 1;
    const token = this.db.transaction(() => this.#addGroup(workshopId, n, name))();
    return { group: (this.#getNow(workshopId) as Workshop).groups.find((g) => g.number === n) as Group, token };
  }

  async renameGroup(workshopId: string, n: number, name: string): Promise<void> {
    this.#renameGroup.run(name, workshopId, n);
  }

  async get(id: string): Promise<Workshop | null> {
    return this.#getNow(id);
  }

  #getNow(id: string): Workshop | null {
    const row = this.#getWorkshop.get(id);
    if (!row) return null;
    return {
      id: row.id,
      title: row.title,
      parts: JSON.parse(row.parts) as Part[],
      locale: row.locale === 'en' ? 'en' : 'da',
      createdAt: row.created_at,
      locked: row.locked === 1,
      crossView: row.cross_view === 1,
      groups: this.#getGroups.all(id).map((g) => ({ number: g.number, name: g.name, code: g.code, room: groupRoom(id, g.number) })),
    };
  }

  /** Who `token` is in workshop `id`; null when it is nobody. */
  async authenticate(id: string, token: string): Promise<Access | null> {
    if (!TOKEN_PATTERN.test(token)) return null;
    const row = this.#token.get(hashToken(token));
    if (!row || row.workshop_id !== id || row.revoked_at !== null) return null;
    const workshop = this.#getNow(id);
    if (!workshop) return null;
    if (row.role !== 'participant') return { workshop, role: row.role };
    const group = workshop.groups.find((g) => g.number === row.group_number);
    return group ? { workshop, role: 'participant', group, shared: row.shared === 1 } : null;
  }

  /** The group a typed code belongs to. */
  async byCode(code: string): Promise<{ workshopId: string; group: number } | null> {
    const row = this.#byCode.get(code);
    return row ? { workshopId: row.workshop_id, group: row.number } : null;
  }

  /** Just the lock flag (checked on every write of a participant). */
  async isLocked(id: string): Promise<boolean> {
    return (this.#isLocked.get(id)?.locked ?? 0) === 1;
  }

  async setLocked(id: string, locked: boolean): Promise<void> {
    this.#setFlag.locked.run(locked ? 1 : 0, id);
  }

  async setCrossView(id: string, enabled: boolean): Promise<void> {
    this.#setFlag.crossView.run(enabled ? 1 : 0, id);
  }

  async delete(id: string): Promise<void> {
    this.#deleteWorkshop.run(id);
  }

  /** Ids of workshops created before `cutoff` (ms since epoch). */
  async expired(cutoff: number): Promise<string[]> {
    return this.#expired.all(cutoff).map((r) => r.id);
  }

  /** Stores one state per group as a named set, in one transaction. */
  async saveSnapshotSet(workshopId: string, name: string, states: Map<number, Uint8Array>): Promise<SnapshotSet> {
    const id = newId();
    const createdAt = Date.now();
    this.db.transaction(() => {
      this.#insertSet.run(id, workshopId, name, createdAt);
      for (const [n, state] of states) this.#insertSnapshot.run(id, n, Buffer.from(state.buffer, state.byteOffset, state.byteLength));
    })();
    return { id, name, createdAt, groups: [...states.keys()].sort((a, b) => a - b) };
  }

  async listSnapshotSets(workshopId: string): Promise<SnapshotSet[]> {
    return this.#listSets.all(workshopId).map((r) => ({
      id: r.id,
      name: r.name,
      createdAt: r.created_at,
      groups: (r.groups ?? '').split(',').filter(Boolean).map(Number).sort((a, b) => a - b),
    }));
  }

  async snapshot(workshopId: string, setId: string, group: number): Promise<Uint8Array | null> {
    const row = this.#getSnapshot.get(workshopId, setId, group);
    return row ? new Uint8Array(row.state.buffer, row.state.byteOffset, row.state.byteLength) : null;
  }

  /** Remembers when free board `room` was first opened (the retention clock starts there). */
  async noteFreeBoard(room: string, now = Date.now()): Promise<void> {
    this.#noteFreeBoard.run(room, now);
  }

  /** Free boards first opened before `cutoff`. */
  async expiredFreeBoards(cutoff: number): Promise<string[]> {
    return this.#expiredFreeBoards.all(cutoff).map((r) => r.room);
  }

  async forgetFreeBoard(room: string): Promise<void> {
    this.#forgetFreeBoard.run(room);
  }
}

/** The tokens table: a role each; `shared` marks a group's link token (everyone with the link holds it). */
function tokensTable(name: string): string {
  return `CREATE TABLE IF NOT EXISTS ${name} (
        hash TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('facilitator', 'plenum', 'participant')),
        group_number INTEGER,
        shared INTEGER NOT NULL DEFAULT 0,
        revoked_at INTEGER
      );`;
}

/**
 * A database from before plenum tokens: its tokens table allows two roles and has no `shared`
 * or `revoked_at`. SQLite cannot change a CHECK in place, so the table is rebuilt in one
 * transaction. The first participant token of each group was the one its link carries.
 */
function migrateTokens(db: Database.Database): void {
  const row = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'workshop_tokens'").get();
  if (!row || row.sql.includes("'plenum'")) return;
  db.transaction(() => {
    db.exec(`
      ${tokensTable('workshop_tokens_new')}
      INSERT INTO workshop_tokens_new (hash, workshop_id, role, group_number, shared)
        SELECT hash, workshop_id, role, group_number,
          rowid IN (SELECT min(rowid) FROM workshop_tokens WHERE role = 'participant' GROUP BY workshop_id, group_number)
        FROM workshop_tokens;
      DROP TABLE workshop_tokens;
      ALTER TABLE workshop_tokens_new RENAME TO workshop_tokens;
      CREATE INDEX IF NOT EXISTS workshop_tokens_workshop ON workshop_tokens (workshop_id);
    `);
  })();
}
