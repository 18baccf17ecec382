import { afterEach, describe, expect, it } from 'vitest';
import type { KbBoard } from '../canvas/board-element.js';
import { setLocale } from '../i18n/index.js';
import type { WorkshopView } from '../workshop/api.js';
import './group-page.js';
import { controlState, FakeControl, FakeFetch, fakeServices } from './test-fakes.js';

const ID = 'W1234567890abcde';

const VIEW: WorkshopView = {
  id: ID,
  title: 'Kædeansvar i Aarhus',
  parts: ['kaedeansvar'],
  locale: 'da',
  createdAt: 0,
  locked: false,
  crossView: false,
  role: 'participant',
  group: 1,
  groups: [1, 2].map((n) => ({ number: n, name: `Gruppe ${n}`, room: `w-${ID}-g${n}`, online: 0 })),
  controlRoom: `w-${ID}-control`,
  expiresAt: 0,
};

afterEach(() => {
  document.body.innerHTML = '';
  sessionStorage.clear();
  localStorage.removeItem('kaedeboard:name');
  setLocale('da');
});

describe('a board this build may not write', () => {
  it('shows read-only on the group page, saying why in the page language', async () => {
    sessionStorage.setItem(`kaedeboard:token:g:${ID}:1`, 'G'.repeat(32));
    localStorage.setItem('kaedeboard:name', 'Anna');
    const fake = fakeServices(new FakeFetch({ [`GET /api/workshops/${ID}`]: VIEW }), new FakeControl(controlState()));
    const el = document.createElement('kb-group-page');
    el.workshopId = ID;
    el.group = 1;
    el.services = fake.services;
    document.body.append(el);
    const board = async (): Promise<KbBoard> => {
      await el.updateComplete;
      const b = el.shadowRoot!.querySelector('kb-board') as KbBoard;
      await b.updateComplete;
      return b;
    };
    for (let i = 0; i < 50 && fake.boards.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(fake.boards).toHaveLength(1);
    let b = await board();
    expect(b.readonly).toBe(false);
    expect(b.shadowRoot!.querySelector('.banner')).toBeNull();

    fake.boards[0]!.turnReadOnly({ reason: 'newer-schema', detail: 'schema v2' });
    b = await board();
    expect(b.readonly).toBe(true);
    expect(b.shadowRoot!.querySelector('.banner[role=status]')!.textContent).toContain('nyere udgave af kaedeboard');
    setLocale('en');
    b = await board();
    expect(b.shadowRoot!.querySelector('.banner[role=status]')!.textContent).toContain('newer version of kaedeboard');
  });
});
