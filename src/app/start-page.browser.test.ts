import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../i18n/index.js';
import type { CreatedWorkshopResponse } from '../workshop/api.js';
import { WorkshopApi } from './api-client.js';
import './join-page.js';
import type { KbJoinPage } from './join-page.js';
import { nav } from './routes.js';
import './start-page.js';
import type { KbStartPage } from './start-page.js';
import { FakeFetch, json } from './test-fakes.js';

const CREATED: CreatedWorkshopResponse = {
  id: 'W1234567890abcde',
  title: 'Kædeansvar i Aarhus',
  parts: ['kaedeansvar', 'kontaktperson'],
  locale: 'da',
  facilitatorToken: 'F'.repeat(32),
  plenumToken: 'P'.repeat(32),
  links: { facilitator: `/f/W1234567890abcde#${'F'.repeat(32)}`, plenum: `/p/W1234567890abcde#${'P'.repeat(32)}`, join: '/join' },
  groups: [1, 2, 3].map((n) => ({ number: n, name: `Gruppe ${n}`, code: `ABC${n}${n}${n}`.slice(0, 6), room: `w-W1234567890abcde-g${n}`, token: `${n}`.repeat(32), link: `/g/W1234567890abcde/${n}#${`${n}`.repeat(32)}` })),
};

afterEach(() => {
  document.body.innerHTML = '';
  setLocale('da');
  vi.restoreAllMocks();
});

async function mountStart(fetch: FakeFetch): Promise<KbStartPage> {
  const el = document.createElement('kb-start-page');
  el.api = new WorkshopApi({ fetch: fetch.fetch });
  document.body.append(el);
  await el.updateComplete;
  return el;
}

function $(el: Element, sel: string): HTMLElement {
  const found = el.shadowRoot!.querySelector(sel);
  if (!found) throw new Error(`no ${sel}`);
  return found as HTMLElement;
}

