import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, removeDir, startTestServer, synced, until, type Client } from './harness.js';

describe('a busy room is not mistaken for a flood', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const clients: Client[] = [];
  beforeAll(async () => {
    // A tight limit, so that counting every echoed awareness message would close everyone at once.
    server = await startTestServer({ rateMessagesPerSecond: 100, rateBurst: 100 });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.close();
    removeDir(server.config.dataDir);
  });

  it('twelve stock clients dragging at 30 Hz keep their connections (their echoes are cheap)', async () => {
    for (let i = 0; i < 12; i++) clients.push(connect(server.url, 'busy'));
    await Promise.all(clients.map((c) => synced(c)));
    for (let frame = 0; frame < 45; frame++) {
      clients.forEach((c, i) => c.provider.awareness.setLocalStateField('drag', { id: `card-${i}`, x: frame, y: i }));
      await new Promise((r) => setTimeout(r, 33));
    }
    await until(() => clients.every((c) => [...c.provider.awareness.getStates().values()].filter((s) => (s as { drag?: { x: number } }).drag?.x === 44).length === 12), 10_000, 'every client to see every final drag');
    expect(server.metrics.closes.get({ reason: 'rate limit exceeded' })).toBe(0);
    expect(clients.every((c) => c.provider.wsconnected)).toBe(true);
  });
});
