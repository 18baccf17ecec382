import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from './board.js';
import type { BoardChange, Item } from './board.js';
import { defaultGeometry } from './geometry.js';

const ME = { user: 'me' };
const boards: Board[] = [];
function setup(): { doc: Y.Doc; board: Board } {
  const doc = new Y.Doc();
  const board = new Board(doc);
  boards.push(board);
  return { doc, board };
}
afterEach(() => {
  for (const b of boards.splice(0)) {
    b.destroy();
    b.doc.destroy();
  }
});

describe('Board: create, read, get', () => {
  it('creates items with defaults, z on top, sorted by z', () => {
    const { board } = setup();
    const a = board.create('note', { props: { text: 'hej' } }, ME);
    const b = board.create('frame', { geometry: { x: 50, y: 60 } }, ME);
    const { items, problems } = board.read();
    expect(problems).toEqual([]);
    expect(items.map((i) => i.id)).toEqual([a, b]);
    expect(items[0]).toEqual({
      id: a,
      kind: 'note',
      props: { text: 'hej', color: 'yellow' },
      geometry: { ...defaultGeometry, w: 200, h: 200, z: 1 },
    });
    expect(board.get(b)).toMatchObject({ kind: 'frame', props: { title: '' }, geometry: { x: 50, y: 60, w: 800, h: 600, z: 2 } });
    expect(board.get('nope')).toBeUndefined();
  });

  it('narrows props by kind', () => {
    const { board } = setup();
    const id = board.create('note', { props: { color: 'pink' } }, ME);
    const item = board.get(id);
    if (item?.kind === 'note') expect(item.props.color).toBe('pink');
    else expect.unreachable();
  });

  it('stores hostile strings as plain text, unchanged', () => {
    const { board } = setup();
    const text = '<script>alert(document.cookie)</script><b onmouseover=x>';
    const id = board.create('note', { props: { text }, createdBy: 'c1' }, ME);
    expect(board.get(id)).toMatchObject({ props: { text }, createdBy: 'c1' });
  });

  it('throws clear errors on invalid local input', () => {
    const { board } = setup();
    expect(() => board.create('note', { props: { text: 'x'.repeat(2001) } }, ME)).toThrow(
      'Board.create(note): props.text: expected string of at most 2000 characters',
    );
    expect(() => board.create('note', { props: { color: 'red' as 'pink' } }, ME)).toThrow(/props\.color/);
    expect(() => board.create('nope' as 'note', {}, ME)).toThrow(/unknown kind/);
    expect(() => board.create('note', { geometry: { w: NaN } }, ME)).toThrow(/geometry\.w/);
    expect(() => board.create('note', { geometry: { parent: 'ghost' } }, ME)).toThrow(/not an item/);
    expect(() => board.create('note', { id: 'a b' }, ME)).toThrow(/id: expected string matching/);
    board.create('note', { id: 'n1' }, ME);
    expect(() => board.create('note', { id: 'n1' }, ME)).toThrow(/already in use/);
    expect(board.read().items).toHaveLength(1);
  });

  it('reads its own writes inside a transaction', () => {
    const { board } = setup();
    const ids = board.transact(() => {
      const a = board.create('note', {}, ME);
      board.move(a, { x: 5, y: 5 }, ME);
      return [a, board.create('note', {}, ME)];
    }, ME);
    expect(ids.map((id) => board.get(id)?.geometry.z)).toEqual([1, 2]);
    expect(board.get(ids[0] as string)?.geometry.x).toBe(5);
  });
});

