/**
 * PostgreSQL for everything the server stores (DATABASE_URL): one pool, the schema brought up
 * to date (./migrations.ts), the room store and the workshop store on it.
 */
import type { Logger } from '../../http/log.js';
import { Database, type StoreObserver } from './database.js';
import { migrate } from './migrations.js';
import { PostgresStore } from './room-store.js';
import { PostgresWorkshopStore } from './workshop-store.js';

export { Database, PostgresStore, PostgresWorkshopStore, migrate };

export async function openPostgres(url: string, log: Logger, observer?: StoreObserver): Promise<{ db: Database; store: PostgresStore; workshops: PostgresWorkshopStore }> {
  const db = new Database(url, log, observer);
  try {
    const applied = await migrate(db);
    if (applied.length > 0) log.info('postgres.migrated', { versions: applied });
  } catch (err) {
    await db.close();
    throw err;
  }
  return { db, store: new PostgresStore(db), workshops: new PostgresWorkshopStore(db) };
}
