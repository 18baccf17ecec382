/**
 * The plenum's shared summing-up and readable presenting, in Chromium over a scripted fetch and
 * boards built here: the synthesis figures per section (and a cell's notes), the sections as
 * slides in large type, a vote's totals following the long poll, presenting a group tool by
 * tool with body text from 18 px, zoom, and the facilitator's "look here" pointer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { axeViolations } from '../../widgets/shared/test-utils.js';
import { setLocale } from '../i18n/index.js';
import { Board } from '../model/index.js';
import { assessmentId } from '../model/theme-assessment.js';
import { placeWorkshop } from '../workshop/template.js';
import type { WorkshopView } from '../workshop/api.js';
import type { VoteTotals, VoteView } from '../workshop/vote-api.js';
// The app's entry defines the widget elements (src/app/board.ts); presenting draws them.
import './widgets.js';
import './plenum-page.js';
import type { KbPlenumPage } from './plenum-page.js';
import { PlenumClient } from './plenum-client.js';
import { controlState, FakeControl, FakeFetch, fakeServices, type Call } from './test-fakes.js';

const ID = 'W1234567890abcde';
const TOKEN = 'F'.repeat(32);
const O = 'test';

const VIEW: WorkshopView = {
  id: ID,
  title: 'Kædeansvar i Aarhus',
  parts: ['kaedeansvar', 'kontaktperson'],
  locale: 'da',
  createdAt: 0,
  locked: false,
  crossView: false,
  role: 'facilitator',
  groups: [1, 2].map((n) => ({ number: n, name: `Gruppe ${n}`, room: `w-${ID}-g${n}`, online: 0 })),
  controlRoom: `w-${ID}-control`,
  expiresAt: 0,
};

/** A group's board as a workshop starts it, with notes, an assessment and a chosen card. */
function groupBoard(n: number): { update: Uint8Array; matrix: { x: number; y: number } } {
  const doc = new Y.Doc();
  const board = new Board(doc);
  placeWorkshop(board, { title: `Gruppe ${n}`, parts: ['kaedeansvar', 'kontaktperson'], locale: 'da' }, O);
  const widget = (type: string) => board.read().items.find((i) => i.kind === 'widget' && i.props.widget === type)!;
  const themes = widget('seven-themes').id;
  const matrix = widget('bor-gor-matrix');
  board.create('theme-assessment', { id: assessmentId(themes, 2), props: { widget: themes, criterion: 2, status: n === 1 ? 'established' : 'under-way' } }, O);
  board.create('theme-note', { props: { widget: themes, criterion: 2, text: `Forpligtende aftale ${n}`, author: 'Ida' } }, O);
  board.create('matrix-note', { props: { widget: matrix.id, field: 'bor-ikke-gor', text: 'Inddrag de unge', criterion: 4, order: 1, color: 'yellow' } }, O);
  board.create('matrix-note', { props: { widget: matrix.id, field: 'bor-ikke-gor', text: `Kun gruppe ${n}`, criterion: 0, order: 2, color: 'pink' } }, O);
  const profile = widget('competence-profile').id;
  const first = board.owned(profile, 'competence-card').sort((a, b) => a.props.order - b.props.order)[0]!;
  board.updateProps<'competence-card'>(first.id, { area: 'local' }, O);
  const update = Y.encodeStateAsUpdate(doc);
  board.destroy();
  doc.destroy();
  return { update, matrix: { x: matrix.geometry.x + 100, y: matrix.geometry.y + 100 } };
}

const vote = (patch: Partial<VoteView> = {}): VoteView => ({
  id: 'V1234567890abcde',
  list: 'bor-gor-matrix:bor-ikke-gor',
  title: 'Bør/Gør: Bør, men gør ikke',
  dots: 3,
  endsAt: null,
  hidden: false,
  revealed: false,
  state: 'open',
  createdAt: 0,
  closedAt: null,
  source: '',
  items: [
    { key: 1, label: 'Inddrag de unge', detail: '4. Ungeinddragelse', groups: [1, 2] },
    { key: 2, label: 'Kun gruppe 1', detail: 'Uden kriterium', groups: [1] },
  ],
  voters: 1,
  cast: 2,
  totals: [2, 0],
  ...patch,
});

let page: KbPlenumPage | null = null;
afterEach(() => {
  page?.remove();
  page = null;
  sessionStorage.clear();
  setLocale('da');
});

