/**
 * Hostile participants (issue 10), against a real server with stock clients and hand-made
 * updates: the server never holds what it cannot integrate, never applies a write from a
 * connection that may not write, and each budget refuses with its own close code while the
 * room goes on for everyone else.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CreatedWorkshopResponse } from '../../src/workshop/api.js';
import { connect, rawSocket, removeDir, startTestServer, synced, until, type Client } from './harness.js';
import { awarenessMessage, closed, holds, manyEntries, mapEntry, percentile, poisonedDeleteSet, roundTrip, structAfter, syncMessage } from './hand-made.js';
import { call, connectWithToken, createWorkshop } from './workshop-helpers.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** The room as a fresh client would get it: the server's state in a new document. */
async function served(server: Server, room: string): Promise<Y.Doc> {
  const d = new Y.Doc();
  Y.applyUpdate(d, await server.rooms.state(room));
  return d;
}

describe('a reader cannot write, and nothing pending is ever held', () => {
  let server: Server;
  let w: CreatedWorkshopResponse;
  const clients: Client[] = [];
  const dataDir = () => server.config.dataDir;
  beforeAll(async () => {
    server = await startTestServer();
    w = await createWorkshop(server.url, 2, ['kaedeansvar']);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.close();
    removeDir(dataDir());
  });

  async function restart(): Promise<void> {
    for (const c of clients.splice(0)) c.destroy();
    const dir = dataDir();
    await server.close();
    server = await startTestServer({ dataDir: dir });
  }

  it('a reader\'s struct whose origin is the writer\'s next id never lands, not even when the writer writes that id', async () => {
    const room = w.groups[0]!.room;
    const writer = connectWithToken(server.url, room, w.groups[0]!.token);
    const watcher = connectWithToken(server.url, room, w.facilitatorToken);
    clients.push(writer, watcher);
    await Promise.all([synced(writer), synced(watcher)]);
    writer.doc.getMap('probe').set('x', 'first');
    await until(() => watcher.doc.getMap('probe').get('x') === 'first');
    const next = { client: writer.doc.clientID, clock: Y.getState(writer.doc.store, writer.doc.clientID) };

    // The plenum only reads. Its injected struct hangs on the writer's next clock.
    const reader = rawSocket(server.url, `/sync/${room}?token=${w.plenumToken}`);
    await reader.opened;
    reader.ws.send(syncMessage(2, structAfter(777_001, 0, next, 'injected')));
    expect(await closed(reader.ws)).toMatchObject({ code: 4501, reason: expect.stringMatching(/write refused: read-only/) });
    // A writer sending the same is refused too: it cannot be integrated.
    const raw = rawSocket(server.url, `/sync/${room}?token=${w.facilitatorToken}`);
    await raw.opened;
    raw.ws.send(syncMessage(2, structAfter(777_002, 0, next, 'injected')));
    expect(await closed(raw.ws)).toEqual({ code: 4500, reason: 'update cannot be integrated, resync' });

    // The writer's next edit uses that very id.
    writer.doc.getMap('probe').set('x', 'second');
    await until(() => watcher.doc.getMap('probe').get('x') === 'second');
    writer.doc.getMap('probe').set('y', 'third');
    await until(() => watcher.doc.getMap('probe').get('y') === 'third');
    for (const d of [writer.doc, watcher.doc, await served(server, room)]) expect(holds(d, 'probe', 'injected')).toBe(false);
    const fresh = connectWithToken(server.url, room, w.facilitatorToken);
    clients.push(fresh);
    await synced(fresh);
    expect(fresh.doc.getMap('probe').toJSON()).toMatchObject({ x: 'second', y: 'third' });
    expect(holds(fresh.doc, 'probe', 'injected')).toBe(false);
    expect(server.rooms.peek(room)?.doc.store.pendingStructs).toBeNull();

    await restart();
    const after = connectWithToken(server.url, room, w.facilitatorToken);
    clients.push(after);
    await synced(after);
    expect(after.doc.getMap('probe').toJSON()).toMatchObject({ x: 'second', y: 'third' });
    expect(holds(after.doc, 'probe', 'injected')).toBe(false);
  });

  it('a reader that forges the writer\'s own next struct is refused, and the writer\'s real one lands', async () => {
    const room = w.groups[1]!.room;
    const writer = connectWithToken(server.url, room, w.groups[1]!.token);
    const watcher = connectWithToken(server.url, room, w.facilitatorToken);
    clients.push(writer, watcher);
    await Promise.all([synced(writer), synced(watcher)]);
    writer.doc.getMap('probe').set('a', 1);
    await until(() => watcher.doc.getMap('probe').get('a') === 1);
    const clock = Y.getState(writer.doc.store, writer.doc.clientID);
    const reader = rawSocket(server.url, `/sync/${room}?token=${w.plenumToken}`);
    await reader.opened;
    reader.ws.send(syncMessage(2, mapEntry(writer.doc.clientID, clock, 'probe', 'forged', 'injected')));
    expect((await closed(reader.ws)).code).toBe(4501);
    // The writer's id is owned by its connection: the reader could not burn it.
    writer.doc.getMap('probe').set('b', 2);
    await until(() => watcher.doc.getMap('probe').get('b') === 2);
    expect(writer.closes.filter((c) => c.code >= 4500)).toEqual([]);
    for (const d of [writer.doc, watcher.doc, await served(server, room)]) {
      expect(d.getMap('probe').has('forged')).toBe(false);
      expect(holds(d, 'probe', 'injected')).toBe(false);
    }
  });

  it('a write made while locked never lands: not after the lock lifts, not in a fresh client, not after a restart', async () => {
    const room = w.groups[0]!.room;
    const participant = connectWithToken(server.url, room, w.groups[0]!.token);
    const watcher = connectWithToken(server.url, room, w.facilitatorToken);
    clients.push(participant, watcher);
    await Promise.all([synced(participant), synced(watcher)]);
    await call(server.url, 'POST', `/api/workshops/${w.id}/lock`, { token: w.facilitatorToken, body: { locked: true } });
    participant.doc.getMap('probe').set('locked-write', 'injected');
    await until(() => participant.closes.some((c) => c.code === 4501));
    await call(server.url, 'POST', `/api/workshops/${w.id}/lock`, { token: w.facilitatorToken, body: { locked: false } });
    // The stock client resends it on every resync; each time it is refused (its id is burned).
    const n = participant.closes.length;
    await until(() => participant.closes.length > n + 1, 10_000, 'two more refusals after the lock lifted');
    watcher.doc.getMap('probe').set('after-unlock', 1);
    await until(async () => (await served(server, room)).getMap('probe').get('after-unlock') === 1);
    expect((await served(server, room)).getMap('probe').has('locked-write')).toBe(false);
    expect(watcher.doc.getMap('probe').has('locked-write')).toBe(false);
    const held = Y.encodeStateAsUpdate(participant.doc);
    await restart();
    // After a restart the burned id is still refused: it is stored with the room.
    const again = connectWithToken(server.url, room, w.groups[0]!.token);
    clients.push(again);
    Y.applyUpdate(again.doc, held);
    await until(() => again.closes.some((c) => c.code === 4501), 10_000, 'the resent write to be refused after the restart');
    const fresh = connectWithToken(server.url, room, w.facilitatorToken);
    clients.push(fresh);
    await synced(fresh);
    expect(fresh.doc.getMap('probe').get('after-unlock')).toBe(1);
    expect(fresh.doc.getMap('probe').has('locked-write')).toBe(false);
  });
});

