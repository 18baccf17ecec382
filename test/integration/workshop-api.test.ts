import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from '../../src/model/index.js';
import type { ControlState, CreatedWorkshopResponse, JoinResponse, SnapshotSetView, WorkshopView } from '../../src/workshop/api.js';
import { removeDir, startTestServer, synced, until, type Client } from './harness.js';
import { call, connectWithToken, createWorkshop, probeRoom } from './workshop-helpers.js';

describe('workshops over the API and websockets', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let ws: CreatedWorkshopResponse;
  const clients: Client[] = [];
  const open = (room: string, token: string | null): ReturnType<typeof connectWithToken> => {
    const c = connectWithToken(server.url, room, token);
    clients.push(c);
    return c;
  };
  beforeAll(async () => {
    server = await startTestServer();
    ws = await createWorkshop(server.url, 3);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.close();
    removeDir(server.config.dataDir);
  });

  it('creates a workshop: secret links, typable codes, and each group board already holds its widgets', async () => {
    expect(ws.facilitatorToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(ws.links.facilitator).toBe(`/f/${ws.id}#${ws.facilitatorToken}`);
    expect(ws.groups.map((g) => g.code)).toHaveLength(3);
    for (const g of ws.groups) expect(g.code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(new Set(ws.groups.map((g) => g.token)).size).toBe(3);
    // Tokens are stored only as hashes.
    const stored = server.sqlite!.prepare('SELECT hash FROM workshop_tokens').all() as { hash: string }[];
    expect(stored.map((r) => r.hash).some((h) => ws.groups.some((g) => g.token === h) || h === ws.facilitatorToken || h === ws.plenumToken)).toBe(false);
    expect(ws.plenumToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(ws.links.plenum).toBe(`/p/${ws.id}#${ws.plenumToken}`);

    const c = open(ws.groups[0]!.room, ws.groups[0]!.token);
    await synced(c);
    const board = new Board(c.doc);
    await until(() => board.read().items.filter((i) => i.kind === 'widget').length === 4);
    expect(board.meta().title).toBe('KUI workshop · Gruppe 1');
    board.destroy();
  });

  it('joins by code (with its own token) and refuses unknown codes', async () => {
    const g2 = ws.groups[1]!;
    const r = await call<JoinResponse>(server.url, 'POST', '/api/join', { body: { code: g2.code.toLowerCase().replace(/(...)/, '$1-') } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ workshopId: ws.id, group: 2, link: expect.stringMatching(new RegExp(`^/g/${ws.id}/2#`)) });
    expect(r.body.token).not.toBe(g2.token);
    expect(await probeRoom(server.url, g2.room, r.body.token)).toEqual({ open: true });
    const bad = await call(server.url, 'POST', '/api/join', { body: { code: 'ZZZZZZ' } });
    expect(bad).toMatchObject({ status: 404, body: { error: 'no group has this code' } });
  });

  it('shows codes to the facilitator only', async () => {
    const f = await call<WorkshopView>(server.url, 'GET', `/api/workshops/${ws.id}`, { token: ws.facilitatorToken });
    expect(f.body.role).toBe('facilitator');
    expect(f.body.groups[0]!.code).toBe(ws.groups[0]!.code);
    const p = await call<WorkshopView>(server.url, 'GET', `/api/workshops/${ws.id}`, { token: ws.groups[0]!.token });
    expect(p.body).toMatchObject({ role: 'participant', group: 1 });
    expect(p.body.groups[0]!.code).toBeUndefined();
  });

  it('a lock is enforced by the server: a participant’s write is refused, the facilitator’s is not', async () => {
    const g = ws.groups[2]!;
    const participant = open(g.room, g.token);
    const facilitator = open(g.room, ws.facilitatorToken);
    await Promise.all([synced(participant), synced(facilitator)]);
    participant.doc.getMap('probe').set('before', 1);
    await until(() => facilitator.doc.getMap('probe').get('before') === 1);

    expect((await call(server.url, 'POST', `/api/workshops/${ws.id}/lock`, { token: ws.facilitatorToken, body: { locked: true } })).status).toBe(200);
    participant.doc.getMap('probe').set('while-locked', 1);
    // The refused write is never applied: the participant is told why (4501) and resyncs.
    await until(() => participant.closes.some((c) => c.code === 4501), 5000, 'the refused write to close the participant');
    expect(participant.closes.find((c) => c.code === 4501)?.reason).toMatch(/write refused: the boards are locked/);
    facilitator.doc.getMap('probe').set('facilitator', 1);
    await until(() => participant.doc.getMap('probe').get('facilitator') === 1);
    expect(facilitator.doc.getMap('probe').has('while-locked')).toBe(false);
    expect(server.metrics.writesRefused.get({ reason: 'write refused' })).toBeGreaterThan(0);
    // A fresh reader sees what the server holds: nothing written while locked.
    const reader = open(g.room, ws.facilitatorToken);
    await synced(reader);
    expect(reader.doc.getMap('probe').toJSON()).toEqual({ before: 1, facilitator: 1 });

    await call(server.url, 'POST', `/api/workshops/${ws.id}/lock`, { token: ws.facilitatorToken, body: { locked: false } });
    // The stock client still holds the refused write and sends it again when it resyncs: its
    // client id is burned in this room, so it never lands after the lock is lifted either.
    const refusalsBefore = participant.closes.length;
    await until(() => participant.closes.length > refusalsBefore, 5000, 'the resent write to be refused again');
    expect(participant.closes.at(-1)).toMatchObject({ code: 4501, reason: expect.stringMatching(/holds a refused change/) });
    expect(facilitator.doc.getMap('probe').has('while-locked')).toBe(false);
    // The browser app then drops its copy and rejoins with a fresh one (a new client id), which writes.
    participant.destroy();
    const fresh = open(g.room, g.token);
    await synced(fresh);
    fresh.doc.getMap('probe').set('after', 1);
    await until(() => facilitator.doc.getMap('probe').get('after') === 1);
    expect(facilitator.doc.getMap('probe').toJSON()).toEqual({ before: 1, facilitator: 1, after: 1 });
  });

  it('timer, message and lock reach everyone through the read-only control document', async () => {
    const c = open(`w-${ws.id}-control`, ws.groups[0]!.token);
    await synced(c);
    const control = () => c.doc.getMap('control').toJSON() as ControlState;
    const t0 = Date.now();
    const timer = await call<ControlState['timer']>(server.url, 'POST', `/api/workshops/${ws.id}/timer`, { token: ws.facilitatorToken, body: { action: 'start', minutes: 10 } });
    expect(timer.body.endsAt! - t0).toBeGreaterThan(599_000);
    await call(server.url, 'POST', `/api/workshops/${ws.id}/timer`, { token: ws.facilitatorToken, body: { action: 'add', minutes: 5 } });
    await call(server.url, 'POST', `/api/workshops/${ws.id}/message`, { token: ws.facilitatorToken, body: { text: '5 minutter tilbage <b>!</b>' } });
    await until(() => control().message?.text === '5 minutter tilbage <b>!</b>');
    expect(control().timer.endsAt! - t0).toBeGreaterThan(899_000);
    const paused = await call<ControlState['timer']>(server.url, 'POST', `/api/workshops/${ws.id}/timer`, { token: ws.facilitatorToken, body: { action: 'pause' } });
    expect(paused.body).toMatchObject({ endsAt: null, remainingMs: expect.any(Number) });
    // A participant cannot write the control document.
    c.doc.getMap('control').set('locked', true);
    const reader = open(`w-${ws.id}-control`, ws.facilitatorToken);
    await synced(reader);
    await until(() => (reader.doc.getMap('control').toJSON() as ControlState).message !== undefined);
    expect((reader.doc.getMap('control').toJSON() as ControlState).locked).toBe(false);
    const bad = await call(server.url, 'POST', `/api/workshops/${ws.id}/timer`, { token: ws.facilitatorToken, body: { action: 'start', minutes: -3 } });
    expect(bad.status).toBe(400);
  });

  it('snapshots every board at once, lists them, serves them, and restores one as a new board', async () => {
    const g = ws.groups[0]!;
    const writer = open(g.room, g.token);
    await synced(writer);
    writer.doc.getMap('probe').set('in-snapshot', 'yes');
    await until(async () => { const state = await server.rooms.state(g.room); if (state.length === 0) return false; const d = new Y.Doc(); Y.applyUpdate(d, state); return d.getMap('probe').get('in-snapshot') === 'yes'; });
    const snap = await call<SnapshotSetView>(server.url, 'POST', `/api/workshops/${ws.id}/snapshots`, { token: ws.facilitatorToken, body: { name: 'Plenum 1' } });
    expect(snap.status).toBe(201);
    expect(snap.body.groups).toEqual([1, 2, 3]);
    writer.doc.getMap('probe').set('after-snapshot', 'yes');
    const list = await call<SnapshotSetView[]>(server.url, 'GET', `/api/workshops/${ws.id}/snapshots`, { token: ws.facilitatorToken });
    expect(list.body.map((s) => s.name)).toEqual(['Plenum 1']);
    const bin = await call<Uint8Array>(server.url, 'GET', `/api/workshops/${ws.id}/snapshots/${snap.body.id}/groups/1`, { token: ws.facilitatorToken });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, bin.body);
    expect(doc.getMap('probe').get('in-snapshot')).toBe('yes');
    expect(doc.getMap('probe').has('after-snapshot')).toBe(false);
    expect(new Board(doc).read().items.filter((i) => i.kind === 'widget')).toHaveLength(4);

    const restored = await call<{ number: number; room: string; token: string; name: string }>(server.url, 'POST', `/api/workshops/${ws.id}/snapshots/${snap.body.id}/restore`, { token: ws.facilitatorToken, body: { group: 1 } });
    expect(restored.status).toBe(201);
    expect(restored.body).toMatchObject({ number: 4, name: 'Gruppe 1 (Plenum 1)' });
    const c = open(restored.body.room, restored.body.token);
    await synced(c);
    await until(() => c.doc.getMap('probe').get('in-snapshot') === 'yes');
    expect(c.doc.getMap('probe').has('after-snapshot')).toBe(false);
  });

  it('deletes a workshop whole: clients are told (4410), data and tokens are gone', async () => {
    const w = await createWorkshop(server.url, 2);
    const c = open(w.groups[0]!.room, w.groups[0]!.token);
    await synced(c);
    const r = await call(server.url, 'DELETE', `/api/workshops/${w.id}`, { token: w.facilitatorToken });
    expect(r).toMatchObject({ status: 200, body: { deleted: true } });
    await until(() => (c as ReturnType<typeof connectWithToken>).closes.some((x) => x.code === 4410));
    expect((await server.store.listRooms()).filter((room) => room.includes(w.id))).toEqual([]);
    expect((await call(server.url, 'GET', `/api/workshops/${w.id}`, { token: w.facilitatorToken })).status).toBe(404);
    expect(await probeRoom(server.url, w.groups[0]!.room, w.groups[0]!.token)).toEqual({ open: false, code: 4404, reason: 'unknown workshop' });
    expect(server.sqlite!.prepare('SELECT count(*) AS n FROM workshop_tokens WHERE workshop_id = ?').get(w.id)).toEqual({ n: 0 });
  });

  it('deletes workshops past their retention period', async () => {
    const w = await createWorkshop(server.url, 1);
    expect(await server.api.deleteExpired(Date.now() + 29 * 86_400_000)).toBe(0);
    expect(await server.api.deleteExpired(Date.now() + 31 * 86_400_000)).toBeGreaterThanOrEqual(1);
    expect(await server.workshops.get(w.id)).toBeNull();
  });

  it('refuses bad input with clear errors', async () => {
    const cases: [unknown, RegExp][] = [
      [{ title: '', parts: ['kaedeansvar'], groups: 2, locale: 'da' }, /title/],
      [{ title: 'x', parts: [], groups: 2, locale: 'da' }, /parts/],
      [{ title: 'x', parts: ['nope'], groups: 2, locale: 'da' }, /parts/],
      [{ title: 'x', parts: ['kaedeansvar'], groups: 31, locale: 'da' }, /groups/],
      [{ title: 'x', parts: ['kaedeansvar'], groups: 2, locale: 'sv' }, /locale/],
    ];
    for (const [body, re] of cases) {
      const r = await call<{ error: string }>(server.url, 'POST', '/api/workshops', { body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error).toMatch(re);
    }
    const notJson = await fetch(server.url + '/api/workshops', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(notJson.status).toBe(400);
    const big = await fetch(server.url + '/api/workshops', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'x'.repeat(100_000) }) });
    expect(big.status).toBe(413);
  });

  it('limits attempts to guess codes', async () => {
    let last = 0;
    for (let i = 0; i < 12; i++) last = (await call(server.url, 'POST', '/api/join', { body: { code: `AAAA${i}` } })).status;
    expect(last).toBe(429);
  });
});