describe('Board: hostile or older records', () => {
  it('skips and reports records of bad shape written raw, never throws', () => {
    const { doc, board } = setup();
    const good = board.create('note', { props: { text: 'ok' } }, ME);
    const items = doc.getMap('items');
    const geometry = doc.getArray('geometry');
    doc.transact(() => {
      items.set('plain', { kind: 'note', text: 'x', color: 'yellow' });
      items.set('alien', new Y.Map<unknown>([['kind', 'alien-kind']]));
      items.set('nokind', new Y.Map<unknown>([['text', 'x']]));
      items.set('proto', new Y.Map<unknown>([['kind', 'toString']]));
      items.set('numtext', new Y.Map<unknown>([['kind', 'note'], ['text', 42], ['color', 'yellow']]));
      items.set('huge', new Y.Map<unknown>([['kind', 'note'], ['text', 'x'.repeat(5000)], ['color', 'yellow']]));
      items.set('ytext', new Y.Map<unknown>([['kind', 'note'], ['text', new Y.Text('x')], ['color', 'yellow']]));
      items.set('bad id!', new Y.Map<unknown>([['kind', 'note']]));
      items.set('badgeo', new Y.Map<unknown>([['kind', 'note']]));
      items.set('nangeo', new Y.Map<unknown>([['kind', 'note']]));
      geometry.push([{ key: 'badgeo', val: { x: 'left', y: 0, w: 1, h: 1, z: 0, parent: null } }]);
      geometry.push([{ key: 'nangeo', val: { x: 0, y: 0, w: -5, h: 1, z: Infinity, parent: null } }]);
      geometry.push([null, 7, 'str', { key: 3 }, { nokey: true }, [1, 2]]);
    });
    const { items: read, problems } = board.read();
    expect(read.map((i) => i.id)).toEqual([good]);
    const reasons = Object.fromEntries(problems.map((p) => [p.id, p.reason]));
    expect(reasons).toEqual({
      plain: 'item record is not a Y.Map',
      alien: 'unknown kind "alien-kind"',
      nokind: 'missing kind',
      proto: 'unknown kind "toString"',
      numtext: 'props.text: expected string of at most 2000 characters, got 42',
      huge: 'props.text: expected string of at most 2000 characters, got string of 5000 characters',
      ytext: 'props.text: expected string of at most 2000 characters, got object',
      'bad id!': 'invalid item id',
      badgeo: expect.stringMatching(/^geometry\.x: expected finite number/),
      nangeo: expect.stringMatching(/^geometry\.w: expected finite number greater than 0/),
    });
    expect(board.get('numtext')).toBeUndefined();
    // Writing still works next to the junk.
    board.move(good, { x: 1, y: 2 }, ME);
    expect(board.get(good)?.geometry).toMatchObject({ x: 1, y: 2 });
  });

  it('keeps an item with no geometry (default) and fills props an older client did not write', () => {
    const { doc, board } = setup();
    doc.getMap('items').set('old', new Y.Map<unknown>([['kind', 'note'], ['text', 'from v0']]));
    expect(board.read()).toEqual({
      items: [{ id: 'old', kind: 'note', props: { text: 'from v0', color: 'yellow' }, geometry: { ...defaultGeometry, w: 200, h: 200 } }],
      problems: [],
    });
  });

  it('ignores geometry with no item, and reads dangling or looping parents as null', () => {
    const { doc, board } = setup();
    const a = board.create('frame', {}, ME);
    const b = board.create('frame', { geometry: { parent: a } }, ME);
    const arr = doc.getArray('geometry');
    arr.push([{ key: 'ghost', val: { ...defaultGeometry } }]);
    // Simulate concurrent re-parenting that made a loop, and a child of a deleted frame.
    const ga = board.get(a)?.geometry;
    arr.push([{ key: a, val: { ...ga, parent: b } }]);
    board.create('note', { id: 'child', geometry: { parent: b } }, ME);
    doc.getMap('items').delete(b);
    const { items, problems } = board.read();
    expect(problems).toEqual([]);
    expect(items.map((i) => [i.id, i.geometry.parent])).toEqual([
      [a, null],
      ['child', null],
    ]);
    expect(board.get(a)?.geometry.parent).toBeNull();
  });
});

