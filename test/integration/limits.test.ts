import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connect, rawSocket, removeDir, startTestServer, synced, until, type Client } from './harness.js';

/** A valid y-websocket "update" message carrying `update`. */
function updateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

function someUpdate(text: string): Uint8Array {
  const d = new Y.Doc();
  d.getMap('m').set('k', text);
  return Y.encodeStateAsUpdate(d);
}

describe('bad input closes only the connection that sent it', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let a: Client;
  let b: Client;
  beforeAll(async () => {
    server = await startTestServer({ maxMessageBytes: 64 * 1024, rateMessagesPerSecond: 50, rateBurst: 100 });
    a = connect(server.url, 'shared');
    b = connect(server.url, 'shared');
    await Promise.all([synced(a), synced(b)]);
  });
  afterAll(async () => {
    a.destroy();
    b.destroy();
    await server.close();
    removeDir(server.config.dataDir);
  });

  /** After each abuse, the room still works for the well-behaved clients. */
  async function roomStillWorks(tag: string): Promise<void> {
    a.doc.getMap('m').set(tag, true);
    await until(() => b.doc.getMap('m').get(tag) === true, 5000, `room to work after ${tag}`);
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
  }

  const cases: Array<{ name: string; payload: () => Uint8Array | string; code: number; reason: RegExp }> = [
    { name: 'garbage bytes', payload: () => new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]), code: 1007, reason: /malformed message/ },
    { name: 'unknown message type', payload: () => new Uint8Array([9, 0]), code: 1007, reason: /unknown message type 9/ },
    { name: 'unknown sync step', payload: () => new Uint8Array([0, 7, 0]), code: 1007, reason: /unknown sync step/ },
    { name: 'empty message', payload: () => new Uint8Array(), code: 1007, reason: /empty message/ },
    {
      name: 'truncated update (a valid message cut in half)',
      payload: () => {
        const m = updateMessage(someUpdate('x'.repeat(100)));
        return m.slice(0, Math.floor(m.length / 2));
      },
      code: 1007,
      reason: /truncated/,
    },
    {
      name: 'update whose inner bytes are garbage',
      payload: () => updateMessage(new Uint8Array([5, 200, 1, 2, 3, 4, 5, 6])),
      code: 1007,
      reason: /malformed document update/,
    },
    {
      name: 'awareness with a non-JSON state',
      payload: () => {
        const inner = encoding.createEncoder();
        encoding.writeVarUint(inner, 1);
        encoding.writeVarUint(inner, 123);
        encoding.writeVarUint(inner, 1);
        encoding.writeVarString(inner, '{not json');
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
        return encoding.toUint8Array(e);
      },
      code: 1007,
      reason: /malformed awareness state/,
    },
    { name: 'trailing bytes', payload: () => new Uint8Array([3, 0, 0]), code: 1007, reason: /trailing bytes/ },
    { name: 'text frame', payload: () => 'hello', code: 1003, reason: /binary messages only/ },
    { name: 'oversize message (over the configured 64 KiB)', payload: () => updateMessage(someUpdate('x'.repeat(70 * 1024))), code: 1009, reason: /message too big \(limit 65536 bytes\)/ },
  ];

  for (const c of cases) {
    it(`${c.name}: closed with ${c.code}`, async () => {
      const raw = rawSocket(server.url, '/sync/shared');
      await raw.opened;
      raw.ws.send(c.payload());
      const closed = await raw.closed;
      expect(closed.code).toBe(c.code);
      expect(closed.reason).toMatch(c.reason);
      await roomStillWorks(c.name);
    });
  }

  it('a malformed update is refused whole: nothing of it reaches the document', async () => {
    const d = new Y.Doc();
    d.getMap('m').set('half', 'should never appear');
    const u = Y.encodeStateAsUpdate(d);
    const raw = rawSocket(server.url, '/sync/shared');
    await raw.opened;
    raw.ws.send(updateMessage(u.slice(0, u.length - 1)));
    expect((await raw.closed).code).toBe(1007);
    await roomStillWorks('after-half');
    expect(b.doc.getMap('m').has('half')).toBe(false);
  });

  it('a wrong room name is answered with 4400', async () => {
    for (const path of ['/sync/..%2F..%2Fetc', '/sync/a%20b', '/sync/' + 'x'.repeat(200), '/sync/', '/sync/%E0%A4%A']) {
      const raw = rawSocket(server.url, path);
      const closed = await raw.closed;
      expect(closed, path).toEqual({ code: 4400, reason: 'invalid room name' });
    }
    await roomStillWorks('bad-room');
  });

  it('an unknown websocket path is refused at the upgrade with 404', async () => {
    const raw = rawSocket(server.url, '/nope');
    const err = await raw.opened.then(() => null, (e: Error) => e);
    expect(String(err)).toMatch(/404/);
  });

  it('a browser from a foreign origin is refused with 4403', async () => {
    const { default: WebSocket } = await import('ws');
    const ws = new WebSocket(server.url.replace('http', 'ws') + '/sync/shared', { origin: 'https://evil.example' });
    const closed = await new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    expect(closed).toEqual({ code: 4403, reason: 'origin not allowed' });
  });

  it('a flood from one connection is rate-limited with 1008 while others go on', async () => {
    const raw = rawSocket(server.url, '/sync/shared');
    await raw.opened;
    const query = new Uint8Array([3]);
    for (let i = 0; i < 400; i++) raw.ws.send(query);
    const closed = await raw.closed;
    expect(closed).toEqual({ code: 1008, reason: 'rate limit exceeded' });
    await roomStillWorks('flood');
    expect(server.metrics.closes.get({ reason: 'rate limit exceeded' })).toBeGreaterThanOrEqual(1);
  });

  it('one connection cannot overwrite another client\'s presence', async () => {
    a.provider.awareness.setLocalStateField('user', { name: 'Anna' });
    await until(() => (b.provider.awareness.getStates().get(a.doc.clientID) as { user?: { name: string } } | undefined)?.user?.name === 'Anna');
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, a.doc.clientID);
    encoding.writeVarUint(inner, 10_000);
    encoding.writeVarString(inner, JSON.stringify({ user: { name: 'Mallory' } }));
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
    const raw = rawSocket(server.url, '/sync/shared');
    await raw.opened;
    raw.ws.send(encoding.toUint8Array(e));
    await roomStillWorks('spoof');
    expect((b.provider.awareness.getStates().get(a.doc.clientID) as { user: { name: string } }).user.name).toBe('Anna');
    raw.ws.close();
  });
});
