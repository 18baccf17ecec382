/**
 * The plenum's synthesis over boards built here: empty boards, a group without part 2,
 * unreadable records (skipped and reported), identical notes in two groups, and the figures of
 * each section (criteria matrix, gathered notes, card ranking, wall answers) and its vote lists.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from '../model/index.js';
import { assessmentId } from '../model/theme-assessment.js';
import { likeId } from '../model/wall-like.js';
import { placeWorkshop } from './template.js';
import type { Part } from './parts.js';
import { listCatalogue, synthesisList, synthesisLists, synthesize, type SynthesisSource } from './synthesis.js';

const O = 'test';
const boards: Board[] = [];
afterEach(() => {
  for (const b of boards.splice(0)) {
    b.destroy();
    b.doc.destroy();
  }
});

/** A group board as a workshop starts it, with the ids of its widgets by type. */
function groupBoard(parts: Part[] = ['kaedeansvar', 'kontaktperson']) {
  const board = new Board(new Y.Doc());
  boards.push(board);
  placeWorkshop(board, { title: 'Gruppe', parts, locale: 'da' }, O);
  const widget = (type: string) => board.read().items.find((i) => i.kind === 'widget' && i.props.widget === type)?.id as string;
  return { board, themes: widget('seven-themes'), matrix: widget('bor-gor-matrix'), profile: widget('competence-profile'), wall: widget('reflection-wall') };
}

function matrixNote(board: Board, widget: string, field: 'bor-gor' | 'bor-ikke-gor' | 'gor-ikke-bor' | 'hverken', text: string, criterion = 0, order = 1): void {
  board.create('matrix-note', { props: { widget, field, text, criterion, order, color: 'yellow' } }, O);
}

const src = (number: number, board: Board | null, name = `Gruppe ${number}`): SynthesisSource => ({ number, name, board });

