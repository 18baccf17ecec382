import { afterEach, describe, expect, it } from 'vitest';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { setLocale } from '../i18n/index.js';
import { connectBoard, refusedChangeText, type BoardConnection } from './connection.js';

/**
 * A scripted server: answers sync step 1 from its document, takes updates, and when `refuse`
 * is set closes the socket of any client that sends a change, with that code and reason (as
 * the real server does for a locked board). Messages: messageSync 0; step 1 (0) carries a
 * state vector, step 2 (1) and update (2) an update; lengths are lib0 varuints.
 */
const server = { doc: new Y.Doc(), refuse: null as { code: number; reason: string } | null };

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

  constructor(readonly url: string) {
    setTimeout(() => {
      this.readyState = 1;
      this.onopen?.();
    }, 0);
  }

  send(data: Uint8Array): void {
    const bytes = new Uint8Array(data);
    const at = { i: 0 };
    if (readVarUint(bytes, at) !== 0) return; // awareness
    const step = readVarUint(bytes, at);
    const length = readVarUint(bytes, at);
    const payload = bytes.slice(at.i, at.i + length);
    if (step !== 0) {
      if (Y.decodeUpdate(payload).structs.length === 0) return; // nothing new
      const refuse = server.refuse;
      if (refuse) {
        setTimeout(() => this.#closed(refuse.code, refuse.reason), 0);
        return;
      }
      Y.applyUpdate(server.doc, payload);
      return;
    }
    const update = Y.encodeStateAsUpdate(server.doc, payload);
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

const opened: BoardConnection[] = [];

afterEach(() => {
  for (const c of opened.splice(0)) c.destroy();
  server.refuse = null;
  setLocale('da');
});

describe('a change the server refuses for good', () => {
  it('drops the copy and its offline cache, rejoins with a new client id, and says why in both languages', async () => {
    const room = `rejoin-test-${Date.now()}`;
    server.doc = new Y.Doc();
    server.doc.getMap('kept').set('on-server', 1);
    const conn = connectBoard({ room, user: { name: 'Ida', color: '#1f5fa8' }, serverUrl: 'ws://fake.invalid/sync', WebSocket: FakeSocket as unknown as typeof WebSocket });
    opened.push(conn);
    await conn.synced;
    const first = conn.doc;
    const firstBoard = conn.board;
    server.refuse = { code: 4501, reason: 'write refused: the boards are locked' };
    const replaced = new Promise<unknown>((r) => conn.onReplaced(r));
    first.getMap('kept').set('while-locked', 1);
    expect(await replaced).toBe(conn.board);
    server.refuse = null;

    expect(conn.board).not.toBe(firstBoard);
    expect(conn.doc).not.toBe(first);
    expect(conn.doc.clientID).not.toBe(first.clientID);
    expect(conn.refusedChange()).toEqual({ code: 4501, reason: 'write refused: the boards are locked' });
    await new Promise<void>((r) => {
      const check = (): void => void (conn.doc.getMap('kept').get('on-server') === 1 ? r() : setTimeout(check, 20));
      check();
    });
    expect(conn.doc.getMap('kept').has('while-locked')).toBe(false);
    expect(server.doc.getMap('kept').has('while-locked')).toBe(false);
    // The offline copy is gone too: a reload would not bring the refused change back.
    const probe = new Y.Doc();
    const cache = new IndexeddbPersistence(`kaedeboard:${room}`, probe);
    await cache.whenSynced;
    expect(probe.getMap('kept').has('while-locked')).toBe(false);
    await cache.destroy();

    const r = conn.refusedChange()!;
    setLocale('da');
    expect(refusedChangeText(r)).toMatch(/låst/);
    setLocale('en');
    expect(refusedChangeText(r)).toMatch(/locked/);
    expect(refusedChangeText({ code: 4502, reason: 'board full: limit 16777216 bytes' })).toMatch(/full/);
    setLocale('da');
    expect(refusedChangeText({ code: 4502, reason: 'board full: limit 16777216 bytes' })).toMatch(/fuld/);

    // The fresh copy writes.
    conn.doc.getMap('kept').set('after', 1);
    await new Promise<void>((res) => {
      const check = (): void => void (server.doc.getMap('kept').get('after') === 1 ? res() : setTimeout(check, 20));
      check();
    });
  });

  it('a close that is not a refusal of the copy (4500: resync) keeps the copy', async () => {
    server.doc = new Y.Doc();
    const conn = connectBoard({ room: `keep-test-${Date.now()}`, user: { name: 'Ida', color: '#1f5fa8' }, serverUrl: 'ws://fake.invalid/sync', offlineCache: false, WebSocket: FakeSocket as unknown as typeof WebSocket });
    opened.push(conn);
    await conn.synced;
    const first = conn.doc;
    server.refuse = { code: 4500, reason: 'update cannot be integrated, resync' };
    first.getMap('m').set('k', 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(conn.doc).toBe(first);
    expect(conn.refusedChange()).toBeNull();
  });
});
