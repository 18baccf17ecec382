/**
 * The control document (room `w-<id>-control`, Y.Map 'control'): written by the server, read
 * here into a validated `ControlState` (it is network data), plus read-only connections to
 * group rooms for the console and the plenum. A websocket closed by the server with a 44xx
 * code is a refusal (bad token, no such workshop): we stop reconnecting and say why.
 */
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { Board } from '../model/index.js';
import { defaultServerUrl } from '../sync/connection.js';
import type { ControlState } from '../workshop/api.js';
import { m } from './messages.js';

export interface Refusal {
  code: number;
  reason: string;
}

const MAX_TEXT = 500;

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function str(v: unknown, max: number): string | null {
  return typeof v === 'string' ? v.slice(0, max) : null;
}

/** A ControlState from whatever the document holds; missing or wrong fields get safe defaults. */
export function parseControlState(raw: unknown): ControlState | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  if (Object.keys(r).length === 0) return null;
  const timerRaw = (typeof r.timer === 'object' && r.timer) || {};
  const t = timerRaw as Record<string, unknown>;
  const endsAt = num(t.endsAt);
  const remaining = num(t.remainingMs);
  const timer = { endsAt: endsAt !== null && endsAt > 0 ? endsAt : null, remainingMs: endsAt === null && remaining !== null && remaining >= 0 ? remaining : null };
  let message: ControlState['message'] = null;
  if (typeof r.message === 'object' && r.message) {
    const mm = r.message as Record<string, unknown>;
    const text = str(mm.text, MAX_TEXT)?.trim();
    if (text) message = { text, at: num(mm.at) ?? 0 };
  }
  const groups: ControlState['groups'] = [];
  if (Array.isArray(r.groups)) {
    for (const g of r.groups.slice(0, 100)) {
      if (typeof g !== 'object' || !g) continue;
      const gg = g as Record<string, unknown>;
      const n = num(gg.number);
      if (n === null || !Number.isInteger(n) || n < 1) continue;
      groups.push({ number: n, name: str(gg.name, 80) || m('common.group', { n }), room: str(gg.room, 120) ?? '' });
    }
  }
  const moves: ControlState['moves'] = {};
  if (typeof r.moves === 'object' && r.moves && !Array.isArray(r.moves)) {
    for (const [k, v] of Object.entries(r.moves as Record<string, unknown>).slice(0, 1000)) {
      if (!/^\d{1,12}$/.test(k) || typeof v !== 'object' || !v) continue;
      const to = num((v as Record<string, unknown>).toGroup);
      if (to === null || !Number.isInteger(to) || to < 1) continue;
      moves[k] = { toGroup: to, at: num((v as Record<string, unknown>).at) ?? 0 };
    }
  }
  return {
    title: str(r.title, 200) ?? '',
    locked: r.locked === true,
    crossView: r.crossView === true,
    timer,
    message,
    groups,
    moves,
    deleted: r.deleted === true,
  };
}

/** What the timer shows now: ms left, and whether it runs. */
export function timerRemaining(timer: ControlState['timer'], now = Date.now()): { ms: number; running: boolean } | null {
  if (timer.endsAt !== null) return { ms: Math.max(0, timer.endsAt - now), running: true };
  if (timer.remainingMs !== null) return { ms: timer.remainingMs, running: false };
  return null;
}

/** mm:ss (minutes may pass 99). Rounds up, so 0:00 shows only when time is really up. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const mm = Math.floor(total / 60);
  const ss = total % 60;
  return `${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}`;
}

/** The plain sentence for a refusal close code. */
export function refusalText(r: Refusal): string {
  if (r.code === 4401) return m('group.refused4401');
  if (r.code === 4403) return m('group.refused4403');
  if (r.code === 4404) return m('group.refused4404');
  if (r.code === 4410) return m('group.deleted');
  return m('group.refused', { reason: r.reason || String(r.code) });
}

export function isRefusal(code: number | undefined): boolean {
  return code !== undefined && code >= 4400 && code < 4500;
}

