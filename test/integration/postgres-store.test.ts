/**
 * The storage contract (test/support/store-contract.ts) on a real PostgreSQL server, and what
 * only PostgreSQL does: migrations that two instances run at once, and group commit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../server/http/log.js';
import { Database, migrate, openPostgres, PostgresStore } from '../../server/storage/postgres/index.js';
import { MIGRATIONS } from '../../server/storage/postgres/migrations.js';
import { storeContract } from '../support/store-contract.js';
import { startPostgres, type PostgresServer } from './services.js';

const silentLogger: Logger = { info() {}, warn() {}, error() {} };
let server: PostgresServer;
let databases = 0;
beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(async () => {
  await server?.destroy();
});

async function freshDatabase(): Promise<string> {
  return server.createDatabase(`contract_${++databases}`);
}

storeContract('PostgreSQL', {
  async open() {
    const url = await freshDatabase();
    const all: { db: Database }[] = [];
    const openOne = async (): Promise<Awaited<ReturnType<typeof openPostgres>>> => {
      const o = await openPostgres(url, silentLogger);
      all.push(o);
      return o;
    };
    const first = await openOne();
    return {
      store: first.store,
      workshops: first.workshops,
      reopen: openOne,
      async failSnapshots() {
        await first.db.query('test', `CREATE FUNCTION fail_snap() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql`);
        await first.db.query('test', 'CREATE TRIGGER fail_snap BEFORE INSERT OR UPDATE ON room_snapshots FOR EACH ROW EXECUTE FUNCTION fail_snap()');
      },
      async close() {
        for (const o of all) await o.db.close();
      },
    };
  },
});

describe('PostgreSQL only', () => {
  it('migrates once when several instances start at the same moment', async () => {
    const url = await freshDatabase();
    const dbs = [0, 1, 2, 3].map(() => new Database(url, silentLogger));
    const applied = await Promise.all(dbs.map((db) => migrate(db)));
    expect(applied.flat().sort()).toEqual(MIGRATIONS.map((m) => m.version));
    const rows = await server.query<{ version: number }>(url.split('/').pop() as string, 'SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await migrate(dbs[0] as Database)).toEqual([]);
    for (const db of dbs) await db.close();
  });

  it('group commit: the appends of one tick are written by one statement, each resolved after it commits', async () => {
    const url = await freshDatabase();
    const { db, store } = await openPostgres(url, silentLogger);
    let statements = 0;
    const query = db.query.bind(db);
    db.query = ((op: string, sql: string, params?: unknown[]) => {
      if (op === 'append') statements++;
      return query(op, sql, params);
    }) as typeof db.query;
    const seqs = await Promise.all(Array.from({ length: 50 }, (_, i) => store.append(`room-${i % 5}`, new Uint8Array([0, 0]))));
    expect(statements).toBe(1);
    expect(seqs.filter((_, i) => i % 5 === 0)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect((await store.heads(['room-0'])).get('room-0')).toBe(10);
    expect(store).toBeInstanceOf(PostgresStore);
    await db.close();
    await expect(store.append('room-0', new Uint8Array([0, 0]))).rejects.toThrow();
  });
});
