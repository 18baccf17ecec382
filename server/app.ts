/**
 * Assembles the kaedeboard server: store, fan-out, rooms, sync endpoint, HTTP. `startServer` is what
 * `main` runs and what integration tests start on a random loopback port.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import { CURRENT_SCHEMA_VERSION } from '../src/model/migrations.js';
import { checkConfig, type Config } from './config.js';
import type { Fanout } from './fanout/fanout.js';
import { InProcessFanout } from './fanout/in-process.js';
import { createRequestHandler } from './http/handler.js';
import { allowedHosts, hostAllowed } from './http/hosts.js';
import { createLogger, type Logger } from './http/log.js';
import { Metrics } from './http/metrics.js';
import { SqliteStore } from './storage/sqlite/room-store.js';
import { SqliteWorkshopStore } from './storage/sqlite/workshop-store.js';
import type { Store } from './storage/store.js';
import { SyncServer } from './sync/endpoint.js';
import { Rooms } from './sync/rooms.js';
import { WorkshopApi } from './workshop/api.js';
import { workshopAuthorizer } from './workshop/auth.js';

export const VERSION = '0.1.0';

export interface RunningServer {
  /** http://host:port */
  readonly url: string;
  readonly port: number;
  readonly http: Server;
  readonly store: Store;
  readonly fanout: Fanout;
  readonly rooms: Rooms;
  readonly sync: SyncServer;
  readonly metrics: Metrics;
  /** The SQLite workshop repository (tests read its tables: tokens are stored only as hashes). */
  readonly workshops: SqliteWorkshopStore;
  readonly api: WorkshopApi;
  /** Stops accepting, closes every connection (1001), compacts every room, closes the store. */
  close(): Promise<void>;
}

export async function startServer(config: Config, log: Logger = createLogger(config.quiet)): Promise<RunningServer> {
  checkConfig(config);
  const hosts = allowedHosts(config);
  if (hosts === null && config.allowedHosts.length === 0) log.warn('server.any-host', { host: config.host, hint: 'set ALLOWED_HOSTS to the names people use to reach this server' });
  const store = new SqliteStore(config.dataDir, config.durability);
  const fanout = new InProcessFanout();
  let rooms: Rooms | undefined;
  let sync: SyncServer | undefined;
  const metrics = new Metrics({ connections: () => sync?.connections.size ?? 0, rooms: () => rooms?.size ?? 0 });
  // The workshop tables live in the room store's database file (one file to back up).
  const workshops = new SqliteWorkshopStore(store.db);
  rooms = new Rooms(store, fanout, config, metrics, log);
  sync = new SyncServer(rooms, config, metrics, log, workshopAuthorizer(workshops, config));
  const api = new WorkshopApi({ workshops, rooms, config, log, onCrossViewOff: (id) => sync?.closeForeign(id), sessions: sync });
  api.router.on('GET', '/api/info', () => ({
    name: 'kaedeboard',
    version: VERSION,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    maxMessageBytes: config.maxMessageBytes,
    organiserKey: config.organiserKey !== '',
    openBoards: config.openBoards,
  }));
  // Workshops past their retention period are deleted at start and every hour.
  const expire = (): void => {
    const n = api.deleteExpired();
    if (n > 0) log.info('workshop.expired', { deleted: n, retentionDays: config.retentionDays });
  };
  expire();
  const expiry = setInterval(expire, 3_600_000);
  expiry.unref();
  const http = createServer(
    createRequestHandler({
      config,
      metrics,
      log,
      api: api.router,
      health: () => ({ ok: store.isOpen(), rooms: rooms.size, connections: sync.connections.size }),
    }),
  );
  const sockets = new Set<Socket>();
  http.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  http.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!SyncServer.handles(url.pathname)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (!hostAllowed(req.headers.host, hosts)) {
      log.warn('sync.host-refused', { host: String(req.headers.host ?? '').slice(0, 100) });
      socket.end('HTTP/1.1 421 Misdirected Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    sync.upgrade(req, socket, head, url);
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
    fanout,
    rooms,
    sync,
    metrics,
    workshops,
    api,
    close() {
      closing ??= (async () => {
        clearInterval(expiry);
        const stopped = new Promise<void>((r) => http.close(() => r()));
        sync.closeAll();
        // Give close frames a moment to go out, then cut what is left.
        await new Promise((r) => setTimeout(r, 50));
        for (const c of sync.connections) c.ws.terminate();
        for (const s of sockets) s.destroy();
        rooms.unloadAll();
        fanout.close();
        store.close();
        await stopped;
      })();
      return closing;
    },
  };
}
