/**
 * Loads rooms on first connection and unloads them (compacting their log) a while after the
 * last client has left.
 *
 * Compaction: a small room's state is encoded from its document, at once. A large one's
 * (`offloadAboveBytes`) is rebuilt by the state worker from what the store holds, off the
 * event loop, and written when it is done. Compactions of one room never overlap, and a
 * result is written only if nothing compacted or deleted the room since it was started (a
 * late, older state must never replace a newer one).
 *
 * Several instances (a shared store): a room's state for a reader (a board, an export, a
 * snapshot of all boards) is read from the store, which holds what every instance wrote; a
 * server change first catches the room up; a deleted room is deleted on every instance (a
 * fan-out signal); and every loaded room is checked against the store's newest row now and
 * then (every 10 s, every second while the fan-out is cut off), so a replica that missed a
 * message converges even if no further message comes.
 */
import * as Y from 'yjs';
import type { Config } from '../config.js';
import type { Fanout } from '../fanout/fanout.js';
import type { Logger } from '../http/log.js';
import type { Metrics } from '../http/metrics.js';
import { Room, StorageError, type Peer } from './room.js';
import { StateWorker } from './state-worker.js';
import type { Store } from '../storage/store.js';

/** Origin of the server's own changes to documents. */
export const SERVER_ORIGIN = Symbol('kaedeboard:server');

/** Room names: letters, digits, '-', '_' and ':' (for "workshop:group"), 1 to 96 characters, no dots or slashes. */
export const ROOM_NAME = /^[A-Za-z0-9][A-Za-z0-9_:-]{0,95}$/;

export function isValidRoomName(name: string): boolean {
  return ROOM_NAME.test(name);
}

/** How often loaded rooms are compared with the store's newest rows (fan-out up / down). */
const CHECK_EVERY_MS = 10_000;
const CHECK_DEGRADED_MS = 1000;