function fill(el: Element, sel: string, value: string): void {
  const input = $(el, sel) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

async function submitCreate(el: KbStartPage): Promise<void> {
  ($(el, 'form') as HTMLFormElement).requestSubmit();
  await new Promise((r) => setTimeout(r, 20));
  await el.updateComplete;
}

describe('<kb-start-page>: create a workshop', () => {
  it('refuses an empty title and a wrong number of groups, and posts nothing', async () => {
    const fetch = new FakeFetch();
    const el = await mountStart(fetch);
    fill(el, '#groups', '31');
    await submitCreate(el);
    expect($(el, '#title').getAttribute('aria-invalid')).toBe('true');
    expect($(el, '#title-err').textContent).toContain('Skriv en titel');
    expect($(el, '#groups').getAttribute('aria-invalid')).toBe('true');
    expect($(el, '#groups-err').textContent).toContain('mellem 1 og 30');
    expect(el.shadowRoot!.activeElement?.id).toBe('title');
    fill(el, '#title', 'X');
    fill(el, '#groups', '2.5');
    await submitCreate(el);
    expect(el.shadowRoot!.querySelector('#title-err')).toBeNull();
    expect($(el, '#groups-err')).toBeTruthy();
    expect(fetch.writes()).toEqual([]);
  });

  it('posts the right body and shows the links and codes', async () => {
    const fetch = new FakeFetch({ 'POST /api/workshops': () => json(201, CREATED) });
    const el = await mountStart(fetch);
    fill(el, '#title', '  Kædeansvar   i Aarhus ');
    ($(el, 'input[name=parts][value=kaedeansvar]') as HTMLInputElement).click();
    fill(el, '#groups', '3');
    ($(el, '#locale') as HTMLSelectElement).value = 'en';
    await submitCreate(el);
    expect(fetch.writes()).toHaveLength(1);
    expect(fetch.writes()[0]).toMatchObject({ method: 'POST', path: '/api/workshops', auth: null });
    expect(fetch.writes()[0]!.body).toEqual({ title: 'Kædeansvar i Aarhus', parts: ['kaedeansvar'], groups: 3, locale: 'en' });
    expect(fetch.writes()[0]!.headers['x-organiser-key']).toBeUndefined();

    const result = $(el, 'kb-workshop-created');
    await (result as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const r = result.shadowRoot!;
    expect(r.textContent).toContain('Hold dette link hemmeligt');
    const links = [...r.querySelectorAll('kb-copy-link')].map((c) => (c as unknown as { value: string }).value);
    expect(links[0]).toBe(`${location.origin}/f/W1234567890abcde#${'F'.repeat(32)}`);
    expect(links[1]).toBe(`${location.origin}/p/W1234567890abcde#${'P'.repeat(32)}`);
    const codes = [...r.querySelectorAll('[data-code]')].map((c) => c.textContent);
    expect(codes).toEqual(['ABC111', 'ABC222', 'ABC333']);
    expect(links.slice(2)).toEqual(CREATED.groups.map((g) => location.origin + g.link));
    expect(r.textContent).toContain(`${location.origin}/join`);
  });

  it('both parts by default; shows the server’s error text', async () => {
    const fetch = new FakeFetch({ 'POST /api/workshops': () => json(400, { error: 'body.title: too long' }) });
    const el = await mountStart(fetch);
    fill(el, '#title', 'T');
    await submitCreate(el);
    expect(fetch.writes()[0]!.body).toMatchObject({ parts: ['kaedeansvar', 'kontaktperson'], groups: 4, locale: 'da' });
    expect($(el, '[role=alert]').textContent).toContain('body.title: too long');
  });

  it('cleans control characters from the title before it is sent', async () => {
    const fetch = new FakeFetch({ 'POST /api/workshops': () => json(201, CREATED) });
    const el = await mountStart(fetch);
    fill(el, '#title', 'Kursus\u0007 i\u0000Aarhus');
    await submitCreate(el);
    expect(fetch.writes()[0]!.body).toMatchObject({ title: 'Kursus i Aarhus' });
  });

  it('asks for the organiser key when the server needs one, sends it, and says when it is wrong', async () => {
    let answer = json(403, { error: 'wrong organiser key' });
    const fetch = new FakeFetch({
      'GET /api/info': { name: 'kaedeboard', version: '0', schemaVersion: 1, maxMessageBytes: 1, organiserKey: true, openBoards: false },
      'POST /api/workshops': () => answer,
    });
    const el = await mountStart(fetch);
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    // Free boards are off on this server: their form is not offered.
    expect(el.shadowRoot!.querySelector('#room')).toBeNull();
    fill(el, '#title', 'T');
    await submitCreate(el);
    expect(fetch.writes()).toEqual([]);
    expect($(el, '#key-err').textContent).toBe('Skriv arrangørnøglen.');
    expect(el.shadowRoot!.activeElement?.id).toBe('organiser-key');
    fill(el, '#organiser-key', 'not-the-key');
    await submitCreate(el);
    expect(fetch.writes()[0]!.headers['x-organiser-key']).toBe('not-the-key');
    expect($(el, '#key-err').textContent).toBe('Arrangørnøglen er forkert.');
    expect($(el, '#organiser-key').getAttribute('aria-invalid')).toBe('true');
    answer = json(201, CREATED);
    fill(el, '#organiser-key', 'the-key');
    await submitCreate(el);
    expect(fetch.writes()[1]!.headers['x-organiser-key']).toBe('the-key');
    expect(el.shadowRoot!.querySelector('kb-workshop-created')).not.toBeNull();
  });

  it('prints the group codes without the facilitator’s and the plenum’s links', async () => {
    const el = document.createElement('kb-workshop-created');
    el.created = CREATED;
    document.body.append(el);
    await el.updateComplete;
    const secret = el.shadowRoot!.querySelector('section.secret')!;
    expect(secret.querySelector('.facilitator-link')).not.toBeNull();
    expect(secret.querySelector('.plenum-link')).not.toBeNull();
    const printRules = el.shadowRoot!.adoptedStyleSheets
      .flatMap((s) => [...s.cssRules])
      .filter((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.media.mediaText === 'print')
      .flatMap((r) => [...r.cssRules] as CSSStyleRule[]);
    const hidden = printRules.filter((r) => r.style.display === 'none').map((r) => r.selectorText).join(', ');
    expect(hidden.split(/\s*,\s*/)).toContain('.secret');
    // The codes stay on the sheet.
    expect(el.shadowRoot!.querySelector('section.secret [data-code]')).toBeNull();
    expect(el.shadowRoot!.querySelectorAll('[data-code]')).toHaveLength(3);
  });

  it('opens a free board by name', async () => {
    const go = vi.spyOn(nav, 'go').mockImplementation(() => {});
    const el = await mountStart(new FakeFetch());
    fill(el, '#room', 'mit rum');
    ($(el, '#room').closest('form') as HTMLFormElement).requestSubmit();
    expect(go).toHaveBeenCalledWith('/b/mit-rum');
  });
});

describe('<kb-join-page>', () => {
  it('sends the typed code, normalised, and goes to the group’s link', async () => {
    const go = vi.spyOn(nav, 'go').mockImplementation(() => {});
    const fetch = new FakeFetch({ 'POST /api/join': { workshopId: 'W', group: 2, token: 't', link: '/g/W/2#tttttttttttttttttttttttttttttttt' } });
    const el = document.createElement('kb-join-page') as KbJoinPage;
    el.api = new WorkshopApi({ fetch: fetch.fetch });
    document.body.append(el);
    await el.updateComplete;
    fill(el, '#code', 'ab c-12 3');
    ($(el, 'form') as HTMLFormElement).requestSubmit();
    await new Promise((r) => setTimeout(r, 20));
    expect(fetch.calls[0]).toMatchObject({ method: 'POST', path: '/api/join', body: { code: 'ABC123' } });
    expect(go).toHaveBeenCalledWith('/g/W/2#tttttttttttttttttttttttttttttttt');
  });

  it('says plainly when the code is unknown', async () => {
    const fetch = new FakeFetch({ 'POST /api/join': () => json(404, { error: 'no group has this code' }) });
    const el = document.createElement('kb-join-page') as KbJoinPage;
    el.api = new WorkshopApi({ fetch: fetch.fetch });
    document.body.append(el);
    await el.updateComplete;
    fill(el, '#code', 'ZZZZZZ');
    ($(el, 'form') as HTMLFormElement).requestSubmit();
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    expect($(el, '[role=alert]').textContent).toContain('Koden findes ikke');
    expect($(el, '#code').getAttribute('aria-invalid')).toBe('true');
  });
});
