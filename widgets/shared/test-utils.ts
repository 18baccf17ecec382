/** Helpers for widget component tests (vitest browser mode). */
import type { LitElement } from 'lit';
import * as Y from 'yjs';
import { Board } from '../../src/model/index.js';

/** Two boards on two documents kept in sync synchronously, as two participants would be. */
export function syncedBoards(): { local: Board; remote: Board; destroy(): void } {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'));
  const local = new Board(a);
  const remote = new Board(b);
  return {
    local,
    remote,
    destroy() {
      local.destroy();
      remote.destroy();
      a.destroy();
      b.destroy();
    },
  };
}

/** Creates `<tag>`, sets its properties, attaches it and waits for its first render. */
export async function mount<T extends LitElement>(tag: string, props: Partial<T>): Promise<T> {
  const el = document.createElement(tag) as T;
  Object.assign(el, props);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

/** Waits for the element's pending render (after a board change). */
export async function settle(el: LitElement): Promise<void> {
  await new Promise((r) => requestAnimationFrame(() => r(null)));
  await el.updateComplete;
}
