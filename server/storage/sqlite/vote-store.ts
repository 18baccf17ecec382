/**
 * Votes in SQLite (the `VoteStore` of `../vote-store.ts`), in the workshops' database file; its
 * tables reference `workshops` and cascade on delete. better-sqlite3 runs each write as one
 * synchronous transaction, so the rules checked inside it (open, not past its end, known
 * items, the allowance) hold against every other write.
 */
import type Database from 'better-sqlite3';
import type { VoteItem } from '../../../src/workshop/vote-api.js';
import { hashToken, newId, newToken, TOKEN_PATTERN } from '../../workshop/tokens.js';
import type { CastResult, NewVote, StoredVote, VoteCounts, VoteStore } from '../vote-store.js';

interface VoteRow {
  id: string;
  workshop_id: string;
  list_id: string;
  title: string;
  dots: number;
  ends_at: number | null;
  hidden: number;
  source: string;
  created_at: number;
  closed_at: number | null;
  revealed_at: number | null;
  version: number;
  voters: number | null;
  cast_dots: number | null;
}

interface ItemRow {
  key: number;
  label: string;
  detail: string;
  groups: string;
  total: number | null;
}

export const VOTE_TABLES = `
  CREATE TABLE IF NOT EXISTS votes (
    id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    list_id TEXT NOT NULL,
    title TEXT NOT NULL,
    dots INTEGER NOT NULL,
    ends_at INTEGER,
    hidden INTEGER NOT NULL,
    source TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    closed_at INTEGER,
    revealed_at INTEGER,
    version INTEGER NOT NULL DEFAULT 0,
    voters INTEGER,
    cast_dots INTEGER
  );
  CREATE INDEX IF NOT EXISTS votes_workshop ON votes (workshop_id);
  CREATE TABLE IF NOT EXISTS vote_items (
    vote_id TEXT NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
    key INTEGER NOT NULL,
    label TEXT NOT NULL,
    detail TEXT NOT NULL,
    groups TEXT NOT NULL,
    total INTEGER,
    PRIMARY KEY (vote_id, key)
  );
  CREATE TABLE IF NOT EXISTS vote_participants (
    hash TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS vote_participants_workshop ON vote_participants (workshop_id);
  CREATE TABLE IF NOT EXISTS vote_ballots (
    vote_id TEXT NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
    participant TEXT NOT NULL,
    item INTEGER NOT NULL,
    dots INTEGER NOT NULL,
    PRIMARY KEY (vote_id, participant, item)
  );
`;

export class SqliteVoteStore implements VoteStore {
  readonly #q;

  constructor(readonly db: Database.Database) {
    db.exec(VOTE_TABLES);
    this.#q = {
      insertParticipant: db.prepare('INSERT INTO vote_participants (hash, workshop_id, created_at) VALUES (?, ?, ?)'),
      countParticipants: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM vote_participants WHERE workshop_id = ?'),
      participant: db.prepare<[string], { workshop_id: string }>('SELECT workshop_id FROM vote_participants WHERE hash = ?'),
      insertVote: db.prepare('INSERT INTO votes (id, workshop_id, list_id, title, dots, ends_at, hidden, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      insertItem: db.prepare('INSERT INTO vote_items (vote_id, key, label, detail, groups) VALUES (?, ?, ?, ?, ?)'),
      vote: db.prepare<[string, string], VoteRow>('SELECT * FROM votes WHERE workshop_id = ? AND id = ?'),
      voteById: db.prepare<[string], VoteRow>('SELECT * FROM votes WHERE id = ?'),
      votes: db.prepare<[string], VoteRow>('SELECT * FROM votes WHERE workshop_id = ? ORDER BY created_at, rowid'),
      openVote: db.prepare<[string], VoteRow>('SELECT * FROM votes WHERE workshop_id = ? AND closed_at IS NULL ORDER BY created_at DESC LIMIT 1'),
      openVotes: db.prepare<[], VoteRow>('SELECT * FROM votes WHERE closed_at IS NULL'),
      items: db.prepare<[string], ItemRow>('SELECT key, label, detail, groups, total FROM vote_items WHERE vote_id = ? ORDER BY key'),
      deleteBallot: db.prepare('DELETE FROM vote_ballots WHERE vote_id = ? AND participant = ?'),
      insertBallot: db.prepare('INSERT INTO vote_ballots (vote_id, participant, item, dots) VALUES (?, ?, ?, ?)'),
      ballot: db.prepare<[string, string], { item: number; dots: number }>('SELECT item, dots FROM vote_ballots WHERE vote_id = ? AND participant = ?'),
      sums: db.prepare<[string], { item: number; n: number }>('SELECT item, sum(dots) AS n FROM vote_ballots WHERE vote_id = ? GROUP BY item'),
      voters: db.prepare<[string], { n: number }>('SELECT count(DISTINCT participant) AS n FROM vote_ballots WHERE vote_id = ?'),
      bump: db.prepare('UPDATE votes SET version = version + 1 WHERE id = ?'),
      setTotal: db.prepare('UPDATE vote_items SET total = ? WHERE vote_id = ? AND key = ?'),
      close: db.prepare('UPDATE votes SET closed_at = ?, voters = ?, cast_dots = ?, version = version + 1 WHERE id = ? AND closed_at IS NULL'),
      dropBallots: db.prepare('DELETE FROM vote_ballots WHERE vote_id = ?'),
      reveal: db.prepare('UPDATE votes SET revealed_at = ?, version = version + 1 WHERE id = ? AND revealed_at IS NULL'),
    };
  }

  async issueParticipant(workshopId: string, now = Date.now()): Promise<string> {
    const credential = newToken();
    this.#q.insertParticipant.run(hashToken(credential), workshopId, now);
    return credential;
  }

