import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ControlDoc, currentStep, MAX_TIMER_MINUTES, readControl } from './control.js';
import { ControlWriter, initialControl, nextTimer } from './control-writer.js';
import type { ControlState } from './control.js';

const groupName = (n: number): string => `Gruppe ${n}`;
const parse = (raw: unknown): ControlState | null => readControl(raw, { groupName }).state;
const ORIGIN = Symbol('test');

describe('readControl (network data)', () => {
  it('reads a well-formed state', () => {
    const raw = {
      title: 'T',
      locked: true,
      crossView: false,
      timer: { endsAt: 1000, remainingMs: null },
      message: { text: ' Hej ', at: 5 },
      groups: [{ number: 1, name: 'Gruppe 1', room: 'w-x-g1' }],
      moves: { '123': { toGroup: 2, at: 9 } },
      deleted: false,
    };
    expect(readControl(raw, { groupName })).toEqual({
      state: {
        title: 'T',
        locked: true,
        crossView: false,
        timer: { endsAt: 1000, remainingMs: null },
        message: { text: 'Hej', at: 5 },
        groups: [{ number: 1, name: 'Gruppe 1', room: 'w-x-g1' }],
        moves: { '123': { toGroup: 2, at: 9 } },
        deleted: false,
        steps: [],
        step: null,
        attention: null,
        pointer: null,
        lead: null,
        vote: null,
      },
      problems: [],
    });
  });

  it('is safe with anything else, and reports what it skipped', () => {
    expect(parse(null)).toBeNull();
    expect(parse({})).toBeNull();
    expect(parse([1])).toBeNull();
    const raw = { title: 5, locked: 'yes', timer: { endsAt: 'soon', remainingMs: -4 }, message: { text: '   ' }, groups: [{ number: -1 }, 'x', { number: 2 }], moves: { abc: { toGroup: 1 }, '7': { toGroup: 0 }, '8': { toGroup: 3 } }, deleted: 1 };
    const { state, problems } = readControl(raw, { groupName });
    const s = state!;
    expect(s.title).toBe('');
    expect(s.locked).toBe(false);
    expect(s.timer).toEqual({ endsAt: null, remainingMs: null });
    expect(s.message).toBeNull();
    expect(s.groups).toEqual([{ number: 2, name: 'Gruppe 2', room: '' }]);
    expect(s.moves).toEqual({ '8': { toGroup: 3, at: 0 } });
    expect(s.deleted).toBe(false);
    expect(parse({ message: { text: 'x'.repeat(10_000), at: 1 } })!.message!.text).toHaveLength(500);
    // Every bad value is reported by its field and path, without echoing its content.
    expect(problems.map((p) => p.key).sort()).toEqual(['deleted', 'groups', 'groups', 'locked', 'moves', 'moves', 'timer', 'timer', 'title']);
    expect(problems.find((p) => p.key === 'locked')!.reason).toMatch(/^locked: expected boolean/);
    expect(problems.some((p) => p.reason.startsWith('groups[0].number'))).toBe(true);
    expect(problems.some((p) => p.reason.startsWith('moves.7.toGroup'))).toBe(true);
  });

  it('skips what is past its bound and says so', () => {
    const groups = Array.from({ length: 150 }, (_, i) => ({ number: i + 1, name: `G${i + 1}`, room: `r${i + 1}` }));
    const { state, problems } = readControl({ groups }, { groupName });
    expect(state!.groups).toHaveLength(100);
    expect(problems).toEqual([{ key: 'groups', reason: 'groups: more than 100, the rest skipped' }]);
    // A running timer ignores a stale remainingMs.
    expect(parse({ timer: { endsAt: 5, remainingMs: 7 } })!.timer).toEqual({ endsAt: 5, remainingMs: null });
    // A nameless group takes the caller's name; without one, its number.
    expect(readControl({ groups: [{ number: 3, name: null }] }).state!.groups).toEqual([{ number: 3, name: '3', room: '' }]);
  });
});

