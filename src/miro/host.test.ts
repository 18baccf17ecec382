/**
 * The headless part's board work (host.ts) driven as the panel drives it: commands over a
 * channel, against the fake `miro` (test-fake-miro.ts), each page with its own iframe view of
 * the board, so that a panel can close mid-work as Miro closes it.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { overlaps } from '../layout/rect.js';
import { Board } from '../model/index.js';
import { startHeadless } from './app.js';
import { MiroHost } from './host.js';
import { CreditLimiter } from './limiter.js';
import { META_KEY } from './metadata.js';
import { planWidget } from './place.js';
import { channelPair, parseEvent } from './protocol.js';
import type { Channel, Command, HostEvent } from './protocol.js';
import { FakeMiroBoard, ManualClock } from './test-fake-miro.js';
import type { FakeItem } from './test-fake-miro.js';

const SESSION = 's-1';

/** A panel's end of the channel: posts commands, keeps what the host says. */
class PanelEnd {
  readonly events: HostEvent[] = [];
  constructor(readonly channel: Channel) {
    channel.listen((data) => {
      const e = parseEvent(data, SESSION);
      if (e !== null) this.events.push(e);
    });
  }
  ask(msg: Command): void {
    this.channel.post({ session: SESSION, msg });
  }
  last(type: HostEvent['type']): HostEvent | undefined {
    return this.events.filter((e) => e.type === type).at(-1);
  }
}

function setup(options: ConstructorParameters<typeof FakeMiroBoard>[0] = {}, fetchFn?: typeof fetch) {
  const clock = new ManualClock();
  const board = new FakeMiroBoard({ clock, ...options });
  const [hostEnd, panelEnd] = channelPair();
  const host = new MiroHost({ board: board.iframe(), channel: hostEnd, session: SESSION, limiter: new CreditLimiter({ clock }), ...(fetchFn ? { fetchFn } : {}) }).start();
  return { board, host, panel: new PanelEnd(panelEnd) };
}

/** Lets queued channel messages arrive, then waits for the host to finish. */
async function settle(host: MiroHost): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  await host.idle();
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

const bounds = (f: FakeItem) => ({ x: f.x - f.width / 2, y: f.y - f.height / 2, w: f.width, h: f.height });

