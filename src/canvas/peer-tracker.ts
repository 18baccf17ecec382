/**
 * The peers on the board as the canvas draws them: who is here (their cursors and the items
 * they drag right now) and the one the participant follows, if any. Peers move at ~30 Hz
 * each, so their state is taken at most once per animation frame. A Lit reactive controller:
 * it asks its host to re-render when the peers change, and to move its view when the followed
 * peer's view moves.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Peer, Presence, Viewport } from '../sync/presence.js';

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

  constructor(private readonly host: ReactiveControllerHost, private readonly cb: PeerCallbacks) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#off?.();
    this.#off = undefined;
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
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
    if (this.#following !== null) {
      const peer = this.#peers.find((p) => p.clientId === this.#following);
      if (!peer) this.#following = null;
      else if (peer.view) this.cb.follow(peer.view);
    }
    this.host.requestUpdate();
  }
}