describe('a poisoned delete set', () => {
  let server: Server;
  let big: Server;
  let a: Client;
  let b: Client;
  beforeAll(async () => {
    server = await startTestServer();
    // A server whose struct budget lets the whole delete set through to the integrability check.
    big = await startTestServer({ maxUpdateStructs: 1_000_000, structsPerSecond: 1_000_000, structsPerAddressPerSecond: 1_000_000 });
    a = connect(big.url, 'poison');
    b = connect(big.url, 'poison');
    await Promise.all([synced(a), synced(b)]);
  });
  afterAll(async () => {
    a.destroy();
    b.destroy();
    for (const s of [server, big]) {
      await s.close();
      removeDir(s.config.dataDir);
    }
  });

  it('of 1.5 MB naming 380,000 items that do not exist is refused, and the room\'s round trip stays under 5 ms', async () => {
    const poison = poisonedDeleteSet(424242, 380_000);
    expect(poison.byteLength).toBeGreaterThan(1_400_000);
    const warm: number[] = [];
    for (let i = 0; i < 20; i++) warm.push(await roundTrip(a, b, `before-${i}`));

    const raw = rawSocket(big.url, '/sync/poison');
    await raw.opened;
    raw.ws.send(syncMessage(2, poison));
    expect(await closed(raw.ws)).toEqual({ code: 4500, reason: 'update cannot be integrated, resync' });
    const room = big.rooms.peek('poison')!;
    expect(room.doc.store.pendingDs).toBeNull();
    expect((await big.store.load('poison')).updates.every((u) => u.byteLength < 100_000)).toBe(true);

    const times: number[] = [];
    for (let i = 0; i < 40; i++) times.push(await roundTrip(a, b, `after-${i}`));
    console.log(`poisoned delete set refused; round trip before p50 ${percentile(warm, 50).toFixed(2)} ms, after p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms`);
    expect(percentile(times, 50)).toBeLessThan(5);
    // A fresh client inherits nothing of it.
    const c = connect(big.url, 'poison');
    await synced(c);
    expect(c.doc.store.pendingDs).toBeNull();
    c.destroy();
  });

  it('is refused at the default struct budget before anything reads it whole (4504)', async () => {
    const raw = rawSocket(server.url, '/sync/poison');
    await raw.opened;
    raw.ws.send(syncMessage(2, poisonedDeleteSet(424242, 380_000)));
    expect(await closed(raw.ws)).toEqual({ code: 4504, reason: `change too large: limit ${server.config.maxUpdateStructs} structs` });
  });
});

