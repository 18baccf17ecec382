import { afterEach, describe, expect, it } from 'vitest';
import { YKeyValue } from 'y-utility/y-keyvalue';
import * as Y from 'yjs';
import { Board } from './board.js';
import { connect, REMOTE, syncBoth } from './test-helpers.js';

const A = { user: 'A' };
const B = { user: 'B' };
const open: Board[] = [];
function pair(): { a: Board; b: Board } {
  const a = new Board(new Y.Doc());
  const b = new Board(new Y.Doc());
  open.push(a, b);
  return { a, b };
}
afterEach(() => {
  for (const board of open.splice(0)) {
    board.destroy();
    board.doc.destroy();
  }
});
const json = (board: Board) => JSON.stringify(board.read());
const entriesOf = (board: Board, id: string) =>
  board.doc.getArray<{ key: string }>('geometry').toArray().filter((e) => e.key === id).length;

describe('Board: two clients', () => {
  it('converge after exchanging updates', () => {
    const { a, b } = pair();
    const n1 = a.create('note', { props: { text: 'from A' } }, A);
    const n2 = b.create('note', { props: { text: 'from B' } }, B);
    a.move(n1, { x: 10, y: 10 }, A);
    b.setTitle('B title', B);
    syncBoth(a.doc, b.doc);
    expect(json(a)).toBe(json(b));
    expect(a.read().items.map((i) => i.id).sort()).toEqual([n1, n2].sort());
    expect(a.meta().title).toBe('B title');
  });

  it('concurrent edits of different props of one item merge', () => {
    const { a, b } = pair();
    const id = a.create('note', { props: { text: 'start' } }, A);
    syncBoth(a.doc, b.doc);
    a.updateProps(id, { text: 'A wrote this' }, A);
    b.updateProps(id, { color: 'blue' }, B);
    syncBoth(a.doc, b.doc);
    for (const board of [a, b]) expect(board.get(id)?.props).toEqual({ text: 'A wrote this', color: 'blue' });
  });

  it('concurrent moves of one item converge to one position, one entry each', () => {
    const { a, b } = pair();
    const id = a.create('note', {}, A);
    syncBoth(a.doc, b.doc);
    a.move(id, { x: 100, y: 100 }, A);
    a.move(id, { x: 110, y: 110 }, A);
    b.move(id, { x: -50, y: 70 }, B);
    syncBoth(a.doc, b.doc);
    const pa = a.get(id)?.geometry;
    expect(pa).toEqual(b.get(id)?.geometry);
    expect([110, -50]).toContain(pa?.x);
    expect(entriesOf(a, id)).toBe(1);
    expect(entriesOf(b, id)).toBe(1);
    expect(json(a)).toBe(json(b));
  });

  it('live-connected clients moving in turn stay identical', () => {
    const { a, b } = pair();
    const off = connect(a.doc, b.doc);
    const ids = [a.create('note', {}, A), b.create('note', {}, B), a.create('frame', {}, A)];
    for (let i = 0; i < 60; i++) {
      const [board, origin] = i % 2 ? [b, B] : [a, A];
      board.move(ids[i % 3] as string, { x: i, y: -i }, origin);
    }
    off();
    expect(json(a)).toBe(json(b));
    expect(a.doc.getArray('geometry').length).toBe(3);
  });

  it('a concurrent delete and move leave no item and no problem', () => {
    const { a, b } = pair();
    const id = a.create('note', {}, A);
    syncBoth(a.doc, b.doc);
    a.delete([id], A);
    b.move(id, { x: 5, y: 5 }, B);
    syncBoth(a.doc, b.doc);
    for (const board of [a, b]) expect(board.read()).toEqual({ items: [], problems: [] });
    // The orphaned geometry is dropped by the next delete.
    const other = b.create('note', {}, B);
    b.delete([other], B);
    syncBoth(a.doc, b.doc);
    expect(a.doc.getArray('geometry').length).toBe(0);
  });

  it('a hostile peer’s raw writes are reported on the other client, never thrown', () => {
    const { a, b } = pair();
    const good = a.create('note', {}, A);
    syncBoth(a.doc, b.doc);
    const evil = b.doc;
    evil.transact(() => {
      evil.getMap('items').set('x1', new Y.Map<unknown>([['kind', 'note'], ['color', 'ultraviolet']]));
      evil.getArray('geometry').push([null, { key: good, val: 'not geometry' }]);
      evil.getMap('meta').set('placedWidgets', 'nope');
    });
    expect(() => Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(evil, Y.encodeStateVector(a.doc)), REMOTE)).not.toThrow();
    const { items, problems } = a.read();
    expect(items).toEqual([]);
    expect(problems.map((p) => p.id).sort()).toEqual([good, 'x1'].sort());
    expect(a.meta().placedWidgets).toEqual([]);
    // Unreadable items are not writable through the Board either (nobody can see them).
    expect(a.move(good, { x: 1, y: 1 }, A)).toBe(false);
  });

  it('stays in y-utility YKeyValue format (for valid entries)', () => {
    const { a, b } = pair();
    const off = connect(a.doc, b.doc);
    const id = a.create('note', {}, A);
    const kv = new YKeyValue(b.doc.getArray<{ key: string; val: unknown }>('geometry'));
    a.move(id, { x: 3, y: 4 }, A);
    b.move(id, { x: 5, y: 6 }, B);
    expect(kv.get(id)).toEqual(a.get(id)?.geometry);
    expect(kv.get(id)).toMatchObject({ x: 5, y: 6 });
    off();
  });
});
