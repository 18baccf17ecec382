import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../widgets/shared/test-utils.js';
import { setLocale } from '../i18n/index.js';
import type { WorkshopView } from '../workshop/api.js';
import './group-page.js';
import type { KbGroupPage } from './group-page.js';
import { nav, takeToken } from './routes.js';
import { controlState, FakeControl, FakeFetch, fakeServices, json } from './test-fakes.js';
import type { KbTimer } from './timer-element.js';

const ID = 'W1234567890abcde';
const TOKEN = 'G'.repeat(32);

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
  groups: [1, 2, 3].map((n) => ({ number: n, name: `Gruppe ${n}`, room: `w-${ID}-g${n}`, online: 0 })),
  controlRoom: `w-${ID}-control`,
  expiresAt: 0,
};

let page: KbGroupPage | null = null;
beforeEach(() => {
  localStorage.removeItem('kaedeboard:name');
});
afterEach(() => {
  page?.remove();
  page = null;
  document.body.innerHTML = '';
  sessionStorage.clear();
  localStorage.removeItem('kaedeboard:name');
  setLocale('da');
  vi.restoreAllMocks();
});

const tick = () => new Promise((r) => setTimeout(r, 30));

async function setup(opts: { answers?: Record<string, unknown>; token?: string | null; clock?: { t: number } } = {}) {
  if (opts.token !== null) sessionStorage.setItem(`kaedeboard:token:g:${ID}:1`, opts.token ?? TOKEN);
  const fetch = new FakeFetch({ [`GET /api/workshops/${ID}`]: VIEW, ...opts.answers });
  const control = new FakeControl(controlState());
  const clock = opts.clock ?? { t: Date.now() };
  const fake = fakeServices(fetch, control, { now: () => clock.t });
  const el = document.createElement('kb-group-page');
  el.workshopId = ID;
  el.group = 1;
  el.services = fake.services;
  document.body.append(el);
  page = el;
  await tick();
  await el.updateComplete;
  const root = el.shadowRoot!;
  const join = async (name = 'Anna') => {
    const prompt = root.querySelector('kb-name-prompt')!;
    await prompt.updateComplete;
    (prompt.shadowRoot!.querySelector('#name') as HTMLInputElement).value = name;
    (prompt.shadowRoot!.querySelector('form') as HTMLFormElement).requestSubmit();
    await el.updateComplete;
  };
  return { el, root, fetch, control, fake, clock, join };
}

