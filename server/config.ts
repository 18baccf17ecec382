/**
 * Server configuration: defaults, then environment variables, then command-line flags
 * (`--port 8080 --host 127.0.0.1 --data-dir ./data`). Every value is validated here so
 * the rest of the server works with a typed, trusted `Config`.
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';

export type Durability = 'normal' | 'full';

export interface Config {
  /** TCP port; 0 picks a free one (tests). */
  port: number;
  host: string;
  /** Folder holding the SQLite database. */
  dataDir: string;
  /** Folder with the built browser app. */
  staticDir: string;
  /** Largest websocket message accepted, in bytes. */
  maxMessageBytes: number;
  /** A room unloads this long after its last client left. */
  unloadAfterMs: number;
  /** The update log of a room is compacted when it holds more rows than this… */
  compactAfterUpdates: number;
  /** …or more bytes than this. */
  compactAfterBytes: number;
  /** Per-connection flood limit: messages per second (sustained) and burst. */
  rateMessagesPerSecond: number;
  rateBurst: number;
  /** Per-connection flood limit: bytes per second (sustained); burst is 2 s worth. */
  rateBytesPerSecond: number;
  maxConnectionsPerRoom: number;
  /** Budgets against one hostile participant (README, "Hostile input"). Structs (delete ranges weigh 1/16) in one update. */
  maxUpdateStructs: number;
  /** Structs (and delete ranges) per second per connection, and per client address. */
  structsPerSecond: number;
  structsPerAddressPerSecond: number;
  /** Updates per second per client address, and in total. */
  updatesPerAddressPerSecond: number;
  updatesPerSecond: number;
  /** A board's stored state, in bytes, and its structs: growth past these is refused. */
  maxBoardBytes: number;
  maxBoardItems: number;
  /** A connection's one awareness state, in bytes of JSON, and the bytes of it a second the room relays. */
  maxAwarenessBytes: number;
  awarenessBytesPerSecond: number;
  /** Sync step 1 requests per second per connection. */
  syncRequestsPerSecond: number;
  /** Boards whose state is larger than this are compacted and first synced by a worker thread. */
  offloadAboveBytes: number;
  /** SQLite synchronous mode: 'normal' survives a process crash, 'full' also a power cut. */
  durability: Durability;
  /** Origins (scheme://host[:port]) allowed to open websockets besides the server's own. */
  allowedOrigins: string[];
  /** Workshops are deleted this many days after they were created. */
  retentionDays: number;
  /**
   * Allow boards outside workshops (/b/<name>, no token). Unset, it is on when the server listens
   * on loopback only and off beyond it.
   */
  openBoards: boolean;
  /** Secret that creating and importing workshops needs (required when listening beyond loopback). */
  organiserKey: string;
  /** Workshops created or imported per client address per hour (wrong organiser keys count too). */
  createPerHour: number;
  /** Largest body of `POST /api/workshops/import` (and of a board sent from Miro), in bytes. */
  maxImportBytes: number;
  /** Addresses (or CIDR ranges) of reverse proxies whose X-Forwarded-For is believed. */
  trustedProxies: string[];
  /** Host names (optionally host:port) that HTTP and websocket requests may name; empty: see `allowedHostsFor`. */
  allowedHosts: string[];
  /** PostgreSQL for everything stored (postgres://…); empty: SQLite in `dataDir`. */
  databaseUrl: string;
  /** Redis joining this instance to the others (redis://…); empty: this instance alone. */
  redisUrl: string;
  /** Quiet logs (tests). */
  quiet: boolean;
}

