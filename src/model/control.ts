/**
 * ControlDoc (reads) and ControlWriter (reads and writes): the only doors to a workshop's
 * control document (room `w-<id>-control`), as Board is to a board's. It holds what the whole workshop sees at once: title, lock, cross
 * view, timer, the facilitator's message, the groups and the moves the facilitator asked for.
 * Only the server writes it (clients connect read-only); every page reads it.
 *
 * Storage layout: `doc.getMap('control')`, one key per field of {@link ControlState}, each a
 * plain JSON value written whole.
 *
 * Reads are validated (it is network data): a field with a bad value reads as its default and
 * is reported, a bad group or move is skipped and reported; nothing read throws. Text is cut
 * to the length a page shows rather than refused, so a newer server allowing longer text is
 * still shown. Writes are validated too (a wrong value throws: a local programming error) and
 * each is one transaction with the caller's origin.
 */
import * as Y from 'yjs';
import type { Origin } from './board.js';
import { arrayOf, assertValid, boolean, integer, nullable, number, object } from './validate.js';
import type { Result, Validator } from './validate.js';

/** The name of the control document's map. */
export const CONTROL_MAP = 'control';

/** running: endsAt set; paused: remainingMs set; stopped: both null. */
export interface Timer {
  endsAt: number | null;
  remainingMs: number | null;
}

export interface ControlGroup {
  number: number;
  name: string;
  room: string;
}

export interface ControlMove {
  toGroup: number;
  at: number;
}

/** The control document's state, as every page of the workshop reads it. */
export interface ControlState {
  title: string;
  locked: boolean;
  crossView: boolean;
  timer: Timer;
  message: { text: string; at: number } | null;
  groups: ControlGroup[];
  /** clientId (awareness) -> a move the facilitator asked for. */
  moves: Record<string, ControlMove>;
  /** Set when the workshop was deleted: clients leave. */
  deleted: boolean;
}

/** What the facilitator asks of the timer. */
export type TimerRequest =
  | { action: 'start'; minutes: number }
  | { action: 'add'; minutes: number }
  | { action: 'pause' }
  | { action: 'resume' }
  | { action: 'stop' };

/** A stored value that could not be read, and why (the reason names its path). */
export interface ControlProblem {
  key: keyof ControlState;
  reason: string;
}

/** A validated read: the state (null while the document is empty) and what was skipped. */
export interface ControlRead {
  state: ControlState | null;
  problems: ControlProblem[];
}

export interface ControlReadOptions {
  /** The name a group without a readable one shows (the pages pass their localised "Group n"). */
  groupName?: (n: number) => string;
}

export const MAX_CONTROL_TITLE = 200;
export const MAX_MESSAGE_TEXT = 500;
export const MAX_GROUP_NAME = 80;
export const MAX_ROOM_NAME = 120;
export const MAX_GROUPS = 100;
export const MAX_MOVES = 1000;
/** Longest timer the facilitator may set or add, in minutes. */
export const MAX_TIMER_MINUTES = 240;

const MOVE_KEY = /^\d{1,12}$/;

/** Any string, cut to `max` characters (see the header: text is cut, not refused). */
function clipped(max: number): Validator<string> {
  return {
    validate: (v, path) =>
      typeof v === 'string' ? { ok: true, value: v.slice(0, max) } : { ok: false, error: `${path || 'value'}: expected string, got ${v === null ? 'null' : typeof v}` },
  };
}

const time = number();
const endsAtValidator = nullable(number({ min: 0, exclusiveMin: true }));
const remainingValidator = nullable(number({ min: 0 }));
const groupNumber = integer({ min: 1 });

type Raw = Record<string, unknown>;

