/**
 * Document size under heavy moving: 10,000 moves (one transaction each, like drops) over 50
 * cards must leave the encoded board under 20 KB, also when two synced clients move in turn.
 * A naive layout (a Y.Map of positions) is measured for comparison.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from '../../src/model/index.js';
import type { Geometry } from '../../src/model/index.js';
import { connect, seededRandom } from '../../src/model/test-helpers.js';

const MOVES = 10_000;
const CARDS = 50;
const LIMIT = 20 * 1024;
const ORIGINS = [{ user: 'A' }, { user: 'B' }];

type Order = 'round-robin' | 'random';

/** The card moved at step i. */
function picker(order: Order): (i: number) => number {
  const random = seededRandom(42);
  return order === 'round-robin' ? (i) => i % CARDS : () => Math.floor(random() * CARDS);
}

const size = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc).byteLength;

/** Our layout, through the Board API; returns the encoded size of every client's doc. */
function measureBoard(clients: 1 | 2, order: Order): number[] {
  const boards = Array.from({ length: clients }, () => new Board(new Y.Doc()));
  const [first, second] = boards as [Board, Board | undefined];
  const disconnect = second ? connect(first.doc, second.doc) : () => {};
  const ids = Array.from({ length: CARDS }, (_, i) =>
    first.create('note', { props: { text: `kort ${i}` }, geometry: { x: i * 10, y: 0 } }, ORIGINS[0] as object),
  );
  const pick = picker(order);
  for (let i = 0; i < MOVES; i++) {
    const board = boards[i % clients] as Board;
    board.move(ids[pick(i)] as string, { x: i % 997, y: (i * 7) % 991 }, ORIGINS[i % clients] as object);
  }
  disconnect();
  const sizes = boards.map((b) => size(b.doc));
  if (second) expect(JSON.stringify(second.read())).toBe(JSON.stringify(first.read()));
  expect(first.read().items).toHaveLength(CARDS);
  expect(first.doc.getArray('geometry').length).toBe(CARDS);
  for (const b of boards) {
    b.destroy();
    b.doc.destroy();
  }
  return sizes;
}

/** Naive layout: a Y.Map of id -> geometry, overwritten on every move. */
function measureNaive(clients: 1 | 2, order: Order): number {
  const docs = Array.from({ length: clients }, () => new Y.Doc());
  const disconnect = docs.length === 2 ? connect(docs[0] as Y.Doc, docs[1] as Y.Doc) : () => {};
  const positions = docs.map((d) => d.getMap<Geometry>('positions'));
  (docs[0] as Y.Doc).transact(() => {
    for (let c = 0; c < CARDS; c++) positions[0]?.set(`card${c}`, { x: c * 10, y: 0, w: 200, h: 200, z: c, parent: null });
  });
  const pick = picker(order);
  for (let i = 0; i < MOVES; i++) {
    const map = positions[i % clients] as Y.Map<Geometry>;
    const key = `card${pick(i)}`;
    const prev = map.get(key) as Geometry;
    (docs[i % clients] as Y.Doc).transact(() => map.set(key, { ...prev, x: i % 997, y: (i * 7) % 991 }));
  }
  disconnect();
  const bytes = size(docs[0] as Y.Doc);
  for (const d of docs) d.destroy();
  return bytes;
}

describe('model size', () => {
  it.each([
    [1, 'round-robin'],
    [1, 'random'],
    [2, 'round-robin'],
    [2, 'random'],
  ] as const)('%i client(s), %s: 10,000 moves over 50 cards stay under 20 KB', (clients, order) => {
    const sizes = measureBoard(clients, order);
    const naive = measureNaive(clients, order);
    const label = `${MOVES} moves over ${CARDS} cards, ${clients === 1 ? '1 client' : '2 clients alternating'}, ${order}`;
    console.log(`model size: ${label} -> ${sizes.join(' / ')} bytes (naive Y.Map of positions: ${naive} bytes)`);
    for (const bytes of sizes) {
      expect(bytes).toBeLessThan(LIMIT);
      expect(bytes).toBeLessThan(naive);
    }
    if (clients === 2) expect(sizes[0]).toBe(sizes[1]);
  });
});
