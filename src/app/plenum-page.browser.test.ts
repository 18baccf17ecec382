import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../../widgets/shared/test-utils.js';
import * as Y from 'yjs';
import { setLocale } from '../i18n/index.js';
import { Board } from '../model/index.js';
import type { WorkshopView } from '../workshop/api.js';
import './plenum-page.js';
import type { KbPlenumPage } from './plenum-page.js';
import { controlState, FakeControl, FakeFetch, fakeServices } from './test-fakes.js';

const ID = 'W1234567890abcde';
const TOKEN = 'F'.repeat(32);
const PLENUM = 'P'.repeat(32);

const VIEW: WorkshopView = {
  id: ID,
  title: 'Kædeansvar i Aarhus',
  parts: ['kaedeansvar'],
  locale: 'da',
  createdAt: 0,
  locked: false,
  crossView: false,
  role: 'facilitator',
  groups: [1, 2, 3].map((n) => ({ number: n, name: `Gruppe ${n}`, room: `w-${ID}-g${n}`, online: 0 })),
  controlRoom: `w-${ID}-control`,
  expiresAt: 0,
};

/** A board update holding one note with `text`. */
function boardWith(text: string): Uint8Array {
  const doc = new Y.Doc();
  const board = new Board(doc);
  board.create('note', { props: { text }, geometry: { x: 0, y: 0 } }, 'test');
  const u = Y.encodeStateAsUpdate(doc);
  board.destroy();
  doc.destroy();
  return u;
}

let page: KbPlenumPage | null = null;
afterEach(() => {
  page?.remove();
  page = null;
  document.body.innerHTML = '';
  sessionStorage.clear();
  setLocale('da');
});

const tick = () => new Promise((r) => setTimeout(r, 40));

async function setup(role: 'facilitator' | 'plenum' = 'facilitator') {
  sessionStorage.setItem(`kaedeboard:token:p:${ID}`, role === 'plenum' ? PLENUM : TOKEN);
  const answers: Record<string, unknown> = {
    [`GET /api/workshops/${ID}`]: { ...VIEW, role },
    [`GET /api/workshops/${ID}/snapshots`]: [
      { id: 'S1', name: 'Første runde', createdAt: 1000, groups: [1, 2, 3] },
      { id: 'S2', name: 'Anden runde', createdAt: 2000, groups: [1, 2, 3] },
    ],
    [`POST /api/workshops/${ID}/snapshots/S2/restore`]: { number: 4, name: 'Gruppe 2 (Anden runde)', code: 'NEWCOD', room: `w-${ID}-g4`, token: 'x'.repeat(32), link: `/g/${ID}/4#${'x'.repeat(32)}` },
  };
  for (const set of ['S1', 'S2']) for (const n of [1, 2, 3]) answers[`GET /api/workshops/${ID}/snapshots/${set}/groups/${n}`] = boardWith(`${set} gruppe ${n}`);
  const fetch = new FakeFetch(answers);
  const fake = fakeServices(fetch, new FakeControl(controlState()));
  const el = document.createElement('kb-plenum-page');
  el.workshopId = ID;
  el.initialSet = null;
  el.services = fake.services;
  document.body.append(el);
  page = el;
  await tick();
  await el.updateComplete;
  const root = el.shadowRoot!;
  // The boards arrive through (fake) fetches: wait until all three are shown, as a user would.
  for (let i = 0; i < 100 && root.querySelectorAll('ol.boards > li kb-board').length < 3; i++) {
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
  }
  const notes = (scope: ParentNode) => [...scope.querySelectorAll('kb-board')].map((b) => b.shadowRoot!.textContent ?? '');
  return { el, fetch, fake, root, notes };
}

function key(k: string): void {
  dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
}