export const DEFAULTS: Config = {
  port: 8080,
  host: '127.0.0.1',
  dataDir: './data',
  staticDir: './dist',
  maxMessageBytes: 2 * 1024 * 1024,
  unloadAfterMs: 30_000,
  compactAfterUpdates: 2000,
  compactAfterBytes: 8 * 1024 * 1024,
  rateMessagesPerSecond: 300,
  rateBurst: 600,
  rateBytesPerSecond: 8 * 1024 * 1024,
  maxConnectionsPerRoom: 250,
  // A busy board (40 notes each moved 50 times and edited 10 times) holds about 3,000 structs
  // and 40 KiB; a client's sync step 2 carries its whole delete set (a range weighs 1/16, so a
  // full board's fits). An update of 10,000 structs stalls the loop about 50 ms; 1,000 a second
  // per connection keeps one client's share of the loop near half a percent.
  maxUpdateStructs: 10_000,
  structsPerSecond: 1_000,
  structsPerAddressPerSecond: 20_000,
  // 150 people typing behind one address send about 750 updates a second.
  updatesPerAddressPerSecond: 1_000,
  updatesPerSecond: 5_000,
  maxBoardBytes: 16 * 1024 * 1024,
  maxBoardItems: 100_000,
  // Presence with 50 dragged items is about 5 KiB, sent at most 30 times a second: 150 KiB/s.
  // Every byte of it is sent to every other connection of the room.
  maxAwarenessBytes: 16 * 1024,
  awarenessBytesPerSecond: 256 * 1024,
  // The stock client asks once per connection.
  syncRequestsPerSecond: 1,
  // Workshop boards hold 15 to 40 KiB: they encode in place, which is cheaper than the copy.
  offloadAboveBytes: 64 * 1024,
  durability: 'normal',
  allowedOrigins: [],
  retentionDays: 30,
  openBoards: true,
  organiserKey: '',
  createPerHour: 20,
  // A 30-group workshop exported as JSON measured 0.55 MiB (the render fixture on every board),
  // 0.6 MiB (the workshop benchmark's filled boards) and 1.2 MiB (those boards plus 40 notes each
  // moved 50 times and edited 10 times); 8 MiB leaves more than six times that.
  maxImportBytes: 8 * 1024 * 1024,
  trustedProxies: [],
  allowedHosts: [],
  databaseUrl: '',
  redisUrl: '',
  quiet: false,
};

/** Which environment variable and flag set which field. */
const SOURCES: Record<keyof Config, { env: string; flag: string }> = {
  port: { env: 'PORT', flag: '--port' },
  host: { env: 'HOST', flag: '--host' },
  dataDir: { env: 'DATA_DIR', flag: '--data-dir' },
  staticDir: { env: 'STATIC_DIR', flag: '--static-dir' },
  maxMessageBytes: { env: 'MAX_MESSAGE_BYTES', flag: '--max-message-bytes' },
  unloadAfterMs: { env: 'UNLOAD_AFTER_MS', flag: '--unload-after-ms' },
  compactAfterUpdates: { env: 'COMPACT_AFTER_UPDATES', flag: '--compact-after-updates' },
  compactAfterBytes: { env: 'COMPACT_AFTER_BYTES', flag: '--compact-after-bytes' },
  rateMessagesPerSecond: { env: 'RATE_MESSAGES_PER_SECOND', flag: '--rate-messages-per-second' },
  rateBurst: { env: 'RATE_BURST', flag: '--rate-burst' },
  rateBytesPerSecond: { env: 'RATE_BYTES_PER_SECOND', flag: '--rate-bytes-per-second' },
  maxConnectionsPerRoom: { env: 'MAX_CONNECTIONS_PER_ROOM', flag: '--max-connections-per-room' },
  maxUpdateStructs: { env: 'MAX_UPDATE_STRUCTS', flag: '--max-update-structs' },
  structsPerSecond: { env: 'STRUCTS_PER_SECOND', flag: '--structs-per-second' },
  structsPerAddressPerSecond: { env: 'STRUCTS_PER_ADDRESS_PER_SECOND', flag: '--structs-per-address-per-second' },
  updatesPerAddressPerSecond: { env: 'UPDATES_PER_ADDRESS_PER_SECOND', flag: '--updates-per-address-per-second' },
  updatesPerSecond: { env: 'UPDATES_PER_SECOND', flag: '--updates-per-second' },
  maxBoardBytes: { env: 'MAX_BOARD_BYTES', flag: '--max-board-bytes' },
  maxBoardItems: { env: 'MAX_BOARD_ITEMS', flag: '--max-board-items' },
  maxAwarenessBytes: { env: 'MAX_AWARENESS_BYTES', flag: '--max-awareness-bytes' },
  awarenessBytesPerSecond: { env: 'AWARENESS_BYTES_PER_SECOND', flag: '--awareness-bytes-per-second' },
  syncRequestsPerSecond: { env: 'SYNC_REQUESTS_PER_SECOND', flag: '--sync-requests-per-second' },
  offloadAboveBytes: { env: 'OFFLOAD_ABOVE_BYTES', flag: '--offload-above-bytes' },
  durability: { env: 'DURABILITY', flag: '--durability' },
  allowedOrigins: { env: 'ALLOWED_ORIGINS', flag: '--allowed-origins' },
  retentionDays: { env: 'RETENTION_DAYS', flag: '--retention-days' },
  openBoards: { env: 'OPEN_BOARDS', flag: '--open-boards' },
  organiserKey: { env: 'ORGANISER_KEY', flag: '--organiser-key' },
  createPerHour: { env: 'CREATE_PER_HOUR', flag: '--create-per-hour' },
  maxImportBytes: { env: 'MAX_IMPORT_BYTES', flag: '--max-import-bytes' },
  trustedProxies: { env: 'TRUSTED_PROXIES', flag: '--trusted-proxies' },
  allowedHosts: { env: 'ALLOWED_HOSTS', flag: '--allowed-hosts' },
  databaseUrl: { env: 'DATABASE_URL', flag: '--database-url' },
  redisUrl: { env: 'REDIS_URL', flag: '--redis-url' },
  quiet: { env: 'QUIET', flag: '--quiet' },
};

