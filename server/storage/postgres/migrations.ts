/**
 * The PostgreSQL schema, created and upgraded by the server at start-up. Each migration has a
 * number and runs once, in order, in one transaction with the others pending; table
 * `schema_migrations` records which have run. Several instances may start at once: the
 * migrating transaction first takes a transaction-level advisory lock, so the others wait for
 * it and then find nothing left to do. A new migration is appended to `MIGRATIONS`, never
 * edited in place once released.
 *
 * Rooms: `rooms` holds each room's newest sequence number. An append raises it under the row's
 * lock, so one room's rows are numbered 1, 2, 3, … in the order they commit, whichever
 * instance writes them (server/storage/store.ts). `room_snapshots.upto_seq` is the newest row a
 * snapshot holds: a compaction only ever moves it forward.
 */
import type { Database } from './database.js';

/** Any fixed 64-bit number: the lock every instance takes to migrate. */
const MIGRATION_LOCK = 7_113_024_133;

export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'rooms, workshops, tokens, snapshots, free boards, votes',
    sql: `
      CREATE TABLE rooms (
        name text PRIMARY KEY,
        last_seq bigint NOT NULL DEFAULT 0
      );
      CREATE TABLE room_updates (
        room text NOT NULL,
        seq bigint NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (room, seq)
      );
      CREATE TABLE room_snapshots (
        room text PRIMARY KEY,
        state bytea NOT NULL,
        upto_seq bigint NOT NULL,
        updated_at bigint NOT NULL
      );
      CREATE TABLE room_refused (
        room text NOT NULL,
        client bigint NOT NULL,
        clock bigint NOT NULL,
        PRIMARY KEY (room, client)
      );
      CREATE TABLE workshops (
        id text PRIMARY KEY,
        title text NOT NULL,
        parts text NOT NULL,
        locale text NOT NULL,
        created_at bigint NOT NULL,
        locked boolean NOT NULL DEFAULT false,
        cross_view boolean NOT NULL DEFAULT false
      );
      CREATE INDEX workshops_created ON workshops (created_at);
      CREATE TABLE workshop_groups (
        workshop_id text NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
        number integer NOT NULL,
        name text NOT NULL,
        code text NOT NULL,
        PRIMARY KEY (workshop_id, number),
        CONSTRAINT workshop_groups_code UNIQUE (code)
      );
      CREATE TABLE workshop_tokens (
        hash text PRIMARY KEY,
        workshop_id text NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('facilitator', 'plenum', 'participant')),
        group_number integer,
        shared boolean NOT NULL DEFAULT false,
        revoked_at bigint
      );
      CREATE INDEX workshop_tokens_workshop ON workshop_tokens (workshop_id);
      CREATE TABLE snapshot_sets (
        id text PRIMARY KEY,
        n bigserial NOT NULL,
        workshop_id text NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
        name text NOT NULL,
        created_at bigint NOT NULL
      );
      CREATE INDEX snapshot_sets_workshop ON snapshot_sets (workshop_id);
      CREATE TABLE snapshots (
        set_id text NOT NULL REFERENCES snapshot_sets (id) ON DELETE CASCADE,
        group_number integer NOT NULL,
        state bytea NOT NULL,
        PRIMARY KEY (set_id, group_number)
      );
      CREATE TABLE free_boards (
        room text PRIMARY KEY,
        created_at bigint NOT NULL
      );
      CREATE TABLE votes (
        id text PRIMARY KEY,
        n bigserial NOT NULL,
        workshop_id text NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
        list_id text NOT NULL,
        title text NOT NULL,
        dots integer NOT NULL,
        ends_at bigint,
        hidden boolean NOT NULL,
        source text NOT NULL,
        created_at bigint NOT NULL,
        closed_at bigint,
        revealed_at bigint,
        version integer NOT NULL DEFAULT 0,
        voters integer,
        cast_dots integer
      );
      CREATE INDEX votes_workshop ON votes (workshop_id);
      CREATE TABLE vote_items (
        vote_id text NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
        key integer NOT NULL,
        label text NOT NULL,
        detail text NOT NULL,
        groups text NOT NULL,
        total integer,
        PRIMARY KEY (vote_id, key)
      );
      CREATE TABLE vote_participants (
        hash text PRIMARY KEY,
        workshop_id text NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
        created_at bigint NOT NULL
      );
      CREATE INDEX vote_participants_workshop ON vote_participants (workshop_id);
      CREATE TABLE vote_ballots (
        vote_id text NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
        participant text NOT NULL,
        item integer NOT NULL,
        dots integer NOT NULL,
        PRIMARY KEY (vote_id, participant, item)
      );
    `,
  },
];

/** Brings the database to the newest schema; returns the versions this call applied. */
export async function migrate(db: Database): Promise<number[]> {
  return db.transaction('migrate', async (c) => {
    await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await c.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await c.query(m.sql);
      await c.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    const newest = Math.max(...MIGRATIONS.map((m) => m.version));
    const ahead = [...done].filter((v) => v > newest);
    if (ahead.length > 0) throw new Error(`the database has schema version ${Math.max(...ahead)}, newer than this server knows (${newest}): upgrade the server`);
    return applied;
  });
}
