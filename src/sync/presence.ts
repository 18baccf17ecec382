/**
 * Presence: who is here, where their cursor is, and what they are dragging, over Yjs
 * awareness. In-flight drags travel here (throttled to ~30 updates a second); only the drop
 * writes the document. Everything read from a peer is validated: awareness is network data.
 */
import type { Awareness } from 'y-protocols/awareness';

export interface Point {
  x: number;
  y: number;
}

/** One item in flight: where its top-left corner is now, in board coordinates. */
export interface DragState {
  itemId: string;
  x: number;
  y: number;
  /** Optional widget-specific target (e.g. the matrix field under the pointer). */
  target?: string;
}

export interface User {
  name: string;
  color: string;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** A peer as seen through awareness. */
export interface Peer {
  clientId: number;
  user: User;
  cursor: Point | null;
  drags: DragState[];
  view: Viewport | null;
}

/** What widgets and the canvas need of presence. */
export interface Presence {
  readonly self: User;
  readonly clientId: number;
  setCursor(p: Point | null): void;
  /** Items this user drags right now (empty when none). */
  setDrags(drags: DragState[]): void;
  setView(v: Viewport): void;
  peers(): Peer[];
  onChange(listener: () => void): () => void;
}

/** Colours for participants (each readable with white text at WCAG AA 4.5:1). */
export const PEER_COLORS = ['#b3261e', '#7d3c98', '#1f5fa8', '#0b7a75', '#2e7d32', '#8d4f00', '#ad1457', '#455a64'];

export function colorFor(seed: number): string {
  return PEER_COLORS[Math.abs(seed) % PEER_COLORS.length] as string;
}

const MAX_NAME = 60;
const MAX_DRAGS = 50;
/**
 * A peer's drags whose owner has sent nothing for this long are not shown: the owner left,
 * lost the network or let go without being heard. While dragging, an owner re-sends its state
 * every `DRAG_BEAT_MS` (awareness updates come only on change otherwise).
 */
export const DRAG_STALE_MS = 1000;
const DRAG_BEAT_MS = 300;

function finite(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 1e7;
}

function readPoint(v: unknown): Point | null {
  if (typeof v !== 'object' || v === null) return null;
  const p = v as Record<string, unknown>;
  return finite(p.x) && finite(p.y) ? { x: p.x, y: p.y } : null;
}

function readDrag(v: unknown): DragState | null {
  const p = readPoint(v);
  if (!p) return null;
  const r = v as Record<string, unknown>;
  if (typeof r.itemId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(r.itemId)) return null;
  const drag: DragState = { itemId: r.itemId, x: p.x, y: p.y };
  if (typeof r.target === 'string' && r.target.length <= 64) drag.target = r.target;
  return drag;
}

/** Validates one awareness state from the network; null when it is not a kaedeboard peer. */
export function readPeer(clientId: number, state: unknown): Peer | null {
  if (typeof state !== 'object' || state === null) return null;
  const s = state as Record<string, unknown>;
  const u = s.user as Record<string, unknown> | undefined;
  if (typeof u !== 'object' || u === null || typeof u.name !== 'string') return null;
  const name = u.name.trim().slice(0, MAX_NAME);
  if (!name) return null;
  const color = typeof u.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(u.color) ? u.color : colorFor(clientId);
  const drags = Array.isArray(s.drags) ? s.drags.slice(0, MAX_DRAGS).map(readDrag).filter((d): d is DragState => d !== null) : [];
  let view: Viewport | null = null;
  const v = s.view as Record<string, unknown> | undefined;
  if (v && finite(v.x) && finite(v.y) && finite(v.zoom) && v.zoom > 0) view = { x: v.x, y: v.y, zoom: v.zoom };
  return { clientId, user: { name, color }, cursor: readPoint(s.cursor), drags, view };
}

/**
 * The kaedeboard peers among awareness states (all but `self`), validated, sorted by name.
 * With `meta` (the awareness's), drags of a peer silent for `DRAG_STALE_MS` are left out.
 */
export function readPeers(states: ReadonlyMap<number, unknown>, self: number, meta?: ReadonlyMap<number, { lastUpdated: number }>, now = Date.now()): Peer[] {
  const out: Peer[] = [];
  for (const [clientId, state] of states) {
    if (clientId === self) continue;
    const peer = readPeer(clientId, state);
    if (peer && meta && now - (meta.get(clientId)?.lastUpdated ?? 0) > DRAG_STALE_MS) peer.drags = [];
    if (peer) out.push(peer);
  }
  return out.sort((a, b) => a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId);
}

/**
 * Presence over a y-protocols Awareness, sending at most one update per `intervalMs`. While
 * this user drags, the state is re-sent every 300 ms; a peer's drag that stops being re-sent
 * is dropped after `DRAG_STALE_MS`, and the listeners are told when that happens.
 */
export class AwarenessPresence implements Presence {
  readonly #pending: Record<string, unknown> = {};
  #timer: ReturnType<typeof setTimeout> | null = null;
  #beat: ReturnType<typeof setTimeout> | undefined;
  #expiry: ReturnType<typeof setTimeout> | undefined;
  #stale = '';
  readonly #listeners = new Set<() => void>();
  #lastSent = 0;

