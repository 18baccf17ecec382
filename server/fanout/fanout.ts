/**
 * Fan-out: how one holder of a room (a `Room` in one server process) tells the other holders
 * of the same room what its own connections changed, so that several server instances can
 * serve one room. It sits beside `Store`: a document update is checked, stored and committed,
 * then applied, sent to the holder's own connections, and published here; a holder that hears
 * it applies it and sends it to its connections without storing it again (the publisher did).
 *
 * The in-process implementation (`in-process.ts`) links the holders of one process; a server
 * runs one `Rooms`, so each room has one holder and nothing is delivered. `redis.ts` links the
 * instances of a cluster. What every implementation keeps:
 * - Updates of one publisher reach every other holder in the order published, each with its
 *   `seq`: the Store's sequence number of the log row. In a shared store a room's rows are
 *   numbered consecutively, so a receiver that may have missed a message (pub/sub drops them
 *   while a connection is down, and messages of different publishers interleave) detects the
 *   gap by `seq` and reads the missing rows from the Store before it delivers what follows
 *   (`Room`). `resync` asks every holder to do that after the fan-out itself was cut off.
 * - A holder compacts only rows it has integrated (its contiguous `lastSeq`), and the store
 *   never lets a compaction go back, so several holders compacting one room lose nothing.
 * - Awareness entries are published only by the holder whose connection owns the client ID,
 *   tagged with that holder's instance; when an instance goes away (it said goodbye, or its
 *   heartbeat stopped) `holderGone` removes its entries everywhere.
 * - Signals reach every other instance: a deleted room, a revoked token, cross-view turned off,
 *   a changed vote. `findOwner` asks the other instances which of their connections owns an
 *   awareness client id (a move or "follow me" names one; the HTTP request may reach another
 *   instance than the participant's websocket).
 */
import type { AwarenessEntry } from '../sync/protocol.js';

/** What a holder hears from the other holders of its room. */
export interface FanoutListener {
  /** A document update another holder stored (as log row `seq`) and applied. */
  update(update: Uint8Array, seq: number): void;
  /** Awareness entries another holder (instance `holder`) accepted from its own connections ('null' removes). */
  awareness(entries: readonly AwarenessEntry[], holder: string): void;
  /** Instance `holder` is gone: its connections' awareness entries are to be removed. */
  holderGone?(holder: string): void;
  /** Messages may have been missed (the fan-out was cut off): catch up from the Store. */
  resync?(): void;
}

/** One holder's line to the other holders of one room. */
export interface FanoutChannel {
  /** Resolves once the holder hears everything published from now on (subscribe, then load). */
  readonly ready: Promise<void>;
  /** To every other holder: an update this holder stored as `seq` and applied. */
  publishUpdate(update: Uint8Array, seq: number): void;
  /** To every other holder: awareness entries this holder accepted. */
  publishAwareness(entries: readonly AwarenessEntry[]): void;
  /** This holder no longer holds the room (unloaded, failed). */
  close(): void;
}

/** What one instance tells all the others. */
export type ClusterSignal =
  | { type: 'room-deleted'; room: string; code: number; reason: string }
  | { type: 'close-subject'; subject: string; code: number; reason: string }
  | { type: 'close-foreign'; workshopId: string }
  | { type: 'vote-changed'; voteId: string };

/** The connection that owns an awareness client id: its room and its token's hash. */
export interface Owner {
  room: string;
  subject: string | undefined;
}

export interface Fanout {
  /** This instance's id among the holders (awareness entries are tagged with it). */
  readonly instance: string;
  /** Starts holding `room`: `listener` hears the other holders; the channel speaks to them. */
  subscribe(room: string, listener: FanoutListener): FanoutChannel;
  /** To every other instance (the caller has done the same here already). */
  signal(signal: ClusterSignal): void;
  /** Hears every other instance's signals. */
  onSignal(handler: (signal: ClusterSignal) => void): void;
  /** Asks the other instances for the connection owning awareness client id `clientId`. */
  findOwner(clientId: number): Promise<Owner | undefined>;
  /** Answers the other instances' `findOwner` from this instance's connections. */
  answerOwner(lookup: (clientId: number) => Owner | undefined): void;
  /** Is the line to the other instances up? (false: degraded, each instance serves alone) */
  readonly connected: boolean;
  /** Shutdown: every channel closed; the other instances are told this one is gone. */
  close(): Promise<void>;
}
