/**
 * Fan-out between the holders of a room in one process. Delivery is synchronous, so what a
 * holder publishes has reached every other holder before its own tick ends, in order.
 */
import type { AwarenessEntry } from '../sync/protocol.js';
import type { Fanout, FanoutChannel, FanoutListener } from './fanout.js';

export class InProcessFanout implements Fanout {
  readonly #holders = new Map<string, Set<FanoutListener>>();

  subscribe(room: string, listener: FanoutListener): FanoutChannel {
    let holders = this.#holders.get(room);
    if (!holders) this.#holders.set(room, (holders = new Set()));
    holders.add(listener);
    let open = true;
    const others = holders;
    return {
      publishUpdate(update: Uint8Array, seq: number): void {
        if (open) for (const h of others) if (h !== listener) h.update(update, seq);
      },
      publishAwareness(entries: readonly AwarenessEntry[]): void {
        if (open) for (const h of others) if (h !== listener) h.awareness(entries);
      },
      close: () => {
        if (!open) return;
        open = false;
        others.delete(listener);
        if (others.size === 0 && this.#holders.get(room) === others) this.#holders.delete(room);
      },
    };
  }

  /** Holders of `room` (for tests and metrics). */
  holders(room: string): number {
    return this.#holders.get(room)?.size ?? 0;
  }

  close(): void {
    for (const holders of this.#holders.values()) holders.clear();
    this.#holders.clear();
  }
}
