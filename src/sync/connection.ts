/**
 * The browser's connections to a board: a Y.Doc synced with the server by the stock
 * y-websocket provider (opened in ./socket.ts, the one place a websocket is made), wrapped in
 * the model's Board.
 *
 * - `connectBoard`: a participant's board, cached in IndexedDB so that edits made offline
 *   survive a reload and merge on reconnect, with presence over awareness. After the first
 *   sync the board is migrated to this build's schema; a board this build cannot write (made
 *   by a newer client, or with no migration path) stays read-only, and says why.
 * - `watchBoard`: a board watched without being seen (console, plenum, a look at another
 *   group): no presence of our own, no cache, nothing written; who is there read from awareness.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { Board, CURRENT_SCHEMA_VERSION, migrate } from '../model/index.js';
import type { MigrationResult } from '../model/index.js';
import { AwarenessPresence, readPeers, type Peer, type User } from './presence.js';
import { openProvider, watchRefusals, type Refusal, type SocketOptions } from './socket.js';

export { defaultServerUrl, isRefusal } from './socket.js';
export type { Refusal, SocketOptions } from './socket.js';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface ConnectOptions extends SocketOptions {
  user: User;
  /** Keep an offline copy in IndexedDB (default true). */
  offlineCache?: boolean;
}

/**
 * Why a board is read-only for this build: `newer-schema` when a newer client wrote it (a
 * reload fetches the newer app), `cannot-migrate` when this build has no way to bring it up to
 * date. `detail` is the model's own account, for logs; pages show their localised sentence.
 */
export interface ReadOnly {
  reason: 'newer-schema' | 'cannot-migrate';
  detail: string;
}

export interface BoardConnection {
  readonly doc: Y.Doc;
  readonly board: Board;
  readonly presence: AwarenessPresence;
  status(): ConnectionStatus;
  onStatus(listener: (s: ConnectionStatus) => void): () => void;
  /** Resolves after the first sync with the server (and the migration that follows it). */
  readonly synced: Promise<void>;
  /** Null while this build may write the board; else why not. */
  readOnly(): ReadOnly | null;
  /** Called once when the board turns read-only (also later, if a newer client upgrades it). */
  onReadOnly(listener: (r: ReadOnly) => void): () => void;
  /** The server's refusal (44xx close), told also to a listener that subscribes later. */
  onRefused(listener: (r: Refusal) => void): () => void;
  /** The last close reason the server gave, if any (e.g. a refused token). */
  lastCloseReason(): string | null;
  destroy(): void;
}

/** The read-only state that `result` (of {@link migrate}) means for `board`; null when writable. */
export function readOnlyOf(result: MigrationResult, board: Board): ReadOnly | null {
  if (!result.readOnly) return null;
  return { reason: board.meta().schemaVersion > CURRENT_SCHEMA_VERSION ? 'newer-schema' : 'cannot-migrate', detail: result.reason };
}

export function connectBoard(opts: ConnectOptions): BoardConnection {
  const doc = new Y.Doc();
  const cache = opts.offlineCache === false ? null : new IndexeddbPersistence(`kaedeboard:${opts.room}`, doc);
  const provider = openProvider(doc, opts);
  const refusals = watchRefusals(provider);
  const board = new Board(doc);
  const presence = new AwarenessPresence(provider.awareness, opts.user);
  const listeners = new Set<(s: ConnectionStatus) => void>();
  const readOnlyListeners = new Set<(r: ReadOnly) => void>();
  let everConnected = false;
  let closeReason: string | null = null;
  let current: ConnectionStatus = 'connecting';
  let readOnly: ReadOnly | null = null;
  let migrated = false;
  const set = (s: ConnectionStatus): void => {
    if (s === current) return;
    current = s;
    for (const l of listeners) l(s);
  };
  const setReadOnly = (r: ReadOnly | null): void => {
    if (!r || readOnly) return;
    readOnly = r;
    console.warn(`kaedeboard: board ${opts.room} is read-only: ${r.detail}`);
    for (const l of readOnlyListeners) l(r);
  };
  provider.on('status', ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
    if (status === 'connected') {
      everConnected = true;
      set('connected');
    } else if (!navigator.onLine) set('offline');
    else set(everConnected ? 'reconnecting' : 'connecting');
  });
  provider.on('connection-close', (event: CloseEvent | null) => {
    if (event?.reason) closeReason = event.reason;
  });
  // A newer client may upgrade the board while we have it open: from then on it is theirs.
  const offMeta = board.observe((change) => {
    if (migrated && change.meta && board.meta().schemaVersion > CURRENT_SCHEMA_VERSION) {
      setReadOnly({ reason: 'newer-schema', detail: `a newer client moved this board to schema v${board.meta().schemaVersion}` });
    }
  });
  const onOffline = (): void => set('offline');
  const onOnline = (): void => set(provider.wsconnected ? 'connected' : 'reconnecting');
  addEventListener('offline', onOffline);
  addEventListener('online', onOnline);
  const synced = new Promise<void>((resolve) => {
    const done = (isSynced: boolean): void => {
      if (!isSynced) return;
      provider.off('sync', done);
      // A fresh board gets the current schema; an older one is migrated (after the first
      // sync, so that two clients never initialise one board twice from scratch); a newer
      // one is left alone and read-only.
      setReadOnly(readOnlyOf(migrate(doc), board));
      migrated = true;
      resolve();
    };
    provider.on('sync', done);
  });
  return {
    doc,
    board,
    presence,
    synced,
    status: () => current,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    readOnly: () => readOnly,
    onReadOnly(listener) {
      readOnlyListeners.add(listener);
      return () => readOnlyListeners.delete(listener);
    },
    onRefused: (l) => refusals.onRefused(l),
    lastCloseReason: () => closeReason,
    destroy() {
      removeEventListener('offline', onOffline);
      removeEventListener('online', onOnline);
      offMeta();
      refusals.destroy();
      presence.destroy();
      provider.destroy();
      void cache?.destroy();
      board.destroy();
      doc.destroy();
    },
  };
}

/** A board watched without being seen: no presence of our own, nothing written. */
export interface WatchedBoard {
  readonly board: Board;
  /** Who is on the board, as awareness tells (validated; see presence.ts). */
  peers(): Peer[];
  /** Called when someone comes, goes or moves. */
  onChange(listener: () => void): () => void;
  onRefused(listener: (r: Refusal) => void): () => void;
  destroy(): void;
}

export function watchBoard(opts: SocketOptions): WatchedBoard {
  const doc = new Y.Doc();
  const provider = openProvider(doc, opts);
  // Nobody needs to see the watcher.
  provider.awareness.setLocalState(null);
  const refusals = watchRefusals(provider);
  const board = new Board(doc);
  const listeners = new Set<() => void>();
  const notify = (): void => {
    for (const l of listeners) l();
  };
  provider.awareness.on('change', notify);
  return {
    board,
    peers: () => readPeers(provider.awareness.getStates(), provider.awareness.clientID, provider.awareness.meta),
    onChange(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    onRefused: (l) => refusals.onRefused(l),
    destroy() {
      refusals.destroy();
      provider.awareness.off('change', notify);
      provider.destroy();
      board.destroy();
      doc.destroy();
    },
  };
}
