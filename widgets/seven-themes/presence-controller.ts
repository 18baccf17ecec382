/** A Lit reactive controller: the host re-renders when peers' presence (e.g. their drags) changes. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Presence } from '../../src/sync/presence.js';

export class PresenceController implements ReactiveController {
  #off: (() => void) | undefined;
  #presence: Presence | null = null;

  constructor(private readonly host: ReactiveControllerHost, private readonly getPresence: () => Presence | null) {
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
  }

  #subscribe(): void {
    this.#off?.();
    this.#presence = this.getPresence();
    this.#off = this.#presence?.onChange(() => this.host.requestUpdate());
  }
}
