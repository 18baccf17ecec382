/**
 * A Lit reactive controller that re-renders its host whenever the board changes (local or
 * remote), batched to one update per frame by Lit itself.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Board } from '../../src/model/index.js';

export class BoardController implements ReactiveController {
  #off: (() => void) | undefined;
  #board: Board | undefined;

  constructor(private readonly host: ReactiveControllerHost, private readonly getBoard: () => Board | undefined) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#subscribe();
  }

  hostUpdate(): void {
    // The host's `board` property may have been replaced.
    if (this.getBoard() !== this.#board) this.#subscribe();
  }

  hostDisconnected(): void {
    this.#off?.();
    this.#off = undefined;
    this.#board = undefined;
  }

  #subscribe(): void {
    this.#off?.();
    this.#board = this.getBoard();
    this.#off = this.#board?.observe(() => this.host.requestUpdate());
  }
}
