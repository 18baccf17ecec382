/**
 * Loads rooms on first connection and unloads them (compacting their log) a while after the
 * last client has left.
 */
import * as Y from 'yjs';
import type { Config } from '../config.js';
import type { Fanout } from '../fanout/fanout.js';
import type { Logger } from '../http/log.js';
import type { Metrics } from '../http/metrics.js';
import { Room, type Peer } from './room.js';
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

  constructor(
    readonly store: Store,
    readonly fanout: Fanout,
    readonly config: Config,
    readonly metrics: Metrics,
    readonly log: Logger,
  ) {}

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
      room = new Room(name, this.store, this.fanout, this.config, this.metrics, this.log);
      room.onFailure = (r) => this.#drop(r);
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
   * board): one transaction, stored and broadcast like any client's update.
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
    this.store.deleteRoom(name);
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

  /** Compacts and drops a room from memory. */
  unload(room: Room): void {
    try {
      room.compact();
    } catch (err) {
      // The log is still intact; the next load replays it.
      this.log.error('room.compact-failed', { room: room.name, error: String(err) });
    }
    this.#drop(room);
    this.log.info('room.unload', { room: room.name });
  }

  #drop(room: Room): void {
    if (this.#rooms.get(room.name) === room) this.#rooms.delete(room.name);
    const timer = this.#unloadTimers.get(room.name);
    if (timer) clearTimeout(timer);
    this.#unloadTimers.delete(room.name);
    room.destroy();
  }

  /** Shutdown: every room compacted and dropped. */
  unloadAll(): void {
    for (const room of [...this.#rooms.values()]) this.unload(room);
  }
}
