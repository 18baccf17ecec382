import { describe, expect, it } from 'vitest';
import { kindsOfPart } from '../kinds/index.js';
import { readControl } from '../model/control.js';
import { PARTS } from './parts.js';
import { defaultSteps, editStep, stepBeside } from './run-sheet.js';

describe('the run-sheet', () => {
  it('has the module’s steps per chosen part, in order, each about tools of its own part', () => {
    expect(defaultSteps(['kaedeansvar']).map((s) => s.id)).toEqual(['kaedeansvar-work', 'kaedeansvar-plenum']);
    expect(defaultSteps(['kontaktperson']).map((s) => s.kind)).toEqual(['profile', 'wall', 'plenum']);
    const both = defaultSteps(PARTS);
    expect(both.map((s) => s.id)).toEqual(['kaedeansvar-work', 'kaedeansvar-plenum', 'kontaktperson-profile', 'kontaktperson-wall', 'kontaktperson-plenum']);
    for (const s of both) {
      // Every tool a step is about is placed on a new board of that part.
      const placed = kindsOfPart(s.part as (typeof PARTS)[number]).map((k) => k.type);
      expect(s.tools.length).toBeGreaterThan(0);
      for (const tool of s.tools) expect(placed).toContain(tool);
      expect(s.text.da.length).toBeGreaterThan(20);
      expect(s.text.en.length).toBeGreaterThan(20);
      expect(s.minutes).toBeGreaterThan(0);
    }
    // The group work comes before the summing-up, and the puzzle is the first tool of part 1.
    expect(both[0]!.tools).toEqual(['seven-themes', 'bor-gor-matrix']);
    // What it writes reads back unchanged from the control document.
    const read = readControl({ title: 'x', steps: both });
    expect(read.problems).toEqual([]);
    expect(read.state!.steps).toEqual(both);
  });

  it('finds the step before and after, and edits one step', () => {
    const steps = defaultSteps(PARTS);
    expect(stepBeside(steps, null, 1)!.id).toBe('kaedeansvar-work');
    expect(stepBeside(steps, 'kaedeansvar-work', 1)!.id).toBe('kaedeansvar-plenum');
    expect(stepBeside(steps, 'kaedeansvar-work', -1)).toBeNull();
    expect(stepBeside(steps, 'kontaktperson-plenum', 1)).toBeNull();
    const edited = editStep(steps, 'kontaktperson-wall', { text: { da: 'Skriv på væggen', en: steps[3]!.text.en }, minutes: null });
    expect(edited[3]).toMatchObject({ text: { da: 'Skriv på væggen' }, minutes: null, tools: ['reflection-wall'] });
    expect(edited.filter((s, i) => s !== steps[i])).toHaveLength(1);
    expect(editStep(steps, 'nope', { minutes: 3 })).toEqual(steps);
  });
});
