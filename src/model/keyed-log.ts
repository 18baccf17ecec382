/**
 * A last-writer-wins key-value store on a Y.Array, in y-utility's `YKeyValue` format
 * (entries `{ key, val }`, the rightmost live entry for a key wins), with three changes:
 *
 * 1. Reads scan the array, so they are right inside a transaction (YKeyValue's map is only
 *    updated by its observer, after the transaction).
 * 2. A write goes right after this instance's own latest live entry (or at the end if it has
 *    none), then deletes the older entries of the key. Each client's entries then form a chain
 *    that Yjs merges once deleted; with YKeyValue's append-at-end, two clients moving in turn
 *    interleave their entries and the document grows by ~9 bytes per move (92 KB vs 9.6 KB for
 *    10,000 moves by two clients over 50 cards). Placement is free because a write that has seen
 *    the previous value deletes it; order only decides truly concurrent writes, identically on
 *    every peer.
 * 3. Entries that are not `{ key: string }` (hostile or future data) are ignored, never read
 *    as `.key` of `null`: YKeyValue's constructor and observer throw on them, which would make a
 *    board that once received such an entry impossible to open.
 *
 * Concurrent writes of one key leave two live entries; an observer deletes the losers in a
 * separate transaction with origin {@link DEDUPE_ORIGIN} (as YKeyValue does), which never
 * changes what is read.
 */
import type * as Y from 'yjs';

/** Origin of the transactions that delete losing duplicate entries. */
export const DEDUPE_ORIGIN: unique symbol = Symbol('kaedeboard:dedupe');

/** One stored entry. */
export interface LogEntry {
  key: string;
  val: unknown;
}

/** True for a well-formed entry object. */
export function isEntry(v: unknown): v is LogEntry {
  return typeof v === 'object' && v !== null && typeof (v as { key?: unknown }).key === 'string';
}

/** The winning (rightmost live) entry object of every key. */
export function latestEntries(yarray: Y.Array<unknown>): Map<string, LogEntry> {
  const out = new Map<string, LogEntry>();
  const vals = yarray.toArray();
  for (let i = vals.length - 1; i >= 0; i--) {
    const v = vals[i];
    if (isEntry(v) && !out.has(v.key)) out.set(v.key, v);
  }
  return out;
}

/** Key-value access to a YKeyValue-format array; see the module comment. */
export class KeyedLog {
  /** Entry objects this instance wrote (identity survives in Yjs content while the entry lives). */
  private readonly mine = new WeakSet<object>();

  constructor(readonly yarray: Y.Array<unknown>) {
    if (yarray.doc === null) throw new Error('KeyedLog: the array must belong to a Y.Doc');
    yarray.observe(this.dedupe);
  }

  private get doc(): Y.Doc {
    return this.yarray.doc as Y.Doc;
  }

  /** The current value of `key`, unvalidated, or `undefined`. */
  get(key: string): unknown {
    const vals = this.yarray.toArray();
    for (let i = vals.length - 1; i >= 0; i--) {
      const v = vals[i];
      if (isEntry(v) && v.key === key) return v.val;
    }
    return undefined;
  }

  /** Every key's current value, unvalidated. */
  entries(): Map<string, unknown> {
    const out = new Map<string, unknown>();
    for (const [k, e] of latestEntries(this.yarray)) out.set(k, e.val);
    return out;
  }

  /** Writes `val` (a JSON value, never a Y type) under `key`. */
  set(key: string, val: unknown): void {
    this.doc.transact(() => {
      const vals = this.yarray.toArray();
      let anchor = -1;
      for (let i = vals.length - 1; i >= 0; i--) {
        if (this.mine.has(vals[i] as object)) {
          anchor = i;
          break;
        }
      }
      const entry: LogEntry = { key, val };
      this.mine.add(entry);
      // Insert first (so the chain anchors on our live entry), then delete the key's older entries.
      if (anchor < 0) this.yarray.push([entry]);
      else this.yarray.insert(anchor + 1, [entry]);
      for (let i = vals.length - 1; i >= 0; i--) {
        const v = vals[i];
        if (isEntry(v) && v.key === key) this.yarray.delete(anchor >= 0 && i > anchor ? i + 1 : i, 1);
      }
    });
  }

  /** Deletes every entry of the given keys. */
  deleteKeys(keys: ReadonlySet<string>): void {
    if (keys.size === 0) return;
    this.doc.transact(() => {
      const vals = this.yarray.toArray();
      for (let i = vals.length - 1; i >= 0; i--) {
        const v = vals[i];
        if (isEntry(v) && keys.has(v.key)) this.yarray.delete(i, 1);
      }
    });
  }

  /** Stops deduplicating. */
  destroy(): void {
    this.yarray.unobserve(this.dedupe);
  }

  private readonly dedupe = (event: Y.YArrayEvent<unknown>): void => {
    const keys = new Set<string>();
    for (const item of event.changes.added) {
      for (const c of item.content.getContent()) if (isEntry(c)) keys.add(c.key);
    }
    if (keys.size === 0) return;
    const vals = this.yarray.toArray();
    const seen = new Set<string>();
    const losers: number[] = [];
    for (let i = vals.length - 1; i >= 0; i--) {
      const v = vals[i];
      if (!isEntry(v) || !keys.has(v.key)) continue;
      if (seen.has(v.key)) losers.push(i);
      else seen.add(v.key);
    }
    if (losers.length === 0) return;
    // `losers` is in descending index order, so each delete leaves the others' indices valid.
    this.doc.transact(() => {
      for (const i of losers) this.yarray.delete(i, 1);
    }, DEDUPE_ORIGIN);
  };
}
