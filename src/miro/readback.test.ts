import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from '../model/index.js';
import type { Item } from '../model/index.js';
import { DEFAULT_DECK } from '../content/competences.js';
import { fieldRect } from '../kinds/bor-gor-matrix/layout.js';
import type { MatrixField } from '../kinds/bor-gor-matrix/layout.js';
import { columnRect } from '../kinds/competence-profile/layout.js';
import { sevenThemesLayout } from '../kinds/seven-themes/layout.js';
import type { Rect } from '../layout/rect.js';
import type { GroupLink } from '../workshop/api.js';
import { executePlan } from './execute.js';
import { htmlToText } from './html.js';
import { CreditLimiter } from './limiter.js';
import { MIRO_SCALE, planWidget } from './place.js';
import type { MatrixNoteInput, MiroWidget, PlaceOptions } from './place.js';
import { buildBoard, detectWidget, encodeBoard, mapFrame, readSelectedFrame, SendError, sendToPlenum, splitCriterion, toLocal } from './readback.js';
import type { Mapped } from './readback.js';
import { FakeMiroBoard, ManualClock } from './test-fake-miro.js';
import type { FakeItem } from './test-fake-miro.js';

const limiter = (): CreditLimiter => new CreditLimiter({ clock: new ManualClock() });

/** Places a widget on a fake board (as a drop would) and returns the board and its frame. */
async function placed(widget: MiroWidget, options: PlaceOptions, at = { x: 5000, y: -2000 }) {
  const board = new FakeMiroBoard();
  const result = await executePlan(planWidget(widget, at, options), board, { limiter: limiter() });
  expect(result.ok).toBe(true);
  const frame = [...board.items.values()].find((i) => i.type === 'frame') as FakeItem;
  board.selection = [frame.id];
  return { board, frame };
}

/** Frame-relative Miro coordinates of a widget-local rect's centre (where a user would drag to). */
const centreOf = (r: Rect, dx = 0, dy = 0): [number, number] => [(r.x + r.w / 2 + dx) * MIRO_SCALE, (r.y + r.h / 2 + dy) * MIRO_SCALE];

const find = (board: FakeMiroBoard, type: string, text: string): FakeItem => {
  const hit = [...board.items.values()].find((i) => i.type === type && htmlToText((type === 'card' ? i.title : i.content) ?? '') === text);
  if (hit === undefined) throw new Error(`no ${type} “${text}”`);
  return hit;
};

async function readAndMap(board: FakeMiroBoard): Promise<Mapped> {
  const read = await readSelectedFrame(board, limiter());
  expect(read).not.toBeNull();
  const mapped = mapFrame(read!);
  expect(mapped).not.toBeNull();
  return mapped!;
}

