/**
 * `<kb-vote-list>` in Chromium over a scripted fetch: the ballot's − and +, the allowance, the
 * participant credential kept for the browser (a second list, as a second tab, reuses it), the
 * server's answer winning, hidden and revealed totals, a closed vote, and no a11y violations.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../../widgets/shared/test-utils.js';
import { setLocale } from '../i18n/index.js';
import type { VoteView } from '../workshop/vote-api.js';
import { pageStyles } from './page-styles.js';
import { PlenumClient } from './plenum-client.js';
import { FakeFetch, json, type Call } from './test-fakes.js';
import './vote-list.js';
import type { KbVoteList } from './vote-list.js';

const ID = 'W1234567890abcde';
const VOTE = 'V1234567890abcde';
const CREDENTIAL = 'C'.repeat(32);

function view(patch: Partial<VoteView> = {}): VoteView {
  return {
    id: VOTE,
    list: 'bor-gor-matrix:bor-ikke-gor',
    title: 'Bør/Gør: Bør, men gør ikke',
    dots: 3,
    endsAt: null,
    hidden: true,
    revealed: false,
    state: 'open',
    createdAt: 0,
    closedAt: null,
    source: '',
    items: [
      { key: 1, label: 'Inddrag de unge', detail: 'Uden kriterium', groups: [1, 2] },
      { key: 2, label: 'Fælles it', detail: 'Uden kriterium', groups: [1] },
      { key: 3, label: 'Mentorordning', detail: 'Uden kriterium', groups: [2] },
    ],
    voters: 0,
    cast: 0,
    totals: null,
    mine: {},
    ...patch,
  };
}

const hosts: HTMLElement[] = [];
afterEach(() => {
  for (const h of hosts.splice(0)) h.remove();
  localStorage.clear();
  setLocale('da');
});

async function mount(fetch: FakeFetch, patch: Partial<VoteView> = {}) {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [pageStyles.styleSheet!];
  document.body.append(host);
  hosts.push(host);
  const el = document.createElement('kb-vote-list');
  el.workshopId = ID;
  el.token = 'T'.repeat(32);
  el.client = new PlenumClient({ token: el.token, fetch: fetch.fetch });
  el.groups = [1, 2].map((n) => ({ number: n, name: `Gruppe ${n}`, room: '' }));
  el.signal = { id: VOTE, open: patch.state !== 'closed', revealed: patch.totals != null, at: 1 };
  root.append(el);
  for (let i = 0; i < 50 && !root.querySelector('.vote-sheet'); i++) {
    await new Promise((r) => setTimeout(r, 10));
    await el.updateComplete;
  }
  return { el, root };
}

function answers(patch: Partial<VoteView> = {}, ballots: Call[] = []) {
  let issued = 0;
  return new FakeFetch({
    [`POST /api/workshops/${ID}/participants`]: () => ({ credential: issued++ === 0 ? CREDENTIAL : 'D'.repeat(32) }),
    [`GET /api/workshops/${ID}/votes/${VOTE}`]: () => view(patch),
    [`PUT /api/workshops/${ID}/votes/${VOTE}/ballot`]: (c: Call) => {
      ballots.push(c);
      const dots = (c.body as { dots: Record<string, number> }).dots;
      return { mine: dots, used: Object.values(dots).reduce((a, b) => a + b, 0), version: ballots.length };
    },
  });
}

const click = async (el: KbVoteList, root: ParentNode, key: number, action: 'vote-add' | 'vote-remove') => {
  (root.querySelector(`li[data-key="${key}"] [data-action=${action}]`) as HTMLButtonElement).click();
  await new Promise((r) => setTimeout(r, 20));
  await el.updateComplete;
};

describe('<kb-vote-list>', () => {
  it('places and moves dots within the allowance; every change is the whole ballot with the credential', async () => {
    const ballots: Call[] = [];
    const fetch = answers({}, ballots);
    const { el, root } = await mount(fetch);
    expect(root.querySelector('.list-title')!.textContent).toBe('Bør/Gør: Bør, men gør ikke');
    expect(root.querySelector('.left')!.textContent).toBe('3 af 3 prikker tilbage');
    expect(root.querySelector('li[data-key="1"] .meta')!.textContent).toContain('Fra Gruppe 1, Gruppe 2');
    expect(root.querySelector('.vote-sheet')!.textContent).toContain('Resultatet vises, når facilitatoren afslører det.');
    await click(el, root, 1, 'vote-add');
    await click(el, root, 1, 'vote-add');
    await click(el, root, 2, 'vote-add');
    expect(root.querySelector('.left')!.textContent).toBe('0 af 3 prikker tilbage');
    expect((root.querySelector('li[data-key="3"] [data-action=vote-add]') as HTMLButtonElement).disabled).toBe(true);
    // Moving a dot: off item 1, onto item 3.
    await click(el, root, 1, 'vote-remove');
    await click(el, root, 3, 'vote-add');
    expect(ballots.map((b) => b.body)).toEqual([{ dots: { '1': 1 } }, { dots: { '1': 2 } }, { dots: { '1': 2, '2': 1 } }, { dots: { '1': 1, '2': 1 } }, { dots: { '1': 1, '2': 1, '3': 1 } }]);
    expect(ballots.every((b) => b.headers['x-participant'] === CREDENTIAL)).toBe(true);
    expect(root.querySelector('li[data-key="1"] .count')!.textContent).toBe('1');
    expect(root.querySelectorAll('li[data-key="1"] .dot')).toHaveLength(1);
    expect(root.querySelector('p.status')!.textContent).toBe('Gemt: 1 af dine prikker på "Mentorordning"');
    // The credential is the browser's: a second list (a second tab) asks for none.
    expect(localStorage.getItem(`kaedeboard:voter:${ID}`)).toBe(CREDENTIAL);
    const again = answers();
    await mount(again);
    expect(again.calls.filter((c) => c.path.endsWith('/participants'))).toEqual([]);
    expect(again.calls.find((c) => c.method === 'GET')!.headers['x-participant']).toBe(CREDENTIAL);
    expect(await axeViolations(root.querySelector('kb-vote-list') as HTMLElement)).toEqual([]);
  });

  it('keeps what the server answers; a refused dot goes back and says why', async () => {
    const fetch = answers({ mine: { '2': 1 } });
    fetch.answers[`PUT /api/workshops/${ID}/votes/${VOTE}/ballot`] = () => json(400, { error: 'body.dots: more than the 3 dots this vote gives each participant' });
    const { el, root } = await mount(fetch);
    expect(root.querySelector('li[data-key="2"] .count')!.textContent).toBe('1');
    await click(el, root, 1, 'vote-add');
    expect(root.querySelector('li[data-key="1"] .count')!.textContent).toBe('0');
    expect(root.querySelector('p.status')!.textContent).toContain('Din prik blev ikke gemt: body.dots: more than the 3 dots');
  });

  it('shows the totals ranked once they may be shown, and a closed vote without − and +', async () => {
    const { root } = await mount(answers({ state: 'closed', totals: [2, 9, 2], hidden: true, revealed: true, mine: { '2': 3 } }));
    expect([...root.querySelectorAll('li')].map((li) => li.getAttribute('data-key'))).toEqual(['2', '1', '3']);
    expect([...root.querySelectorAll('[data-total]')].map((t) => t.getAttribute('data-total'))).toEqual(['9', '2', '2']);
    expect(root.querySelector('li[data-key="2"] .label')!.textContent).toContain('Nr. 1');
    expect(root.querySelector('li[data-key="3"] .label')!.textContent).toContain('Nr. 2');
    expect(root.querySelector('[data-action=vote-add]')).toBeNull();
    expect(root.querySelector('.vote-sheet')!.textContent).toContain('Afstemningen er lukket');
    (root.querySelector('[data-action=vote-dismiss]') as HTMLElement).click();
    await new Promise((r) => setTimeout(r, 10));
    expect(root.querySelector('.vote-sheet')).toBeNull();
  });

  it('folds to a pill and back, in English too', async () => {
    setLocale('en');
    const { el, root } = await mount(answers());
    (root.querySelector('[data-action=vote-hide]') as HTMLElement).click();
    await el.updateComplete;
    expect(root.querySelector('.vote-pill')!.textContent).toBe('Vote – 3 dots left');
    (root.querySelector('[data-action=vote-show]') as HTMLElement).click();
    await el.updateComplete;
    expect(root.querySelector('.left')!.textContent).toBe('3 of 3 dots left');
  });
});
