/**
 * Assembles the kaedeboard server: store, rooms, sync endpoint, HTTP. `startServer` is what
 * `main` runs and what integration tests start on a random loopback port.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import { CURRENT_SCHEMA_VERSION } from '../src/model/migrations.js';
import type { Config } from './config.js';
import { createRequestHandler, type ApiHandler } from './http.js';
import { createLogger, type Logger } from './log.js';
import { Metrics } from './metrics.js';
import { Rooms } from './rooms.js';
import { SqliteStore, type Store } from './store.js';
import { SyncServer } from './sync.js';

export const VERSION = '0.1.0';

export interface RunningServer {
  /** http://host:port */
  readonly url: string;
  readonly port: number;
  readonly http: Server;
  readonly store: Store;
  readonly rooms: Rooms;
  readonly sync: SyncServer;
  readonly metrics: Metrics;
  /** Stops accepting, closes every connection (1001), compacts every room, closes the store. */
  close(): Promise<void>;
}

export async function startServer(config: Config, log: Logger = createLogger(config.quiet)): Promise<RunningServer> {
  const store = new SqliteStore(config.dataDir, config.durability);
  let rooms: Rooms | undefined;
  let sync: SyncServer | undefined;
  const metrics = new Metrics({ connections: () => sync?.connections.size ?? 0, rooms: () => rooms?.size ?? 0 });
  rooms = new Rooms(store, config, metrics, log);
  sync = new SyncServer(rooms, config, metrics, log);
  const api = new Map<string, ApiHandler>([
    ['GET /api/info', () => ({ name: 'kaedeboard', version: VERSION, schemaVersion: CURRENT_SCHEMA_VERSION, maxMessageBytes: config.maxMessageBytes })],
  ]);
  const http = createServer(
    createRequestHandler({
      config,
      metrics,
      log,
      api,
      health: () => ({ ok: store instanceof SqliteStore ? store.db.open : true, rooms: rooms.size, connections: sync.connections.size }),
    }),
  );
  const sockets = new Set<Socket>();
  http.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  http.on('upgrade', (req, socket, head) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!SyncServer.handles(pathname)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    sync.upgrade(req, socket, head, pathname);
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const port = (http.address() as AddressInfo).port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    http,
    store,
    rooms,
    sync,
    metrics,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((r) => http.close(() => r()));
        sync.closeAll();
        // Give close frames a moment to go out, then cut what is left.
        await new Promise((r) => setTimeout(r, 50));
        for (const c of sync.connections) c.ws.terminate();
        for (const s of sockets) s.destroy();
        rooms.unloadAll();
        store.close();
        await stopped;
      })();
      return closing;
    },
  };
}
