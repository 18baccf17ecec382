/**
 * The peers on the board as the canvas draws them: who is here (their cursors and the items
 * they drag right now) and the one the participant follows, if any. Peers move at ~30 Hz
 * each, so their state is taken at most once per animation frame. A Lit reactive controller:
 * it asks its host to re-render when the peers change, and to move its view when the followed
 * peer's view moves. A cursor that has not moved for `IDLE_MS` is idle (drawn faded out) until
 * it moves again; peers' drags that went stale are already left out by presence.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Peer, Presence, Viewport } from '../sync/presence.js';

/** A peer's cursor still for this long fades away. */
export const IDLE_MS = 4000;

export interface PeerCallbacks {
  /** The followed peer looks at this (its centre and zoom): show the same. */
  follow(view: Viewport): void;
}

export class PeerTracker implements ReactiveController {
  #presence: Presence | null = null;
  #off: (() => void) | undefined;
  #frame = 0;
  #peers: Peer[] = [];
  #following: number | null = null;
  /** Each peer's cursor as last seen, and since when it is there. */
  #still = new Map<number, { at: string; since: number }>();
  #idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost, private readonly cb: PeerCallbacks) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#off?.();
    this.#off = undefined;
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    clearTimeout(this.#idleTimer);
  }

  get peers(): Peer[] {
    return this.#peers;
  }

  /** The client followed (null: nobody). */
  get following(): number | null {
    return this.#following;
  }

  /** Listens to `presence` (again, after the host reconnects) and reads its peers now. */
  watch(presence: Presence | null): void {
    this.#off?.();
    this.#presence = presence;
    this.#off = presence?.onChange(() => {
      if (this.#frame) return;
      this.#frame = requestAnimationFrame(() => {
        this.#frame = 0;
        this.#read();
      });
    });
    this.#read();
  }

  /** Follows this client's view (null: stop following). */
  follow(clientId: number | null): void {
    this.#following = clientId;
    this.#read();
  }

  /** The participant moved the view themselves: following ends. */
  stopFollowing(): void {
    if (this.#following === null) return;
    this.#following = null;
    this.host.requestUpdate();
  }

  /** True when this peer's cursor has not moved for `IDLE_MS`. */
  idle(clientId: number): boolean {
    const s = this.#still.get(clientId);
    return !!s && Date.now() - s.since >= IDLE_MS;
  }

  /** A peer's drag of this item in flight, if any. */
  dragOf(itemId: string): { x: number; y: number; remote: Peer } | null {
    for (const peer of this.#peers) {
      const d = peer.drags.find((dr) => dr.itemId === itemId);
      if (d) return { x: d.x, y: d.y, remote: peer };
    }
    return null;
  }

  #read(): void {
    this.#peers = this.#presence?.peers() ?? [];
    this.#watchIdle();
    if (this.#following !== null) {
      const peer = this.#peers.find((p) => p.clientId === this.#following);
      if (!peer) this.#following = null;
      else if (peer.view) this.cb.follow(peer.view);
    }
    this.host.requestUpdate();
  }

  /** Notes which cursors moved, and re-renders when the next one falls idle. */
  #watchIdle(): void {
    const now = Date.now();
    const still = new Map<number, { at: string; since: number }>();
    let next = Infinity;
    for (const p of this.#peers) {
      if (!p.cursor) continue;
      const at = `${p.cursor.x},${p.cursor.y}`;
      const before = this.#still.get(p.clientId);
      const since = before?.at === at ? before.since : now;
      still.set(p.clientId, { at, since });
      if (now - since < IDLE_MS) next = Math.min(next, since + IDLE_MS);
    }
    this.#still = still;
    clearTimeout(this.#idleTimer);
    if (next < Infinity) this.#idleTimer = setTimeout(() => this.host.requestUpdate(), next - now + 20);
  }
}
