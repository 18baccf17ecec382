/**
 * Real PostgreSQL and Redis servers for the tests, each in its own temporary folder on a free
 * loopback port, started by the test run (one of each per test file, in beforeAll) and removed
 * after it. PostgreSQL is Debian's (`/usr/lib/postgresql/<version>/bin`); `initdb` refuses to
 * run as root, so as root the cluster belongs to the `postgres` user. Redis is `redis-server`.
 * Both can be stopped and started again on the same port and data (fault tests).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The newest PostgreSQL server binaries on the machine. */
export function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  if (versions.length === 0) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)');
  return join(root, versions[0] as string, 'bin');
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL binary as the cluster's owner. */
function pgRun(bin: string, args: string[]): string {
  const file = join(postgresBin(), bin);
  return asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', file, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) : execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export interface PostgresServer {
  readonly port: number;
  /** postgres://… of the database `name` (created by `createDatabase`), or of `postgres`. */
  url(name?: string): string;
  /** A new empty database; returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Runs one statement on database `name` (tests look into the tables). */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(name: string, sql: string, params?: unknown[]): Promise<R[]>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes its folder. */
  destroy(): Promise<void>;
}

/** `durable`: fsync on, as in production (benchmarks); the tests run without it. */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<PostgresServer> {
  const dir = mkdtempSync(join(tmpdir(), 'kaedeboard-pg-'));
  const data = join(dir, 'data');
  const socket = join(dir, 'socket');
  mkdirSync(socket);
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chmodSync(dir, 0o755);
    chownSync(dir, uid, gid);
    chownSync(socket, uid, gid);
  }
  pgRun('initdb', ['-D', data, '-U', 'kaedeboard', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  // fsync off for tests: they kill kaedeboard instances and stop this server cleanly, never the machine.
  const durability = options.durable ? '' : ' -c fsync=off -c full_page_writes=off';
  const settings = `-p ${port} -k ${socket} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=32MB${durability}`;
  const clients = new Map<string, pg.Pool>();
  const url = (name = 'postgres'): string => `postgres://kaedeboard@127.0.0.1:${port}/${name}`;
  const server: PostgresServer = {
    port,
    url,
    async createDatabase(name) {
      await server.query('postgres', `CREATE DATABASE ${name}`);
      return url(name);
    },
    async query(name, sql, params = []) {
      let pool = clients.get(name);
      if (!pool) {
        pool = new pg.Pool({ connectionString: url(name), max: 2 });
        pool.on('error', () => {});
        clients.set(name, pool);
      }
      return (await pool.query(sql, params)).rows;
    },
    async start() {
      pgRun('pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'log'), '-w', '-t', '30', 'start']);
    },
    async stop() {
      pgRun('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
    },
    async destroy() {
      for (const p of clients.values()) await p.end().catch(() => {});
      clients.clear();
      try {
        await server.stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'kaedeboard-redis-'));
  const port = await freePort();
  let child: ChildProcess | null = null;
  const server: RedisServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      const c = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--loglevel', 'notice'], { stdio: ['ignore', 'pipe', 'pipe'] });
      child = c;
      await new Promise<void>((resolve, reject) => {
        let out = '';
        const t = setTimeout(() => reject(new Error(`redis-server did not start: ${out}`)), 10_000);
        const seen = (d: Buffer): void => {
          out += d.toString();
          if (/Ready to accept connections/i.test(out)) {
            clearTimeout(t);
            resolve();
          }
        };
        c.stdout?.on('data', seen);
        c.stderr?.on('data', (d: Buffer) => (out += d.toString()));
        c.once('error', (err) => {
          clearTimeout(t);
          reject(new Error(`redis-server could not run (apt-get install redis-server): ${err.message}`));
        });
        c.once('exit', (code) => {
          clearTimeout(t);
          reject(new Error(`redis-server exited with ${code}: ${out}`));
        });
      });
    },
    async stop() {
      const c = child;
      child = null;
      if (!c || c.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        c.once('exit', () => resolve());
        c.kill('SIGTERM');
      });
    },
    async destroy() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}