  async participantCount(workshopId: string): Promise<number> {
    return this.#q.countParticipants.get(workshopId)?.n ?? 0;
  }

  async isParticipant(workshopId: string, credential: string): Promise<boolean> {
    if (!TOKEN_PATTERN.test(credential)) return false;
    return this.#q.participant.get(hashToken(credential))?.workshop_id === workshopId;
  }

  async create(workshopId: string, input: NewVote, now = Date.now()): Promise<StoredVote> {
    const id = newId();
    this.db.transaction(() => {
      this.#q.insertVote.run(id, workshopId, input.list, input.title, input.dots, input.endsAt, input.hidden ? 1 : 0, input.source, now);
      for (const item of input.items) this.#q.insertItem.run(id, item.key, item.label, item.detail, JSON.stringify(item.groups));
    })();
    return this.#getNow(workshopId, id) as StoredVote;
  }

  #vote(row: VoteRow | undefined): StoredVote | null {
    if (!row) return null;
    const items: VoteItem[] = this.#q.items.all(row.id).map((r) => ({ key: r.key, label: r.label, detail: r.detail, groups: JSON.parse(r.groups) as number[] }));
    return {
      id: row.id,
      workshopId: row.workshop_id,
      list: row.list_id,
      title: row.title,
      dots: row.dots,
      endsAt: row.ends_at,
      hidden: row.hidden === 1,
      source: row.source,
      items,
      createdAt: row.created_at,
      closedAt: row.closed_at,
      revealedAt: row.revealed_at,
      version: row.version,
    };
  }

  async get(workshopId: string, voteId: string): Promise<StoredVote | null> {
    return this.#getNow(workshopId, voteId);
  }

  #getNow(workshopId: string, voteId: string): StoredVote | null {
    return this.#vote(this.#q.vote.get(workshopId, voteId));
  }

  async list(workshopId: string): Promise<StoredVote[]> {
    return this.#q.votes.all(workshopId).map((r) => this.#vote(r) as StoredVote);
  }

  async openVote(workshopId: string): Promise<StoredVote | null> {
    return this.#vote(this.#q.openVote.get(workshopId));
  }

  async openVotes(): Promise<StoredVote[]> {
    return this.#q.openVotes.all().map((r) => this.#vote(r) as StoredVote);
  }

  async cast(workshopId: string, voteId: string, credential: string, dots: ReadonlyMap<number, number>, now = Date.now()): Promise<CastResult> {
    return this.db.transaction((): CastResult => {
      const row = this.#q.vote.get(workshopId, voteId);
      if (!row) return { ok: false, reason: 'no-vote' };
      if (row.closed_at !== null || (row.ends_at !== null && now >= row.ends_at)) return { ok: false, reason: 'closed' };
      const keys = new Set(this.#q.items.all(voteId).map((r) => r.key));
      let used = 0;
      for (const [item, n] of dots) {
        if (!keys.has(item) || !Number.isInteger(n) || n < 0) return { ok: false, reason: 'item' };
        used += n;
      }
      if (used > row.dots) return { ok: false, reason: 'allowance' };
      const who = hashToken(credential);
      this.#q.deleteBallot.run(voteId, who);
      const mine = new Map<number, number>();
      for (const [item, n] of dots) {
        if (n === 0) continue;
        this.#q.insertBallot.run(voteId, who, item, n);
        mine.set(item, n);
      }
      this.#q.bump.run(voteId);
      return { ok: true, mine, used, version: row.version + 1 };
    })();
  }

  async ballot(voteId: string, credential: string): Promise<Map<number, number>> {
    if (!TOKEN_PATTERN.test(credential)) return new Map();
    return new Map(this.#q.ballot.all(voteId, hashToken(credential)).map((r) => [r.item, r.dots]));
  }

  async counts(voteId: string): Promise<VoteCounts | null> {
    return this.#countsNow(voteId);
  }

  #countsNow(voteId: string): VoteCounts | null {
    const row = this.#q.voteById.get(voteId);
    if (!row) return null;
    const items = this.#q.items.all(voteId);
    if (row.closed_at !== null) {
      const totals = items.map((i) => i.total ?? 0);
      return { version: row.version, totals, voters: row.voters ?? 0, cast: row.cast_dots ?? totals.reduce((a, b) => a + b, 0) };
    }
    const sums = new Map(this.#q.sums.all(voteId).map((r) => [r.item, r.n]));
    const totals = items.map((i) => sums.get(i.key) ?? 0);
    return { version: row.version, totals, voters: this.#q.voters.get(voteId)?.n ?? 0, cast: totals.reduce((a, b) => a + b, 0) };
  }

  async close(workshopId: string, voteId: string, now = Date.now()): Promise<StoredVote | null> {
    return this.db.transaction(() => {
      const row = this.#q.vote.get(workshopId, voteId);
      if (!row) return null;
      if (row.closed_at === null) {
        const counts = this.#countsNow(voteId) as VoteCounts;
        const items = this.#q.items.all(voteId);
        items.forEach((item, i) => this.#q.setTotal.run(counts.totals[i] ?? 0, voteId, item.key));
        this.#q.close.run(now, counts.voters, counts.cast, voteId);
        // Only the counts stay: nothing says any more which credential placed which dot.
        this.#q.dropBallots.run(voteId);
      }
      return this.#getNow(workshopId, voteId);
    })();
  }

  async reveal(workshopId: string, voteId: string, now = Date.now()): Promise<StoredVote | null> {
    const row = this.#q.vote.get(workshopId, voteId);
    if (!row) return null;
    this.#q.reveal.run(now, voteId);
    return this.#getNow(workshopId, voteId);
  }
}
