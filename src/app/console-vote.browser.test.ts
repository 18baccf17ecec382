/** `<kb-console-vote>` over a scripted fetch: start a vote from a list, see who took part, reveal and close. */
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../../widgets/shared/test-utils.js';
import type { VoteView } from '../workshop/vote-api.js';
import { pageStyles } from './page-styles.js';
import { PlenumClient } from './plenum-client.js';
import { FakeFetch, type Call } from './test-fakes.js';
import './console-vote.js';
import type { KbConsoleVote } from './console-vote.js';

const ID = 'W1234567890abcde';
const VOTE = 'V1234567890abcde';

const vote = (patch: Partial<VoteView> = {}): VoteView => ({
  id: VOTE,
  list: 'bor-gor-matrix:bor-ikke-gor',
  title: 'Bør/Gør: Bør, men gør ikke',
  dots: 4,
  endsAt: null,
  hidden: true,
  revealed: false,
  state: 'open',
  createdAt: 0,
  closedAt: null,
  source: '',
  items: [
    { key: 1, label: 'Inddrag de unge', detail: '', groups: [1] },
    { key: 2, label: 'Fælles it', detail: '', groups: [2] },
  ],
  voters: 2,
  cast: 5,
  totals: [1, 4],
  ...patch,
});

const hosts: HTMLElement[] = [];
afterEach(() => hosts.splice(0).forEach((h) => h.remove()));

const tick = () => new Promise((r) => setTimeout(r, 30));

describe('<kb-console-vote>', () => {
  it('starts a vote over a chosen list, then reveals and closes it', async () => {
    const writes: Call[] = [];
    const fetch = new FakeFetch({
      [`GET /api/workshops/${ID}/votes/lists`]: [
        { id: 'seven-themes:criteria', title: 'De syv kvalitetskriterier', count: 7 },
        { id: 'bor-gor-matrix:bor-ikke-gor', title: 'Bør/Gør: Bør, men gør ikke', count: 2 },
      ],
      [`POST /api/workshops/${ID}/votes`]: (c: Call) => (writes.push(c), vote()),
      [`POST /api/workshops/${ID}/votes/${VOTE}/reveal`]: (c: Call) => (writes.push(c), vote({ revealed: true })),
      [`POST /api/workshops/${ID}/votes/${VOTE}/close`]: (c: Call) => (writes.push(c), vote({ revealed: true, state: 'closed' })),
    });
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [pageStyles.styleSheet!];
    document.body.append(host);
    hosts.push(host);
    const el = document.createElement('kb-console-vote') as KbConsoleVote;
    el.workshopId = ID;
    el.client = new PlenumClient({ token: 'F'.repeat(32), fetch: fetch.fetch });
    root.append(el);
    await tick();
    await el.updateComplete;
    const list = root.querySelector('#vote-list') as HTMLSelectElement;
    expect([...list.options].map((o) => o.textContent)).toEqual(['De syv kvalitetskriterier (7)', 'Bør/Gør: Bør, men gør ikke (2)']);
    expect(list.value).toBe('bor-gor-matrix:bor-ikke-gor');
    expect(await axeViolations(el)).toEqual([]);
    (root.querySelector('#vote-dots') as HTMLInputElement).value = '4';
    (root.querySelector('#vote-minutes') as HTMLInputElement).value = '5';
    (root.querySelector('[data-action=vote-start]') as HTMLElement).click();
    await tick();
    await el.updateComplete;
    expect(writes[0]!.body).toEqual({ list: 'bor-gor-matrix:bor-ikke-gor', dots: 4, hidden: true, minutes: 5 });
    expect(root.querySelector('.vote-figures')!.textContent).toBe('4 prikker pr. deltager · 2 deltagere har sat 5 prikker');
    expect([...root.querySelectorAll('ol.top li')].map((li) => li.textContent)).toEqual(['Fælles it – 4', 'Inddrag de unge – 1']);
    (root.querySelector('[data-action=vote-reveal]') as HTMLElement).click();
    await tick();
    await el.updateComplete;
    expect(root.querySelector('[data-action=vote-reveal]')).toBeNull();
    (root.querySelector('[data-action=vote-close]') as HTMLElement).click();
    await tick();
    await el.updateComplete;
    expect(writes.map((w) => w.path)).toEqual([`/api/workshops/${ID}/votes`, `/api/workshops/${ID}/votes/${VOTE}/reveal`, `/api/workshops/${ID}/votes/${VOTE}/close`]);
    expect(root.querySelector('[role=status]')!.textContent).toBe('Afstemningen er lukket.');
    // Closed: a new one may be started.
    expect(root.querySelector('[data-action=vote-start]')).not.toBeNull();
  });
});