const tick = (ms = 40) => new Promise((r) => setTimeout(r, ms));

async function setup(opts: { pointer?: { x: number; y: number } } = {}) {
  sessionStorage.setItem(`kaedeboard:token:p:${ID}`, TOKEN);
  const boards = [groupBoard(1), groupBoard(2)];
  let polls = 0;
  const pollAnswers: ((v: VoteTotals) => void)[] = [];
  const answers: Record<string, unknown> = {
    [`GET /api/workshops/${ID}`]: VIEW,
    [`GET /api/workshops/${ID}/snapshots`]: [{ id: 'S1', name: 'Plenum', createdAt: 1000, groups: [1, 2] }],
    [`GET /api/workshops/${ID}/votes`]: [vote()],
    [`GET /api/workshops/${ID}/votes/V1234567890abcde/totals`]: () => {
      polls++;
      if (polls === 1) return { id: 'V1234567890abcde', version: 3, state: 'open', revealed: false, voters: 1, cast: 2, totals: [2, 0] };
      return new Promise<Response>((resolve) => pollAnswers.push((t) => resolve(new Response(JSON.stringify(t), { headers: { 'content-type': 'application/json' } }))));
    },
    [`POST /api/workshops/${ID}/pointer`]: (c: Call) => ({ group: (c.body as { group: number }).group, ...(c.body as { point: object }).point, at: 1 }),
  };
  for (const n of [1, 2]) answers[`GET /api/workshops/${ID}/snapshots/S1/groups/${n}`] = boards[n - 1]!.update;
  const fetch = new FakeFetch(answers);
  const control = new FakeControl(controlState({ vote: { id: 'V1234567890abcde', open: true, revealed: true, at: 1 }, ...(opts.pointer ? { pointer: { group: 1, ...opts.pointer, at: 1 } } : {}) }));
  const fake = fakeServices(fetch, control);
  const el = document.createElement('kb-plenum-page');
  el.workshopId = ID;
  el.initialSet = null;
  el.services = fake.services;
  el.plenumClient = new PlenumClient({ token: TOKEN, fetch: fetch.fetch });
  document.body.append(el);
  page = el;
  const root = el.shadowRoot!;
  for (let i = 0; i < 100 && root.querySelectorAll('ol.boards > li kb-board').length < 2; i++) {
    await tick(20);
    await el.updateComplete;
  }
  return { el, root, fetch, control, pollAnswers, matrixPoint: boards[0]!.matrix };
}

async function until(el: KbPlenumPage, cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 150 && !cond(); i++) {
    await tick(20);
    await el.updateComplete;
  }
  if (!cond()) throw new Error(`timed out: ${what}`);
}

function key(k: string): void {
  dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
}

