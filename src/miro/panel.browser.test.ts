import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../widgets/shared/test-utils.js';
import type { GroupLink } from '../workshop/api.js';
import { CreditLimiter } from './limiter.js';
import { MIRO_WIDGETS } from './place.js';
import './panel.js';
import type { MiroPanel } from './panel-element.js';
import { FakeMiroBoard, ManualClock } from './test-fake-miro.js';
import type { FakeOptions } from './test-fake-miro.js';

let panel: MiroPanel | undefined;

async function mount(options: FakeOptions = {}, fetchFn?: typeof fetch): Promise<{ el: MiroPanel; fake: FakeMiroBoard }> {
  const fake = new FakeMiroBoard(options);
  // The panel reads Miro's global, as in a real Miro iframe.
  vi.stubGlobal('miro', { board: fake });
  const el = document.createElement('kb-miro-panel');
  el.limiter = new CreditLimiter({ clock: new ManualClock() });
  if (fetchFn !== undefined) el.fetchFn = fetchFn;
  document.body.append(el);
  await el.updateComplete;
  panel = el;
  return { el, fake };
}

const q = <T extends Element = HTMLElement>(el: Element, selector: string): T => {
  const found = el.querySelector<T>(selector);
  if (found === null) throw new Error(`no ${selector}`);
  return found;
};

async function settle(el: MiroPanel): Promise<void> {
  await el.work;
  await el.updateComplete;
}

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

beforeEach(() => {
  sessionStorage.clear();
});

afterEach(() => {
  panel?.remove();
  panel = undefined;
  vi.unstubAllGlobals();
});