describe('Board: writes', () => {
  it('updateProps writes only changed keys, validates, tolerates missing ids', () => {
    const { doc, board } = setup();
    const id = board.create('note', { props: { text: 'a' } }, ME);
    let updates = 0;
    doc.on('update', () => updates++);
    expect(board.updateProps(id, { text: 'a', color: 'yellow' }, ME)).toBe(true);
    expect(updates).toBe(0);
    board.updateProps<'note'>(id, { color: 'green' }, ME);
    expect(updates).toBe(1);
    expect(board.get(id)?.props).toEqual({ text: 'a', color: 'green' });
    expect(() => board.updateProps(id, { title: 'x' }, ME)).toThrow('Board.updateProps: a note has no prop "title"');
    expect(() => board.updateProps(id, { text: 'x'.repeat(2001) }, ME)).toThrow(/props\.text/);
    expect(board.updateProps('gone', { text: 'x' }, ME)).toBe(false);
  });

  it('move carries children; moveMany is one transaction', () => {
    const { doc, board } = setup();
    const frame = board.create('frame', { geometry: { x: 0, y: 0 } }, ME);
    const inner = board.create('note', { geometry: { x: 10, y: 10, parent: frame } }, ME);
    const other = board.create('note', { geometry: { x: 500, y: 500 } }, ME);
    expect(board.move(frame, { x: 100, y: 50 }, ME)).toBe(true);
    expect(board.get(inner)?.geometry).toMatchObject({ x: 110, y: 60, parent: frame });
    expect(board.move('gone', { x: 1, y: 1 }, ME)).toBe(false);
    expect(board.move(other, { x: 500, y: 500 }, ME)).toBe(true);

    let updates = 0;
    let changes = 0;
    doc.on('update', () => updates++);
    board.observe(() => changes++);
    const written = board.moveMany([
      { id: frame, x: 0, y: 0 },
      { id: other, x: 1, y: 2 },
      { id: 'gone', x: 3, y: 3 },
    ], ME);
    expect(new Set(written)).toEqual(new Set([frame, inner, other]));
    expect(updates).toBe(1);
    expect(changes).toBe(1);
    expect(board.get(inner)?.geometry).toMatchObject({ x: 10, y: 10 });
    expect(() => board.moveMany([{ id: other, x: NaN, y: 0 }], ME)).toThrow(/moves\[0\]\.x/);
    expect(() => board.move(other, { x: Infinity, y: 0 }, ME)).toThrow();
  });

  it('setGeometry validates and refuses parent cycles', () => {
    const { board } = setup();
    const f1 = board.create('frame', {}, ME);
    const f2 = board.create('frame', { geometry: { parent: f1 } }, ME);
    expect(board.setGeometry(f2, { w: 300, h: 90 }, ME)).toBe(true);
    expect(board.get(f2)?.geometry).toMatchObject({ w: 300, h: 90, parent: f1 });
    expect(() => board.setGeometry(f1, { parent: f2 }, ME)).toThrow(/inside itself/);
    expect(() => board.setGeometry(f1, { parent: f1 }, ME)).toThrow(/inside itself/);
    expect(() => board.setGeometry(f1, { w: 0 }, ME)).toThrow(/geometry\.w/);
    expect(board.setGeometry('gone', { w: 1 }, ME)).toBe(false);
  });

  it('bringToFront keeps order and puts contents above their container', () => {
    const { board } = setup();
    const frame = board.create('frame', {}, ME);
    const inside = board.create('note', { geometry: { parent: frame } }, ME);
    const a = board.create('note', {}, ME);
    const b = board.create('note', {}, ME);
    board.bringToFront([inside, frame, a], ME);
    expect(board.read().items.map((i) => i.id)).toEqual([b, frame, inside, a]);
  });

  it('delete removes contents recursively in one transaction and returns ids', () => {
    const { doc, board } = setup();
    const frame = board.create('frame', {}, ME);
    const sub = board.create('frame', { geometry: { parent: frame } }, ME);
    const deep = board.create('note', { geometry: { parent: sub } }, ME);
    const keep = board.create('note', {}, ME);
    doc.getMap('items').set('junk', new Y.Map<unknown>([['kind', 'alien']]));
    doc.getArray('geometry').push([{ key: 'junk', val: { parent: sub } }]);
    let updates = 0;
    doc.on('update', () => updates++);
    expect(new Set(board.delete([frame], ME))).toEqual(new Set([frame, sub, deep, 'junk']));
    expect(updates).toBe(1);
    expect(board.read()).toEqual({ items: [board.get(keep)], problems: [] });
    expect(doc.getArray('geometry').length).toBe(1);
    expect(board.delete(['gone'], ME)).toEqual([]);
  });

  it('duplicate copies contents, remaps parents, offsets and stacks on top', () => {
    const { board } = setup();
    const frame = board.create('frame', { props: { title: 'Bør/Gør' }, geometry: { x: 0, y: 0 } }, ME);
    const inside = board.create('note', { props: { text: 'n' }, geometry: { x: 10, y: 10, parent: frame } }, ME);
    const [copy, ...rest] = board.duplicate([frame], ME);
    expect(rest).toEqual([]);
    const { items } = board.read();
    expect(items).toHaveLength(4);
    const copied = items.filter((i) => i.id !== frame && i.id !== inside) as Item[];
    expect(copied.map((i) => i.id)).toContain(copy);
    const copyOfInside = copied.find((i) => i.id !== copy);
    expect(copyOfInside).toMatchObject({ props: { text: 'n' }, geometry: { x: 34, y: 34, parent: copy } });
    expect(board.get(copy as string)).toMatchObject({ props: { title: 'Bør/Gør' }, geometry: { x: 24, y: 24, z: 3, parent: null } });
    expect(board.duplicate(['gone'], ME)).toEqual([]);
  });

  it('meta: defaults, title, placed widgets (keeping names from newer clients)', () => {
    const { doc, board } = setup();
    expect(board.meta()).toEqual({ title: '', schemaVersion: 1, placedWidgets: [] });
    board.setTitle('Kædeansvar – gruppe 2', ME);
    expect(() => board.setTitle('x'.repeat(201), ME)).toThrow(/title/);
    doc.getMap('meta').set('placedWidgets', ['future-widget']);
    board.markWidgetPlaced('bor-gor-matrix', ME);
    board.markWidgetPlaced('bor-gor-matrix', ME);
    expect(doc.getMap('meta').get('placedWidgets')).toEqual(['future-widget', 'bor-gor-matrix']);
    expect(board.meta()).toEqual({ title: 'Kædeansvar – gruppe 2', schemaVersion: 1, placedWidgets: ['bor-gor-matrix'] });
    expect(() => board.markWidgetPlaced('nope' as 'bor-gor-matrix', ME)).toThrow(/type/);
    doc.getMap('meta').set('title', { evil: true });
    expect(board.meta().title).toBe('');
  });
});

