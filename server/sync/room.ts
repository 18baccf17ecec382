/**
 * One room: a Yjs document, the awareness states of its clients, and its connections.
 *
 * What reaches the document: an update from a client is checked against the room's state
 * first (`integrable.ts`): one that Yjs could not integrate whole (missing dependencies,
 * deletions of items the room does not have) is refused and never applied, stored or
 * broadcast, so the document never holds anything pending. A connection that may not write
 * has its updates refused the same way, and the client ids it wrote with are burned in the
 * room: structs of theirs from the refused clock on are refused for good (the sender still
 * holds them, and its resync would send them again, e.g. after the lock is lifted). Each
 * refusal closes the sender with a 45xx code (`close-codes.ts`) and a reason.
 *
 * Order and durability: a room handles its updates one batch at a time, in the order they
 * came: each update of a batch (the client updates and server changes that arrived while the
 * previous batch was being stored) is checked and applied to the document, the batch is
 * appended to the store, and only once the store has committed it is anything sent to a
 * connection or published. Sync requests wait behind the batch in the same queue, so no client
 * is ever sent anything that is not stored. When the store fails, the room is dropped from
 * memory (it is reloaded from the store on the next connection) and every connection is closed
 * with 1011, so a failed write leaves nothing any client can see.
 *
 * Broadcast: what reaches the document is sent to the room's own connections, then published
 * on the fan-out to the other holders of the room (other server instances); what they publish
 * is applied here and sent to our connections, never stored twice. Our own connections are
 * served directly, not through the fan-out, so a remote fan-out adds no round trip to them.
 *
 * Several holders (a shared store): the room knows the last row it holds with every row before
 * it (`lastSeq`). A published row that is not the next one is held back, and the rows between
 * are read from the store before it is delivered (the fan-out may drop a message, and two
 * publishers' messages interleave); a row this room appended itself above `lastSeq` counts
 * once the rows below it are in. Awareness states announced through another instance are kept
 * with that instance's id and removed when it goes away.
 *
 * Budgets: a board holds at most `maxBoardBytes` (its stored state, estimated as the last
 * compacted state plus the log since) and `maxBoardItems` structs; a connection owns one
 * awareness client id, whose state is at most `maxAwarenessBytes`, relayed at most
 * `awarenessBytesPerSecond` (each byte goes to every other connection of the room).
 *
 * Why one file (~840 lines): the order of check, apply, commit and broadcast, the burned client
 * ids, the budgets and the fan-out catch-up all read and write the same per-room state (the queue,
 * the sequence number, the awareness owners), and the invariant "nothing is sent before it is
 * stored" is kept by that one queue. The pure parts already live beside it (integrable.ts,
 * update-shape.ts, conflicts.ts, protocol.ts). Next to split out: awareness (its owners, caps and
 * echoes) into room-awareness.ts.
 */
import * as Y from 'yjs';
import { Close, type CloseAnswer } from './close-codes.js';
import type { Config } from '../config.js';
import type { Fanout, FanoutChannel } from '../fanout/fanout.js';
import type { Logger } from '../http/log.js';
import type { Metrics } from '../http/metrics.js';
import { scanSteps } from './conflicts.js';
import { TokenBucket } from './limits.js';
import { carriesChange, checkIntegrable } from './integrable.js';
import {
  encodeAwarenessEntries,
  encodeAwarenessMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncStep2Update,
  encodeUpdate,
  isEmptyUpdate,
  MESSAGE_QUERY_AWARENESS,
  type AwarenessEntry,
  type ClientMessage,
} from './protocol.js';
import type { StateWorker } from './state-worker.js';
import type { Store } from '../storage/store.js';
import type { UpdateShape } from './update-shape.js';

/** What a room needs of a connection. */
export interface Peer {
  readonly id: number;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
  /** May this connection change the document now (a lock can change while it is open)? */
  canWrite(): boolean | Promise<boolean>;
  /** Why it may not (shown to the participant). */
  refusal(): string;
}

/** Owner of awareness states announced by connections of another holder of the room. */
const ELSEWHERE = Symbol('kaedeboard:elsewhere');

interface AwarenessRecord extends AwarenessEntry {
  owner: Peer | typeof ELSEWHERE;
  /** For a state announced elsewhere: the instance that announced it. */
  holder?: string;
}