describe('the plenum’s shared summing-up', () => {
  it('gathers the groups: criteria with a cell’s notes, merged notes, card ranking, votes live', async () => {
    const { el, root, pollAnswers } = await setup();
    (root.querySelector('[data-view=synthesis]') as HTMLElement).click();
    await until(el, () => root.querySelector('table.criteria') !== null, 'the criteria matrix');
    // Criterion 2: group 1 established, group 2 under way, one note each.
    const row2 = root.querySelector('tr[data-criterion="2"]')!;
    expect([...row2.querySelectorAll('td[data-group]')].map((td) => [td.getAttribute('data-group'), td.getAttribute('data-status'), td.getAttribute('data-notes')])).toEqual([
      ['1', 'established', '1'],
      ['2', 'under-way', '1'],
    ]);
    expect(row2.querySelector('td.total')!.getAttribute('data-notes')).toBe('2');
    expect(root.querySelector('.criteria-total')!.getAttribute('data-notes')).toBe('2');
    (row2.querySelector('td[data-group="2"] button') as HTMLElement).click();
    await el.updateComplete;
    expect(root.querySelector('.cell-notes')!.textContent).toContain('Forpligtende aftale 2');
    expect(root.querySelector('.cell-notes')!.textContent).not.toContain('Forpligtende aftale 1');
    // The matrix: one entry for both groups' identical note.
    const field = root.querySelector('.field[data-field="bor-ikke-gor"]')!;
    expect(field.getAttribute('data-notes')).toBe('4');
    expect([...field.querySelectorAll('li')].map((li) => [li.querySelector('.text')!.textContent, li.getAttribute('data-groups')])).toEqual([
      ['Inddrag de unge', '1,2'],
      ['Kun gruppe 1', '1'],
      ['Kun gruppe 2', '2'],
    ]);
    // Cards: the first card chosen by both.
    const top = root.querySelector('.column[data-column="viden"] li')!;
    expect(top.getAttribute('data-count')).toBe('2');
    expect(top.querySelector('.count')!.textContent).toBe('Valgt af 2 af 2');
    const select = root.querySelector('#profile-group') as HTMLSelectElement;
    select.value = '2';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(root.querySelector('.group-profile')!.getAttribute('data-group')).toBe('2');
    // The vote: ranked, then the long poll brings a new total.
    await until(el, () => root.querySelector('.vote li[data-key="1"]')?.getAttribute('data-total') === '2', 'the first totals');
    await until(el, () => pollAnswers.length > 0, 'the long poll waiting');
    pollAnswers.shift()!({ id: 'V1234567890abcde', version: 4, state: 'open', revealed: false, voters: 2, cast: 5, totals: [2, 3] });
    await until(el, () => root.querySelector('.vote li[data-key="2"]')?.getAttribute('data-total') === '3', 'the new totals');
    expect([...root.querySelectorAll('.vote ol.results li')].map((li) => li.getAttribute('data-key'))).toEqual(['2', '1']);
    expect(root.querySelector('.vote')!.getAttribute('data-cast')).toBe('5');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('presents the sections as slides in large type; ← → step, Escape leaves', async () => {
    const { el, root } = await setup();
    (root.querySelector('[data-view=synthesis]') as HTMLElement).click();
    await until(el, () => root.querySelector('[data-action=present-synthesis]') !== null, 'the summing-up');
    (root.querySelector('[data-action=present-synthesis]') as HTMLElement).click();
    await until(el, () => root.querySelector('.synthesis-slide') !== null, 'a slide');
    const pos = () => root.querySelector('.synthesis-slide .pos')!.textContent;
    expect(pos()).toBe('Opsamling 1 af 5');
    expect(root.querySelector('.synthesis-slide')!.getAttribute('data-section')).toBe('criteria');
    expect(parseFloat(getComputedStyle(root.querySelector('.synthesis-slide tbody th')!).fontSize)).toBeGreaterThanOrEqual(18);
    key('ArrowRight');
    await until(el, () => pos() === 'Opsamling 2 af 5', 'the next slide');
    expect(root.querySelector('.synthesis-slide')!.getAttribute('data-section')).toBe('matrix');
    expect(parseFloat(getComputedStyle(root.querySelector('.synthesis-slide .notes .text')!).fontSize)).toBeGreaterThanOrEqual(18);
    expect(parseFloat(getComputedStyle(root.querySelector('.synthesis-slide .notes .groups')!).fontSize)).toBeGreaterThanOrEqual(18);
    key('ArrowLeft');
    key('ArrowLeft');
    await until(el, () => pos() === 'Opsamling 5 af 5', 'wrapping to the last');
    expect(root.querySelector('.synthesis-slide')!.getAttribute('data-section')).toBe('votes');
    expect(root.querySelector('main')!.hasAttribute('inert')).toBe(true);
    expect(await axeViolations(el)).toEqual([]);
    key('Escape');
    await until(el, () => root.querySelector('.synthesis-slide') === null, 'leaving');
    expect(root.querySelector('main')!.hasAttribute('inert')).toBe(false);
  });
});

describe('readable presenting', () => {
  it('steps through a group’s tools with body text from 18 px, zooms, and crosses to the next group', async () => {
    const { el, root } = await setup();
    (root.querySelector('[data-action=present]') as HTMLElement).click();
    await el.updateComplete;
    const toolPos = () => root.querySelector('.presenting .tool-pos')!.textContent;
    expect(toolPos()).toBe('Hele tavlen');
    expect(root.querySelector('.presenting kb-board')).not.toBeNull();
    key('ArrowDown');
    await until(el, () => root.querySelector('.tool-stage')?.getAttribute('data-zoom') !== '' && root.querySelector('.tool-stage') !== null, 'the first tool');
    expect(toolPos()).toBe('De syv kvalitetskriterier (1 af 4)');
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      const stage = root.querySelector('.tool-stage')!;
      await until(el, () => (root.querySelector('.tool-stage')?.getAttribute('data-zoom') ?? '') !== '', 'the tool measured');
      const type = stage.getAttribute('data-widget')!;
      seen.push(type);
      const zoom = Number(root.querySelector('.tool-stage')!.getAttribute('data-zoom'));
      const { BODY_TEXT, smallestText } = await import('./plenum-present.js');
      const px = smallestText(root.querySelector('.tool-frame > *')!, BODY_TEXT[type as keyof typeof BODY_TEXT])!;
      expect(px * zoom, `${type} body text on screen`).toBeGreaterThanOrEqual(18 - 1e-6);
      if (i < 3) {
        key('ArrowDown');
        await until(el, () => root.querySelector('.tool-stage')?.getAttribute('data-widget') !== type, 'the next tool');
      }
    }
    expect(seen).toEqual(['seven-themes', 'bor-gor-matrix', 'competence-profile', 'reflection-wall']);
    const zoom = () => Number(root.querySelector('.tool-stage')!.getAttribute('data-zoom'));
    const before = zoom();
    (root.querySelector('[data-action=zoom-in]') as HTMLElement).click();
    await el.updateComplete;
    expect(zoom()).toBeCloseTo(before * 1.25, 3);
    key('-');
    await el.updateComplete;
    expect(zoom()).toBeCloseTo(before, 3);
    (root.querySelector('[data-action=zoom-in]') as HTMLElement).click();
    key('0');
    await el.updateComplete;
    expect(zoom()).toBeCloseTo(before, 3);
    expect(await axeViolations(el)).toEqual([]);
    // The next group starts at its whole board.
    key('ArrowRight');
    await el.updateComplete;
    expect(root.querySelector('.presenting h2')!.textContent).toBe('Gruppe 2');
    expect(toolPos()).toBe('Hele tavlen');
    key('ArrowUp');
    await el.updateComplete;
    expect(toolPos()).toBe('Hele tavlen');
  });

  it('shows the facilitator’s pointer on the tool it points into, and points for the group', async () => {
    const { el, root, fetch, matrixPoint } = await setup({ pointer: { x: -5000, y: -5000 } });
    (root.querySelector('[data-action=present]') as HTMLElement).click();
    await el.updateComplete;
    key('ArrowDown');
    key('ArrowDown');
    await until(el, () => root.querySelector('.tool-stage[data-widget=bor-gor-matrix]')?.getAttribute('data-zoom') !== '' && root.querySelector('.tool-stage[data-widget=bor-gor-matrix]') !== null, 'the matrix');
    await until(el, () => (root.querySelector('.tool-stage')?.getAttribute('data-zoom') ?? '') !== '', 'measured');
    // The pointer (0, 0) lies outside the matrix: none shown.
    expect(root.querySelector('.look-here')).toBeNull();
    (root.querySelector('[data-action=point]') as HTMLElement).click();
    await el.updateComplete;
    const stage = root.querySelector('.tool-stage') as HTMLElement;
    const r = stage.getBoundingClientRect();
    const zoom = Number(stage.getAttribute('data-zoom'));
    const frame = (root.querySelector('.tool-frame') as HTMLElement).getBoundingClientRect();
    const x = frame.left + 100 * zoom;
    const y = frame.top + 100 * zoom;
    stage.dispatchEvent(new PointerEvent('pointerdown', { clientX: x, clientY: y, button: 0, pointerId: 1, bubbles: true }));
    stage.dispatchEvent(new PointerEvent('pointerup', { clientX: x, clientY: y, button: 0, pointerId: 1, bubbles: true }));
    await until(el, () => fetch.writes().some((w) => w.path.endsWith('/pointer')), 'the pointer sent');
    const sent = fetch.writes().find((w) => w.path.endsWith('/pointer'))!.body as { group: number; point: { x: number; y: number } };
    expect(sent.group).toBe(1);
    expect(Math.abs(sent.point.x - matrixPoint.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(sent.point.y - matrixPoint.y)).toBeLessThanOrEqual(1);
    await until(el, () => root.querySelector('.look-here') !== null, 'the ring');
    const ring = (root.querySelector('.look-here') as HTMLElement).getBoundingClientRect();
    expect(Math.abs(ring.left + ring.width / 2 - x)).toBeLessThan(3);
    expect(Math.abs(ring.top + ring.height / 2 - y)).toBeLessThan(3);
    expect(r.width).toBeGreaterThan(0);
  });
});
