import { afterEach, describe, expect, it } from 'vitest';
import { connect, removeDir, spawnServer, startTestServer, synced, tempDataDir, until, type Client } from './harness.js';

const dirs: string[] = [];
const clients: Client[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
  for (const d of dirs.splice(0)) removeDir(d);
});
function open(url: string, room: string): Client {
  const c = connect(url, room);
  clients.push(c);
  return c;
}

describe('durability', () => {
  it('keeps state across a clean restart', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    let server = await startTestServer({ dataDir });
    const a = open(server.url, 'restart');
    await synced(a);
    for (let i = 0; i < 50; i++) a.doc.getMap('m').set(`k${i}`, i);
    a.doc.getText('t').insert(0, 'hej verden');
    // Wait until the server has it (a second client sees it), then stop cleanly.
    const b = open(server.url, 'restart');
    await until(() => b.doc.getMap('m').size === 50);
    a.provider.disconnect();
    b.provider.disconnect();
    await server.close();

    server = await startTestServer({ dataDir, port: 0 });
    const c = open(server.url, 'restart');
    await synced(c);
    await until(() => c.doc.getMap('m').size === 50);
    expect(c.doc.getText('t').toString()).toBe('hej verden');
    await server.close();
  });

  it('compacts the log into one state without losing anything', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const server = await startTestServer({ dataDir, compactAfterUpdates: 25 });
    const a = open(server.url, 'compact');
    await synced(a);
    for (let i = 0; i < 200; i++) a.doc.getMap('m').set(`k${i % 20}`, i);
    const b = open(server.url, 'compact');
    await until(() => b.doc.getMap('m').get('k19') === 199);
    expect(server.metrics.compactions.get()).toBeGreaterThan(0);
    const stored = await server.store.load('compact');
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates.length).toBeLessThanOrEqual(26);
    await server.close();
  });

  it('unloads a room a while after its last client left, compacting it, and reloads it on the next join', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const server = await startTestServer({ dataDir, unloadAfterMs: 150 });
    const a = open(server.url, 'idle');
    await synced(a);
    a.doc.getMap('m').set('kept', 'yes');
    await until(async () => (await server.store.load('idle')).updates.length > 0);
    a.provider.disconnect();
    await until(() => server.rooms.size === 0, 5000, 'the room to unload');
    const stored = await server.store.load('idle');
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates).toHaveLength(0);
    const b = open(server.url, 'idle');
    await synced(b);
    expect(b.doc.getMap('m').get('kept')).toBe('yes');
    expect(server.rooms.size).toBe(1);
    await server.close();
  });

  it('loses nothing that any client received when the server is killed with SIGKILL mid-write', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const first = await spawnServer(dataDir);
    const writers = Array.from({ length: 5 }, () => open(first.url, 'crash'));
    await Promise.all(writers.map((w) => synced(w)));
    // Every key any client has seen arrive from the server.
    const received = new Set<string>();
    for (const w of writers) {
      w.doc.getMap('m').observe((event, tr) => {
        if (tr.origin === w.provider) for (const key of event.keysChanged) received.add(key);
      });
    }
    let n = 0;
    const timer = setInterval(() => {
      writers.forEach((w, i) => w.doc.getMap('m').set(`w${i}-${n}`, n));
      n++;
    }, 5);
    await until(() => received.size >= 500, 20_000, '500 received updates');
    first.child.kill('SIGKILL');
    const exit = await first.exited;
    clearInterval(timer);
    expect(exit.signal).toBe('SIGKILL');
    for (const w of writers) w.provider.disconnect();
    const seenBeforeCrash = new Set(received);

    const second = await spawnServer(dataDir);
    const reader = open(second.url, 'crash');
    await synced(reader);
    const map = reader.doc.getMap('m');
    const missing = [...seenBeforeCrash].filter((k) => !map.has(k));
    console.log(`crash test: ${seenBeforeCrash.size} keys received by clients before SIGKILL, ${missing.length} missing after restart`);
    expect(missing).toEqual([]);
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
  });

  it('SIGTERM stops accepting, flushes, closes the database and exits 0', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const s = await spawnServer(dataDir);
    const a = open(s.url, 'term');
    await synced(a);
    a.doc.getMap('m').set('x', 'kept');
    const b = open(s.url, 'term');
    await until(() => b.doc.getMap('m').get('x') === 'kept');
    const closed = new Promise<number>((resolve) => a.provider.ws?.addEventListener('close', (e) => resolve((e as CloseEvent).code)));
    s.child.kill('SIGTERM');
    expect((await s.exited).code).toBe(0);
    expect(await closed).toBe(1001);
    a.provider.disconnect();
    b.provider.disconnect();

    const again = await spawnServer(dataDir);
    const c = open(again.url, 'term');
    await synced(c);
    expect(c.doc.getMap('m').get('x')).toBe('kept');
    again.child.kill('SIGTERM');
    expect((await again.exited).code).toBe(0);
  });
});