function isRecord(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const plainObject: Validator<Raw> = {
  validate: (v, path) => (isRecord(v) ? { ok: true, value: v } : { ok: false, error: `${path || 'value'}: expected object` }),
};
const anyArray: Validator<unknown[]> = {
  validate: (v, path) => (Array.isArray(v) ? { ok: true, value: v } : { ok: false, error: `${path || 'value'}: expected array` }),
};

/**
 * Reads a {@link ControlState} from the document's JSON (or anything else), value by value: a
 * bad value reads as its default (a bad group or move is skipped) and is reported. Null for
 * anything but a non-empty object (a control document not written yet).
 */
export function readControl(raw: unknown, options: ControlReadOptions = {}): ControlRead {
  const problems: ControlProblem[] = [];
  if (!isRecord(raw) || Object.keys(raw).length === 0) return { state: null, problems };
  const groupName = options.groupName ?? ((n: number) => String(n));
  /** `v` read by `validator`; `fallback` when it is missing, or bad (then reported under `key`). */
  const read = <T, F>(key: keyof ControlState, v: unknown, path: string, validator: Validator<T>, fallback: F): T | F => {
    if (v === undefined) return fallback;
    const r = validator.validate(v, path);
    if (r.ok) return r.value;
    problems.push({ key, reason: r.error });
    return fallback;
  };
  const own = (o: Raw, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);

  const t = read('timer', own(raw, 'timer'), 'timer', plainObject, {});
  const endsAt = read('timer', own(t, 'endsAt'), 'timer.endsAt', endsAtValidator, null);
  const timer: Timer = { endsAt, remainingMs: endsAt === null ? read('timer', own(t, 'remainingMs'), 'timer.remainingMs', remainingValidator, null) : null };

  let message: ControlState['message'] = null;
  const mm = read('message', own(raw, 'message'), 'message', nullable(plainObject), null);
  if (mm) {
    const text = read('message', own(mm, 'text'), 'message.text', clipped(MAX_MESSAGE_TEXT), '').trim();
    if (text) message = { text, at: read('message', own(mm, 'at'), 'message.at', time, 0) };
  }

  const groups: ControlGroup[] = [];
  const list = read('groups', own(raw, 'groups'), 'groups', anyArray, []);
  if (list.length > MAX_GROUPS) problems.push({ key: 'groups', reason: `groups: more than ${MAX_GROUPS}, the rest skipped` });
  list.slice(0, MAX_GROUPS).forEach((g, i) => {
    const path = `groups[${i}]`;
    const gg = read('groups', g, path, plainObject, null);
    const n = gg && read('groups', own(gg, 'number') ?? null, `${path}.number`, groupNumber, null);
    if (!gg || n === null) return;
    const name = read('groups', own(gg, 'name'), `${path}.name`, nullable(clipped(MAX_GROUP_NAME)), null);
    groups.push({ number: n, name: name || groupName(n), room: read('groups', own(gg, 'room'), `${path}.room`, clipped(MAX_ROOM_NAME), '') });
  });

  const moves: Record<string, ControlMove> = {};
  const entries = Object.entries(read('moves', own(raw, 'moves'), 'moves', plainObject, {}));
  if (entries.length > MAX_MOVES) problems.push({ key: 'moves', reason: `moves: more than ${MAX_MOVES}, the rest skipped` });
  for (const [k, v] of entries.slice(0, MAX_MOVES)) {
    if (!MOVE_KEY.test(k)) {
      problems.push({ key: 'moves', reason: `moves: a key of ${k.length} characters is not a client id` });
      continue;
    }
    const mv = read('moves', v, `moves.${k}`, plainObject, null);
    const to = mv && read('moves', own(mv, 'toGroup') ?? null, `moves.${k}.toGroup`, groupNumber, null);
    if (!mv || to === null) continue;
    moves[k] = { toGroup: to, at: read('moves', own(mv, 'at'), `moves.${k}.at`, time, 0) };
  }

  return {
    state: {
      title: read('title', own(raw, 'title'), 'title', clipped(MAX_CONTROL_TITLE), ''),
      locked: read('locked', own(raw, 'locked'), 'locked', boolean(), false),
      crossView: read('crossView', own(raw, 'crossView'), 'crossView', boolean(), false),
      timer,
      message,
      groups,
      moves,
      deleted: read('deleted', own(raw, 'deleted'), 'deleted', boolean(), false),
    },
    problems,
  };
}

const groupWrite = object({ number: groupNumber, name: clipped(MAX_GROUP_NAME), room: clipped(MAX_ROOM_NAME) });
const moveWrite = object({ toGroup: groupNumber, at: time });

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
};

/** The control state of a new (or imported) workshop. */
export function initialControl(w: { title: string; locked: boolean; crossView: boolean; groups: readonly ControlGroup[] }): ControlState {
  return {
    title: w.title,
    locked: w.locked,
    crossView: w.crossView,
    timer: { endsAt: null, remainingMs: null },
    message: null,
    groups: w.groups.map((g) => ({ number: g.number, name: g.name, room: g.room })),
    moves: {},
    deleted: false,
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

/** The workshop's control document, read through validated values (writes: {@link ControlWriter}). */
export class ControlDoc {
  /** The wrapped document (not owned). */
  readonly doc: Y.Doc;
  protected readonly map: Y.Map<unknown>;

  constructor(
    doc: Y.Doc,
    readonly options: ControlReadOptions = {},
  ) {
    this.doc = doc;
    this.map = doc.getMap(CONTROL_MAP);
  }

  /** The validated state (null while empty) and the values that could not be read. */
  read(): ControlRead {
    return readControl(this.map.toJSON(), this.options);
  }

  /** The validated state; null while the document is empty. */
  state(): ControlState | null {
    return this.read().state;
  }

  /** Calls `listener` with a fresh read after every transaction that changed the document. */
  observe(listener: (read: ControlRead) => void): () => void {
    const onDeep = (): void => listener(this.read());
    this.map.observeDeep(onDeep);
    return () => this.map.unobserveDeep(onDeep);
  }

}

/**
 * The writer's door to the control document: the reads of {@link ControlDoc} and the
 * validated writes. Only the server writes this document, so the pages take ControlDoc alone
 * and their bundle carries none of this.
 */
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
}
