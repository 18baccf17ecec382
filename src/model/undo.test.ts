import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from './board.js';
import { latestEntries } from './keyed-log.js';
import { connect, syncBoth } from './test-helpers.js';
import { createUndoManager } from './undo.js';
import type { BoardUndoManager, UndoState } from './undo.js';

const A = { user: 'A' };
const B = { user: 'B' };
const SEED = { user: 'template' };
const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0).reverse()) f();
});

function client(): Board {
  const board = new Board(new Y.Doc());
  cleanup.push(() => {
    board.destroy();
    board.doc.destroy();
  });
  return board;
}
function undoFor(board: Board, origin: object): BoardUndoManager {
  const um = createUndoManager(board, origin, { captureTimeout: 0 });
  cleanup.push(() => um.destroy());
  return um;
}
/**
 * Two live-connected clients with their own undo histories and two shared notes. B writes
 * first, so B's geometry entries sit left of A's in the log: without the undo veto, an entry
 * A's undo restores would then win over B's later move by array order alone.
 */
function twoClients() {
  const a = client();
  const b = client();
  cleanup.push(connect(a.doc, b.doc));
  const ua = undoFor(a, A);
  const ub = undoFor(b, B);
  const other = b.create('note', { geometry: { x: 500, y: 0 } }, SEED);
  const note = a.create('note', { props: { text: 'start' }, geometry: { x: 0, y: 0 } }, SEED);
  return { a, b, ua, ub, note, other };
}
const pos = (board: Board, id: string) => {
  const g = board.get(id)?.geometry;
  return g && { x: g.x, y: g.y };
};

