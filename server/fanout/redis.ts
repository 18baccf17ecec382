/**
 * Fan-out between server instances through Redis pub/sub (REDIS_URL). Why pub/sub and not a
 * stream per room: PostgreSQL already keeps every update, numbered consecutively per room and
 * committed before it is published, so Redis needs to carry only what is new. A message that
 * pub/sub drops (a connection cut, a slow subscriber disconnected by Redis) shows as a gap in
 * the sequence numbers, or as the fan-out being down, and the room reads the missing rows from
 * PostgreSQL (server/sync/room.ts). A stream would keep a second copy of the log in Redis's
 * memory, to be trimmed, for no gain in what any instance can recover.
 *
 * Channels: `kb:room:<room>` carries one room's updates (with their sequence numbers) and
 * awareness states, tagged with the publishing instance; `kb:cluster` carries heartbeats (an
 * instance silent for 5 s is gone and its awareness states are removed), goodbyes, signals
 * (server/fanout/fanout.ts) and owner lookups, answered on `kb:reply:<instance>`.
 *
 * Redis down: publishing fails at once (no offline queue: nothing stale piles up), each
 * instance goes on storing and serving its own connections, and /healthz says degraded. When
 * it is back, every channel is subscribed again and every room catches up from the store.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Logger } from '../http/log.js';
import type { Metrics } from '../http/metrics.js';
import type { AwarenessEntry } from '../sync/protocol.js';
import type { ClusterSignal, Fanout, FanoutChannel, FanoutListener, Owner } from './fanout.js';

const ROOM_PREFIX = 'kb:room:';
const CLUSTER = 'kb:cluster';
const REPLY_PREFIX = 'kb:reply:';
const UPDATE = 0;
const AWARENESS = 1;
const HEARTBEAT_MS = 1000;
const GONE_AFTER_MS = 5000;
const OWNER_TIMEOUT_MS = 1000;

type ClusterMessage =
  | { t: 'hb'; i: string }
  | { t: 'bye'; i: string }
  | { t: 'sig'; i: string; s: ClusterSignal }
  | { t: 'who'; i: string; r: number; c: number };

export class RedisFanout implements Fanout {
  readonly instance = randomBytes(6).toString('hex');
  readonly #pub: Redis;
  readonly #sub: Redis;
  /** Listeners of this instance by room. */
  readonly #rooms = new Map<string, Set<FanoutListener>>();
  /** Other instances by id: when each was last heard. */
  readonly #peers = new Map<string, number>();
  readonly #signalHandlers: ((s: ClusterSignal) => void)[] = [];
  #lookup: (clientId: number) => Owner | undefined = () => undefined;
  readonly #asks = new Map<number, { want: number; got: number; resolve: (o: Owner | undefined) => void; timer: NodeJS.Timeout }>();
  #nextAsk = 1;
  #ready = false;
  #closed = false;
  readonly #timer: NodeJS.Timeout;

  constructor(url: string, readonly log: Logger, readonly metrics: Metrics) {
    const options = {
      enableOfflineQueue: false,
      autoResubscribe: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      retryStrategy: (times: number) => Math.min(100 * times, 1000),
    };
    this.#pub = new Redis(url, { ...options, connectionName: `kaedeboard-${this.instance}-pub` });
    this.#sub = new Redis(url, { ...options, connectionName: `kaedeboard-${this.instance}-sub` });
    for (const [name, conn] of [['publisher', this.#pub], ['subscriber', this.#sub]] as const) {
      conn.on('error', (err: Error) => this.log.warn('fanout.redis-error', { connection: name, error: err.message }));
      conn.on('close', () => this.#lost(name));
      conn.on('ready', () => void this.#up());
    }
    this.#sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.#message(channel.toString(), message));
    this.#timer = setInterval(() => this.#beat(), HEARTBEAT_MS);
    this.#timer.unref();
  }

  /** Resolves once both connections are up, or after `ms` (the server starts degraded). */
  async started(ms = 3000): Promise<void> {
    const t0 = Date.now();
    while (!this.#ready && Date.now() - t0 < ms) await new Promise((r) => setTimeout(r, 20));
    if (!this.#ready) this.log.warn('fanout.redis-unreachable', { hint: 'starting alone; the instances join up when Redis answers' });
  }

  get connected(): boolean {
    return this.#ready && !this.#closed;
  }

  #lost(name: string): void {
    if (this.#closed) return;
    if (this.#ready) {
      this.metrics.fanoutErrors.inc(1, { kind: 'connection' });
      this.log.warn('fanout.redis-lost', { connection: name });
    }
    this.#ready = false;
  }

  /** Both connections up: subscribe everything again, then every room catches up. */
  async #up(): Promise<void> {
    if (this.#closed || this.#pub.status !== 'ready' || this.#sub.status !== 'ready' || this.#ready) return;
    try {
      await this.#sub.subscribe(CLUSTER, REPLY_PREFIX + this.instance, ...[...this.#rooms.keys()].map((r) => ROOM_PREFIX + r));
    } catch (err) {
      this.log.warn('fanout.resubscribe-failed', { error: String(err) });
      return;
    }
    const wasDown = this.#everUp;
    this.#everUp = true;
    this.#ready = true;
    // Whoever was quiet while we could not hear gets a fresh start.
    const now = Date.now();
    for (const id of this.#peers.keys()) this.#peers.set(id, now);
    if (wasDown) this.log.info('fanout.redis-back', { rooms: this.#rooms.size });
    for (const listeners of this.#rooms.values()) for (const l of listeners) l.resync?.();
    this.#send({ t: 'hb', i: this.instance });
  }

  #everUp = false;

  subscribe(room: string, listener: FanoutListener): FanoutChannel {
    let listeners = this.#rooms.get(room);
    let ready: Promise<void> = Promise.resolve();
    if (!listeners) {
      this.#rooms.set(room, (listeners = new Set()));
      // Down: the room loads now, and catches up when Redis is back (#up).
      if (this.#ready) {
        ready = this.#sub.subscribe(ROOM_PREFIX + room).then(
          () => undefined,
          (err: unknown) => {
            this.metrics.fanoutErrors.inc(1, { kind: 'subscribe' });
            this.log.warn('fanout.subscribe-failed', { room, error: String(err) });
          },
        );
      }
    }
    listeners.add(listener);
    let open = true;
    return {
      ready,
      publishUpdate: (update, seq) => {
        if (!open) return;
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, UPDATE);
        encoding.writeVarString(e, this.instance);
        encoding.writeFloat64(e, Date.now());
        encoding.writeVarUint(e, seq);
        encoding.writeVarUint8Array(e, update);
        this.#publish(ROOM_PREFIX + room, Buffer.from(encoding.toUint8Array(e)), 'update');
      },
      publishAwareness: (entries) => {
        if (!open) return;
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, AWARENESS);
        encoding.writeVarString(e, this.instance);
        encoding.writeFloat64(e, Date.now());
        encoding.writeVarUint(e, entries.length);
        for (const a of entries) {
          encoding.writeVarUint(e, a.clientID);
          encoding.writeVarUint(e, a.clock);
          encoding.writeVarString(e, a.json);
        }
        this.#publish(ROOM_PREFIX + room, Buffer.from(encoding.toUint8Array(e)), 'awareness');
      },
      close: () => {
        if (!open) return;
        open = false;
        const set = this.#rooms.get(room);
        set?.delete(listener);
        if (set && set.size === 0) {
          this.#rooms.delete(room);
          if (this.#ready) this.#sub.unsubscribe(ROOM_PREFIX + room).catch(() => {});
        }
      },
    };
  }

  #publish(channel: string, message: Buffer | string, kind: string): Promise<number> {
    if (!this.#ready) {
      this.metrics.fanoutErrors.inc(1, { kind: 'publish' });
      return Promise.resolve(0);
    }
    this.metrics.fanoutPublished.inc(1, { kind });
    return this.#pub.publish(channel, message).catch((err: unknown) => {
      this.metrics.fanoutErrors.inc(1, { kind: 'publish' });
      this.log.warn('fanout.publish-failed', { kind, error: String(err) });
      return 0;
    });
  }

  #send(m: ClusterMessage): Promise<number> {
    return this.#publish(CLUSTER, JSON.stringify(m), m.t === 'hb' ? 'heartbeat' : m.t === 'sig' ? 'signal' : 'lookup');
  }

  #message(channel: string, message: Buffer): void {
    try {
      if (channel.startsWith(ROOM_PREFIX)) return this.#roomMessage(channel.slice(ROOM_PREFIX.length), message);
      if (channel === CLUSTER) return this.#clusterMessage(JSON.parse(message.toString()) as ClusterMessage);
      if (channel === REPLY_PREFIX + this.instance) {
        const { r, o } = JSON.parse(message.toString()) as { r: number; o: Owner | null };
        const ask = this.#asks.get(r);
        if (!ask) return;
        ask.got++;
        if (o || ask.got >= ask.want) {
          clearTimeout(ask.timer);
          this.#asks.delete(r);
          ask.resolve(o ?? undefined);
        }
      }
    } catch (err) {
      this.metrics.fanoutErrors.inc(1, { kind: 'malformed' });
      this.log.warn('fanout.bad-message', { channel: channel.slice(0, 120), error: String(err) });
    }
  }

  #roomMessage(room: string, message: Buffer): void {
    const listeners = this.#rooms.get(room);
    if (!listeners) return;
    const d = decoding.createDecoder(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
    const type = decoding.readVarUint(d);
    const from = decoding.readVarString(d);
    if (from === this.instance) return;
    this.#peers.set(from, Date.now());
    const sentAt = decoding.readFloat64(d);
    if (type === UPDATE) {
      const seq = decoding.readVarUint(d);
      const update = decoding.readVarUint8Array(d);
      this.metrics.fanoutSeconds.observe(Math.max(0, Date.now() - sentAt) / 1000, { kind: 'update' });
      for (const l of listeners) l.update(update, seq);
    } else if (type === AWARENESS) {
      const entries: AwarenessEntry[] = [];
      for (let n = decoding.readVarUint(d); n > 0; n--) entries.push({ clientID: decoding.readVarUint(d), clock: decoding.readVarUint(d), json: decoding.readVarString(d) });
      this.metrics.fanoutSeconds.observe(Math.max(0, Date.now() - sentAt) / 1000, { kind: 'awareness' });
      for (const l of listeners) l.awareness(entries, from);
    }
  }

  #clusterMessage(m: ClusterMessage): void {
    if (m.i === this.instance) return;
    if (m.t === 'bye') return this.#gone(m.i);
    this.#peers.set(m.i, Date.now());
    if (m.t === 'sig') for (const h of this.#signalHandlers) h(m.s);
    else if (m.t === 'who') {
      const o = this.#lookup(m.c) ?? null;
      void this.#publish(REPLY_PREFIX + m.i, JSON.stringify({ r: m.r, o }), 'lookup');
    }
  }

  #gone(id: string): void {
    if (!this.#peers.delete(id)) return;
    this.log.info('fanout.instance-gone', { instance: id });
    for (const listeners of this.#rooms.values()) for (const l of listeners) l.holderGone?.(id);
  }

  #beat(): void {
    if (!this.#ready) return;
    void this.#send({ t: 'hb', i: this.instance });
    const now = Date.now();
    for (const [id, seen] of this.#peers) if (now - seen > GONE_AFTER_MS) this.#gone(id);
  }

  signal(s: ClusterSignal): void {
    void this.#send({ t: 'sig', i: this.instance, s });
  }

  onSignal(handler: (s: ClusterSignal) => void): void {
    this.#signalHandlers.push(handler);
  }

  answerOwner(lookup: (clientId: number) => Owner | undefined): void {
    this.#lookup = lookup;
  }

  async findOwner(clientId: number): Promise<Owner | undefined> {
    if (!this.#ready) return undefined;
    const r = this.#nextAsk++;
    return new Promise<Owner | undefined>((resolve) => {
      const timer = setTimeout(() => {
        this.#asks.delete(r);
        resolve(undefined);
      }, OWNER_TIMEOUT_MS);
      timer.unref();
      this.#asks.set(r, { want: Infinity, got: 0, resolve, timer });
      // PUBLISH answers how many subscribers heard it: every instance, this one included.
      void this.#send({ t: 'who', i: this.instance, r, c: clientId }).then((heard) => {
        const ask = this.#asks.get(r);
        if (!ask) return;
        ask.want = Math.max(0, heard - 1);
        if (ask.got >= ask.want) {
          clearTimeout(ask.timer);
          this.#asks.delete(r);
          resolve(undefined);
        }
      });
    });
  }

  /** Instances heard from lately (tests, /healthz). */
  get peers(): number {
    return this.#peers.size;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    if (this.#ready) await this.#send({ t: 'bye', i: this.instance }).catch(() => 0);
    this.#closed = true;
    clearInterval(this.#timer);
    for (const ask of this.#asks.values()) {
      clearTimeout(ask.timer);
      ask.resolve(undefined);
    }
    this.#asks.clear();
    this.#rooms.clear();
    this.#pub.disconnect();
    this.#sub.disconnect();
  }
}