/**
 * Listens for the server's refusal on `provider`; on a 44xx close it stops reconnecting and
 * calls `onRefused`. Returns the unsubscribe function.
 */
/**
 * Watches a provider for the server's refusal (a 44xx close): stops reconnecting, remembers the
 * refusal, and tells every listener, also one that subscribes later.
 */
export function watchRefusals(provider: WebsocketProvider): { onRefused(l: (r: Refusal) => void): () => void; destroy(): void } {
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

/** A source of control states (the live document, or a fake in tests). */
export interface ControlSource {
  state(): ControlState | null;
  onChange(listener: (s: ControlState | null) => void): () => void;
  onRefused(listener: (r: Refusal) => void): () => void;
  destroy(): void;
}

export function controlRoom(workshopId: string): string {
  return `w-${workshopId}-control`;
}

export function groupRoom(workshopId: string, n: number): string {
  return `w-${workshopId}-g${n}`;
}

/** Connects to the workshop's control document with `token` and reads it as it changes. */
export function connectControl(workshopId: string, token: string, serverUrl = defaultServerUrl()): ControlSource {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(serverUrl, controlRoom(workshopId), doc, { params: { token }, maxBackoffTime: 5000 });
  // Nobody needs to see the reader of the control document.
  provider.awareness.setLocalState(null);
  const map = doc.getMap('control');
  let current = parseControlState(map.toJSON());
  const listeners = new Set<(s: ControlState | null) => void>();
  const onDeep = (): void => {
    current = parseControlState(map.toJSON());
    for (const l of listeners) l(current);
  };
  map.observeDeep(onDeep);
  const refusals = watchRefusals(provider);
  return {
    state: () => current,
    onChange(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    onRefused: (l) => refusals.onRefused(l),
    destroy() {
      refusals.destroy();
      map.unobserveDeep(onDeep);
      provider.destroy();
      doc.destroy();
    },
  };
}

/** A person on a board, as awareness tells. */
export interface Person {
  clientId: number;
  name: string;
  color: string;
}

/** A board watched without being seen: no presence of our own, nothing written. */
export interface WatchedRoom {
  readonly board: Board;
  people(): Person[];
  onChange(listener: () => void): () => void;
  onRefused(listener: (r: Refusal) => void): () => void;
  destroy(): void;
}

export function readPeople(states: Map<number, unknown>, self: number): Person[] {
  const out: Person[] = [];
  for (const [clientId, s] of states) {
    if (clientId === self || typeof s !== 'object' || !s) continue;
    const u = (s as { user?: unknown }).user;
    if (typeof u !== 'object' || !u) continue;
    const name = typeof (u as { name?: unknown }).name === 'string' ? (u as { name: string }).name.trim().slice(0, 60) : '';
    if (!name) continue;
    const c = (u as { color?: unknown }).color;
    out.push({ clientId, name, color: typeof c === 'string' && /^#[0-9a-fA-F]{6}$/.test(c) ? c : '#455a64' });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

export function watchRoom(room: string, token: string, serverUrl = defaultServerUrl()): WatchedRoom {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(serverUrl, room, doc, { params: { token }, maxBackoffTime: 5000 });
  provider.awareness.setLocalState(null);
  const board = new Board(doc);
  const listeners = new Set<() => void>();
  const notify = (): void => {
    for (const l of listeners) l();
  };
  provider.awareness.on('change', notify);
  const refusals = watchRefusals(provider);
  return {
    board,
    people: () => readPeople(provider.awareness.getStates() as Map<number, unknown>, provider.awareness.clientID),
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

/** A Board on a fresh document holding one Yjs update (a snapshot): read only. */
export function boardFromUpdate(update: Uint8Array): { board: Board; destroy(): void } {
  const doc = new Y.Doc();
  if (update.byteLength > 0) Y.applyUpdate(doc, update, 'snapshot');
  const board = new Board(doc);
  return {
    board,
    destroy() {
      board.destroy();
      doc.destroy();
    },
  };
}
