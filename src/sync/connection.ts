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
 *
 * A change the server refuses for good (closes 4501 to 4504: written while the board was locked
 * or read-only, a full board, a change too large) is one the stock provider would send again on
 * every reconnect, and the server refuses every time. So the participant's copy is dropped
 * (document and offline cache) and the board rejoined with a fresh one, which has a new client
 * id; the refusal is kept for the page to say (`refusedChange`, `refusedChangeText`). The
 * board, document and presence are then new objects: read them from the connection each time,
 * or follow `onReplaced`.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { defineMessages } from '../i18n/index.js';
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

/** A change of this copy the server refused for good: the copy was dropped and rejoined fresh. */
export interface RefusedChange {
  code: number;
  /** The server's reason (English, for logs); pages show `refusedChangeText`. */
  reason: string;
}

/**
 * The server's close codes after which it will refuse what this copy holds (server/sync/
 * close-codes.ts: write refused, board full of bytes or of items, change too large).
 */
export const DROP_AND_REJOIN: readonly number[] = [4501, 4502, 4503, 4504];

const msg = defineMessages({
  da: {
    locked: 'Tavlerne er låst, så din seneste ændring blev ikke gemt. Tavlen er hentet igen fra serveren.',
    readOnly: 'Du kan kun se denne tavle, så din ændring blev ikke gemt. Tavlen er hentet igen fra serveren.',
    refused: 'Serveren afviste din seneste ændring. Tavlen er hentet igen fra serveren.',
    full: 'Tavlen er fuld, så din seneste ændring blev ikke gemt. Slet noget for at gøre plads.',
    tooLarge: 'Din ændring var for stor til at blive gemt. Tavlen er hentet igen fra serveren.',
  },
  en: {
    locked: 'The boards are locked, so your last change was not saved. The board was reloaded from the server.',
    readOnly: 'You can only look at this board, so your change was not saved. The board was reloaded from the server.',
    refused: 'The server refused your last change. The board was reloaded from the server.',
    full: 'The board is full, so your last change was not saved. Delete something to make room.',
    tooLarge: 'Your change was too large to be saved. The board was reloaded from the server.',
  },
});

/** What to tell the participant about a refused change, in the current language. */
export function refusedChangeText(r: RefusedChange): string {
  if (r.code === 4502 || r.code === 4503) return msg('full');
  if (r.code === 4504) return msg('tooLarge');
  if (/locked/.test(r.reason)) return msg('locked');
  if (/read-only|only the server/.test(r.reason)) return msg('readOnly');
  return msg('refused');
}

export interface BoardConnection {
  /** The current copy's document, board and presence (new objects after a rejoin). */
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
  /** The last change the server refused for good (see the header), if any. */
  refusedChange(): RefusedChange | null;
  onRefusedChange(listener: (r: RefusedChange) => void): () => void;
  /** Called with the new board once the copy was dropped and the board rejoined. */
  onReplaced(listener: (board: Board) => void): () => void;
  destroy(): void;
}

/** The read-only state that `result` (of {@link migrate}) means for `board`; null when writable. */
export function readOnlyOf(result: MigrationResult, board: Board): ReadOnly | null {
  if (!result.readOnly) return null;
  return { reason: board.meta().schemaVersion > CURRENT_SCHEMA_VERSION ? 'newer-schema' : 'cannot-migrate', detail: result.reason };
}

/** One copy of the board: its document, offline cache, provider, board and presence. */
interface Copy {
  doc: Y.Doc;
  cache: IndexeddbPersistence | null;
  provider: WebsocketProvider;
  board: Board;
  presence: AwarenessPresence;
  close(): void;
}

