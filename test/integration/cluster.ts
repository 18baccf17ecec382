/**
 * Several kaedeboard instances on one PostgreSQL database and one Redis (test/integration/
 * services.ts): in this process on different ports, or as separate processes (to SIGKILL one).
 */
import * as Y from 'yjs';
import type { Logger } from '../../server/http/log.js';
import { Database, PostgresStore } from '../../server/storage/postgres/index.js';
import { removeDir, spawnServer, startTestServer, tempDataDir, type Client } from './harness.js';

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export type Instance = Awaited<ReturnType<typeof startTestServer>>;

/** `n` instances in this process, each on its own port, all on `databaseUrl` and `redisUrl`. */
export async function startInstances(n: number, databaseUrl: string, redisUrl: string, overrides: Parameters<typeof startTestServer>[0] = {}): Promise<Instance[]> {
  const out: Instance[] = [];
  // One after another: the first migrates the schema, the others find it done.
  for (let i = 0; i < n; i++) out.push(await startTestServer({ databaseUrl, redisUrl, ...overrides }));
  return out;
}

export async function stopInstances(instances: Instance[]): Promise<void> {
  for (const s of instances.splice(0)) {
    await s.close();
    removeDir(s.config.dataDir);
  }
}

/** An instance as its own process (build/server.js), on `databaseUrl` and `redisUrl`. */
export async function spawnInstance(databaseUrl: string, redisUrl: string): Promise<Awaited<ReturnType<typeof spawnServer>> & { dataDir: string }> {
  const dataDir = tempDataDir();
  const s = await spawnServer(dataDir, ['--database-url', databaseUrl, '--redis-url', redisUrl]);
  return Object.assign(s, { dataDir });
}

/** What PostgreSQL holds of `room`, read by a connection of its own, as a document. */
export async function storedDoc(databaseUrl: string, room: string): Promise<Y.Doc> {
  const db = new Database(databaseUrl, silentLogger);
  try {
    const stored = await new PostgresStore(db).load(room);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u);
    return doc;
  } finally {
    await db.close();
  }
}

/** Points a stock client at another instance; it reconnects there. */
export function moveClient(client: Client, base: string): void {
  (client.provider as unknown as { serverUrl: string }).serverUrl = base.replace(/^http/, 'ws') + '/sync';
  if (client.provider.wsconnected) client.provider.disconnect();
  client.provider.connect();
}

/** Keys of map 'm' of a document. */
export function keys(doc: Y.Doc): string[] {
  return [...doc.getMap('m').keys()].sort();
}
