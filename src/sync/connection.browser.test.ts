import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CURRENT_SCHEMA_VERSION } from '../model/index.js';
import { connectBoard, watchBoard, type BoardConnection, type ReadOnly } from './connection.js';
import { connectControl } from './control.js';

/**
 * A scripted server behind the WebSocket class the provider is given: it answers the sync
 * protocol from `FakeServer.docs` of the room, or closes with a refusal. Enough of the
 * y-websocket server to open a real connection without one. (The few bytes of the protocol
 * are written out here so that the test needs no module the browser project does not
 * already bundle: messageSync 0; step 1 (0) carries a state vector, step 2 (1) and update (2)
 * an update; lengths are lib0 varuints.)
 */
class FakeServer {
  static docs = new Map<string, Y.Doc>();
  static refuse: { code: number; reason: string } | null = null;
}

class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 0;
  binaryType = 'arraybuffer';
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((e: { code: number; reason: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  readonly #doc: Y.Doc;

  constructor(readonly url: string) {
    const room = decodeURIComponent(new URL(url).pathname.split('/').pop() as string);
    this.#doc = FakeServer.docs.get(room) ?? new Y.Doc();
    setTimeout(() => {
      if (FakeServer.refuse) return this.#closed(FakeServer.refuse.code, FakeServer.refuse.reason);
      this.readyState = 1;
      this.onopen?.();
    }, 0);
  }

  send(data: Uint8Array): void {
    const bytes = new Uint8Array(data);
    const at = { i: 0 };
    if (readVarUint(bytes, at) !== 0) return; // awareness: nobody else is here
    const step = readVarUint(bytes, at);
    const length = readVarUint(bytes, at);
    const payload = bytes.slice(at.i, at.i + length);
    if (step !== 0) return Y.applyUpdate(this.#doc, payload, 'client');
    const update = Y.encodeStateAsUpdate(this.#doc, payload);
    const reply = Uint8Array.from([0, 1, ...varUint(update.length), ...update]);
    setTimeout(() => this.readyState === 1 && this.onmessage?.({ data: reply.buffer }), 0);
  }

  close(): void {
    this.#closed(1000, '');
  }

  #closed(code: number, reason: string): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
}

function readVarUint(bytes: Uint8Array, at: { i: number }): number {
  let n = 0;
  for (let shift = 0; ; shift += 7) {
    const b = bytes[at.i++] as number;
    n += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return n;
  }
}

function varUint(n: number): number[] {
  const out: number[] = [];
  for (; n >= 0x80; n = Math.floor(n / 128)) out.push((n & 0x7f) | 0x80);
  out.push(n);
  return out;
}

const WS = FakeSocket as unknown as typeof WebSocket;
const user = { name: 'Ida', color: '#1f5fa8' };
const opened: { destroy(): void }[] = [];
let n = 0;

function boardRoom(schemaVersion?: number): string {
  const room = `read-only-test-${Date.now()}-${n++}`;
  const doc = new Y.Doc();
  doc.getMap('meta').set('title', 'Made elsewhere');
  if (schemaVersion !== undefined) doc.getMap('meta').set('schemaVersion', schemaVersion);
  FakeServer.docs.set(room, doc);
  return room;
}

function connect(room: string): BoardConnection {
  const conn = connectBoard({ room, user, serverUrl: 'ws://fake.invalid/sync', offlineCache: false, WebSocket: WS });
  opened.push(conn);
  return conn;
}

afterEach(() => {
  for (const c of opened.splice(0)) c.destroy();
  FakeServer.refuse = null;
});

describe('connectBoard and the schema version', () => {
  it('opens a board with a newer schema version read-only, and leaves it untouched', async () => {
    const room = boardRoom(CURRENT_SCHEMA_VERSION + 1);
    const conn = connect(room);
    const told: ReadOnly[] = [];
    conn.onReadOnly((r) => told.push(r));
    expect(conn.readOnly()).toBeNull();
    await conn.synced;
    expect(conn.board.meta().title).toBe('Made elsewhere');
    expect(conn.readOnly()).toEqual({ reason: 'newer-schema', detail: expect.stringContaining(`v${CURRENT_SCHEMA_VERSION + 1}`) });
    expect(told).toEqual([conn.readOnly()]);
    // Not stamped down to this build's version, here or on the server.
    expect(conn.doc.getMap('meta').get('schemaVersion')).toBe(CURRENT_SCHEMA_VERSION + 1);
    expect(FakeServer.docs.get(room)!.getMap('meta').get('schemaVersion')).toBe(CURRENT_SCHEMA_VERSION + 1);
  });

  it('opens a current or fresh board writable (a fresh one stamped)', async () => {
    const current = connect(boardRoom(CURRENT_SCHEMA_VERSION));
    const fresh = connect(boardRoom());
    await Promise.all([current.synced, fresh.synced]);
    expect(current.readOnly()).toBeNull();
    expect(fresh.readOnly()).toBeNull();
    expect(fresh.doc.getMap('meta').get('schemaVersion')).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('an unreadable version is read-only too, for another reason', async () => {
    const conn = connect(boardRoom(-3));
    await conn.synced;
    expect(conn.readOnly()?.reason).toBe('cannot-migrate');
  });

  it('turns read-only when a newer client upgrades the board while it is open', async () => {
    const conn = connect(boardRoom(CURRENT_SCHEMA_VERSION));
    await conn.synced;
    expect(conn.readOnly()).toBeNull();
    // As the newer client's update arrives through the provider.
    const newer = new Y.Doc();
    Y.applyUpdate(newer, Y.encodeStateAsUpdate(conn.doc));
    newer.getMap('meta').set('schemaVersion', CURRENT_SCHEMA_VERSION + 1);
    Y.applyUpdate(conn.doc, Y.encodeStateAsUpdate(newer, Y.encodeStateVector(conn.doc)), 'peer');
    expect(conn.readOnly()?.reason).toBe('newer-schema');
  });
});

describe('refusals', () => {
  it('a 44xx close stops the connection and is told to every listener, also a late one', async () => {
    FakeServer.refuse = { code: 4403, reason: 'not your group' };
    const conn = connect(boardRoom());
    const watched = watchBoard({ room: boardRoom(), serverUrl: 'ws://fake.invalid/sync', WebSocket: WS });
    const control = connectControl({ room: 'w-x-control', serverUrl: 'ws://fake.invalid/sync', WebSocket: WS });
    opened.push(watched, control);
    const got = await Promise.all([conn, watched, control].map((c) => new Promise((r) => c.onRefused(r))));
    expect(got).toEqual([1, 2, 3].map(() => ({ code: 4403, reason: 'not your group' })));
    const late = await new Promise((r) => conn.onRefused(r));
    expect(late).toEqual({ code: 4403, reason: 'not your group' });
  });
});

describe('connectControl', () => {
  it('reads the control document through the model, reporting what it skipped', async () => {
    const room = 'w-abcdefghijklmnop-control';
    const doc = new Y.Doc();
    doc.getMap('control').set('title', 'W');
    doc.getMap('control').set('locked', 'yes');
    FakeServer.docs.set(room, doc);
    const control = connectControl({ room, serverUrl: 'ws://fake.invalid/sync', WebSocket: WS, read: { groupName: (k) => `G${k}` } });
    opened.push(control);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (msg: string) => warnings.push(msg);
    try {
      const state = await new Promise<unknown>((r) => control.onChange(r));
      expect(state).toMatchObject({ title: 'W', locked: false });
      expect(control.state()).toEqual(state);
      expect(warnings.some((w) => w.includes('locked: expected boolean'))).toBe(true);
    } finally {
      console.warn = warn;
    }
  });
});