/** One piece of work of the room's queue (see the header). */
type Job =
  | { kind: 'update'; peer: Peer; update: Uint8Array; shape: UpdateShape }
  | { kind: 'server'; fn: (doc: Y.Doc) => unknown; origin: unknown; resolve: (v: unknown) => void; reject: (err: unknown) => void }
  | { kind: 'run'; fn: () => Promise<void> | void; resolve: () => void; reject: (err: unknown) => void };

/** A change the batch applied, waiting for its commit; `origin` is the peer that sent it, if any. */
interface Held {
  update: Uint8Array;
  origin: unknown;
}

export class StorageError extends Error {}

/** Origin of updates another holder of the room published, or read from the store (already stored). */
const FROM_FANOUT = Symbol('kaedeboard:fanout');

/** Client ids burned per room at most (a hostile reader could invent any number). */
const MAX_BURNED = 10_000;

/** Structs held by a document: what the items budget counts. */
export function countStructs(doc: Y.Doc): number {
  let n = 0;
  for (const structs of doc.store.clients.values()) n += structs.length;
  return n;
}

/** How the room reaches the rest of the server (set by `Rooms`). */
export interface RoomHooks {
  /** The room failed (storage) and must be dropped from memory. */
  failed(room: Room): void;
  /** The room's log grew past the compaction bound. */
  compact(room: Room): void;
}