describe('an update that depends on one the server has not seen', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
    removeDir(server.config.dataDir);
  });

  it('is refused (4500), and the stock client converges after its resync', async () => {
    const writer = connect(server.url, 'order');
    const reader = connect(server.url, 'order');
    await Promise.all([synced(writer), synced(reader)]);
    const closes: number[] = [];
    writer.provider.on('connection-close', (e: CloseEvent | null) => e && closes.push(e.code));
    // Someone else's edit reaches the writer by another way than the server (origin = the
    // provider, so the provider does not send it on)…
    const other = new Y.Doc();
    other.getArray('list').insert(0, ['first']);
    Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(other), writer.provider);
    // …and the writer's next edit depends on it.
    writer.doc.getArray('list').insert(1, ['second']);
    await until(() => closes.includes(4500), 5000, 'the out-of-order update to be refused');
    await until(() => reader.doc.getArray('list').toJSON().join() === 'first,second', 10_000, 'the reader to converge');
    expect((await served(server, 'order')).getArray('list').toJSON()).toEqual(['first', 'second']);
    writer.destroy();
    reader.destroy();
  });
});

describe('budgets refuse with their own close code, and the room goes on', () => {
  const servers: Server[] = [];
  const clients: Client[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const s of servers.splice(0)) {
      await s.close();
      removeDir(s.config.dataDir);
    }
  });

  async function roomWith(overrides: Parameters<typeof startTestServer>[0]): Promise<{ server: Server; a: Client; b: Client }> {
    const server = await startTestServer(overrides);
    servers.push(server);
    const a = connect(server.url, 'budget');
    const b = connect(server.url, 'budget');
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    return { server, a, b };
  }

  async function goesOn(a: Client, b: Client, tag: string): Promise<void> {
    await roundTrip(a, b, tag);
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
  }

  async function sendRaw(server: Server, messages: Uint8Array[]): Promise<{ code: number; reason: string }> {
    const raw = rawSocket(server.url, '/sync/budget');
    await raw.opened;
    const done = closed(raw.ws);
    for (const m of messages) raw.ws.send(m);
    return done;
  }

  it('structs per update: 4504', async () => {
    const { server, a, b } = await roomWith({ maxUpdateStructs: 1000 });
    expect(await sendRaw(server, [syncMessage(2, manyEntries(1001))])).toEqual({ code: 4504, reason: 'change too large: limit 1000 structs' });
    await goesOn(a, b, 'after-4504');
    expect(b.doc.getMap('m').size).toBe(0);
  });

  it('structs per update counts Yjs\'s conflict scans: 2,000 first-sets of one key from 2,000 client ids: 4504', async () => {
    const { server, a, b } = await roomWith({});
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 2000);
    for (let i = 2000; i > 0; i--) {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 500_000 + i);
      encoding.writeVarUint(e, 0);
      encoding.writeUint8(e, 32 | 8);
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, 'm');
      encoding.writeVarString(e, 'same-key');
      encoding.writeVarUint(e, 1);
      encoding.writeAny(e, i);
    }
    encoding.writeVarUint(e, 0);
    expect(await sendRaw(server, [syncMessage(2, encoding.toUint8Array(e))])).toEqual({ code: 4504, reason: `change too large: limit ${server.config.maxUpdateStructs} structs` });
    await goesOn(a, b, 'after-conflicts');
    expect(b.doc.getMap('m').has('same-key')).toBe(false);
  });

  it('bytes per board: 4502, and the board still takes deletions', async () => {
    const { server, a, b } = await roomWith({ maxBoardBytes: 64 * 1024 });
    a.doc.getMap('m').set('keep', 'x'.repeat(20_000));
    await until(() => b.doc.getMap('m').has('keep'));
    expect(await sendRaw(server, [syncMessage(2, (() => {
      const d = new Y.Doc();
      d.getMap('m').set('big', 'y'.repeat(50_000));
      return Y.encodeStateAsUpdate(d);
    })())])).toEqual({ code: 4502, reason: `board full: limit ${64 * 1024} bytes` });
    await goesOn(a, b, 'after-4502');
    b.doc.getMap('m').delete('keep');
    await until(() => !a.doc.getMap('m').has('keep'));
    expect((await served(server, 'budget')).getMap('m').has('big')).toBe(false);
  });

  it('items per board: 4503', async () => {
    const { server, a, b } = await roomWith({ maxBoardItems: 500 });
    a.doc.transact(() => {
      for (let i = 0; i < 400; i++) a.doc.getMap('m').set(`p${i}`, i);
    });
    await until(() => b.doc.getMap('m').size === 400, 5000, 'the first 400 items');
    expect(await sendRaw(server, [syncMessage(2, manyEntries(200, 'q'))])).toEqual({ code: 4503, reason: 'board full: limit 500 items' });
    await goesOn(a, b, 'after-4503');
  });

  it('presence: one client id per connection, its state capped (4505); echoes of others stay ignored', async () => {
    const { server, a, b } = await roomWith({ maxAwarenessBytes: 1024 });
    a.provider.awareness.setLocalStateField('user', { name: 'Anna' });
    await until(() => b.provider.awareness.getStates().has(a.doc.clientID));
    const raw = rawSocket(server.url, '/sync/budget');
    await raw.opened;
    raw.ws.send(awarenessMessage([{ clientID: 5001, clock: 1, state: { user: { name: 'one' } } }]));
    await until(() => b.provider.awareness.getStates().has(5001));
    // A second id, and 1,000 more, from the same connection: ignored.
    raw.ws.send(awarenessMessage(Array.from({ length: 1000 }, (_, i) => ({ clientID: 6000 + i, clock: 1, state: { user: { name: `extra ${i}` } } }))));
    // An echo of Anna's state with a newer clock: ignored as before.
    raw.ws.send(awarenessMessage([{ clientID: a.doc.clientID, clock: 99, state: { user: { name: 'Mallory' } } }]));
    await goesOn(a, b, 'after-extra-ids');
    expect([...b.provider.awareness.getStates().keys()].filter((id) => id >= 6000 && id < 7000)).toEqual([]);
    expect((b.provider.awareness.getStates().get(a.doc.clientID) as { user: { name: string } }).user.name).toBe('Anna');
    expect(server.metrics.writesRefused.get({ reason: 'further presence id' })).toBeGreaterThan(0);
    const done = closed(raw.ws);
    raw.ws.send(awarenessMessage([{ clientID: 5001, clock: 2, state: { pad: 'z'.repeat(2000) } }]));
    expect(await done).toEqual({ code: 4505, reason: 'presence state too large: limit 1024 bytes' });
    await until(() => !b.provider.awareness.getStates().has(5001), 5000, 'the closed connection\'s presence to go');
    await goesOn(a, b, 'after-4505');
  });

  it('presence bytes relayed per connection per second: 4510', async () => {
    const { server, a, b } = await roomWith({ awarenessBytesPerSecond: 4096 });
    const raw = rawSocket(server.url, '/sync/budget');
    await raw.opened;
    const done = closed(raw.ws);
    for (let i = 1; i <= 20; i++) raw.ws.send(awarenessMessage([{ clientID: 7001, clock: i, state: { pad: 'q'.repeat(1000) } }]));
    expect(await done).toEqual({ code: 4510, reason: 'presence changes too fast: limit 4096 bytes a second' });
    await goesOn(a, b, 'after-4510');
  });

  it('sync step 1 requests per connection per second: 4506', async () => {
    const { server, a, b } = await roomWith({});
    const step1 = syncMessage(0, Y.encodeStateVector(new Y.Doc()));
    expect(await sendRaw(server, Array.from({ length: 20 }, () => step1))).toEqual({ code: 4506, reason: `too many sync requests: limit ${server.config.syncRequestsPerSecond} a second` });
    await goesOn(a, b, 'after-4506');
  });

  it('structs per second per connection: 4507', async () => {
    const { server, a, b } = await roomWith({ maxUpdateStructs: 100, structsPerSecond: 100 });
    const updates = [0, 1, 2].map((i) => syncMessage(2, manyEntries(100, `s${i}-`)));
    expect(await sendRaw(server, updates)).toEqual({ code: 4507, reason: 'too many changes, slow down: limit 100 structs a second' });
    await goesOn(a, b, 'after-4507');
  });

  it('updates per address: 4508; and in total: 4509', async () => {
    const { server, a, b } = await roomWith({ updatesPerAddressPerSecond: 20 });
    const tiny = (i: number) => syncMessage(2, mapEntry(900_000 + i, 0, 'flood', 'k', i));
    expect(await sendRaw(server, Array.from({ length: 100 }, (_, i) => tiny(i)))).toEqual({ code: 4508, reason: 'too many updates from this address' });
    await new Promise((r) => setTimeout(r, 2100)); // the address's bucket refills
    await goesOn(a, b, 'after-4508');
    const total = await roomWith({ updatesPerSecond: 20 });
    expect(await sendRaw(total.server, Array.from({ length: 100 }, (_, i) => tiny(i)))).toEqual({ code: 4509, reason: 'server busy, try again' });
    await new Promise((r) => setTimeout(r, 2100));
    await goesOn(total.a, total.b, 'after-4509');
  });
});

