/**
 * The one place the browser opens a websocket: a y-websocket provider for one room, and the
 * server's refusals on it. A websocket closed by the server with a 44xx code is a refusal (bad
 * token, no such workshop, deleted): we stop reconnecting and tell every listener why.
 */
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

/** Where and how to open a room. */
export interface SocketOptions {
  room: string;
  /** ws(s)://host/sync; defaults to this page's server. */
  serverUrl?: string;
  /** The workshop token: sent as a subprotocol (see `tokenProtocols`), never in the URL. */
  token?: string;
  /** Extra query parameters for the websocket URL. */
  params?: Record<string, string>;
  /** The WebSocket class (the browser's by default; tests pass a scripted one). */
  WebSocket?: typeof WebSocket;
}

/** A close the server meant: the code (44xx) and its reason. */
export interface Refusal {
  code: number;
  reason: string;
}

export function defaultServerUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}

export function isRefusal(code: number | undefined): boolean {
  return code !== undefined && code >= 4400 && code < 4500;
}

/**
 * The subprotocols that carry a token: `kaedeboard`, which the server answers with, and
 * `kaedeboard.token.<token>`. A URL's query ends up in proxy and server access logs and in the
 * stock provider's console message when a write is refused; a handshake header does not.
 */
export function tokenProtocols(token: string): string[] {
  return ['kaedeboard', `kaedeboard.token.${token}`];
}

/** Opens `doc` on the room with the stock provider (reconnecting, at most 5 s apart). */
export function openProvider(doc: Y.Doc, opts: SocketOptions): WebsocketProvider {
  const provider = new WebsocketProvider(opts.serverUrl ?? defaultServerUrl(), opts.room, doc, {
    params: opts.params ?? {},
    ...(opts.token ? { protocols: tokenProtocols(opts.token) } : {}),
    maxBackoffTime: 5000,
    ...(opts.WebSocket ? { WebSocketPolyfill: opts.WebSocket } : {}),
  });
  sendOwnAwarenessOnly(provider);
  return provider;
}

type AwarenessChanges = { added: number[]; updated: number[]; removed: number[] };

/**
 * The stock provider sends every awareness change it hears back to the server (and to the
 * browser's other tabs): with five people dragging, 150 echoes a second from every screen,
 * which the server drops anyway (server/sync/room.ts) and a phone's CPU cannot spare. Only
 * this client's own state goes out; the server greets a newcomer with everyone's.
 */
function sendOwnAwarenessOnly(provider: WebsocketProvider): void {
  const p = provider as unknown as { _awarenessUpdateHandler: (c: AwarenessChanges, origin: unknown) => void };
  const send = p._awarenessUpdateHandler;
  const me = provider.awareness.clientID;
  const own = (ids: number[]): number[] => ids.filter((id) => id === me);
  provider.awareness.off('update', send);
  p._awarenessUpdateHandler = ({ added, updated, removed }, origin) => {
    const c = { added: own(added), updated: own(updated), removed: own(removed) };
    if (c.added.length + c.updated.length + c.removed.length > 0) send(c, origin);
  };
  provider.awareness.on('update', p._awarenessUpdateHandler);
}

/** Refusals of one provider: remembered, so a listener that subscribes later still hears. */
export interface Refusals {
  onRefused(listener: (r: Refusal) => void): () => void;
  destroy(): void;
}

/** Watches `provider` for the server's refusal: stops reconnecting and tells every listener. */
export function watchRefusals(provider: WebsocketProvider): Refusals {
  const listeners = new Set<(r: Refusal) => void>();
  let refusal: Refusal | null = null;
  const onClose = (event: CloseEvent | null): void => {
    if (!event || !isRefusal(event.code)) return;
    provider.disconnect();
    refusal = { code: event.code, reason: event.reason };
    for (const l of listeners) l(refusal);
  };
  provider.on('connection-close', onClose);
  return {
    onRefused(l) {
      listeners.add(l);
      if (refusal) l(refusal);
      return () => listeners.delete(l);
    },
    destroy: () => provider.off('connection-close', onClose),
  };
}
