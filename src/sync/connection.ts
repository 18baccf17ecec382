/**
 * The browser's connection to one board: a Y.Doc synced with the server by the stock
 * y-websocket provider, cached in IndexedDB so that edits made offline survive a reload and
 * merge on reconnect, wrapped in the model's Board, plus presence over awareness.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { Board, migrate } from '../model/index.js';
import { AwarenessPresence, type User } from './presence.js';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface ConnectOptions {
  room: string;
  user: User;
  /** ws(s)://host/sync; defaults to this page's server. */
  serverUrl?: string;
  /** Keep an offline copy in IndexedDB (default true). */
  offlineCache?: boolean;
  /** Extra query parameters for the websocket URL (tokens). */
  params?: Record<string, string>;
}

export interface BoardConnection {
  readonly doc: Y.Doc;
  readonly board: Board;
  readonly presence: AwarenessPresence;
  readonly provider: WebsocketProvider;
  status(): ConnectionStatus;
  onStatus(listener: (s: ConnectionStatus) => void): () => void;
  /** Resolves after the first sync with the server. */
  readonly synced: Promise<void>;
  /** The last close reason the server gave, if any (e.g. a refused token). */
  lastCloseReason(): string | null;
  destroy(): void;
}

export function defaultServerUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}

export function connectBoard(opts: ConnectOptions): BoardConnection {
  const doc = new Y.Doc();
  const cache = opts.offlineCache === false ? null : new IndexeddbPersistence(`kaedeboard:${opts.room}`, doc);
  const provider = new WebsocketProvider(opts.serverUrl ?? defaultServerUrl(), opts.room, doc, { params: opts.params ?? {}, maxBackoffTime: 5000 });
  const board = new Board(doc);
  const presence = new AwarenessPresence(provider.awareness, opts.user);
  const listeners = new Set<(s: ConnectionStatus) => void>();
  let everConnected = false;
  let closeReason: string | null = null;
  let current: ConnectionStatus = 'connecting';
  const set = (s: ConnectionStatus): void => {
    if (s === current) return;
    current = s;
    for (const l of listeners) l(s);
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
  const onOffline = (): void => set('offline');
  const onOnline = (): void => set(provider.wsconnected ? 'connected' : 'reconnecting');
  addEventListener('offline', onOffline);
  addEventListener('online', onOnline);
  const synced = new Promise<void>((resolve) => {
    const done = (isSynced: boolean): void => {
      if (!isSynced) return;
      provider.off('sync', done);
      // A fresh board gets the current schema; an older one is migrated (after the first
      // sync, so that two clients never initialise one board twice from scratch).
      migrate(doc);
      resolve();
    };
    provider.on('sync', done);
  });
  return {
    doc,
    board,
    presence,
    provider,
    synced,
    status: () => current,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    lastCloseReason: () => closeReason,
    destroy() {
      removeEventListener('offline', onOffline);
      removeEventListener('online', onOnline);
      presence.destroy();
      provider.destroy();
      void cache?.destroy();
      board.destroy();
      doc.destroy();
    },
  };
}
