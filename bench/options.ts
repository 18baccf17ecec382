/** Command-line flags of `npm run bench` (e.g. `npm run bench -- --rooms 5 --clients 4 --seconds 5`). */

export type ServerKind = 'kaedeboard' | 'peer';

export interface Options {
  /** Rooms, each with `clients` clients. */
  rooms: number;
  clients: number;
  /** Length of the measured window of load, per server. */
  seconds: number;
  /** Load before the measured window (connections warm, JIT warm, SQLite pages cached). */
  warmupSeconds: number;
  /** After the window: no new load, in-flight updates written in the window still arrive. */
  drainSeconds: number;
  /** Worker threads that host the clients (whole rooms per worker). */
  workers: number;
  /** Seeds every client's random drag/drop schedule; same seed, same load on both servers. */
  seed: number;
  /** Awareness updates per second while dragging. */
  awarenessHz: number;
  /** Mean time between two drops (document writes) of one client. */
  dropEveryMs: number;
  /** Our server entry, built by esbuild.config.mjs. */
  serverEntry: string;
  /** Where the JSON results go. */
  out: string;
  /** Which servers to run, in order. */
  servers: ServerKind[];
  /**
   * Each server is measured this many times, a fresh server each time, in alternating order
   * (A B, B A, A B, …); samples are pooled. More rounds spread noise from other processes
   * evenly over the servers.
   */
  rounds: number;
}

export const DEFAULT_OPTIONS: Options = {
  rooms: 25,
  clients: 6,
  seconds: 20,
  warmupSeconds: 3,
  drainSeconds: 1.5,
  workers: 2,
  seed: 1,
  awarenessHz: 30,
  dropEveryMs: 1000,
  serverEntry: 'build/server.js',
  out: 'bench-results/sync-load.json',
  servers: ['kaedeboard', 'peer'],
  rounds: 1,
};

export class UsageError extends Error {}

type NumericKey = { [K in keyof Options]: Options[K] extends number ? K : never }[keyof Options];

const NUMERIC_FLAGS: Record<string, { key: NumericKey; min: number; integer: boolean }> = {
  '--rooms': { key: 'rooms', min: 1, integer: true },
  '--clients': { key: 'clients', min: 2, integer: true },
  '--seconds': { key: 'seconds', min: 0.5, integer: false },
  '--rounds': { key: 'rounds', min: 1, integer: true },
  '--warmup': { key: 'warmupSeconds', min: 0, integer: false },
  '--drain': { key: 'drainSeconds', min: 0.1, integer: false },
  '--workers': { key: 'workers', min: 1, integer: true },
  '--seed': { key: 'seed', min: 0, integer: true },
  '--hz': { key: 'awarenessHz', min: 1, integer: false },
  '--drop-every-ms': { key: 'dropEveryMs', min: 50, integer: false },
};

export const USAGE = `Usage: npm run bench -- [options]
  --rooms N            rooms (default ${DEFAULT_OPTIONS.rooms})
  --clients N          clients per room, at least 2 (default ${DEFAULT_OPTIONS.clients})
  --seconds S          measured seconds of load per server and round (default ${DEFAULT_OPTIONS.seconds})
  --rounds N           measure each server N times, alternating the order, samples pooled (default ${DEFAULT_OPTIONS.rounds})
  --warmup S           seconds of load before measuring (default ${DEFAULT_OPTIONS.warmupSeconds})
  --drain S            seconds to wait for in-flight updates after the window (default ${DEFAULT_OPTIONS.drainSeconds})
  --workers N          worker threads hosting the clients (default ${DEFAULT_OPTIONS.workers})
  --seed N             seed of the drag/drop schedule (default ${DEFAULT_OPTIONS.seed})
  --hz N               awareness updates per second while dragging (default ${DEFAULT_OPTIONS.awarenessHz})
  --drop-every-ms MS   mean time between a client's document writes (default ${DEFAULT_OPTIONS.dropEveryMs})
  --server PATH        our built server entry (default ${DEFAULT_OPTIONS.serverEntry})
  --servers LIST       servers to run, in order (default ${DEFAULT_OPTIONS.servers.join(',')}; e.g. peer,kaedeboard or peer)
  --out PATH           JSON results file (default ${DEFAULT_OPTIONS.out})`;

export function parseOptions(argv: readonly string[]): Options {
  const options: Options = { ...DEFAULT_OPTIONS, servers: [...DEFAULT_OPTIONS.servers] };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] as string).split('=', 2) as [string, string | undefined];
    if (flag === '--help' || flag === '-h') throw new UsageError(USAGE);
    const value = (): string => {
      const raw = inline ?? argv[++i];
      if (raw === undefined) throw new UsageError(`${flag} needs a value\n\n${USAGE}`);
      return raw;
    };
    const numeric = NUMERIC_FLAGS[flag];
    if (numeric) {
      options[numeric.key] = parseNumber(flag, value(), numeric.min, numeric.integer);
    } else if (flag === '--server') {
      options.serverEntry = value();
    } else if (flag === '--out') {
      options.out = value();
    } else if (flag === '--servers') {
      options.servers = parseServers(value());
    } else {
      throw new UsageError(`unknown option ${flag}\n\n${USAGE}`);
    }
  }
  return options;
}

function parseNumber(flag: string, raw: string, min: number, integer: boolean): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) {
    throw new UsageError(`${flag}: expected ${integer ? 'an integer' : 'a number'} >= ${min}, got ${JSON.stringify(raw)}`);
  }
  return n;
}

function parseServers(raw: string): ServerKind[] {
  const kinds = raw.split(',').map((s) => s.trim());
  const bad = kinds.filter((k) => k !== 'kaedeboard' && k !== 'peer');
  if (kinds.length === 0 || bad.length > 0 || new Set(kinds).size !== kinds.length) {
    throw new UsageError(`--servers: expected a list of distinct 'kaedeboard' and 'peer', got ${JSON.stringify(raw)}`);
  }
  return kinds as ServerKind[];
}
