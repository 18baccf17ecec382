/**
 * Several instances on one PostgreSQL and one Redis, both real servers started for this file:
 * stock clients of one room spread over the instances converge; a SIGKILLed instance loses
 * nothing any client saw; workshop control holds across instances; Redis and PostgreSQL go
 * away and come back.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CreatedWorkshopResponse } from '../../src/workshop/api.js';
import { keys, moveClient, spawnInstance, startInstances, stopInstances, storedDoc, type Instance } from './cluster.js';
import { connect, synced, until, type Client } from './harness.js';
import { startPostgres, startRedis, type PostgresServer, type RedisServer } from './services.js';
import { call, connectWithToken, createWorkshop } from './workshop-helpers.js';

let pg: PostgresServer;
let redis: RedisServer;
const instances: Instance[] = [];
const clients: Client[] = [];

beforeAll(async () => {
  [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
}, 60_000);
afterAll(async () => {
  await pg?.destroy();
  await redis?.destroy();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await stopInstances(instances);
});

function open(url: string, room: string): Client {
  const c = connect(url, room);
  clients.push(c);
  return c;
}

function openWithToken(url: string, room: string, token: string | null): ReturnType<typeof connectWithToken> {
  const c = connectWithToken(url, room, token);
  clients.push(c);
  return c;
}

async function cluster(n: number, db: string): Promise<{ url: string; instances: Instance[] }> {
  const url = await pg.createDatabase(db);
  const started = await startInstances(n, url, redis.url);
  instances.push(...started);
  return { url, instances: started };
}

async function health(base: string): Promise<{ status: number; body: { status?: string } }> {
  const res = await fetch(`${base}/healthz`);
  return { status: res.status, body: (await res.json()) as { status?: string } };
}

/** Every client holds the same keys in map 'm', `n` of them. */
function converged(cs: Client[], n: number): boolean {
  const first = JSON.stringify(keys((cs[0] as Client).doc));
  return cs.every((c) => c.doc.getMap('m').size === n && JSON.stringify(keys(c.doc)) === first);
}

