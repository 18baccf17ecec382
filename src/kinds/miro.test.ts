/**
 * The kinds' Miro facets in their own, neutral terms (no SDK, no scale): what a kind plans, it
 * reads back.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_DECK } from '../content/competences.js';
import { CRITERIA } from '../content/criteria.js';
import type { Rect } from '../layout/rect.js';
import { Board } from '../model/index.js';
import type { NoteColor, WidgetType } from '../model/index.js';
import type { MatrixRecords } from './bor-gor-matrix/miro.js';
import { FULL_KINDS } from './full.js';
import type { MiroCanvas, MiroItem, MiroMapping, MiroText, PlacedMiroItem } from './miro.js';

const borGorMatrix = FULL_KINDS['bor-gor-matrix'];

interface Drawn {
  key: string;
  type: MiroItem['type'];
  rect: Rect;
  text: string;
  color: NoteColor;
}

/** A canvas that keeps what a kind draws, and its items as Miro would hand them back unmoved. */
class RecordingCanvas implements MiroCanvas {
  readonly drawn: Drawn[] = [];
  #add(key: string, type: MiroItem['type'], rect: Rect, text: MiroText | string, color: NoteColor = 'yellow'): void {
    const plain = typeof text === 'string' ? text : text.paragraphs.map((p) => p.text).join('\n');
    this.drawn.push({ key, type, rect, text: plain, color });
  }
  shape(key: string, _role: 'background' | 'content', rect: Rect, text: MiroText): void {
    this.#add(key, 'shape', rect, text);
  }
  text(key: string, rect: Rect, text: MiroText): void {
    this.#add(key, 'text', rect, text);
  }
  sticky(key: string, rect: Rect, text: MiroText, color: NoteColor): void {
    this.#add(key, 'sticky', rect, text, color);
  }
  card(key: string, rect: Rect, title: string): void {
    this.#add(key, 'card', rect, title);
  }
  /** The drawn items as Miro hands them back unmoved, each with its key (the app's metadata). */
  placed(): PlacedMiroItem[] {
    return this.drawn.map(({ key, type, rect, text, color }) => ({ key, type, text, color, at: { x: rect.x + rect.w / 2, y: rect.y + rect.h / 2 }, size: { w: rect.w, h: rect.h } }));
  }
}

/** A placed item moved to `rect` (the group dragged or resized it). */
const at = (item: PlacedMiroItem, rect: Rect): PlacedMiroItem => ({ ...item, at: { x: rect.x + rect.w / 2, y: rect.y + rect.h / 2 }, size: { w: rect.w, h: rect.h } });
const note = (text: string, x: number, y: number): PlacedMiroItem => ({ type: 'sticky', text, color: 'yellow', at: { x, y }, size: { w: 40, h: 26 } });
const byKey = (items: readonly PlacedMiroItem[], key: string): PlacedMiroItem => {
  const hit = items.find((i) => i.key === key);
  if (hit === undefined) throw new Error(`no ${key}`);
  return hit;
};

function mapping(type: WidgetType): MiroMapping {
  const m = FULL_KINDS[type].miro;
  if (m === undefined) throw new Error(`${type} has no Miro mapping`);
  return m;
}

