/**
 * Hand-made Yjs updates and y-websocket messages for hostile-input tests: what no stock client
 * sends, written byte by byte in the V1 update format (see server/sync/update-shape.ts).
 */
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { Client } from './harness.js';

/** A y-websocket sync message (0 step 1, 1 step 2, 2 update) carrying `payload`. */
export function syncMessage(step: 0 | 1 | 2, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** An awareness message announcing `entries`. */
export function awarenessMessage(entries: { clientID: number; clock: number; state: unknown }[]): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const en of entries) {
    encoding.writeVarUint(inner, en.clientID);
    encoding.writeVarUint(inner, en.clock);
    encoding.writeVarString(inner, JSON.stringify(en.state));
  }
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

/** One struct of `client` at `clock` whose origin is `origin` (its parent follows from the origin). */
export function structAfter(client: number, clock: number, origin: { client: number; clock: number }, value: unknown): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, clock);
  encoding.writeUint8(e, 128 | 8); // origin, ContentAny
  encoding.writeVarUint(e, origin.client);
  encoding.writeVarUint(e, origin.clock);
  encoding.writeVarUint(e, 1);
  encoding.writeAny(e, value as never);
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}

/** One map entry `key: value` in root map `map`, as struct `client:clock` (no origin: a new key). */
export function mapEntry(client: number, clock: number, map: string, key: string, value: unknown): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, clock);
  encoding.writeUint8(e, 32 | 8); // parentSub, ContentAny
  encoding.writeVarUint(e, 1);
  encoding.writeVarString(e, map);
  encoding.writeVarString(e, key);
  encoding.writeVarUint(e, 1);
  encoding.writeAny(e, value as never);
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}

/** An update with no structs whose delete set names `ranges` single items of `client` that do not exist. */
export function poisonedDeleteSet(client: number, ranges: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, ranges);
  for (let i = 0; i < ranges; i++) {
    encoding.writeVarUint(e, 1_000_000 + i * 2);
    encoding.writeVarUint(e, 1);
  }
  return encoding.toUint8Array(e);
}

/** An update setting `n` keys of map `m` in one transaction (n structs). */
export function manyEntries(n: number, prefix = 'k'): Uint8Array {
  const d = new Y.Doc();
  d.transact(() => {
    for (let i = 0; i < n; i++) d.getMap('m').set(`${prefix}${i}`, i);
  });
  const u = Y.encodeStateAsUpdate(d);
  d.destroy();
  return u;
}

/** A raw socket's next close, with its code and reason. */
export function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

/** Does any value in the document's map `name` (deeply) equal `needle`? */
export function holds(doc: Y.Doc, name: string, needle: unknown): boolean {
  return JSON.stringify(doc.getMap(name).toJSON()).includes(JSON.stringify(needle));
}

/** One round trip: `a` writes a key of map 'rt', resolved when `b` has it. Milliseconds. */
export function roundTrip(a: Client, b: Client, key: string): Promise<number> {
  const map = b.doc.getMap('rt');
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`round trip ${key} timed out`)), 10_000);
    const check = (): void => {
      if (!map.has(key)) return;
      clearTimeout(timer);
      map.unobserve(check);
      resolve(performance.now() - t0);
    };
    map.observe(check);
    a.doc.getMap('rt').set(key, 1);
  });
}

export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
}