describe('the run-sheet and attention (network data)', () => {
  const step = { id: 'kaedeansvar-work', part: 'kaedeansvar', kind: 'work', text: { da: 'Gør det', en: 'Do it' }, minutes: 30, tools: ['seven-themes', 'bor-gor-matrix'] };

  it('reads steps, the current step, attention, the pointer and the lead', () => {
    const raw = {
      title: 'T',
      steps: [step, { ...step, id: 'p2', minutes: null, tools: [] }],
      step: { id: 'p2', at: 7 },
      attention: { group: null, at: 8, tool: 'bor-gor-matrix' },
      pointer: { group: 2, x: 10, y: -20, at: 9 },
      lead: { group: 1, clientId: 12345, at: 10 },
    };
    const { state, problems } = readControl(raw, { groupName });
    expect(problems).toEqual([]);
    expect(state!.steps.map((s) => s.id)).toEqual(['kaedeansvar-work', 'p2']);
    expect(state!.steps[0]).toEqual(step);
    expect(state!.step).toEqual({ id: 'p2', at: 7 });
    expect(currentStep(state)!.id).toBe('p2');
    expect(state!.attention).toEqual({ group: null, at: 8, tool: 'bor-gor-matrix' });
    expect(state!.pointer).toEqual({ group: 2, x: 10, y: -20, at: 9 });
    expect(state!.lead).toEqual({ group: 1, clientId: 12345, at: 10 });
    // A current step the run-sheet does not have is no step.
    expect(currentStep({ steps: state!.steps, step: { id: 'gone', at: 1 } })).toBeNull();
  });

  it('skips a bad step, a repeated id and what is past the bound, and reports them', () => {
    const raw = {
      steps: [step, { ...step }, { ...step, id: 'bad id!' }, { ...step, id: 'x', tools: ['hammer'] }, { ...step, id: 'long', text: { da: 'x'.repeat(5000), en: '' } }],
      step: { id: 5 },
      attention: { group: 0, at: 1 },
      pointer: { group: 1, x: 'left', y: 0, at: 1 },
      lead: { group: 1, clientId: -1, at: 1 },
    };
    const { state, problems } = readControl(raw, { groupName });
    expect(state!.steps.map((s) => s.id)).toEqual(['kaedeansvar-work', 'long']);
    expect(state!.steps[1]!.text.da).toHaveLength(600);
    expect(state!.step).toBeNull();
    expect(state!.attention).toBeNull();
    expect(state!.pointer).toBeNull();
    expect(state!.lead).toBeNull();
    expect(problems.map((p) => p.key).sort()).toEqual(['attention', 'lead', 'pointer', 'step', 'steps', 'steps']);
    const many = readControl({ steps: Array.from({ length: 30 }, (_, i) => ({ ...step, id: `s${i}` })) });
    expect(many.state!.steps).toHaveLength(20);
    expect(many.problems).toEqual([{ key: 'steps', reason: 'steps: more than 20, the rest skipped' }]);
  });
});

