/** Helpers for the model tests (not part of the public API). */
import * as Y from 'yjs';

/** Origin of updates applied from the other doc in tests. */
export const REMOTE: unique symbol = Symbol('test:remote');

/** Keeps two docs in sync live, like a provider would; returns the disconnect function. */
export function connect(a: Y.Doc, b: Y.Doc): () => void {
  const ab = (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE) Y.applyUpdate(b, update, REMOTE);
  };
  const ba = (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE) Y.applyUpdate(a, update, REMOTE);
  };
  a.on('update', ab);
  b.on('update', ba);
  return () => {
    a.off('update', ab);
    b.off('update', ba);
  };
}

/** Exchanges what each doc lacks, in both directions, until neither produces more (dedupe writes). */
export function syncBoth(a: Y.Doc, b: Y.Doc): void {
  for (let i = 0; i < 4; i++) {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), REMOTE);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), REMOTE);
  }
}

/** A deterministic PRNG (mulberry32) returning numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