describe('synthesize', () => {
  it('over empty boards: every section is there, empty, and nothing is reported', () => {
    const bare = new Board(new Y.Doc());
    boards.push(bare);
    const fresh = groupBoard();
    const s = synthesize([src(1, bare), src(2, fresh.board), src(3, null)], 'da');
    expect(s.problems).toEqual([]);
    expect(s.groups.map((g) => [g.number, g.present, g.kinds.length, g.unreadable])).toEqual([
      [1, true, 0, 0],
      [2, true, 4, 0],
      [3, false, 0, 0],
    ]);
    const c = s.sections['seven-themes'];
    expect(c.groups).toEqual([2]);
    expect(c.rows).toHaveLength(7);
    expect(c.notes).toBe(0);
    // Only group 2 has a puzzle: its cells read "not started", the others have none.
    expect(c.rows[0]!.cells.map((cell) => cell?.status ?? null)).toEqual([null, 'not-started', null]);
    expect(c.rows[0]!.byStatus).toEqual({ 'not-started': 1, 'under-way': 0, established: 0 });
    const m = s.sections['bor-gor-matrix'];
    expect(m.groups).toEqual([2]);
    expect(m.fields.map((f) => [f.field, f.notes, f.buckets.length])).toEqual([
      ['bor-gor', 0, 0],
      ['bor-ikke-gor', 0, 0],
      ['gor-ikke-bor', 0, 0],
      ['hverken', 0, 0],
    ]);
    const cards = s.sections['competence-profile'];
    expect(cards.groups).toEqual([2]);
    // The seeded deck: 6 + 8 + 6 cards, none chosen yet.
    expect([cards.columns.viden.length, cards.columns.kompetencer.length, cards.columns.faerdigheder.length]).toEqual([6, 8, 6]);
    expect(Object.values(cards.columns).flat().every((card) => card.groups.length === 0)).toBe(true);
    expect(cards.own).toEqual([]);
    const wall = s.sections['reflection-wall'];
    expect(wall.groups).toEqual([2]);
    expect(wall.questions.length).toBeGreaterThan(0);
    expect(wall.questions.every((q) => q.answers.length === 0 && q.likes === 0)).toBe(true);
    // Lists exist for every kind, and the matrix's are empty.
    expect(synthesisLists(s, 'da').map((l) => [l.id, l.items.length])).toEqual([
      ['seven-themes:criteria', 7],
      ['bor-gor-matrix:bor-gor', 0],
      ['bor-gor-matrix:bor-ikke-gor', 0],
      ['bor-gor-matrix:gor-ikke-bor', 0],
      ['bor-gor-matrix:hverken', 0],
      ['competence-profile:cards', 20],
      ['reflection-wall:answers', 0],
    ]);
    expect(synthesize([], 'da').groups).toEqual([]);
  });

  it('a group without part 2 has a criteria column and matrix notes, and no profile or wall', () => {
    const one = groupBoard(['kaedeansvar']);
    const both = groupBoard();
    one.board.create('theme-assessment', { id: assessmentId(one.themes, 3), props: { widget: one.themes, criterion: 3, status: 'established' } }, O);
    one.board.create('theme-note', { props: { widget: one.themes, criterion: 3, text: 'Faste procedurer', author: 'Ida' } }, O);
    one.board.create('theme-note', { props: { widget: one.themes, criterion: 3, text: 'Skriftlige aftaler', author: '' } }, O);
    both.board.create('theme-assessment', { id: assessmentId(both.themes, 3), props: { widget: both.themes, criterion: 3, status: 'under-way' } }, O);
    both.board.create('theme-note', { props: { widget: both.themes, criterion: 5, text: 'Ledelsen bakker op', author: 'Ole' } }, O);
    const cards = both.board.owned(both.profile, 'competence-card');
    both.board.updateProps<'competence-card'>(cards[0]!.id, { area: 'local' }, O);
    const s = synthesize([src(1, one.board), src(2, both.board)], 'da');
    expect(s.groups[0]!.kinds.sort()).toEqual(['bor-gor-matrix', 'seven-themes']);
    const c = s.sections['seven-themes'];
    expect(c.groups).toEqual([1, 2]);
    const row3 = c.rows[2]!;
    expect(row3.cells.map((cell) => [cell?.status, cell?.assessed, cell?.notes.length])).toEqual([
      ['established', true, 2],
      ['under-way', true, 0],
    ]);
    expect(row3.notes).toBe(2);
    expect(row3.byStatus).toEqual({ 'not-started': 0, 'under-way': 1, established: 1 });
    expect(c.rows[4]!.cells[1]!.notes).toEqual([{ text: 'Ledelsen bakker op', author: 'Ole' }]);
    expect(c.notes).toBe(3);
    const p = s.sections['competence-profile'];
    expect(p.groups).toEqual([2]);
    expect(p.profiles.map((x) => x.group)).toEqual([2]);
    const chosen = Object.values(p.columns).flat().filter((card) => card.groups.length > 0);
    expect(chosen.map((card) => [card.key, card.groups])).toEqual([[cards[0]!.props.deckKey, [2]]]);
    expect(s.sections['reflection-wall'].groups).toEqual([2]);
  });

  it('skips unreadable records and reports them by group; the readable ones still count', () => {
    const g = groupBoard(['kaedeansvar']);
    matrixNote(g.board, g.matrix, 'bor-gor', 'Læsbar seddel');
    const items = g.board.doc.getMap('items');
    g.board.doc.transact(() => {
      // A note in a field that does not exist, a note without text of the right type, a kind nobody knows.
      items.set('bad-field-1', new Y.Map<unknown>([['kind', 'matrix-note'], ['widget', g.matrix], ['field', 'maybe'], ['text', 'Forkert felt'], ['criterion', 0], ['order', 1], ['color', 'yellow']]));
      items.set('bad-text-22', new Y.Map<unknown>([['kind', 'matrix-note'], ['widget', g.matrix], ['field', 'bor-gor'], ['text', 42], ['criterion', 0], ['order', 2], ['color', 'yellow']]));
      items.set('unknown-333', new Y.Map<unknown>([['kind', 'hologram'], ['widget', g.matrix]]));
      items.set('bad-theme-4', new Y.Map<unknown>([['kind', 'theme-note'], ['widget', g.themes], ['criterion', 9], ['text', 'Kriterium 9'], ['author', '']]));
    });
    const clean = groupBoard(['kaedeansvar']);
    const s = synthesize([src(1, clean.board), src(2, g.board)], 'da');
    expect(s.groups.map((x) => x.unreadable)).toEqual([0, 4]);
    expect(s.problems.map((p) => [p.group, p.id]).sort()).toEqual([
      [2, 'bad-field-1'],
      [2, 'bad-text-22'],
      [2, 'bad-theme-4'],
      [2, 'unknown-333'],
    ]);
    expect(s.problems.every((p) => p.reason.length > 0)).toBe(true);
    const field = s.sections['bor-gor-matrix'].fields[0]!;
    expect(field.notes).toBe(1);
    expect(field.buckets[0]!.notes.map((n) => n.text)).toEqual(['Læsbar seddel']);
    expect(s.sections['seven-themes'].notes).toBe(0);
  });

  it('shows identical notes of two groups once, with both groups; by field and criterion, untagged last', () => {
    const a = groupBoard(['kaedeansvar']);
    const b = groupBoard(['kaedeansvar']);
    const c = groupBoard(['kaedeansvar']);
    matrixNote(a.board, a.matrix, 'bor-ikke-gor', 'Inddrag de unge i planen', 4, 1);
    matrixNote(a.board, a.matrix, 'bor-ikke-gor', 'Fælles it-system', 0, 2);
    matrixNote(a.board, a.matrix, 'bor-ikke-gor', '   ', 0, 3);
    matrixNote(b.board, b.matrix, 'bor-ikke-gor', '  inddrag   de UNGE i planen ', 4, 1);
    matrixNote(b.board, b.matrix, 'bor-ikke-gor', 'Ledelsen skal møde op', 5, 2);
    matrixNote(b.board, b.matrix, 'bor-gor', 'Inddrag de unge i planen', 4, 3);
    matrixNote(c.board, c.matrix, 'bor-ikke-gor', 'Fælles IT-system', 0, 1);
    matrixNote(c.board, c.matrix, 'bor-ikke-gor', 'fælles it-system', 0, 2);
    const s = synthesize([src(1, a.board), src(2, b.board), src(3, c.board)], 'da');
    const field = s.sections['bor-gor-matrix'].fields.find((f) => f.field === 'bor-ikke-gor')!;
    expect(field.notes).toBe(6);
    expect(field.groups).toEqual([1, 2, 3]);
    expect(field.buckets.map((bk) => [bk.criterion, bk.notes.map((n) => [n.text, n.groups, n.count])])).toEqual([
      [4, [['Inddrag de unge i planen', [1, 2], 2]]],
      [5, [['Ledelsen skal møde op', [2], 1]]],
      [0, [['Fælles it-system', [1, 3], 3]]],
    ]);
    // The same text in another field is another entry.
    const kept = s.sections['bor-gor-matrix'].fields.find((f) => f.field === 'bor-gor')!;
    expect(kept.buckets.map((bk) => bk.notes.map((n) => n.groups))).toEqual([[[2]]]);
    // The field as a vote list: one item per entry, in the order shown.
    const list = synthesisList(s, 'bor-gor-matrix:bor-ikke-gor', 'da')!;
    expect(list.title).toBe('Bør/Gør: Bør, men gør ikke');
    expect(list.items).toEqual([
      { label: 'Inddrag de unge i planen', detail: '4. Ungeinddragelse', groups: [1, 2] },
      { label: 'Ledelsen skal møde op', detail: '5. Ledelsesansvar', groups: [2] },
      { label: 'Fælles it-system', detail: 'Uden kriterium', groups: [1, 3] },
    ]);
    expect(synthesisList(s, 'bor-gor-matrix:nowhere', 'da')).toBeNull();
  });

  it('ranks the generic cards by the groups that chose them, and gathers own cards and profiles', () => {
    const boardsOf = [groupBoard(['kontaktperson']), groupBoard(['kontaktperson']), groupBoard(['kontaktperson'])];
    const choose = (g: (typeof boardsOf)[number], keys: string[]) => {
      for (const card of g.board.owned(g.profile, 'competence-card')) if (keys.includes(card.props.deckKey)) g.board.updateProps<'competence-card'>(card.id, { area: 'local' }, O);
    };
    const keys = boardsOf[0]!.board.owned(boardsOf[0]!.profile, 'competence-card').sort((x, y) => x.props.order - y.props.order).map((c) => c.props.deckKey);
    const [v1, v2, v3] = keys as [string, string, string];
    choose(boardsOf[0]!, [v3]);
    choose(boardsOf[1]!, [v3, v2]);
    choose(boardsOf[2]!, [v3, v2]);
    const own = (g: (typeof boardsOf)[number], text: string, area: 'local' | 'generic') => g.board.create('competence-card', { props: { widget: g.profile, area, column: 'kompetencer', text, order: 50 } }, O);
    own(boardsOf[0]!, 'Lede netværksmøder', 'local');
    own(boardsOf[2]!, ' lede  NETVÆRKSMØDER', 'generic');
    const s = synthesize(boardsOf.map((g, i) => src(i + 1, g.board)), 'da');
    const p = s.sections['competence-profile'];
    expect(p.groups).toEqual([1, 2, 3]);
    const viden = p.columns.viden;
    expect(viden.slice(0, 3).map((card) => [card.key, card.groups])).toEqual([
      [v3, [1, 2, 3]],
      [v2, [2, 3]],
      [v1, []],
    ]);
    expect(p.own).toEqual([{ text: 'Lede netværksmøder', column: 'kompetencer', groups: [1, 3], local: true }]);
    expect(p.profiles.map((x) => [x.group, x.local.viden.map((card) => card.key), x.local.kompetencer.map((card) => card.own)])).toEqual([
      [1, [v3], [true]],
      [2, expect.arrayContaining([v2, v3]), []],
      [3, expect.arrayContaining([v2, v3]), []],
    ]);
    const list = synthesisList(s, 'competence-profile:cards', 'da')!;
    expect(list.items[0]).toMatchObject({ groups: [1, 2, 3], detail: 'Viden' });
    expect(list.items.at(-1)).toEqual({ label: 'Lede netværksmøder', detail: 'Kompetencer · Eget kort', groups: [1, 3] });
  });

  it('gathers the wall answers per question across groups, the most liked first', () => {
    const a = groupBoard(['kontaktperson']);
    const b = groupBoard(['kontaktperson']);
    const col = (g: typeof a, i: number) => g.board.owned(g.wall, 'wall-column').sort((x, y) => x.props.order - y.props.order)[i]!.id;
    const post = (g: typeof a, column: string, text: string, likes: string[]) => {
      const id = g.board.create('wall-post', { props: { column, text, author: 'X', order: 1 } }, O);
      for (const by of likes) g.board.create('wall-like', { id: likeId(id, by), props: { post: id, by } }, O);
    };
    post(a, col(a, 0), 'Tid til netværk', ['t1']);
    post(b, col(b, 0), 'Fælles it', ['t1', 't2', 't3']);
    post(b, col(b, 1), 'Et ungeråd', []);
    const s = synthesize([src(1, a.board), src(2, b.board)], 'da');
    const w = s.sections['reflection-wall'];
    expect(w.questions[0]!.groups).toEqual([1, 2]);
    expect(w.questions[0]!.answers.map((x) => [x.text, x.group, x.likes])).toEqual([
      ['Fælles it', 2, 3],
      ['Tid til netværk', 1, 1],
    ]);
    expect(w.questions[0]!.likes).toBe(4);
    expect(w.questions[1]!.answers.map((x) => x.text)).toEqual(['Et ungeråd']);
    expect(synthesisList(s, 'reflection-wall:answers', 'da')!.items.map((i) => i.label)).toEqual(['Fælles it', 'Tid til netværk', 'Et ungeråd']);
  });

  it('names every list in both languages', () => {
    expect(listCatalogue('da').map((l) => l.title)).toContain('Bør/Gør: Bør, men gør ikke');
    expect(listCatalogue('en').map((l) => l.title)).toContain('Should/Do: Should, but do not');
    expect(listCatalogue('en').map((l) => l.id)).toEqual(listCatalogue('da').map((l) => l.id));
  });
});