export function connectBoard(opts: ConnectOptions): BoardConnection {
  const listeners = new Set<(s: ConnectionStatus) => void>();
  const readOnlyListeners = new Set<(r: ReadOnly) => void>();
  const refusalListeners = new Set<(r: Refusal) => void>();
  const refusedListeners = new Set<(r: RefusedChange) => void>();
  const replacedListeners = new Set<(b: Board) => void>();
  let everConnected = false;
  let closeReason: string | null = null;
  let current: ConnectionStatus = 'connecting';
  let readOnly: ReadOnly | null = null;
  let refusal: Refusal | null = null;
  let refusedChange: RefusedChange | null = null;
  let destroyed = false;
  let rejoinTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the last rejoins happened: a server that keeps refusing is asked less and less often. */
  const rejoins: number[] = [];
  let resolveSynced: () => void = () => {};
  const synced = new Promise<void>((resolve) => (resolveSynced = resolve));
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

  const open = (): Copy => {
    const doc = new Y.Doc();
    const cache = opts.offlineCache === false ? null : new IndexeddbPersistence(`kaedeboard:${opts.room}`, doc);
    const provider = openProvider(doc, opts);
    const refusals = watchRefusals(provider);
    const board = new Board(doc);
    const presence = new AwarenessPresence(provider.awareness, opts.user);
    let migrated = false;
    provider.on('status', ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
      if (status === 'connected') {
        everConnected = true;
        set('connected');
      } else if (!navigator.onLine) set('offline');
      else set(everConnected ? 'reconnecting' : 'connecting');
    });
    provider.on('connection-close', (event: CloseEvent | null) => {
      if (event?.reason) closeReason = event.reason;
      if (event && DROP_AND_REJOIN.includes(event.code)) rejoin({ code: event.code, reason: event.reason });
    });
    const offRefused = refusals.onRefused((r) => {
      refusal = r;
      for (const l of refusalListeners) l(r);
    });
    // A newer client may upgrade the board while we have it open: from then on it is theirs.
    const offMeta = board.observe((change) => {
      if (migrated && change.meta && board.meta().schemaVersion > CURRENT_SCHEMA_VERSION) {
        setReadOnly({ reason: 'newer-schema', detail: `a newer client moved this board to schema v${board.meta().schemaVersion}` });
      }
    });
    const done = (isSynced: boolean): void => {
      if (!isSynced) return;
      provider.off('sync', done);
      // A fresh board gets the current schema; an older one is migrated (after the first
      // sync, so that two clients never initialise one board twice from scratch); a newer
      // one is left alone and read-only.
      setReadOnly(readOnlyOf(migrate(doc), board));
      migrated = true;
      resolveSynced();
    };
    provider.on('sync', done);
    let closed = false;
    return {
      doc,
      cache,
      provider,
      board,
      presence,
      close() {
        if (closed) return;
        closed = true;
        offMeta();
        offRefused();
        refusals.destroy();
        presence.destroy();
        provider.destroy();
        board.destroy();
        doc.destroy();
      },
    };
  };

  let copy = open();

  /** The server refused what this copy holds for good: drop it (and its cache), rejoin fresh. */
  const rejoin = (r: RefusedChange): void => {
    if (destroyed || rejoinTimer !== undefined) return;
    refusedChange = r;
    console.warn(`kaedeboard: board ${opts.room}: change refused (${r.code} ${r.reason}); rejoining with a fresh copy`);
    const old = copy;
    // No reconnect of this copy (we are inside its provider's close handler); it is taken apart next tick.
    old.provider.disconnect();
    const now = Date.now();
    while (rejoins.length > 0 && now - (rejoins[0] as number) > 60_000) rejoins.shift();
    rejoins.push(now);
    const delay = rejoins.length <= 1 ? 0 : Math.min(10_000, 250 * 2 ** (rejoins.length - 1));
    set('reconnecting');
    for (const l of refusedListeners) l(r);
    rejoinTimer = setTimeout(() => {
      // The cache's deletion is asked for before the new copy opens it, so the new copy starts empty.
      const cleared = old.cache ? old.cache.clearData().catch(() => {}) : Promise.resolve();
      old.close();
      void cleared
        .then(() => new Promise((resolve) => setTimeout(resolve, delay)))
        .then(() => {
          rejoinTimer = undefined;
          if (destroyed) return;
          copy = open();
          for (const l of replacedListeners) l(copy.board);
        });
    }, 0);
  };

  const onOffline = (): void => set('offline');
  const onOnline = (): void => set(copy.provider.wsconnected ? 'connected' : 'reconnecting');
  addEventListener('offline', onOffline);
  addEventListener('online', onOnline);
  return {
    get doc() {
      return copy.doc;
    },
    get board() {
      return copy.board;
    },
    get presence() {
      return copy.presence;
    },
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
    onRefused(listener) {
      refusalListeners.add(listener);
      if (refusal) listener(refusal);
      return () => refusalListeners.delete(listener);
    },
    lastCloseReason: () => closeReason,
    refusedChange: () => refusedChange,
    onRefusedChange(listener) {
      refusedListeners.add(listener);
      return () => refusedListeners.delete(listener);
    },
    onReplaced(listener) {
      replacedListeners.add(listener);
      return () => replacedListeners.delete(listener);
    },
    destroy() {
      destroyed = true;
      clearTimeout(rejoinTimer);
      removeEventListener('offline', onOffline);
      removeEventListener('online', onOnline);
      copy.close();
      void copy.cache?.destroy();
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
