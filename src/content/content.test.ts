import { describe, expect, it } from 'vitest';
import { COMPETENCE_COLUMNS, DEFAULT_DECK, DeckError, parseDeck } from './competences.js';
import { CRITERIA } from './criteria.js';
import { MATRIX_FIELDS } from './matrix.js';
import { DEFAULT_REFLECTIONS } from './reflections.js';

describe('workshop content', () => {
  it('has the seven criteria numbered 1 to 7 with the seed names', () => {
    expect(CRITERIA.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(CRITERIA.map((c) => c.name.da)).toEqual([
      'Internt og eksternt samarbejde',
      'Forpligtelse',
      'Formalisering af processer',
      'Ungeinddragelse',
      'Ledelsesansvar',
      'Fagprofessionelle tilgange',
      'Rammer og ressourcer',
    ]);
  });

  it('has a 2x2 matrix with one question per field, in both languages', () => {
    expect(MATRIX_FIELDS).toHaveLength(4);
    expect(new Set(MATRIX_FIELDS.map((f) => `${f.should}/${f.does}`)).size).toBe(4);
    for (const f of MATRIX_FIELDS) expect(f.question.da && f.question.en).toBeTruthy();
  });

  it('has the generic deck: 6 Viden, 8 Kompetencer, 6 Færdigheder, unique keys', () => {
    const per = COMPETENCE_COLUMNS.map((c) => DEFAULT_DECK.filter((d) => d.column === c).length);
    expect(per).toEqual([6, 8, 6]);
    expect(new Set(DEFAULT_DECK.map((d) => d.key)).size).toBe(DEFAULT_DECK.length);
    expect(DEFAULT_REFLECTIONS.length).toBeGreaterThanOrEqual(3);
  });

  it('parses a facilitator deck and refuses bad ones with a reason', () => {
    const deck = parseDeck([
      { column: 'viden', text: 'Kende lokale tilbud' },
      { column: 'kompetencer', text: { da: 'Lede møder', en: 'Chair meetings' }, key: 'k-møder'.replace('ø', 'o') },
    ]);
    expect(deck).toEqual([
      { key: 'viden-1', column: 'viden', text: { da: 'Kende lokale tilbud', en: 'Kende lokale tilbud' } },
      { key: 'k-moder', column: 'kompetencer', text: { da: 'Lede møder', en: 'Chair meetings' } },
    ]);
    expect(() => parseDeck({})).toThrow(DeckError);
    expect(() => parseDeck([])).toThrow(/1 to 200/);
    expect(() => parseDeck([{ column: 'x', text: 'a' }])).toThrow(/card 1: column/);
    expect(() => parseDeck([{ column: 'viden', text: '' }])).toThrow(/card 1: text/);
    expect(() => parseDeck([{ column: 'viden', text: 'a', key: 'k' }, { column: 'viden', text: 'b', key: 'k' }])).toThrow(/duplicate key/);
  });
});