describe('read-back of a matrix frame', () => {
  it('maps moved sticky notes to the fields they now lie in, with criterion and colour', async () => {
    const notes: MatrixNoteInput[] = [
      { field: 'bor-gor', text: 'Fælles møder', criterion: 1, color: 'green' },
      { field: 'bor-gor', text: 'Ungeråd' },
      { field: 'hverken', text: 'Blinde vinkler', color: 'pink' },
    ];
    const { board, frame } = await placed('bor-gor-matrix', { locale: 'da', notes });
    // A user drags two notes to other fields and writes two new ones: one in a field, one in the margin.
    board.moveInFrame(find(board, 'sticky_note', '1 · Fælles møder').id, ...centreOf(fieldRect('gor-ikke-bor')));
    board.moveInFrame(find(board, 'sticky_note', 'Blinde vinkler').id, ...centreOf(fieldRect('bor-ikke-gor'), 100, 60));
    board.addChild(frame.id, { type: 'sticky_note', x: centreOf(fieldRect('bor-ikke-gor'))[0], y: centreOf(fieldRect('bor-ikke-gor'))[1], width: 200, height: 130, content: '<p>5 · Ledelsen &amp; <strong>tid</strong></p>', style: { fillColor: 'light_blue' } });
    board.addChild(frame.id, { type: 'sticky_note', x: 10, y: 10, width: 200, height: 130, content: '<p>In the margin</p>' });

    const mapped = await readAndMap(board);
    expect(mapped.widget).toBe('bor-gor-matrix');
    if (mapped.widget !== 'bor-gor-matrix') return;
    const by = (field: MatrixField) => mapped.notes.filter((n) => n.field === field).sort((a, b) => a.order - b.order);
    expect(by('bor-gor')).toEqual([{ field: 'bor-gor', text: 'Ungeråd', criterion: 0, color: 'yellow', order: 1 }]);
    expect(by('gor-ikke-bor')).toEqual([{ field: 'gor-ikke-bor', text: 'Fælles møder', criterion: 1, color: 'green', order: 1 }]);
    // Ordered top to bottom, left to right: the new note sits at the field's centre, above the moved one.
    expect(by('bor-ikke-gor')).toEqual([
      { field: 'bor-ikke-gor', text: 'Ledelsen & tid', criterion: 5, color: 'blue', order: 1 },
      { field: 'bor-ikke-gor', text: 'Blinde vinkler', criterion: 0, color: 'pink', order: 2 },
    ]);
    expect(by('hverken')).toEqual([]);
    expect(mapped.unplaced).toEqual([{ type: 'sticky', text: 'In the margin' }]);
  });

  it('finds the frame from a selected item inside it', async () => {
    const { board, frame } = await placed('bor-gor-matrix', { locale: 'en', notes: [{ field: 'hverken', text: 'x' }] });
    board.selection = [find(board, 'sticky_note', 'x').id];
    const before = board.calls.length;
    const read = await readSelectedFrame(board, limiter());
    expect(read?.frame).toMatchObject({ id: frame.id, title: 'Should/Do matrix', width: frame.width, height: frame.height });
    expect(read?.meta).toEqual({ v: 1, widget: 'bor-gor-matrix', key: 'frame', locale: 'en' });
    // The selection, its frame, the frame read, its children; then the metadata of the shapes and texts and the frame.
    const methods = board.calls.slice(before).map((c) => c.method);
    expect(methods.slice(0, 4)).toEqual(['getSelection', 'getById', 'getById', 'get']);
    expect(methods.slice(4).every((m) => m === 'getMetadata')).toBe(true);
    expect(methods.length - 4).toBe([...board.items.values()].filter((i) => i.type === 'shape' || i.type === 'text').length + 1);
    board.selection = [];
    expect(await readSelectedFrame(board, limiter())).toBeNull();
  });
});

describe('read-back of a competence profile frame', () => {
  it('maps cards moved into the local profile to their column and area, and a group’s own note as an own card', async () => {
    const { board, frame } = await placed('competence-profile', { locale: 'en' });
    const respect = DEFAULT_DECK.find((c) => c.key === 'viden-1')!;
    const relations = DEFAULT_DECK.find((c) => c.key === 'kompetencer-5')!;
    const data = DEFAULT_DECK.find((c) => c.key === 'kompetencer-8')!;
    board.moveInFrame(find(board, 'card', respect.text.en).id, ...centreOf(columnRect('local', 'viden')));
    // Across columns, into Attitudes (færdigheder) of the local profile.
    board.moveInFrame(find(board, 'card', relations.text.en).id, ...centreOf(columnRect('local', 'faerdigheder'), 0, -100));
    // Dropped in the gap between two local columns: the nearest column (Skills) takes it.
    const skills = columnRect('local', 'kompetencer');
    board.moveInFrame(find(board, 'card', data.text.en).id, (skills.x - 3) * MIRO_SCALE, (skills.y + 100) * MIRO_SCALE);
    const [nx, ny] = centreOf(columnRect('local', 'faerdigheder'), 0, 100);
    board.addChild(frame.id, { type: 'sticky_note', x: nx, y: ny, width: 300, height: 200, content: '<p>Kende de unges fritidsliv</p>' });

    const mapped = await readAndMap(board);
    expect(mapped.widget).toBe('competence-profile');
    if (mapped.widget !== 'competence-profile') return;
    const local = mapped.cards.filter((c) => c.area === 'local');
    expect(local).toHaveLength(4);
    expect(local.find((c) => c.deckKey === 'viden-1')).toEqual({ area: 'local', column: 'viden', text: respect.text.da, textEn: respect.text.en, deckKey: 'viden-1', order: 1 });
    expect(local.find((c) => c.deckKey === 'kompetencer-8')).toMatchObject({ column: 'kompetencer', order: 1 });
    expect(local.filter((c) => c.column === 'faerdigheder').sort((a, b) => a.order - b.order)).toEqual([
      { area: 'local', column: 'faerdigheder', text: relations.text.da, textEn: relations.text.en, deckKey: 'kompetencer-5', order: 1 },
      { area: 'local', column: 'faerdigheder', text: 'Kende de unges fritidsliv', textEn: '', deckKey: '', order: 2 },
    ]);
    const generic = mapped.cards.filter((c) => c.area === 'generic');
    expect(generic).toHaveLength(DEFAULT_DECK.length - 3);
    for (const c of generic) expect(DEFAULT_DECK.find((d) => d.key === c.deckKey)?.column).toBe(c.column);
    expect(mapped.unplaced).toEqual([]);
  });
});

