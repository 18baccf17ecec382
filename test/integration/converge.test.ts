import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, removeDir, startTestServer, synced, until, type Client } from './harness.js';

describe('stock y-websocket clients converge through the server', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const clients: Client[] = [];
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.close();
    removeDir(server.config.dataDir);
  });
  const open = (room: string): Client => {
    const c = connect(server.url, room);
    clients.push(c);
    return c;
  };

  it('two clients converge', async () => {
    const [a, b] = [open('two'), open('two')] as [Client, Client];
    await Promise.all([synced(a), synced(b)]);
    a.doc.getMap('m').set('from-a', 1);
    b.doc.getMap('m').set('from-b', 2);
    a.doc.getArray('list').insert(0, ['a1', 'a2']);
    b.doc.getArray('list').insert(0, ['b1']);
    await until(() => a.doc.getMap('m').size === 2 && b.doc.getMap('m').size === 2 && a.doc.getArray('list').length === 3 && b.doc.getArray('list').length === 3);
    expect(a.doc.getMap('m').toJSON()).toEqual(b.doc.getMap('m').toJSON());
    expect(a.doc.getArray('list').toJSON()).toEqual(b.doc.getArray('list').toJSON());
  });

  it('twenty clients writing at once converge, and another room sees nothing', async () => {
    const twenty = Array.from({ length: 20 }, () => open('twenty'));
    const other = open('elsewhere');
    await Promise.all([...twenty, other].map((c) => synced(c)));
    twenty.forEach((c, i) => {
      for (let k = 0; k < 10; k++) c.doc.getMap('m').set(`c${i}-k${k}`, i * 100 + k);
      c.doc.getArray('log').push([`client ${i}`]);
    });
    await until(() => twenty.every((c) => c.doc.getMap('m').size === 200 && c.doc.getArray('log').length === 20), 20_000, '20 clients to converge');
    const first = twenty[0] as Client;
    for (const c of twenty) {
      expect(c.doc.getMap('m').toJSON()).toEqual(first.doc.getMap('m').toJSON());
      expect(c.doc.getArray('log').toJSON()).toEqual(first.doc.getArray('log').toJSON());
    }
    // A latecomer sees everything; the other room stayed empty the whole time.
    const late = open('twenty');
    await synced(late);
    await until(() => late.doc.getMap('m').size === 200);
    expect(other.doc.getMap('m').size).toBe(0);
    expect(other.doc.getArray('log').length).toBe(0);
  });

  it('carries awareness (presence) between clients and drops it when a client leaves', async () => {
    const a = open('presence');
    const b = open('presence');
    await Promise.all([synced(a), synced(b)]);
    a.provider.awareness.setLocalStateField('user', { name: 'Anna' });
    await until(() => (b.provider.awareness.getStates().get(a.doc.clientID) as { user?: { name: string } } | undefined)?.user?.name === 'Anna');
    a.provider.disconnect();
    await until(() => !b.provider.awareness.getStates().has(a.doc.clientID), 10_000, 'presence removal');
  });
});
