/**
 * One room: a Yjs document, the awareness states of its clients, and its connections.
 *
 * Durability rule: an update from a client is appended to the store *before* it is applied
 * and broadcast, in the same tick, so anything any client ever received is on disk.
 *
 * Broadcast: what reaches the document is sent to the room's own connections, then published
 * on the fan-out to the other holders of the room (other server instances); what they publish
 * is applied here and sent to our connections, never stored twice. Our own connections are
 * served directly, not through the fan-out, so a remote fan-out adds no round trip to them.
 */
import * as Y from 'yjs';
import type { Config } from '../config.js';
import type { Fanout, FanoutChannel } from '../fanout/fanout.js';
import type { Logger } from '../http/log.js';
import type { Metrics } from '../http/metrics.js';
import {
  encodeAwarenessEntries,
  encodeAwarenessMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  isEmptyUpdate,
  type AwarenessEntry,
  type ClientMessage,
} from './protocol.js';
import type { Store } from '../storage/store.js';

/** What a room needs of a connection. */
export interface Peer {
  readonly id: number;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
  /** May this connection change the document now (a lock can change while it is open)? */
  canWrite(): boolean;
  /** Tells the client a write was refused (y-websocket's permission-denied message). */
  refuse(): void;
}

/** Owner of awareness states announced by connections of another holder of the room. */
const ELSEWHERE = Symbol('kaedeboard:elsewhere');

interface AwarenessRecord extends AwarenessEntry {
  owner: Peer | typeof ELSEWHERE;
}

export class StorageError extends Error {}

/** Origin of refused writes while they are applied and undone. */
const REFUSED = Symbol('kaedeboard:refused');

/** Origin of updates another holder of the room published (already stored by it). */
const FROM_FANOUT = Symbol('kaedeboard:fanout');

