import { afterEach, describe, expect, it, vi } from 'vitest';
import axe from 'axe-core';
import { axeViolations } from '../../widgets/shared/test-utils.js';
import { setLocale } from '../i18n/index.js';
import type { WorkshopView } from '../workshop/api.js';
import './console-page.js';
import type { KbConsolePage } from './console-page.js';
import { defaultSteps } from '../workshop/run-sheet.js';
import type { KbBoard } from '../canvas/board-element.js';
import { controlState, FakeControl, FakeFetch, fakeServices } from './test-fakes.js';

const ID = 'W1234567890abcde';
const TOKEN = 'F'.repeat(32);
const PLENUM = 'P'.repeat(32);
const STEPS = defaultSteps(['kaedeansvar', 'kontaktperson']);

function view(patch: Partial<WorkshopView> = {}): WorkshopView {
  return {
    id: ID,
    title: 'Kædeansvar i Aarhus',
    parts: ['kaedeansvar'],
    locale: 'da',
    createdAt: 0,
    locked: false,
    crossView: false,
    role: 'facilitator',
    groups: [1, 2, 3].map((n) => ({ number: n, name: `Gruppe ${n}`, room: `w-${ID}-g${n}`, code: `CODE${n}${n}`, online: 0 })),
    controlRoom: `w-${ID}-control`,
    expiresAt: Date.UTC(2030, 0, 1),
    plenumLink: `/p/${ID}#${PLENUM}`,
    ...patch,
  };
}

let page: KbConsolePage | null = null;
afterEach(() => {
  page?.remove();
  page = null;
  document.body.innerHTML = '';
  sessionStorage.clear();
  setLocale('da');
});

const tick = () => new Promise((r) => setTimeout(r, 30));

async function setup() {
  sessionStorage.setItem(`kaedeboard:token:f:${ID}`, TOKEN);
  const fetch = new FakeFetch({
    [`GET /api/workshops/${ID}`]: view(),
    [`GET /api/workshops/${ID}/snapshots`]: [],
    [`POST /api/workshops/${ID}/lock`]: (c: { body: unknown }) => view({ locked: (c.body as { locked: boolean }).locked }),
    [`POST /api/workshops/${ID}/cross-view`]: (c: { body: unknown }) => view({ crossView: (c.body as { enabled: boolean }).enabled }),
    [`POST /api/workshops/${ID}/timer`]: { endsAt: Date.now() + 600_000, remainingMs: null },
    [`POST /api/workshops/${ID}/message`]: (c: { body: unknown }) => ((c.body as { text: string }).text ? { text: (c.body as { text: string }).text, at: 5 } : null),
    [`POST /api/workshops/${ID}/moves`]: { ok: true },
    [`POST /api/workshops/${ID}/snapshots`]: (c: { body: unknown }) => ({ id: 'S1', name: (c.body as { name: string }).name, createdAt: Date.now(), groups: [1, 2, 3] }),
    [`DELETE /api/workshops/${ID}`]: { deleted: true },
    [`GET /api/workshops/${ID}/run-sheet`]: () => ({ steps: STEPS, step: { id: STEPS[0]!.id, at: 1 } }),
    [`POST /api/workshops/${ID}/run-sheet/go`]: (c: { body: unknown }) => {
      const b = c.body as { step?: string; to?: string };
      return { steps: STEPS, step: { id: b.step ?? (b.to === 'next' ? STEPS[1]!.id : STEPS[0]!.id), at: 2 } };
    },
    [`POST /api/workshops/${ID}/run-sheet/steps/${'kaedeansvar-plenum'}`]: (c: { body: unknown }) => ({
      steps: STEPS.map((st) => (st.id === 'kaedeansvar-plenum' ? { ...st, ...(c.body as object) } : st)),
      step: { id: STEPS[0]!.id, at: 1 },
    }),
    [`POST /api/workshops/${ID}/attention`]: (c: { body: unknown }) => ({ at: 5, ...(c.body as object) }),
    [`POST /api/workshops/${ID}/pointer`]: (c: { body: unknown }) => {
      const b = c.body as { group: number; point: { x: number; y: number } | null };
      return b.point ? { group: b.group, ...b.point, at: 6 } : null;
    },
    [`POST /api/workshops/${ID}/lead`]: (c: { body: unknown }) => {
      const b = c.body as { group: number; clientId: number | null };
      return b.clientId === null ? null : { ...b, at: 7 };
    },
  });
  const control = new FakeControl(controlState({ steps: STEPS, step: { id: STEPS[0]!.id, at: 1 } }));
  const fake = fakeServices(fetch, control, {
    now: () => new Date(2026, 2, 12, 9, 5).getTime(),
    people: { 1: [{ clientId: 11, name: 'Anna', color: '#b3261e' }, { clientId: 12, name: 'Bo', color: '#1f5fa8' }], 2: [{ clientId: 21, name: 'Cem', color: '#2e7d32' }] },
  });
  const el = document.createElement('kb-console-page');
  el.workshopId = ID;
  el.services = fake.services;
  document.body.append(el);
  page = el;
  await tick();
  await el.updateComplete;
  const $ = (sel: string) => el.shadowRoot!.querySelector(sel) as HTMLElement;
  const click = async (sel: string) => {
    $(sel).click();
    await tick();
    await el.updateComplete;
  };
  return { el, fetch, control, fake, $, click };
}

