import { describe, expect, it } from 'vitest';
import { readControl } from '../model/index.js';
import { controlReadOptions, formatClock, timerRemaining } from './control.js';
import { parseRoute } from './routes.js';
import { crossedMark } from './timer-element.js';
import { validateCreate } from './start-page.js';

describe('the control document as the pages read it', () => {
  it('names a nameless group in the page language', async () => {
    const { setLocale } = await import('../i18n/index.js');
    const raw = { groups: [{ number: -1 }, 'x', { number: 2 }] };
    expect(readControl(raw, controlReadOptions).state!.groups).toEqual([{ number: 2, name: 'Gruppe 2', room: '' }]);
    setLocale('en');
    expect(readControl(raw, controlReadOptions).state!.groups).toEqual([{ number: 2, name: 'Group 2', room: '' }]);
    setLocale('da');
  });
});

describe('timer', () => {
  it('computes and formats what is left', () => {
    expect(timerRemaining({ endsAt: 10_000, remainingMs: null }, 4_500)).toEqual({ ms: 5_500, running: true });
    expect(timerRemaining({ endsAt: 10_000, remainingMs: null }, 20_000)).toEqual({ ms: 0, running: true });
    expect(timerRemaining({ endsAt: null, remainingMs: 3000 })).toEqual({ ms: 3000, running: false });
    expect(timerRemaining({ endsAt: null, remainingMs: null })).toBeNull();
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(1)).toBe('00:01');
    expect(formatClock(59_001)).toBe('01:00');
    expect(formatClock(600_000)).toBe('10:00');
    expect(formatClock(125 * 60_000)).toBe('125:00');
  });

  it('announces 5 min, 1 min and 0 once each, as they pass', () => {
    expect(crossedMark(null, 200_000)).toBeNull();
    expect(crossedMark(301_000, 299_000)).toBe('Der er 5 minutter tilbage.');
    expect(crossedMark(299_000, 298_000)).toBeNull();
    expect(crossedMark(61_000, 59_000)).toBe('Der er 1 minut tilbage.');
    expect(crossedMark(500, 0)).toBe('Tiden er gået.');
    expect(crossedMark(0, 0)).toBeNull();
    // A jump over several marks says the latest.
    expect(crossedMark(400_000, 0)).toBe('Tiden er gået.');
    // More time added: silent.
    expect(crossedMark(30_000, 330_000)).toBeNull();
  });
});

describe('routes', () => {
  it('maps paths to pages', () => {
    expect(parseRoute('/')).toEqual({ page: 'start' });
    expect(parseRoute('/join/')).toEqual({ page: 'join' });
    expect(parseRoute('/b/gruppe-1')).toEqual({ page: 'board', room: 'gruppe-1' });
    expect(parseRoute('/g/abc_DEF-123/2')).toEqual({ page: 'group', workshopId: 'abc_DEF-123', group: 2 });
    expect(parseRoute('/f/abc')).toEqual({ page: 'console', workshopId: 'abc' });
    expect(parseRoute('/p/abc')).toEqual({ page: 'plenum', workshopId: 'abc' });
    for (const bad of ['/g/abc/0', '/g/a b/1', '/b/%E0', '/x', '/f/', '/g/abc/1/2']) expect(parseRoute(bad), bad).toEqual({ page: 'not-found' });
  });
});

describe('validateCreate', () => {
  it('builds the request', () => {
    expect(validateCreate({ title: ' A  B ', parts: 'kontaktperson', groups: '30', locale: 'da' })).toEqual({ ok: true, request: { title: 'A B', parts: ['kontaktperson'], groups: 30, locale: 'da' } });
    expect(validateCreate({ title: '', parts: 'both', groups: '0', locale: 'da' })).toMatchObject({ ok: false, errors: { title: expect.any(String), groups: expect.any(String) } });
  });
});

describe('WorkshopApi', () => {
  it('sends the token, surfaces the server’s error text and learns the server clock', async () => {
    const { WorkshopApi, ApiError } = await import('./api-client.js');
    const seen: { url: string; init: RequestInit }[] = [];
    const ahead = new Date(Date.now() + 60_000).toUTCString();
    const api = new WorkshopApi({
      token: 'tok',
      fetch: async (url, init = {}) => {
        seen.push({ url, init });
        if (url.endsWith('/lock')) return new Response(JSON.stringify({ error: 'only the facilitator may do this' }), { status: 403, headers: { date: ahead } });
        return new Response(JSON.stringify({ id: 'W' }), { status: 200, headers: { date: new Date().toUTCString() } });
      },
    });
    await api.workshop('W');
    expect(api.clockOffset).toBe(0);
    expect((seen[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer tok');
    const err = await api.lock('W', true).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as InstanceType<typeof ApiError>).status).toBe(403);
    expect((err as Error).message).toBe('only the facilitator may do this');
    expect(JSON.parse(String(seen[1]!.init.body))).toEqual({ locked: true });
    expect(api.clockOffset).toBeGreaterThan(58_000);
    expect(api.clockOffset).toBeLessThan(62_000);
    const down = new WorkshopApi({ fetch: async () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(down.join('X')).rejects.toThrow('Serveren svarer ikke');
  });

  it('reads a download’s file name safely', async () => {
    const { filenameFrom } = await import('./api-client.js');
    expect(filenameFrom('attachment; filename="a b.csv"')).toBe('a b.csv');
    expect(filenameFrom("attachment; filename*=UTF-8''K%C3%A6de.pdf; filename=\"x.pdf\"")).toBe('Kæde.pdf');
    expect(filenameFrom('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(filenameFrom(null)).toBeNull();
  });
});
