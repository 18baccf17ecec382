/**
 * Votes in PostgreSQL (the `VoteStore` of ../vote-store.ts). Each write that checks a rule is
 * one transaction that first locks the vote's row (`FOR UPDATE`): a ballot cast through one
 * instance and the close through another take turns, so no ballot lands in a closed vote or
 * passes the allowance, and closing fixes the totals of exactly the ballots it drops.
 */
import type { VoteItem } from '../../../src/workshop/vote-api.js';
import { hashToken, newId, newToken, TOKEN_PATTERN } from '../../workshop/tokens.js';
import type { CastResult, NewVote, StoredVote, VoteCounts, VoteStore } from '../vote-store.js';
import type { Database, Queryable } from './database.js';

interface VoteRow {
  id: string;
  workshop_id: string;
  list_id: string;
  title: string;
  dots: number;
  ends_at: number | null;
  hidden: boolean;
  source: string;
  created_at: number;
  closed_at: number | null;
  revealed_at: number | null;
  version: number;
  voters: number | null;
  cast_dots: number | null;
  items: { key: number; label: string; detail: string; groups: string; total: number | null }[] | null;
}

const VOTE = `
  SELECT v.*, (SELECT json_agg(json_build_object('key', i.key, 'label', i.label, 'detail', i.detail, 'groups', i.groups, 'total', i.total) ORDER BY i.key)
               FROM vote_items i WHERE i.vote_id = v.id) AS items
  FROM votes v`;

function voteOf(row: VoteRow | undefined): StoredVote | null {
  if (!row) return null;
  const items: VoteItem[] = (row.items ?? []).map((r) => ({ key: r.key, label: r.label, detail: r.detail, groups: JSON.parse(r.groups) as number[] }));
  return {
    id: row.id,
    workshopId: row.workshop_id,
    list: row.list_id,
    title: row.title,
    dots: row.dots,
    endsAt: row.ends_at,
    hidden: row.hidden,
    source: row.source,
    items,
    createdAt: row.created_at,
    closedAt: row.closed_at,
    revealedAt: row.revealed_at,
    version: row.version,
  };
}

async function readVote(c: Queryable, workshopId: string, voteId: string, lock = false): Promise<VoteRow | undefined> {
  if (lock) await c.query('SELECT 1 FROM votes WHERE workshop_id = $1 AND id = $2 FOR UPDATE', [workshopId, voteId]);
  return (await c.query<VoteRow>(`${VOTE} WHERE v.workshop_id = $1 AND v.id = $2`, [workshopId, voteId])).rows[0];
}

/** Totals from the ballots (open) or as fixed (closed), in item order. */
async function countsOf(c: Queryable, row: VoteRow): Promise<VoteCounts> {
  const items = row.items ?? [];
  if (row.closed_at !== null) {
    const totals = items.map((i) => i.total ?? 0);
    return { version: row.version, totals, voters: row.voters ?? 0, cast: row.cast_dots ?? totals.reduce((a, b) => a + b, 0) };
  }
  const { rows } = await c.query<{ item: number | null; n: number; voters: number }>(
    'SELECT item, sum(dots)::bigint AS n, count(DISTINCT participant)::bigint AS voters FROM vote_ballots WHERE vote_id = $1 GROUP BY ROLLUP (item)',
    [row.id],
  );
  const sums = new Map(rows.filter((r) => r.item !== null).map((r) => [r.item as number, r.n]));
  const totals = items.map((i) => sums.get(i.key) ?? 0);
  return { version: row.version, totals, voters: rows.find((r) => r.item === null)?.voters ?? 0, cast: totals.reduce((a, b) => a + b, 0) };
}

export class PostgresVoteStore implements VoteStore {
  constructor(readonly db: Database) {}

