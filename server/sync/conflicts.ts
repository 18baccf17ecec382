/**
 * What integrating an update will cost Yjs beyond one step per struct: the conflict scans of
 * its placement algorithm (YATA, `Item.integrate`). An item is placed between its origin and
 * its right origin; Yjs walks every item it finds between the two (concurrent insertions
 * there), and a map entry with no origin (a key set by a client that had not seen it) first
 * walks the key's whole history. A legit update finds nothing or a few items there. A
 * hand-made one can make every struct walk a long list (10,000 first-sets of one key from
 * 10,000 client ids took Yjs 0.45 s here, 20,000 took 4.8 s), so the struct budget alone does
 * not bound the work.
 *
 * `scanSteps` counts, before anything is applied, the items those walks would cross in the
 * room's document, and the items of the update itself that land at one place from different
 * clients (each such struct walks the ones before it). It is an upper bound for what Yjs
 * does, in at most `limit` steps of its own; the room charges it to the struct budgets.
 */
import * as Y from 'yjs';
import type { UpdateShape } from './update-shape.js';

/** Conflict-scan steps per unit of the struct budget (a step costs about 1/50 of a struct). */
export const SCAN_STEPS_PER_UNIT = 64;

type Shared = Y.AbstractType<Y.YEvent<any>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- Yjs's own type parameter

/**
 * Conflict-scan steps integrating `shape` into `doc` may take; stops counting past `limit`
 * (returns a number above it).
 */
export function scanSteps(shape: UpdateShape, doc: Y.Doc, limit: number): number {
  const store = doc.store;
  const known = (client: number, clock: number): boolean => client >= 0 && clock < Y.getState(store, client);
  const item = (client: number, clock: number): Y.Item | null => {
    const s = Y.getItem(store, Y.createID(client, clock));
    return s instanceof Y.Item ? s : null;
  };
  let steps = 0;
  /** Walks right from `from` until `stop` (or the end), counting. False once over the limit. */
  const walk = (from: Y.Item | null, stop: Y.Item | null): boolean => {
    for (let n = from; n !== null && n !== stop; n = n.right) if (++steps > limit) return false;
    return true;
  };
  /** The first item of a map key's history (walking it is counted too). */
  const keyStart = (type: Shared, key: string): Y.Item | null => {
    let n = type._map.get(key) ?? null;
    while (n !== null && n.left !== null) {
      if (++steps > limit) return null;
      n = n.left;
    }
    return n;
  };
  const typeOf = (parent: string): Shared | null => {
    if (parent.startsWith('r')) return (doc.share.get(parent.slice(1)) as Shared | undefined) ?? null;
    const [c, k] = parent.slice(1).split(':').map(Number) as [number, number];
    if (!known(c, k)) return null; // a type this update creates: only its own items are in it
    const p = item(c, k);
    return p && p.content instanceof Y.ContentType ? (p.content.type as Shared) : null;
  };
  /** Clients already landing at each place in this update. */
  const siblings = new Map<string, Set<number>>();

  for (const s of shape.sections) {
    for (let i = 0; i < s.starts.length; i++) {
      const oc = s.origins[2 * i] as number;
      const ok = s.origins[2 * i + 1] as number;
      const rc = s.rights[2 * i] as number;
      const rk = s.rights[2 * i + 1] as number;
      const parent = s.parents[i] ?? null;
      const sub = s.subs[i] ?? null;
      if (oc < 0 && rc < 0 && parent === null) continue; // GC, Skip

      const place = oc >= 0 ? `o${oc}:${ok}|${rc}:${rk}` : parent !== null ? `p${parent}|${sub ?? ''}` : `r${rc}:${rk}`;
      let at = siblings.get(place);
      if (!at) siblings.set(place, (at = new Set()));
      if (!at.has(s.client)) {
        steps += at.size;
        at.add(s.client);
      }
      if (steps > limit) return steps;

      // The walk in the document. A right origin this update creates is not there yet: walk to the end.
      const right = known(rc, rk) ? item(rc, rk) : null;
      if (oc >= 0) {
        if (!known(oc, ok)) continue; // placed after an item of this update: counted as a sibling
        const left = item(oc, ok);
        if (left === null) continue; // a GC'd origin: Yjs keeps the struct as GC, no scan
        if (!walk(ok < left.id.clock + left.length - 1 ? left : left.right, right)) return steps;
      } else if (parent === null) {
        // Only a right origin: the parent is the right item's.
        if (right === null || !(right.parent instanceof Y.AbstractType)) continue;
        const type = right.parent as Shared;
        const start = right.parentSub !== null ? keyStart(type, right.parentSub) : type._start;
        if (steps > limit || !walk(start, right)) return steps;
      } else {
        const type = typeOf(parent);
        if (type === null) continue;
        const start = sub !== null ? keyStart(type, sub) : type._start;
        if (steps > limit || !walk(start, null)) return steps;
      }
    }
  }
  return steps;
}
