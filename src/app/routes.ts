/**
 * The app's pages by path, and the secrets that come in the address: a token in the fragment
 * (never sent to the server in a request line) is kept in sessionStorage for this tab and
 * taken out of the address bar, so it does not show on a projector or in the history.
 */

export type Route =
  | { page: 'start' }
  | { page: 'join' }
  | { page: 'board'; room: string }
  | { page: 'group'; workshopId: string; group: number }
  | { page: 'console'; workshopId: string }
  | { page: 'plenum'; workshopId: string }
  | { page: 'not-found' };

const ROOM = /^[A-Za-z0-9][A-Za-z0-9_:-]{0,95}$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
export const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

export function isRoomName(room: string): boolean {
  return ROOM.test(room);
}

function decode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

export function parseRoute(path: string): Route {
  const p = path.replace(/\/+$/, '') || '/';
  if (p === '/') return { page: 'start' };
  if (p === '/join') return { page: 'join' };
  let mm = /^\/b\/([^/]+)$/.exec(p);
  if (mm) {
    const room = decode(mm[1]!);
    return room && ROOM.test(room) ? { page: 'board', room } : { page: 'not-found' };
  }
  mm = /^\/g\/([^/]+)\/(\d{1,3})$/.exec(p);
  if (mm && ID.test(mm[1]!)) {
    const group = Number(mm[2]);
    if (group >= 1) return { page: 'group', workshopId: mm[1]!, group };
  }
  mm = /^\/([fp])\/([^/]+)$/.exec(p);
  if (mm && ID.test(mm[2]!)) return { page: mm[1] === 'f' ? 'console' : 'plenum', workshopId: mm[2]! };
  return { page: 'not-found' };
}

/** Kept for the free boards: the room of `/b/<room>`. */
export function roomFromPath(path: string): string | null {
  const r = parseRoute(path);
  return r.page === 'board' ? r.room : null;
}

function session(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * The token for `key` (e.g. `g:<id>:<n>` or `f:<id>`): from the address fragment if there is
 * one (then stored and removed from the address bar), else from this tab's sessionStorage.
 */
export function takeToken(key: string, loc: Pick<Location, 'hash' | 'pathname' | 'search'> = location, hist: Pick<History, 'replaceState' | 'state'> | null = history): string | null {
  const storeKey = `kaedeboard:token:${key}`;
  const fromHash = loc.hash.replace(/^#/, '');
  if (fromHash) {
    const tok = decode(fromHash);
    if (tok && TOKEN.test(tok)) {
      session()?.setItem(storeKey, tok);
      hist?.replaceState(hist.state, '', loc.pathname + loc.search);
      return tok;
    }
  }
  const saved = session()?.getItem(storeKey) ?? null;
  return saved && TOKEN.test(saved) ? saved : null;
}

export function forgetToken(key: string): void {
  session()?.removeItem(`kaedeboard:token:${key}`);
}

/** An absolute URL for a path the server gave (already absolute ones stay). */
export function absolute(link: string, origin = location.origin): string {
  if (/^https?:\/\//i.test(link)) return link;
  return origin + (link.startsWith('/') ? link : `/${link}`);
}

/** Navigates (a full load: each page starts clean). Replaceable in tests. */
export const nav = {
  go(url: string): void {
    location.assign(url);
  },
};
