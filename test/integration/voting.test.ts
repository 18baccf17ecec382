/**
 * Dot voting against a real server: participant credentials, allowances, closing (by the
 * facilitator and at the end time), hidden totals and revealing, 20 participants voting at once
 * (exact totals), the plenum's long poll, anonymity (no answer, export or stored row after
 * closing says which credential placed which dot) and refusals for another workshop's people.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Board } from '../../src/model/index.js';
import type { CreatedWorkshopResponse, JoinResponse } from '../../src/workshop/api.js';
import type { BallotResponse, ParticipantCredential, VoteListChoice, VoteTotals, VoteView } from '../../src/workshop/vote-api.js';
import { removeDir, startTestServer } from './harness.js';
import { call, createWorkshop } from './workshop-helpers.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
  if (server) removeDir(server.config.dataDir);
});

/** Writes matrix notes into group `n`'s board, as the group would. */
async function addNotes(w: CreatedWorkshopResponse, n: number, notes: [field: 'bor-gor' | 'bor-ikke-gor' | 'gor-ikke-bor' | 'hverken', text: string][]): Promise<void> {
  await server.rooms.change(`w-${w.id}-g${n}`, (doc) => {
    const board = new Board(doc);
    const matrix = board.read().items.find((i) => i.kind === 'widget' && i.props.widget === 'bor-gor-matrix')!.id;
    notes.forEach(([field, text], i) => board.create('matrix-note', { props: { widget: matrix, field, text, criterion: 0, order: i + 1, color: 'yellow' } }, 'test'));
    board.destroy();
  });
}

interface Voter {
  token: string;
  credential: string;
}

/** A participant of group `n`: a personal token (traded for the group's link, as the group page does) and a participant credential. */
async function voter(w: CreatedWorkshopResponse, n: number): Promise<Voter> {
  const joined = await call<JoinResponse>(server.url, 'POST', `/api/workshops/${w.id}/tokens`, { token: w.groups[n - 1]!.token });
  expect(joined.status).toBe(200);
  const c = await call<ParticipantCredential>(server.url, 'POST', `/api/workshops/${w.id}/participants`, { token: joined.body.token });
  expect(c.status).toBe(201);
  return { token: joined.body.token, credential: c.body.credential };
}

