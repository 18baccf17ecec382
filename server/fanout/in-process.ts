/**
 * Fan-out between the holders of a room in one process. Delivery is synchronous, so what a
 * holder publishes has reached every other holder before its own tick ends, in order. There
 * are no other instances: signals and owner lookups reach nobody.
 */
import type { AwarenessEntry } from '../sync/protocol.js';
import type { ClusterSignal, Fanout, FanoutChannel, FanoutListener, Owner } from './fanout.js';

export class InProcessFanout implements Fanout {
  readonly instance = 'local';
  readonly connected = true;
  readonly #holders = new Map<string, Set<FanoutListener>>();

  subscribe(room: string, listener: FanoutListener): FanoutChannel {
    let holders = this.#holders.get(room);
    if (!holders) this.#holders.set(room, (holders = new Set()));
    holders.add(listener);
    let open = true;
    const others = holders;
    return {
      ready: Promise.resolve(),
      publishUpdate(update: Uint8Array, seq: number): void {
        if (open) for (const h of others) if (h !== listener) h.update(update, seq);
      },
      publishAwareness: (entries: readonly AwarenessEntry[]): void => {
        if (open) for (const h of others) if (h !== listener) h.awareness(entries, this.instance);
      },
      close: () => {
        if (!open) return;
        open = false;
        others.delete(listener);
        if (others.size === 0 && this.#holders.get(room) === others) this.#holders.delete(room);
      },
    };
  }

  signal(_signal: ClusterSignal): void {}

  onSignal(_handler: (signal: ClusterSignal) => void): void {}

  async findOwner(_clientId: number): Promise<Owner | undefined> {
    return undefined;
  }

  answerOwner(_lookup: (clientId: number) => Owner | undefined): void {}

  /** Holders of `room` (for tests and metrics). */
  holders(room: string): number {
    return this.#holders.get(room)?.size ?? 0;
  }

  async close(): Promise<void> {
    for (const holders of this.#holders.values()) holders.clear();
    this.#holders.clear();
  }
}
