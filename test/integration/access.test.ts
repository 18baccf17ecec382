/**
 * Who may reach the server and make things on it: the organiser key for creating and
 * importing (and their limit per address), the import size, names with control characters,
 * free boards (off, and under the retention rule), Host names (HTTP and websocket), who a
 * request comes from behind a proxy, and the token as a websocket subprotocol.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { CreatedWorkshopResponse, ServerInfo, WorkshopExport } from '../../src/workshop/api.js';
import { exportJson } from '../../server/export/index.js';
import { sampleWorkshop } from '../../server/export/test-support.js';
import { connect, removeDir, startTestServer, synced, until, type Client } from './harness.js';
import { call, connectWithToken, createWorkshop, probeRoom } from './workshop-helpers.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const KEY = 'organiser-key-for-tests-0123456789';
const BODY = { title: 'KUI workshop', parts: ['kaedeansvar'], groups: 2, locale: 'da' };

function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: { error?: string } & Partial<CreatedWorkshopResponse> }> {
  return fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: await r.json() }));
}

/** A request with a Host header of our choosing (fetch will not send one). */
function withHost(base: string, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(base + path);
    const req = request({ host: u.hostname, port: u.port, path: u.pathname, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const stop = async (s: Server): Promise<void> => {
  await s.close();
  removeDir(s.config.dataDir);
};

describe('creating and importing behind the organiser key', () => {
  let server: Server;
  beforeAll(async () => (server = await startTestServer({ organiserKey: KEY, createPerHour: 5 })));
  afterAll(() => stop(server));

  it('says so in /api/info, and refuses without the key or with a wrong one', async () => {
    const info = (await (await fetch(server.url + '/api/info')).json()) as ServerInfo;
    expect(info).toMatchObject({ organiserKey: true, openBoards: true });
    const none = await post(server.url, '/api/workshops', BODY);
    expect(none.status).toBe(401);
    expect(none.body.error).toMatch(/organiser key/);
    const wrong = await post(server.url, '/api/workshops', BODY, { 'x-organiser-key': 'x'.repeat(KEY.length) });
    expect(wrong).toMatchObject({ status: 403, body: { error: 'wrong organiser key' } });
    expect((await post(server.url, '/api/workshops/import', {}, {})).status).toBe(401);
    const ok = await post(server.url, '/api/workshops', BODY, { 'x-organiser-key': KEY });
    expect(ok.status).toBe(201);
  });

  it('limits creating per address, wrong keys included', async () => {
    // Five an hour here: four used above.
    expect((await post(server.url, '/api/workshops', BODY, { 'x-organiser-key': KEY })).status).toBe(201);
    const r = await post(server.url, '/api/workshops', BODY, { 'x-organiser-key': KEY });
    expect(r.status).toBe(429);
    expect(r.body.error).toMatch(/too many workshops/);
  });

  it('on loopback without a key, anyone on this machine may create', async () => {
    const open = await startTestServer();
    try {
      expect(((await (await fetch(open.url + '/api/info')).json()) as ServerInfo).organiserKey).toBe(false);
      expect((await post(open.url, '/api/workshops', BODY)).status).toBe(201);
    } finally {
      await stop(open);
    }
  });
});

describe('imports and names', () => {
  let server: Server;
  beforeAll(async () => (server = await startTestServer()));
  afterAll(() => stop(server));

  it('imports a real 30-group workshop, and refuses a body above the import limit with 413', async () => {
    const data = exportJson(sampleWorkshop(30));
    const text = JSON.stringify(data);
    expect(text.length).toBeLessThan(server.config.maxImportBytes / 6);
    const r = await post(server.url, '/api/workshops/import', data);
    expect(r.status).toBe(201);
    expect(r.body.groups).toHaveLength(30);
    const big = { ...data, groups: [...data.groups, { number: 31, name: 'x', board: 'A'.repeat(server.config.maxImportBytes) }] };
    const tooBig = await post(server.url, '/api/workshops/import', big);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error).toMatch(/too large \(limit 8388608 bytes\)/);
  });

  it('cleans control characters from names, so a workshop’s own export imports again', async () => {
    const made = await post(server.url, '/api/workshops', { ...BODY, title: 'Kursus\u0007 i\u0000 Aarhus\n\t2026\u2028' });
    expect(made.status).toBe(201);
    expect(made.body.title).toBe('Kursus i Aarhus 2026');
    const w = made.body as CreatedWorkshopResponse;
    const auth = { token: w.facilitatorToken };
    const set = await call<{ id: string; name: string }>(server.url, 'POST', `/api/workshops/${w.id}/snapshots`, { ...auth, body: { name: 'Runde\u001b[31m 1' } });
    expect(set.body.name).toBe('Runde [31m 1');
    expect((await call(server.url, 'POST', `/api/workshops/${w.id}/snapshots/${set.body.id}/restore`, { ...auth, body: { group: 1 } })).status).toBe(201);
    const exported = await call<WorkshopExport>(server.url, 'GET', `/api/workshops/${w.id}/export?format=json`, auth);
    expect(exported.status).toBe(200);
    const again = await post(server.url, '/api/workshops/import', exported.body);
    expect(again.status).toBe(201);
    expect(again.body.title).toBe('Kursus i Aarhus 2026');
    // An export made before names were cleaned still imports.
    const old = { ...exported.body, title: 'Gammel\u0001titel', groups: exported.body.groups.map((g) => ({ ...g, name: `${g.name}\u0000` })) };
    expect((await post(server.url, '/api/workshops/import', old)).body.title).toBe('Gammel titel');
  });
});

describe('free boards', () => {
  let server: Server;
  const clients: Client[] = [];
  beforeAll(async () => (server = await startTestServer()));
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await stop(server);
  });

  it('are deleted under the retention rule, counted from their first opening', async () => {
    const c = connect(server.url, 'a-free-board');
    clients.push(c);
    await synced(c);
    c.doc.getMap('m').set('x', 1);
    await until(async () => (await server.store.listRooms()).includes('a-free-board'));
    expect(await server.api.deleteExpired(Date.now() + 29 * 86_400_000)).toBe(0);
    expect(await server.store.listRooms()).toContain('a-free-board');
    await server.api.deleteExpired(Date.now() + 31 * 86_400_000);
    expect(await server.store.listRooms()).not.toContain('a-free-board');
  });

  it('can be turned off, and are refused then', async () => {
    const off = await startTestServer({ openBoards: false });
    try {
      expect(((await (await fetch(off.url + '/api/info')).json()) as ServerInfo).openBoards).toBe(false);
      expect(await probeRoom(off.url, 'a-free-board', null)).toMatchObject({ open: false, code: 4403 });
    } finally {
      await stop(off);
    }
  });
});

