/**
 * Loads rooms on first connection and unloads them (compacting their log) a while after the
 * last client has left.
 *
 * Compaction: a small room's state is encoded from its document, at once. A large one's
 * (`offloadAboveBytes`) is rebuilt by the state worker from what the store holds, off the
 * event loop, and written when it is done. Compactions of one room never overlap, and a
 * result is written only if nothing compacted or deleted the room since it was started (a
 * late, older state must never replace a newer one).
 */
import * as Y from 'yjs';
import type { Config } from '../config.js';
import type { Fanout } from '../fanout/fanout.js';
import type { Logger } from '../http/log.js';
import type { Metrics } from '../http/metrics.js';
import { Room, type Peer } from './room.js';
import { StateWorker } from './state-worker.js';
import type { Store } from '../storage/store.js';

/** Origin of the server's own changes to documents. */
export const SERVER_ORIGIN = Symbol('kaedeboard:server');

/** Room names: letters, digits, '-', '_' and ':' (for "workshop:group"), 1 to 96 characters, no dots or slashes. */
export const ROOM_NAME = /^[A-Za-z0-9][A-Za-z0-9_:-]{0,95}$/;

export function isValidRoomName(name: string): boolean {
  return ROOM_NAME.test(name);
}

export class Rooms {
  readonly #rooms = new Map<string, Room>();
  readonly #unloadTimers = new Map<string, NodeJS.Timeout>();
  /** Bumped by every compaction and deletion of a room: an older worker result is dropped. */
  readonly #epochs = new Map<string, number>();
  /** Rooms whose state the worker is rebuilding now. */
  readonly #compacting = new Set<string>();
  readonly worker: StateWorker;

  constructor(
    readonly store: Store,
    readonly fanout: Fanout,
    readonly config: Config,
    readonly metrics: Metrics,
    readonly log: Logger,
    worker?: StateWorker,
  ) {
    this.worker = worker ?? new StateWorker();
  }

  get size(): number {
    return this.#rooms.size;
  }

  /** The loaded room, if any (does not load). */
  peek(name: string): Room | undefined {
    return this.#rooms.get(name);
  }

