/**
 * `<kb-miro-panel>` in real Chromium at Miro's panel width, talking over a real BroadcastChannel
 * to a headless part (the host) that runs in this page as Miro's hidden iframe would, each with
 * its own iframe view of one fake board.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../widgets/shared/test-utils.js';
import { MiroHost } from './host.js';
import { CreditLimiter } from './limiter.js';
import { META_KEY } from './metadata.js';
import { MIRO_WIDGETS } from './place.js';
import './panel.js';
import type { MiroPanel } from './panel-element.js';
import { broadcastChannel } from './protocol.js';
import type { Channel } from './protocol.js';
import { FakeMiroBoard } from './test-fake-miro.js';
import type { FakeItem, FakeOptions, IframeView } from './test-fake-miro.js';

/** Miro's panel: 368 dp wide, 24 dp padding each side: 320 for the content. */
const PANEL_CONTENT_WIDTH = 320;

let panel: MiroPanel | undefined;
const channels: Channel[] = [];
let sessions = 0;

interface Mounted {
  el: MiroPanel;
  fake: FakeMiroBoard;
  view: IframeView;
  host: MiroHost | undefined;
  session: string;
}

async function mount(options: FakeOptions = {}, { fetchFn, headless = true, latency = 0 }: { fetchFn?: typeof fetch; headless?: boolean; latency?: number } = {}): Promise<Mounted> {
  const fake = new FakeMiroBoard(options);
  const session = `t${++sessions}-${Math.random()}`;
  let host: MiroHost | undefined;
  if (headless) {
    const channel = broadcastChannel();
    channels.push(channel);
    host = new MiroHost({ board: fake.iframe(latency), channel, session, limiter: new CreditLimiter(), ...(fetchFn ? { fetchFn } : {}) }).start();
  }
  // The panel's own iframe: Miro's global there, a view of the same board.
  const view = fake.iframe();
  vi.stubGlobal('miro', { board: view });
  const el = document.createElement('kb-miro-panel');
  el.session = headless ? session : '';
  el.hostTimeout = 300;
  if (fetchFn !== undefined) el.fetchFn = fetchFn;
  // Inside the panel's iframe, as wide as Miro makes its content.
  const frame = document.createElement('div');
  frame.style.width = `${PANEL_CONTENT_WIDTH}px`;
  frame.append(el);
  document.body.append(frame);
  await el.updateComplete;
  panel = el;
  return { el, fake, view, host, session };
}

const q = <T extends Element = HTMLElement>(el: Element, selector: string): T => {
  const found = el.querySelector<T>(selector);
  if (found === null) throw new Error(`no ${selector}`);
  return found;
};

const text = (el: Element, selector: string): string => q(el, selector).textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Does `act` and waits until the panel has heard its outcome (done or failed) and shows it. */
async function run(m: Mounted, act: () => void): Promise<void> {
  const before = m.el.outcomes;
  act();
  await vi.waitFor(() => expect(m.el.outcomes).toBeGreaterThan(before), { timeout: 5000 });
  await m.el.updateComplete;
}

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

const frameOf = (fake: FakeMiroBoard): FakeItem => fake.frames()[0] as FakeItem;

beforeEach(() => {
  sessionStorage.clear();
});

afterEach(() => {
  if (panel?.parentElement !== document.body) panel?.parentElement?.remove();
  panel?.remove();
  panel = undefined;
  for (const c of channels.splice(0)) c.close();
  vi.unstubAllGlobals();
});

