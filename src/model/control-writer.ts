/**
 * ControlWriter: the writer's door to a workshop's control document (see ./control.ts, whose
 * ControlDoc reads it). Only the server writes this document, so this module is the server's
 * (and its tests'): no page imports it, and a participant's bundle carries none of it.
 *
 * Writes are validated (a wrong value throws: a local programming error) and each is one
 * transaction with the caller's origin.
 */
import type { Origin } from './board.js';
import {
  attentionValidator,
  clipped,
  ControlDoc,
  currentStepValidator,
  endsAtValidator,
  groupNumber,
  isRecord,
  leadValidator,
  MAX_CONTROL_TITLE,
  MAX_GROUP_NAME,
  MAX_GROUPS,
  MAX_MESSAGE_TEXT,
  MAX_MOVES,
  MAX_ROOM_NAME,
  MAX_STEPS,
  MAX_TIMER_MINUTES,
  MOVE_KEY,
  pointerValidator,
  remainingValidator,
  stepValidator,
  time,
  voteValidator,
  type ControlGroup,
  type ControlMove,
  type ControlState,
  type Step,
  type Timer,
  type TimerRequest,
} from './control.js';
import { arrayOf, assertValid, boolean, nullable, object } from './validate.js';
import type { Result, Validator } from './validate.js';

const groupWrite = object({ number: groupNumber, name: clipped(MAX_GROUP_NAME), room: clipped(MAX_ROOM_NAME) });
const moveWrite = object({ toGroup: groupNumber, at: time });

/** A run-sheet: at most MAX_STEPS steps, each id once. */
const stepsWrite: Validator<Step[]> = {
  validate(v, path) {
    const r = arrayOf(stepValidator, { max: MAX_STEPS }).validate(v, path);
    if (!r.ok) return r;
    const ids = new Set(r.value.map((s) => s.id));
    if (ids.size !== r.value.length) return { ok: false, error: `${path}: two steps have the same id` };
    return r as Result<Step[]>;
  },
};

/** Validators of what a write may set, key by key. */
const writeValidators: { [K in keyof ControlState]: Validator<ControlState[K]> } = {
  title: clipped(MAX_CONTROL_TITLE),
  locked: boolean(),
  crossView: boolean(),
  timer: object({ endsAt: endsAtValidator, remainingMs: remainingValidator }),
  message: nullable(object({ text: clipped(MAX_MESSAGE_TEXT), at: time })),
  groups: arrayOf(groupWrite, { max: MAX_GROUPS }),
  moves: {
    validate(v, path) {
      if (!isRecord(v) || Object.keys(v).length > MAX_MOVES) return { ok: false, error: `${path}: expected object of at most ${MAX_MOVES} moves` };
      const out: Record<string, ControlMove> = {};
      for (const [k, m] of Object.entries(v)) {
        if (!MOVE_KEY.test(k)) return { ok: false, error: `${path}: key ${k.slice(0, 20)} is not a client id` };
        const r = moveWrite.validate(m, `${path}.${k}`);
        if (!r.ok) return r;
        out[k] = r.value;
      }
      return { ok: true, value: out };
    },
  },
  deleted: boolean(),
  steps: stepsWrite,
  step: currentStepValidator,
  attention: attentionValidator as Validator<ControlState['attention']>,
  pointer: pointerValidator,
  lead: leadValidator,
  vote: voteValidator,
};

/** The control state of a new (or imported) workshop; `steps` its run-sheet, which starts at its first step. */
export function initialControl(
  w: { title: string; locked: boolean; crossView: boolean; groups: readonly ControlGroup[] },
  steps: readonly Step[] = [],
  now = 0,
): ControlState {
  return {
    title: w.title,
    locked: w.locked,
    crossView: w.crossView,
    timer: { endsAt: null, remainingMs: null },
    message: null,
    groups: w.groups.map((g) => ({ number: g.number, name: g.name, room: g.room })),
    moves: {},
    deleted: false,
    steps: [...steps],
    step: steps[0] ? { id: steps[0].id, at: now } : null,
    attention: null,
    pointer: null,
    lead: null,
    vote: null,
  };
}