export class ConfigError extends Error {}

function parseValue<K extends keyof Config>(key: K, raw: string, from: string): Config[K] {
  const fail = (why: string): never => {
    throw new ConfigError(`${from}: ${why} (got ${JSON.stringify(raw)})`);
  };
  const def = DEFAULTS[key];
  if (typeof def === 'number') {
    if (!/^\d+$/.test(raw)) fail('expected a non-negative integer');
    const n = Number(raw);
    if (key === 'port' && n > 65535) fail('expected a port number 0..65535');
    if (key !== 'port' && n === 0) fail('expected a positive integer');
    return n as Config[K];
  }
  if (typeof def === 'boolean') {
    if (!/^(1|0|true|false|yes|no)$/i.test(raw)) fail('expected true or false');
    return /^(1|true|yes)$/i.test(raw) as Config[K];
  }
  if (Array.isArray(def)) {
    return raw.split(',').map((s) => s.trim()).filter(Boolean) as Config[K];
  }
  if (key === 'durability' && raw !== 'normal' && raw !== 'full') fail("expected 'normal' or 'full'");
  if (raw.length === 0) fail('expected a value');
  return raw as Config[K];
}

/** Builds the configuration from defaults, `env` and `argv` (flags win over environment). */
export function loadConfig(argv: readonly string[] = [], env: Record<string, string | undefined> = {}): Config {
  const config: Config = { ...DEFAULTS, allowedOrigins: [], trustedProxies: [], allowedHosts: [] };
  const given = new Set<keyof Config>();
  const set = <K extends keyof Config>(key: K, raw: string, from: string): void => {
    config[key] = parseValue(key, raw, from);
    given.add(key);
  };
  for (const key of Object.keys(SOURCES) as (keyof Config)[]) {
    const raw = env[SOURCES[key].env];
    if (raw !== undefined && raw !== '') set(key, raw, `environment variable ${SOURCES[key].env}`);
  }
  const byFlag = new Map(Object.entries(SOURCES).map(([k, s]) => [s.flag, k as keyof Config]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') throw new ConfigError(usage());
    const [flag, inline] = arg.split('=', 2) as [string, string | undefined];
    const key = byFlag.get(flag);
    if (!key) throw new ConfigError(`unknown option ${flag}\n\n${usage()}`);
    if (typeof DEFAULTS[key] === 'boolean' && inline === undefined) {
      // `--quiet` alone means true; `--open-boards false` (as the README writes it) is read too.
      const next = argv[i + 1];
      set(key, next !== undefined && /^(1|0|true|false|yes|no)$/i.test(next) ? (argv[++i] as string) : 'true', `option ${flag}`);
      continue;
    }
    const raw = inline ?? argv[++i];
    if (raw === undefined) throw new ConfigError(`option ${flag} needs a value`);
    set(key, raw, `option ${flag}`);
  }
  config.dataDir = resolve(config.dataDir);
  config.staticDir = resolve(config.staticDir);
  if (!given.has('openBoards')) config.openBoards = isLoopback(config.host);
  checkConfig(config);
  return config;
}

/** Is `host` (a listen address) reachable from this machine only? */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(h);
}

