/**
 * The kinds' Miro facets in their own, neutral terms (no SDK, no scale): what a kind plans, it
 * reads back.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DECK } from '../content/competences.js';
import { CRITERIA } from '../content/criteria.js';
import type { Rect } from '../layout/rect.js';
import type { NoteColor, WidgetType } from '../model/index.js';
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
  placed(): PlacedMiroItem[] {
    return this.drawn.map(({ type, rect, text, color }) => ({ type, text, color, at: { x: rect.x + rect.w / 2, y: rect.y + rect.h / 2 }, size: { w: rect.w, h: rect.h } }));
  }
}

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
    const { records, skipped } = borGorMatrix.miro.readBack(canvas.placed(), {});
    expect(skipped).toBe(0);
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
    const { records, skipped } = mapping('competence-profile').readBack(canvas.placed(), {});
    expect(skipped).toBe(0);
    const cards = (records as { cards: { area: string; column: string; deckKey: string }[] }).cards;
    expect(cards.map((c) => c.deckKey).sort()).toEqual(DEFAULT_DECK.map((c) => c.key).sort());
    for (const c of cards) expect([c.area, c.column]).toEqual(['generic', DEFAULT_DECK.find((d) => d.key === c.deckKey)?.column]);
  });

  it('the puzzle reads back its seven pieces, and nothing skipped', () => {
    const canvas = new RecordingCanvas();
    mapping('seven-themes').plan(canvas, { locale: 'da' });
    expect(mapping('seven-themes').readBack(canvas.placed(), {})).toEqual({ records: { pieces: CRITERIA.map((c) => c.number), notes: [] }, skipped: 0 });
  });
});
