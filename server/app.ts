/**
 * Assembles the kaedeboard server: store, fan-out, rooms, sync endpoint, HTTP. `startServer` is what
 * `main` runs and what integration tests start on a random loopback port.
 *
 * Storage: SQLite in the data folder, or PostgreSQL when DATABASE_URL is set (schema migrated
 * at start). Fan-out: within this process, or through Redis when REDIS_URL is set, which makes
 * this instance one of several serving the same rooms (README, "Running several instances").
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
import { RedisFanout } from './fanout/redis.js';
import { openPostgres } from './storage/postgres/index.js';
import { SqliteStore } from './storage/sqlite/room-store.js';
import { SqliteWorkshopStore } from './storage/sqlite/workshop-store.js';
import type { Store, WorkshopStore } from './storage/store.js';
import type { Sessions } from './workshop/api.js';
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
  readonly workshops: WorkshopStore;
  /** The SQLite database when the server stores there (tests read its tables: tokens are stored only as hashes). */
  readonly sqlite: SqliteStore['db'] | null;
  readonly api: WorkshopApi;
  /** Stops accepting, closes every connection (1001), compacts every room, closes the store. */
  close(): Promise<void>;
}

export async function startServer(config: Config, log: Logger = createLogger(config.quiet)): Promise<RunningServer> {
  checkConfig(config);
  const hosts = allowedHosts(config);
  if (hosts === null && config.allowedHosts.length === 0) log.warn('server.any-host', { host: config.host, hint: 'set ALLOWED_HOSTS to the names people use to reach this server' });
  let rooms: Rooms | undefined;
  let sync: SyncServer | undefined;
  let fanout: Fanout | undefined;
  const metrics = new Metrics({ connections: () => sync?.connections.size ?? 0, rooms: () => rooms?.size ?? 0, fanoutConnected: () => (fanout?.connected === false ? 0 : 1) });
  let store: Store;
  let workshops: WorkshopStore;
  let sqlite: SqliteStore['db'] | null = null;
  if (config.databaseUrl) {
    const pg = await openPostgres(config.databaseUrl, log, {
      query: (op, seconds) => metrics.storeSeconds.observe(seconds, { op }),
      error: (op) => metrics.storeErrors.inc(1, { op }),
    });
    store = pg.store;
    workshops = pg.workshops;
  } else {
    const lite = new SqliteStore(config.dataDir, config.durability);
    store = lite;
    sqlite = lite.db;
    // The workshop tables live in the room store's database file (one file to back up).
    workshops = new SqliteWorkshopStore(lite.db);
  }
  if (config.redisUrl) {
    const redis = new RedisFanout(config.redisUrl, log, metrics);
    fanout = redis;
    await redis.started();
  } else fanout = new InProcessFanout();
  const cluster = fanout;
  rooms = new Rooms(store, cluster, config, metrics, log);
  sync = new SyncServer(rooms, config, metrics, log, workshopAuthorizer(workshops, config));
  const localSync = sync;
  const localRooms = rooms;
  // What the API asks of connections reaches every instance: a revoked token closes its
  // connections everywhere, and a move names a connection that may be on another instance.
  const sessions: Sessions = {
    ownerOf: async (clientId) => localSync.ownerOf(clientId) ?? (await cluster.findOwner(clientId)),
    closeSubject: (subject, code, reason) => {
      localSync.closeSubject(subject, code, reason);
      cluster.signal({ type: 'close-subject', subject, code, reason });
    },
  };
  const api = new WorkshopApi({
    workshops,
    rooms,
    config,
    log,
    onCrossViewOff: (id) => {
      localSync.closeForeign(id);
      cluster.signal({ type: 'close-foreign', workshopId: id });
    },
    sessions,
  });
  // A ballot or a closed vote answers the plenum's long polls on every instance.
  const hub = api.voting.hub;
  const notifyHere = hub.notify.bind(hub);
  hub.notify = (id: string) => {
    notifyHere(id);
    cluster.signal({ type: 'vote-changed', voteId: id });
  };
  cluster.answerOwner((clientId) => localSync.ownerOf(clientId));
  cluster.onSignal((signal) => {
    switch (signal.type) {
      case 'room-deleted':
        // Rows this instance wrote while the deletion was on its way go too.
        if (localRooms.peek(signal.room)) {
          localRooms.destroyHere(signal.room, signal.code, signal.reason);
          store.deleteRoom(signal.room).catch((err: unknown) => log.warn('room.delete-failed', { room: signal.room, error: String(err) }));
        }
        return;
      case 'close-subject':
        localSync.closeSubject(signal.subject, signal.code, signal.reason);
        return;
      case 'close-foreign':
        localSync.closeForeign(signal.workshopId);
        return;
      case 'vote-changed':
        notifyHere(signal.voteId);
        return;
    }
  });
  api.router.on('GET', '/api/info', () => ({
    name: 'kaedeboard',
    version: VERSION,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    maxMessageBytes: config.maxMessageBytes,
    organiserKey: config.organiserKey !== '',
    openBoards: config.openBoards,
  }));
  // Workshops past their retention period are deleted at start and every hour.
  const expire = async (): Promise<void> => {
    try {
      const n = await api.deleteExpired();
      if (n > 0) log.info('workshop.expired', { deleted: n, retentionDays: config.retentionDays });
    } catch (err) {
      log.error('workshop.expire-failed', { error: String(err) });
    }
  };
  await expire();
  const expiry = setInterval(expire, 3_600_000);
  expiry.unref();
  const http = createServer(
    createRequestHandler({
      config,
      metrics,
      log,
      api: api.router,
      // Degraded: the fan-out is cut off; this instance still stores and serves its own connections.
      health: () => {
        const ok = store.isOpen();
        return { ok, status: !ok ? 'down' : cluster.connected ? 'ok' : 'degraded', store: ok ? 'ok' : 'down', fanout: cluster.connected ? 'ok' : 'down', rooms: localRooms.size, connections: localSync.connections.size };
      },
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
    fanout: cluster,
    rooms,
    sync,
    metrics,
    workshops,
    sqlite,
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
        await localRooms.unloadAll();
        await cluster.close();
        await store.close();
        await stopped;
      })();
      return closing;
    },
  };
}
