/**
 * The websocket endpoint `/sync/<room>`: one `Connection` per socket, speaking the
 * y-websocket protocol. Every message is size-checked (by ws, at the frame header),
 * rate-limited, and fully validated before it reaches the room; a bad one closes only the
 * connection that sent it, with a close code and a reason.
 *
 * Budgets checked here, before the room sees an update: its work (structs, delete ranges at
 * 1/16, conflict-scan steps at 1/64: `update-shape.ts`, `conflicts.ts`) per update and per
 * second per connection and per client address, updates per second per address and in total;
 * and sync step 1 requests per second per connection (each costs an encoding of what the
 * client lacks). The room checks the rest (`room.ts`).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { Close, type CloseAnswer } from './close-codes.js';
import type { Config } from '../config.js';
import { clientAddress, proxyList, rateKey } from '../http/client-address.js';
import type { Logger } from '../http/log.js';
import type { Metrics } from '../http/metrics.js';
import { decodeClientMessage, ProtocolError, TooManyStructs } from './protocol.js';
import { SCAN_STEPS_PER_UNIT } from './conflicts.js';
import { KeyedBuckets, TokenBucket } from './limits.js';
import type { Peer, Room } from './room.js';
import { isValidRoomName, type Rooms } from './rooms.js';

/** Above this many unsent bytes a client is too slow to follow the room; it is closed and resyncs later. */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;

let nextConnectionId = 1;

/** What a connection may do in a room, decided when it connects. */
export type Authorization =
  | {
      ok: true;
      /** Asked for every batch of this connection's writes (a lock set through any instance counts at once). */
      canWrite: () => boolean | Promise<boolean>;
      refusal: () => string;
      label?: string;
      /** Set when the connection reads another group's board of this workshop (cross-view). */
      foreign?: string;
      /** Who the token is (its hash), for checks made later (a move) and for revoking it. */
      subject?: string;
    }
  | { ok: false; code: number; reason: string };

/** Decides whether a connection with `token` may open `room`. */
export type Authorize = (room: string, token: string | null) => Authorization | Promise<Authorization>;

/**
 * The browser app sends its token as a websocket subprotocol (`kaedeboard.token.<token>`, next
 * to `kaedeboard`), which stays out of URLs and so out of proxy logs; `?token=` is still read
 * for other clients. The server answers with the `kaedeboard` protocol, never the token.
 */
export const PROTOCOL = 'kaedeboard';
export const TOKEN_PROTOCOL_PREFIX = 'kaedeboard.token.';

export function tokenOf(req: IncomingMessage, url: URL): string | null {
  const offered = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((s) => s.trim());
  const fromProtocol = offered.find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX));
  return fromProtocol ? fromProtocol.slice(TOKEN_PROTOCOL_PREFIX.length) : url.searchParams.get('token');
}

export const openAccess: Authorize = () => ({ ok: true, canWrite: () => true, refusal: () => '' });

class Connection implements Peer {
  readonly id = nextConnectionId++;
  room: Room | null = null;
  access: Extract<Authorization, { ok: true }> = { ok: true, canWrite: () => false, refusal: () => 'read-only' };
  /** The awareness client id this connection announced first and owns (see SyncServer.ownerOf). */
  clientId: number | null = null;
  /** The client's address as rate limits count it (`rateKey`). */
  address = '';
  readonly #messages: TokenBucket;
  readonly #bytes: TokenBucket;
  readonly #structs: TokenBucket;
  readonly #syncRequests: TokenBucket;
  #closed = false;
  /** The last answer of `canWrite` (the work budget skips conflict scans of a known reader). */
  #writable: boolean | undefined;
  /** Messages that came before the room was joined (authorization and loading take a moment). */
  #early: { data: RawData; isBinary: boolean }[] | null = [];
  #earlyBytes = 0;