describe('nextTimer', () => {
  const stopped = { endsAt: null, remainingMs: null };
  it('starts, adds, pauses, resumes and stops', () => {
    expect(nextTimer(stopped, { action: 'start', minutes: 5 }, 1000)).toEqual({ ok: true, value: { endsAt: 301_000, remainingMs: null } });
    expect(nextTimer({ endsAt: 10_000, remainingMs: null }, { action: 'add', minutes: 1 }, 20_000)).toEqual({ ok: true, value: { endsAt: 80_000, remainingMs: null } });
    expect(nextTimer({ endsAt: null, remainingMs: 5000 }, { action: 'add', minutes: 1 }, 0)).toEqual({ ok: true, value: { endsAt: null, remainingMs: 65_000 } });
    expect(nextTimer({ endsAt: 10_000, remainingMs: null }, { action: 'pause' }, 4000)).toEqual({ ok: true, value: { endsAt: null, remainingMs: 6000 } });
    expect(nextTimer({ endsAt: null, remainingMs: 6000 }, { action: 'resume' }, 100)).toEqual({ ok: true, value: { endsAt: 6100, remainingMs: null } });
    expect(nextTimer({ endsAt: 10_000, remainingMs: null }, { action: 'stop' }, 0)).toEqual({ ok: true, value: stopped });
  });

  it('refuses minutes out of bounds and unknown actions, never throws', () => {
    for (const minutes of [0, -1, MAX_TIMER_MINUTES + 1, Number.NaN]) {
      expect(nextTimer(stopped, { action: 'start', minutes }, 0)).toEqual({ ok: false, error: `minutes must be a number above 0 and at most ${MAX_TIMER_MINUTES}` });
    }
    expect(nextTimer(stopped, { action: 'explode' } as never, 0).ok).toBe(false);
  });
});

