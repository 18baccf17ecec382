import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULTS } from '../config.js';
import type { Logger } from '../http/log.js';
import { Metrics } from '../http/metrics.js';
import { SqliteStore } from '../storage/sqlite/room-store.js';
import type { Store } from '../storage/store.js';
import { updateMessage, type AwarenessEntry } from '../sync/protocol.js';
import type { Peer } from '../sync/room.js';
import { Rooms } from '../sync/rooms.js';
import { InProcessFanout } from './in-process.js';

const silent: Logger = { info() {}, warn() {}, error() {} };
const config = { ...DEFAULTS, quiet: true };

/** A connection that records what the room sends it, decoded far enough to assert on. */
class FakePeer implements Peer {
  static next = 1;
  readonly id = FakePeer.next++;
  readonly got: ({ type: 'step1' } | { type: 'update'; update: Uint8Array } | { type: 'awareness'; entries: AwarenessEntry[] })[] = [];
  constructor(readonly events: string[] = []) {}
  send(message: Uint8Array): void {
    const d = decoding.createDecoder(message);
    const kind = decoding.readVarUint(d);
    if (kind === 0) {
      const step = decoding.readVarUint(d);
      if (step === 0) this.got.push({ type: 'step1' });
      else this.got.push({ type: 'update', update: decoding.readVarUint8Array(d) });
    } else if (kind === 1) {
      const a = decoding.createDecoder(decoding.readVarUint8Array(d));
      const entries: AwarenessEntry[] = [];
      for (let n = decoding.readVarUint(a); n > 0; n--) entries.push({ clientID: decoding.readVarUint(a), clock: decoding.readVarUint(a), json: decoding.readVarString(a) });
      this.got.push({ type: 'awareness', entries });
    }
    this.events.push(`send:${this.id}`);
  }
  close(): void {}
  canWrite(): boolean {
    return true;
  }
  refusal(): string {
    return '';
  }
  updates(): Uint8Array[] {
    return this.got.flatMap((m) => (m.type === 'update' ? [m.update] : []));
  }
  awareness(): AwarenessEntry[] {
    return this.got.flatMap((m) => (m.type === 'awareness' ? m.entries : []));
  }
}

function anUpdate(key: string, value: unknown): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(key, value);
  const u = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return u;
}

const open: { rooms: Rooms[]; stores: Store[] } = { rooms: [], stores: [] };
afterEach(async () => {
  for (const r of open.rooms.splice(0)) await r.unloadAll();
  for (const s of open.stores.splice(0)) await s.close();
});

/** Everything the room queued before now has run (its updates stored and sent). */
const settled = (room: { queue(fn: () => void): Promise<void> }): Promise<void> => room.queue(() => {});

/** Two holders of the same rooms, as two server instances would be: one store, one fan-out. */
function twoHolders(events: string[] = []): { fanout: InProcessFanout; store: Store; a: Rooms; b: Rooms } {
  const sqlite = new SqliteStore(':memory:');
  const store: Store = {
    shared: false,
    load: (r) => sqlite.load(r),
    loadSince: (r, after) => sqlite.loadSince(r, after),
    loadMany: (rs) => sqlite.loadMany(rs),
    append: (r, u) => {
      events.push('append');
      return sqlite.append(r, u);
    },
    compact: (r, s, upto) => sqlite.compact(r, s, upto),
    refuseClient: (r, c, k) => sqlite.refuseClient(r, c, k),
    deleteRoom: (r) => sqlite.deleteRoom(r),
    listRooms: () => sqlite.listRooms(),
    heads: (rs) => sqlite.heads(rs),
    isOpen: () => sqlite.isOpen(),
    close: () => sqlite.close(),
  };
  const fanout = new InProcessFanout();
  const metrics = () => new Metrics({ connections: () => 0, rooms: () => 0 });
  const a = new Rooms(store, fanout, config, metrics(), silent);
  const b = new Rooms(store, fanout, config, metrics(), silent);
  open.rooms.push(a, b);
  open.stores.push(store);
  return { fanout, store, a, b };
}