describe('a board poisoned before the integrability check', () => {
  it('loses its pending parts when it loads, in the document, what clients are sent, and its compacted state', async () => {
    let server = await startTestServer({ offloadAboveBytes: 1024, compactAfterUpdates: 5 });
    const dir = server.config.dataDir;
    // What an older server stored: a big board, and a poisoned delete set and a dangling struct in its log.
    const d = new Y.Doc();
    d.getMap('m').set('big', 'x'.repeat(4000));
    server.store.append('old', Y.encodeStateAsUpdate(d));
    server.store.append('old', poisonedDeleteSet(424242, 10_000));
    server.store.append('old', structAfter(777_003, 0, { client: 999_999, clock: 5 }, 'dangling'));
    await server.close();
    server = await startTestServer({ dataDir: dir, offloadAboveBytes: 1024, compactAfterUpdates: 5 });
    const c = connect(server.url, 'old');
    await synced(c);
    await until(() => c.doc.getMap('m').has('big'));
    expect(c.doc.store.pendingDs).toBeNull();
    expect(c.doc.store.pendingStructs).toBeNull();
    const room = server.rooms.peek('old')!;
    expect(room.doc.store.pendingDs).toBeNull();
    expect(room.large).toBe(true);
    // Compaction by the worker writes a state without them.
    for (let i = 0; i < 10; i++) c.doc.getMap('m').set(`k${i}`, i);
    await until(async () => (await server.store.load('old')).snapshot !== null, 10_000, 'a compaction');
    const snap = new Y.Doc();
    Y.applyUpdate(snap, (await server.store.load('old')).snapshot!);
    expect(snap.store.pendingDs).toBeNull();
    expect(snap.store.pendingStructs).toBeNull();
    expect(snap.getMap('m').get('big')).toBe('x'.repeat(4000));
    c.destroy();
    await server.close();
    removeDir(dir);
  });
});