  #q(op: string): Queryable {
    return { query: ((sql: string, params?: unknown[]) => this.db.query(op, sql, params)) as Queryable['query'] };
  }

  async issueParticipant(workshopId: string, now = Date.now()): Promise<string> {
    const credential = newToken();
    await this.db.query('participant-issue', 'INSERT INTO vote_participants (hash, workshop_id, created_at) VALUES ($1, $2, $3)', [hashToken(credential), workshopId, now]);
    return credential;
  }

  async participantCount(workshopId: string): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>('participant-count', 'SELECT count(*) AS n FROM vote_participants WHERE workshop_id = $1', [workshopId]);
    return rows[0]?.n ?? 0;
  }

  async isParticipant(workshopId: string, credential: string): Promise<boolean> {
    if (!TOKEN_PATTERN.test(credential)) return false;
    const { rows } = await this.db.query<{ workshop_id: string }>('participant-read', 'SELECT workshop_id FROM vote_participants WHERE hash = $1', [hashToken(credential)]);
    return rows[0]?.workshop_id === workshopId;
  }

  async create(workshopId: string, input: NewVote, now = Date.now()): Promise<StoredVote> {
    const id = newId();
    return this.db.transaction('vote-create', async (c) => {
      await c.query('INSERT INTO votes (id, workshop_id, list_id, title, dots, ends_at, hidden, source, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
        id,
        workshopId,
        input.list,
        input.title,
        input.dots,
        input.endsAt,
        input.hidden,
        input.source,
        now,
      ]);
      await c.query('INSERT INTO vote_items (vote_id, key, label, detail, groups) SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[])', [
        id,
        input.items.map((i) => i.key),
        input.items.map((i) => i.label),
        input.items.map((i) => i.detail),
        input.items.map((i) => JSON.stringify(i.groups)),
      ]);
      return voteOf(await readVote(c, workshopId, id)) as StoredVote;
    });
  }

  async get(workshopId: string, voteId: string): Promise<StoredVote | null> {
    return voteOf(await readVote(this.#q('vote-read'), workshopId, voteId));
  }

  async list(workshopId: string): Promise<StoredVote[]> {
    const { rows } = await this.db.query<VoteRow>('vote-list', `${VOTE} WHERE v.workshop_id = $1 ORDER BY v.created_at, v.n`, [workshopId]);
    return rows.map((r) => voteOf(r) as StoredVote);
  }

  async openVote(workshopId: string): Promise<StoredVote | null> {
    const { rows } = await this.db.query<VoteRow>('vote-open', `${VOTE} WHERE v.workshop_id = $1 AND v.closed_at IS NULL ORDER BY v.created_at DESC, v.n DESC LIMIT 1`, [workshopId]);
    return voteOf(rows[0]);
  }

  async openVotes(): Promise<StoredVote[]> {
    const { rows } = await this.db.query<VoteRow>('vote-open', `${VOTE} WHERE v.closed_at IS NULL`);
    return rows.map((r) => voteOf(r) as StoredVote);
  }

  async cast(workshopId: string, voteId: string, credential: string, dots: ReadonlyMap<number, number>, now = Date.now()): Promise<CastResult> {
    return this.db.transaction('vote-cast', async (c): Promise<CastResult> => {
      const row = await readVote(c, workshopId, voteId, true);
      if (!row) return { ok: false, reason: 'no-vote' };
      if (row.closed_at !== null || (row.ends_at !== null && now >= row.ends_at)) return { ok: false, reason: 'closed' };
      const keys = new Set((row.items ?? []).map((i) => i.key));
      let used = 0;
      for (const [item, n] of dots) {
        if (!keys.has(item) || !Number.isInteger(n) || n < 0) return { ok: false, reason: 'item' };
        used += n;
      }
      if (used > row.dots) return { ok: false, reason: 'allowance' };
      const who = hashToken(credential);
      await c.query('DELETE FROM vote_ballots WHERE vote_id = $1 AND participant = $2', [voteId, who]);
      const mine = new Map([...dots].filter(([, n]) => n > 0));
      if (mine.size > 0) {
        await c.query('INSERT INTO vote_ballots (vote_id, participant, item, dots) SELECT $1, $2, * FROM unnest($3::int[], $4::int[])', [voteId, who, [...mine.keys()], [...mine.values()]]);
      }
      await c.query('UPDATE votes SET version = version + 1 WHERE id = $1', [voteId]);
      return { ok: true, mine, used, version: row.version + 1 };
    });
  }

  async ballot(voteId: string, credential: string): Promise<Map<number, number>> {
    if (!TOKEN_PATTERN.test(credential)) return new Map();
    const { rows } = await this.db.query<{ item: number; dots: number }>('ballot-read', 'SELECT item, dots FROM vote_ballots WHERE vote_id = $1 AND participant = $2', [voteId, hashToken(credential)]);
    return new Map(rows.map((r) => [r.item, r.dots]));
  }

  async counts(voteId: string): Promise<VoteCounts | null> {
    // The vote and its ballots at one moment.
    return this.db.transaction(
      'vote-counts',
      async (c) => {
        const row = (await c.query<VoteRow>(`${VOTE} WHERE v.id = $1`, [voteId])).rows[0];
        return row ? countsOf(c, row) : null;
      },
      'REPEATABLE READ READ ONLY',
    );
  }

  async close(workshopId: string, voteId: string, now = Date.now()): Promise<StoredVote | null> {
    return this.db.transaction('vote-close', async (c) => {
      const row = await readVote(c, workshopId, voteId, true);
      if (!row) return null;
      if (row.closed_at === null) {
        const counts = await countsOf(c, row);
        const items = row.items ?? [];
        await c.query('UPDATE vote_items SET total = t.total FROM unnest($2::int[], $3::int[]) AS t(key, total) WHERE vote_items.vote_id = $1 AND vote_items.key = t.key', [
          voteId,
          items.map((i) => i.key),
          items.map((_, i) => counts.totals[i] ?? 0),
        ]);
        await c.query('UPDATE votes SET closed_at = $1, voters = $2, cast_dots = $3, version = version + 1 WHERE id = $4 AND closed_at IS NULL', [now, counts.voters, counts.cast, voteId]);
        // Only the counts stay: nothing says any more which credential placed which dot.
        await c.query('DELETE FROM vote_ballots WHERE vote_id = $1', [voteId]);
      }
      return voteOf(await readVote(c, workshopId, voteId));
    });
  }

  async reveal(workshopId: string, voteId: string, now = Date.now()): Promise<StoredVote | null> {
    return this.db.transaction('vote-reveal', async (c) => {
      const row = await readVote(c, workshopId, voteId, true);
      if (!row) return null;
      await c.query('UPDATE votes SET revealed_at = $1, version = version + 1 WHERE id = $2 AND revealed_at IS NULL', [now, voteId]);
      return voteOf(await readVote(c, workshopId, voteId));
    });
  }
}