describe('host names', () => {
  let server: Server;
  beforeAll(async () => (server = await startTestServer()));
  afterAll(() => stop(server));

  it('refuses HTTP requests naming a foreign host (421), but not health probes', async () => {
    const port = new URL(server.url).port;
    expect((await withHost(server.url, '/api/info', `127.0.0.1:${port}`)).status).toBe(200);
    expect((await withHost(server.url, '/api/info', `localhost:${port}`)).status).toBe(200);
    const foreign = await withHost(server.url, '/api/info', `rebound.example:${port}`);
    expect(foreign.status).toBe(421);
    expect(JSON.parse(foreign.body).error).toMatch(/does not answer to the name "rebound.example:\d+"/);
    expect((await withHost(server.url, '/', 'rebound.example')).status).toBe(421);
    expect((await withHost(server.url, '/healthz', 'rebound.example')).status).toBe(200);
  });

  it('refuses a websocket whose Origin and Host are both a foreign name (DNS rebinding)', async () => {
    const url = server.url.replace(/^http/, 'ws') + '/sync/rebinding-room';
    const outcome = (ws: WebSocket) =>
      new Promise<string>((resolve) => {
        ws.on('open', () => resolve('open'));
        ws.on('unexpected-response', (_req, res) => resolve(`refused ${res.statusCode}`));
        ws.on('error', (e) => resolve(`error ${e.message}`));
      });
    const foreign = new WebSocket(url, { headers: { host: `rebound.example:${new URL(server.url).port}` }, origin: `http://rebound.example:${new URL(server.url).port}` });
    expect(await outcome(foreign)).toBe('refused 421');
    const own = new WebSocket(url, { origin: server.url });
    expect(await outcome(own)).toBe('open');
    own.close();
  });
});

describe('the client address behind a proxy', () => {
  const joins = async (s: Server, xff: string, n: number): Promise<number[]> => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await fetch(s.url + '/api/join', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': xff }, body: JSON.stringify({ code: `ZZZZ${i}` }) })).status);
    return out;
  };

  it('a spoofed X-Forwarded-For from an address that is not a trusted proxy changes nothing', async () => {
    const s = await startTestServer();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push(...(await joins(s, `198.51.100.${i}`, 1)));
      expect(statuses.slice(0, 10).every((x) => x === 404)).toBe(true);
      expect(statuses[10]).toBe(429);
    } finally {
      await stop(s);
    }
  });

  it('behind a trusted proxy, each client is limited on its own', async () => {
    const s = await startTestServer({ trustedProxies: ['127.0.0.1'] });
    try {
      expect((await joins(s, '198.51.100.1', 11)).at(-1)).toBe(429);
      expect(await joins(s, '198.51.100.2', 1)).toEqual([404]);
      // A client cannot pose as another by writing its own X-Forwarded-For before the proxy's.
      expect(await joins(s, '198.51.100.2, 198.51.100.1', 1)).toEqual([429]);
    } finally {
      await stop(s);
    }
  });
});

describe('the token as a websocket subprotocol', () => {
  let server: Server;
  let w: CreatedWorkshopResponse;
  const clients: Client[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    w = await createWorkshop(server.url, 1, ['kaedeansvar']);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await stop(server);
  });

  it('opens a workshop room with the token out of the URL, and the server never echoes it', async () => {
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/sync/${w.groups[0]!.room}`, ['kaedeboard', `kaedeboard.token.${w.groups[0]!.token}`]);
    await new Promise<void>((resolve, reject) => {
      ws.on('message', () => resolve());
      ws.on('close', (code) => reject(new Error(`closed ${code}`)));
    });
    expect(ws.protocol).toBe('kaedeboard');
    ws.close();
    const bad = new WebSocket(`${server.url.replace(/^http/, 'ws')}/sync/${w.groups[0]!.room}`, ['kaedeboard', `kaedeboard.token.${'A'.repeat(32)}`]);
    expect(await new Promise((resolve) => bad.on('close', (code) => resolve(code)))).toBe(4401);
  });

  it('works with the stock y-websocket provider’s protocols option', async () => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(server.url.replace(/^http/, 'ws') + '/sync', w.groups[0]!.room, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      protocols: ['kaedeboard', `kaedeboard.token.${w.facilitatorToken}`],
    });
    const c = { doc, provider, destroy: () => (provider.destroy(), doc.destroy()) };
    clients.push(c);
    await synced(c);
    expect(provider.url).not.toMatch(/token/);
    doc.getMap('probe').set('via-protocol', 1);
    const reader = connectWithToken(server.url, w.groups[0]!.room, w.groups[0]!.token);
    clients.push(reader);
    await until(() => reader.doc.getMap('probe').get('via-protocol') === 1);
  });
});
