/**
 * Can the room integrate an update whole? Yjs keeps what it cannot integrate as "pending"
 * (structs whose dependencies it has not seen, deletions of items it does not have) and
 * completes it later, inside whatever transaction supplies the missing piece: a pending
 * struct from a reader would be completed by a writer's next edit, and a pending delete set
 * is re-read on every later update. So the room never lets Yjs hold anything pending: every
 * update is checked here first, against the room's state, and refused unless all of it
 * integrates at once.
 *
 * The check simulates Yjs's integration (`integrateStructs`, `Item.getMissing`,
 * `readAndApplyDeleteSet`) on the update's shape: a client's next struct integrates when its
 * clock is not past what is known of that client and every dependency on another client is
 * known (its clock below that client's state), counting structs of this same update that
 * integrate first. Blocked structs wait, per dependency client, in a heap ordered by the clock
 * they need, and are woken when that client's state passes it: each struct is looked at a
 * bounded number of times, so the check is O(n log n) in the update's size and never
 * touches the document.
 */
import type { UpdateShape } from './update-shape.js';

export type Verdict =
  | { ok: true }
  | {
      ok: false;
      /**
       * burned: a client id whose write was refused before (the sender still holds it);
       * skip: a hole in a client's clocks that the room does not have either; gap: a client's first struct starts past its known
       * state; missing: a dependency neither the room nor the update has; delete: a deletion
       * of items past a client's state (it would stay pending).
       */
      why: 'burned' | 'skip' | 'gap' | 'missing' | 'delete';
      client: number;
      clock: number;
    };

/** A min-heap of (clock, section) pairs, by clock. */
class Waiters {
  readonly #clocks: number[] = [];
  readonly #sections: number[] = [];
  get size(): number {
    return this.#clocks.length;
  }
  peek(): number {
    return this.#clocks[0] as number;
  }
  push(clock: number, section: number): void {
    const c = this.#clocks;
    const s = this.#sections;
    let i = c.length;
    c.push(clock);
    s.push(section);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((c[p] as number) <= clock) break;
      c[i] = c[p] as number;
      s[i] = s[p] as number;
      i = p;
    }
    c[i] = clock;
    s[i] = section;
  }
  pop(): number {
    const c = this.#clocks;
    const s = this.#sections;
    const top = s[0] as number;
    const lastClock = c.pop() as number;
    const lastSection = s.pop() as number;
    const n = c.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let m = 2 * i + 1;
        if (m >= n) break;
        if (m + 1 < n && (c[m + 1] as number) < (c[m] as number)) m++;
        if ((c[m] as number) >= lastClock) break;
        c[i] = c[m] as number;
        s[i] = s[m] as number;
        i = m;
      }
      c[i] = lastClock;
      s[i] = lastSection;
    }
    return top;
  }
}

/**
 * Checks `shape` against a room whose state for each client is `stateOf(client)` (the clock
 * after its last struct, 0 when unknown). `burnedFrom(client)`, when given, is the first
 * refused clock of a client id whose write was refused: structs at or past it are refused.
 */
export function checkIntegrable(shape: UpdateShape, stateOf: (client: number) => number, burnedFrom?: (client: number) => number | undefined): Verdict {
  const { sections } = shape;
  if (burnedFrom) {
    for (const s of sections) {
      const b = burnedFrom(s.client);
      if (b !== undefined && s.end > b) return { ok: false, why: 'burned', client: s.client, clock: Math.max(b, s.clock) };
    }
  }
  const known = new Map<number, number>();
  const state = (client: number): number => {
    let v = known.get(client);
    if (v === undefined) known.set(client, (v = stateOf(client)));
    return v;
  };
  const sectionOf = new Map<number, number>();
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i]!;
    if (s.clock > state(s.client)) return { ok: false, why: 'gap', client: s.client, clock: s.clock };
    sectionOf.set(s.client, i);
  }

  const next = new Array<number>(sections.length).fill(0);
  const waiting = new Map<number, Waiters>();
  const work: number[] = [];
  for (let i = sections.length - 1; i >= 0; i--) work.push(i);
  while (work.length > 0) {
    const si = work.pop() as number;
    const s = sections[si]!;
    const before = state(s.client);
    let i = next[si] as number;
    blocked: for (; i < s.starts.length; i++) {
      const end = (s.starts[i] as number) + (s.lengths[i] as number);
      if (s.skips[i]) {
        // Yjs passes over a Skip; the struct after it integrates only if the hole is known.
        if (end > state(s.client)) return { ok: false, why: 'skip', client: s.client, clock: s.starts[i] as number };
        continue;
      }
      for (let j = s.depFrom[i] as number; j < (s.depFrom[i + 1] as number); j++) {
        const depClient = s.deps[2 * j] as number;
        const depClock = s.deps[2 * j + 1] as number;
        if (depClock >= state(depClient)) {
          // Only that client's own section can make this dependency known.
          if (!sectionOf.has(depClient)) return { ok: false, why: 'missing', client: depClient, clock: depClock };
          let w = waiting.get(depClient);
          if (!w) waiting.set(depClient, (w = new Waiters()));
          w.push(depClock, si);
          break blocked;
        }
      }
      if (end > state(s.client)) known.set(s.client, end);
    }
    next[si] = i;
    const after = state(s.client);
    if (after > before) {
      const w = waiting.get(s.client);
      while (w && w.size > 0 && w.peek() < after) work.push(w.pop());
    }
  }
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i]!;
    const at = next[i] as number;
    if (at < s.starts.length) {
      // Blocked for good: report the dependency it waits for.
      for (let j = s.depFrom[at] as number; j < (s.depFrom[at + 1] as number); j++) {
        const depClient = s.deps[2 * j] as number;
        const depClock = s.deps[2 * j + 1] as number;
        if (depClock >= state(depClient)) return { ok: false, why: 'missing', client: depClient, clock: depClock };
      }
      return { ok: false, why: 'missing', client: s.client, clock: s.starts[at] as number };
    }
  }

  const ds = shape.deletes;
  for (let k = 0; k < ds.length; k += 3) {
    const client = ds[k] as number;
    const clock = ds[k + 1] as number;
    const len = ds[k + 2] as number;
    if (clock + len > state(client)) return { ok: false, why: 'delete', client, clock };
  }
  return { ok: true };
}

/**
 * Does an update change anything in a room with state `stateOf`? True when it has structs past
 * a client's state or deletes a range that `allDeleted` says is not all deleted yet (a range
 * past the state counts as a change too). The stock client's sync step 2 carries its whole
 * delete set, so most updates from a client that has nothing new are not empty, only
 * redundant: those are no-ops to skip, for readers and writers alike.
 */
export function carriesChange(shape: UpdateShape, stateOf: (client: number) => number, allDeleted: (client: number, clock: number, len: number) => boolean): boolean {
  for (const s of shape.sections) if (s.end > stateOf(s.client)) return true;
  const ds = shape.deletes;
  for (let k = 0; k < ds.length; k += 3) {
    const client = ds[k] as number;
    const clock = ds[k + 1] as number;
    const len = ds[k + 2] as number;
    if (len === 0) continue;
    if (clock + len > stateOf(client) || !allDeleted(client, clock, len)) return true;
  }
  return false;
}