/** Shortest organiser key accepted (it guards creating workshops on a reachable server). */
export const MIN_ORGANISER_KEY = 16;

const CIDR = /^(.+)\/(\d{1,3})$/;
const HOST_NAME = /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9.-]*[a-z0-9])?)(:\d{1,5})?$/i;

/**
 * Rules between settings, checked whoever built the configuration (`loadConfig`, or tests and
 * benchmarks that spread one): a server that listens beyond loopback needs an organiser key.
 */
export function checkConfig(config: Config): void {
  if (!isLoopback(config.host) && config.organiserKey === '') {
    throw new ConfigError(
      `HOST is ${config.host}, beyond loopback: set ORGANISER_KEY (or --organiser-key) to a secret of at least ${MIN_ORGANISER_KEY} characters ` +
        '(e.g. the output of `openssl rand -base64 24`); creating and importing workshops will ask for it',
    );
  }
  if (config.organiserKey !== '' && config.organiserKey.length < MIN_ORGANISER_KEY) {
    throw new ConfigError(`ORGANISER_KEY: use at least ${MIN_ORGANISER_KEY} characters (got ${config.organiserKey.length})`);
  }
  for (const p of config.trustedProxies) {
    const m = CIDR.exec(p);
    const family = isIP(m ? (m[1] as string) : p);
    if (family === 0 || (m && Number(m[2]) > (family === 4 ? 32 : 128))) {
      throw new ConfigError(`TRUSTED_PROXIES: expected IP addresses or CIDR ranges such as 10.0.0.0/8 (got ${JSON.stringify(p)})`);
    }
  }
  if (config.databaseUrl !== '' && !/^postgres(ql)?:\/\/./.test(config.databaseUrl)) {
    throw new ConfigError('DATABASE_URL: expected postgres://user:password@host:5432/database');
  }
  if (config.redisUrl !== '' && !/^rediss?:\/\/./.test(config.redisUrl)) throw new ConfigError('REDIS_URL: expected redis://host:6379');
  for (const h of config.allowedHosts) {
    if (h !== '*' && !HOST_NAME.test(h)) throw new ConfigError(`ALLOWED_HOSTS: expected host names such as board.example.dk or board.example.dk:8443 (got ${JSON.stringify(h)})`);
  }
}

export function usage(): string {
  const lines = Object.entries(SOURCES).map(([key, s]) => {
    const def = key === 'openBoards' ? 'true on loopback, else false' : key === 'databaseUrl' ? 'none: SQLite in the data folder' : key === 'redisUrl' ? 'none: one instance' : JSON.stringify(DEFAULTS[key as keyof Config]);
    return `  ${s.flag.padEnd(30)} ${s.env.padEnd(26)} default ${def}`;
  });
  return ['Usage: npm start -- [options]', '', '  option                         environment                 ', ...lines].join('\n');
}
