/**
 * Fan-out: how one holder of a room (a `Room` in one server process) tells the other holders
 * of the same room what its own connections changed, so that several server instances can
 * serve one room. It sits beside `Store`: a document update is stored first, applied, sent to
 * the holder's own connections, and then published here; a holder that hears it applies it
 * and sends it to its connections without storing it again (the publisher already did).
 *
 * The in-process implementation (`in-process.ts`) links the holders of one process; a server
 * runs one `Rooms`, so each room has one holder and nothing is delivered. A Redis (or other)
 * implementation is an added module behind this interface. What it must keep:
 * - Updates of a room reach every other holder in the order of their `seq`. `seq` is the
 *   Store's sequence number of the newest log row the update contains: increasing within a
 *   room, not consecutive (SQLite numbers the rows of all rooms together). A receiver that
 *   may have missed a message (pub/sub drops them) detects the gap by `seq` and reads the
 *   missing rows from the Store before it delivers what follows.
 * - A holder compacts only rows it has integrated; with several holders that needs a rule
 *   the in-process case does not (delivery there is synchronous, inside the publisher's tick).
 * - Awareness entries are published only by the holder whose connection owns the client ID,
 *   and a holder that goes away must have its entries removed (y-protocols' 30 s timeout).
 */
import type { AwarenessEntry } from '../sync/protocol.js';

/** What a holder hears from the other holders of its room. */
export interface FanoutListener {
  /** A document update another holder stored (as log row `seq`) and applied. */
  update(update: Uint8Array, seq: number): void;
  /** Awareness entries another holder accepted from its own connections ('null' removes). */
  awareness(entries: readonly AwarenessEntry[]): void;
}

/** One holder's line to the other holders of one room. */
export interface FanoutChannel {
  /** To every other holder: an update this holder stored as `seq` (or up to `seq`) and applied. */
  publishUpdate(update: Uint8Array, seq: number): void;
  /** To every other holder: awareness entries this holder accepted. */
  publishAwareness(entries: readonly AwarenessEntry[]): void;
  /** This holder no longer holds the room (unloaded, failed). */
  close(): void;
}

export interface Fanout {
  /** Starts holding `room`: `listener` hears the other holders; the channel speaks to them. */
  subscribe(room: string, listener: FanoutListener): FanoutChannel;
  /** Shutdown: every channel closed. */
  close(): void;
}