describe('in-process fan-out', () => {
  it('one holder: an update is stored, then sent to the other connections, and nothing else hears it', async () => {
    const events: string[] = [];
    const sqlite = new SqliteStore(':memory:');
    open.stores.push(sqlite);
    const fanout = new InProcessFanout();
    const rooms = new Rooms(sqlite, fanout, config, new Metrics({ connections: () => 0, rooms: () => 0 }), silent);
    open.rooms.push(rooms);
    const p1 = new FakePeer(events);
    const p2 = new FakePeer(events);
    const room = await rooms.join('r', p1);
    await rooms.join('r', p2);
    expect(fanout.holders('r')).toBe(1);
    const append = sqlite.append.bind(sqlite);
    sqlite.append = (r, u) => (events.push('append'), append(r, u));
    events.length = 0;
    room.receive(p1, updateMessage(anUpdate('k', 1)));
    await settled(room);
    expect(events).toEqual(['append', `send:${p2.id}`]);
    expect(p1.updates()).toHaveLength(0);
    expect(p2.updates()).toHaveLength(1);
  });

  it('two holders: a connection’s update reaches the other holder’s connections, stored once, after the store', async () => {
    const events: string[] = [];
    const { fanout, store, a, b } = twoHolders(events);
    const a1 = new FakePeer(events);
    const b1 = new FakePeer(events);
    const ra = await a.join('r', a1);
    const rb = await b.join('r', b1);
    expect(fanout.holders('r')).toBe(2);
    events.length = 0;
    ra.receive(a1, updateMessage(anUpdate('k', 'from a')));
    await settled(ra);
    expect(events).toEqual(['append', `send:${b1.id}`]);
    expect((await store.load('r')).updates).toHaveLength(1);
    expect(rb.doc.getMap('m').get('k')).toBe('from a');
    expect(b1.updates()).toHaveLength(1);
    expect(a1.updates()).toHaveLength(0);
  });

  it('two holders: the server’s own change on one is stored once and reaches both holders’ connections', async () => {
    const { store, a, b } = twoHolders();
    const a1 = new FakePeer();
    const b1 = new FakePeer();
    await a.join('r', a1);
    const rb = await b.join('r', b1);
    await a.change('r', (doc) => doc.getMap('m').set('k', 'server'));
    expect((await store.load('r')).updates).toHaveLength(1);
    expect(rb.doc.getMap('m').get('k')).toBe('server');
    expect(a1.updates()).toHaveLength(1);
    expect(b1.updates()).toHaveLength(1);
  });

  it('two holders: awareness crosses, greets a newcomer, keeps its owner, and leaves with its connection', async () => {
    const { a, b } = twoHolders();
    const a1 = new FakePeer();
    const b1 = new FakePeer();
    const ra = await a.join('r', a1);
    const rb = await b.join('r', b1);
    ra.receive(a1, { type: 'awareness', entries: [{ clientID: 7, clock: 1, json: '{"user":"a1"}' }] });
    expect(b1.awareness()).toEqual([{ clientID: 7, clock: 1, json: '{"user":"a1"}' }]);
    const b2 = new FakePeer();
    await b.join('r', b2);
    expect(b2.awareness()).toEqual([{ clientID: 7, clock: 1, json: '{"user":"a1"}' }]);
    // b1 cannot take over a client ID announced on the other holder.
    rb.receive(b1, { type: 'awareness', entries: [{ clientID: 7, clock: 5, json: '{"user":"impostor"}' }] });
    expect(b2.awareness()).toHaveLength(1);
    expect(a1.awareness()).toEqual([]);
    a.leave(ra, a1);
    expect(b1.awareness().at(-1)).toEqual({ clientID: 7, clock: 2, json: 'null' });
    expect(rb.awarenessSize).toBe(0);
  });

  it('an unloaded room stops holding: its channel is closed', async () => {
    const { fanout, a, b } = twoHolders();
    const ra = await a.join('r', new FakePeer());
    await b.join('r', new FakePeer());
    await a.unload(ra);
    expect(fanout.holders('r')).toBe(1);
    await b.unloadAll();
    expect(fanout.holders('r')).toBe(0);
  });
});
