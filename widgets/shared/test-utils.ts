/** Helpers for widget component tests (vitest browser mode). */
import axe from 'axe-core';
import type { LitElement } from 'lit';
import type { DragState, Peer, Point, Presence, User, Viewport } from '../../src/sync/presence.js';
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

/** A presence that records what an element publishes and serves scripted peers. */
export class FakePresence implements Presence {
  readonly self: User = { name: 'Me', color: '#1f5fa8' };
  readonly clientId = 1;
  drags: DragState[][] = [];
  cursors: (Point | null)[] = [];
  views: Viewport[] = [];
  peerList: Peer[] = [];
  #listeners = new Set<() => void>();
  setCursor(p: Point | null): void {
    this.cursors.push(p);
  }
  setDrags(d: DragState[]): void {
    this.drags.push(d);
  }
  setView(v: Viewport): void {
    this.views.push(v);
  }
  peers(): Peer[] {
    return this.peerList;
  }
  /** Replaces the peers and tells listeners. */
  setPeers(peers: Peer[]): void {
    this.peerList = peers;
    this.emit();
  }
  emit(): void {
    for (const l of this.#listeners) l();
  }
  onChange(l: () => void): () => void {
    this.#listeners.add(l);
    return () => this.#listeners.delete(l);
  }
}

/**
 * WCAG 2.1 A and AA violations axe-core finds under `root` (shadow DOM included), one line
 * each; the experimental rules run too (label in name, WCAG 2.5.3, is one of them).
 */
export async function axeViolations(root: Element): Promise<string[]> {
  const result = await axe.run(root, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'experimental'] }, resultTypes: ['violations'] });
  return result.violations.flatMap((v) => v.nodes.slice(0, 3).map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? v.help}`));
}
