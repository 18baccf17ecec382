/**
 * The run-sheet and the facilitator's lead over the API against a real server: a new workshop
 * starts at its first step; the facilitator edits a step and moves the workshop on (the timer
 * starts with the step's minutes); "bring everyone here", "look here" and "follow me" reach the
 * control document every page reads; nobody else may do any of it, and a group can be made to
 * follow only the facilitator's own connection to that group's board.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ControlDoc, type ControlState } from '../../src/model/index.js';
import type { Attention, CreatedWorkshopResponse, RunSheetView } from '../../src/workshop/api.js';
import { removeDir, startTestServer, synced, until, type Client } from './harness.js';
import { call, connectWithToken, createWorkshop } from './workshop-helpers.js';

describe('the run-sheet and attention', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let w: CreatedWorkshopResponse;
  const clients: Client[] = [];
  let control: ControlDoc;
  const state = (): ControlState => control.state() as ControlState;
  const api = <T>(method: string, path: string, token: string | null, body?: unknown) => call<T>(server.url, method, `/api/workshops/${w.id}${path}`, { token, body });

  beforeAll(async () => {
    server = await startTestServer();
    w = await createWorkshop(server.url, 2);
    const c = connectWithToken(server.url, `w-${w.id}-control`, w.groups[0]!.token);
    clients.push(c);
    await synced(c);
    control = new ControlDoc(c.doc);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.close();
    removeDir(server.config.dataDir);
  });

  it('a new workshop has its parts’ steps and starts at the first', async () => {
    await until(() => state()?.steps.length === 5, 5000, 'the steps');
    expect(state().steps.map((s) => s.id)).toEqual(['kaedeansvar-work', 'kaedeansvar-plenum', 'kontaktperson-profile', 'kontaktperson-wall', 'kontaktperson-plenum']);
    expect(state().step?.id).toBe('kaedeansvar-work');
    const r = await api<RunSheetView>('GET', '/run-sheet', w.facilitatorToken);
    expect(r.status).toBe(200);
    expect(r.body.steps).toEqual(state().steps);
  });

  it('only the facilitator reads or changes the run-sheet and the attention', async () => {
    for (const token of [w.plenumToken, w.groups[0]!.token]) {
      expect((await api('GET', '/run-sheet', token)).status).toBe(403);
      expect((await api('POST', '/run-sheet/go', token, { to: 'next' })).status).toBe(403);
      expect((await api('POST', '/run-sheet/steps/kaedeansvar-work', token, { minutes: 5 })).status).toBe(403);
      expect((await api('POST', '/attention', token, {})).status).toBe(403);
      expect((await api('POST', '/pointer', token, { group: 1, point: { x: 1, y: 1 } })).status).toBe(403);
      expect((await api('POST', '/lead', token, { group: 1, clientId: null })).status).toBe(403);
    }
    expect((await api('GET', '/run-sheet', null)).status).toBe(401);
  });

  it('edits a step, and moving on starts the step’s minutes on every screen', async () => {
    const edited = await api<RunSheetView>('POST', '/run-sheet/steps/kaedeansvar-plenum', w.facilitatorToken, { text: { en: 'Tell us.' }, minutes: 12 });
    expect(edited.status).toBe(200);
    const step = edited.body.steps[1]!;
    expect(step.text.en).toBe('Tell us.');
    expect(step.text.da).toMatch(/^Vælg de to vigtigste sedler/);
    expect(step.minutes).toBe(12);
    expect(edited.body.step?.id).toBe('kaedeansvar-work');
    expect((await api('POST', '/run-sheet/steps/nope', w.facilitatorToken, { minutes: 1 })).status).toBe(404);
    expect((await api('POST', '/run-sheet/steps/kaedeansvar-work', w.facilitatorToken, { minutes: 999 })).status).toBe(400);

    const before = Date.now();
    const next = await api<RunSheetView>('POST', '/run-sheet/go', w.facilitatorToken, { to: 'next' });
    expect(next.status).toBe(200);
    expect(next.body.step?.id).toBe('kaedeansvar-plenum');
    await until(() => state().step?.id === 'kaedeansvar-plenum', 5000, 'the step on the participant’s copy');
    expect(state().step!.at).toBeGreaterThanOrEqual(before);
    expect(state().timer.endsAt! - state().step!.at).toBe(12 * 60_000);
    expect((await api<RunSheetView>('POST', '/run-sheet/go', w.facilitatorToken, { to: 'previous' })).body.step?.id).toBe('kaedeansvar-work');
    expect((await api<RunSheetView>('POST', '/run-sheet/go', w.facilitatorToken, { step: 'kontaktperson-plenum' })).body.step?.id).toBe('kontaktperson-plenum');
    expect((await api('POST', '/run-sheet/go', w.facilitatorToken, { to: 'next' })).status).toBe(409);
    expect((await api('POST', '/run-sheet/go', w.facilitatorToken, { step: 'nope' })).status).toBe(404);
  });

  it('brings everyone, or one group, to a tool or a place; shows a pointer', async () => {
    const all = await api<Attention>('POST', '/attention', w.facilitatorToken, {});
    expect(all.status).toBe(200);
    // Without a target: the current step's first tool.
    expect(all.body).toMatchObject({ group: null, tool: 'competence-profile' });
    await until(() => state().attention?.at === all.body.at, 5000, 'the attention');
    const one = await api<Attention>('POST', '/attention', w.facilitatorToken, { group: 2, rect: { x: 10, y: 20, w: 300, h: 200 } });
    expect(one.body).toMatchObject({ group: 2, rect: { x: 10, y: 20, w: 300, h: 200 } });
    expect((await api('POST', '/attention', w.facilitatorToken, { group: 9, tool: 'seven-themes' })).status).toBe(400);
    expect((await api('POST', '/attention', w.facilitatorToken, { tool: 'hammer' })).status).toBe(400);

    const p = await api('POST', '/pointer', w.facilitatorToken, { group: 1, point: { x: 120, y: 80 } });
    expect(p.body).toMatchObject({ group: 1, x: 120, y: 80 });
    await until(() => state().pointer?.x === 120, 5000, 'the pointer');
    await api('POST', '/pointer', w.facilitatorToken, { group: 1, point: null });
    await until(() => state().pointer === null, 5000, 'the pointer gone');
  });

  it('a group follows the facilitator’s own connection to its board, nobody else’s', async () => {
    const room = `w-${w.id}-g1`;
    const facilitator = connectWithToken(server.url, room, w.facilitatorToken);
    const participant = connectWithToken(server.url, room, w.groups[0]!.token);
    const elsewhere = connectWithToken(server.url, `w-${w.id}-g2`, w.facilitatorToken);
    clients.push(facilitator, participant, elsewhere);
    for (const c of [facilitator, participant, elsewhere]) {
      await synced(c);
      c.provider.awareness.setLocalState({ user: { name: c === participant ? 'Ida' : 'Facilitator', color: '#1f5fa8' } });
    }
    const lead = (clientId: number | null) => api('POST', '/lead', w.facilitatorToken, { group: 1, clientId });
    // Awareness reaches the server a moment after the state is set: ask until it has.
    let ok = 0;
    for (let i = 0; i < 50 && ok !== 200; i++) {
      ok = (await lead(facilitator.doc.clientID)).status;
      if (ok !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(ok).toBe(200);
    await until(() => state().lead?.clientId === facilitator.doc.clientID, 5000, 'the lead');
    expect(state().lead?.group).toBe(1);
    // A participant's connection, or the facilitator's connection to another group's board: refused.
    expect((await lead(participant.doc.clientID)).status).toBe(403);
    expect((await lead(elsewhere.doc.clientID)).status).toBe(403);
    expect((await lead(123456789)).status).toBe(403);
    expect((await lead(null)).status).toBe(200);
    await until(() => state().lead === null, 5000, 'the lead gone');
  });
});
