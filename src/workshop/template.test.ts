import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from '../model/index.js';
import { placeWorkshop } from './template.js';

describe('workshop template', () => {
  it('places one frame per part with its widgets inside, seeded, in one transaction', () => {
    const board = new Board(new Y.Doc());
    let transactions = 0;
    board.observe(() => transactions++);
    placeWorkshop(board, { title: 'KUI Vest', parts: ['kaedeansvar', 'kontaktperson'], locale: 'da' }, 'server');
    expect(transactions).toBe(1);
    const items = board.read().items;
    const frames = items.filter((i) => i.kind === 'frame');
    const widgets = items.filter((i): i is Extract<typeof i, { kind: 'widget' }> => i.kind === 'widget');
    expect(frames.map((f) => (f.props as { title: string }).title)).toEqual(['Del 1: Kædeansvar', 'Del 2: Kontaktperson+']);
    expect(widgets.map((w) => w.props.widget).sort()).toEqual(['bor-gor-matrix', 'competence-profile', 'reflection-wall', 'seven-themes']);
    for (const w of widgets) {
      const f = frames.find((fr) => fr.id === w.geometry.parent)!;
      expect(w.geometry.x).toBeGreaterThanOrEqual(f.geometry.x);
      expect(w.geometry.x + w.geometry.w).toBeLessThanOrEqual(f.geometry.x + f.geometry.w);
      expect(w.geometry.y + w.geometry.h).toBeLessThanOrEqual(f.geometry.y + f.geometry.h);
    }
    const profile = widgets.find((w) => w.props.widget === 'competence-profile')!;
    expect(board.owned(profile.id, 'competence-card')).toHaveLength(20);
    expect(board.meta()).toMatchObject({ title: 'KUI Vest', placedWidgets: expect.arrayContaining(['seven-themes', 'reflection-wall']) });
  });

  it('does not place a part twice', () => {
    const board = new Board(new Y.Doc());
    placeWorkshop(board, { title: 'x', parts: ['kontaktperson'], locale: 'en' }, 'server');
    placeWorkshop(board, { title: 'x', parts: ['kontaktperson'], locale: 'en' }, 'server');
    expect(board.read().items.filter((i) => i.kind === 'widget')).toHaveLength(2);
    expect(board.read().items.filter((i) => i.kind === 'frame').map((f) => (f.props as { title: string }).title)).toEqual(['Part 2: Contact person+']);
  });
});