describe('several instances', () => {
  it('three instances: clients of one room spread over them converge, presence crosses, another room sees nothing', async () => {
    const { url, instances: [a, b, c] } = await cluster(3, 'converge');
    const room = [a, b, c].flatMap((s) => [open(s!.url, 'shared'), open(s!.url, 'shared')]);
    const other = open(b!.url, 'other');
    await Promise.all([...room, other].map((x) => synced(x)));
    room.forEach((x, i) => {
      x.provider.awareness.setLocalStateField('user', { name: `P${i}` });
      for (let k = 0; k < 20; k++) x.doc.getMap('m').set(`c${i}-${k}`, k);
    });
    await until(() => converged(room, 120), 15_000, 'six clients on three instances to converge');
    await until(() => room.every((x) => x.provider.awareness.getStates().size === 6), 10_000, 'every presence on every client');
    expect(other.doc.getMap('m').size).toBe(0);
    expect(other.provider.awareness.getStates().size).toBe(1);
    expect(keys(await storedDoc(url, 'shared'))).toEqual(keys(room[0]!.doc));
    const fresh = open(c!.url, 'shared');
    await synced(fresh);
    expect(keys(fresh.doc)).toHaveLength(120);
    expect(a!.metrics.render()).toMatch(/kaedeboard_fanout_delivery_seconds_count\{kind="update"\} [1-9]/);
    expect(a!.metrics.render()).toMatch(/kaedeboard_store_query_seconds_count\{op="append"\} [1-9]/);
  });

  it('SIGKILL of one instance while clients on both write: everything any client received is in PostgreSQL, and its clients converge elsewhere', async () => {
    const url = await pg.createDatabase('crash');
    const [a, b] = await Promise.all([spawnInstance(url, redis.url), spawnInstance(url, redis.url)]);
    try {
      const onA = [0, 1, 2].map(() => open(a.url, 'crash'));
      const onB = [0, 1, 2].map(() => open(b.url, 'crash'));
      const all = [...onA, ...onB];
      await Promise.all(all.map((x) => synced(x)));
      all.forEach((x, i) => x.provider.awareness.setLocalStateField('user', { name: `P${i}` }));
      let n = 0;
      const writing = setInterval(() => {
        n++;
        all.forEach((x, i) => x.doc.getMap('m').set(`w${i}-${n}`, n));
      }, 15);
      await until(() => onB[0]!.doc.getMap('m').has('w0-20'), 10_000, 'writes to cross');
      const clock = (x: Client, id: number): number => x.provider.awareness.meta.get(id)?.clock ?? -1;
      const clocksAtKill = onA.map((x) => clock(onB[0]!, x.doc.clientID));
      a.child.kill('SIGKILL');
      // What each client had received from the others at the moment of the kill.
      const received = new Set<string>();
      all.forEach((x, i) => {
        for (const k of x.doc.getMap('m').keys()) if (!k.startsWith(`w${i}-`)) received.add(k);
      });
      await a.exited;
      const stored = new Set(keys(await storedDoc(url, 'crash')));
      expect(received.size).toBeGreaterThan(50);
      expect([...received].filter((k) => !stored.has(k))).toEqual([]);
      // A's clients reconnect to B and write on; then everyone converges.
      for (const x of onA) moveClient(x, b.url);
      await new Promise((r) => setTimeout(r, 300));
      clearInterval(writing);
      const total = all.length * n;
      await until(() => converged(all, total), 20_000, 'every client to hold every write');
      const fresh = open(b.url, 'crash');
      await synced(fresh);
      await until(() => fresh.doc.getMap('m').size === total, 10_000, 'a fresh client to hold every write');
      expect(keys(await storedDoc(url, 'crash'))).toHaveLength(total);
      // The dead instance's presence states are removed when its heartbeat stops (a removal one
      // clock on); its clients, now on B, answer with their own one clock further, which B's
      // clients take. (The moved clients show B's clients again at the stock client's next
      // renewal: it ignores a state at a clock it has seen before.)
      fresh.destroy();
      await until(
        () => onB.every((x) => onA.every((m, i) => x.provider.awareness.getStates().has(m.doc.clientID) && clock(x, m.doc.clientID) >= (clocksAtKill[i] as number) + 2)),
        12_000,
        'B’s clients to see the moved clients’ presence again, claimed through B',
      );
    } finally {
      a.child.kill('SIGKILL');
      b.child.kill('SIGTERM');
      await b.exited;
    }
  });

  it('workshop control across instances: a lock set through one refuses writes through another; a snapshot through one holds the writes made through all', async () => {
    const { instances: [a, b] } = await cluster(2, 'control');
    const w: CreatedWorkshopResponse = await createWorkshop(a!.url, 3);
    const [g1, g2, g3] = w.groups as [CreatedWorkshopResponse['groups'][0], CreatedWorkshopResponse['groups'][0], CreatedWorkshopResponse['groups'][0]];
    const participant = openWithToken(b!.url, g1.room, g1.token);
    const facilitator = openWithToken(a!.url, g1.room, w.facilitatorToken);
    await Promise.all([synced(participant), synced(facilitator)]);
    participant.doc.getMap('probe').set('before', 1);
    await until(() => facilitator.doc.getMap('probe').get('before') === 1);
    expect((await call(a!.url, 'POST', `/api/workshops/${w.id}/lock`, { token: w.facilitatorToken, body: { locked: true } })).status).toBe(200);
    participant.doc.getMap('probe').set('while-locked', 1);
    await until(() => participant.closes.some((c) => c.code === 4501), 5000, 'the write through B to be refused');
    expect(participant.closes.find((c) => c.code === 4501)?.reason).toMatch(/the boards are locked/);
    const reader = openWithToken(b!.url, g1.room, w.facilitatorToken);
    await synced(reader);
    expect(reader.doc.getMap('probe').toJSON()).toEqual({ before: 1 });
    expect(facilitator.doc.getMap('probe').has('while-locked')).toBe(false);
    await call(b!.url, 'POST', `/api/workshops/${w.id}/lock`, { token: w.facilitatorToken, body: { locked: false } });

    // Writes through both instances, each seen by a client of the other instance (so stored).
    const writers = [
      { at: a!, g: g2, watch: b! },
      { at: b!, g: g2, watch: a! },
      { at: b!, g: g3, watch: a! },
    ].map(({ at, g, watch }) => ({ g, write: openWithToken(at.url, g.room, w.facilitatorToken), watch: openWithToken(watch.url, g.room, w.facilitatorToken) }));
    await Promise.all(writers.flatMap((x) => [synced(x.write), synced(x.watch)]));
    writers.forEach((x, i) => x.write.doc.getMap('m').set(`through-${i}`, i));
    await until(() => writers.every((x, i) => x.watch.doc.getMap('m').get(`through-${i}`) === i), 10_000, 'the writes to cross');
    const set = await call<{ id: string; groups: number[] }>(a!.url, 'POST', `/api/workshops/${w.id}/snapshots`, { token: w.facilitatorToken, body: { name: 'Pause' } });
    expect(set.status).toBe(201);
    const boards = new Map<number, Y.Doc>();
    for (const n of [2, 3]) {
      const r = await call<Uint8Array>(b!.url, 'GET', `/api/workshops/${w.id}/snapshots/${set.body.id}/groups/${n}`, { token: w.facilitatorToken });
      const d = new Y.Doc();
      Y.applyUpdate(d, r.body);
      boards.set(n, d);
    }
    expect(keys(boards.get(2)!).filter((k) => k.startsWith('through'))).toEqual(['through-0', 'through-1']);
    expect(keys(boards.get(3)!).filter((k) => k.startsWith('through'))).toEqual(['through-2']);

    // Deleting through B closes the workshop's connections on A too.
    expect((await call(b!.url, 'DELETE', `/api/workshops/${w.id}`, { token: w.facilitatorToken })).status).toBe(200);
    await until(() => facilitator.closes.some((c) => c.code === 4410), 5000, 'A’s connection to be closed as deleted');
  });

  it('Redis stopped and restarted mid-workshop: each instance goes on, /healthz says degraded, nothing is lost, all converge when it is back', async () => {
    const { url, instances: [a, b] } = await cluster(2, 'flaky');
    const all = [a!, a!, b!, b!].map((s) => open(s.url, 'flaky'));
    await Promise.all(all.map((x) => synced(x)));
    all.forEach((x, i) => x.doc.getMap('m').set(`before-${i}`, i));
    await until(() => converged(all, 4), 10_000, 'the clients to converge');
    await redis.stop();
    await until(async () => (await health(a!.url)).body.status === 'degraded', 10_000, 'A to report degraded');
    expect((await health(b!.url)).status).toBe(200);
    all.forEach((x, i) => {
      for (let k = 0; k < 10; k++) x.doc.getMap('m').set(`down-${i}-${k}`, k);
    });
    // Each instance still stores and serves its own connections.
    await until(() => all[1]!.doc.getMap('m').has('down-0-9') && all[3]!.doc.getMap('m').has('down-2-9'), 10_000, 'each instance to serve its own clients');
    await new Promise((r) => setTimeout(r, 500));
    await redis.start();
    const t0 = Date.now();
    await until(() => converged(all, 44), 15_000, 'every client to hold every write after Redis is back');
    const seconds = (Date.now() - t0) / 1000;
    expect(seconds).toBeLessThan(10);
    await until(async () => (await health(a!.url)).body.status === 'ok', 10_000, 'A to report ok');
    expect(keys(await storedDoc(url, 'flaky'))).toHaveLength(44);
  });

  it('PostgreSQL stopped: writes close with 1011, nothing unstored is seen, and service resumes when it is back', async () => {
    const { url, instances: [a, b] } = await cluster(2, 'outage');
    const writer = openWithToken(a!.url, 'outage', null);
    const watcher = openWithToken(b!.url, 'outage', null);
    await Promise.all([synced(writer), synced(watcher)]);
    writer.doc.getMap('m').set('before', 1);
    await until(() => watcher.doc.getMap('m').get('before') === 1);
    const seen: unknown[] = [];
    watcher.doc.getMap('m').observe(() => seen.push(watcher.doc.getMap('m').get('while-down')));
    await pg.stop();
    try {
      writer.doc.getMap('m').set('while-down', 1);
      await until(() => writer.closes.some((c) => c.code === 1011), 10_000, 'the writer to be closed with 1011');
      await until(async () => (await health(a!.url)).status === 503, 10_000, '/healthz to say the store is down');
      await new Promise((r) => setTimeout(r, 300));
      expect(seen.filter((v) => v !== undefined)).toEqual([]);
    } finally {
      await pg.start();
    }
    // The writer still holds its write and sends it again once the store takes it.
    await until(() => watcher.doc.getMap('m').get('while-down') === 1, 20_000, 'the write to arrive after PostgreSQL is back');
    expect(keys(await storedDoc(url, 'outage'))).toEqual(['before', 'while-down']);
    await until(async () => (await health(a!.url)).status === 200, 10_000, '/healthz to recover');
  });
});
