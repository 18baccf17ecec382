/**
 * What the panel and the headless part (the page Miro keeps running) say to each other. The
 * panel asks; the headless part does the board work, so that it goes on when the panel closes,
 * and answers with progress and results. Both pages come from the kaedeboard server and talk
 * over a BroadcastChannel, which every same-origin page of this browser hears (other Miro tabs
 * too): each message carries the session the headless part gave its panel in the panel's URL,
 * and a page ignores every other session. Everything received is validated; what does not parse
 * is dropped.
 */
import { isLocale } from '../i18n/index.js';
import type { Locale } from '../i18n/index.js';
import { isMiroWidget } from './place.js';
import type { MiroWidget } from './place.js';

export const CHANNEL_NAME = 'kaedeboard-miro';

/** The workshop a command works on, with the facilitator's token. */
export interface WorkshopRef {
  workshopId: string;
  token: string;
}

export type Command =
  /** A panel opened: the state, please (and the half-placed frames). */
  | { type: 'hello'; locale?: Locale }
  /** Place a widget at `at` (a drop), or in empty space near the view. */
  | { type: 'place'; locale: Locale; widget: MiroWidget; at?: { x: number; y: number } }
  /** Place a workshop group's board (its widgets with their notes and cards). */
  | ({ type: 'place-group'; locale: Locale; group: number } & WorkshopRef)
  /** Send one frame (a new group, or an update of the group it was sent to). */
  | ({ type: 'send'; locale: Locale; frameId: string; name: string } & WorkshopRef)
  /** Send every frame the app made that belongs to no other workshop. */
  | ({ type: 'send-all'; locale: Locale } & WorkshopRef)
  /** Stop the task under way (what it made is removed) and drop those waiting. */
  | { type: 'stop' }
  /** Remove a frame an interrupted placing left, with everything in it. */
  | { type: 'remove-frame'; locale: Locale; frameId: string };

/** A frame left half placed (its placing was cut off). */
export interface LeftFrame {
  id: string;
  title: string;
}

export type HostEvent =
  | { type: 'state'; busy: boolean; waiting: number; status: string; left: LeftFrame[] }
  | { type: 'progress'; text: string }
  | { type: 'done'; text: string }
  | { type: 'failed'; text: string };

export interface Envelope<T> {
  session: string;
  msg: T;
}

const MAX_TEXT = 2000;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length <= max;
const isId = (v: unknown): v is string => isStr(v, 100) && v !== '';
const isGroup = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 1000;
const isPoint = (v: unknown): v is { x: number; y: number } => isObj(v) && Number.isFinite(v.x) && Number.isFinite(v.y);

function workshop(o: Record<string, unknown>): WorkshopRef | null {
  return isId(o.workshopId) && isStr(o.token, 500) ? { workshopId: o.workshopId, token: o.token } : null;
}

/** The envelope's message if it is for `session`, else null. */
function open(data: unknown, session: string): Record<string, unknown> | null {
  if (!isObj(data) || data.session !== session || !isObj(data.msg)) return null;
  return data.msg;
}

/** A command for `session`, or null. */
export function parseCommand(data: unknown, session: string): Command | null {
  const o = open(data, session);
  if (o === null) return null;
  const locale: Locale | null = isLocale(o.locale) ? o.locale : null;
  switch (o.type) {
    case 'hello':
      return locale === null ? { type: 'hello' } : { type: 'hello', locale };
    case 'stop':
      return { type: 'stop' };
    case 'place':
      if (locale === null || !isMiroWidget(o.widget)) return null;
      if (o.at !== undefined && !isPoint(o.at)) return null;
      return { type: 'place', locale, widget: o.widget, ...(isPoint(o.at) ? { at: { x: o.at.x, y: o.at.y } } : {}) };
    case 'place-group': {
      const w = workshop(o);
      return w !== null && locale !== null && isGroup(o.group) ? { type: 'place-group', locale, group: o.group, ...w } : null;
    }
    case 'send': {
      const w = workshop(o);
      return w !== null && locale !== null && isId(o.frameId) && isStr(o.name) ? { type: 'send', locale, frameId: o.frameId, name: o.name, ...w } : null;
    }
    case 'send-all': {
      const w = workshop(o);
      return w !== null && locale !== null ? { type: 'send-all', locale, ...w } : null;
    }
    case 'remove-frame':
      return locale !== null && isId(o.frameId) ? { type: 'remove-frame', locale, frameId: o.frameId } : null;
    default:
      return null;
  }
}

/** An event for `session`, or null. */
export function parseEvent(data: unknown, session: string): HostEvent | null {
  const o = open(data, session);
  if (o === null) return null;
  switch (o.type) {
    case 'state': {
      const waiting = o.waiting;
      if (typeof o.busy !== 'boolean' || typeof waiting !== 'number' || !Number.isInteger(waiting) || waiting < 0 || !isStr(o.status, MAX_TEXT) || !Array.isArray(o.left)) return null;
      const left = o.left.filter((l): l is LeftFrame => isObj(l) && isId(l.id) && isStr(l.title)).map((l) => ({ id: l.id, title: l.title }));
      return { type: 'state', busy: o.busy, waiting, status: o.status, left };
    }
    case 'progress':
    case 'done':
    case 'failed':
      return isStr(o.text, MAX_TEXT) ? { type: o.type, text: o.text } : null;
    default:
      return null;
  }
}

/** A way to post to and hear from the other page. */
export interface Channel {
  post(data: unknown): void;
  listen(handler: (data: unknown) => void): void;
  close(): void;
}

/** The browser's BroadcastChannel as a {@link Channel}. */
export function broadcastChannel(name = CHANNEL_NAME): Channel {
  const bc = new BroadcastChannel(name);
  let open = true;
  return {
    // Work that outlives the page's channel (a closing page) has no one left to tell.
    post: (data) => {
      if (open) bc.postMessage(data);
    },
    listen: (handler) => bc.addEventListener('message', (e) => handler((e as MessageEvent).data)),
    close: () => {
      open = false;
      bc.close();
    },
  };
}

/** Two channels joined to each other in one page (the panel working alone, tests). Delivery is async, as a BroadcastChannel's. */
export function channelPair(): [Channel, Channel] {
  const handlers: [((d: unknown) => void)[], ((d: unknown) => void)[]] = [[], []];
  const end = (mine: 0 | 1): Channel => ({
    post: (data) => {
      const copy = structuredClone(data);
      for (const h of handlers[mine === 0 ? 1 : 0]) queueMicrotask(() => h(copy));
    },
    listen: (handler) => handlers[mine].push(handler),
    close: () => {
      handlers[mine].length = 0;
    },
  });
  return [end(0), end(1)];
}

/** A new session id. */
export function newSession(): string {
  return crypto.randomUUID();
}
