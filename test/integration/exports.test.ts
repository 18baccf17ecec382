import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from '../../src/model/index.js';
import type { CreatedWorkshopResponse, WorkshopExport } from '../../src/workshop/api.js';
import { removeDir, startTestServer, synced, until } from './harness.js';
import { call, connectWithToken, createWorkshop } from './workshop-helpers.js';

function boardOf(state: Uint8Array): Board {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return new Board(doc);
}

/** What a board holds, without ids that differ between copies. */
function contentOf(board: Board): string[] {
  return board
    .read()
    .items.map((i) => `${i.kind}:${JSON.stringify(i.props, (k, v) => (k === 'widget' || k === 'column' || k === 'post' ? undefined : v))}`)
    .sort();
}

describe('exports over HTTP', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let w: CreatedWorkshopResponse;
  const F = () => ({ token: w.facilitatorToken });
  beforeAll(async () => {
    server = await startTestServer();
    w = await createWorkshop(server.url, 2);
    // Group 1 writes a note in the matrix and a post on the wall, through the model.
    const c = connectWithToken(server.url, w.groups[0]!.room, w.groups[0]!.token);
    await synced(c);
    const board = new Board(c.doc);
    await until(() => board.read().items.some((i) => i.kind === 'wall-column'));
    const matrix = board.read().items.find((i) => i.kind === 'widget' && i.props.widget === 'bor-gor-matrix')!;
    const column = board.read().items.find((i) => i.kind === 'wall-column')!;
    board.create('matrix-note', { props: { widget: matrix.id, field: 'hverken', text: 'Vi ser ikke de unge, der dropper ud =1+1', criterion: 4, order: 1 } }, 'me');
    board.create('wall-post', { props: { column: column.id, text: 'Ledelsen bakker op "fuldt ud"', author: 'Ida', order: 1 } }, 'me');
    await until(async () => {
      const s = boardOf(await server.rooms.state(w.groups[0]!.room));
      return s.read().items.some((i) => i.kind === 'wall-post');
    });
    board.destroy();
    c.destroy();
  });
  afterAll(async () => {
    await server.close();
    removeDir(server.config.dataDir);
  });

  it('CSV has every note, quoted, with formulas neutralised', async () => {
    const r = await call<Uint8Array>(server.url, 'GET', `/api/workshops/${w.id}/export?format=csv`, F());
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toMatch(/attachment; filename="kaedeboard-kui-workshop-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = new TextDecoder().decode(r.body);
    expect(text).toContain('Vi ser ikke de unge, der dropper ud =1+1');
    // A Danish workshop: ';' between fields, as Danish Excel expects.
    expect(text.split('\r\n')[0]!.split(';').length).toBeGreaterThan(4);
    expect(text).toContain('"Ledelsen bakker op ""fuldt ud"""');
  });

  it('Markdown groups by group and field', async () => {
    const r = await call<Uint8Array>(server.url, 'GET', `/api/workshops/${w.id}/export?format=md`, F());
    const text = new TextDecoder().decode(r.body);
    expect(text).toMatch(/Gruppe 1/);
    expect(text).toMatch(/Bør ikke og gør ikke/);
    expect(text).toContain('Vi ser ikke de unge');
  });

  it('SVG, PNG and Word for one group; a group is required', async () => {
    const svg = await call<Uint8Array>(server.url, 'GET', `/api/workshops/${w.id}/export?format=svg&group=1`, F());
    expect(svg.headers.get('content-type')).toMatch(/image\/svg\+xml/);
    // Text wraps into one <tspan> per line: look for the words.
    const svgText = new TextDecoder().decode(svg.body).replace(/<[^>]+>/g, ' ');
    for (const word of ['Vi', 'ser', 'ikke', 'dropper']) expect(svgText).toContain(word);
    const png = await call<Uint8Array>(server.url, 'GET', `/api/workshops/${w.id}/export?format=png&group=1`, F());
    expect([...png.body.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const docx = await call<Uint8Array>(server.url, 'GET', `/api/workshops/${w.id}/export?format=docx&group=1`, F());
    expect([...docx.body.slice(0, 2)]).toEqual([0x50, 0x4b]); // a zip
    expect((await call(server.url, 'GET', `/api/workshops/${w.id}/export?format=png`, F())).status).toBe(400);
    expect((await call(server.url, 'GET', `/api/workshops/${w.id}/export?format=exe`, F())).status).toBe(400);
  });

  it('the workshop PDF as a job with progress: a page per group', async () => {
    const start = await call<{ job: string }>(server.url, 'POST', `/api/workshops/${w.id}/exports`, { ...F(), body: { format: 'pdf' } });
    expect(start.status).toBe(202);
    let status: { state: string; done: number; total: number } = { state: 'running', done: 0, total: 1 };
    const seen = new Set<number>();
    const t0 = Date.now();
    while (status.state === 'running' && Date.now() - t0 < 60_000) {
      status = (await call<typeof status>(server.url, 'GET', `/api/workshops/${w.id}/exports/${start.body.job}`, F())).body;
      seen.add(status.done);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(status).toMatchObject({ state: 'done' });
    expect(status.done).toBe(status.total);
    expect(status.total).toBeGreaterThan(1); // a step per page: a real progress figure
    const file = await call<Uint8Array>(server.url, 'GET', `/api/workshops/${w.id}/exports/${start.body.job}/file`, F());
    const text = Buffer.from(file.body).toString('latin1');
    expect(text.startsWith('%PDF')).toBe(true);
    const pages = text.match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1 + 2 + 1); // cover, one per group, summary
  });

  it('JSON imports back into an equal workshop', async () => {
    const r = await call<WorkshopExport>(server.url, 'GET', `/api/workshops/${w.id}/export?format=json`, F());
    expect(r.headers.get('content-disposition')).toMatch(/\.json"$/);
    const data = r.body;
    expect(data).toMatchObject({ format: 'kaedeboard-workshop', title: 'KUI workshop', groups: [{ name: 'Gruppe 1' }, { name: 'Gruppe 2' }] });
    const imported = await call<CreatedWorkshopResponse>(server.url, 'POST', '/api/workshops/import', { body: data });
    expect(imported.status).toBe(201);
    expect(imported.body.id).not.toBe(w.id);
    for (const n of [1, 2]) {
      const a = await call<Uint8Array>(server.url, 'GET', `/api/workshops/${w.id}/boards/${n}`, F());
      const b = await call<Uint8Array>(server.url, 'GET', `/api/workshops/${imported.body.id}/boards/${n}`, { token: imported.body.facilitatorToken });
      expect(contentOf(boardOf(b.body))).toEqual(contentOf(boardOf(a.body)));
    }
    const bad = await call<{ error: string }>(server.url, 'POST', '/api/workshops/import', { body: { format: 'other' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/\w/);
  });

  it('only the facilitator exports', async () => {
    expect((await call(server.url, 'GET', `/api/workshops/${w.id}/export?format=csv`, { token: w.groups[0]!.token })).status).toBe(403);
    expect((await call(server.url, 'POST', `/api/workshops/${w.id}/exports`, { token: w.groups[0]!.token, body: { format: 'pdf' } })).status).toBe(403);
  });
});