  #load(name: string): Room {
    let room = this.#rooms.get(name);
    if (!room) {
      const t0 = performance.now();
      room = new Room(name, this.store, this.fanout, this.config, this.metrics, this.log, this.worker);
      room.hooks = {
        failed: (r) => this.#drop(r),
        compact: (r) => this.compact(r),
      };
      this.#rooms.set(name, room);
      this.log.info('room.load', { room: name, ms: Math.round(performance.now() - t0), logRows: room.logRows });
    }
    return room;
  }

  /** Adds `peer` to the room, loading it first if needed. */
  join(name: string, peer: Peer): Room {
    const room = this.#load(name);
    const timer = this.#unloadTimers.get(name);
    if (timer) {
      clearTimeout(timer);
      this.#unloadTimers.delete(name);
    }
    room.join(peer);
    return room;
  }

  /**
   * A change made by the server itself (a workshop's template, its control state, a restored
   * board): one transaction, stored and broadcast like any client's update. When the store
   * refuses it, it throws a StorageError and the room is dropped from memory before anything
   * was sent: no client sees the change, and the room reloads from the store.
   */
  change<T>(name: string, fn: (doc: Y.Doc) => T): T {
    const room = this.#load(name);
    try {
      return Y.transact(room.doc, () => fn(room.doc), SERVER_ORIGIN);
    } finally {
      this.#scheduleUnload(room);
    }
  }

  /** The room's whole state as one update (from memory if loaded, else from the store). */
  state(name: string): Uint8Array {
    const room = this.#rooms.get(name);
    if (room) return Y.encodeStateAsUpdate(room.doc);
    const stored = this.store.load(name);
    const parts = [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates];
    return parts.length === 0 ? Y.encodeStateAsUpdate(new Y.Doc()) : Y.mergeUpdates(parts);
  }

  /** Several rooms' states read in one store transaction (a consistent snapshot). */
  states(names: readonly string[]): Map<string, Uint8Array> {
    return this.store.transaction(() => new Map(names.map((n) => [n, this.state(n)])));
  }

  /** Closes every connection of the room with `code`/`reason`, drops it and deletes its data. */
  destroy(name: string, code: number, reason: string): void {
    const room = this.#rooms.get(name);
    if (room) {
      for (const peer of [...room.peers]) peer.close(code, reason);
      this.#drop(room);
    }
    this.#bump(name);
    this.store.deleteRoom(name);
  }

  #bump(name: string): number {
    const epoch = (this.#epochs.get(name) ?? 0) + 1;
    this.#epochs.set(name, epoch);
    return epoch;
  }

  /**
   * Compacts a loaded room: at once from its document when small, else by the worker from the
   * store (see the header). Resolves when done (or skipped: one is already running).
   */
  compact(room: Room): Promise<void> {
    if (!room.large) {
      room.compact();
      this.#bump(room.name);
      return Promise.resolve();
    }
    return this.#compactStored(room.name);
  }

  /** The worker rebuilds `name`'s state from the store; written if nothing changed meanwhile. */
  async #compactStored(name: string): Promise<void> {
    if (this.#compacting.has(name)) return;
    this.#compacting.add(name);
    try {
      const epoch = this.#bump(name);
      const stored = this.store.load(name);
      if (stored.updates.length === 0) return;
      const parts = [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates];
      const t0 = performance.now();
      const state = await this.worker.merge(parts);
      if (this.#epochs.get(name) !== epoch || !this.store.isOpen()) return;
      this.store.compact(name, state, stored.lastSeq);
      const room = this.#rooms.get(name);
      room?.compacted(state.byteLength, stored.updates.length, stored.logBytes);
      room?.built(stored.lastSeq, state);
      if (!this.#rooms.has(name)) this.metrics.compactions.inc();
      this.log.info('room.compacted', { room: name, rows: stored.updates.length, bytes: state.byteLength, ms: Math.round(performance.now() - t0), worker: true });
    } catch (err) {
      // The log is intact; the next compaction (or the next load) starts from it again.
      this.log.warn('room.compact-failed', { room: name, error: String(err) });
    } finally {
      this.#compacting.delete(name);
    }
  }

  /** Open connections of a room. */
  peerCount(name: string): number {
    return this.#rooms.get(name)?.peers.size ?? 0;
  }

  leave(room: Room, peer: Peer): void {
    room.leave(peer);
    this.#scheduleUnload(room);
  }

  #scheduleUnload(room: Room): void {
    if (room.peers.size > 0 || room.failed || this.#unloadTimers.has(room.name)) return;
    const timer = setTimeout(() => {
      this.#unloadTimers.delete(room.name);
      if (room.peers.size === 0 && this.#rooms.get(room.name) === room) this.unload(room);
    }, this.config.unloadAfterMs);
    timer.unref();
    this.#unloadTimers.set(room.name, timer);
  }

  /**
   * Compacts and drops a room from memory. A large room is dropped at once and compacted by
   * the worker from the store (`now` forces it here, at shutdown).
   */
  unload(room: Room, now = false): void {
    const offload = room.large && !now;
    if (!offload) {
      try {
        room.compact();
        this.#bump(room.name);
      } catch (err) {
        // The log is still intact; the next load replays it.
        this.log.error('room.compact-failed', { room: room.name, error: String(err) });
      }
    }
    this.#drop(room);
    if (offload && room.logRows > 0) void this.#compactStored(room.name);
    this.log.info('room.unload', { room: room.name });
  }

  #drop(room: Room): void {
    if (this.#rooms.get(room.name) === room) this.#rooms.delete(room.name);
    const timer = this.#unloadTimers.get(room.name);
    if (timer) clearTimeout(timer);
    this.#unloadTimers.delete(room.name);
    // A room fails from inside its document's transaction (a failed append): its document is
    // destroyed once that has unwound.
    if (room.failed) setImmediate(() => room.destroy());
    else room.destroy();
  }

  /** Shutdown: every room compacted (here, not in the worker) and dropped; the worker stops. */
  unloadAll(): void {
    for (const room of [...this.#rooms.values()]) this.unload(room, true);
    void this.worker.close();
  }
}