describe('<kb-miro-panel> in Chromium', () => {
  it('has no WCAG 2.1 A/AA violations (axe-core)', async () => {
    const m = await mount();
    await vi.waitFor(() => expect(m.el.link).toBe('host'));
    expect(await axeViolations(m.el)).toEqual([]);
  });

  it('lists the widgets as miro-draggable items, fits Miro’s panel width, and finds the headless part', async () => {
    const { el, fake } = await mount();
    const draggables = [...el.querySelectorAll<HTMLElement>('.miro-draggable')];
    expect(draggables.map((d) => d.dataset.widget)).toEqual([...MIRO_WIDGETS]);
    // In the light DOM, where Miro's drag sensor finds them.
    expect(el.shadowRoot).toBeNull();
    expect(draggables.map((d) => q(d, '.name').textContent)).toEqual(['De syv kvalitetskriterier', 'Bør/Gør-matrix', 'Kompetenceprofil']);
    const buttons = [...el.querySelectorAll<HTMLButtonElement>('button[data-place]')];
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Placér ved visningen: De syv kvalitetskriterier',
      'Placér ved visningen: Bør/Gør-matrix',
      'Placér ved visningen: Kompetenceprofil',
    ]);
    // Every input has a label.
    for (const input of el.querySelectorAll('input[type="text"], input[type="password"], input[type="number"]')) expect(el.querySelector(`label[for="${input.id}"]`)).not.toBeNull();
    // Nothing wider than the panel: no sideways scrolling at 320 px.
    expect(el.scrollWidth).toBeLessThanOrEqual(PANEL_CONTENT_WIDTH);
    for (const child of el.querySelectorAll<HTMLElement>('button, input, .widget, p')) expect(child.getBoundingClientRect().right, child.outerHTML.slice(0, 60)).toBeLessThanOrEqual(el.getBoundingClientRect().right + 0.5);
    expect(fake.listeners('drop')).toBe(1);
    expect(fake.listeners('selection:update')).toBe(1);
    await vi.waitFor(() => expect(el.link).toBe('host'));
    expect(el.querySelector('.notice')).toBeNull();
    el.remove();
    expect(fake.listeners('drop')).toBe(0);
    expect(fake.listeners('selection:update')).toBe(0);
  });

  it('click-to-place: the headless part places in empty space near the view, with progress in the panel', async () => {
    const m = await mount({ viewport: { x: 1000, y: 2000, width: 1600, height: 900 } }, { latency: 2 });
    await vi.waitFor(() => expect(m.el.link).toBe('host'));
    const seen = new Set<string>();
    const watch = setInterval(() => seen.add(m.el.status), 1);
    await run(m, () => q<HTMLButtonElement>(m.el, 'button[data-place="bor-gor-matrix"]').click());
    clearInterval(watch);
    const frame = frameOf(m.fake);
    // An empty board: the view's centre is free.
    expect(frame).toMatchObject({ x: 1800, y: 2450, title: 'Bør/Gør-matrix' });
    const total = m.fake.creations().length;
    expect([...seen].filter((s) => new RegExp(`^Opretter Bør/Gør-matrix: \\d+ / ${total}$`).test(s)), [...seen].join(' | ')).not.toEqual([]);
    expect(text(m.el, '[role="status"]')).toBe(`Bør/Gør-matrix er placeret (${total} elementer).`);
    expect(text(m.el, '[role="alert"]')).toBe('');
    expect(m.fake.zoomed).toEqual([[frame.id]]);
  });

  it('the panel closed mid-placing: the headless part finishes, and the reopened panel says so', async () => {
    // Each call of the headless part takes 5 ms, as real calls take a while.
    const m = await mount({}, { latency: 5 });
    await vi.waitFor(() => expect(m.el.link).toBe('host'));
    q<HTMLButtonElement>(m.el, 'button[data-place="competence-profile"]').click();
    await vi.waitFor(() => expect(m.el.status).toMatch(/: [1-9] \//));
    // Miro closes the panel's iframe.
    m.el.remove();
    m.view.close();
    panel = undefined;
    await m.host?.idle();
    const frame = frameOf(m.fake);
    expect(frame.meta[META_KEY]).toEqual({ v: 1, widget: 'competence-profile', key: 'frame', locale: 'da' });
    expect(m.fake.notices.at(-1)).toEqual({ type: 'info', message: 'Kompetenceprofil er placeret.' });
    // The icon clicked again: a new panel on the same session hears the outcome.
    const reopened = m.fake.iframe();
    vi.stubGlobal('miro', { board: reopened });
    const el = document.createElement('kb-miro-panel');
    el.session = m.session;
    const box = document.createElement('div');
    box.append(el);
    document.body.append(box);
    panel = el;
    await vi.waitFor(() => expect(el.status).toMatch(/^Kompetenceprofil er placeret \(\d+ elementer\)\.$/));
  });

  it('a drop places the dropped widget at the drop point', async () => {
    const m = await mount();
    await vi.waitFor(() => expect(m.el.link).toBe('host'));
    await run(m, () => m.fake.drop(-420, 380, q(m.el, '[data-widget="competence-profile"] .name')));
    expect(frameOf(m.fake)).toMatchObject({ x: -420, y: 380, title: 'Kompetenceprofil' });
    expect(m.fake.creations().filter((c) => c.method === 'createCard')).toHaveLength(20);
  });

  it('shows a failure in an alert, with what was removed; a stop button while busy', async () => {
    const m = await mount({ failOnCreate: 3 });
    await vi.waitFor(() => expect(m.el.link).toBe('host'));
    await run(m, () => q<HTMLButtonElement>(m.el, 'button[data-place="seven-themes"]').click());
    const alert = text(m.el, '[role="alert"]');
    expect(alert).toContain('Kunne ikke oprette figuren «2. Forpligtelse» (2 / 10): fake: create #3 refused');
    expect(alert).toContain('Alt det oprettede er fjernet igen.');
    expect(m.fake.items.size).toBe(0);
    expect(m.el.querySelector('button[data-stop]')).toBeNull();
  });

  it('switches the language of the panel and of what it places, and remembers it in this tab', async () => {
    const m = await mount();
    await vi.waitFor(() => expect(m.el.link).toBe('host'));
    q<HTMLInputElement>(m.el, 'input[value="en"]').click();
    await m.el.updateComplete;
    expect(q(m.el, 'h1').textContent).toBe('kaedeboard in Miro');
    expect(document.documentElement.lang).toBe('en');
    expect(sessionStorage.getItem('kb-miro-locale')).toBe('en');
    await run(m, () => q<HTMLButtonElement>(m.el, 'button[data-place="seven-themes"]').click());
    expect(frameOf(m.fake).title).toBe('The seven quality criteria');
    expect(m.fake.calls.filter((c) => c.method === 'createShape').map((c) => (c.args[0] as { content?: string }).content)).toContain('<p><strong>2. Commitment</strong></p>');
    q<HTMLInputElement>(m.el, 'input[value="da"]').click();
    await m.el.updateComplete;
  });

  it('previews the selected frame live, sends it, and a second send updates the same group', async () => {
    const requests: { method: string; url: string; body: { name?: string; board: string }; auth: string }[] = [];
    const fetchFn: typeof fetch = async (url, init) => {
      requests.push({ method: init?.method ?? 'GET', url: String(url), body: JSON.parse(String(init?.body)), auth: new Headers(init?.headers).get('authorization') ?? '' });
      return init?.method === 'PUT' ? Response.json({ number: 7, name: 'Bør/Gør-matrix' }) : Response.json({ number: 7, name: 'Bør/Gør-matrix', code: 'X', room: 'r', token: 't', link: 'l' }, { status: 201 });
    };
    const m = await mount({}, { fetchFn });
    await vi.waitFor(() => expect(m.el.link).toBe('host'));
    await run(m, () => q<HTMLButtonElement>(m.el, 'button[data-place="bor-gor-matrix"]').click());
    type(q<HTMLInputElement>(m.el, '#kb-miro-workshop'), 'w-123');
    type(q<HTMLInputElement>(m.el, '#kb-miro-token'), 'facilitator-secret');
    expect(sessionStorage.getItem('kb-miro-token')).toBe('facilitator-secret');

    // Nothing selected yet.
    q<HTMLButtonElement>(m.el, 'button[data-send]').click();
    await vi.waitFor(() => expect(text(m.el, '[role="alert"]')).toContain('Vælg en ramme'));
    expect(text(m.el, '.preview')).toContain('Vælg en ramme for at se, hvad der sendes.');

    // The selection is followed: a note in "hverken", then the frame selected.
    const frame = frameOf(m.fake);
    m.fake.addChild(frame.id, { type: 'sticky_note', x: 1400, y: 1100, width: 200, height: 130, content: '<p>Ny idé</p>' });
    m.fake.addChild(frame.id, { type: 'sticky_note', x: 5, y: 5, width: 20, height: 13, content: '<p>I margenen</p>' });
    m.fake.select([frame.id]);
    await vi.waitFor(() => expect(text(m.el, '.preview')).toContain('Bør og gør: 0'));
    expect(text(m.el, '.preview')).toContain('Bør ikke og gør ikke: 1');
    expect(text(m.el, '.preview')).toContain('Kommer ikke med (1): «I margenen»');
    expect(text(m.el, '.preview')).toContain('Bliver en ny gruppe.');

    await run(m, () => q<HTMLButtonElement>(m.el, 'button[data-send]').click());
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'POST', url: '/api/workshops/w-123/groups', auth: 'Bearer facilitator-secret', body: { name: 'Bør/Gør-matrix' } });
    expect(text(m.el, '[role="status"]')).toBe('Sendt som gruppe 7 (Bør/Gør-matrix). 1 elementer lå uden for værktøjets felter og kom ikke med: «I margenen»');
    await vi.waitFor(() => expect(text(m.el, '.preview')).toContain('Opdaterer gruppe 7 i workshop w-123.'));

    await run(m, () => q<HTMLButtonElement>(m.el, 'button[data-send]').click());
    expect(requests).toHaveLength(2);
    expect(requests[1]).toMatchObject({ method: 'PUT', url: '/api/workshops/w-123/groups/7' });
    expect(text(m.el, '[role="status"]')).toMatch(/^Gruppe 7 \(Bør\/Gør-matrix\) er opdateret\./);
  });

  it('shows the server’s refusal in an alert', async () => {
    const fetchFn: typeof fetch = async () => Response.json({ error: 'invalid token for this workshop' }, { status: 401 });
    const m = await mount({}, { fetchFn });
    await vi.waitFor(() => expect(m.el.link).toBe('host'));
    await run(m, () => q<HTMLButtonElement>(m.el, 'button[data-place="competence-profile"]').click());
    m.fake.select([frameOf(m.fake).id]);
    await vi.waitFor(() => expect(text(m.el, '.preview')).toContain('Kompetenceprofil i rammen'));
    type(q<HTMLInputElement>(m.el, '#kb-miro-workshop'), 'w');
    type(q<HTMLInputElement>(m.el, '#kb-miro-token'), 'wrong');
    q<HTMLButtonElement>(m.el, 'button[data-send]').click();
    await vi.waitFor(() => expect(text(m.el, '[role="alert"]')).toContain('kaedeboard svarede 401: invalid token for this workshop'));
  });

  it('asks for the workshop id and token before anything else', async () => {
    const m = await mount();
    q<HTMLButtonElement>(m.el, 'button[data-send]').click();
    q<HTMLButtonElement>(m.el, 'button[data-send-all]').click();
    await m.el.updateComplete;
    expect(text(m.el, '[role="alert"]')).toContain('Udfyld workshop-id og facilitatorens nøgle.');
    expect(m.fake.calls.filter((c) => c.method === 'getSelection')).toHaveLength(0);
  });

  it('without a headless part, the panel places by itself and says to keep it open', async () => {
    const m = await mount({}, { headless: false });
    await vi.waitFor(() => expect(m.el.link).toBe('local'));
    expect(text(m.el, '.notice')).toContain('hold det åbent');
    await run(m, () => q<HTMLButtonElement>(m.el, 'button[data-place="seven-themes"]').click());
    expect(text(m.el, '[role="status"]')).toMatch(/^De syv kvalitetskriterier er placeret/);
  });
});