/** A fake kaedeboard server: the workshop's groups, each a board; PUT replaces, POST adds. */
function fakeServer(groups: Map<number, { name: string; board: Uint8Array }>) {
  const calls: string[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${url}`);
    const n = Number(/\/(?:groups|boards)\/(\d+)$/.exec(url)?.[1]);
    if (method === 'GET' && url === '/api/workshops/w1') return Response.json({ groups: [...groups].map(([number, g]) => ({ number, name: g.name })) });
    if (method === 'GET' && url.startsWith('/api/workshops/w1/boards/')) {
      const g = groups.get(n);
      return g === undefined ? Response.json({ error: 'no such group' }, { status: 404 }) : new Response(g.board as BodyInit);
    }
    const body = JSON.parse(String(init?.body)) as { name?: string; board: string };
    const bytes = Uint8Array.from(atob(body.board), (c) => c.charCodeAt(0));
    if (method === 'PUT') {
      const g = groups.get(n);
      if (g === undefined) return Response.json({ error: 'no such group' }, { status: 404 });
      g.board = bytes;
      return Response.json({ number: n, name: g.name });
    }
    const number = groups.size + 1;
    groups.set(number, { name: body.name ?? '', board: bytes });
    return Response.json({ number, name: body.name, code: 'C', room: 'r', token: 't', link: 'l' }, { status: 201 });
  };
  return { fetchFn, calls };
}

describe('placing in the headless part', () => {
  it('goes on when the panel closes mid-placing: the frame is whole, and a notification says so', async () => {
    const { board, host, panel } = setup();
    panel.ask({ type: 'place', locale: 'da', widget: 'competence-profile' });
    // The panel is closed while the host works: its channel end goes away.
    await new Promise((r) => setTimeout(r, 0));
    panel.channel.close();
    await settle(host);
    const [frame] = board.frames();
    expect(frame?.meta[META_KEY]).toEqual({ v: 1, widget: 'competence-profile', key: 'frame', locale: 'da' });
    expect(frame?.childrenIds).toHaveLength(planWidget('competence-profile', { x: 0, y: 0 }, { locale: 'da' }).items.length - 1);
    expect(board.notices).toEqual([{ type: 'info', message: 'Kompetenceprofil er placeret.' }]);
    expect(board.zoomed).toEqual([[frame?.id]]);
  });

  it('placing run in a panel that closes leaves a half frame; the next hello finds it and it can be removed', async () => {
    const board = new FakeMiroBoard({ clock: new ManualClock() });
    // The panel working alone (no headless part): its iframe closes after five items.
    const panelView = board.iframe();
    const [a, b] = channelPair();
    const alone = new MiroHost({ board: panelView, channel: a, session: SESSION, limiter: new CreditLimiter({ clock: new ManualClock() }) }).start();
    const made: number[] = [];
    new PanelEnd(b).channel.listen((data) => {
      const e = parseEvent(data, SESSION);
      if (e?.type === 'progress' && /: 5 \//.test(e.text)) {
        made.push(5);
        panelView.close();
      }
    });
    b.post({ session: SESSION, msg: { type: 'place', locale: 'en', widget: 'bor-gor-matrix' } satisfies Command });
    for (let i = 0; i < 50; i++) await new Promise((r) => setTimeout(r, 0));
    expect(made).toEqual([5]);
    void alone;
    const [half] = board.frames();
    expect(half?.meta[META_KEY]).toMatchObject({ placing: true });
    expect(half?.childrenIds).toHaveLength(4);

    // The headless part, on the panel's next hello, reports it (panel and notification) ...
    const [hostEnd, panelEnd] = channelPair();
    const host = new MiroHost({ board: board.iframe(), channel: hostEnd, session: SESSION, limiter: new CreditLimiter({ clock: new ManualClock() }) }).start();
    const panel = new PanelEnd(panelEnd);
    panel.ask({ type: 'hello', locale: 'en' });
    await settle(host);
    const state = panel.last('state');
    expect(state).toMatchObject({ type: 'state', left: [{ id: half?.id, title: 'Should/Do matrix' }] });
    expect(board.notices.at(-1)).toEqual({ type: 'error', message: 'An interrupted placing left 1 half frames. See the panel.' });
    // ... and removes it with everything in it.
    panel.ask({ type: 'remove-frame', locale: 'en', frameId: half?.id as string });
    await settle(host);
    expect(board.items.size).toBe(0);
    expect(panel.last('done')).toEqual({ type: 'done', text: 'The frame “Should/Do matrix” is removed with 4 items.' });
    expect(panel.last('state')).toMatchObject({ left: [] });
  });

  it('six frames placed without panning lie side by side, none on another', async () => {
    for (const noEmptySpace of [false, true]) {
      const { board, host, panel } = setup({ noEmptySpace });
      for (const widget of ['seven-themes', 'bor-gor-matrix', 'competence-profile', 'seven-themes', 'bor-gor-matrix', 'competence-profile'] as const) {
        panel.ask({ type: 'place', locale: 'da', widget });
      }
      await settle(host);
      const frames = board.frames();
      expect(frames).toHaveLength(6);
      for (const [i, f] of frames.entries()) for (const g of frames.slice(i + 1)) expect(overlaps(bounds(f), bounds(g)), `${noEmptySpace} ${f.id} ${g.id}`).toBe(false);
      // Each was brought into view; later clicks waited their turn, and the panel heard how many.
      expect(board.zoomed.map((z) => z[0])).toEqual(frames.map((f) => f.id));
      expect(panel.events.some((e) => e.type === 'progress' && e.text.includes('5 venter.'))).toBe(true);
    }
  });

  it('a failure removes what it made and says so in the panel and as a notification', async () => {
    const { board, host, panel } = setup({ failOnCreate: 5 });
    panel.ask({ type: 'place', locale: 'en', widget: 'seven-themes', at: { x: 0, y: 0 } });
    await settle(host);
    expect(board.items.size).toBe(0);
    expect(panel.last('failed')).toMatchObject({ text: expect.stringContaining('fake: create #5 refused') });
    expect(board.notices).toEqual([{ type: 'error', message: 'Placing failed. Open the panel to see why.' }]);
  });

  it('stop ends the placing under way (removing what it made) and drops those waiting', async () => {
    const { board, host, panel } = setup();
    panel.channel.listen((data) => {
      const e = parseEvent(data, SESSION);
      if (e?.type === 'progress' && /: 4 \//.test(e.text)) panel.ask({ type: 'stop' });
    });
    panel.ask({ type: 'place', locale: 'en', widget: 'competence-profile' });
    panel.ask({ type: 'place', locale: 'en', widget: 'seven-themes' });
    await settle(host);
    expect(board.items.size).toBe(0);
    expect(panel.last('failed')).toMatchObject({ text: expect.stringMatching(/^The placing was stopped at \d+ \/ \d+\. Everything created has been removed again\.$/) });
  });

  it('ignores commands of another session and ones that do not parse', async () => {
    const { board, host, panel } = setup();
    panel.channel.post({ session: 'someone-else', msg: { type: 'place', locale: 'da', widget: 'seven-themes' } });
    panel.channel.post({ session: SESSION, msg: { type: 'place', locale: 'xx', widget: 'seven-themes' } });
    panel.channel.post({ session: SESSION, msg: { type: 'place', locale: 'da', widget: 'reflection-wall' } });
    await settle(host);
    expect(board.items.size).toBe(0);
  });
});

describe('sending to the plenum from the headless part', () => {
  it('a second send updates the group the first made; the frame remembers it', async () => {
    const groups = new Map<number, { name: string; board: Uint8Array }>();
    const server = fakeServer(groups);
    const { board, host, panel } = setup({}, server.fetchFn);
    panel.ask({ type: 'place', locale: 'da', widget: 'bor-gor-matrix', at: { x: 0, y: 0 } });
    await settle(host);
    const [frame] = board.frames();
    const send: Command = { type: 'send', locale: 'da', frameId: frame?.id as string, name: '', workshopId: 'w1', token: 't' };
    panel.ask(send);
    await settle(host);
    expect(panel.last('done')).toEqual({ type: 'done', text: 'Sendt som gruppe 1 (Bør/Gør-matrix).' });
    expect(frame?.meta[META_KEY]).toMatchObject({ workshop: 'w1', group: 1 });
    // More work in Miro, then the same frame again.
    board.addChild(frame?.id as string, { type: 'sticky_note', x: 400, y: 400, width: 100, height: 65, content: '<p>Ny seddel</p>' });
    panel.ask(send);
    await settle(host);
    expect(panel.last('done')).toEqual({ type: 'done', text: 'Gruppe 1 (Bør/Gør-matrix) er opdateret.' });
    expect(server.calls.filter((c) => !c.startsWith('GET'))).toEqual(['POST /api/workshops/w1/groups', 'PUT /api/workshops/w1/groups/1']);
    expect(groups.size).toBe(1);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, groups.get(1)?.board as Uint8Array);
    expect(new Board(doc).read().items.filter((i) => i.kind === 'matrix-note').map((i) => (i.props as { text: string }).text)).toEqual(['Ny seddel']);
    expect(board.notices.at(-1)).toEqual({ type: 'info', message: 'Gruppe 1 i plenum er opdateret.' });
  });

  it('"send all" sends every kaedeboard frame but those of another workshop', async () => {
    const groups = new Map<number, { name: string; board: Uint8Array }>();
    const { board, host, panel } = setup({}, fakeServer(groups).fetchFn);
    for (const widget of ['seven-themes', 'bor-gor-matrix', 'competence-profile'] as const) panel.ask({ type: 'place', locale: 'en', widget });
    await settle(host);
    const [, , third] = board.frames();
    (third as FakeItem).meta[META_KEY] = { ...((third as FakeItem).meta[META_KEY] as object), workshop: 'other', group: 2 };
    board.addChild(board.frames()[0]?.id as string, { type: 'shape', x: 1, y: 1, width: 10, height: 10, content: 'not ours' });
    panel.ask({ type: 'send-all', locale: 'en', workshopId: 'w1', token: 't' });
    await settle(host);
    expect(panel.last('done')).toEqual({ type: 'done', text: '2 frames sent: 2 new groups, 0 updated. 1 frames belong to another workshop and were not sent.' });
    expect([...groups.values()].map((g) => g.name)).toEqual(['The seven quality criteria', 'Should/Do matrix']);
  });

  it('a group’s board placed into Miro carries its notes, and sending it back updates that group', async () => {
    const doc = new Y.Doc();
    const src = new Board(doc);
    const widget = src.create('widget', { props: { widget: 'bor-gor-matrix' } }, 't');
    src.create('matrix-note', { props: { widget, field: 'gor-ikke-bor', text: 'Vi mødes for sjældent', criterion: 3, order: 1, color: 'green' } }, 't');
    src.create('note', { props: { text: 'Et løst notat' } }, 't');
    const groups = new Map([[4, { name: 'Gruppe 4', board: Y.encodeStateAsUpdate(doc) }]]);
    const server = fakeServer(groups);
    const { board, host, panel } = setup({}, server.fetchFn);
    panel.ask({ type: 'place-group', locale: 'da', group: 4, workshopId: 'w1', token: 't' });
    await settle(host);
    expect(panel.last('done')).toEqual({ type: 'done', text: 'Gruppe 4 (Gruppe 4) er placeret som 1 rammer.' });
    const [frame] = board.frames();
    expect(frame?.title).toBe('Bør/Gør-matrix – Gruppe 4');
    expect(frame?.meta[META_KEY]).toMatchObject({ widget: 'bor-gor-matrix', workshop: 'w1', group: 4 });
    const note = [...board.items.values()].find((i) => i.type === 'sticky_note');
    expect(note).toMatchObject({ content: '<p>3 · Vi mødes for sjældent</p>', style: { fillColor: 'light_green' } });
    expect((note?.meta[META_KEY] as { record?: string }).record).toBeDefined();
    panel.ask({ type: 'send', locale: 'da', frameId: frame?.id as string, name: '', workshopId: 'w1', token: 't' });
    await settle(host);
    expect(server.calls.at(-1)).toBe('PUT /api/workshops/w1/groups/4');
  });
});

describe('the headless entry', () => {
  it('opens the panel on the icon with its session; a refusal is shown as a notification', async () => {
    const board = new FakeMiroBoard();
    const [a] = channelPair();
    const { session } = startHeadless(board, a, 'abc');
    expect(session).toBe('abc');
    board.clickIcon();
    await new Promise((r) => setTimeout(r, 0));
    expect(board.opened).toEqual([{ url: '/miro/panel.html?s=abc' }]);
    board.openPanelError = 'another panel is open';
    board.clickIcon();
    await new Promise((r) => setTimeout(r, 0));
    expect(board.notices).toEqual([{ type: 'error', message: 'Panelet kunne ikke åbnes: another panel is open' }]);
  });
});
