/**
 * The Miro app against a real server: a frame sent to the plenum becomes a group; sent again
 * after more work it updates that group (checked on the server's board and by a client on the
 * group's room) instead of adding one; a group's board placed into Miro and sent back updates
 * only its own widget. The board side is the fake `miro` (no test here can reach Miro); the
 * server, its API and storage are real. Plus `PUT /api/workshops/:id/groups/:n`'s refusals and
 * the `/miro` redirect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from '../../src/model/index.js';
import type { Item } from '../../src/model/index.js';
import type { CreatedWorkshopResponse, WorkshopView } from '../../src/workshop/api.js';
import { MiroHost } from '../../src/miro/host.js';
import { CreditLimiter } from '../../src/miro/limiter.js';
import { channelPair } from '../../src/miro/protocol.js';
import type { Command } from '../../src/miro/protocol.js';
import { buildBoard, encodeBoard } from '../../src/miro/readback.js';
import { FakeMiroBoard } from '../../src/miro/test-fake-miro.js';
import type { FakeItem } from '../../src/miro/test-fake-miro.js';
import { removeDir, startTestServer, synced, until, type Client } from './harness.js';
import { call, connectWithToken, createWorkshop } from './workshop-helpers.js';

describe('Miro frames and workshop groups', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let w: CreatedWorkshopResponse;
  const clients: Client[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    w = await createWorkshop(server.url, 2);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.close();
    removeDir(server.config.dataDir);
  });

  /** The headless part on a fake board, talking to the real server (the app's pages are same-origin). */
  function miro() {
    const board = new FakeMiroBoard();
    const [hostEnd, panelEnd] = channelPair();
    const fetchFn: typeof fetch = (input, init) => fetch(server.url + String(input), init);
    const host = new MiroHost({ board: board.iframe(), channel: hostEnd, session: 's', limiter: new CreditLimiter(), fetchFn }).start();
    const ask = async (msg: Command): Promise<void> => {
      panelEnd.post({ session: 's', msg });
      for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
      await host.idle();
    };
    return { board, ask };
  }

  async function groupBoard(n: number): Promise<Board> {
    const r = await call<Uint8Array>(server.url, 'GET', `/api/workshops/${w.id}/boards/${n}`, { token: w.facilitatorToken });
    expect(r.status).toBe(200);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, r.body);
    return new Board(doc);
  }

  const texts = (board: Board, kind: 'matrix-note' | 'competence-card' | 'theme-note'): string[] =>
    board
      .read()
      .items.filter((i) => i.kind === kind)
      .map((i) => (i.props as { text: string }).text)
      .sort();

  const groupsNow = async (): Promise<number[]> => (await call<WorkshopView>(server.url, 'GET', `/api/workshops/${w.id}`, { token: w.facilitatorToken })).body.groups.map((g) => g.number);

  it('a frame sent again updates the group it made, which a connected client sees', async () => {
    const { board, ask } = miro();
    await ask({ type: 'place', locale: 'da', widget: 'bor-gor-matrix', at: { x: 0, y: 0 } });
    const frame = board.frames()[0] as FakeItem;
    board.addChild(frame.id, { type: 'sticky_note', x: 400, y: 400, width: 100, height: 65, content: '<p>Første seddel</p>' });
    const send: Command = { type: 'send', locale: 'da', frameId: frame.id, name: 'Miro-gruppe', workshopId: w.id, token: w.facilitatorToken };
    await ask(send);
    expect(await groupsNow()).toEqual([1, 2, 3]);
    expect(texts(await groupBoard(3), 'matrix-note')).toEqual(['Første seddel']);

    const view = await call<WorkshopView>(server.url, 'GET', `/api/workshops/${w.id}`, { token: w.facilitatorToken });
    const room = view.body.groups.find((g) => g.number === 3)?.room as string;
    const client = connectWithToken(server.url, room, w.facilitatorToken);
    clients.push(client);
    await synced(client);

    // More work in Miro: a second note, and the first moved to another field.
    board.addChild(frame.id, { type: 'sticky_note', x: 1400, y: 1100, width: 100, height: 65, content: '<p>Anden seddel</p>' });
    await ask(send);
    expect(await groupsNow()).toEqual([1, 2, 3]);
    const after = await groupBoard(3);
    expect(texts(after, 'matrix-note')).toEqual(['Anden seddel', 'Første seddel']);
    expect(after.read().items.filter((i) => i.kind === 'widget')).toHaveLength(1);
    const live = new Board(client.doc);
    await until(() => texts(live, 'matrix-note').length === 2, 5000, 'the client to see the update');
  });

  it('a group’s board placed into Miro and sent back changes only that widget', async () => {
    const before = await groupBoard(1);
    const cards = texts(before, 'competence-card');
    const widgets = before.read().items.filter((i): i is Item<'widget'> => i.kind === 'widget');
    expect(widgets.map((x) => x.props.widget)).toContain('bor-gor-matrix');
    const { board, ask } = miro();
    await ask({ type: 'place-group', locale: 'da', group: 1, workshopId: w.id, token: w.facilitatorToken });
    const matrix = board.frames().find((f) => (f.meta.kaedeboard as { widget: string }).widget === 'bor-gor-matrix') as FakeItem;
    expect(matrix.title).toMatch(/^Bør\/Gør-matrix – /);
    board.addChild(matrix.id, { type: 'sticky_note', x: 400, y: 400, width: 100, height: 65, content: '<p>Fra Miro</p>' });
    await ask({ type: 'send', locale: 'da', frameId: matrix.id, name: '', workshopId: w.id, token: w.facilitatorToken });
    expect(await groupsNow()).toEqual([1, 2, 3]);
    const after = await groupBoard(1);
    expect(texts(after, 'matrix-note')).toEqual(['Fra Miro']);
    // The profile (another widget of the group) is as it was.
    expect(texts(after, 'competence-card')).toEqual(cards);
    expect(after.read().items.filter((i) => i.kind === 'widget').map((i) => i.id).sort()).toEqual(widgets.map((x) => x.id).sort());
  });

  it('PUT takes the facilitator’s token only, a group that exists, and a board with a widget', async () => {
    const doc = buildBoard({ widget: 'seven-themes', pieces: [1], notes: [{ criterion: 1, text: 'x' }], unplaced: [] }, 'T');
    const board = encodeBoard(doc);
    const put = (n: number, token: string | null, body: unknown) => call<{ error?: string }>(server.url, 'PUT', `/api/workshops/${w.id}/groups/${n}`, { token, body });
    expect((await put(1, null, { board })).status).toBe(401);
    expect((await put(1, w.plenumToken, { board })).status).toBe(403);
    expect((await put(1, w.groups[0]!.token, { board })).status).toBe(403);
    expect((await put(99, w.facilitatorToken, { board })).status).toBe(404);
    expect((await put(1, w.facilitatorToken, { board: 'not base64!' })).status).toBe(400);
    const empty = encodeBoard(new Y.Doc());
    expect(await put(1, w.facilitatorToken, { board: empty.length >= 4 ? empty : 'AAAA' })).toMatchObject({ status: 400 });
    const ok = await put(1, w.facilitatorToken, { board });
    expect(ok).toMatchObject({ status: 200, body: { number: 1, widgets: [{ type: 'seven-themes', added: false, records: 1 }] } });
    expect(texts(await groupBoard(1), 'theme-note')).toEqual(['x']);
  });

  it('/miro redirects to /miro/, keeping the query', async () => {
    const res = await fetch(`${server.url}/miro?x=1`, { redirect: 'manual' });
    expect(res.status).toBe(308);
    expect(res.headers.get('location')).toBe('/miro/?x=1');
  });
});
