/**
 * ControlDoc (reads; here) and ControlWriter (reads and writes; ./control-writer.ts): the only
 * doors to a workshop's control document (room `w-<id>-control`), as Board is to a board's. It
 * holds what the whole workshop sees at once: title, lock, cross view, timer, the facilitator's
 * message, the groups, the moves the facilitator asked for, the run-sheet with its current step,
 * and where the facilitator draws attention (bring everyone to a tool, a "look here" pointer,
 * follow the facilitator). Only the server writes it (clients connect read-only); every page
 * reads it, so this module holds only what reading needs: the writes, which only the server
 * makes, live apart and never reach a participant's page.
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
import { arrayOf, boolean, integer, nullable, number, object, optional, string } from './validate.js';
import type { Validator } from './validate.js';
import { widgetType, type WidgetType } from './widget.js';

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

/**
 * One step of the workshop's run-sheet: what the groups do now (the instruction, in both
 * languages, which the facilitator may edit), how long (minutes start the timer when the step
 * begins; null: no timer) and the tools it is about (every board opens on the first of them).
 */
export interface Step {
  /** Unique in the run-sheet; letters, digits, `-` and `_`. */
  id: string;
  /** The workshop part it belongs to ('' for none). */
  part: string;
  /** What kind of step (the console names it): 'work', 'profile', 'wall', 'plenum', … */
  kind: string;
  text: { da: string; en: string };
  minutes: number | null;
  tools: WidgetType[];
}

/** The step the workshop is at, and when the facilitator moved it there (every board follows then). */
export interface CurrentStep {
  id: string;
  at: number;
}

/** A rectangle on a board, in board units. */
export interface BoardRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * "Bring everyone here": at `at`, every board of `group` (null: of every group) goes to the
 * first widget of type `tool`, or to `rect` (a place the facilitator shows on that group's board).
 */
export interface Attention {
  group: number | null;
  at: number;
  tool?: WidgetType;
  rect?: BoardRect;
}

/** A "look here" pointer the facilitator shows at a board point on every screen of `group`. */
export interface Pointer {
  group: number;
  x: number;
  y: number;
  at: number;
}

/** The boards of `group` follow the view of the facilitator's connection `clientId` (awareness). */
export interface Lead {
  group: number;
  clientId: number;
  at: number;
}

/**
 * The workshop's current vote as every page sees it: which one, whether it takes dots, and
 * whether its totals may be shown (its `at` changes when it does). The dots and the totals
 * never travel here: they come from the API (src/workshop/vote-api.ts).
 */
export interface VoteSignal {
  id: string;
  open: boolean;
  revealed: boolean;
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
  /** The run-sheet, in order (empty: none yet). */
  steps: Step[];
  step: CurrentStep | null;
  attention: Attention | null;
  pointer: Pointer | null;
  lead: Lead | null;
  vote: VoteSignal | null;
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
export const MAX_STEPS = 20;
export const MAX_STEP_TEXT = 600;
/** The tools one step may be about. */
export const MAX_STEP_TOOLS = 4;
export const STEP_ID = /^[A-Za-z0-9_-]{1,40}$/;

export const MOVE_KEY = /^\d{1,12}$/;

/** Any string, cut to `max` characters (see the header: text is cut, not refused). */
export function clipped(max: number): Validator<string> {
  return {
    validate: (v, path) =>
      typeof v === 'string' ? { ok: true, value: v.slice(0, max) } : { ok: false, error: `${path || 'value'}: expected string, got ${v === null ? 'null' : typeof v}` },
  };
}

export const time = number();
export const endsAtValidator = nullable(number({ min: 0, exclusiveMin: true }));
export const remainingValidator = nullable(number({ min: 0 }));
export const groupNumber = integer({ min: 1 });
const coordinate = number({ min: -1e7, max: 1e7 });
const stepId = string({ max: 40, pattern: STEP_ID });

/** One step, as read and written (text cut to its bound, see the header). */
export const stepValidator = object({
  id: stepId,
  part: clipped(40),
  kind: clipped(40),
  text: object({ da: clipped(MAX_STEP_TEXT), en: clipped(MAX_STEP_TEXT) }),
  minutes: nullable(number({ min: 0, exclusiveMin: true, max: MAX_TIMER_MINUTES })),
  tools: arrayOf(widgetType, { max: MAX_STEP_TOOLS }),
});
export const currentStepValidator = nullable(object({ id: stepId, at: time }));
export const attentionValidator = nullable(
  object({
    group: nullable(groupNumber),
    at: time,
    tool: optional(widgetType),
    rect: optional(object({ x: coordinate, y: coordinate, w: number({ min: 1, max: 1e7 }), h: number({ min: 1, max: 1e7 }) })),
  }),
);
export const pointerValidator = nullable(object({ group: groupNumber, x: coordinate, y: coordinate, at: time }));
export const leadValidator = nullable(object({ group: groupNumber, clientId: integer({ min: 0, max: 2 ** 53 }), at: time }));
export const voteValidator = nullable(object({ id: stepId, open: boolean(), revealed: boolean(), at: time }));

type Raw = Record<string, unknown>;

export function isRecord(v: unknown): v is Raw {
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

  const steps: Step[] = [];
  const stepList = read('steps', own(raw, 'steps'), 'steps', anyArray, []);
  if (stepList.length > MAX_STEPS) problems.push({ key: 'steps', reason: `steps: more than ${MAX_STEPS}, the rest skipped` });
  for (const [i, v] of stepList.slice(0, MAX_STEPS).entries()) {
    const st = read('steps', v, `steps[${i}]`, stepValidator, null);
    if (st && !steps.some((o) => o.id === st.id)) steps.push(st);
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
      steps,
      step: read('step', own(raw, 'step'), 'step', currentStepValidator, null),
      attention: read('attention', own(raw, 'attention'), 'attention', attentionValidator, null),
      pointer: read('pointer', own(raw, 'pointer'), 'pointer', pointerValidator, null),
      lead: read('lead', own(raw, 'lead'), 'lead', leadValidator, null),
      vote: read('vote', own(raw, 'vote'), 'vote', voteValidator, null),
    },
    problems,
  };
}


/** The workshop's control document, read through validated values (writes: ControlWriter, ./control-writer.ts). */
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

/** The step the workshop is at (null: none, or one the run-sheet no longer has). */
export function currentStep(s: Pick<ControlState, 'steps' | 'step'> | null): Step | null {
  return (s?.step && s.steps.find((st) => st.id === s.step?.id)) || null;
}