describe('ControlDoc and ControlWriter', () => {
  const workshop = { title: 'W', locked: false, crossView: true, groups: [{ number: 1, name: 'Gruppe 1', room: 'w-x-g1' }] };

  it('writes validated fields in one transaction with the origin, and reads them back', () => {
    const doc = new Y.Doc();
    const control = new ControlWriter(doc, { groupName });
    expect(control.state()).toBeNull();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tx: Y.Transaction) => origins.push(tx.origin));
    const reads: (ControlState | null)[] = [];
    const off = control.observe((r) => reads.push(r.state));
    control.write(initialControl(workshop), ORIGIN);
    expect(origins).toEqual([ORIGIN]);
    expect(reads).toEqual([initialControl(workshop)]);
    expect(control.read()).toEqual({ state: initialControl(workshop), problems: [] });
    off();
    control.write({ locked: true }, ORIGIN);
    expect(reads).toHaveLength(1);
    expect(control.state()!.locked).toBe(true);
    // A reader's door on the same document reads the same, and has no writes.
    const reader = new ControlDoc(doc, { groupName });
    expect(reader.state()).toEqual(control.state());
    expect('write' in reader).toBe(false);
    doc.destroy();
  });

  it('refuses a bad write, writing nothing', () => {
    const doc = new Y.Doc();
    const control = new ControlWriter(doc);
    expect(() => control.write({ locked: 'yes' } as never, ORIGIN)).toThrow(/ControlWriter.write: locked: expected boolean/);
    expect(() => control.write({ title: 'ok', groups: [{ number: 0, name: 'x', room: 'y' }] }, ORIGIN)).toThrow(/groups\[0\]\.number/);
    expect(() => control.write({ nonsense: 1 } as never, ORIGIN)).toThrow(/unknown field nonsense/);
    expect(control.state()).toBeNull();
    doc.destroy();
  });

  it('sets the timer from its current value and leaves it on a bad request', () => {
    const doc = new Y.Doc();
    const control = new ControlWriter(doc);
    control.write(initialControl(workshop), ORIGIN);
    expect(control.setTimer({ action: 'start', minutes: 1 }, 1000, ORIGIN)).toEqual({ ok: true, value: { endsAt: 61_000, remainingMs: null } });
    expect(control.setTimer({ action: 'add', minutes: 999 }, 2000, ORIGIN).ok).toBe(false);
    expect(control.setTimer({ action: 'pause' }, 31_000, ORIGIN)).toEqual({ ok: true, value: { endsAt: null, remainingMs: 30_000 } });
    expect(control.state()!.timer).toEqual({ endsAt: null, remainingMs: 30_000 });
    doc.destroy();
  });

  it('records a move and hands it out once', () => {
    const doc = new Y.Doc();
    const control = new ControlWriter(doc);
    control.write(initialControl(workshop), ORIGIN);
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tx: Y.Transaction) => origins.push(tx.origin));
    control.requestMove(77, 2, 5, ORIGIN);
    expect(control.state()!.moves).toEqual({ '77': { toGroup: 2, at: 5 } });
    expect(control.takeMove(78, ORIGIN)).toBeUndefined();
    expect(control.takeMove(77, ORIGIN)).toEqual({ toGroup: 2 });
    expect(control.takeMove(77, ORIGIN)).toBeUndefined();
    expect(control.state()!.moves).toEqual({});
    expect(origins.every((o) => o === ORIGIN)).toBe(true);
    doc.destroy();
  });

  it('keeps the run-sheet, moves to a step (starting its minutes) and keeps the current step through edits', () => {
    const doc = new Y.Doc();
    const control = new ControlWriter(doc);
    const steps = [
      { id: 'a', part: 'kaedeansvar', kind: 'work', text: { da: 'A', en: 'A' }, minutes: 30, tools: ['seven-themes' as const] },
      { id: 'b', part: 'kaedeansvar', kind: 'plenum', text: { da: 'B', en: 'B' }, minutes: null, tools: ['bor-gor-matrix' as const] },
    ];
    control.write(initialControl(workshop, steps, 100), ORIGIN);
    expect(control.state()!.step).toEqual({ id: 'a', at: 100 });
    control.write({ pointer: { group: 1, x: 1, y: 2, at: 3 }, attention: { group: null, at: 3, tool: 'seven-themes' } }, ORIGIN);
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tx: Y.Transaction) => origins.push(tx.origin));
    expect(control.goToStep('b', 5000, ORIGIN)!.id).toBe('b');
    expect(origins).toEqual([ORIGIN]);
    // A new step leaves the last step's pointer and attention behind; no minutes, no timer.
    expect(control.state()).toMatchObject({ step: { id: 'b', at: 5000 }, pointer: null, attention: null, timer: { endsAt: null } });
    expect(control.goToStep('a', 6000, ORIGIN)!.minutes).toBe(30);
    expect(control.state()!.timer).toEqual({ endsAt: 6000 + 30 * 60_000, remainingMs: null });
    expect(control.goToStep('nope', 7000, ORIGIN)).toBeNull();
    expect(control.state()!.step).toEqual({ id: 'a', at: 6000 });
    // Editing keeps the current step (and its time: boards do not move for an edit).
    control.setSteps([{ ...steps[0]!, text: { da: 'Ny', en: 'New' } }, steps[1]!], ORIGIN);
    expect(control.state()!.step).toEqual({ id: 'a', at: 6000 });
    expect(control.state()!.steps[0]!.text.da).toBe('Ny');
    // A run-sheet without the current step starts at its first.
    control.setSteps([steps[1]!], ORIGIN);
    expect(control.state()!.step).toEqual({ id: 'b', at: 6000 });
    expect(() => control.setSteps([steps[1]!, steps[1]!], ORIGIN)).toThrow(/two steps have the same id/);
    expect(() => control.write({ lead: { group: 0, clientId: 1, at: 1 } }, ORIGIN)).toThrow(/lead.group/);
    doc.destroy();
  });
  it('carries the current vote as a signal only (no dots, no totals); a bad one reads as none', () => {
    const doc = new Y.Doc();
    const control = new ControlWriter(doc);
    control.write({ vote: { id: 'V1234567890abcde', open: true, revealed: false, at: 7 } }, ORIGIN);
    expect(control.state()!.vote).toEqual({ id: 'V1234567890abcde', open: true, revealed: false, at: 7 });
    expect(() => control.write({ vote: { id: 'bad id!', open: true, revealed: false, at: 1 } }, ORIGIN)).toThrow(/vote.id/);
    const { state, problems } = readControl({ title: 'T', vote: { id: 'V1', open: 'yes', totals: [3, 4] } });
    expect(state!.vote).toBeNull();
    expect(problems.map((p) => p.key)).toEqual(['vote']);
    doc.destroy();
  });
});
