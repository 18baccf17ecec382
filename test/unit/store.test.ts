import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from '../../server/storage/sqlite/room-store.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function dir(): string {
  const d = mkdtempSync(join(tmpdir(), 'kb-store-'));
  dirs.push(d);
  return d;
}

function replay(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc;
}

describe('SqliteStore', () => {
  it('appends, reloads after reopening, and keeps rooms apart', () => {
    const d = dir();
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getMap('m').set('a', 1);
    doc.getMap('m').set('b', 2);
    let store = new SqliteStore(d);
    for (const u of updates) store.append('room-1', u);
    store.close();
    store = new SqliteStore(d);
    const loaded = store.load('room-1');
    expect(loaded.updates).toHaveLength(2);
    expect(loaded.snapshot).toBeNull();
    expect(replay(loaded).getMap('m').toJSON()).toEqual({ a: 1, b: 2 });
    expect(store.load('room-2').updates).toHaveLength(0);
    expect(store.listRooms()).toEqual(['room-1']);
    store.close();
  });

  it('compaction replaces the log up to a sequence number with one state, atomically', () => {
    const store = new SqliteStore(dir());
    const doc = new Y.Doc();
    let last = 0;
    doc.on('update', (u: Uint8Array) => (last = store.append('r', u)));
    for (let i = 0; i < 10; i++) doc.getMap('m').set(`k${i}`, i);
    const upto = last;
    store.compact('r', Y.encodeStateAsUpdate(doc), upto);
    doc.getMap('m').set('after', true); // written after the compaction point: stays in the log
    const loaded = store.load('r');
    expect(loaded.snapshot).not.toBeNull();
    expect(loaded.updates).toHaveLength(1);
    expect(replay(loaded).getMap('m').toJSON()).toEqual({ ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, i])), after: true });
    store.close();
  });

  it('a failed compaction leaves the old state and the whole log', () => {
    const store = new SqliteStore(dir());
    const doc = new Y.Doc();
    doc.on('update', (u: Uint8Array) => store.append('r', u));
    doc.getMap('m').set('a', 1);
    store.db.exec('CREATE TRIGGER fail_snap BEFORE INSERT ON room_snapshots BEGIN SELECT RAISE(ABORT, "disk full"); END;');
    expect(() => store.compact('r', Y.encodeStateAsUpdate(doc), 1)).toThrow(/disk full/);
    const loaded = store.load('r');
    expect(loaded.updates).toHaveLength(1);
    expect(replay(loaded).getMap('m').get('a')).toBe(1);
    store.close();
  });

  it('deletes a room whole', () => {
    const store = new SqliteStore(':memory:');
    store.append('gone', new Uint8Array([0, 0]));
    store.compact('gone', new Uint8Array([0, 0]), 0);
    store.append('kept', new Uint8Array([0, 0]));
    store.deleteRoom('gone');
    expect(store.listRooms()).toEqual(['kept']);
    store.close();
  });
});