describe('<kb-miro-panel> in Chromium', () => {
  it('has no WCAG 2.1 A/AA violations (axe-core)', async () => {
    const { el } = await mount();
    expect(await axeViolations(el)).toEqual([]);
  });

  it('lists the widgets as miro-draggable items, each with a click-to-place button, and listens for drops', async () => {
    const { el, fake } = await mount();
    const draggables = [...el.querySelectorAll<HTMLElement>('.miro-draggable')];
    expect(draggables.map((d) => d.dataset.widget)).toEqual([...MIRO_WIDGETS]);
    // In the light DOM, where Miro's drag sensor finds them.
    expect(el.shadowRoot).toBeNull();
    expect(draggables.map((d) => q(d, '.name').textContent)).toEqual(['De syv kvalitetskriterier', 'Bør/Gør-matrix', 'Kompetenceprofil']);
    const buttons = [...el.querySelectorAll<HTMLButtonElement>('button[data-place]')];
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Placér midt i visningen: De syv kvalitetskriterier',
      'Placér midt i visningen: Bør/Gør-matrix',
      'Placér midt i visningen: Kompetenceprofil',
    ]);
    expect(el.querySelector('[role="status"]')).not.toBeNull();
    expect(el.querySelector('[role="alert"]')).not.toBeNull();
    // Every input has a label.
    for (const input of el.querySelectorAll('input[type="text"], input[type="password"]')) expect(el.querySelector(`label[for="${input.id}"]`)).not.toBeNull();
    expect(fake.listeners('drop')).toBe(1);
    el.remove();
    expect(fake.listeners('drop')).toBe(0);
  });

  it('click-to-place puts the widget at the viewport centre, with progress', async () => {
    const { el, fake } = await mount({ viewport: { x: 1000, y: 2000, width: 1600, height: 900 } });
    const seen: string[] = [];
    const createShape = fake.createShape.bind(fake);
    fake.createShape = async (props) => {
      seen.push(el.status);
      return createShape(props);
    };
    q<HTMLButtonElement>(el, 'button[data-place="bor-gor-matrix"]').click();
    await settle(el);
    const frame = fake.calls.find((c) => c.method === 'createFrame');
    expect(frame?.args[0]).toMatchObject({ x: 1800, y: 2450, title: 'Bør/Gør-matrix' });
    const total = fake.creations().length;
    expect(seen[0]).toMatch(new RegExp(`^Opretter Bør/Gør-matrix: \\d+ / ${total}$`));
    expect(q(el, '[role="status"]').textContent).toBe(`Bør/Gør-matrix er placeret (${total} elementer).`);
    expect(q(el, '[role="alert"]').textContent?.trim()).toBe('');
  });

  it('a second placement while one is under way only asks to wait', async () => {
    const { el, fake } = await mount();
    const button = q<HTMLButtonElement>(el, 'button[data-place="seven-themes"]');
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-disabled')).toBe('true');
    q<HTMLButtonElement>(el, 'button[data-place="bor-gor-matrix"]').click();
    expect(el.status).toBe('Vent, indtil den igangværende placering er færdig.');
    await settle(el);
    expect(fake.calls.filter((c) => c.method === 'createFrame')).toHaveLength(1);
    expect(button.getAttribute('aria-disabled')).toBe('false');
  });

  it('a drop places the dropped widget at the drop point', async () => {
    const { el, fake } = await mount();
    fake.drop(-420, 380, q(el, '[data-widget="competence-profile"] .name'));
    await settle(el);
    expect(fake.calls.find((c) => c.method === 'createFrame')?.args[0]).toMatchObject({ x: -420, y: 380, title: 'Kompetenceprofil' });
    expect(fake.creations().filter((c) => c.method === 'createCard')).toHaveLength(20);
  });

  it('shows a failure in an alert and removes what was made', async () => {
    const { el, fake } = await mount({ failOnCreate: 3 });
    q<HTMLButtonElement>(el, 'button[data-place="seven-themes"]').click();
    await settle(el);
    const alert = q(el, '[role="alert"]').textContent ?? '';
    expect(alert).toContain('Kunne ikke oprette figuren «2. Forpligtelse» (2 / 10): fake: create #3 refused');
    expect(alert).toContain('Alt det oprettede er fjernet igen.');
    expect(fake.items.size).toBe(0);
    expect(q(el, '[role="status"]').textContent).toBe('');
    // The buttons work again afterwards.
    expect(q<HTMLButtonElement>(el, 'button[data-place="seven-themes"]').getAttribute('aria-disabled')).toBe('false');
  });

  it('switches the language of the panel and of what it places, and remembers it in this tab', async () => {
    const { el, fake } = await mount();
    q<HTMLInputElement>(el, 'input[value="en"]').click();
    await el.updateComplete;
    expect(q(el, 'h1').textContent).toBe('kaedeboard in Miro');
    expect(document.documentElement.lang).toBe('en');
    expect(sessionStorage.getItem('kb-miro-locale')).toBe('en');
    q<HTMLButtonElement>(el, 'button[data-place="seven-themes"]').click();
    await settle(el);
    expect(fake.calls.find((c) => c.method === 'createFrame')?.args[0]).toMatchObject({ title: 'The seven quality criteria' });
    expect(fake.calls.filter((c) => c.method === 'createShape').map((c) => (c.args[0] as { content?: string }).content)).toContain('<p><strong>2. Commitment</strong></p>');
    q<HTMLInputElement>(el, 'input[value="da"]').click();
    await el.updateComplete;
  });

  it('sends the selected frame to the plenum with the token kept in sessionStorage', async () => {
    const requests: { url: string; body: { name: string; board: string }; auth: string }[] = [];
    const fetchFn: typeof fetch = async (url, init) => {
      requests.push({ url: String(url), body: JSON.parse(String(init?.body)), auth: new Headers(init?.headers).get('authorization') ?? '' });
      const link: GroupLink = { number: 7, name: 'Bør/Gør-matrix', code: 'XYZ789', room: 'r', token: 't', link: '/g/w/7#t' };
      return new Response(JSON.stringify(link), { status: 201 });
    };
    const { el, fake } = await mount({}, fetchFn);
    q<HTMLButtonElement>(el, 'button[data-place="bor-gor-matrix"]').click();
    await settle(el);
    type(q<HTMLInputElement>(el, '#kb-miro-workshop'), 'w-123');
    type(q<HTMLInputElement>(el, '#kb-miro-token'), 'facilitator-secret');
    expect(sessionStorage.getItem('kb-miro-workshop')).toBe('w-123');
    expect(sessionStorage.getItem('kb-miro-token')).toBe('facilitator-secret');

    // Nothing selected yet.
    q<HTMLButtonElement>(el, 'form button[type="submit"]').click();
    await settle(el);
    expect(q(el, '[role="alert"]').textContent).toContain('Vælg en ramme');
    expect(requests).toHaveLength(0);

    fake.selection = [[...fake.items.values()].find((i) => i.type === 'frame')!.id];
    q<HTMLButtonElement>(el, 'form button[type="submit"]').click();
    await settle(el);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ url: '/api/workshops/w-123/groups', auth: 'Bearer facilitator-secret', body: { name: 'Bør/Gør-matrix' } });
    expect(requests[0]?.body.board).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(q(el, '[role="status"]').textContent).toBe('Sendt som gruppe 7 (Bør/Gør-matrix).');
    expect(q(el, '[role="alert"]').textContent?.trim()).toBe('');

    // A remount in the same tab keeps the fields.
    el.remove();
    const again = await mount({}, fetchFn);
    expect(q<HTMLInputElement>(again.el, '#kb-miro-token').value).toBe('facilitator-secret');
  });

  it('shows the server’s refusal in an alert', async () => {
    const fetchFn: typeof fetch = async () => new Response(JSON.stringify({ error: 'invalid token for this workshop' }), { status: 401 });
    const { el, fake } = await mount({}, fetchFn);
    q<HTMLButtonElement>(el, 'button[data-place="competence-profile"]').click();
    await settle(el);
    fake.selection = [[...fake.items.values()].find((i) => i.type === 'frame')!.id];
    type(q<HTMLInputElement>(el, '#kb-miro-workshop'), 'w');
    type(q<HTMLInputElement>(el, '#kb-miro-token'), 'wrong');
    q<HTMLButtonElement>(el, 'form button[type="submit"]').click();
    await settle(el);
    expect(q(el, '[role="alert"]').textContent).toContain('kaedeboard svarede 401: invalid token for this workshop');
  });

  it('asks for the workshop id and token before reading anything', async () => {
    const { el, fake } = await mount();
    q<HTMLButtonElement>(el, 'form button[type="submit"]').click();
    await settle(el);
    expect(q(el, '[role="alert"]').textContent).toContain('Udfyld workshop-id og facilitatorens nøgle.');
    expect(fake.calls.filter((c) => c.method === 'getSelection')).toHaveLength(0);
  });
});