  constructor(readonly ws: WebSocket, readonly sync: SyncServer) {
    const c = sync.config;
    this.#messages = new TokenBucket(c.rateMessagesPerSecond, c.rateBurst);
    this.#bytes = new TokenBucket(c.rateBytesPerSecond, Math.max(c.rateBytesPerSecond * 2, c.maxMessageBytes));
    // A full bucket holds one update of the largest size allowed.
    this.#structs = new TokenBucket(c.structsPerSecond, Math.max(c.structsPerSecond, c.maxUpdateStructs));
    this.#syncRequests = new TokenBucket(c.syncRequestsPerSecond, Math.max(2, c.syncRequestsPerSecond * 2));
  }

  send(message: Uint8Array): void {
    if (this.#closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.closeWith(Close.tooSlow);
      return;
    }
    this.ws.send(message);
    this.sync.metrics.messagesOut.inc();
    this.sync.metrics.bytesOut.inc(message.byteLength);
  }

  close(code: number, reason: string): void {
    if (this.#closed) return;
    this.#closed = true;
    this.sync.metrics.closes.inc(1, { reason });
    this.ws.close(code, reason);
    // A peer that never answers the close handshake is cut off.
    setTimeout(() => this.ws.terminate(), 5000).unref();
  }

  canWrite(): boolean | Promise<boolean> {
    const answer = this.access.canWrite();
    if (typeof answer === 'boolean') return (this.#writable = answer);
    return answer.then((w) => (this.#writable = w));
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Holds a message until the room is joined; false when too much came before it. */
  hold(data: RawData, isBinary: boolean): boolean {
    if (!this.#early) return false;
    this.#earlyBytes += Array.isArray(data) ? data.reduce((n, b) => n + b.byteLength, 0) : data.byteLength;
    if (this.#early.length >= 64 || this.#earlyBytes > 2 * this.sync.config.maxMessageBytes) return false;
    this.#early.push({ data, isBinary });
    return true;
  }

  /** The room is joined: the held messages are handled, in order. */
  joined(room: Room): void {
    this.room = room;
    const early = this.#early ?? [];
    this.#early = null;
    for (const m of early) this.onMessage(m.data, m.isBinary);
  }

  refusal(): string {
    return this.access.refusal();
  }

  closeWith(answer: CloseAnswer, detail?: string): void {
    this.close(answer.code, detail ? `${answer.reason}: ${detail}`.slice(0, 120) : answer.reason);
  }

  onMessage(data: RawData, isBinary: boolean): void {
    if (this.#closed || !this.room) return;
    const bytes = toUint8Array(data);
    this.sync.metrics.messagesIn.inc();
    this.sync.metrics.bytesIn.inc(bytes.byteLength);
    if (!isBinary) return this.closeWith(Close.binaryOnly);
    if (!this.#bytes.take(bytes.byteLength)) return this.#rateLimited();
    let message;
    try {
      message = decodeClientMessage(bytes, this.sync.config.maxUpdateStructs);
    } catch (err) {
      if (err instanceof TooManyStructs) return this.#overBudget(Close.updateTooLarge, `limit ${err.limit} structs`);
      if (!(err instanceof ProtocolError)) throw err;
      this.sync.log.warn('sync.malformed', { room: this.room.name, connection: this.id, error: err.message });
      return this.closeWith(Close.malformed, err.message);
    }
    const cost = message.type === 'awareness' ? this.room.awarenessCost(this, message.entries) : 1;
    if (!this.#messages.take(cost)) return this.#rateLimited();
    if (message.type === 'sync-step1' && !this.#syncRequests.take()) return this.#overBudget(Close.syncFlood, `limit ${this.sync.config.syncRequestsPerSecond} a second`);
    if ((message.type === 'update' || message.type === 'sync-step2') && message.shape.work > 0) {
      // Conflict scans count too (conflicts.ts); a connection that may not write is refused unapplied anyway.
      const max = this.sync.config.maxUpdateStructs;
      const scan = message.shape.structs > 0 && this.#writable !== false ? this.room.scanSteps(message.shape, (max - message.shape.work + 1) * SCAN_STEPS_PER_UNIT) : 0;
      const work = message.shape.work + Math.ceil(scan / SCAN_STEPS_PER_UNIT);
      if (work > max) return this.#overBudget(Close.updateTooLarge, `limit ${max} structs`);
      if (!this.#structs.take(work)) return this.#overBudget(Close.structFlood, `limit ${this.sync.config.structsPerSecond} structs a second`);
      const budget = this.sync.takeUpdate(this.address, work);
      if (budget) return this.#overBudget(budget);
    }
    if (message.type === 'awareness' && this.clientId === null) this.sync.claim(this, message.entries);
    this.room.receive(this, message);
  }

  #rateLimited(): void {
    this.sync.log.warn('sync.rate-limited', { room: this.room?.name, connection: this.id });
    this.closeWith(Close.rateLimited);
  }

  /** A budget is spent: closed with its code (the client reconnects and sends it again later). */
  #overBudget(answer: CloseAnswer, detail?: string): void {
    this.sync.metrics.writesRefused.inc(1, { reason: answer.reason });
    this.sync.log.warn('sync.over-budget', { room: this.room?.name, connection: this.id, code: answer.code, reason: answer.reason, detail });
    this.closeWith(answer, detail);
  }
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export class SyncServer {
  readonly wss: WebSocketServer;
  readonly connections = new Set<Connection>();
  /** Awareness client ids by the connection that owns them, server-wide. */
  readonly #owners = new Map<number, Connection>();
  readonly #proxies: ReturnType<typeof proxyList> | null;
  readonly #addressUpdates: KeyedBuckets;
  readonly #addressStructs: KeyedBuckets;
  readonly #allUpdates: TokenBucket;

  constructor(
    readonly rooms: Rooms,
    readonly config: Config,
    readonly metrics: Metrics,
    readonly log: Logger,
    readonly authorize: Authorize = openAccess,
  ) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: config.maxMessageBytes,
      perMessageDeflate: false,
      // Never echo the token protocol; a client that offers protocols gets ours (or none).
      handleProtocols: (offered) => (offered.has(PROTOCOL) ? PROTOCOL : false),
    });
    this.#proxies = config.trustedProxies.length > 0 ? proxyList(config.trustedProxies) : null;
    this.#addressUpdates = new KeyedBuckets(config.updatesPerAddressPerSecond, config.updatesPerAddressPerSecond * 2);
    this.#addressStructs = new KeyedBuckets(config.structsPerAddressPerSecond, Math.max(config.structsPerAddressPerSecond, config.maxUpdateStructs) * 2);
    this.#allUpdates = new TokenBucket(config.updatesPerSecond, config.updatesPerSecond * 2);
  }

  /** Takes one update of `work` structs from the address's and the server's budgets; the one spent, if any. */
  takeUpdate(address: string, work: number): CloseAnswer | null {
    if (!this.#addressUpdates.take(address) || !this.#addressStructs.take(address, work)) return Close.addressFlood;
    if (!this.#allUpdates.take()) return Close.serverBusy;
    return null;
  }

  /** True when `url` is a path this endpoint serves. */
  static handles(pathname: string): boolean {
    return pathname.startsWith('/sync/');
  }

  /** Completes the websocket handshake, then admits the connection or closes it with a reason. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.#admit(ws, req, url));
  }

  #admit(ws: WebSocket, req: IncomingMessage, url: URL): void {
    const pathname = url.pathname;
    const conn = new Connection(ws, this);
    conn.address = rateKey(clientAddress(req, this.#proxies));
    this.connections.add(conn);
    // ws closes an oversize frame with 1009 but no reason; give the reason. ws checks the
    // length in the frame header, so an oversize message is never buffered.
    const close = ws.close.bind(ws);
    ws.close = (code?: number, reason?: string | Buffer) =>
      close(code, code === Close.tooBig.code && !reason ? `${Close.tooBig.reason} (limit ${this.config.maxMessageBytes} bytes)` : reason);
    ws.on('error', (err) => this.log.warn('sync.socket-error', { connection: conn.id, error: err.message }));
    ws.on('close', () => {
      this.connections.delete(conn);
      if (conn.clientId !== null && this.#owners.get(conn.clientId) === conn) this.#owners.delete(conn.clientId);
      if (conn.room) this.rooms.leave(conn.room, conn);
    });
    // Messages are heard from the start and held until the room is joined.
    ws.on('message', (data, isBinary) => {
      try {
        if (!conn.room) {
          if (!conn.hold(data, isBinary)) conn.closeWith(Close.rateLimited);
          return;
        }
        conn.onMessage(data, isBinary);
      } catch (err) {
        this.log.error('sync.internal-error', { connection: conn.id, error: String(err) });
        conn.close(1011, 'internal error');
      }
    });

    let name: string;
    try {
      name = decodeURIComponent(pathname.slice('/sync/'.length));
    } catch {
      name = '';
    }
    if (!isValidRoomName(name)) return conn.closeWith(Close.badRoomName);
    if (!this.#originAllowed(req)) {
      this.log.warn('sync.origin-refused', { origin: req.headers.origin });
      return conn.closeWith(Close.originNotAllowed);
    }
    void (async () => {
      let access: Authorization;
      try {
        access = await this.authorize(name, tokenOf(req, url));
      } catch (err) {
        // The workshop store cannot be reached: the client retries.
        this.log.error('sync.authorize-failed', { room: name, error: String(err) });
        return conn.closeWith(Close.storageFailure);
      }
      if (conn.closed || ws.readyState !== ws.OPEN) return;
      if (!access.ok) {
        this.log.warn('sync.refused', { room: name, code: access.code, reason: access.reason });
        return conn.close(access.code, access.reason);
      }
      conn.access = access;
      const loaded = this.rooms.peek(name);
      if (loaded && loaded.peers.size >= this.config.maxConnectionsPerRoom) return conn.closeWith(Close.roomFull);
      let room: Room;
      try {
        room = await this.rooms.join(name, conn);
      } catch (err) {
        this.log.error('sync.join-failed', { room: name, error: String(err) });
        return conn.closeWith(Close.storageFailure);
      }
      if (conn.closed || ws.readyState !== ws.OPEN) {
        this.rooms.leave(room, conn);
        return;
      }
      conn.joined(room);
    })();
  }

  /** Browsers send Origin: only the server's own origin and configured ones may connect. */
  #originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (!origin) return true; // not a browser (Node clients, tools)
    if (this.config.allowedOrigins.includes(origin)) return true;
    try {
      return new URL(origin).host === req.headers.host;
    } catch {
      return false;
    }
  }

  /**
   * A connection owns the first client id it announces in awareness that no live connection
   * owns yet: its own (the stock client announces itself before it echoes anyone else), never
   * one it learnt from others while their owner is connected.
   */
  claim(conn: Connection, entries: readonly { clientID: number; json: string }[]): void {
    for (const e of entries) {
      if (e.json === 'null' || this.#owners.has(e.clientID)) continue;
      this.#owners.set(e.clientID, conn);
      conn.clientId = e.clientID;
      return;
    }
  }

  /** The live connection that owns awareness client id `clientId`: its room and token subject. */
  ownerOf(clientId: number): { room: string; subject: string | undefined } | undefined {
    const conn = this.#owners.get(clientId);
    return conn?.room ? { room: conn.room.name, subject: conn.access.subject } : undefined;
  }

  /** Closes every connection opened with the token whose subject is `subject` (a revoked token). */
  closeSubject(subject: string, code: number, reason: string): number {
    let n = 0;
    for (const conn of this.connections) {
      if (conn.access.subject !== subject) continue;
      conn.close(code, reason);
      n++;
    }
    return n;
  }

  /** Closes connections reading other groups' boards of `workshopId` (cross-view turned off). */
  closeForeign(workshopId: string): void {
    for (const conn of this.connections) if (conn.access.foreign === workshopId) conn.close(4403, 'cross-view turned off');
  }

  /** Shutdown: every connection closed with 1001. */
  closeAll(): void {
    for (const conn of this.connections) conn.closeWith(Close.goingAway);
  }
}
