import { describe, expect, it } from 'vitest';
import { formatClock, parseControlState, readPeople, timerRemaining } from './control.js';
import { parseRoute } from './routes.js';
import { crossedMark } from './timer-element.js';
import { validateCreate } from './start-page.js';

describe('parseControlState (network data)', () => {
  it('reads a well-formed state', () => {
    const s = parseControlState({
      title: 'T',
      locked: true,
      crossView: false,
      timer: { endsAt: 1000, remainingMs: null },
      message: { text: ' Hej ', at: 5 },
      groups: [{ number: 1, name: 'Gruppe 1', room: 'w-x-g1' }],
      moves: { '123': { toGroup: 2, at: 9 } },
      deleted: false,
    });
    expect(s).toEqual({
      title: 'T',
      locked: true,
      crossView: false,
      timer: { endsAt: 1000, remainingMs: null },
      message: { text: 'Hej', at: 5 },
      groups: [{ number: 1, name: 'Gruppe 1', room: 'w-x-g1' }],
      moves: { '123': { toGroup: 2, at: 9 } },
      deleted: false,
    });
  });

  it('is safe with anything else', () => {
    expect(parseControlState(null)).toBeNull();
    expect(parseControlState({})).toBeNull();
    expect(parseControlState([1])).toBeNull();
    const s = parseControlState({ title: 5, locked: 'yes', timer: { endsAt: 'soon', remainingMs: -4 }, message: { text: '   ' }, groups: [{ number: -1 }, 'x', { number: 2 }], moves: { abc: { toGroup: 1 }, '7': { toGroup: 0 }, '8': { toGroup: 3 } }, deleted: 1 })!;
    expect(s.title).toBe('');
    expect(s.locked).toBe(false);
    expect(s.timer).toEqual({ endsAt: null, remainingMs: null });
    expect(s.message).toBeNull();
    expect(s.groups).toEqual([{ number: 2, name: 'Gruppe 2', room: '' }]);
    expect(s.moves).toEqual({ '8': { toGroup: 3, at: 0 } });
    expect(s.deleted).toBe(false);
    expect(parseControlState({ message: { text: 'x'.repeat(10_000), at: 1 } })!.message!.text).toHaveLength(500);
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

describe('people from awareness', () => {
  it('keeps named peers only, not ourselves', () => {
    const states = new Map<number, unknown>([
      [1, { user: { name: 'Me', color: '#000000' } }],
      [2, { user: { name: ' Bo ', color: 'red' } }],
      [3, {}],
      [4, { user: { name: '' } }],
      [5, { user: { name: 'Anna', color: '#b3261e' } }],
    ]);
    expect(readPeople(states, 1)).toEqual([
      { clientId: 5, name: 'Anna', color: '#b3261e' },
      { clientId: 2, name: 'Bo', color: '#455a64' },
    ]);
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
