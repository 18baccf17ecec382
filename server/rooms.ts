/**
 * Loads rooms on first connection and unloads them (compacting their log) a while after the
 * last client has left.
 */
import type { Config } from './config.js';
import type { Logger } from './log.js';
import type { Metrics } from './metrics.js';
import { Room, type Peer } from './room.js';
import type { Store } from './store.js';

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

  /** Adds `peer` to the room, loading it first if needed. */
  join(name: string, peer: Peer): Room {
    let room = this.#rooms.get(name);
    if (!room) {
      const t0 = performance.now();
      room = new Room(name, this.store, this.config, this.metrics, this.log);
      room.onFailure = (r) => this.#drop(r);
      this.#rooms.set(name, room);
      this.log.info('room.load', { room: name, ms: Math.round(performance.now() - t0), logRows: room.logRows });
    }
    const timer = this.#unloadTimers.get(name);
    if (timer) {
      clearTimeout(timer);
      this.#unloadTimers.delete(name);
    }
    room.join(peer);
    return room;
  }

  leave(room: Room, peer: Peer): void {
    room.leave(peer);
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