describe('large boards are encoded off the event loop', () => {
  it('a fresh client of a large board syncs from the worker; compaction runs there; nothing is lost across a restart', async () => {
    let server = await startTestServer({ offloadAboveBytes: 1024, compactAfterUpdates: 20 });
    const dir = server.config.dataDir;
    const a = connect(server.url, 'large');
    await synced(a);
    for (let i = 0; i < 60; i++) a.doc.getMap('m').set(`k${i}`, 'v'.repeat(100));
    const b = connect(server.url, 'large');
    await synced(b);
    await until(() => b.doc.getMap('m').size === 60);
    await until(() => server.metrics.compactions.get() > 0, 10_000, 'a compaction by the worker');
    expect(server.rooms.peek('large')!.large).toBe(true);
    a.destroy();
    b.destroy();
    await server.close();
    server = await startTestServer({ dataDir: dir, offloadAboveBytes: 1024 });
    const c = connect(server.url, 'large');
    await synced(c);
    await until(() => c.doc.getMap('m').size === 60);
    c.destroy();
    await server.close();
    removeDir(dir);
  });
});

describe('a failed append changes nothing any client can see', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startTestServer({ unloadAfterMs: 60_000 });
  });
  afterAll(async () => {
    await server.close();
    removeDir(server.config.dataDir);
  });

  it('a client\'s update: the room is dropped before anything is sent, and the write comes back with the resync', async () => {
    const a = connect(server.url, 'disk');
    const b = connect(server.url, 'disk');
    await Promise.all([synced(a), synced(b)]);
    const append = server.store.append.bind(server.store);
    server.store.append = () => {
      throw new Error('SQLITE_FULL: database or disk is full');
    };
    const seen: unknown[] = [];
    b.doc.getMap('m').observe(() => seen.push(b.doc.getMap('m').get('w')));
    a.doc.getMap('m').set('w', 'while full');
    await until(() => server.metrics.closes.get({ reason: 'storage failure' }) >= 2, 5000, 'both clients to be closed');
    expect(seen).toEqual([]);
    expect((await server.store.load('disk')).updates).toHaveLength(0);
    server.store.append = append;
    // a still holds its write and resends it once the store takes it again.
    await until(() => b.doc.getMap('m').get('w') === 'while full', 10_000, 'the write to arrive after the store recovered');
    expect((await served(server, 'disk')).getMap('m').get('w')).toBe('while full');
    a.destroy();
    b.destroy();
  });

  it('a change made by the server itself: refused with a StorageError, never seen, never stored', async () => {
    const a = connect(server.url, 'disk2');
    await synced(a);
    const append = server.store.append.bind(server.store);
    server.store.append = () => {
      throw new Error('SQLITE_FULL: database or disk is full');
    };
    await expect(server.rooms.change('disk2', (doc) => doc.getMap('m').set('server', 'while full'))).rejects.toThrow(/SQLITE_FULL/);
    server.store.append = append;
    await until(() => a.provider.wsconnected && a.provider.synced, 10_000, 'the client to reconnect');
    const fresh = connect(server.url, 'disk2');
    await synced(fresh);
    expect(fresh.doc.getMap('m').has('server')).toBe(false);
    expect(a.doc.getMap('m').has('server')).toBe(false);
    expect((await served(server, 'disk2')).getMap('m').has('server')).toBe(false);
    a.destroy();
    fresh.destroy();
  });
});
