/**
 * The facilitator leads the room: the run-sheet (read, edit a step, go to a step: every board
 * then goes to the step's tools and its minutes start the timer) and attention ("bring
 * everyone here", a "look here" pointer, follow the facilitator's view). Facilitator only;
 * everything is written into the control document (src/model/control-writer.ts), which every
 * page of the workshop reads. Routes of the workshop API (contract: src/workshop/api.ts),
 * registered by server/workshop/api.ts.
 */
import { groupRoom } from '../../src/workshop/rooms.js';
import { defaultSteps, editStep, stepBeside } from '../../src/workshop/run-sheet.js';
import type { AttentionRequest, LeadRequest, PointerRequest, RunSheetView, StepRequest } from '../../src/workshop/api.js';
import { MAX_STEP_TEXT, MAX_TIMER_MINUTES, WIDGET_TYPES, type Attention, type Lead, type Pointer } from '../../src/model/index.js';
import { integer, nullable, number, object, oneOf, optional, string, type Validator } from '../../src/model/validate.js';
import { HttpError } from '../http/errors.js';
import type { RequestContext, Router } from '../http/router.js';
import type { Control } from './control.js';
import { hashToken } from './tokens.js';
import type { Access } from './types.js';
import type { Sessions } from './api.js';

export interface RunSheetDeps {
  control: Control;
  /** The caller's access when it is the facilitator's (else an HttpError 401/403). */
  facilitator(ctx: RequestContext): Promise<Access>;
  sessions?: Sessions | undefined;
  now?: () => number;
}

function valid<T>(v: Validator<T>, input: unknown, what: string): T {
  const r = v.validate(input, what);
  if (!r.ok) throw new HttpError(400, r.error);
  return r.value;
}

const coordinate = number({ min: -1e7, max: 1e7 });
const group = integer({ min: 1, max: 1000 });
const stepRequest = object({
  text: optional(object({ da: optional(string({ max: MAX_STEP_TEXT })), en: optional(string({ max: MAX_STEP_TEXT })) })),
  minutes: optional(nullable(number({ min: 0, exclusiveMin: true, max: MAX_TIMER_MINUTES }))),
});
const goRequest = object({ step: optional(string({ max: 40 })), to: optional(oneOf(['next', 'previous'] as const)) });
const attentionRequest = object({
  group: optional(nullable(group)),
  tool: optional(oneOf(WIDGET_TYPES)),
  rect: optional(object({ x: coordinate, y: coordinate, w: number({ min: 1, max: 1e7 }), h: number({ min: 1, max: 1e7 }) })),
});
const pointerRequest = object({ group, point: nullable(object({ x: coordinate, y: coordinate })) });
const leadRequest = object({ group, clientId: nullable(integer({ min: 0, max: 2 ** 53 })) });

export function registerRunSheetRoutes(r: Router, deps: RunSheetDeps): void {
  const now = deps.now ?? Date.now;
  const { control } = deps;

  /** The run-sheet of a workshop; one made before run-sheets gets its parts' default steps now. */
  const sheet = async (a: Access): Promise<RunSheetView> => {
    const s = await control.read(a.workshop.id);
    if (s && s.steps.length > 0) return { steps: s.steps, step: s.step };
    await control.steps(a.workshop.id, defaultSteps(a.workshop.parts));
    const after = await control.read(a.workshop.id);
    return { steps: after?.steps ?? [], step: after?.step ?? null };
  };

  r.on('GET', '/api/workshops/:id/run-sheet', async (ctx) => sheet(await deps.facilitator(ctx)));

  r.on('POST', '/api/workshops/:id/run-sheet/steps/:step', async (ctx) => {
    const a = await deps.facilitator(ctx);
    const edit: StepRequest = valid(stepRequest, await ctx.json(), 'body');
    const { steps } = await sheet(a);
    const id = ctx.params.step as string;
    const step = steps.find((s) => s.id === id);
    if (!step) throw new HttpError(404, `no step ${id.slice(0, 40)} in the run-sheet`);
    await control.steps(a.workshop.id, editStep(steps, id, { ...(edit.text ? { text: { ...step.text, ...edit.text } } : {}), ...(edit.minutes !== undefined ? { minutes: edit.minutes } : {}) }));
    return sheet(a);
  });

  r.on('POST', '/api/workshops/:id/run-sheet/go', async (ctx) => {
    const a = await deps.facilitator(ctx);
    const body = valid(goRequest, await ctx.json(), 'body');
    const { steps, step } = await sheet(a);
    const target = body.step !== undefined ? steps.find((s) => s.id === body.step) : body.to ? stepBeside(steps, step?.id ?? null, body.to === 'next' ? 1 : -1) : null;
    if (!target) throw new HttpError(body.step !== undefined ? 404 : 409, body.step !== undefined ? 'no such step in the run-sheet' : body.to ? `there is no ${body.to} step` : 'body: give step or to');
    await control.goToStep(a.workshop.id, target.id, now());
    return sheet(a);
  });

  r.on('POST', '/api/workshops/:id/attention', async (ctx) => {
    const a = await deps.facilitator(ctx);
    const body: AttentionRequest = valid(attentionRequest, await ctx.json(), 'body');
    const g = body.group ?? null;
    if (g !== null) knownGroup(a, g);
    const attention: Attention = { group: g, at: now(), ...(body.tool ? { tool: body.tool } : {}), ...(body.rect ? { rect: body.rect } : {}) };
    if (!attention.tool && !attention.rect) {
      // No target given: the current step's first tool.
      const tool = (await control.current(a.workshop.id))?.tools[0];
      if (!tool) throw new HttpError(409, 'body: give tool or rect (the current step has no tool)');
      attention.tool = tool;
    }
    await control.write(a.workshop.id, { attention });
    return attention;
  });

  r.on('POST', '/api/workshops/:id/pointer', async (ctx) => {
    const a = await deps.facilitator(ctx);
    const body: PointerRequest = valid(pointerRequest, await ctx.json(), 'body');
    knownGroup(a, body.group);
    const pointer: Pointer | null = body.point ? { group: body.group, x: body.point.x, y: body.point.y, at: now() } : null;
    await control.write(a.workshop.id, { pointer });
    return pointer;
  });

  r.on('POST', '/api/workshops/:id/lead', async (ctx) => {
    const a = await deps.facilitator(ctx);
    const body: LeadRequest = valid(leadRequest, await ctx.json(), 'body');
    knownGroup(a, body.group);
    if (body.clientId === null) {
      await control.write(a.workshop.id, { lead: null });
      return null;
    }
    // Awareness client ids are public: the one to follow must be this facilitator's own
    // connection to that group's board, or anyone could make a group follow anybody.
    const owner = await deps.sessions?.ownerOf(body.clientId);
    if (!owner || owner.room !== groupRoom(a.workshop.id, body.group) || owner.subject !== hashToken(ctx.token() as string)) {
      throw new HttpError(403, "clientId: not the facilitator's own connection to that group's board");
    }
    const lead: Lead = { group: body.group, clientId: body.clientId, at: now() };
    await control.write(a.workshop.id, { lead });
    return lead;
  });
}

function knownGroup(a: Access, n: number): void {
  if (!a.workshop.groups.some((g) => g.number === n)) throw new HttpError(400, `no group ${n} in this workshop`);
}
