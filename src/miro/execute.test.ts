import { afterEach, describe, expect, it, vi } from 'vitest';
import { overlaps } from '../layout/rect.js';
import type { Rect } from '../layout/rect.js';
import { describeFailure, executePlan } from './execute.js';
import { CREDIT_COST, CreditLimiter } from './limiter.js';
import { META_KEY } from './metadata.js';
import { MIRO_WIDGETS, planWidget } from './place.js';
import { miroBoard } from './sdk.js';
import { FakeMiroBoard, ManualClock } from './test-fake-miro.js';
import type { FakeItem } from './test-fake-miro.js';

const AT = { x: 250, y: 120 };

const METHOD = { frame: 'createFrame', shape: 'createShape', text: 'createText', sticky_note: 'createStickyNote', card: 'createCard' } as const;

function setup(options: ConstructorParameters<typeof FakeMiroBoard>[0] = {}, perMinute?: number) {
  const clock = new ManualClock();
  const board = new FakeMiroBoard({ clock, ...options });
  const limiter = new CreditLimiter({ clock, ...(perMinute === undefined ? {} : { perMinute }) });
  return { clock, board, limiter };
}

/** A child's bounds on the board, from the fake's state (relative to its frame). */
function bounds(item: FakeItem): Rect {
  // A text turned a quarter is laid out along its height.
  const turned = item.rotation === 90 || item.rotation === 270;
  const [w, h] = turned ? [item.height, item.width] : [item.width, item.height];
  return { x: item.x - w / 2, y: item.y - h / 2, w, h };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('executePlan', () => {
  for (const widget of MIRO_WIDGETS) {
    for (const locale of ['da', 'en'] as const) {
      it(`dropping ${widget} (${locale}) creates the planned items inside a frame, in order, with progress`, async () => {
        const { board, limiter } = setup();
        const plan = planWidget(widget, AT, { locale });
        const progress: string[] = [];
        const result = await executePlan(plan, board, { limiter, onProgress: (done, total) => progress.push(`${done} / ${total}`) });
        expect(result.ok).toBe(true);
        const total = plan.items.length;
        expect(progress).toEqual(plan.items.map((_, i) => `${i + 1} / ${total}`));
        // One create call per planned item, of the planned type, with the planned props.
        expect(board.creations().map((c) => c.method)).toEqual(plan.items.map((i) => METHOD[i.type]));
        expect(board.creations().map((c) => c.args[0])).toEqual(plan.items.map((i) => i.props));
        // Every child was added to the frame and lies inside it.
        const frame = [...board.items.values()].find((i) => i.type === 'frame') as FakeItem;
        expect(frame.title).toBe(plan.title);
        expect(frame.childrenIds).toHaveLength(total - 1);
        const children = [...board.items.values()].filter((i) => i.parentId === frame.id);
        expect(children).toHaveLength(total - 1);
        for (const c of children) {
          expect(c.relativeTo).toBe('parent_top_left');
          const b = bounds(c);
          expect(b.x).toBeGreaterThanOrEqual(-0.01);
          expect(b.y).toBeGreaterThanOrEqual(-0.01);
          expect(b.x + b.w).toBeLessThanOrEqual(frame.width + 0.01);
          if (c.type !== 'text') expect(b.y + b.h).toBeLessThanOrEqual(frame.height + 0.01);
        }
        // Every item carries the app's metadata: the widget and its planned key; the frame is no longer 'placing'.
        expect(frame.meta[META_KEY]).toEqual({ v: 1, widget, key: 'frame', locale });
        expect(children.map((c) => c.meta[META_KEY])).toEqual(plan.items.slice(1).map((i) => ({ v: 1, widget, key: i.key })));
        // No two placed sticky notes or cards overlap on the board.
        const solid = children.filter((c) => c.type === 'sticky_note' || c.type === 'card' || (c.type === 'shape' && c.shape === 'round_rectangle'));
        for (const [i, a] of solid.entries()) for (const b of solid.slice(i + 1)) expect(overlaps(bounds(a), bounds(b))).toBe(false);
      });
    }
  }

  it('works against the global `miro` (the SDK typed port), e.g. a matrix with notes at the drop point', async () => {
    const fake = new FakeMiroBoard();
    vi.stubGlobal('miro', { board: fake });
    const plan = planWidget('bor-gor-matrix', { x: -3000, y: 800 }, { locale: 'en', notes: [{ field: 'hverken', text: 'Nobody asks the young people', criterion: 4 }] });
    const result = await executePlan(plan, miroBoard(), { limiter: new CreditLimiter({ clock: new ManualClock() }) });
    expect(result.ok).toBe(true);
    const note = [...fake.items.values()].find((i) => i.type === 'sticky_note');
    expect(note?.content).toBe('<p>4 · Nobody asks the young people</p>');
    const frame = [...fake.items.values()].find((i) => i.type === 'frame');
    expect(frame).toMatchObject({ x: -3000, y: 800, title: 'Should/Do matrix' });
  });

  it('paces its calls to the per-minute credit budget (injected clock)', async () => {
    // A budget of 500 credits a minute: ten calls of 50.
    const { clock, board, limiter } = setup({}, 500);
    const plan = planWidget('seven-themes', AT, { locale: 'da' });
    const result = await executePlan(plan, board, { limiter });
    expect(result.ok).toBe(true);
    const calls = board.calls;
    // The frame (created, tagged 'placing', untagged at the end), each child created, added and tagged.
    expect(calls).toHaveLength(3 + 3 * (plan.items.length - 1));
    for (const call of calls) {
      const inWindow = calls.filter((c) => c.at > call.at - 60_000 && c.at <= call.at);
      expect(inWindow.length * CREDIT_COST.item).toBeLessThanOrEqual(500);
    }
    // 30 calls at ten a minute take a little over two minutes, and no longer than needed.
    expect(clock.t).toBeGreaterThanOrEqual(120_000);
    expect(clock.t).toBeLessThan(180_000);
  });

  it('the default budget leaves room: a whole competence profile goes out without waiting', async () => {
    const { clock, board, limiter } = setup();
    const result = await executePlan(planWidget('competence-profile', AT, { locale: 'da' }), board, { limiter });
    expect(result.ok).toBe(true);
    expect(clock.sleeps).toEqual([]);
    expect(limiter.used(60_000)).toBe(board.calls.length * CREDIT_COST.item);
  });

  it('a failing create stops the run, says what failed, and removes what was made', async () => {
    const { board, limiter } = setup({ failOnCreate: 6 });
    const plan = planWidget('competence-profile', AT, { locale: 'da' });
    const rollbacks: number[] = [];
    const result = await executePlan(plan, board, { limiter, onRollback: () => rollbacks.push(1) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failed.index).toBe(5);
    expect(result.failed.item).toBe(plan.items[5]);
    expect(result.failed.reason).toBe('fake: create #6 refused');
    expect(result).toMatchObject({ done: 5, total: plan.items.length, removed: 5, left: [] });
    expect(rollbacks).toEqual([1]);
    // No call after the failure but removals, newest first, the frame last.
    const failing = board.creations()[5];
    expect(failing?.args[0]).toBe(plan.items[5]?.props);
    const after = board.calls.slice(board.calls.indexOf(failing as (typeof board.calls)[number]) + 1);
    expect(after.every((c) => c.method === 'remove')).toBe(true);
    expect(after.map((c) => c.args[0])).toEqual(['i5', 'i4', 'i3', 'i2', 'i1']);
    expect(board.items.size).toBe(0);
    const message = describeFailure(result, 'da');
    expect(message).toContain(`Kunne ikke oprette ${plan.items[5]?.label} (5 / ${plan.items.length}): fake: create #6 refused`);
    expect(message).toContain('Alt det oprettede er fjernet igen.');
    expect(describeFailure(result, 'en')).toContain('Everything created has been removed again.');
  });

  it('when removal fails too, it reports what was left on the board', async () => {
    const { board, limiter } = setup({ failOnCreate: 4, failRemove: (id) => id === 'i1' || id === 'i3' });
    const plan = planWidget('seven-themes', AT, { locale: 'en' });
    const result = await executePlan(plan, board, { limiter });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.removed).toBe(1);
    expect(result.left.map((l) => l.id)).toEqual(['i1', 'i3']);
    expect([...board.items.keys()].sort()).toEqual(['i1', 'i3']);
    const message = describeFailure(result, 'en');
    expect(message).toContain(`Could not create ${plan.items[3]?.label} (3 / ${plan.items.length})`);
    expect(message).toContain(`These 2 items could not be removed and are still on the board: ${plan.items[0]?.label} (id i1); ${plan.items[2]?.label} (id i3)`);
  });

  it('asked to stop, it stops before the next item and removes what it made', async () => {
    const { board, limiter } = setup();
    const plan = planWidget('bor-gor-matrix', AT, { locale: 'en' });
    let made = 0;
    const result = await executePlan(plan, board, { limiter, onProgress: (done) => (made = done), shouldStop: () => made >= 3 });
    expect(result).toMatchObject({ ok: false, stopped: true, done: 3, removed: 3, left: [] });
    expect(board.items.size).toBe(0);
    if (!result.ok) expect(describeFailure(result, 'en')).toBe(`The placing was stopped at 3 / ${plan.items.length}. Everything created has been removed again.`);
  });

  it('when every call fails from the frame’s tag on (the connection dropped), it says the frame is left', async () => {
    const { board, limiter } = setup({ failFromCall: 2 });
    const plan = planWidget('seven-themes', AT, { locale: 'da' });
    const result = await executePlan(plan, board, { limiter });
    expect(result).toMatchObject({ ok: false, done: 0, removed: 0 });
    if (result.ok) return;
    expect(result.left.map((l) => l.item.key)).toEqual(['frame']);
    expect(describeFailure(result, 'da')).toContain('ligger stadig på tavlen: rammen «De syv kvalitetskriterier» (id i1)');
  });

  it('Miro refuses calls past its per-minute credits; the limiter keeps under them', async () => {
    // Miro's limit scaled down: 2,000 credits a minute (40 calls).
    const fast = setup({ perMinute: 2000 }, 4000);
    const refused = await executePlan(planWidget('competence-profile', AT, { locale: 'da' }), fast.board, { limiter: fast.limiter });
    expect(refused).toMatchObject({ ok: false, failed: { reason: 'fake: rate limit exceeded (credits per minute)' } });
    const paced = setup({ perMinute: 2000 }, 2000);
    const placed = await executePlan(planWidget('competence-profile', AT, { locale: 'da' }), paced.board, { limiter: paced.limiter });
    expect(placed.ok).toBe(true);
    expect(paced.board.creditsLastMinute()).toBeLessThanOrEqual(2000);
  });

  it('a failing frame leaves nothing to remove', async () => {
    const { board, limiter } = setup({ failOnCreate: 1 });
    const result = await executePlan(planWidget('bor-gor-matrix', AT, { locale: 'da' }), board, { limiter });
    expect(result).toMatchObject({ ok: false, done: 0, removed: 0, left: [] });
    expect(board.calls.map((c) => c.method)).toEqual(['createFrame']);
  });
});

describe('CreditLimiter', () => {
  it('keeps every 60 s window and every hour within budget', async () => {
    const clock = new ManualClock();
    const limiter = new CreditLimiter({ perMinute: 200, perHour: 1000, clock });
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      await limiter.take(50);
      times.push(clock.t);
      clock.t += 1000;
    }
    for (const t of times) {
      expect(times.filter((x) => x > t - 60_000 && x <= t).length * 50).toBeLessThanOrEqual(200);
      expect(times.filter((x) => x > t - 3_600_000 && x <= t).length * 50).toBeLessThanOrEqual(1000);
    }
    // The 21st call waits for the hour budget.
    expect(times[20]).toBeGreaterThanOrEqual(3_600_000);
  });

  it('refuses a call that can never fit', async () => {
    await expect(new CreditLimiter({ perMinute: 100, clock: new ManualClock() }).take(CREDIT_COST.image)).rejects.toThrow(/exceeds/);
  });
});
