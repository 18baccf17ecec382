/**
 * Every role against every action, over HTTP and websocket: no way for a participant to write
 * another group's board or to act as facilitator; every refusal has a clear status and reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedWorkshopResponse, SnapshotSetView } from '../../src/workshop/api.js';
import { removeDir, startTestServer, synced, until, type Client } from './harness.js';
import { call, connectWithToken, createWorkshop, probeRoom } from './workshop-helpers.js';

type Actor = 'facilitator' | 'own participant' | 'other group' | 'no token' | 'wrong token' | 'other workshop';
const ACTORS: Actor[] = ['facilitator', 'own participant', 'other group', 'no token', 'wrong token', 'other workshop'];

describe('roles against actions', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let w: CreatedWorkshopResponse;
  let other: CreatedWorkshopResponse;
  let set: SnapshotSetView;
  const clients: Client[] = [];
  const token = (a: Actor): string | null =>
    ({
      facilitator: w.facilitatorToken,
      'own participant': w.groups[0]!.token,
      'other group': w.groups[1]!.token,
      'no token': null,
      'wrong token': 'A'.repeat(32),
      'other workshop': other.facilitatorToken,
    })[a];

  beforeAll(async () => {
    server = await startTestServer();
    w = await createWorkshop(server.url, 2, ['kaedeansvar']);
    other = await createWorkshop(server.url, 1, ['kaedeansvar']);
    set = (await call<SnapshotSetView>(server.url, 'POST', `/api/workshops/${w.id}/snapshots`, { token: w.facilitatorToken, body: { name: 'S' } })).body;
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.close();
    removeDir(server.config.dataDir);
  });

  // Expected HTTP status per actor: [facilitator, own participant, other group, no token, wrong token, other workshop]
  const F_ONLY = [200, 403, 403, 401, 401, 401];
  const http: { action: string; method: string; path: () => string; body?: unknown; expect: number[] }[] = [
    { action: 'read the workshop', method: 'GET', path: () => `/api/workshops/${w.id}`, expect: [200, 200, 200, 401, 401, 401] },
    { action: 'read group 1’s board', method: 'GET', path: () => `/api/workshops/${w.id}/boards/1`, expect: [200, 200, 403, 401, 401, 401] },
    { action: 'lock', method: 'POST', path: () => `/api/workshops/${w.id}/lock`, body: { locked: false }, expect: F_ONLY },
    { action: 'allow cross-view', method: 'POST', path: () => `/api/workshops/${w.id}/cross-view`, body: { enabled: false }, expect: F_ONLY },
    { action: 'start the timer', method: 'POST', path: () => `/api/workshops/${w.id}/timer`, body: { action: 'start', minutes: 1 }, expect: F_ONLY },
    { action: 'broadcast', method: 'POST', path: () => `/api/workshops/${w.id}/message`, body: { text: 'hej' }, expect: F_ONLY },
    { action: 'move a participant', method: 'POST', path: () => `/api/workshops/${w.id}/moves`, body: { clientId: 1, toGroup: 2 }, expect: F_ONLY },
    { action: 'take a snapshot', method: 'POST', path: () => `/api/workshops/${w.id}/snapshots`, body: { name: 'x' }, expect: [201, 403, 403, 401, 401, 401] },
    { action: 'list snapshots', method: 'GET', path: () => `/api/workshops/${w.id}/snapshots`, expect: F_ONLY },
    { action: 'read a snapshot', method: 'GET', path: () => `/api/workshops/${w.id}/snapshots/${set.id}/groups/1`, expect: F_ONLY },
    { action: 'restore a snapshot', method: 'POST', path: () => `/api/workshops/${w.id}/snapshots/${set.id}/restore`, body: { group: 1 }, expect: [201, 403, 403, 401, 401, 401] },
    { action: 'accept a move that was not asked for', method: 'POST', path: () => `/api/workshops/${w.id}/moves/accept`, body: { clientId: 999 }, expect: [404, 404, 404, 401, 401, 401] },
    { action: 'delete the workshop (refusals only)', method: 'DELETE', path: () => `/api/workshops/${w.id}`, expect: [-1, 403, 403, 401, 401, 401] },
  ];

  for (const row of http) {
    it(`HTTP: ${row.action}`, async () => {
      for (const [i, actor] of ACTORS.entries()) {
        const want = row.expect[i] as number;
        if (want === -1) continue;
        const r = await call<{ error?: string }>(server.url, row.method, row.path(), { token: token(actor), ...(row.body ? { body: row.body } : {}) });
        expect(r.status, `${actor}: ${row.action}`).toBe(want);
        if (want >= 400) expect(r.body.error, `${actor} gets a reason`).toMatch(/\w/);
      }
    });
  }

  it('websocket: who may open which room', async () => {
    const g1 = w.groups[0]!.room;
    const g2 = w.groups[1]!.room;
    const control = `w-${w.id}-control`;
    const expectations: [Actor, string, { open: true } | { open: false; code: number }][] = [
      ['facilitator', g1, { open: true }],
      ['own participant', g1, { open: true }],
      ['other group', g1, { open: false, code: 4403 }],
      ['own participant', g2, { open: false, code: 4403 }],
      ['no token', g1, { open: false, code: 4401 }],
      ['wrong token', g1, { open: false, code: 4401 }],
      ['other workshop', g1, { open: false, code: 4401 }],
      ['own participant', control, { open: true }],
      ['other group', control, { open: true }],
      ['no token', control, { open: false, code: 4401 }],
      ['own participant', `w-${w.id}-g9`, { open: false, code: 4404 }],
      ['own participant', 'w-AAAAAAAAAAAAAAAA-g1', { open: false, code: 4404 }],
    ];
    for (const [actor, room, want] of expectations) {
      const got = await probeRoom(server.url, room, token(actor));
      expect(got, `${actor} -> ${room}`).toMatchObject(want);
      if (!got.open) expect(got.reason).toMatch(/\w/);
    }
  });

  it('websocket: nobody but the facilitator and the own group writes a board; nobody writes the control document', async () => {
    const g1 = w.groups[0]!.room;
    const watcher = connectWithToken(server.url, g1, w.facilitatorToken);
    clients.push(watcher);
    await synced(watcher);
    // Other groups may look when the facilitator allows it, but only look.
    await call(server.url, 'POST', `/api/workshops/${w.id}/cross-view`, { token: w.facilitatorToken, body: { enabled: true } });
    const looker = connectWithToken(server.url, g1, w.groups[1]!.token);
    const own = connectWithToken(server.url, g1, w.groups[0]!.token);
    const controlWriter = connectWithToken(server.url, `w-${w.id}-control`, w.groups[0]!.token);
    clients.push(looker, own, controlWriter);
    await Promise.all([synced(looker), synced(own), synced(controlWriter)]);
    looker.doc.getMap('probe').set('from-other-group', 1);
    own.doc.getMap('probe').set('from-own-group', 1);
    controlWriter.doc.getMap('control').set('locked', true);
    await until(() => watcher.doc.getMap('probe').get('from-own-group') === 1);
    await until(() => !looker.doc.getMap('probe').has('from-other-group'), 5000, 'the other group’s write to be undone');
    expect(watcher.doc.getMap('probe').has('from-other-group')).toBe(false);
    await until(() => controlWriter.doc.getMap('control').get('locked') === false, 5000, 'the control write to be undone');
    // Turning cross-view off closes the lookers.
    await call(server.url, 'POST', `/api/workshops/${w.id}/cross-view`, { token: w.facilitatorToken, body: { enabled: false } });
    await until(() => (looker as ReturnType<typeof connectWithToken>).closes.some((c) => c.code === 4403));
  });
});