describe('<kb-group-page>', () => {
  it('has no WCAG 2.1 A/AA violations (axe-core), asking the name and on the board', async () => {
    const { el, join } = await setup();
    expect(await axeViolations(el)).toEqual([]);
    await join('Anna');
    await new Promise((r) => setTimeout(r, 200));
    expect(await axeViolations(el)).toEqual([]);
  });

  it('asks for a name, then opens the group’s room with the token', async () => {
    const { root, fetch, fake, join } = await setup();
    expect(fetch.calls[0]).toMatchObject({ path: `/api/workshops/${ID}`, auth: `Bearer ${TOKEN}` });
    expect(root.textContent).toContain('Gruppe 1 i workshoppen "Kædeansvar i Aarhus"');
    await join('Anna');
    expect(fake.boards).toHaveLength(1);
    expect(fake.boards[0]).toMatchObject({ room: `w-${ID}-g1`, token: TOKEN });
    expect(fake.boards[0]!.presence.self.name).toBe('Anna');
    expect(root.querySelector('header.workshop')!.textContent).toContain('Kædeansvar i Aarhus');
    expect(root.querySelector('kb-board')!.hasAttribute('readonly')).toBe(false);
  });

  it('shows the fresh board and says why after the server refused a change for good', async () => {
    const { el, root, fake, control, join } = await setup();
    await join('Anna');
    const before = root.querySelector('kb-board') as HTMLElement & { board: unknown };
    const old = before.board;
    fake.boards[0]!.replace('Ændringen blev afvist af serveren.');
    await el.updateComplete;
    const after = root.querySelector('kb-board') as HTMLElement & { board: unknown };
    expect(after.board).not.toBe(old);
    expect(after.board).toBe(fake.boards[0]!.board);
    expect(root.textContent).toContain('Ændringen blev afvist af serveren.');
    // The text goes once the board is open to writing again.
    control.set({ locked: false });
    await el.updateComplete;
    expect(root.textContent).not.toContain('Ændringen blev afvist af serveren.');
  });

  it('shows the lock, the timer and the facilitator’s message from the control document', async () => {
    const { el, root, control, clock, join } = await setup();
    await join();
    control.set({ locked: true, timer: { endsAt: clock.t + 5 * 60_000 + 10_000, remainingMs: null }, message: { text: 'Husk pausen', at: 1 } });
    await el.updateComplete;
    expect(root.querySelector('.banner.locked')!.textContent).toContain('Facilitator har låst tavlerne');
    expect(root.querySelector('kb-board')!.hasAttribute('readonly')).toBe(true);
    expect(root.querySelector('.banner.message')!.textContent).toContain('Husk pausen');
    const timer = root.querySelector('kb-timer') as KbTimer;
    await timer.updateComplete;
    expect(timer.shadowRoot!.querySelector('[role=timer]')!.textContent).toBe('05:10');
    // Twenty seconds later: the five-minute mark passed, and is said (politely) once.
    clock.t += 20_000;
    timer.tick();
    await timer.updateComplete;
    expect(timer.shadowRoot!.querySelector('[role=timer]')!.textContent).toBe('04:50');
    expect(timer.shadowRoot!.querySelector('[role=status]')!.textContent).toBe('Der er 5 minutter tilbage.');
    clock.t += 5 * 60_000;
    timer.tick();
    await timer.updateComplete;
    expect(timer.shadowRoot!.querySelector('[role=timer]')!.textContent).toBe('00:00');
    expect(timer.shadowRoot!.querySelector('[role=status]')!.textContent).toBe('Tiden er gået.');
    // Paused.
    control.set({ timer: { endsAt: null, remainingMs: 90_000 } });
    await el.updateComplete;
    await timer.updateComplete;
    expect(timer.shadowRoot!.textContent).toContain('01:30');
    expect(timer.shadowRoot!.textContent).toContain('Pause');
    // The message can be hidden; a new one shows again.
    (root.querySelector('.banner.message button') as HTMLElement).click();
    await el.updateComplete;
    expect(root.querySelector('.banner.message')).toBeNull();
    control.set({ message: { text: 'Ny besked', at: 2 } });
    await el.updateComplete;
    expect(root.querySelector('.banner.message')!.textContent).toContain('Ny besked');
    control.set({ locked: false, message: null, timer: { endsAt: null, remainingMs: null } });
    await el.updateComplete;
    expect(root.querySelector('.banner')).toBeNull();
    expect(root.querySelector('kb-board')!.hasAttribute('readonly')).toBe(false);
  });

  it('follows a move the facilitator asks for', async () => {
    const go = vi.spyOn(nav, 'go').mockImplementation(() => {});
    const link = `/g/${ID}/2#${'N'.repeat(32)}`;
    const { el, root, fetch, control, fake, join } = await setup({ answers: { [`POST /api/workshops/${ID}/moves/accept`]: { workshopId: ID, group: 2, token: 'N'.repeat(32), link } } });
    await join();
    control.set({ moves: { '999': { toGroup: 3, at: 1 } } });
    await tick();
    expect(fetch.writes()).toEqual([]);
    control.set({ moves: { [String(fake.boards[0]!.clientId)]: { toGroup: 2, at: 2 } } });
    await el.updateComplete;
    expect(root.textContent).toContain('Facilitatoren flytter dig til Gruppe 2');
    await tick();
    expect(fetch.writes()).toEqual([expect.objectContaining({ method: 'POST', path: `/api/workshops/${ID}/moves/accept`, body: { clientId: 4242 }, auth: `Bearer ${TOKEN}` })]);
    expect(go).toHaveBeenCalledWith(link);
    expect(fake.boards[0]!.destroyed).toBe(true);
  });

  it('follows a move even when the server closes the old sockets before its answer arrives', async () => {
    const go = vi.spyOn(nav, 'go').mockImplementation(() => {});
    const link = `/g/${ID}/2#${'N'.repeat(32)}`;
    let control: FakeControl | null = null;
    const accept = () => {
      // The old token is revoked: its sockets close with 4401 while the answer is on its way.
      control!.refuse({ code: 4401, reason: 'this token was revoked: its participant moved to another group' });
      return { workshopId: ID, group: 2, token: 'N'.repeat(32), link };
    };
    const s = await setup({ answers: { [`POST /api/workshops/${ID}/moves/accept`]: accept } });
    control = s.control;
    await s.join();
    s.control.set({ moves: { [String(s.fake.boards[0]!.clientId)]: { toGroup: 2, at: 2 } } });
    await tick();
    await s.el.updateComplete;
    expect(go).toHaveBeenCalledWith(link);
    // Still on its way to the new group, not showing the refusal of the old token.
    expect(s.root.textContent).toContain('Facilitatoren flytter dig til Gruppe 2');
    expect(s.root.textContent).not.toContain('revoked');
    expect(sessionStorage.getItem(`kaedeboard:token:g:${ID}:1`)).toBeNull();
  });

  it('trades the group’s shared link token for a personal one before it opens anything', async () => {
    const personal = 'Q'.repeat(32);
    const { fetch, fake, join } = await setup({
      answers: {
        [`GET /api/workshops/${ID}`]: { ...VIEW, sharedLink: true },
        [`POST /api/workshops/${ID}/tokens`]: { workshopId: ID, group: 1, token: personal, link: `/g/${ID}/1#${personal}` },
      },
    });
    await join();
    expect(fetch.writes()).toEqual([expect.objectContaining({ method: 'POST', path: `/api/workshops/${ID}/tokens`, auth: `Bearer ${TOKEN}` })]);
    expect(fake.boards[0]!.token).toBe(personal);
    expect(sessionStorage.getItem(`kaedeboard:token:g:${ID}:1`)).toBe(personal);
  });

  it('says plainly when the server refuses the board (and stops)', async () => {
    const { el, root, fake, control, join } = await setup();
    await join();
    fake.boards[0]!.refuse({ code: 4401, reason: 'invalid token' });
    await el.updateComplete;
    expect(root.querySelector('[role=alert]')!.textContent).toContain('Adgang nægtet');
    expect(root.querySelector('kb-board')).toBeNull();
    expect(fake.boards[0]!.destroyed).toBe(true);
    expect(control.destroyed).toBe(true);
    expect(sessionStorage.getItem(`kaedeboard:token:g:${ID}:1`)).toBeNull();
  });

  it('refuses before connecting when the API does not know the token', async () => {
    const { root, fake } = await setup({ answers: { [`GET /api/workshops/${ID}`]: () => json(401, { error: 'invalid token for this workshop' }) } });
    expect(root.querySelector('[role=alert]')!.textContent).toContain('Adgang nægtet');
    expect(root.querySelector('a[href="/join"]')).toBeTruthy();
    expect(fake.boards).toHaveLength(0);
  });

  it('says so when the workshop is deleted', async () => {
    const { el, root, control, fake, join } = await setup();
    await join();
    control.set({ deleted: true });
    await el.updateComplete;
    expect(root.textContent).toContain('Workshoppen er slettet');
    expect(fake.boards[0]!.destroyed).toBe(true);
  });

  it('lets the group look at another group’s board, read only, while the facilitator allows it', async () => {
    const { el, root, control, fake, join } = await setup();
    await join();
    expect(root.querySelector('.peek-open')).toBeNull();
    control.set({ crossView: true });
    await el.updateComplete;
    (root.querySelector('.peek-open') as HTMLElement).click();
    await el.updateComplete;
    const dialog = root.querySelector('dialog.peek') as HTMLDialogElement;
    expect(dialog.open).toBe(true);
    expect(fake.rooms.map((r) => r.room)).toEqual([`w-${ID}-g2`]);
    expect(dialog.querySelector('kb-board')!.hasAttribute('readonly')).toBe(true);
    (dialog.querySelector('[data-peek="3"]') as HTMLElement).click();
    await el.updateComplete;
    expect(fake.rooms.map((r) => r.room)).toEqual([`w-${ID}-g2`, `w-${ID}-g3`]);
    expect(fake.rooms[0]!.doc.isDestroyed).toBe(true);
    expect(dialog.querySelector('[data-peek="3"]')!.getAttribute('aria-pressed')).toBe('true');
    control.set({ crossView: false });
    await el.updateComplete;
    expect(dialog.open).toBe(false);
    expect(fake.rooms[1]!.doc.isDestroyed).toBe(true);
    expect(root.querySelector('.peek-open')).toBeNull();
  });

  it('without a token: points to the code page', async () => {
    const { root, fetch } = await setup({ token: null });
    expect(root.textContent).toContain('Linket er ikke helt');
    expect(root.querySelector('a[href="/join"]')).toBeTruthy();
    expect(fetch.calls).toEqual([]);
  });
});

describe('takeToken', () => {
  it('takes the token from the fragment, keeps it for the tab and clears the address bar', () => {
    const replaced: string[] = [];
    const hist = { state: null, replaceState: (_s: unknown, _t: string, url?: string | URL | null) => void replaced.push(String(url)) };
    const tok = takeToken('g:X:1', { hash: `#${TOKEN}`, pathname: '/g/X/1', search: '' }, hist);
    expect(tok).toBe(TOKEN);
    expect(replaced).toEqual(['/g/X/1']);
    expect(sessionStorage.getItem('kaedeboard:token:g:X:1')).toBe(TOKEN);
    expect(takeToken('g:X:1', { hash: '', pathname: '/g/X/1', search: '' }, hist)).toBe(TOKEN);
    expect(takeToken('g:X:2', { hash: '#<script>', pathname: '/g/X/2', search: '' }, hist)).toBeNull();
  });
});
