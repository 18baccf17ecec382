import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { decodeClientMessage, encodeAwarenessEntries, ProtocolError, TooManyStructs } from '../../server/sync/protocol.js';
import { readUpdateShape } from '../../server/sync/update-shape.js';
import { TokenBucket } from '../../server/sync/limits.js';

function msg(...parts: Array<(e: encoding.Encoder) => void>): Uint8Array {
  const e = encoding.createEncoder();
  for (const p of parts) p(e);
  return encoding.toUint8Array(e);
}

describe('decodeClientMessage', () => {
  it('reads sync step 1, step 2 and updates as the stock client writes them', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('a', 1);
    const sv = Y.encodeStateVector(doc);
    const up = Y.encodeStateAsUpdate(doc);
    expect(decodeClientMessage(msg((e) => encoding.writeVarUint(e, 0), (e) => encoding.writeVarUint(e, 0), (e) => encoding.writeVarUint8Array(e, sv)))).toEqual({ type: 'sync-step1', stateVector: sv });
    expect(decodeClientMessage(msg((e) => encoding.writeVarUint(e, 0), (e) => encoding.writeVarUint(e, 1), (e) => encoding.writeVarUint8Array(e, up)))).toEqual({ type: 'sync-step2', update: up, shape: readUpdateShape(up) });
    expect(decodeClientMessage(msg((e) => encoding.writeVarUint(e, 0), (e) => encoding.writeVarUint(e, 2), (e) => encoding.writeVarUint8Array(e, up)))).toEqual({ type: 'update', update: up, shape: readUpdateShape(up) });
    expect(decodeClientMessage(new Uint8Array([3]))).toEqual({ type: 'query-awareness' });
  });

  it('reads awareness updates written by y-protocols, and our encoding round-trips', () => {
    const doc = new Y.Doc();
    const aw = new Awareness(doc);
    aw.setLocalState({ user: { name: 'Ærø <b>' } });
    const u = encodeAwarenessUpdate(aw, [doc.clientID]);
    const m = decodeClientMessage(msg((e) => encoding.writeVarUint(e, 1), (e) => encoding.writeVarUint8Array(e, u)));
    expect(m.type).toBe('awareness');
    if (m.type !== 'awareness') return;
    expect(m.entries).toHaveLength(1);
    expect(JSON.parse(m.entries[0]!.json)).toEqual({ user: { name: 'Ærø <b>' } });
    expect(encodeAwarenessEntries(m.entries)).toEqual(u);
    aw.destroy();
  });

  it('refuses an update over the struct budget after reading no more than the budget', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      for (let i = 0; i < 50; i++) doc.getMap('m').set(`k${i}`, i);
    });
    const up = Y.encodeStateAsUpdate(doc);
    const m = msg((e) => encoding.writeVarUint(e, 0), (e) => encoding.writeVarUint(e, 2), (e) => encoding.writeVarUint8Array(e, up));
    expect(() => decodeClientMessage(m, 49)).toThrow(TooManyStructs);
    expect(decodeClientMessage(m, 50).type).toBe('update');
  });

  it('throws ProtocolError for every broken shape', () => {
    const bad = [
      new Uint8Array(),
      new Uint8Array([0]),
      new Uint8Array([0, 2]),
      new Uint8Array([0, 2, 10, 1]),
      new Uint8Array([0, 0, 3, 0xff, 0xff, 0xff]),
      new Uint8Array([1, 2, 1, 5]),
      new Uint8Array([2, 0]),
      new Uint8Array([0x80]),
    ];
    for (const b of bad) expect(() => decodeClientMessage(b), String(b)).toThrow(ProtocolError);
  });

  it('refuses awareness states that are not JSON objects', () => {
    for (const state of ['42', '"s"', '[1]', '{bad']) {
      const inner = msg((e) => encoding.writeVarUint(e, 1), (e) => encoding.writeVarUint(e, 7), (e) => encoding.writeVarUint(e, 1), (e) => encoding.writeVarString(e, state));
      expect(() => decodeClientMessage(msg((e) => encoding.writeVarUint(e, 1), (e) => encoding.writeVarUint8Array(e, inner)))).toThrow(/malformed awareness state/);
    }
  });
});

describe('TokenBucket', () => {
  it('allows a burst, then the sustained rate', () => {
    let now = 0;
    const b = new TokenBucket(10, 20, () => now);
    let ok = 0;
    for (let i = 0; i < 30; i++) if (b.take()) ok++;
    expect(ok).toBe(20);
    now += 500; // half a second: 5 more
    ok = 0;
    for (let i = 0; i < 30; i++) if (b.take()) ok++;
    expect(ok).toBe(5);
  });
});