describe('<kb-console-page>', () => {
  it('has no WCAG 2.1 A/AA violations (axe-core)', async () => {
    const { el } = await setup();
    expect(await axeViolations(el)).toEqual([]);
  });

  it('shows every group with a live thumbnail and who is in it', async () => {
    const { el, fake, fetch, $ } = await setup();
    expect(fetch.calls[0]).toMatchObject({ method: 'GET', path: `/api/workshops/${ID}`, auth: `Bearer ${TOKEN}` });
    expect($('h1').textContent).toContain('Kædeansvar i Aarhus');
    const tiles = [...el.shadowRoot!.querySelectorAll('ol.tiles > li')];
    expect(tiles).toHaveLength(3);
    expect(fake.rooms.map((r) => r.room)).toEqual([1, 2, 3].map((n) => `w-${ID}-g${n}`));
    expect(tiles[0]!.querySelector('kb-board')).toBeTruthy();
    expect(tiles[0]!.querySelector('kb-board')!.hasAttribute('readonly')).toBe(true);
    expect(tiles[0]!.textContent).toContain('Anna');
    expect(tiles[0]!.textContent).toContain('Bo');
    expect(tiles[0]!.textContent).toContain('2 online');
    expect(tiles[1]!.textContent).toContain('Cem');
    expect(tiles[2]!.textContent).toContain('Ingen er på tavlen endnu');
    // Someone arrives in group 3.
    fake.rooms[2]!.setPeople([{ clientId: 31, name: 'Dorte', color: '#455a64' }]);
    await el.updateComplete;
    expect(tiles[2]!.textContent).toContain('Dorte');
  });

  it('locks and unlocks the boards, and lets groups see each other', async () => {
    const { fetch, $, click } = await setup();
    expect($('[data-action=lock]').textContent).toContain('Lås alle tavler');
    await click('[data-action=lock]');
    expect(fetch.writes().at(-1)).toMatchObject({ method: 'POST', path: `/api/workshops/${ID}/lock`, body: { locked: true }, auth: `Bearer ${TOKEN}` });
    expect($('[data-action=lock]').textContent).toContain('Lås op');
    expect($('[data-action=lock]').getAttribute('aria-pressed')).toBe('true');
    await click('[data-action=lock]');
    expect(fetch.writes().at(-1)!.body).toEqual({ locked: false });
    await click('[data-action=cross-view]');
    expect(fetch.writes().at(-1)).toMatchObject({ path: `/api/workshops/${ID}/cross-view`, body: { enabled: true } });
  });

  it('starts, extends, pauses and stops the timer', async () => {
    const { el, fetch, control, $, click } = await setup();
    const minutes = $('#minutes') as HTMLInputElement;
    minutes.value = '15';
    minutes.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
    await click('[data-action=timer-start]');
    expect(fetch.writes().at(-1)).toMatchObject({ path: `/api/workshops/${ID}/timer`, body: { action: 'start', minutes: 15 } });
    control.set({ timer: { endsAt: Date.now() + 900_000, remainingMs: null } });
    await el.updateComplete;
    await click('[data-action=timer-add5]');
    expect(fetch.writes().at(-1)!.body).toEqual({ action: 'add', minutes: 5 });
    await click('[data-action=timer-add1]');
    expect(fetch.writes().at(-1)!.body).toEqual({ action: 'add', minutes: 1 });
    await click('[data-action=timer-pause]');
    expect(fetch.writes().at(-1)!.body).toEqual({ action: 'pause' });
    control.set({ timer: { endsAt: null, remainingMs: 300_000 } });
    await el.updateComplete;
    await click('[data-action=timer-resume]');
    expect(fetch.writes().at(-1)!.body).toEqual({ action: 'resume' });
    await click('[data-action=timer-stop]');
    expect(fetch.writes().at(-1)!.body).toEqual({ action: 'stop' });
  });

  it('sends and clears a message to every group', async () => {
    const { el, fetch, $, click } = await setup();
    const input = $('#message') as HTMLInputElement;
    input.value = 'Husk pausen kl. 10';
    input.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
    await click('[data-action=message-send]');
    expect(fetch.writes().at(-1)).toMatchObject({ path: `/api/workshops/${ID}/message`, body: { text: 'Husk pausen kl. 10' } });
    expect(el.shadowRoot!.textContent).toContain('Vises nu: "Husk pausen kl. 10"');
    await click('[data-action=message-clear]');
    expect(fetch.writes().at(-1)!.body).toEqual({ text: '' });
    expect(el.shadowRoot!.querySelector('[data-action=message-clear]')).toBeNull();
  });

  it('takes a snapshot named "Plenum HH:MM" and lists it with a plenum link', async () => {
    const { el, fetch, $, click } = await setup();
    expect(($('#snapshot-name') as HTMLInputElement).value).toBe('Plenum 09:05');
    await click('[data-action=snapshot]');
    expect(fetch.writes().at(-1)).toMatchObject({ method: 'POST', path: `/api/workshops/${ID}/snapshots`, body: { name: 'Plenum 09:05' } });
    const item = el.shadowRoot!.querySelector('ul.sets [data-set=S1]')!;
    expect(item.textContent).toContain('Plenum 09:05');
    expect(item.querySelector('a')!.getAttribute('href')).toBe(`/p/${ID}?set=S1#${PLENUM}`);
  });

  it('shows the plenum link with the plenum token, never the facilitator’s', async () => {
    const { el, $ } = await setup();
    expect($('[data-action=plenum]').getAttribute('href')).toBe(`/p/${ID}#${PLENUM}`);
    expect((el.shadowRoot!.querySelector('kb-copy-link.plenum-link') as unknown as { value: string }).value).toBe(`${location.origin}/p/${ID}#${PLENUM}`);
    expect(el.shadowRoot!.innerHTML).not.toContain(TOKEN);
  });

  it('moves a person to another group, from the group’s full-size view', async () => {
    const { el, fetch, click } = await setup();
    await click('ol.tiles > li[data-group="1"] [data-action=open]');
    const bo = el.shadowRoot!.querySelector('dialog kb-console-group-view li[data-client="12"]')!;
    const select = bo.querySelector('select')!;
    expect([...select.options].map((o) => o.value)).toEqual(['2', '3']);
    select.value = '3';
    (bo.querySelector('[data-action=move]') as HTMLElement).click();
    await tick();
    await el.updateComplete;
    expect(fetch.writes().at(-1)).toMatchObject({ path: `/api/workshops/${ID}/moves`, body: { clientId: 12, toGroup: 3 } });
    expect(el.shadowRoot!.textContent).toContain('Bo bliver flyttet til Gruppe 3');
  });

  it('deletes the workshop only after a confirmation', async () => {
    const { el, fetch, fake, click } = await setup();
    await click('[data-action=delete]');
    expect(fetch.writes()).toEqual([]);
    expect(el.shadowRoot!.textContent).toContain('Er du sikker?');
    await click('[data-action=delete-no]');
    expect(el.shadowRoot!.querySelector('[data-action=delete-yes]')).toBeNull();
    await click('[data-action=delete]');
    await click('[data-action=delete-yes]');
    expect(fetch.writes().at(-1)).toMatchObject({ method: 'DELETE', path: `/api/workshops/${ID}` });
    expect(el.shadowRoot!.textContent).toContain('Workshoppen er slettet');
    expect(sessionStorage.getItem(`kaedeboard:token:f:${ID}`)).toBeNull();
    expect(fake.rooms.every((r) => r.doc.isDestroyed)).toBe(true);
  });

  it('opens a group’s board full size in a dialog', async () => {
    const { el, click } = await setup();
    await click('ol.tiles > li[data-group="2"] [data-action=open-board]');
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).toBe(true);
    expect(dialog.querySelector('h2')!.textContent).toBe('Gruppe 2');
    expect(dialog.querySelector('kb-board')!.hasAttribute('readonly')).toBe(true);
  });

  it('downloads an export with the facilitator’s token', async () => {
    const { el, fetch } = await setup();
    fetch.answers[`GET /api/workshops/${ID}/export`] = () => new Response('a,b\n1,2\n', { headers: { 'content-disposition': 'attachment; filename="workshop.csv"' } });
    const exportsEl = el.shadowRoot!.querySelector('kb-exports')!;
    let downloaded = '';
    exportsEl.shadowRoot!.addEventListener('click', (e) => {
      const a = e.target as HTMLAnchorElement;
      if (a.tagName === 'A') {
        downloaded = a.download;
        e.preventDefault();
      }
    }, true);
    (exportsEl.shadowRoot!.querySelector('[data-export=workshop] [data-format=csv]') as HTMLElement).click();
    await tick();
    await exportsEl.updateComplete;
    const call = fetch.calls.at(-1)!;
    expect(call).toMatchObject({ method: 'GET', path: `/api/workshops/${ID}/export`, auth: `Bearer ${TOKEN}` });
    expect(downloaded).toBe('workshop.csv');
    expect(exportsEl.shadowRoot!.querySelector('[role=status]')!.textContent).toContain('workshop.csv er hentet');
  });

  it('makes the workshop PDF as a server job and shows its progress', async () => {
    const { el, fetch } = await setup();
    const polls = [
      { state: 'running', done: 1, total: 5 },
      { state: 'running', done: 3, total: 5 },
      { state: 'done', done: 5, total: 5 },
    ];
    fetch.answers[`POST /api/workshops/${ID}/exports`] = { job: 'J1' };
    fetch.answers[`GET /api/workshops/${ID}/exports/J1`] = () => polls.shift();
    fetch.answers[`GET /api/workshops/${ID}/exports/J1/file`] = () => new Response('%PDF-1.7', { headers: { 'content-disposition': 'attachment; filename="workshop.pdf"' } });
    const exportsEl = el.shadowRoot!.querySelector('kb-exports')!;
    const seen: string[] = [];
    const status = () => exportsEl.shadowRoot!.querySelector('[role=status]')?.textContent ?? '';
    const watch = new MutationObserver(() => seen.push(status()));
    watch.observe(exportsEl.shadowRoot!, { subtree: true, childList: true, characterData: true });
    exportsEl.shadowRoot!.addEventListener('click', (e) => (e.target as HTMLElement).tagName === 'A' && e.preventDefault(), true);
    (exportsEl.shadowRoot!.querySelector('[data-export=workshop] [data-format=pdf]') as HTMLElement).click();
    const t0 = Date.now();
    while (!status().includes('er hentet') && Date.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 50));
    watch.disconnect();
    expect(fetch.calls.find((c) => c.method === 'POST')).toMatchObject({ path: `/api/workshops/${ID}/exports`, body: { format: 'pdf' }, auth: `Bearer ${TOKEN}` });
    expect(seen.some((t) => t.includes('3 af 5'))).toBe(true);
    expect(status()).toContain('workshop.pdf er hentet');
  });

  it('shows the run-sheet and moves the workshop on, to any step, and edits a step', async () => {
    const { el, fetch, $, click } = await setup();
    // A workshop from before run-sheets gets its steps when the console opens.
    expect(fetch.calls.some((c) => c.method === 'GET' && c.path === `/api/workshops/${ID}/run-sheet`)).toBe(true);
    const items = [...el.shadowRoot!.querySelectorAll('kb-console-run-sheet ol.steps > li')];
    expect(items.map((li) => li.getAttribute('data-step'))).toEqual(STEPS.map((st) => st.id));
    expect(items[0]!.getAttribute('aria-current')).toBe('step');
    expect(items[0]!.textContent).toContain('Gruppearbejde');
    expect(items[0]!.textContent).toContain('30 min.');
    expect(items[0]!.textContent).toContain(STEPS[0]!.text.da.slice(0, 40));
    expect($('[data-action=previous-step]').hasAttribute('disabled')).toBe(true);

    await click('[data-action=next-step]');
    expect(fetch.writes().at(-1)).toMatchObject({ method: 'POST', path: `/api/workshops/${ID}/run-sheet/go`, body: { to: 'next' }, auth: `Bearer ${TOKEN}` });
    expect($('p.status-line').textContent).toContain('Alle tavler går nu til trin 2: Opsamling');
    expect(el.shadowRoot!.querySelector('ol.steps > li[data-step="kaedeansvar-plenum"]')!.getAttribute('aria-current')).toBe('step');

    await click('ol.steps > li[data-step="kontaktperson-wall"] [data-action=go-step]');
    expect(fetch.writes().at(-1)!.body).toEqual({ step: 'kontaktperson-wall' });

    // Editing a step: both languages and the minutes.
    await click('ol.steps > li[data-step="kaedeansvar-plenum"] [data-action=edit-step]');
    const form = el.shadowRoot!.querySelector('ol.steps > li[data-step="kaedeansvar-plenum"] form')!;
    (form.querySelector('[name=da]') as HTMLTextAreaElement).value = 'Fortæl om jeres vigtigste seddel.';
    (form.querySelector('[name=minutes]') as HTMLInputElement).value = '';
    await click('ol.steps > li[data-step="kaedeansvar-plenum"] [data-action=save-step]');
    expect(fetch.writes().at(-1)).toMatchObject({
      path: `/api/workshops/${ID}/run-sheet/steps/kaedeansvar-plenum`,
      body: { text: { da: 'Fortæl om jeres vigtigste seddel.', en: STEPS[1]!.text.en }, minutes: null },
    });
    expect(el.shadowRoot!.querySelector('ol.steps form')).toBeNull();
  });

  it('brings everyone, or one group, to the step’s tool; the thumbnails show that tool', async () => {
    const { el, fetch, click } = await setup();
    await click('[data-action=bring-all]');
    await vi.waitFor(() => expect(fetch.writes().at(-1)).toMatchObject({ path: `/api/workshops/${ID}/attention`, body: { group: null } }));
    await click('ol.tiles > li[data-group="2"] [data-action=bring-group]');
    await vi.waitFor(() => expect(fetch.writes().at(-1)?.body).toEqual({ group: 2 }));
    await vi.waitFor(() => expect(el.shadowRoot!.textContent).toContain('Gruppe 2 går nu hertil'));
    const thumb = el.shadowRoot!.querySelector('ol.tiles > li[data-group="1"] kb-board') as KbBoard;
    expect(thumb.task?.tools).toEqual(['seven-themes', 'bor-gor-matrix']);
  });

  it('is the facilitator’s own view of a group: present on its board, bringing the group, pointing, leading', async () => {
    const { el, fetch, fake, click } = await setup();
    await click('ol.tiles > li[data-group="1"] [data-action=open]');
    // The facilitator's own connection to the group's board, with presence.
    expect(fake.boards).toHaveLength(1);
    expect(fake.boards[0]!.room).toBe(`w-${ID}-g1`);
    expect(fake.boards[0]!.presence.self.name).toBe('Facilitator');
    const view = el.shadowRoot!.querySelector('dialog kb-console-group-view')!;
    const board = view.querySelector('kb-board') as KbBoard;
    expect(board.board).toBe(fake.boards[0]!.board);

    await click('dialog [data-action=bring-here]');
    const bring = fetch.writes().at(-1)!;
    expect(bring.path).toBe(`/api/workshops/${ID}/attention`);
    expect(bring.body).toMatchObject({ group: 1, rect: { x: expect.any(Number), y: expect.any(Number), w: expect.any(Number), h: expect.any(Number) } });

    await click('dialog [data-action=point]');
    const catcher = view.querySelector('.pointer-catch') as HTMLElement;
    const r = board.getBoundingClientRect();
    catcher.dispatchEvent(new PointerEvent('pointerdown', { clientX: r.left + 100, clientY: r.top + 50, bubbles: true, composed: true }));
    await tick();
    await el.updateComplete;
    const p = fetch.writes().at(-1)!;
    expect(p.path).toBe(`/api/workshops/${ID}/pointer`);
    const v = board.view;
    expect(p.body).toEqual({ group: 1, point: { x: Math.round(100 / v.zoom + v.x), y: Math.round(50 / v.zoom + v.y) } });
    expect(board.pointer).toEqual({ x: Math.round(100 / v.zoom + v.x), y: Math.round(50 / v.zoom + v.y) });
    await click('dialog [data-action=pointer-off]');
    expect(fetch.writes().at(-1)!.body).toEqual({ group: 1, point: null });

    await click('dialog [data-action=lead]');
    expect(fetch.writes().at(-1)).toMatchObject({ path: `/api/workshops/${ID}/lead`, body: { group: 1, clientId: 4242 } });
    expect(el.shadowRoot!.querySelector('dialog [data-action=lead]')!.getAttribute('aria-pressed')).toBe('true');
    await click('dialog [data-action=lead]');
    expect(fetch.writes().at(-1)!.body).toEqual({ group: 1, clientId: null });

    // Closing the view leaves the group's board.
    await click('dialog header button');
    expect(fake.boards[0]!.destroyed).toBe(true);
  });

  it('axe finds nothing with its experimental rules either: the run-sheet being edited, a group’s own view open', async () => {
    const { el, click } = await setup();
    const run = async () => {
      const r = await axe.run(el, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'experimental'] }, resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 2).join(', ')}`);
    };
    await click('ol.steps > li[data-step="kaedeansvar-plenum"] [data-action=edit-step]');
    expect(await run()).toEqual([]);
    await click('ol.tiles > li[data-group="1"] [data-action=open]');
    expect(await run()).toEqual([]);
  });
});