describe('read-back of a seven-themes frame', () => {
  it('reports which pieces exist and maps notes on a piece to its criterion', async () => {
    const { board, frame } = await placed('seven-themes', { locale: 'da' });
    await board.remove({ id: find(board, 'shape', '7. Rammer og ressourcer').id, type: 'shape' });
    const cell3 = sevenThemesLayout().pieces.find((p) => p.criterion === 3)!.cell;
    const [x, y] = centreOf(cell3, 30, 40);
    board.addChild(frame.id, { type: 'sticky_note', x, y, width: 120, height: 80, content: '<p>Vi mangler faste procedurer</p>' });
    const mapped = await readAndMap(board);
    expect(mapped).toEqual({ widget: 'seven-themes', pieces: [1, 2, 3, 4, 5, 6], notes: [{ criterion: 3, text: 'Vi mangler faste procedurer' }], unplaced: [] });
  });
});

describe('pure helpers', () => {
  it('toLocal converts each of Miro’s coordinate references to widget-local units', () => {
    const frame = { title: 'x', x: 1000, y: 500, width: 1920, height: 1280 };
    expect(toLocal(frame, { x: 200, y: 100, relativeTo: 'parent_top_left' })).toEqual({ x: 100, y: 50 });
    expect(toLocal(frame, { x: 1000 - 960 + 200, y: 500 - 640 + 100, relativeTo: 'canvas_center' })).toEqual({ x: 100, y: 50 });
    expect(toLocal(frame, { x: 200 - 960, y: 100 - 640, relativeTo: 'parent_center' })).toEqual({ x: 100, y: 50 });
    expect(toLocal(frame, { relativeTo: 'parent_top_left' })).toBeNull();
  });

  it('detects the widget by title in either language, else by content', () => {
    expect(detectWidget('Kompetenceprofil', [])).toBe('competence-profile');
    expect(detectWidget('  the seven QUALITY criteria ', [])).toBe('seven-themes');
    expect(detectWidget('Gruppe 3', [{ id: 'a', type: 'card', title: 'x' }])).toBe('competence-profile');
    expect(detectWidget('Gruppe 3', [{ id: 'a', type: 'shape', content: '<p><strong>Bør og gør</strong></p><p>…</p>' }])).toBe('bor-gor-matrix');
    expect(detectWidget('Gruppe 3', [{ id: 'a', type: 'sticky_note', content: 'x' }])).toBeNull();
    expect(mapFrame({ frame: { title: 'Ferie', x: 0, y: 0, width: 100, height: 100 }, children: [] })).toBeNull();
  });

  it('splits a criterion tag and flattens Miro HTML', () => {
    expect(splitCriterion('3 · Procedurer')).toEqual({ criterion: 3, text: 'Procedurer' });
    expect(splitCriterion('8 · nej')).toEqual({ criterion: 0, text: '8 · nej' });
    expect(splitCriterion('Intet tag')).toEqual({ criterion: 0, text: 'Intet tag' });
    expect(htmlToText('<p>a &amp; b</p><p>c&nbsp;d<br/>e &#229; &#x2019;</p>')).toBe('a & b\nc d\ne å ’');
  });
});

