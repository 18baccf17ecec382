import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { scanSteps, SCAN_STEPS_PER_UNIT } from './conflicts.js';
import { readUpdateShape } from './update-shape.js';

/** The default struct budget's worth of scan steps. */
const LIMIT = 10_000 * SCAN_STEPS_PER_UNIT;

function steps(doc: Y.Doc, update: Uint8Array): number {
  return scanSteps(readUpdateShape(update), doc, LIMIT);
}

function timeApply(doc: Y.Doc, update: Uint8Array): number {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const t0 = performance.now();
  Y.applyUpdate(copy, update);
  return performance.now() - t0;
}

/**
 * `n` clients each set `key` of map 'm' without having seen each other: one update, written
 * by hand (merging 20,000 one-struct updates with Y.mergeUpdates takes half a minute).
 */
function concurrentFirstSets(n: number, key = 'k', base = 1000): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, n);
  for (let i = n - 1; i >= 0; i--) {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, base + i);
    encoding.writeVarUint(e, 0);
    encoding.writeUint8(e, 32 | 8); // parentSub, ContentAny; no origins: parent info follows
    encoding.writeVarUint(e, 1);
    encoding.writeVarString(e, 'm');
    encoding.writeVarString(e, key);
    encoding.writeVarUint(e, 1);
    encoding.writeAny(e, i);
  }
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}

describe('conflict-scan steps', () => {
  it('are zero or a few for what stock clients send: new keys, overwrites, appends, typing', () => {
    const server = new Y.Doc();
    const a = new Y.Doc();
    const b = new Y.Doc();
    let worst = 0;
    const send = (from: Y.Doc, edit: () => void): void => {
      const sv = Y.encodeStateVector(from);
      edit();
      const u = Y.encodeStateAsUpdate(from, sv);
      worst = Math.max(worst, steps(server, u));
      Y.applyUpdate(server, u);
      for (const d of [a, b]) if (d !== from) Y.applyUpdate(d, Y.encodeStateAsUpdate(server, Y.encodeStateVector(d)));
    };
    for (let i = 0; i < 200; i++) {
      const d = i % 2 === 0 ? a : b;
      send(d, () => {
        const note = new Y.Map<unknown>();
        d.getMap('notes').set(`n${i}`, note);
        note.set('x', i);
        note.set('text', new Y.Text('hej'));
        d.getArray('order').push([`n${i}`]);
      });
      send(d, () => (d.getMap('notes').get(`n${i >> 1}`) as Y.Map<unknown>).set('x', i * 2));
      send(d, () => ((d.getMap('notes').get(`n${i >> 1}`) as Y.Map<unknown>).get('text') as Y.Text).insert(1, 'x'));
    }
    expect(worst).toBeLessThanOrEqual(2);
  });

  it('count what concurrent edits at one place cost, within one update', () => {
    expect(steps(new Y.Doc(), concurrentFirstSets(10))).toBe(45);
    expect(steps(new Y.Doc(), concurrentFirstSets(20_000))).toBeGreaterThan(LIMIT);
  });

  it('count a key\'s history walked by a first-set, across updates', () => {
    const server = new Y.Doc();
    // 100 updates of 20 concurrent first-sets each: the key's history grows to 2,000 items.
    for (let u = 0; u < 100; u++) Y.applyUpdate(server, concurrentFirstSets(20, 'k', 10_000 + u * 20));
    const next = concurrentFirstSets(200, 'k', 900_000);
    expect(steps(server, next)).toBeGreaterThan(LIMIT);
    expect(steps(server, concurrentFirstSets(2, 'k', 800_000))).toBeGreaterThan(2 * 2_000);
  }, 30_000);

  it('bound Yjs\'s own time: what passes the default budget integrates in well under a second, what takes long does not pass', () => {
    const cases: { name: string; doc: Y.Doc; update: Uint8Array }[] = [];
    cases.push({ name: '5,000 concurrent first-sets of one key', doc: new Y.Doc(), update: concurrentFirstSets(5_000) });
    cases.push({ name: '1,000 concurrent first-sets of one key', doc: new Y.Doc(), update: concurrentFirstSets(1_000) });
    const long = new Y.Doc();
    for (let u = 0; u < 100; u++) Y.applyUpdate(long, concurrentFirstSets(20, 'k', 10_000 + u * 20));
    cases.push({ name: '200 first-sets on a 2,000-long key history', doc: long, update: concurrentFirstSets(200, 'k', 900_000) });
    cases.push({ name: '5 first-sets on a 2,000-long key history', doc: long, update: concurrentFirstSets(5, 'k', 800_000) });
    for (const c of cases) {
      const s = steps(c.doc, c.update);
      const ms = timeApply(c.doc, c.update);
      console.log(`${c.name}: ${s > LIMIT ? 'over the limit' : s + ' steps'}, Yjs ${ms.toFixed(1)} ms`);
      if (s <= LIMIT) expect(ms, c.name).toBeLessThan(500);
      if (ms > 500) expect(s, c.name).toBeGreaterThan(LIMIT);
    }
  }, 30_000);
});
