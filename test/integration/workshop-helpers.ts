/** Helpers for workshop tests: typed API calls and token-carrying stock clients. */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { CreatedWorkshopResponse } from '../../src/workshop/api.js';
import type { Client } from './harness.js';

export interface ApiResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = unknown>(base: string, method: string, path: string, opts: { token?: string | null; body?: unknown } = {}): Promise<ApiResult<T>> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await res.json() : new Uint8Array(await res.arrayBuffer());
  return { status: res.status, body: body as T, headers: res.headers };
}

export async function createWorkshop(base: string, groups = 3, parts: string[] = ['kaedeansvar', 'kontaktperson']): Promise<CreatedWorkshopResponse> {
  const r = await call<CreatedWorkshopResponse>(base, 'POST', '/api/workshops', { body: { title: 'KUI workshop', parts, groups, locale: 'da' } });
  if (r.status !== 201) throw new Error(`create failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A stock y-websocket client on a workshop room with a token. */
export function connectWithToken(base: string, room: string, token: string | null): Client & { closes: { code: number; reason: string }[] } {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(base.replace(/^http/, 'ws') + '/sync', room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
    params: token ? { token } : {},
  });
  const closes: { code: number; reason: string }[] = [];
  provider.on('connection-close', (e: CloseEvent | null) => {
    if (e) closes.push({ code: e.code, reason: e.reason });
  });
  return {
    doc,
    provider,
    closes,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Opens a raw websocket to a room: resolves 'open' once the server greets it, or its close code. */
export function probeRoom(base: string, room: string, token: string | null): Promise<{ open: true } | { open: false; code: number; reason: string }> {
  const q = token ? `?token=${encodeURIComponent(token)}` : '';
  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/sync/${room}${q}`);
  return new Promise((resolve) => {
    ws.on('message', () => {
      resolve({ open: true });
      ws.close();
    });
    ws.on('close', (code, reason) => resolve({ open: false, code, reason: reason.toString() }));
    ws.on('error', () => {});
  });
}