describe('the kinds’ Miro facets', () => {
  it.each(['seven-themes', 'bor-gor-matrix', 'competence-profile'] as const)('%s: keys are unique and every item lies inside the kind size', (type) => {
    const canvas = new RecordingCanvas();
    mapping(type).plan(canvas, { locale: 'en' });
    const { w, h } = FULL_KINDS[type].size;
    expect(new Set(canvas.drawn.map((d) => d.key)).size).toBe(canvas.drawn.length);
    for (const d of canvas.drawn) expect(d.rect.x >= 0 && d.rect.y >= 0 && d.rect.x + d.rect.w <= w && d.rect.y + d.rect.h <= h, d.key).toBe(true);
    expect(mapping(type).recognizes(canvas.placed())).toBe(true);
  });

  it('the matrix reads back the notes it planned: field, order, criterion tag and colour', () => {
    const canvas = new RecordingCanvas();
    const notes = [
      { field: 'bor-gor', text: 'Fælles møder', criterion: 1, color: 'green' },
      { field: 'bor-gor', text: 'Ungeråd' },
      { field: 'hverken', text: 'Blinde vinkler', criterion: 0, color: 'pink' },
    ] as const;
    borGorMatrix.miro.plan(canvas, { locale: 'da', notes });
    const { records, unplaced } = borGorMatrix.miro.readBack(canvas.placed(), {});
    expect(unplaced).toEqual([]);
    expect(records).toEqual({
      notes: [
        { field: 'bor-gor', text: 'Fælles møder', criterion: 1, color: 'green', order: 1 },
        { field: 'bor-gor', text: 'Ungeråd', criterion: 0, color: 'yellow', order: 2 },
        { field: 'hverken', text: 'Blinde vinkler', criterion: 0, color: 'pink', order: 1 },
      ],
    });
    expect(borGorMatrix.miro.count(records)).toBe(3);
  });

  it('the profile reads back its deck in the generic columns, each card with its deck key', () => {
    const canvas = new RecordingCanvas();
    mapping('competence-profile').plan(canvas, { locale: 'en' });
    const { records, unplaced } = mapping('competence-profile').readBack(canvas.placed(), {});
    expect(unplaced).toEqual([]);
    const cards = (records as { cards: { area: string; column: string; deckKey: string }[] }).cards;
    expect(cards.map((c) => c.deckKey).sort()).toEqual(DEFAULT_DECK.map((c) => c.key).sort());
    for (const c of cards) expect([c.area, c.column]).toEqual(['generic', DEFAULT_DECK.find((d) => d.key === c.deckKey)?.column]);
  });

  it('the puzzle reads back its seven pieces, and nothing skipped', () => {
    const canvas = new RecordingCanvas();
    mapping('seven-themes').plan(canvas, { locale: 'da' });
    expect(mapping('seven-themes').readBack(canvas.placed(), {})).toEqual({ records: { pieces: CRITERIA.map((c) => c.number), notes: [] }, unplaced: [] });
  });
});

describe('read-back where the fields really are', () => {
  it('the matrix: two fields swapped and one grown, notes follow the field shapes; a note on none is unplaced', () => {
    const canvas = new RecordingCanvas();
    borGorMatrix.miro.plan(canvas, { locale: 'da' });
    const items = canvas.placed();
    const a = byKey(items, 'field-bor-gor');
    const b = byKey(items, 'field-hverken');
    const aRect = { x: a.at.x - a.size!.w / 2, y: a.at.y - a.size!.h / 2, w: a.size!.w, h: a.size!.h };
    const bRect = { x: b.at.x - b.size!.w / 2, y: b.at.y - b.size!.h / 2, w: b.size!.w, h: b.size!.h };
    // The group moved "bør og gør" to where "hverken" was, and "hverken" off to the right, half as big again.
    const grown = { x: 1100, y: 40, w: aRect.w * 1.5, h: aRect.h * 1.5 };
    const moved = items.map((i) => (i.key === a.key ? at(i, bRect) : i.key === b.key ? at(i, grown) : i));
    const notes = [note('Øverst', grown.x + 20, grown.y + 20), note('I det nye stykke', grown.x + grown.w - 10, grown.y + grown.h - 10), note('Nederst', bRect.x + 30, bRect.y + 30), note('Udenfor', -50, -50)];
    const { records, unplaced } = borGorMatrix.miro.readBack([...moved, ...notes], {});
    expect((records as MatrixRecords).notes.map((n) => [n.field, n.text])).toEqual([
      ['bor-gor', 'Nederst'],
      ['hverken', 'Øverst'],
      ['hverken', 'I det nye stykke'],
    ]);
    expect(unplaced.map((u) => u.text)).toEqual(['Udenfor']);
  });

  it('the matrix without keys (a frame from before metadata) finds its fields by title', () => {
    const canvas = new RecordingCanvas();
    borGorMatrix.miro.plan(canvas, { locale: 'en' });
    const items = canvas.placed().map(({ key: _key, ...rest }) => rest);
    const field = items.find((i) => i.type === 'shape' && i.text.startsWith('Should not and do not'))!;
    const shifted = items.map((i) => (i === field ? { ...i, at: { x: i.at.x + 500, y: i.at.y } } : i));
    const { records } = borGorMatrix.miro.readBack([...shifted, note('Flyttet med', field.at.x + 500, field.at.y)], {});
    expect((records as MatrixRecords).notes.map((n) => n.field)).toEqual(['hverken']);
  });

  it('the profile: the local area moved and shrunk, a card keeps the column at its relative place', () => {
    const canvas = new RecordingCanvas();
    mapping('competence-profile').plan(canvas, { locale: 'da' });
    const items = canvas.placed().filter((i) => i.type !== 'card');
    const local = byKey(items, 'area-local');
    const r = { x: 2000, y: 100, w: local.size!.w / 2, h: local.size!.h / 2 };
    const moved = items.map((i) => (i.key === 'area-local' ? at(i, r) : i));
    // A card at five sixths of its width lies in the third column (færdigheder).
    const card: PlacedMiroItem = { type: 'card', text: 'Egen viden', color: 'yellow', at: { x: r.x + (r.w * 5) / 6, y: r.y + r.h * 0.6 } };
    const { records, unplaced } = mapping('competence-profile').readBack([...moved, card], {});
    expect(unplaced).toEqual([]);
    expect((records as { cards: { area: string; column: string; text: string }[] }).cards.map((c) => [c.area, c.column, c.text])).toEqual([['local', 'faerdigheder', 'Egen viden']]);
  });

  it('the puzzle: a note on a moved piece is a note on that criterion', () => {
    const canvas = new RecordingCanvas();
    mapping('seven-themes').plan(canvas, { locale: 'da' });
    const items = canvas.placed();
    const moved = items.map((i) => (i.key === 'piece-5' ? at(i, { x: 1500, y: 900, w: 100, h: 100 }) : i));
    const { records } = mapping('seven-themes').readBack([...moved, note('Flyttet brik', 1550, 950)], {});
    expect((records as { notes: unknown[] }).notes).toEqual([{ criterion: 5, text: 'Flyttet brik' }]);
  });
});