/** The timer after `req` at `now`; an error (naming what is wrong) for a request it cannot take. */
export function nextTimer(current: Timer, req: TimerRequest, now: number): Result<Timer> {
  const minutes = (m: unknown): number | null =>
    typeof m === 'number' && Number.isFinite(m) && m > 0 && m <= MAX_TIMER_MINUTES ? Math.round(m * 60_000) : null;
  const badMinutes: Result<Timer> = { ok: false, error: `minutes must be a number above 0 and at most ${MAX_TIMER_MINUTES}` };
  switch (req.action) {
    case 'start': {
      const ms = minutes(req.minutes);
      return ms === null ? badMinutes : { ok: true, value: { endsAt: now + ms, remainingMs: null } };
    }
    case 'add': {
      const ms = minutes(req.minutes);
      if (ms === null) return badMinutes;
      if (current.endsAt !== null) return { ok: true, value: { endsAt: Math.max(current.endsAt, now) + ms, remainingMs: null } };
      if (current.remainingMs !== null) return { ok: true, value: { endsAt: null, remainingMs: current.remainingMs + ms } };
      return { ok: true, value: { endsAt: now + ms, remainingMs: null } };
    }
    case 'pause':
      return { ok: true, value: current.endsAt !== null ? { endsAt: null, remainingMs: Math.max(0, current.endsAt - now) } : current };
    case 'resume':
      return { ok: true, value: current.remainingMs !== null ? { endsAt: now + current.remainingMs, remainingMs: null } : current };
    case 'stop':
      return { ok: true, value: { endsAt: null, remainingMs: null } };
    default:
      return { ok: false, error: "action must be one of 'start', 'add', 'pause', 'resume', 'stop'" };
  }
}

/** The workshop's control document with its validated writes (reads: {@link ControlDoc}). */
export class ControlWriter extends ControlDoc {
  /** Sets the given fields (validated; a bad value throws), in one transaction. */
  write(patch: Partial<ControlState>, origin: Origin): void {
    const values: [string, unknown][] = [];
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      const validator = writeValidators[key as keyof ControlState] as Validator<unknown> | undefined;
      if (!validator) throw new Error(`ControlWriter.write: unknown field ${key}`);
      values.push([key, assertValid(validator, value, key, 'ControlWriter.write')]);
    }
    if (values.length === 0) return;
    this.doc.transact(() => {
      for (const [k, v] of values) this.map.set(k, v);
    }, origin);
  }

  /** Applies a timer request at `now`; the new timer, or the error for a bad request (nothing written). */
  setTimer(req: TimerRequest, now: number, origin: Origin): Result<Timer> {
    const r = nextTimer(this.state()?.timer ?? { endsAt: null, remainingMs: null }, req, now);
    if (r.ok) this.write({ timer: r.value }, origin);
    return r;
  }

  /** Records a move the facilitator asked for; the participant's page accepts it. */
  requestMove(clientId: number, toGroup: number, now: number, origin: Origin): void {
    this.doc.transact(() => {
      const moves = { ...(this.state()?.moves ?? {}) };
      moves[String(clientId)] = { toGroup, at: now };
      this.write({ moves }, origin);
    }, origin);
  }

  /** Takes the pending move of `clientId` (once); undefined when there is none. */
  takeMove(clientId: number, origin: Origin): { toGroup: number } | undefined {
    let taken: { toGroup: number } | undefined;
    this.doc.transact(() => {
      const moves = { ...(this.state()?.moves ?? {}) };
      const move = moves[String(clientId)];
      if (!move) return;
      delete moves[String(clientId)];
      this.write({ moves }, origin);
      taken = { toGroup: move.toGroup };
    }, origin);
    return taken;
  }

  /**
   * Replaces the run-sheet (validated; a bad one throws). The current step stays where it is
   * when the new run-sheet still has it, else moves to its first step (without telling the
   * boards to move: `at` is kept).
   */
  setSteps(steps: readonly Step[], origin: Origin): void {
    this.doc.transact(() => {
      const current = this.state()?.step ?? null;
      const keep = current && steps.some((s) => s.id === current.id);
      const first = steps[0];
      this.write({ steps: [...steps], step: keep ? current : first ? { id: first.id, at: current?.at ?? 0 } : null }, origin);
    }, origin);
  }

  /**
   * Moves the workshop to step `id` at `now` (every board goes to its tools) and, when the
   * step has minutes, starts the timer with them. Null when the run-sheet has no such step.
   */
  goToStep(id: string, now: number, origin: Origin): Step | null {
    let step: Step | null = null;
    this.doc.transact(() => {
      step = this.state()?.steps.find((s) => s.id === id) ?? null;
      if (!step) return;
      this.write({ step: { id, at: now }, attention: null, pointer: null }, origin);
      if (step.minutes !== null) this.setTimer({ action: 'start', minutes: step.minutes }, now, origin);
    }, origin);
    return step;
  }
}