describe('the kaedeboard board and the server', () => {
  const decode = (base64: string): Board => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
    return new Board(doc);
  };

  it('builds a board with a frame, the widget and its owned records, and encodes it as base64', () => {
    const mapped: Mapped = {
      widget: 'bor-gor-matrix',
      notes: [
        { field: 'bor-gor', text: 'Fælles møder', criterion: 1, color: 'green', order: 1 },
        { field: 'hverken', text: 'Blinde vinkler', criterion: 0, color: 'pink', order: 1 },
      ],
      unplaced: [],
    };
    const board = decode(encodeBoard(buildBoard(mapped, 'Gruppe Miro')));
    const { items, problems } = board.read();
    expect(problems).toEqual([]);
    expect(board.meta()).toMatchObject({ title: 'Gruppe Miro', placedWidgets: ['bor-gor-matrix'] });
    const frame = items.find((i) => i.kind === 'frame');
    const widget = items.find((i): i is Item<'widget'> => i.kind === 'widget');
    expect(frame?.props).toEqual({ title: 'Gruppe Miro' });
    expect(widget?.props.widget).toBe('bor-gor-matrix');
    expect(widget?.geometry.parent).toBe(frame?.id);
    const notes = board.owned(widget!.id, 'matrix-note').map((n) => n.props);
    expect(notes).toEqual(
      expect.arrayContaining([
        { widget: widget!.id, field: 'bor-gor', text: 'Fælles møder', criterion: 1, order: 1, color: 'green' },
        { widget: widget!.id, field: 'hverken', text: 'Blinde vinkler', criterion: 0, order: 1, color: 'pink' },
      ]),
    );
  });

  it('builds competence cards and theme notes as their records', () => {
    const profile = decode(encodeBoard(buildBoard({ widget: 'competence-profile', cards: [{ area: 'local', column: 'viden', text: 'Respektere målgruppen', textEn: 'Respect the target group', deckKey: 'viden-1', order: 1 }], unplaced: [] }, 'P')));
    const w = profile.read().items.find((i) => i.kind === 'widget')!;
    expect(profile.owned(w.id, 'competence-card').map((c) => c.props)).toEqual([
      { widget: w.id, area: 'local', column: 'viden', text: 'Respektere målgruppen', textEn: 'Respect the target group', deckKey: 'viden-1', order: 1 },
    ]);
    const themes = decode(encodeBoard(buildBoard({ widget: 'seven-themes', pieces: [1, 2], notes: [{ criterion: 2, text: 'Forpligtelse mangler' }], unplaced: [] }, '')));
    const t = themes.read().items.find((i) => i.kind === 'widget')!;
    expect(themes.owned(t.id, 'theme-note').map((n) => n.props)).toEqual([{ widget: t.id, criterion: 2, text: 'Forpligtelse mangler', author: '' }]);
    expect(themes.meta().title).toBe('De syv kvalitetskriterier');
  });

  it('posts the board to /api/workshops/:id/groups with the facilitator token', async () => {
    const link: GroupLink = { number: 4, name: 'Miro', code: 'ABC123', room: 'r', token: 't', link: '/g/w1/4#t' };
    const requests: { url: string; init: RequestInit | undefined }[] = [];
    const ok: typeof fetch = async (url, init) => {
      requests.push({ url: String(url), init });
      return new Response(JSON.stringify(link), { status: 201, headers: { 'content-type': 'application/json' } });
    };
    expect(await sendToPlenum({ workshopId: ' w 1 ', token: ' secret ', name: 'Miro', board: 'AAAA' }, ok)).toEqual({ number: 4, name: 'Miro', created: true });
    expect(requests[0]?.url).toBe('/api/workshops/w%201/groups');
    expect(requests[0]?.init?.method).toBe('POST');
    expect(requests[0]?.init?.headers).toMatchObject({ authorization: 'Bearer secret', 'content-type': 'application/json' });
    expect(JSON.parse(String(requests[0]?.init?.body))).toEqual({ name: 'Miro', board: 'AAAA' });

    const refused: typeof fetch = async () => new Response(JSON.stringify({ error: 'invalid token for this workshop' }), { status: 401 });
    const error = await sendToPlenum({ workshopId: 'w', token: 'x', name: 'n', board: 'AAAA' }, refused).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SendError);
    expect(error).toMatchObject({ status: 401, reason: 'invalid token for this workshop' });
  });

  it('a frame sent before updates its group (PUT); a group that is gone gets a new one (POST)', async () => {
    const requests: { url: string; method: string | undefined; body: unknown }[] = [];
    const server = (putStatus: number): typeof fetch => async (url, init) => {
      requests.push({ url: String(url), method: init?.method, body: JSON.parse(String(init?.body)) });
      if (init?.method === 'PUT') return new Response(JSON.stringify(putStatus === 200 ? { number: 3, name: 'Gruppe 3' } : { error: 'no group 3 in this workshop' }), { status: putStatus });
      return new Response(JSON.stringify({ number: 7, name: 'Ny', code: 'C', room: 'r', token: 't', link: 'l' }), { status: 201 });
    };
    expect(await sendToPlenum({ workshopId: 'w', token: 't', name: 'Ny', board: 'AAAA', group: 3 }, server(200))).toEqual({ number: 3, name: 'Gruppe 3', created: false });
    expect(requests).toEqual([{ url: '/api/workshops/w/groups/3', method: 'PUT', body: { board: 'AAAA' } }]);
    requests.length = 0;
    expect(await sendToPlenum({ workshopId: 'w', token: 't', name: 'Ny', board: 'AAAA', group: 3 }, server(404))).toEqual({ number: 7, name: 'Ny', created: true });
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(['PUT /api/workshops/w/groups/3', 'POST /api/workshops/w/groups']);
    // Any other refusal is not papered over with a new group.
    await expect(sendToPlenum({ workshopId: 'w', token: 't', name: 'n', board: 'AAAA', group: 3 }, server(403))).rejects.toMatchObject({ status: 403 });
  });
});

