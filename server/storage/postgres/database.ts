/**
 * The PostgreSQL connection pool the stores share (node-postgres), with what every query
 * needs: 64-bit integers read as numbers (sequence numbers and milliseconds stay far below
 * 2^53), timings and errors counted for /metrics, and a health flag for /healthz that a ping
 * keeps current while the server is idle.
 */
import pg from 'pg';
import type { Logger } from '../../http/log.js';

/** What the stores report about their queries (server/http/metrics.ts implements it). */
export interface StoreObserver {
  query(op: string, seconds: number): void;
  error(op: string): void;
}

const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export type Queryable = Pick<pg.PoolClient, 'query'>;

export class Database {
  readonly pool: pg.Pool;
  #healthy = true;
  #closed = false;
  readonly #ping: NodeJS.Timeout;

  constructor(
    url: string,
    readonly log: Logger,
    readonly observer: StoreObserver = { query() {}, error() {} },
    max = 10,
  ) {
    this.pool = new pg.Pool({
      connectionString: url,
      max,
      types,
      // A server that cannot reach the database refuses writes within seconds, not minutes.
      connectionTimeoutMillis: 3000,
      query_timeout: 15_000,
      application_name: 'kaedeboard',
    });
    // An idle connection that the database closes (a restart) is dropped and replaced.
    this.pool.on('error', (err) => {
      this.#healthy = false;
      log.warn('postgres.connection-lost', { error: err.message });
    });
    this.#ping = setInterval(() => {
      this.pool.query('SELECT 1').then(
        () => this.#up(),
        (err: unknown) => this.#down('ping', err),
      );
    }, 2000);
    this.#ping.unref();
  }

  #up(): void {
    if (!this.#healthy) this.log.info('postgres.reachable', {});
    this.#healthy = true;
  }

  #down(op: string, err: unknown): void {
    this.observer.error(op);
    if (this.#healthy) this.log.warn('postgres.unreachable', { op, error: err instanceof Error ? err.message : String(err) });
    // A refused statement (a constraint) says nothing about the connection.
    if (!(err instanceof pg.DatabaseError) || /^(08|57|53)/.test(err.code ?? '')) this.#healthy = false;
  }

  /** One statement (atomic on its own), timed and counted as `op`. */
  async query<R extends pg.QueryResultRow = pg.QueryResultRow>(op: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    const t0 = performance.now();
    try {
      const r = await this.pool.query<R>(sql, params);
      this.observer.query(op, (performance.now() - t0) / 1000);
      this.#up();
      return r;
    } catch (err) {
      this.#down(op, err);
      throw err;
    }
  }

  /** `fn` in one transaction (READ COMMITTED unless `isolation` says otherwise); rolled back when it throws. */
  async transaction<T>(op: string, fn: (c: Queryable) => Promise<T>, isolation = ''): Promise<T> {
    const t0 = performance.now();
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      this.#down(op, err);
      throw err;
    }
    try {
      await client.query(isolation ? `BEGIN ISOLATION LEVEL ${isolation}` : 'BEGIN');
      const out = await fn(client);
      await client.query('COMMIT');
      this.observer.query(op, (performance.now() - t0) / 1000);
      this.#up();
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      this.#down(op, err);
      throw err;
    } finally {
      client.release();
    }
  }

  get healthy(): boolean {
    return this.#healthy && !this.#closed;
  }

  get closed(): boolean {
    return this.#closed;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#ping);
    await this.pool.end();
  }
}

/** A bytea read back as a Uint8Array over the same memory. */
export function bytes(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** A Uint8Array handed to node-postgres as a bytea (a Buffer over the same memory). */
export function buffer(u: Uint8Array): Buffer {
  return Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}

/** Is `err` PostgreSQL's unique violation (of constraint `constraint`, when given)? */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  return err instanceof pg.DatabaseError && err.code === '23505' && (constraint === undefined || err.constraint === constraint);
}