describe('undo', () => {
  it('undo/redo a move goes through the geometry log both ways', () => {
    const board = client();
    const um = undoFor(board, A);
    const id = board.create('note', { geometry: { x: 1, y: 1 } }, SEED);
    board.move(id, { x: 50, y: 60 }, A);
    board.move(id, { x: 70, y: 80 }, A);
    expect(um.undo()).toBe(true);
    expect(pos(board, id)).toEqual({ x: 50, y: 60 });
    expect(um.undo()).toBe(true);
    expect(pos(board, id)).toEqual({ x: 1, y: 1 });
    expect(um.canUndo()).toBe(false);
    expect(um.redo()).toBe(true);
    expect(pos(board, id)).toEqual({ x: 50, y: 60 });
    expect(um.redo()).toBe(true);
    expect(pos(board, id)).toEqual({ x: 70, y: 80 });
    expect(um.redo()).toBe(false);
    const geometry = board.doc.getArray('geometry');
    expect(geometry.length).toBe(1);
    expect((latestEntries(geometry).get(id)?.val as { x: number }).x).toBe(70);
  });

  it('A’s undo reverts only A’s change, on both clients; redo works', () => {
    const { a, b, ua, ub, note, other } = twoClients();
    a.move(note, { x: 10, y: 10 }, A);
    b.move(other, { x: 600, y: 60 }, B);
    a.updateProps(note, { text: 'A text' }, A);
    b.updateProps(note, { color: 'blue' }, B);
    expect(ua.undo()).toBe(true); // text
    expect(ua.undo()).toBe(true); // move
    for (const board of [a, b]) {
      expect(pos(board, note)).toEqual({ x: 0, y: 0 });
      expect(pos(board, other)).toEqual({ x: 600, y: 60 });
      expect(board.get(note)?.props).toEqual({ text: 'start', color: 'blue' });
    }
    expect(ua.redo()).toBe(true);
    expect(ua.redo()).toBe(true);
    for (const board of [a, b]) {
      expect(pos(board, note)).toEqual({ x: 10, y: 10 });
      expect(board.get(note)?.props).toEqual({ text: 'A text', color: 'blue' });
    }
    expect(ub.canUndo()).toBe(true);
    expect(JSON.stringify(a.read())).toBe(JSON.stringify(b.read()));
  });

  it('A’s undo never takes back B’s later move of the same item', () => {
    const { a, b, ua, note } = twoClients();
    a.move(note, { x: 10, y: 10 }, A);
    b.move(note, { x: 20, y: 20 }, B);
    expect(ua.undo()).toBe(false);
    expect(ua.canUndo()).toBe(false);
    for (const board of [a, b]) expect(pos(board, note)).toEqual({ x: 20, y: 20 });
    expect(a.doc.getArray('geometry').length).toBe(2);
  });

  it('A’s redo never takes back B’s move made after A’s undo', () => {
    const { a, b, ua, note } = twoClients();
    a.move(note, { x: 10, y: 10 }, A);
    expect(ua.undo()).toBe(true);
    b.move(note, { x: 30, y: 30 }, B);
    ua.redo();
    for (const board of [a, b]) expect(pos(board, note)).toEqual({ x: 30, y: 30 });
  });

  it('an undo step whose effect was vetoed is skipped to the previous one', () => {
    const { a, b, ua, note, other } = twoClients();
    a.move(other, { x: 1, y: 1 }, A);
    a.move(note, { x: 10, y: 10 }, A);
    b.move(note, { x: 20, y: 20 }, B);
    expect(ua.undo()).toBe(true);
    expect(pos(a, other)).toEqual({ x: 500, y: 0 });
    expect(pos(b, note)).toEqual({ x: 20, y: 20 });
  });

  it('undo of a text edit keeps B’s later text (Y.Map semantics)', () => {
    const { a, b, ua, note } = twoClients();
    a.updateProps(note, { text: 'A' }, A);
    b.updateProps(note, { text: 'B' }, B);
    ua.undo();
    for (const board of [a, b]) expect(board.get(note)?.props).toMatchObject({ text: 'B' });
  });

  it('undo of create and of a frame delete restores items and geometry', () => {
    const { a, b, ua } = twoClients();
    const frame = a.create('frame', { geometry: { x: 100, y: 100 } }, A);
    const inside = a.create('note', { props: { text: 'in' }, geometry: { x: 120, y: 130, parent: frame } }, A);
    expect(ua.undo()).toBe(true);
    expect(b.get(inside)).toBeUndefined();
    expect(ua.redo()).toBe(true);
    expect(b.get(inside)?.geometry).toMatchObject({ x: 120, y: 130, parent: frame });
    a.delete([frame], A);
    expect(b.read().items.map((i) => i.id)).not.toContain(frame);
    expect(ua.undo()).toBe(true);
    for (const board of [a, b]) {
      expect(board.get(frame)?.geometry).toMatchObject({ x: 100, y: 100 });
      expect(board.get(inside)).toMatchObject({ props: { text: 'in' }, geometry: { parent: frame } });
    }
  });

  it('undo of a moved-then-deleted-by-B item restores nothing orphaned', () => {
    const { a, b, ua, note } = twoClients();
    a.move(note, { x: 10, y: 10 }, A);
    b.delete([note], B);
    expect(ua.undo()).toBe(false);
    for (const board of [a, b]) expect(board.read().problems).toEqual([]);
    expect(a.doc.getArray('geometry').toArray().some((e) => (e as { key: string }).key === note)).toBe(false);
  });

  it('groups changes within captureTimeout; stopCapturing splits; change events fire', () => {
    const board = client();
    const um = createUndoManager(board, A, { captureTimeout: 60_000 });
    cleanup.push(() => um.destroy());
    const states: UndoState[] = [];
    um.on('change', (s) => states.push(s));
    const id = board.create('note', {}, A);
    board.move(id, { x: 1, y: 1 }, A);
    board.move(id, { x: 2, y: 2 }, A);
    um.stopCapturing();
    board.move(id, { x: 3, y: 3 }, A);
    um.undo();
    expect(pos(board, id)).toEqual({ x: 2, y: 2 });
    um.undo();
    expect(board.get(id)).toBeUndefined();
    expect(states.at(-1)).toEqual({ canUndo: false, canRedo: true });
    um.redo();
    expect(pos(board, id)).toEqual({ x: 2, y: 2 });
    expect(states.at(-1)).toEqual({ canUndo: true, canRedo: true });
  });

  it('ignores other origins and migrations; a fresh edit clears redo', () => {
    const { a, ua, note } = twoClients();
    a.move(note, { x: 5, y: 5 }, B);
    expect(ua.canUndo()).toBe(false);
    a.move(note, { x: 6, y: 6 }, A);
    ua.undo();
    expect(ua.canRedo()).toBe(true);
    a.move(note, { x: 7, y: 7 }, A);
    expect(ua.canRedo()).toBe(false);
  });

  it('works with offline clients that sync later', () => {
    const a = client();
    const b = client();
    const ua = undoFor(a, A);
    const id = a.create('note', {}, SEED);
    syncBoth(a.doc, b.doc);
    a.move(id, { x: 10, y: 10 }, A);
    b.move(id, { x: 20, y: 20 }, B);
    syncBoth(a.doc, b.doc);
    const winner = pos(a, id);
    ua.undo();
    syncBoth(a.doc, b.doc);
    expect(pos(a, id)).toEqual(pos(b, id));
    if (winner?.x === 20) expect(pos(a, id)).toEqual({ x: 20, y: 20 });
  });
});