export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly peers = new Set<Peer>();
  readonly #awareness = new Map<number, AwarenessRecord>();
  #lastSeq = 0;
  #logRows = 0;
  #logBytes = 0;
  #compactScheduled = false;
  #failed = false;
  readonly #fanout: FanoutChannel;
  /** Set by the manager: called when the room has failed and must be dropped from memory. */
  onFailure: (room: Room) => void = () => {};

  constructor(
    readonly name: string,
    readonly store: Store,
    fanout: Fanout,
    readonly config: Config,
    readonly metrics: Metrics,
    readonly log: Logger,
  ) {
    const stored = store.load(name);
    Y.transact(this.doc, () => {
      if (stored.snapshot) this.#applyStored(stored.snapshot, 'snapshot');
      for (const u of stored.updates) this.#applyStored(u, 'log row');
    }, this);
    this.#lastSeq = stored.lastSeq;
    this.#logRows = stored.updates.length;
    this.#logBytes = stored.logBytes;
    this.doc.on('update', this.#onDocUpdate);
    this.#fanout = fanout.subscribe(name, {
      update: (update, seq) => this.#receivePublishedUpdate(update, seq),
      awareness: (entries) => this.#receivePublishedAwareness(entries),
    });
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
   * Updates that reach the document: persisted (unless already appended raw, or stored by the
   * holder that published it), sent to our connections, then published to the other holders.
   */
  #onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    const fromPeer = origin !== null && typeof origin === 'object' && this.peers.has(origin as Peer);
    const published = origin === FROM_FANOUT;
    if (!fromPeer && !published && origin !== this) this.#append(update);
    const message = encodeUpdate(update);
    for (const peer of this.peers) if (peer !== origin) peer.send(message);
    if (!published && origin !== this) this.#fanout.publishUpdate(update, this.#lastSeq);
  };

  /** An update another holder stored as `seq`: applied and sent to our connections. */
  #receivePublishedUpdate(update: Uint8Array, seq: number): void {
    if (this.#failed) return;
    this.#lastSeq = Math.max(this.#lastSeq, seq);
    this.#logRows++;
    this.#logBytes += update.byteLength;
    try {
      Y.applyUpdate(this.doc, update, FROM_FANOUT);
    } catch (err) {
      // The publisher validated it before storing; keep the room going.
      this.log.error('room.fanout.bad-update', { room: this.name, seq, error: String(err) });
    }
  }

  #append(update: Uint8Array): void {
    const t0 = performance.now();
    try {
      this.#lastSeq = this.store.append(this.name, update);
    } catch (err) {
      throw new StorageError(String(err));
    }
    this.metrics.appendSeconds.observe((performance.now() - t0) / 1000);
    this.metrics.updatesStored.inc();
    this.#logRows++;
    this.#logBytes += update.byteLength;
    if (!this.#compactScheduled && (this.#logRows > this.config.compactAfterUpdates || this.#logBytes > this.config.compactAfterBytes)) {
      this.#compactScheduled = true;
      setImmediate(() => {
        this.#compactScheduled = false;
        if (!this.#failed) this.compact();
      });
    }
  }

  /** Folds the log into one merged state, in one store transaction. */
  compact(): void {
    if (this.#logRows === 0) return;
    this.store.compact(this.name, Y.encodeStateAsUpdate(this.doc), this.#lastSeq);
    this.metrics.compactions.inc();
    this.#logRows = 0;
    this.#logBytes = 0;
  }

  get logRows(): number {
    return this.#logRows;
  }

  /** A new connection: greet it with our state vector and the current awareness states. */
  join(peer: Peer): void {
    this.peers.add(peer);
    peer.send(encodeSyncStep1(this.doc));
    if (this.#awareness.size > 0) peer.send(this.#encodeAwareness([...this.#awareness.values()]));
  }

  leave(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    const gone: AwarenessEntry[] = [];
    for (const [clientID, rec] of this.#awareness) {
      if (rec.owner !== peer) continue;
      this.#awareness.delete(clientID);
      if (rec.json !== 'null') gone.push({ clientID, clock: rec.clock + 1, json: 'null' });
    }
    if (gone.length > 0) this.#shareAwareness(gone, peer);
  }

  /** Handles one validated message from `peer`. Throws StorageError when the store fails. */
  receive(peer: Peer, message: ClientMessage): void {
    if (this.#failed) return;
    switch (message.type) {
      case 'sync-step1':
        peer.send(encodeSyncStep2(this.doc, message.stateVector));
        return;
      case 'sync-step2':
      case 'update':
        if (isEmptyUpdate(message.update)) return;
        if (!peer.canWrite()) {
          peer.refuse();
          this.#revert(message.update);
          return;
        }
        try {
          this.#append(message.update);
        } catch (err) {
          this.#fail(err);
          return;
        }
        Y.applyUpdate(this.doc, message.update, peer);
        return;
      case 'awareness':
        this.#receiveAwareness(peer, message.entries);
        return;
      case 'query-awareness':
        peer.send(this.#encodeAwareness([...this.#awareness.values()]));
        return;
    }
  }

  /**
   * A write that is not allowed (a locked board, a read-only reader) is applied and at once
   * undone, both stored and broadcast. Simply dropping it would break the sender's causal
   * chain: Yjs would hold every later update of that client as pending, forever. Reverting
   * keeps every replica consistent, and the sender's board visibly snaps back.
   */
  #revert(update: Uint8Array): void {
    const um = new Y.UndoManager(typedShares(this.doc, update), { trackedOrigins: new Set([REFUSED]), captureTimeout: 0 });
    try {
      Y.applyUpdate(this.doc, update, REFUSED);
      um.undo();
    } finally {
      um.destroy();
    }
  }

  /**
   * What an awareness message from `peer` costs against its flood limit. The stock
   * y-websocket client sends every awareness change it receives back to the server, so in a
   * room of N people each connection echoes the other N-1: a message that carries none of the
   * sender's own states is such an echo (dropped below, never broadcast) and costs 1/(N-1).
   */
  awarenessCost(peer: Peer, entries: readonly AwarenessEntry[]): number {
    const own = entries.some((e) => {
      const owner = this.#awareness.get(e.clientID)?.owner;
      return owner === undefined || owner === peer;
    });
    return own ? 1 : 1 / Math.max(1, this.peers.size - 1);
  }

  /**
   * Applies awareness entries with y-protocols' rules (a newer clock wins; an equal clock only
   * to remove a state), and one rule of ours: a client ID belongs to the connection that first
   * announced it, so one participant cannot overwrite another's cursor or name.
   */
  #receiveAwareness(peer: Peer, entries: readonly AwarenessEntry[]): void {
    const accepted: AwarenessEntry[] = [];
    for (const entry of entries) {
      const current = this.#awareness.get(entry.clientID);
      if (current && current.owner !== peer) continue;
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

  /**
   * Entries another holder accepted from its connections: held (so a connection that joins
   * here is greeted with them) and sent to our connections. A client ID announced by one of
   * our connections stays that connection's.
   */
  #receivePublishedAwareness(entries: readonly AwarenessEntry[]): void {
    if (this.#failed) return;
    const accepted: AwarenessEntry[] = [];
    for (const entry of entries) {
      const current = this.#awareness.get(entry.clientID);
      if (current && (current.owner !== ELSEWHERE || !supersedes(entry, current))) continue;
      if (entry.json === 'null') this.#awareness.delete(entry.clientID);
      else this.#awareness.set(entry.clientID, { ...entry, owner: ELSEWHERE });
      accepted.push(entry);
    }
    if (accepted.length > 0) this.#broadcast(this.#encodeAwareness(accepted));
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
    this.#failed = true;
    this.log.error('room.storage-failure', { room: this.name, error: String(err) });
    for (const peer of [...this.peers]) peer.close(1011, 'storage failure');
    this.onFailure(this);
  }

  get failed(): boolean {
    return this.#failed;
  }

  get awarenessSize(): number {
    return this.#awareness.size;
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

/**
 * The document's top-level types, typed. A server that never called getMap/getArray holds them
 * as untyped placeholders, which Y.UndoManager does not track. A type with map entries is a
 * Y.Map, one with a sequence a Y.Array; an empty one is typed by what `update` writes into it
 * (an item with a parentSub is a map entry). Types already defined keep their class.
 */
type Shared = Y.AbstractType<Y.YEvent<any>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- Yjs's own type parameter

function typedShares(doc: Y.Doc, update: Uint8Array): Shared[] {
  const mapLike = new Map<string, boolean>();
  for (const struct of Y.decodeUpdate(update).structs) {
    if (struct instanceof Y.Item && typeof struct.parent === 'string' && !mapLike.has(struct.parent)) {
      mapLike.set(struct.parent, struct.parentSub !== null);
    }
  }
  for (const name of mapLike.keys()) if (!doc.share.has(name)) doc.get(name);
  const out: Shared[] = [];
  for (const [name, type] of doc.share) {
    if (type.constructor !== Y.AbstractType) {
      out.push(type);
      continue;
    }
    const isMap = (type as Shared)._map.size > 0 || ((type as Shared)._start === null && mapLike.get(name) === true);
    try {
      out.push(doc.get(name, isMap ? Y.Map : Y.Array) as Shared);
    } catch {
      out.push(type);
    }
  }
  return out;
}
