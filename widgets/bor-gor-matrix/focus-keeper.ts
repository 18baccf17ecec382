/**
 * Where keyboard focus goes after the matrix re-renders: a reactive controller. An action names
 * the control to focus next (`next(selector)`: the note just moved, the menu button that opened a
 * closed menu, the add button of a cancelled draft). Without one, a note that had focus before
 * the update (a peer's change may re-create it) gets it back, unless focus went elsewhere.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/** The rendered note `id` under `root`, or null. */
export function noteElement(root: ParentNode, id: string): HTMLElement | null {
  return [...root.querySelectorAll<HTMLElement>('li[data-item-id]')].find((el) => el.dataset.itemId === id) ?? null;
}

export class FocusKeeper implements ReactiveController {
  #selector: string | null = null;
  #note: string | null = null;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  /** After the next update, focuses the element matching `selector`. */
  next(selector: string): void {
    this.#selector = selector;
  }

  hostUpdate(): void {
    const root = this.host.renderRoot;
    const focused = root instanceof ShadowRoot ? root.activeElement : null;
    const note = focused?.closest<HTMLElement>('li[data-item-id]');
    if (note && !this.#selector) this.#note ??= note.dataset.itemId ?? null;
  }

  hostUpdated(): void {
    const root = this.host.renderRoot as ShadowRoot;
    if (this.#selector) {
      root.querySelector<HTMLElement>(this.#selector)?.focus();
      this.#selector = null;
      this.#note = null;
    } else if (this.#note) {
      const id = this.#note;
      this.#note = null;
      if (!root.activeElement) noteElement(root, id)?.focus();
    }
  }
}