describe('a kaedeboard board placed into Miro and read back', () => {
  function boardWith<T extends 'seven-themes' | 'bor-gor-matrix' | 'competence-profile'>(type: T, records: object): { board: Board; id: string } {
    const board = new Board(new Y.Doc());
    const id = board.create('widget', { props: { widget: type } }, 'test');
    mapping(type).write(board, id, records, 'test');
    return { board, id };
  }

  it.each([
    ['bor-gor-matrix', { notes: [{ field: 'bor-ikke-gor', text: 'Møder', criterion: 2, color: 'blue', order: 1 }, { field: 'hverken', text: 'Andet', criterion: 0, color: 'yellow', order: 1 }] }],
    [
      'competence-profile',
      {
        cards: [
          { area: 'local', column: 'viden', text: 'Vores egen', textEn: '', deckKey: '', order: 1 },
          { area: 'generic', column: 'kompetencer', text: DEFAULT_DECK[3]!.text.da, textEn: DEFAULT_DECK[3]!.text.en, deckKey: DEFAULT_DECK[3]!.key, order: 1 },
        ],
      },
    ],
    ['seven-themes', { pieces: CRITERIA.map((c) => c.number), notes: [{ criterion: 2, text: 'Forpligtelse' }, { criterion: 7, text: 'Evaluering' }] }],
  ] as const)('%s: its content places and reads back as the same records', (type, records) => {
    const { board, id } = boardWith(type, records);
    const canvas = new RecordingCanvas();
    const content = mapping(type).contentOf(board, id);
    mapping(type).plan(canvas, { locale: 'da', ...content });
    const back = mapping(type).readBack(canvas.placed(), content);
    expect(back.unplaced).toEqual([]);
    expect(back.records).toEqual(records);
    expect(mapping(type).tally(back.records, 'en').reduce((n, t) => n + t.count, 0)).toBe(mapping(type).count(back.records));
  });

  it('the matrix tallies its notes per field, in the panel’s language', () => {
    expect(mapping('bor-gor-matrix').tally({ notes: [{ field: 'hverken', text: 'x', criterion: 0, color: 'yellow', order: 1 }] }, 'en').map((t) => t.count)).toEqual([0, 0, 0, 1]);
  });
});