export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly peers = new Set<Peer>();
  readonly #awareness = new Map<number, AwarenessRecord>();
  /** The one awareness client id each of our connections owns, and the other way round. */
  readonly #ownedBy = new Map<Peer, number>();
  readonly #ownerOf = new Map<number, Peer>();
  /** Bytes of its own presence each connection may have relayed, per second. */
  readonly #presenceBytes = new Map<Peer, TokenBucket>();
  /** Client id -> first refused clock (see the header). */
  readonly #burned: Map<number, number>;
  #lastSeq = 0;
  #logRows = 0;
  #logBytes = 0;
  /** Bytes of the state as last compacted (or loaded); the budget counts these plus the log. */
  #baseBytes = 0;
  #items = 0;
  #compactScheduled = false;
  #failed = false;
  /** Loaded from the store and hearing the fan-out. */
  #ready = false;
  readonly #jobs: Job[] = [];
  #running = false;
  /** The batch being applied: its changes, held until they are committed. */
  #held: Held[] | null = null;
  /** Rows this room appended above `lastSeq` (shared store), and published rows waiting for the ones below. */
  readonly #ownAhead = new Set<number>();
  readonly #waiting = new Map<number, Uint8Array>();
  /** Published messages heard while loading. */
  #early: { update: Uint8Array; seq: number }[] = [];
  #catchingUp: Promise<void> | null = null;
  /** The whole state as the worker last built it, and the last log row it holds. */
  #built: { seq: number; state: Uint8Array } | null = null;
  readonly #fanout: FanoutChannel;
  hooks: RoomHooks = { failed: () => {}, compact: (r) => r.compact() };

  constructor(
    readonly name: string,
    readonly store: Store,
    fanout: Fanout,
    readonly config: Config,
    readonly metrics: Metrics,
    readonly log: Logger,
    readonly worker: StateWorker | null = null,
  ) {
    this.#burned = new Map();
    this.doc.on('update', this.#onDocUpdate);
    this.#fanout = fanout.subscribe(name, {
      update: (update, seq) => this.#receivePublishedUpdate(update, seq),
      awareness: (entries, holder) => this.#receivePublishedAwareness(entries, holder),
      holderGone: (holder) => this.#holderGone(holder),
      resync: () => void this.catchUp(),
    });
  }

  /**
   * Loads the room: first the fan-out is heard (what is published meanwhile waits), then the
   * store is read, so nothing committed in between is missed.
   */
  async open(): Promise<void> {
    await this.#fanout.ready;
    const stored = await this.store.load(this.name);
    Y.transact(this.doc, () => {
      if (stored.snapshot) this.#applyStored(stored.snapshot, 'snapshot');
      for (const u of stored.updates) this.#applyStored(u, 'log row');
    }, this);
    this.#clearPending('load');
    this.#lastSeq = stored.lastSeq;
    this.#logRows = stored.updates.length;
    this.#logBytes = stored.logBytes;
    this.#baseBytes = stored.snapshot?.byteLength ?? 0;
    this.#items = countStructs(this.doc);
    for (const [client, clock] of stored.refused) this.#burned.set(client, clock);
    this.#ready = true;
    for (const m of this.#early.splice(0)) this.#receivePublishedUpdate(m.update, m.seq);
    this.#early = [];
  }

  #applyStored(update: Uint8Array, what: string): void {
    try {
      Y.applyUpdate(this.doc, update, this);
    } catch (err) {
      // Cannot happen for updates we validated before storing; keep going with the rest.
      this.log.error('room.load.bad-update', { room: this.name, what, error: String(err) });
    }
  }

  /**
   * Last guard: anything Yjs holds pending was not integrated (the check before applying
   * should make this impossible). It is dropped, so no later transaction can complete it.
   */
  #clearPending(when: string): void {
    const store = this.doc.store;
    if (store.pendingStructs === null && store.pendingDs === null) return;
    this.log.error('room.pending-cleared', { room: this.name, when, structs: store.pendingStructs !== null, deletes: store.pendingDs !== null });
    this.metrics.writesRefused.inc(1, { reason: 'pending cleared' });
    store.pendingStructs = null;
    store.pendingDs = null;
  }

  /**
   * Updates that reach the document. A client's or the server's change is held by the batch
   * being applied until it is committed (`#runBatch`); one another holder stored (or one read
   * from the store while catching up) is sent to our connections at once.
   */
  #onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return;
    if (origin === FROM_FANOUT) {
      this.#broadcast(encodeUpdate(update));
      return;
    }
    if (this.#held) this.#held.push({ update, origin });
    else this.log.error('room.change-outside-batch', { room: this.name });
  };

  /** An update another holder stored as `seq`: applied and sent to our connections, in row order. */
  #receivePublishedUpdate(update: Uint8Array, seq: number): void {
    if (this.#failed) return;
    if (!this.#ready) {
      this.#early.push({ update, seq });
      return;
    }
    if (!this.store.shared) {
      this.#lastSeq = Math.max(this.#lastSeq, seq);
      this.#applyPublished(update, seq);
      return;
    }
    if (seq <= this.#lastSeq || this.#ownAhead.has(seq)) return; // held already (read while catching up)
    this.#waiting.set(seq, update);
    this.#advance();
    if (this.#waiting.size > 0) {
      this.metrics.fanoutGaps.inc();
      void this.catchUp();
    }
  }

  /** Moves `lastSeq` over every row now held in order: published ones are delivered here. */
  #advance(): void {
    for (;;) {
      const next = this.#lastSeq + 1;
      const update = this.#waiting.get(next);
      if (update) {
        this.#waiting.delete(next);
        this.#lastSeq = next;
        this.#applyPublished(update, next);
      } else if (this.#ownAhead.delete(next)) this.#lastSeq = next;
      else break;
    }
  }

  #applyPublished(update: Uint8Array, seq: number): void {
    this.#logRows++;
    this.#logBytes += update.byteLength;
    try {
      Y.applyUpdate(this.doc, update, FROM_FANOUT);
    } catch (err) {
      // The publisher validated it before storing; keep the room going.
      this.log.error('room.fanout.bad-update', { room: this.name, seq, error: String(err) });
    }
    this.#clearPending('fanout');
    this.#items = countStructs(this.doc);
  }

  /**
   * Reads what the store holds past `lastSeq` and delivers it (a gap in the fan-out, the fan-out
   * back after an outage, a server change about to be made). One read at a time.
   */
  catchUp(): Promise<void> {
    if (!this.store.shared || this.#failed || !this.#ready) return Promise.resolve();
    this.#catchingUp ??= (async () => {
      try {
        const from = this.#lastSeq;
        const stored = await this.store.loadSince(this.name, from);
        if (this.#failed) return;
        if (stored.lastSeq > this.#lastSeq || stored.snapshot) {
          Y.transact(this.doc, () => {
            if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot);
            for (const u of stored.updates) Y.applyUpdate(this.doc, u);
          }, FROM_FANOUT);
          this.#clearPending('catch-up');
          this.#items = countStructs(this.doc);
          this.#logRows += stored.updates.length;
          this.#logBytes += stored.logBytes;
          this.#lastSeq = Math.max(this.#lastSeq, stored.lastSeq);
          for (const s of [...this.#waiting.keys()]) if (s <= this.#lastSeq) this.#waiting.delete(s);
          for (const s of [...this.#ownAhead]) if (s <= this.#lastSeq) this.#ownAhead.delete(s);
          this.metrics.fanoutCatchUps.inc();
          this.log.info('room.caught-up', { room: this.name, from, to: this.#lastSeq });
        }
        this.#advance();
      } catch (err) {
        this.log.warn('room.catch-up-failed', { room: this.name, error: String(err) });
      } finally {
        this.#catchingUp = null;
      }
      // Rows published while reading that are still not in order: read again.
      if (this.#waiting.size > 0 && !this.#failed) setTimeout(() => void this.catchUp(), 50).unref();
    })();
    return this.#catchingUp;
  }

  /** A row this room appended and committed as `seq`. */
  #appended(update: Uint8Array, seq: number): void {
    if (!this.store.shared || seq === this.#lastSeq + 1) this.#lastSeq = Math.max(this.#lastSeq, seq);
    else if (seq > this.#lastSeq) {
      // Another holder wrote the rows below; they come by the fan-out (or the store).
      this.#ownAhead.add(seq);
      setTimeout(() => {
        if (this.#lastSeq < seq && !this.#failed) void this.catchUp();
      }, 100).unref();
    }
    this.metrics.updatesStored.inc();
    this.#logRows++;
    this.#logBytes += update.byteLength;
    if (!this.#compactScheduled && (this.#logRows > this.config.compactAfterUpdates || this.#logBytes > this.config.compactAfterBytes)) {
      this.#compactScheduled = true;
      setImmediate(() => {
        this.#compactScheduled = false;
        if (!this.#failed) this.hooks.compact(this);
      });
    }
  }

  /** Queues `job`; the queue runs one job (or one batch of changes) at a time. */
  #enqueue(job: Job): void {
    this.#jobs.push(job);
    if (!this.#running) void this.#run();
  }

  async #run(): Promise<void> {
    this.#running = true;
    try {
      while (this.#jobs.length > 0) {
        if (this.#failed) {
          for (const job of this.#jobs.splice(0)) if (job.kind !== 'update') job.reject(new StorageError('the room failed'));
          return;
        }
        const first = this.#jobs[0] as Job;
        if (first.kind === 'run') {
          this.#jobs.shift();
          try {
            await first.fn();
            first.resolve();
          } catch (err) {
            first.reject(err);
          }
          continue;
        }
        let n = 0;
        while (n < this.#jobs.length && (this.#jobs[n] as Job).kind !== 'run') n++;
        await this.#runBatch(this.#jobs.splice(0, n) as Exclude<Job, { kind: 'run' }>[]);
      }
    } finally {
      this.#running = false;
    }
  }

  /** Runs `fn` in the room's queue: after everything queued before it, alone. */
  queue(fn: () => Promise<void> | void): Promise<void> {
    return new Promise<void>((resolve, reject) => this.#enqueue({ kind: 'run', fn, resolve, reject }));
  }

  /** A change made by the server (one transaction with `origin`), stored and broadcast like a client's. */
  change<T>(fn: (doc: Y.Doc) => T, origin: unknown): Promise<T> {
    return new Promise<T>((resolve, reject) => this.#enqueue({ kind: 'server', fn, origin, resolve: resolve as (v: unknown) => void, reject }));
  }

  /**
   * One batch: whether each sender may write (asked once per sender, together), then each
   * change checked and applied in order, the changes appended together (one commit in a shared
   * store), then sent and published. A failed append fails the room before anything was sent.
   */
  async #runBatch(batch: Exclude<Job, { kind: 'run' }>[]): Promise<void> {
    const writers = new Map<Peer, boolean>();
    try {
      await Promise.all(
        [...new Set(batch.flatMap((j) => (j.kind === 'update' ? [j.peer] : [])))].map(async (peer) => writers.set(peer, await peer.canWrite())),
      );
    } catch (err) {
      // The lock could not be read (the database is down): nothing is applied.
      for (const j of batch) if (j.kind === 'server') j.reject(new StorageError(String(err)));
      this.#fail(err);
      return;
    }
    if (this.#failed) return;
    const held: Held[] = (this.#held = []);
    const results: { job: Extract<Job, { kind: 'server' }>; ok: boolean; value: unknown }[] = [];
    try {
      for (const job of batch) {
        if (job.kind === 'update') {
          if (this.peers.has(job.peer)) this.#receiveUpdate(job.peer, job.update, job.shape, writers.get(job.peer) === true);
          continue;
        }
        try {
          results.push({ job, ok: true, value: Y.transact(this.doc, () => job.fn(this.doc), job.origin) });
        } catch (err) {
          results.push({ job, ok: false, value: err });
        }
      }
    } finally {
      this.#held = null;
    }
    if (held.length > 0) {
      const t0 = performance.now();
      let seqs: number[];
      try {
        seqs = await Promise.all(held.map((h) => this.store.append(this.name, h.update)));
      } catch (err) {
        const failure = new StorageError(err instanceof Error ? err.message : String(err));
        for (const r of results) r.job.reject(failure);
        this.#fail(err);
        return;
      }
      const seconds = (performance.now() - t0) / 1000;
      for (let i = 0; i < held.length; i++) this.metrics.appendSeconds.observe(seconds);
      this.#items = countStructs(this.doc);
      held.forEach((h, i) => {
        this.#appended(h.update, seqs[i] as number);
        const message = encodeUpdate(h.update);
        for (const peer of this.peers) if (peer !== h.origin) peer.send(message);
        this.#fanout.publishUpdate(h.update, seqs[i] as number);
      });
    }
    for (const r of results) (r.ok ? r.job.resolve : r.job.reject)(r.value);
  }

  /** Folds the log into one merged state, in one store transaction, encoded here (in the queue: only stored changes). */
  compact(): Promise<void> {
    return this.queue(async () => {
      if (this.#logRows === 0) return;
      const state = Y.encodeStateAsUpdate(this.doc);
      const rows = this.#logRows;
      const bytes = this.#logBytes;
      await this.store.compact(this.name, state, this.#lastSeq);
      this.compacted(state.byteLength, rows, bytes);
    });
  }

  /** The worker built the whole state as of log row `seq` (kept for sync requests). */
  built(seq: number, state: Uint8Array): void {
    if (seq === this.#lastSeq) this.#built = { seq, state };
  }

  /** A compaction folded `rows` log rows of `bytes` into a state of `stateBytes`. */
  compacted(stateBytes: number, rows: number, bytes: number): void {
    this.metrics.compactions.inc();
    this.#logRows = Math.max(0, this.#logRows - rows);
    this.#logBytes = Math.max(0, this.#logBytes - bytes);
    this.#baseBytes = stateBytes;
    this.#items = countStructs(this.doc);
  }

  get logRows(): number {
    return this.#logRows;
  }

  get logBytes(): number {
    return this.#logBytes;
  }

  get lastSeq(): number {
    return this.#lastSeq;
  }

  /** The board's size as the bytes budget counts it. */
  get stateBytes(): number {
    return this.#baseBytes + this.#logBytes;
  }

  /** The board's structs as the items budget counts them (an upper bound between compactions). */
  get items(): number {
    return this.#items;
  }

  /** Conflict-scan steps integrating `shape` here would take (at most `limit` counted). */
  scanSteps(shape: UpdateShape, limit: number): number {
    return scanSteps(shape, this.doc, limit);
  }

  /** Is the room large enough that its state is encoded by the worker? */
  get large(): boolean {
    return this.worker !== null && this.stateBytes > this.config.offloadAboveBytes;
  }

  /** A new connection: greet it with our state vector and the current awareness states. */
  join(peer: Peer): void {
    this.peers.add(peer);
    peer.send(encodeSyncStep1(this.doc));
    if (this.#awareness.size > 0) this.#sendAwareness(peer);
  }

  leave(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    const owned = this.#ownedBy.get(peer);
    this.#ownedBy.delete(peer);
    this.#presenceBytes.delete(peer);
    if (owned !== undefined && this.#ownerOf.get(owned) === peer) this.#ownerOf.delete(owned);
    const gone: AwarenessEntry[] = [];
    for (const [clientID, rec] of this.#awareness) {
      if (rec.owner !== peer) continue;
      this.#awareness.delete(clientID);
      if (rec.json !== 'null') gone.push({ clientID, clock: rec.clock + 1, json: 'null' });
    }
    if (gone.length > 0) this.#shareAwareness(gone, peer);
  }

  /** Handles one validated message from `peer` (document messages in the room's queue, in order). */
  receive(peer: Peer, message: ClientMessage): void {
    if (this.#failed) return;
    switch (message.type) {
      case 'sync-step1': {
        const { stateVector } = message;
        void this.queue(() => {
          if (this.peers.has(peer)) this.#answerStep1(peer, stateVector);
        }).catch(() => {});
        return;
      }
      case 'sync-step2':
      case 'update':
        if (isEmptyUpdate(message.update)) return;
        this.#enqueue({ kind: 'update', peer, update: message.update, shape: message.shape });
        return;
      case 'awareness':
        this.#receiveAwareness(peer, message.entries);
        return;
      case 'query-awareness':
        this.#sendAwareness(peer);
        return;
    }
  }

  /** What the client at `stateVector` lacks: encoded here, or by the worker for a large room. */
  #answerStep1(peer: Peer, stateVector: Uint8Array): void {
    if (!this.large || !this.worker) {
      peer.send(encodeSyncStep2(this.doc, stateVector));
      return;
    }
    // Nothing changed since the worker last built the state: a new client gets it as it is.
    const built = this.#built?.seq === this.#lastSeq ? this.#built : null;
    if (built && Y.decodeStateVector(stateVector).size === 0) {
      peer.send(encodeSyncStep2Update(built.state));
      return;
    }
    // The store holds exactly what the document holds (every update is stored before it is
    // applied); what reaches the document after this read is sent to the peer as it comes.
    const seq = this.#lastSeq;
    const read: Promise<Uint8Array[]> = built
      ? Promise.resolve([built.state])
      : this.store.load(this.name).then((stored) => [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates]);
    read.then((parts) => (this.worker as StateWorker).diff(parts, stateVector)).then(
      ({ state, update }) => {
        if (this.#failed) return;
        this.built(seq, state);
        if (this.peers.has(peer)) peer.send(encodeSyncStep2Update(update));
      },
      (err: unknown) => {
        this.log.warn('room.sync-offload-failed', { room: this.name, error: String(err) });
        if (this.peers.has(peer)) this.#refuse(peer, Close.serverBusy, 'worker busy');
      },
    );
  }

  #refuse(peer: Peer, answer: CloseAnswer, detail: string, fields: Record<string, unknown> = {}): void {
    this.metrics.writesRefused.inc(1, { reason: answer.reason });
    this.log.warn('sync.update-refused', { room: this.name, connection: peer.id, code: answer.code, reason: answer.reason, detail, ...fields });
    peer.close(answer.code, detail ? `${answer.reason}: ${detail}`.slice(0, 120) : answer.reason);
  }

  /** Are all structs of `client` in [clock, clock + len) deleted already? (Within its state.) */
  #allDeleted = (client: number, clock: number, len: number): boolean => {
    const structs = this.doc.store.clients.get(client);
    if (!structs) return false;
    const end = clock + len;
    for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
      const st = structs[i] as Y.Item | Y.GC;
      if (st.id.clock >= end) break;
      if (!st.deleted) return false;
    }
    return true;
  };

  /**
   * An update from a client, checked before anything touches the document: an update that
   * changes nothing is skipped; one from a connection that may not write is refused (and its
   * ids burned); then burned ids, integrability and the board's budgets; then the update is
   * applied, held with its batch until the batch is stored, and broadcast after (`#runBatch`).
   */
  #receiveUpdate(peer: Peer, update: Uint8Array, shape: UpdateShape, mayWrite: boolean): void {
    const stateOf = (client: number): number => Y.getState(this.doc.store, client);
    if (!carriesChange(shape, stateOf, this.#allDeleted)) return;
    if (!mayWrite) {
      const burned = this.#burn(peer, shape, stateOf);
      this.#refuse(peer, Close.writeRefused, peer.refusal() || 'read-only', { burned });
      return;
    }
    const verdict = checkIntegrable(shape, stateOf, (client) => this.#burned.get(client));
    if (!verdict.ok) {
      if (verdict.why === 'burned') {
        this.#refuse(peer, Close.writeRefused, 'this copy of the board holds a refused change', { client: verdict.client, clock: verdict.clock });
      } else {
        this.#refuse(peer, Close.notIntegrable, '', { why: verdict.why, client: verdict.client, clock: verdict.clock });
      }
      return;
    }
    if (shape.structs > 0) {
      if (this.stateBytes + update.byteLength > this.config.maxBoardBytes) {
        this.#refuse(peer, Close.boardFullBytes, `limit ${this.config.maxBoardBytes} bytes`);
        return;
      }
      if (this.#items + shape.structs > this.config.maxBoardItems) {
        this.#refuse(peer, Close.boardFullItems, `limit ${this.config.maxBoardItems} items`);
        return;
      }
    }
    try {
      Y.applyUpdate(this.doc, update, peer);
    } catch (err) {
      // Cannot happen for an update that passed the checks; the stored row is skipped on load.
      this.log.error('room.apply-failed', { room: this.name, error: String(err) });
      this.#fail(err);
      return;
    }
    this.#clearPending('update');
    this.#items += shape.structs;
  }

  /**
   * A refused write: its structs' client ids are burned from the first clock the room does not
   * have, unless another connection owns that id (a reader cannot burn a writer's next clock).
   * Returns how many ids were burned.
   */
  #burn(peer: Peer, shape: UpdateShape, stateOf: (client: number) => number): number {
    let n = 0;
    for (const s of shape.sections) {
      const from = Math.max(s.clock, stateOf(s.client));
      if (s.end <= from) continue; // nothing the room lacks
      const owner = this.#ownerOf.get(s.client);
      if (owner !== undefined && owner !== peer) continue;
      if (owner === undefined && stateOf(s.client) > 0) continue; // someone's known id, not this connection's
      const had = this.#burned.get(s.client);
      if (had !== undefined && had <= from) continue;
      if (had === undefined && this.#burned.size >= MAX_BURNED) {
        this.log.warn('room.burn-limit', { room: this.name, client: s.client });
        continue;
      }
      this.#burned.set(s.client, from);
      n++;
      // Held in memory for as long as the room is loaded; the refusal itself stands.
      this.store.refuseClient(this.name, s.client, from).catch((err: unknown) => this.log.error('room.burn-store-failed', { room: this.name, error: String(err) }));
    }
    return n;
  }

  /**
   * What an awareness message from `peer` costs against its flood limit. The stock
   * y-websocket client sends every awareness change it receives back to the server, so in a
   * room of N people each connection echoes the other N-1: a message that carries none of the
   * sender's own states is such an echo (dropped below, never broadcast) and costs 1/(N-1).
   */
  awarenessCost(peer: Peer, entries: readonly AwarenessEntry[]): number {
    const mine = this.#ownedBy.get(peer);
    const own = entries.some((e) => (mine === undefined ? !this.#awareness.has(e.clientID) && !this.#ownerOf.has(e.clientID) : e.clientID === mine));
    return own ? 1 : 1 / Math.max(1, this.peers.size - 1);
  }

  /**
   * Applies awareness entries with y-protocols' rules (a newer clock wins; an equal clock only
   * to remove a state), and rules of ours: a connection owns one client id, the first it
   * announces that nobody owns (the stock client announces itself before it echoes anyone),
   * so one participant cannot overwrite another's cursor or name; entries for ids owned by
   * others (the echoes the stock client sends) and for further ids are ignored; the owned
   * state is at most `maxAwarenessBytes`, beyond which the connection is closed.
   */
  #receiveAwareness(peer: Peer, entries: readonly AwarenessEntry[]): void {
    const accepted: AwarenessEntry[] = [];
    for (const entry of entries) {
      const owner = this.#ownerOf.get(entry.clientID);
      if (owner !== undefined && owner !== peer) continue; // someone else's: an echo
      if (owner === undefined) {
        // An echo of a state another holder announced, or of a removal: not a claim.
        if (this.#awareness.has(entry.clientID) || entry.json === 'null') continue;
        if (this.#ownedBy.has(peer)) {
          this.metrics.writesRefused.inc(1, { reason: 'further presence id' });
          continue;
        }
        this.#ownerOf.set(entry.clientID, peer);
        this.#ownedBy.set(peer, entry.clientID);
      }
      const bytes = Buffer.byteLength(entry.json);
      if (bytes > this.config.maxAwarenessBytes) {
        this.#refuse(peer, Close.presenceTooLarge, `limit ${this.config.maxAwarenessBytes} bytes`);
        return;
      }
      let budget = this.#presenceBytes.get(peer);
      if (!budget) {
        const c = this.config;
        this.#presenceBytes.set(peer, (budget = new TokenBucket(c.awarenessBytesPerSecond, Math.max(2 * c.awarenessBytesPerSecond, c.maxAwarenessBytes))));
      }
      if (!budget.take(bytes)) {
        this.#refuse(peer, Close.presenceFlood, `limit ${this.config.awarenessBytesPerSecond} bytes a second`);
        return;
      }
      const current = this.#awareness.get(entry.clientID);
      if (current && !supersedes(entry, current)) continue;
      if (entry.json === 'null') this.#awareness.delete(entry.clientID);
      else this.#awareness.set(entry.clientID, { ...entry, owner: peer });
      accepted.push(entry);
    }
    if (accepted.length > 0) this.#shareAwareness(accepted, peer);
  }

  /** Accepted entries: to our other connections, then to the other holders of the room. */
  #shareAwareness(entries: readonly AwarenessEntry[], except: Peer): void {
    this.#broadcast(this.#encodeAwareness(entries), except);
    this.#fanout.publishAwareness(entries);
  }

  /** Every awareness state, in messages no bigger than the message limit. */
  #sendAwareness(peer: Peer): void {
    const all = [...this.#awareness.values()];
    let batch: AwarenessEntry[] = [];
    let bytes = 0;
    for (const e of all) {
      const size = e.json.length * 3 + 16;
      if (batch.length > 0 && bytes + size > this.config.maxMessageBytes) {
        peer.send(this.#encodeAwareness(batch));
        batch = [];
        bytes = 0;
      }
      batch.push(e);
      bytes += size;
    }
    peer.send(this.#encodeAwareness(batch));
  }

  /**
   * Entries another holder accepted from its connections: held (so a connection that joins
   * here is greeted with them) and sent to our connections. A client ID announced by one of
   * our connections stays that connection's.
   */
  #receivePublishedAwareness(entries: readonly AwarenessEntry[], holder: string): void {
    if (this.#failed) return;
    const accepted: AwarenessEntry[] = [];
    for (const entry of entries) {
      const current = this.#awareness.get(entry.clientID);
      if (this.#ownerOf.has(entry.clientID)) continue;
      if (current && (current.owner !== ELSEWHERE || !supersedes(entry, current))) continue;
      if (entry.json === 'null') this.#awareness.delete(entry.clientID);
      else this.#awareness.set(entry.clientID, { ...entry, owner: ELSEWHERE, holder });
      accepted.push(entry);
    }
    if (accepted.length > 0) this.#broadcast(this.#encodeAwareness(accepted));
  }

  /** Instance `holder` went away: the states its connections announced are removed here. */
  #holderGone(holder: string): void {
    if (this.#failed) return;
    const gone: AwarenessEntry[] = [];
    for (const [clientID, rec] of this.#awareness) {
      if (rec.owner !== ELSEWHERE || rec.holder !== holder) continue;
      this.#awareness.delete(clientID);
      gone.push({ clientID, clock: rec.clock + 1, json: 'null' });
    }
    if (gone.length === 0) return;
    this.#broadcast(this.#encodeAwareness(gone));
    // Its clients may have reconnected here already (their claim was an echo while the old
    // states stood): the stock client answers a query with its states, its own among them.
    this.#broadcast(new Uint8Array([MESSAGE_QUERY_AWARENESS]));
  }

  #encodeAwareness(entries: readonly AwarenessEntry[]): Uint8Array {
    return encodeAwarenessMessage(encodeAwarenessEntries(entries.map(({ clientID, clock, json }) => ({ clientID, clock, json }))));
  }

  #broadcast(message: Uint8Array, except?: Peer): void {
    for (const peer of this.peers) if (peer !== except) peer.send(message);
  }

  /**
   * The store refused a write. The room is dropped from memory without compaction and every
   * client is disconnected; each client still holds its state and resends it on reconnect,
   * when the room is loaded again from what the store has.
   */
  #fail(err: unknown): void {
    if (this.#failed) return;
    this.#failed = true;
    this.log.error('room.storage-failure', { room: this.name, error: String(err) });
    for (const peer of [...this.peers]) peer.close(Close.storageFailure.code, Close.storageFailure.reason);
    this.hooks.failed(this);
  }

  get failed(): boolean {
    return this.#failed;
  }

  /** Is the room loaded from the store (and hearing the fan-out)? */
  get ready(): boolean {
    return this.#ready;
  }

  get awarenessSize(): number {
    return this.#awareness.size;
  }

  /** Client ids burned in this room (tests, metrics). */
  get burnedCount(): number {
    return this.#burned.size;
  }

  destroy(): void {
    this.#fanout.close();
    this.doc.off('update', this.#onDocUpdate);
    this.doc.destroy();
  }
}

/** y-protocols' rule: a newer clock wins; an equal clock only to remove a state. */
function supersedes(entry: AwarenessEntry, current: AwarenessEntry): boolean {
  return current.clock < entry.clock || (current.clock === entry.clock && entry.json === 'null' && current.json !== 'null');
}
