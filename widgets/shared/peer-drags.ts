/**
 * A Lit reactive controller that re-renders its host when peers' drags of the host's records
 * change. Awareness changes arrive for every cursor move of every peer; this looks at most once
 * per frame and requests an update only when the relevant drags differ from the last look.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Presence } from '../../src/sync/presence.js';

export class PeerDragsController implements ReactiveController {
  #off: (() => void) | undefined;
  #presence: Presence | null = null;
  #frame = 0;
  #last = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly getPresence: () => Presence | null,
    /** True for the item ids whose drags the host shows. */
    private readonly relevant: (itemId: string) => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#subscribe();
  }

  hostUpdate(): void {
    if (this.getPresence() !== this.#presence) this.#subscribe();
  }

  hostDisconnected(): void {
    this.#off?.();
    this.#off = undefined;
    this.#presence = null;
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  #subscribe(): void {
    this.#off?.();
    this.#presence = this.getPresence();
    this.#last = this.#signature();
    this.#off = this.#presence?.onChange(() => {
      this.#frame ||= requestAnimationFrame(() => {
        this.#frame = 0;
        const now = this.#signature();
        if (now === this.#last) return;
        this.#last = now;
        this.host.requestUpdate();
      });
    });
  }

  #signature(): string {
    const parts: string[] = [];
    for (const peer of this.#presence?.peers() ?? []) {
      for (const d of peer.drags) {
        if (this.relevant(d.itemId)) parts.push(`${peer.clientId}:${peer.user.name}:${d.itemId}:${d.x}:${d.y}:${d.target ?? ''}`);
      }
    }
    return parts.join('|');
  }
}