async function ballot(w: CreatedWorkshopResponse, voteId: string, v: Voter, dots: Record<string, number>, credential = v.credential) {
  const res = await fetch(`${server.url}/api/workshops/${w.id}/votes/${voteId}/ballot`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${v.token}`, 'x-participant': credential, 'content-type': 'application/json' },
    body: JSON.stringify({ dots }),
  });
  return { status: res.status, body: (await res.json()) as BallotResponse & { error?: string } };
}

async function getVote(w: CreatedWorkshopResponse, id: string, token: string, credential?: string): Promise<VoteView> {
  const res = await fetch(`${server.url}/api/workshops/${w.id}/votes/${id}`, { headers: { authorization: `Bearer ${token}`, ...(credential ? { 'x-participant': credential } : {}) } });
  expect(res.status).toBe(200);
  return (await res.json()) as VoteView;
}

const start = (w: CreatedWorkshopResponse, body: Record<string, unknown>, token = w.facilitatorToken) => call<VoteView & { error?: string }>(server.url, 'POST', `/api/workshops/${w.id}/votes`, { token, body });
const close = (w: CreatedWorkshopResponse, id: string) => call<VoteView>(server.url, 'POST', `/api/workshops/${w.id}/votes/${id}/close`, { token: w.facilitatorToken });

/** A workshop whose groups wrote "Bør, men gør ikke" notes (two groups the same one). */
async function workshopWithNotes(): Promise<CreatedWorkshopResponse> {
  const w = await createWorkshop(server.url, 3);
  await addNotes(w, 1, [['bor-ikke-gor', 'Inddrag de unge'], ['bor-ikke-gor', 'Fælles it'], ['bor-gor', 'Netværksmøder']]);
  await addNotes(w, 2, [['bor-ikke-gor', 'inddrag de unge '], ['bor-ikke-gor', 'Ledelsen møder op']]);
  await addNotes(w, 3, [['bor-ikke-gor', 'Mentorordning']]);
  return w;
}

describe('dot voting', () => {
  it('issues participant credentials to participants only', async () => {
    const w = await createWorkshop(server.url, 2);
    const link = w.groups[0]!.token;
    const mine = await call<ParticipantCredential>(server.url, 'POST', `/api/workshops/${w.id}/participants`, { token: link });
    expect(mine.status).toBe(201);
    expect(mine.body.credential).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect((await call(server.url, 'POST', `/api/workshops/${w.id}/participants`, { token: w.facilitatorToken })).status).toBe(403);
    expect((await call(server.url, 'POST', `/api/workshops/${w.id}/participants`, { token: w.plenumToken })).status).toBe(403);
    expect((await call(server.url, 'POST', `/api/workshops/${w.id}/participants`, {})).status).toBe(401);
    // Kept as a hash only.
    const rows = server.sqlite!.prepare('SELECT hash FROM vote_participants').all() as { hash: string }[];
    expect(rows.some((r) => r.hash === mine.body.credential)).toBe(false);
  });

  it('starts a vote over a synthesis list, one at a time, and tells every page through the control document', async () => {
    const w = await workshopWithNotes();
    const lists = await call<VoteListChoice[]>(server.url, 'GET', `/api/workshops/${w.id}/votes/lists`, { token: w.facilitatorToken });
    expect(lists.status).toBe(200);
    expect(lists.body.find((l) => l.id === 'bor-gor-matrix:bor-ikke-gor')).toEqual({ id: 'bor-gor-matrix:bor-ikke-gor', title: 'Bør/Gør: Bør, men gør ikke', count: 4 });
    expect((await call(server.url, 'GET', `/api/workshops/${w.id}/votes/lists`, { token: w.plenumToken })).status).toBe(403);
    expect((await start(w, { list: 'bor-gor-matrix:hverken', dots: 3, hidden: true })).status).toBe(409);
    expect((await start(w, { list: 'bor-gor-matrix:nowhere', dots: 3, hidden: true })).status).toBe(400);
    expect((await start(w, { list: 'bor-gor-matrix:bor-ikke-gor', dots: 0, hidden: true })).status).toBe(400);
    expect((await start(w, { list: 'bor-gor-matrix:bor-ikke-gor', dots: 3, hidden: true }, w.plenumToken)).status).toBe(403);
    expect((await start(w, { list: 'bor-gor-matrix:bor-ikke-gor', dots: 3, hidden: true }, w.groups[0]!.token)).status).toBe(403);
    const v = await start(w, { list: 'bor-gor-matrix:bor-ikke-gor', dots: 3, hidden: true });
    expect(v.status).toBe(201);
    expect(v.body).toMatchObject({ state: 'open', dots: 3, hidden: true, revealed: false, endsAt: null, voters: 0, cast: 0, totals: [0, 0, 0, 0] });
    expect(v.body.items.map((i) => [i.key, i.label, i.groups])).toEqual([
      [1, 'Inddrag de unge', [1, 2]],
      [2, 'Fælles it', [1]],
      [3, 'Ledelsen møder op', [2]],
      [4, 'Mentorordning', [3]],
    ]);
    expect((await server.api.control.read(w.id))!.vote).toMatchObject({ id: v.body.id, open: true, revealed: false });
    expect((await start(w, { list: 'bor-gor-matrix:bor-gor', dots: 3, hidden: true })).status).toBe(409);
    // Later notes do not change the items of a vote that has started.
    await addNotes(w, 3, [['bor-ikke-gor', 'Skrevet efter start']]);
    expect((await getVote(w, v.body.id, w.facilitatorToken)).items).toHaveLength(4);
    await close(w, v.body.id);
  });

  it('enforces the allowance, lets dots move, hides totals until revealed, and closes', async () => {
    const w = await workshopWithNotes();
    const v = (await start(w, { list: 'bor-gor-matrix:bor-ikke-gor', dots: 3, hidden: true })).body;
    const a = await voter(w, 1);
    const b = await voter(w, 2);
    expect((await ballot(w, v.id, a, { '1': 2, '2': 2 })).status).toBe(400);
    expect((await ballot(w, v.id, a, { '9': 1 })).status).toBe(400);
    expect((await ballot(w, v.id, a, { '1': -1 })).status).toBe(400);
    expect((await ballot(w, v.id, a, { '1': 1.5 })).status).toBe(400);
    const first = await ballot(w, v.id, a, { '1': 2, '2': 1 });
    expect(first).toEqual({ status: 200, body: { mine: { '1': 2, '2': 1 }, used: 3, version: 1 } });
    // Moving a dot: the whole ballot is replaced.
    expect((await ballot(w, v.id, a, { '1': 1, '2': 0, '4': 2 })).body).toEqual({ mine: { '1': 1, '4': 2 }, used: 3, version: 2 });
    expect((await ballot(w, v.id, b, { '1': 3 })).status).toBe(200);
    // Hidden: the plenum and the participants see how many took part, not the totals.
    const plenum = await getVote(w, v.id, w.plenumToken);
    expect(plenum).toMatchObject({ voters: 2, cast: 6, totals: null });
    expect(plenum.mine).toBeUndefined();
    const seenByA = await getVote(w, v.id, a.token, a.credential);
    expect(seenByA).toMatchObject({ totals: null, mine: { '1': 1, '4': 2 } });
    expect((await getVote(w, v.id, w.facilitatorToken)).totals).toEqual([4, 0, 0, 2]);
    const t = await call<VoteTotals>(server.url, 'GET', `/api/workshops/${w.id}/votes/${v.id}/totals`, { token: w.plenumToken });
    expect(t.body).toMatchObject({ totals: null, voters: 2, cast: 6, state: 'open' });
    expect((await call(server.url, 'GET', `/api/workshops/${w.id}/votes/${v.id}/totals`, { token: a.token })).status).toBe(403);
    // Revealing shows them to everyone.
    expect((await call(server.url, 'POST', `/api/workshops/${w.id}/votes/${v.id}/reveal`, { token: w.plenumToken })).status).toBe(403);
    expect((await call<VoteView>(server.url, 'POST', `/api/workshops/${w.id}/votes/${v.id}/reveal`, { token: w.facilitatorToken })).body.revealed).toBe(true);
    expect((await server.api.control.read(w.id))!.vote).toMatchObject({ id: v.id, open: true, revealed: true });
    expect((await getVote(w, v.id, w.plenumToken)).totals).toEqual([4, 0, 0, 2]);
    expect((await getVote(w, v.id, b.token, b.credential)).totals).toEqual([4, 0, 0, 2]);
    // Closed: nobody votes, the totals are fixed, the ballots are gone.
    const closed = (await close(w, v.id)).body;
    expect(closed).toMatchObject({ state: 'closed', voters: 2, cast: 6, totals: [4, 0, 0, 2] });
    expect((await server.api.control.read(w.id))!.vote).toMatchObject({ id: v.id, open: false });
    expect((await ballot(w, v.id, a, { '2': 1 })).status).toBe(409);
    expect((await getVote(w, v.id, w.plenumToken)).totals).toEqual([4, 0, 0, 2]);
    expect(server.sqlite!.prepare('SELECT count(*) AS n FROM vote_ballots WHERE vote_id = ?').get(v.id)).toEqual({ n: 0 });
    // A new vote may start now; the old one is kept with the workshop.
    expect((await start(w, { list: 'bor-gor-matrix:bor-gor', dots: 1, hidden: false })).status).toBe(201);
    const all = await call<VoteView[]>(server.url, 'GET', `/api/workshops/${w.id}/votes`, { token: w.plenumToken });
    expect(all.body.map((x) => [x.title, x.state, x.totals])).toEqual([
      ['Bør/Gør: Bør, men gør ikke', 'closed', [4, 0, 0, 2]],
      ['Bør/Gør: Bør og gør', 'open', [0]],
    ]);
  });

  it('closes by itself at its end time', async () => {
    const w = await workshopWithNotes();
    const v = (await start(w, { list: 'bor-gor-matrix:bor-ikke-gor', dots: 2, hidden: false, minutes: 0.005 })).body;
    expect(v.endsAt).toBeGreaterThan(v.createdAt);
    const a = await voter(w, 1);
    const early = await ballot(w, v.id, a, { '3': 2 });
    const wait = v.endsAt! - Date.now() + 150;
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    expect((await ballot(w, v.id, a, { '3': 1 })).status).toBe(409);
    const after = await getVote(w, v.id, w.plenumToken);
    expect(after.state).toBe('closed');
    expect((await server.api.control.read(w.id))!.vote).toMatchObject({ id: v.id, open: false });
    // The one ballot that came in time counts (if the machine was quick enough to send it).
    expect(after.totals).toEqual(early.status === 200 ? [0, 0, 2, 0] : [0, 0, 0, 0]);
  });

  it('20 participants voting at once end with exact totals; the plenum’s long poll follows', async () => {
    const w = await workshopWithNotes();
    const v = (await start(w, { list: 'bor-gor-matrix:bor-ikke-gor', dots: 5, hidden: true })).body;
    const voters = await Promise.all(Array.from({ length: 20 }, (_, i) => voter(w, (i % 3) + 1)));
    // The plenum waits for a change from version 0.
    const first = await call<VoteTotals>(server.url, 'GET', `/api/workshops/${w.id}/votes/${v.id}/totals`, { token: w.facilitatorToken });
    const polled = call<VoteTotals>(server.url, 'GET', `/api/workshops/${w.id}/votes/${v.id}/totals?after=${first.body.version}`, { token: w.facilitatorToken });
    await new Promise((r) => setTimeout(r, 50));
    expect(server.api.voting.hub.waiting).toBe(1);
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const finals = await Promise.all(
      voters.map(async (p) => {
        let last: Record<string, number> = {};
        for (let round = 0; round < 6; round++) {
          const dots: Record<string, number> = {};
          let left = Math.floor(random() * 6);
          while (left > 0) {
            const key = String(1 + Math.floor(random() * 4));
            dots[key] = (dots[key] ?? 0) + 1;
            left--;
          }
          const r = await ballot(w, v.id, p, dots);
          expect(r.status).toBe(200);
          last = r.body.mine;
        }
        return last;
      }),
    );
    const woke = await polled;
    expect(woke.body.version).toBeGreaterThan(first.body.version);
    const expected = [1, 2, 3, 4].map((k) => finals.reduce((n, m) => n + (m[String(k)] ?? 0), 0));
    const voted = finals.filter((m) => Object.keys(m).length > 0).length;
    const now = await call<VoteTotals>(server.url, 'GET', `/api/workshops/${w.id}/votes/${v.id}/totals`, { token: w.facilitatorToken });
    expect(now.body).toMatchObject({ totals: expected, voters: voted, cast: expected.reduce((a, b) => a + b, 0) });
    expect(now.body.version).toBe(first.body.version + 20 * 6);
    const closed = (await close(w, v.id)).body;
    expect(closed.totals).toEqual(expected);
    expect(closed.voters).toBe(voted);
    // Each participant's own ballot is told only to that participant, and not after closing.
    expect((await getVote(w, v.id, voters[0]!.token, voters[0]!.credential)).mine).toEqual({});
  });

  it('answers the long poll within milliseconds of a dot', async () => {
    const w = await workshopWithNotes();
    const v = (await start(w, { list: 'bor-gor-matrix:bor-ikke-gor', dots: 3, hidden: false })).body;
    const p = await voter(w, 2);
    const latencies: number[] = [];
    let version = 0;
    for (let i = 0; i < 15; i++) {
      const polled = call<VoteTotals>(server.url, 'GET', `/api/workshops/${w.id}/votes/${v.id}/totals?after=${version}`, { token: w.plenumToken });
      await new Promise((r) => setTimeout(r, 20));
      const sent = performance.now();
      await ballot(w, v.id, p, { [String(1 + (i % 4))]: 1 + (i % 3) });
      const got = await polled;
      latencies.push(performance.now() - sent);
      version = got.body.version;
      expect(got.body.totals![i % 4]).toBe(1 + (i % 3));
    }
    latencies.sort((a, b) => a - b);
    console.log(`long poll: a dot to the plenum's totals in ${latencies[7]!.toFixed(1)} ms (median), ${latencies.at(-1)!.toFixed(1)} ms (max of 15)`);
    expect(latencies.at(-1)!).toBeLessThan(250);
  });

  it('keeps votes anonymous: no answer or export names a credential, only counts', async () => {
    const w = await workshopWithNotes();
    const v = (await start(w, { list: 'bor-gor-matrix:bor-ikke-gor', dots: 2, hidden: false })).body;
    const people = await Promise.all([voter(w, 1), voter(w, 2), voter(w, 3)]);
    await ballot(w, v.id, people[0]!, { '1': 2 });
    await ballot(w, v.id, people[1]!, { '1': 1, '3': 1 });
    await ballot(w, v.id, people[2]!, { '4': 2 });
    const { createHash } = await import('node:crypto');
    const secrets = people.flatMap((p) => [p.credential, createHash('sha256').update(p.credential, 'utf8').digest('hex')]);
    const answers: string[] = [];
    for (const token of [w.facilitatorToken, w.plenumToken, people[0]!.token]) {
      answers.push(JSON.stringify((await call(server.url, 'GET', `/api/workshops/${w.id}/votes`, { token })).body));
      answers.push(JSON.stringify((await call(server.url, 'GET', `/api/workshops/${w.id}/votes/${v.id}`, { token })).body));
    }
    const exported = async (format: string): Promise<string> => {
      const res = await fetch(`${server.url}/api/workshops/${w.id}/export?format=${format}`, { headers: { authorization: `Bearer ${w.facilitatorToken}` } });
      expect(res.status, format).toBe(200);
      return Buffer.from(await res.arrayBuffer()).toString('latin1');
    };
    const exportsOpen: string[] = [];
    for (const format of ['json', 'csv', 'md']) exportsOpen.push(await exported(format));
    await close(w, v.id);
    for (const format of ['json', 'csv', 'md', 'pdf', 'docx']) exportsOpen.push(await exported(format));
    for (const text of [...answers, ...exportsOpen]) for (const s of secrets) expect(text).not.toContain(s);
    // The CSV holds the counts.
    const csv = exportsOpen[1]!;
    expect(csv).toContain('Inddrag de unge');
    expect(csv).toMatch(/vote/);
    // After closing, the stored rows hold counts only.
    expect(server.sqlite!.prepare('SELECT count(*) AS n FROM vote_ballots WHERE vote_id = ?').get(v.id)).toEqual({ n: 0 });
    expect(server.sqlite!.prepare('SELECT total FROM vote_items WHERE vote_id = ? ORDER BY key').all(v.id)).toEqual([{ total: 3 }, { total: 0 }, { total: 1 }, { total: 2 }]);
  });

  it('refuses another workshop’s participants', async () => {
    const a = await workshopWithNotes();
    const b = await workshopWithNotes();
    const va = (await start(a, { list: 'bor-gor-matrix:bor-ikke-gor', dots: 2, hidden: false })).body;
    const vb = (await start(b, { list: 'bor-gor-matrix:bor-ikke-gor', dots: 2, hidden: false })).body;
    const ofA = await voter(a, 1);
    const ofB = await voter(b, 1);
    // B's token on A's workshop: not a token of this workshop.
    expect((await ballot(a, va.id, ofB, { '1': 1 })).status).toBe(401);
    expect((await call(server.url, 'POST', `/api/workshops/${a.id}/participants`, { token: ofB.token })).status).toBe(401);
    // A's token with B's credential, and the other way round.
    expect((await ballot(a, va.id, ofA, { '1': 1 }, ofB.credential)).status).toBe(403);
    expect((await ballot(b, vb.id, ofB, { '1': 1 }, ofA.credential)).status).toBe(403);
    // A's vote through B's workshop: no such vote there.
    expect((await ballot(b, va.id, ofB, { '1': 1 })).status).toBe(404);
    // Without a credential, or with a made-up one.
    const none = await fetch(`${server.url}/api/workshops/${a.id}/votes/${va.id}/ballot`, { method: 'PUT', headers: { authorization: `Bearer ${ofA.token}`, 'content-type': 'application/json' }, body: '{"dots":{"1":1}}' });
    expect(none.status).toBe(401);
    expect((await ballot(a, va.id, ofA, { '1': 1 }, 'Z'.repeat(32))).status).toBe(403);
    // The facilitator and the plenum do not vote.
    expect((await ballot(a, va.id, { token: a.facilitatorToken, credential: ofA.credential }, { '1': 1 })).status).toBe(403);
    expect((await ballot(a, va.id, { token: a.plenumToken, credential: ofA.credential }, { '1': 1 })).status).toBe(403);
    expect((await getVote(a, va.id, a.facilitatorToken)).cast).toBe(0);
    // And deleting a workshop deletes its votes.
    await call(server.url, 'DELETE', `/api/workshops/${b.id}`, { token: b.facilitatorToken });
    expect(server.sqlite!.prepare('SELECT count(*) AS n FROM votes WHERE workshop_id = ?').get(b.id)).toEqual({ n: 0 });
    expect(server.sqlite!.prepare('SELECT count(*) AS n FROM vote_participants WHERE workshop_id = ?').get(b.id)).toEqual({ n: 0 });
  });
});