describe('read-back of what participants did to a frame', () => {
  it('fields moved and resized, the frame grown from its top-left, and notes in a Miro group', async () => {
    const { board, frame } = await placed('bor-gor-matrix', { locale: 'da', notes: [{ field: 'bor-gor', text: 'Først' }] });
    // Grown by 400 × 300 from its top-left corner: every child's coordinates shift.
    board.growFrameTopLeft(frame.id, 400, 300);
    const shape = (field: MatrixField): FakeItem => [...board.items.values()].find((i) => i.type === 'shape' && i.meta.kaedeboard !== undefined && (i.meta.kaedeboard as { key: string }).key === `field-${field}`)!;
    // "Hverken" is dragged into the new strip along the top and made long and low (1600 × 260).
    const hverken = shape('hverken');
    board.moveInFrame(hverken.id, 1000, 150);
    board.resize(hverken.id, 1600, 260);
    // Two notes on it, grouped; one on "bør og gør" where it now lies.
    const a = board.addChild(frame.id, { type: 'sticky_note', x: 300, y: 100, width: 100, height: 65, content: '<p>Gruppe A</p>' });
    const b = board.addChild(frame.id, { type: 'sticky_note', x: 1700, y: 250, width: 100, height: 65, content: '<p>Gruppe B</p>' });
    board.group([a, b]);
    const borGor = shape('bor-gor');
    board.addChild(frame.id, { type: 'sticky_note', x: borGor.x + borGor.width / 2 - 60, y: borGor.y + borGor.height / 2 - 40, width: 100, height: 65, content: '<p>Sidst</p>' });
    expect(frame.childrenIds?.some((id) => board.items.get(id)?.type === 'group')).toBe(true);

    const mapped = await readAndMap(board);
    if (mapped.widget !== 'bor-gor-matrix') throw new Error(mapped.widget);
    expect(mapped.notes.map((n) => [n.field, n.text, n.order])).toEqual([
      ['bor-gor', 'Først', 1],
      ['bor-gor', 'Sidst', 2],
      ['hverken', 'Gruppe A', 1],
      ['hverken', 'Gruppe B', 2],
    ]);
    expect(mapped.unplaced).toEqual([]);
  });
});