describe('Board: observe', () => {
  it('one callback per transaction with the touched ids; unsubscribe works', () => {
    const { doc, board } = setup();
    const seen: BoardChange[] = [];
    const off = board.observe((c) => seen.push(c));
    const a = board.create('note', {}, ME);
    const b = board.create('note', {}, ME);
    board.transact(() => {
      board.updateProps(a, { text: 'x' }, ME);
      board.move(b, { x: 9, y: 9 }, ME);
      board.setTitle('t', ME);
    }, ME);
    board.delete([a], ME);
    expect(seen.map((c) => [[...c.items].sort(), c.meta, c.origin, c.local])).toEqual([
      [[a], false, ME, true],
      [[b], false, ME, true],
      [[a, b].sort(), true, ME, true],
      [[a], false, ME, true],
    ]);
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    new Board(remote).move(b, { x: 1, y: 1 }, ME);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), 'provider');
    expect(seen.at(-1)).toEqual({ items: new Set([b]), meta: false, origin: 'provider', local: false });
    off();
    board.create('note', {}, ME);
    expect(seen).toHaveLength(5);
  });

  it('a throwing listener does not break the transaction or other listeners', async () => {
    const { board } = setup();
    let other = 0;
    board.observe(() => {
      throw new Error('listener bug');
    });
    board.observe(() => other++);
    const errors: unknown[] = [];
    const onError = (e: unknown) => errors.push(e);
    process.on('uncaughtException', onError);
    try {
      board.create('note', {}, ME);
      await new Promise((r) => setTimeout(r, 0));
    } finally {
      process.off('uncaughtException', onError);
    }
    expect(other).toBe(1);
    expect(board.read().items).toHaveLength(1);
    expect(errors).toHaveLength(1);
  });
});
