/**
 * Every role against every action, over HTTP and websocket: no way for a participant to write
 * another group's board or to act as facilitator, nor for the plenum (the projector's link) to
 * do more than look; a move is taken only by the connection it names, and the old token is
 * revoked; every refusal has a clear status and reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { CreatedWorkshopResponse, JoinResponse, SnapshotSetView, WorkshopView } from '../../src/workshop/api.js';
import { REVOKED } from '../../server/workshop/auth.js';
import { removeDir, startTestServer, synced, until, type Client } from './harness.js';
import { call, connectWithToken, createWorkshop, probeRoom } from './workshop-helpers.js';

type Actor = 'facilitator' | 'plenum' | 'own participant' | 'other group' | 'no token' | 'wrong token' | 'other workshop';
const ACTORS: Actor[] = ['facilitator', 'plenum', 'own participant', 'other group', 'no token', 'wrong token', 'other workshop'];

describe('roles against actions', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let w: CreatedWorkshopResponse;
  let other: CreatedWorkshopResponse;
  let set: SnapshotSetView;
  const clients: Client[] = [];
  const token = (a: Actor): string | null =>
    ({
      facilitator: w.facilitatorToken,
      plenum: w.plenumToken,
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

  // Expected HTTP status per actor: [facilitator, plenum, own participant, other group, no token, wrong token, other workshop]
  const F_ONLY = [200, 403, 403, 403, 401, 401, 401];
  const VIEWERS = [200, 200, 403, 403, 401, 401, 401];
  const http: { action: string; method: string; path: () => string; body?: unknown; expect: number[] }[] = [
    { action: 'read the workshop', method: 'GET', path: () => `/api/workshops/${w.id}`, expect: [200, 200, 200, 200, 401, 401, 401] },
    { action: 'read group 1’s board', method: 'GET', path: () => `/api/workshops/${w.id}/boards/1`, expect: [200, 200, 200, 403, 401, 401, 401] },
    { action: 'lock', method: 'POST', path: () => `/api/workshops/${w.id}/lock`, body: { locked: false }, expect: F_ONLY },
    { action: 'allow cross-view', method: 'POST', path: () => `/api/workshops/${w.id}/cross-view`, body: { enabled: false }, expect: F_ONLY },
    { action: 'start the timer', method: 'POST', path: () => `/api/workshops/${w.id}/timer`, body: { action: 'start', minutes: 1 }, expect: F_ONLY },
    { action: 'broadcast', method: 'POST', path: () => `/api/workshops/${w.id}/message`, body: { text: 'hej' }, expect: F_ONLY },
    { action: 'move a participant', method: 'POST', path: () => `/api/workshops/${w.id}/moves`, body: { clientId: 1, toGroup: 2 }, expect: F_ONLY },
    { action: 'take a snapshot', method: 'POST', path: () => `/api/workshops/${w.id}/snapshots`, body: { name: 'x' }, expect: [201, 403, 403, 403, 401, 401, 401] },
    { action: 'list snapshots', method: 'GET', path: () => `/api/workshops/${w.id}/snapshots`, expect: VIEWERS },
    { action: 'read a snapshot', method: 'GET', path: () => `/api/workshops/${w.id}/snapshots/${set.id}/groups/1`, expect: VIEWERS },
    { action: 'restore a snapshot', method: 'POST', path: () => `/api/workshops/${w.id}/snapshots/${set.id}/restore`, body: { group: 1 }, expect: [201, 403, 403, 403, 401, 401, 401] },
    { action: 'export the workshop', method: 'GET', path: () => `/api/workshops/${w.id}/export?format=json`, expect: F_ONLY },
    { action: 'start an export job', method: 'POST', path: () => `/api/workshops/${w.id}/exports`, body: { format: 'csv' }, expect: [202, 403, 403, 403, 401, 401, 401] },
    { action: 'send a board from outside (refusals only)', method: 'POST', path: () => `/api/workshops/${w.id}/groups`, body: { name: 'Miro', board: 'AAAA' }, expect: [-1, 403, 403, 403, 401, 401, 401] },
    { action: 'trade a link for a personal token', method: 'POST', path: () => `/api/workshops/${w.id}/tokens`, expect: [403, 403, 200, 200, 401, 401, 401] },
    { action: 'accept a move that was not asked for', method: 'POST', path: () => `/api/workshops/${w.id}/moves/accept`, body: { clientId: 999 }, expect: [404, 404, 404, 404, 401, 401, 401] },
    { action: 'delete the workshop (refusals only)', method: 'DELETE', path: () => `/api/workshops/${w.id}`, expect: [-1, 403, 403, 403, 401, 401, 401] },
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
      ['plenum', g1, { open: true }],
      ['plenum', g2, { open: true }],
      ['plenum', control, { open: true }],
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

  it('the plenum sees every board but the codes, and its link is the facilitator’s view’s', async () => {
    const p = await call<WorkshopView>(server.url, 'GET', `/api/workshops/${w.id}`, { token: w.plenumToken });
    expect(p.body.role).toBe('plenum');
    expect(p.body.groups.every((g) => g.code === undefined)).toBe(true);
    expect(p.body.plenumLink).toBeUndefined();
    const f = await call<WorkshopView>(server.url, 'GET', `/api/workshops/${w.id}`, { token: w.facilitatorToken });
    expect(f.body.plenumLink).toBe(`/p/${w.id}#${w.plenumToken}`);
    expect(w.links.plenum).toBe(f.body.plenumLink);
    expect(w.plenumToken).not.toBe(w.facilitatorToken);
  });

  it('websocket: the plenum only reads', async () => {
    const g1 = w.groups[0]!.room;
    const watcher = connectWithToken(server.url, g1, w.facilitatorToken);
    const plenum = connectWithToken(server.url, g1, w.plenumToken);
    clients.push(watcher, plenum);
    await Promise.all([synced(watcher), synced(plenum)]);
    plenum.doc.getMap('probe').set('from-plenum', 1);
    // Refused without ever being applied: the plenum is told why (4501) and resyncs.
    await until(() => plenum.closes.some((c) => c.code === 4501), 5000, 'the plenum’s write to be refused');
    expect(plenum.closes.find((c) => c.code === 4501)?.reason).toMatch(/read-only: the plenum view/);
    watcher.doc.getMap('probe').set('seen', 1);
    await until(() => plenum.doc.getMap('probe').get('seen') === 1);
    expect(watcher.doc.getMap('probe').has('from-plenum')).toBe(false);
    const fresh = connectWithToken(server.url, g1, w.facilitatorToken);
    clients.push(fresh);
    await synced(fresh);
    expect(fresh.doc.getMap('probe').has('from-plenum')).toBe(false);
    plenum.destroy();
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
    // Refused without ever being applied: each writer is told why (4501).
    await until(() => looker.closes.some((c) => c.code === 4501), 5000, 'the other group’s write to be refused');
    expect(looker.closes.find((c) => c.code === 4501)?.reason).toMatch(/read-only: another group’s board/);
    expect(watcher.doc.getMap('probe').has('from-other-group')).toBe(false);
    await until(() => controlWriter.closes.some((c) => c.code === 4501), 5000, 'the control write to be refused');
    expect(controlWriter.closes.find((c) => c.code === 4501)?.reason).toMatch(/only the server writes the control board/);
    const control = connectWithToken(server.url, `w-${w.id}-control`, w.facilitatorToken);
    clients.push(control);
    await synced(control);
    await until(() => control.doc.getMap('control').has('title'));
    expect(control.doc.getMap('control').get('locked')).toBe(false);
    controlWriter.destroy();
    // Turning cross-view off closes the lookers.
    await call(server.url, 'POST', `/api/workshops/${w.id}/cross-view`, { token: w.facilitatorToken, body: { enabled: false } });
    await until(() => (looker as ReturnType<typeof connectWithToken>).closes.some((c) => c.code === 4403));
  });
});

describe('moves: only the connection a move names takes it, and its old token is revoked', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let w: CreatedWorkshopResponse;
  const clients: Client[] = [];
  const open = (room: string, token: string) => {
    const c = connectWithToken(server.url, room, token);
    clients.push(c);
    return c;
  };
  const join = async (n: number): Promise<JoinResponse> => (await call<JoinResponse>(server.url, 'POST', '/api/join', { body: { code: w.groups[n - 1]!.code } })).body;
  const requestMove = (clientId: number, toGroup: number) => call(server.url, 'POST', `/api/workshops/${w.id}/moves`, { token: w.facilitatorToken, body: { clientId, toGroup } });
  const accept = (token: string, clientId: number) => call<JoinResponse & { error?: string }>(server.url, 'POST', `/api/workshops/${w.id}/moves/accept`, { token, body: { clientId } });

  beforeAll(async () => {
    server = await startTestServer();
    w = await createWorkshop(server.url, 3, ['kaedeansvar']);
    await call(server.url, 'POST', `/api/workshops/${w.id}/cross-view`, { token: w.facilitatorToken, body: { enabled: true } });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.close();
    removeDir(server.config.dataDir);
  });

  it('a participant who knows someone’s client id cannot take their move; the owner can, and the old token is refused over HTTP and websocket', async () => {
    const g1 = w.groups[0]!.room;
    const victim = await join(1);
    const other = await join(1);
    const onBoard = open(g1, victim.token);
    const bystander = open(g1, other.token);
    await Promise.all([synced(onBoard), synced(bystander)]);
    const id = onBoard.doc.clientID;
    onBoard.provider.awareness.setLocalStateField('user', { name: 'Vera' });
    // The bystander sees the victim's client id in awareness, as everyone on the board does.
    await until(() => bystander.provider.awareness.getStates().has(id));
    await until(() => server.sync.ownerOf(id) !== undefined);
    expect((await requestMove(id, 2)).status).toBe(200);

    const stolen = await accept(other.token, id);
    expect(stolen.status).toBe(403);
    expect(stolen.body.error).toMatch(/another participant/);
    for (const token of [w.facilitatorToken, w.plenumToken]) expect((await accept(token, id)).status).toBe(403);

    const moved = await accept(victim.token, id);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ workshopId: w.id, group: 2, link: expect.stringMatching(new RegExp(`^/g/${w.id}/2#`)) });
    // The move is taken once.
    expect((await accept(victim.token, id)).status).toBe(401);

    // The old token: its live connection is closed, and it opens nothing any more.
    await until(() => (onBoard as ReturnType<typeof connectWithToken>).closes.some((c) => c.code === 4401 && c.reason === REVOKED));
    const http = await call<{ error: string }>(server.url, 'GET', `/api/workshops/${w.id}`, { token: victim.token });
    expect(http).toMatchObject({ status: 401, body: { error: REVOKED } });
    expect(await probeRoom(server.url, g1, victim.token)).toEqual({ open: false, code: 4401, reason: REVOKED });
    expect(await probeRoom(server.url, `w-${w.id}-control`, victim.token)).toEqual({ open: false, code: 4401, reason: REVOKED });
    // The new token opens the new group's board; the bystander goes on.
    expect(await probeRoom(server.url, w.groups[1]!.room, moved.body.token)).toEqual({ open: true });
    expect(await probeRoom(server.url, g1, other.token)).toEqual({ open: true });
  });

  it('a connection that announces someone else’s client id (from another group’s board) does not own it', async () => {
    const victim = await join(1);
    const onBoard = open(w.groups[0]!.room, victim.token);
    await synced(onBoard);
    const id = onBoard.doc.clientID;
    await until(() => server.sync.ownerOf(id) !== undefined);
    // A participant of group 3 (cross-view is on) opens its own board with a document whose
    // client id is the victim's, so its first awareness message names that id.
    const attacker = await join(3);
    const doc = new Y.Doc();
    doc.clientID = id;
    const provider = new WebsocketProvider(server.url.replace(/^http/, 'ws') + '/sync', w.groups[2]!.room, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: { token: attacker.token },
    });
    clients.push({ doc, provider, destroy: () => (provider.destroy(), doc.destroy()) });
    await synced({ doc, provider, destroy() {} });
    await new Promise((r) => setTimeout(r, 100));
    expect((await requestMove(id, 2)).status).toBe(200);
    expect((await accept(attacker.token, id)).status).toBe(403);
    expect((await accept(victim.token, id)).status).toBe(200);
  });

  it('someone who came by the group’s shared link keeps the link working for the rest of the group', async () => {
    const link = w.groups[2]!.token;
    const mover = open(w.groups[2]!.room, link);
    await synced(mover);
    const id = mover.doc.clientID;
    await until(() => server.sync.ownerOf(id) !== undefined);
    const view = await call<WorkshopView>(server.url, 'GET', `/api/workshops/${w.id}`, { token: link });
    expect(view.body.sharedLink).toBe(true);
    expect((await requestMove(id, 1)).status).toBe(200);
    expect((await accept(link, id)).status).toBe(200);
    expect((await call(server.url, 'GET', `/api/workshops/${w.id}`, { token: link })).status).toBe(200);
    // A personal token (what the group page trades the link for) is not marked shared.
    const personal = await call<JoinResponse>(server.url, 'POST', `/api/workshops/${w.id}/tokens`, { token: link });
    expect(personal.status).toBe(200);
    expect(personal.body.group).toBe(3);
    expect((await call<WorkshopView>(server.url, 'GET', `/api/workshops/${w.id}`, { token: personal.body.token })).body.sharedLink).toBeUndefined();
  });
});
