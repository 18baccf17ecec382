/** The storage contract (test/support/store-contract.ts) on SQLite, the embedded default. */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../server/storage/sqlite/room-store.js';
import { SqliteWorkshopStore } from '../../server/storage/sqlite/workshop-store.js';
import { storeContract } from '../support/store-contract.js';

storeContract('SQLite', {
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'kb-store-'));
    const live: SqliteStore[] = [];
    const openOne = (): { store: SqliteStore; workshops: SqliteWorkshopStore } => {
      const store = new SqliteStore(dir);
      live.push(store);
      return { store, workshops: new SqliteWorkshopStore(store.db as Database.Database) };
    };
    const first = openOne();
    return {
      ...first,
      async reopen() {
        await first.store.close();
        return openOne();
      },
      async failSnapshots() {
        for (const s of live) if (s.db.open) s.db.exec('CREATE TRIGGER fail_snap BEFORE INSERT ON room_snapshots BEGIN SELECT RAISE(ABORT, "disk full"); END;');
      },
      async close() {
        for (const s of live) await s.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
});
