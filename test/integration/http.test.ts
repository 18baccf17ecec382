import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, removeDir, startTestServer, synced, type Client } from './harness.js';

describe('HTTP: app, API, health and metrics', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let client: Client;
  beforeAll(async () => {
    server = await startTestServer();
    client = connect(server.url, 'metrics-room');
    await synced(client);
    client.doc.getMap('m').set('a', 1);
  });
  afterAll(async () => {
    client.destroy();
    await server.close();
    removeDir(server.config.dataDir);
  });

  it('serves the built app with security headers', async () => {
    const res = await fetch(server.url + '/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(await res.text()).toMatch(/<kb-app>/);
  });

  it('never serves files outside the app folder', async () => {
    for (const p of ['/..%2Fpackage.json', '/%2e%2e/package.json', '/.git/config', '/app/..%2F..%2Fpackage.json']) {
      const res = await fetch(server.url + p);
      expect(res.status, p).toBe(404);
    }
  });

  it('answers /api/info and gives JSON errors for unknown routes', async () => {
    const info = await (await fetch(server.url + '/api/info')).json();
    expect(info).toMatchObject({ name: 'kaedeboard', schemaVersion: expect.any(Number) });
    const res = await fetch(server.url + '/api/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'no such API route: GET /api/nope' });
  });

  it('reports health', async () => {
    const res = await fetch(server.url + '/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, rooms: 1, connections: 1 });
  });

  it('exposes Prometheus metrics', async () => {
    const text = await (await fetch(server.url + '/metrics')).text();
    expect(text).toMatch(/^kaedeboard_connections 1$/m);
    expect(text).toMatch(/^kaedeboard_rooms_loaded 1$/m);
    expect(text).toMatch(/^# TYPE kaedeboard_update_append_seconds histogram$/m);
    expect(text).toMatch(/^kaedeboard_update_append_seconds_count [1-9]\d*$/m);
    expect(text).toMatch(/^kaedeboard_messages_in_total [1-9]\d*$/m);
    expect(text).toMatch(/^kaedeboard_bytes_out_total [1-9]\d*$/m);
  });
});