  constructor(readonly awareness: Awareness, readonly self: User, readonly intervalMs = 33) {
    awareness.setLocalState({ user: self, cursor: null, drags: [], view: null });
    awareness.on('change', this.#watchStale);
  }

  get clientId(): number {
    return this.awareness.clientID;
  }

  setCursor(p: Point | null): void {
    this.#queue('cursor', p);
  }

  setDrags(drags: DragState[]): void {
    // The end of a drag is sent at once, so nobody sees a ghost after the drop.
    this.#queue('drags', drags, drags.length === 0);
  }

  setView(v: Viewport): void {
    this.#queue('view', v);
  }

  #queue(field: string, value: unknown, immediate = false): void {
    this.#pending[field] = value;
    const wait = this.intervalMs - (performance.now() - this.#lastSent);
    if (immediate || wait <= 0) return this.#flush();
    this.#timer ??= setTimeout(() => this.#flush(), wait);
  }

  #flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const state = this.awareness.getLocalState();
    if (!state) return;
    const next = { ...state, ...this.#pending };
    this.awareness.setLocalState(next);
    for (const k of Object.keys(this.#pending)) delete this.#pending[k];
    this.#lastSent = performance.now();
    clearTimeout(this.#beat);
    if (Array.isArray(next.drags) && next.drags.length > 0) this.#beat = setTimeout(() => this.#flush(), DRAG_BEAT_MS);
  }

  peers(): Peer[] {
    return readPeers(this.awareness.getStates(), this.awareness.clientID, this.awareness.meta);
  }

  onChange(listener: () => void): () => void {
    const l = (): void => listener();
    this.awareness.on('change', l);
    this.#listeners.add(l);
    return () => {
      this.awareness.off('change', l);
      this.#listeners.delete(l);
    };
  }

  /** Tells the listeners when a peer's drag goes stale, and waits for the next one that may. */
  #watchStale = (): void => {
    clearTimeout(this.#expiry);
    const now = Date.now();
    const stale: number[] = [];
    let next = Infinity;
    for (const [id, st] of this.awareness.getStates()) {
      const drags = (st as { drags?: unknown } | null)?.drags;
      if (id === this.awareness.clientID || !Array.isArray(drags) || drags.length === 0) continue;
      const due = (this.awareness.meta.get(id)?.lastUpdated ?? 0) + DRAG_STALE_MS;
      if (due < now) stale.push(id);
      else next = Math.min(next, due);
    }
    const key = stale.join();
    if (key !== this.#stale) {
      this.#stale = key;
      for (const l of this.#listeners) l();
    }
    if (next < Infinity) this.#expiry = setTimeout(this.#watchStale, next - now + 20);
  };

  destroy(): void {
    if (this.#timer) clearTimeout(this.#timer);
    clearTimeout(this.#beat);
    clearTimeout(this.#expiry);
    this.awareness.off('change', this.#watchStale);
    this.awareness.setLocalState(null);
  }
}