describe('<kb-plenum-page>', () => {
  it('has no WCAG 2.1 A/AA violations (axe-core), side by side and presenting', async () => {
    const { el, root } = await setup();
    expect(await axeViolations(el)).toEqual([]);
    (root.querySelector('[data-action=present]') as HTMLElement).click();
    await el.updateComplete;
    expect(await axeViolations(el)).toEqual([]);
  });

  it('shows the newest snapshot set, every group side by side', async () => {
    const { root, fetch, notes } = await setup();
    expect(fetch.calls.filter((c) => c.path.includes('/snapshots/')).map((c) => c.path)).toEqual([1, 2, 3].map((n) => `/api/workshops/${ID}/snapshots/S2/groups/${n}`));
    expect([...root.querySelectorAll('ol.boards > li h2')].map((h) => h.textContent)).toEqual(['Gruppe 1', 'Gruppe 2', 'Gruppe 3']);
    expect((root.querySelector('#set') as HTMLSelectElement).value).toBe('S2');
    const texts = notes(root.querySelector('ol.boards')!);
    expect(texts[1]).toContain('S2 gruppe 2');
  });

  it('presents one group at a time: Next/Previous, arrow keys, Escape leaves', async () => {
    const { el, root, notes } = await setup();
    (root.querySelector('[data-action=present]') as HTMLElement).click();
    await el.updateComplete;
    const pos = () => root.querySelector('.presenting .pos')?.textContent;
    const title = () => root.querySelector('.presenting h2')?.textContent;
    expect(title()).toBe('Gruppe 1');
    expect(pos()).toBe('1 af 3');
    expect(root.activeElement?.getAttribute('data-action')).toBe('next');
    key('ArrowRight');
    await el.updateComplete;
    expect(title()).toBe('Gruppe 2');
    expect(pos()).toBe('2 af 3');
    expect(notes(root.querySelector('.presenting')!)[0]).toContain('S2 gruppe 2');
    key('ArrowRight');
    key('ArrowRight');
    await el.updateComplete;
    expect(pos()).toBe('1 af 3');
    key('ArrowLeft');
    await el.updateComplete;
    expect(title()).toBe('Gruppe 3');
    (root.querySelector('.presenting [data-action=previous]') as HTMLElement).click();
    await el.updateComplete;
    expect(pos()).toBe('2 af 3');
    expect(root.querySelector('main')!.hasAttribute('inert')).toBe(true);
    key('Escape');
    await el.updateComplete;
    expect(root.querySelector('.presenting')).toBeNull();
    expect(root.querySelector('main')!.hasAttribute('inert')).toBe(false);
    key('ArrowRight');
    await el.updateComplete;
    expect(root.querySelector('.presenting')).toBeNull();
  });

  it('switches to another set and to live boards', async () => {
    const { el, root, fake, notes } = await setup();
    const select = root.querySelector('#set') as HTMLSelectElement;
    select.value = 'S1';
    select.dispatchEvent(new Event('change'));
    await tick();
    await el.updateComplete;
    expect(notes(root.querySelector('ol.boards')!)[0]).toContain('S1 gruppe 1');
    select.value = 'live';
    select.dispatchEvent(new Event('change'));
    await tick();
    await el.updateComplete;
    expect(fake.rooms.map((r) => r.room)).toEqual([1, 2, 3].map((n) => `w-${ID}-g${n}`));
    expect(root.querySelector('[data-action=restore]')).toBeNull();
  });

  it('compares two sets of one group side by side', async () => {
    const { el, root, notes } = await setup();
    (root.querySelector('#cmp-group') as HTMLSelectElement).value = '3';
    (root.querySelector('#cmp-a') as HTMLSelectElement).value = 'S1';
    (root.querySelector('#cmp-b') as HTMLSelectElement).value = 'S2';
    (root.querySelector('[data-action=compare]') as HTMLElement).click();
    await tick();
    await el.updateComplete;
    const texts = notes(root.querySelector('.compare')!);
    expect(texts[0]).toContain('S1 gruppe 3');
    expect(texts[1]).toContain('S2 gruppe 3');
  });

  it('restores a group’s snapshot as a new board', async () => {
    const { el, root, fetch } = await setup();
    (root.querySelector('ol.boards > li[data-group="2"] [data-action=restore]') as HTMLElement).click();
    await tick();
    await el.updateComplete;
    expect(fetch.writes().at(-1)).toMatchObject({ method: 'POST', path: `/api/workshops/${ID}/snapshots/S2/restore`, body: { group: 2 } });
    expect(root.textContent).toContain('Ny tavle: Gruppe 2 (Anden runde). Kode NEWCOD.');
  });

  it('with the plenum token: shows and presents the boards, offers no restore and no exports', async () => {
    const { el, root, fetch, notes } = await setup('plenum');
    expect(fetch.calls.every((c) => c.auth === `Bearer ${PLENUM}`)).toBe(true);
    expect(notes(root.querySelector('ol.boards')!).join(' ')).toContain('S2 gruppe 1');
    expect(root.querySelector('[data-action=restore]')).toBeNull();
    expect(root.querySelector('kb-exports')).toBeNull();
    (root.querySelector('[data-action=present]') as HTMLElement).click();
    await el.updateComplete;
    expect(root.querySelector('kb-plenum-present')).not.toBeNull();
    expect(fetch.writes()).toEqual([]);
  });
});