export class Rooms {
  readonly #rooms = new Map<string, Room>();
  readonly #loading = new Map<string, Promise<Room>>();
  #check: NodeJS.Timeout | null = null;
  #lastCheck = 0;
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
    if (store.shared) {
      this.#check = setInterval(() => void this.#checkHeads(), CHECK_DEGRADED_MS);
      this.#check.unref();
    }
  }

  /** Rooms behind the store's newest row catch up (see the header). */
  async #checkHeads(): Promise<void> {
    const now = Date.now();
    if (this.fanout.connected && now - this.#lastCheck < CHECK_EVERY_MS) return;
    this.#lastCheck = now;
    const rooms = [...this.#rooms.values()].filter((r) => r.ready && !r.failed);
    if (rooms.length === 0) return;
    try {
      const heads = await this.store.heads(rooms.map((r) => r.name));
      for (const r of rooms) if ((heads.get(r.name) ?? 0) > r.lastSeq) void r.catchUp();
    } catch (err) {
      this.log.warn('rooms.check-failed', { error: String(err) });
    }
  }

  get size(): number {
    return this.#rooms.size;
  }

  /** The loaded room, if any (does not load). */
  peek(name: string): Room | undefined {
    return this.#rooms.get(name);
  }

  /** The room, loaded (once, however many connections ask at the same moment). */
  #load(name: string): Promise<Room> {
    const loaded = this.#rooms.get(name);
    if (loaded) return Promise.resolve(loaded);
    let loading = this.#loading.get(name);
    if (!loading) {
      loading = (async () => {
        const t0 = performance.now();
        const room = new Room(name, this.store, this.fanout, this.config, this.metrics, this.log, this.worker);
        room.hooks = {
          failed: (r) => this.#drop(r),
          compact: (r) => void this.compact(r),
        };
        try {
          await room.open();
        } catch (err) {
          room.destroy();
          throw new StorageError(err instanceof Error ? err.message : String(err));
        }
        this.#rooms.set(name, room);
        this.log.info('room.load', { room: name, ms: Math.round(performance.now() - t0), logRows: room.logRows });
        return room;
      })().finally(() => this.#loading.delete(name));
      this.#loading.set(name, loading);
    }
    return loading;
  }

  /** Adds `peer` to the room, loading it first if needed. */
  async join(name: string, peer: Peer): Promise<Room> {
    const room = await this.#load(name);
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
   * board): one transaction, stored and broadcast like any client's update, in the room's
   * queue (with a shared store, after catching up with what other instances wrote). When the
   * store refuses it, it rejects with a StorageError and the room is dropped from memory before
   * anything was sent: no client sees the change, and the room reloads from the store.
   */
  async change<T>(name: string, fn: (doc: Y.Doc) => T): Promise<T> {
    const room = await this.#load(name);
    try {
      if (this.store.shared) await room.queue(() => room.catchUp());
      return await room.change(fn, SERVER_ORIGIN);
    } finally {
      this.#scheduleUnload(room);
    }
  }

  /**
   * The room's whole state as one update: from memory when loaded here and this instance is
   * the only writer, else from the store.
   */
  async state(name: string): Promise<Uint8Array> {
    return (await this.states([name])).get(name) as Uint8Array;
  }

  /** Several rooms' states read at one moment (one store read: a snapshot of all boards). */
  async states(names: readonly string[]): Promise<Map<string, Uint8Array>> {
    const local = this.store.shared ? [] : names.filter((n) => this.#rooms.has(n));
    const stored = await this.store.loadMany(names.filter((n) => !local.includes(n)));
    const out = new Map<string, Uint8Array>();
    for (const n of names) {
      const room = local.includes(n) ? this.#rooms.get(n) : undefined;
      if (room) {
        out.set(n, Y.encodeStateAsUpdate(room.doc));
        continue;
      }
      const s = stored.get(n);
      const parts = s ? [...(s.snapshot ? [s.snapshot] : []), ...s.updates] : [];
      out.set(n, parts.length === 0 ? Y.encodeStateAsUpdate(new Y.Doc()) : Y.mergeUpdates(parts));
    }
    return out;
  }

  /**
   * Closes every connection of the room with `code`/`reason`, drops it and deletes its data,
   * here and (by a fan-out signal) on every other instance.
   */
  async destroy(name: string, code: number, reason: string): Promise<void> {
    this.destroyHere(name, code, reason);
    await this.store.deleteRoom(name);
    this.fanout.signal({ type: 'room-deleted', room: name, code, reason });
  }

  /** Another instance deleted the room: its connections here are closed and it is dropped. */
  destroyHere(name: string, code: number, reason: string): void {
    const room = this.#rooms.get(name);
    if (room) {
      for (const peer of [...room.peers]) peer.close(code, reason);
      this.#drop(room);
    }
    this.#bump(name);
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
  async compact(room: Room): Promise<void> {
    if (!room.large) {
      try {
        await room.compact();
        this.#bump(room.name);
      } catch (err) {
        // The log is intact; the next compaction (or the next load) starts from it again.
        this.log.warn('room.compact-failed', { room: room.name, error: String(err) });
      }
      return;
    }
    return this.#compactStored(room.name);
  }

  /** The worker rebuilds `name`'s state from the store; written if nothing changed meanwhile. */
  async #compactStored(name: string): Promise<void> {
    if (this.#compacting.has(name)) return;
    this.#compacting.add(name);
    try {
      const epoch = this.#bump(name);
      const stored = await this.store.load(name);
      if (stored.updates.length === 0) return;
      const parts = [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates];
      const t0 = performance.now();
      const state = await this.worker.merge(parts);
      if (this.#epochs.get(name) !== epoch || !this.store.isOpen()) return;
      await this.store.compact(name, state, stored.lastSeq);
      if (this.#epochs.get(name) !== epoch) return;
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
      if (room.peers.size === 0 && this.#rooms.get(room.name) === room) void this.unload(room, false, true);
    }, this.config.unloadAfterMs);
    timer.unref();
    this.#unloadTimers.set(room.name, timer);
  }

  /**
   * Compacts and drops a room from memory. A large room is dropped at once and compacted by
   * the worker from the store (`now` forces it here, at shutdown). `ifIdle`: kept when a
   * connection joined while it was being compacted.
   */
  async unload(room: Room, now = false, ifIdle = false): Promise<void> {
    const offload = room.large && !now;
    if (!offload) {
      try {
        await room.compact();
        this.#bump(room.name);
      } catch (err) {
        // The log is still intact; the next load replays it.
        this.log.error('room.compact-failed', { room: room.name, error: String(err) });
      }
      if (ifIdle && room.peers.size > 0 && this.#rooms.get(room.name) === room) return;
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
    // A room fails from inside its queue: its document is destroyed once that has unwound.
    if (room.failed) setImmediate(() => room.destroy());
    else room.destroy();
  }

  /** Shutdown: every room compacted (here, not in the worker) and dropped; the worker stops. */
  async unloadAll(): Promise<void> {
    if (this.#check) clearInterval(this.#check);
    await Promise.all([...this.#rooms.values()].map((room) => this.unload(room, true)));
    void this.worker.close();
  }
}
