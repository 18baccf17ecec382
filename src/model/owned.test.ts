import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from './board.js';
import { assessmentId } from './theme-assessment.js';
import { likeId } from './wall-like.js';
import { createUndoManager } from './undo.js';

const ME = { user: 'me' };

function seed(): { board: Board; widget: string; column: string; post: string } {
  const board = new Board(new Y.Doc());
  const widget = board.create('widget', { props: { widget: 'reflection-wall' } }, ME);
  const column = board.create('wall-column', { props: { widget, title: 'Ledelse', questions: 'Hvordan?', order: 1 } }, ME);
  const post = board.create('wall-post', { props: { column, text: 'Vi mødes hver uge', author: 'Ida', order: 1 } }, ME);
  board.create('wall-like', { id: likeId(post, 'c1'), props: { post, by: 'c1' } }, ME);
  return { board, widget, column, post };
}

describe('owned records (a widget’s content)', () => {
  it('are read per owner, have no geometry entry, and are refused for a missing owner', () => {
    const { board, widget, column, post } = seed();
    expect(board.owned(widget).map((i) => i.id)).toEqual([column]);
    expect(board.owned(column, 'wall-post').map((i) => i.props.text)).toEqual(['Vi mødes hver uge']);
    expect(board.owned(post, 'wall-like')).toHaveLength(1);
    expect(board.doc.getArray('geometry').toArray().map((e) => (e as { key: string }).key)).toEqual([widget]);
    expect(() => board.create('matrix-note', { props: { widget: 'nope', field: 'bor-gor', text: 'x' } }, ME)).toThrow(/is not an item/);
  });

  it('are deleted with their owner, transitively, in one transaction', () => {
    const { board, widget } = seed();
    let transactions = 0;
    board.observe(() => transactions++);
    const deleted = board.delete([widget], ME);
    expect(deleted).toHaveLength(4);
    expect(board.read().items).toEqual([]);
    expect(transactions).toBe(1);
  });

  it('are duplicated with their owner, pointing at the copies (derived ids re-derived)', () => {
    const board = new Board(new Y.Doc());
    const widget = board.create('widget', { props: { widget: 'seven-themes' } }, ME);
    board.create('theme-assessment', { id: assessmentId(widget, 3), props: { widget, criterion: 3, status: 'under-way' } }, ME);
    board.create('theme-note', { props: { widget, criterion: 3, text: 'Aftaler på plads', author: '' } }, ME);
    const [copy] = board.duplicate([widget], ME);
    expect(copy).toBeDefined();
    const owned = board.owned(copy as string);
    expect(owned.map((i) => i.kind).sort()).toEqual(['theme-assessment', 'theme-note']);
    expect(owned.find((i) => i.kind === 'theme-assessment')?.id).toBe(assessmentId(copy as string, 3));
    expect(board.owned(widget)).toHaveLength(2);
  });

  it('a hostile owned record is skipped and reported, never thrown', () => {
    const { board, widget } = seed();
    const raw = new Y.Map<unknown>([['kind', 'matrix-note'], ['widget', widget], ['field', 'elsewhere'], ['text', 42]]);
    board.doc.getMap('items').set('evil', raw);
    expect(board.owned(widget).map((i) => i.kind)).toEqual(['wall-column']);
    expect(board.read().problems.map((p) => p.id)).toContain('evil');
  });

  it('undo of a delete brings the owner and its content back', () => {
    const { board, widget } = seed();
    const undo = createUndoManager(board, ME);
    undo.stopCapturing();
    board.delete([widget], ME);
    expect(board.read().items).toHaveLength(0);
    undo.undo();
    expect(board.read().items).toHaveLength(4);
    undo.destroy();
  });
});
