/** Fakes for the pages' component tests: a scripted fetch, a control source, rooms, boards. */
import * as Y from 'yjs';
import { Board } from '../model/index.js';
import type { ConnectionStatus, ReadOnly } from '../sync/connection.js';
import type { Peer, Presence, User } from '../sync/presence.js';
import type { ControlState } from '../workshop/api.js';
import { WorkshopApi } from './api-client.js';
import type { ControlSource, Person, Refusal, WatchedRoom } from './control.js';
import type { GroupBoardConnection, Services } from './services.js';

export interface Call {
  method: string;
  path: string;
  body: unknown;
  auth: string | null;
  /** Every header sent. */
  headers: Record<string, string>;
}

type Answer = unknown | ((call: Call) => unknown);

/** Answers: key `METHOD /path` (query ignored) → JSON body, a Uint8Array, or a Response. */
export class FakeFetch {
  readonly calls: Call[] = [];
  constructor(readonly answers: Record<string, Answer> = {}) {}

  readonly fetch = async (input: string, init: RequestInit = {}): Promise<Response> => {
    const method = init.method ?? 'GET';
    const path = input.split('?')[0] as string;
    const headers = (init.headers ?? {}) as Record<string, string>;
    const call: Call = { method, path, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined, auth: headers.authorization ?? null, headers };
    this.calls.push(call);
    const key = `${method} ${path}`;
    if (!(key in this.answers)) return json(404, { error: `no fake for ${key}` });
    let a = this.answers[key];
    if (typeof a === 'function') a = await (a as (c: Call) => unknown)(call);
    if (a instanceof Response) return a;
    if (a instanceof Uint8Array) return new Response(a.slice().buffer as ArrayBuffer, { status: 200, headers: { 'content-type': 'application/octet-stream' } });
    return json(method === 'POST' && path.endsWith('/snapshots') ? 201 : 200, a);
  };

  /** Calls other than reads. */
  writes(): Call[] {
    return this.calls.filter((c) => c.method !== 'GET');
  }
}

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export class FakeControl implements ControlSource {
  #state: ControlState | null;
  readonly #listeners = new Set<(s: ControlState | null) => void>();
  readonly #refusals = new Set<(r: Refusal) => void>();
  destroyed = false;
  constructor(state: ControlState | null) {
    this.#state = state;
  }
  state(): ControlState | null {
    return this.#state;
  }
  set(patch: Partial<ControlState>): void {
    this.#state = { ...(this.#state ?? controlState()), ...patch };
    for (const l of this.#listeners) l(this.#state);
  }
  refuse(r: Refusal): void {
    for (const l of this.#refusals) l(r);
  }
  onChange(l: (s: ControlState | null) => void): () => void {
    this.#listeners.add(l);
    return () => this.#listeners.delete(l);
  }
  onRefused(l: (r: Refusal) => void): () => void {
    this.#refusals.add(l);
    return () => this.#refusals.delete(l);
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export function controlState(patch: Partial<ControlState> = {}): ControlState {
  return {
    title: 'Kædeansvar i Aarhus',
    locked: false,
    crossView: false,
    timer: { endsAt: null, remainingMs: null },
    message: null,
    groups: [1, 2, 3].map((n) => ({ number: n, name: `Gruppe ${n}`, room: `w-W1234567890abcde-g${n}` })),
    moves: {},
    deleted: false,
    steps: [],
    step: null,
    attention: null,
    pointer: null,
    lead: null,
    vote: null,
    ...patch,
  };
}

export class FakeRoom implements WatchedRoom {
  readonly doc = new Y.Doc();
  readonly board = new Board(this.doc);
  #people: Person[];
  readonly #listeners = new Set<() => void>();
  constructor(
    readonly room: string,
    people: Person[] = [],
  ) {
    this.#people = people;
  }
  people(): Person[] {
    return this.#people;
  }
  setPeople(p: Person[]): void {
    this.#people = p;
    for (const l of this.#listeners) l();
  }
  onChange(l: () => void): () => void {
    this.#listeners.add(l);
    return () => this.#listeners.delete(l);
  }
  onRefused(): () => void {
    return () => {};
  }
  destroy(): void {
    this.board.destroy();
    this.doc.destroy();
  }
}

class NullPresence implements Presence {
  readonly clientId = 42;
  constructor(readonly self: User) {}
  setCursor(): void {}
  setDrags(): void {}
  setView(): void {}
  peers(): Peer[] {
    return [];
  }
  onChange(): () => void {
    return () => {};
  }
}

export class FakeGroupBoard implements GroupBoardConnection {
  doc = new Y.Doc();
  board = new Board(this.doc);
  readonly presence: Presence;
  readonly clientId = 4242;
  readonly synced = Promise.resolve();
  readonly #refusals = new Set<(r: Refusal) => void>();
  destroyed = false;
  constructor(
    readonly room: string,
    readonly token: string,
    user: User,
  ) {
    this.presence = new NullPresence(user);
  }
  status(): ConnectionStatus {
    return 'connected';
  }
  onStatus(): () => void {
    return () => {};
  }
  onRefused(l: (r: Refusal) => void): () => void {
    this.#refusals.add(l);
    return () => this.#refusals.delete(l);
  }
  refuse(r: Refusal): void {
    for (const l of this.#refusals) l(r);
  }
  #readOnly: ReadOnly | null = null;
  readonly #readOnlyListeners = new Set<(r: ReadOnly) => void>();
  readOnly(): ReadOnly | null {
    return this.#readOnly;
  }
  onReadOnly(l: (r: ReadOnly) => void): () => void {
    this.#readOnlyListeners.add(l);
    return () => this.#readOnlyListeners.delete(l);
  }
  readonly #replacedListeners = new Set<(text: string) => void>();
  onReplaced(l: (text: string) => void): () => void {
    this.#replacedListeners.add(l);
    return () => this.#replacedListeners.delete(l);
  }
  /** As the connection does when the server refused a change for good: a fresh copy, rejoined. */
  replace(text: string): void {
    this.board.destroy();
    this.doc.destroy();
    this.doc = new Y.Doc();
    this.board = new Board(this.doc);
    for (const l of this.#replacedListeners) l(text);
  }
  /** As the connection does when the board turns out to be written by a newer client. */
  turnReadOnly(r: ReadOnly): void {
    this.#readOnly = r;
    for (const l of this.#readOnlyListeners) l(r);
  }
  destroy(): void {
    this.destroyed = true;
    this.board.destroy();
    this.doc.destroy();
  }
}

/** Services over fakes; what the page opened is recorded on the returned object. */
export function fakeServices(fetch: FakeFetch, control: FakeControl, opts: { now?: () => number; people?: Record<number, Person[]> } = {}) {
  const rooms: FakeRoom[] = [];
  const boards: FakeGroupBoard[] = [];
  const services: Services = {
    api: (token) => new WorkshopApi({ token, fetch: fetch.fetch }),
    control: () => control,
    groupBoard(room, token, user) {
      const b = new FakeGroupBoard(room, token, user);
      boards.push(b);
      return b;
    },
    watch(room) {
      const n = Number(/-g(\d+)$/.exec(room)?.[1]);
      const r = new FakeRoom(room, opts.people?.[n] ?? []);
      rooms.push(r);
      return r;
    },
    now: opts.now ?? (() => Date.now()),
  };
  return { services, rooms, boards };
}
