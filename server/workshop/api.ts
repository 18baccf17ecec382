/**
 * The workshop API (the contract is src/workshop/api.ts). Every call checks its token: the
 * facilitator may do everything; a participant may read the workshop and their own group's
 * board (other groups' only when the facilitator allows it) and accept a move. Every refusal
 * is an HttpError with a reason (logged by http/handler.ts).
 */
import * as Y from 'yjs';
import { Board, initialControl, migrate } from '../../src/model/index.js';
import { arrayOf, boolean, integer, number, object, oneOf, string, type Validator } from '../../src/model/validate.js';
import type {
  CreatedWorkshopResponse,
  CreateWorkshopRequest,
  GroupLink,
  JoinResponse,
  SnapshotSetView,
  TimerRequest,
  WorkshopView,
} from '../../src/workshop/api.js';
import { PARTS } from '../../src/workshop/parts.js';
import { placeWorkshop } from '../../src/workshop/template.js';
import type { Config } from '../config.js';
import { Exporter } from '../export/exporter.js';
import { parseWorkshopExport, WorkshopExportError } from '../export/index.js';
import { HttpError } from '../http/errors.js';
import type { Logger } from '../http/log.js';
import { created, Router, type RequestContext } from '../http/router.js';
import type { WorkshopStore } from '../storage/store.js';
import { TokenBucket } from '../sync/limits.js';
import type { Rooms } from '../sync/rooms.js';
import { Control } from './control.js';
import { controlRoom, groupRoom } from '../../src/workshop/rooms.js';
import { normaliseCode } from './tokens.js';
import type { Access, Workshop } from './types.js';

/** Close code for connections to a deleted workshop. */
export const CLOSE_DELETED = { code: 4410, reason: 'workshop deleted' };

export interface ApiDeps {
  workshops: WorkshopStore;
  rooms: Rooms;
  config: Config;
  log: Logger;
  /** Called when the facilitator stops groups from looking at each other's boards. */
  onCrossViewOff?: (workshopId: string) => void;
}

function valid<T>(v: Validator<T>, input: unknown, what: string): T {
  const r = v.validate(input, what);
  if (!r.ok) throw new HttpError(400, r.error);
  return r.value;
}

const createRequest: Validator<CreateWorkshopRequest> = object({
  title: string({ min: 1, max: 200 }),
  parts: arrayOf(oneOf(PARTS), { max: PARTS.length }),
  groups: integer({ min: 1, max: 30 }),
  locale: oneOf(['da', 'en'] as const),
});

export function groupName(n: number, locale: 'da' | 'en'): string {
  return locale === 'en' ? `Group ${n}` : `Gruppe ${n}`;
}

export class WorkshopApi {
  readonly control: Control;
  readonly exporter: Exporter;
  readonly router = new Router();
  readonly #joinLimits = new Map<string, TokenBucket>();

  constructor(readonly deps: ApiDeps) {
    this.control = new Control(deps.rooms);
    this.exporter = new Exporter(deps.workshops, deps.rooms);
    const r = this.router;
    r.on('POST', '/api/workshops', (ctx) => this.create(ctx));
    r.on('POST', '/api/workshops/import', (ctx) => this.import(ctx));
    r.on('GET', '/api/workshops/:id/export', async (ctx) => {
      const a = this.#facilitator(ctx);
      return this.exporter.file(a.workshop, Exporter.request((k) => ctx.url.searchParams.get(k)));
    });
    r.on('POST', '/api/workshops/:id/exports', async (ctx) => {
      const a = this.#facilitator(ctx);
      const body = (await ctx.json()) as Record<string, unknown>;
      const job = this.exporter.start(a.workshop, Exporter.request((k) => (typeof body === 'object' && body !== null ? body[k] : undefined)));
      return { kind: 'json', status: 202, body: { job } };
    });
    r.on('GET', '/api/workshops/:id/exports/:job', (ctx) => {
      const a = this.#facilitator(ctx);
      const { state, done, total, error } = this.exporter.job(a.workshop.id, ctx.params.job as string);
      return { state, done, total, ...(error ? { error } : {}) };
    });
    r.on('GET', '/api/workshops/:id/exports/:job/file', (ctx) => {
      const a = this.#facilitator(ctx);
      const job = this.exporter.job(a.workshop.id, ctx.params.job as string);
      if (job.state !== 'done' || !job.file) throw new HttpError(409, job.state === 'failed' ? (job.error ?? 'the export failed') : 'the export is not finished yet');
      return job.file;
    });
    r.on('POST', '/api/join', (ctx) => this.join(ctx));
    r.on('GET', '/api/workshops/:id', (ctx) => this.view(this.#access(ctx)));
    r.on('DELETE', '/api/workshops/:id', (ctx) => {
      this.delete(this.#facilitator(ctx).workshop.id);
      return { deleted: true };
    });
    r.on('POST', '/api/workshops/:id/lock', async (ctx) => {
      const a = this.#facilitator(ctx);
      const { locked } = valid(object({ locked: boolean() }), await ctx.json(), 'body');
      deps.workshops.setLocked(a.workshop.id, locked);
      this.control.write(a.workshop.id, { locked });
      deps.log.info('workshop.lock', { workshop: a.workshop.id, locked });
      return this.view(this.#facilitator(ctx));
    });
    r.on('POST', '/api/workshops/:id/cross-view', async (ctx) => {
      const a = this.#facilitator(ctx);
      const { enabled } = valid(object({ enabled: boolean() }), await ctx.json(), 'body');
      deps.workshops.setCrossView(a.workshop.id, enabled);
      this.control.write(a.workshop.id, { crossView: enabled });
      if (!enabled) deps.onCrossViewOff?.(a.workshop.id);
      return this.view(this.#facilitator(ctx));
    });
    r.on('POST', '/api/workshops/:id/timer', async (ctx) => {
      const a = this.#facilitator(ctx);
      const body = valid(object({ action: oneOf(['start', 'add', 'pause', 'resume', 'stop'] as const), minutes: number({ min: 0, max: 1e6 }) }), { minutes: 0, ...(await ctx.json() as object) }, 'body');
      return this.control.timer(a.workshop.id, body as TimerRequest);
    });
    r.on('POST', '/api/workshops/:id/message', async (ctx) => {
      const a = this.#facilitator(ctx);
      const { text } = valid(object({ text: string({ max: 280 }) }), await ctx.json(), 'body');
      const message = text.trim() ? { text: text.trim(), at: Date.now() } : null;
      this.control.write(a.workshop.id, { message });
      return message;
    });
    r.on('POST', '/api/workshops/:id/moves', async (ctx) => {
      const a = this.#facilitator(ctx);
      const { clientId, toGroup } = valid(object({ clientId: integer({ min: 0, max: 2 ** 53 }), toGroup: integer({ min: 1, max: 1000 }) }), await ctx.json(), 'body');
      if (!a.workshop.groups.some((g) => g.number === toGroup)) throw new HttpError(400, `no group ${toGroup} in this workshop`);
      this.control.requestMove(a.workshop.id, clientId, toGroup);
      return { ok: true };
    });
    r.on('POST', '/api/workshops/:id/moves/accept', async (ctx) => {
      const a = this.#access(ctx);
      const { clientId } = valid(object({ clientId: integer({ min: 0, max: 2 ** 53 }) }), await ctx.json(), 'body');
      const move = this.control.takeMove(a.workshop.id, clientId);
      if (!move) throw new HttpError(404, 'no move is waiting for this participant');
      const token = deps.workshops.issueGroupToken(a.workshop.id, move.toGroup);
      return { workshopId: a.workshop.id, group: move.toGroup, token, link: groupLink(a.workshop.id, move.toGroup, token) } satisfies JoinResponse;
    });
    r.on('POST', '/api/workshops/:id/snapshots', async (ctx) => {
      const a = this.#facilitator(ctx);
      const { name } = valid(object({ name: string({ min: 1, max: 100 }) }), await ctx.json(), 'body');
      return created(this.snapshot(a.workshop, name));
    });
    r.on('GET', '/api/workshops/:id/snapshots', (ctx) => deps.workshops.listSnapshotSets(this.#facilitator(ctx).workshop.id) satisfies SnapshotSetView[]);
    r.on('GET', '/api/workshops/:id/snapshots/:set/groups/:n', (ctx) => {
      const a = this.#facilitator(ctx);
      const state = deps.workshops.snapshot(a.workshop.id, ctx.params.set as string, Number(ctx.params.n));
      if (!state) throw new HttpError(404, 'no such snapshot');
      return { kind: 'file', contentType: 'application/octet-stream', body: state };
    });
    r.on('POST', '/api/workshops/:id/snapshots/:set/restore', async (ctx) => {
      const a = this.#facilitator(ctx);
      const { group } = valid(object({ group: integer({ min: 1, max: 1000 }) }), await ctx.json(), 'body');
      return created(this.restore(a.workshop, ctx.params.set as string, group));
    });
    r.on('POST', '/api/workshops/:id/groups', async (ctx) => {
      const a = this.#facilitator(ctx);
      const body = valid(object({ name: string({ min: 1, max: 200 }), board: string({ min: 4, max: 16 * 1024 * 1024, pattern: /^[A-Za-z0-9+/]+={0,2}$/ }) }), await ctx.json(24 * 1024 * 1024), 'body');
      return created(this.addBoard(a.workshop, body.name.trim(), Buffer.from(body.board, 'base64')));
    });
    r.on('GET', '/api/workshops/:id/boards/:n', (ctx) => {
      const a = this.#access(ctx);
      const n = Number(ctx.params.n);
      const group = a.workshop.groups.find((g) => g.number === n);
      if (!group) throw new HttpError(404, `no group ${ctx.params.n} in this workshop`);
      if (!canRead(a, n)) throw new HttpError(403, 'participants may read only their own group’s board');
      return { kind: 'file', contentType: 'application/octet-stream', body: deps.rooms.state(group.room) };
    });
  }

  #access(ctx: RequestContext): Access {
    const id = ctx.params.id as string;
    const token = ctx.token();
    if (!this.deps.workshops.get(id)) throw new HttpError(404, 'no such workshop');
    if (!token) throw new HttpError(401, 'missing token (Authorization: Bearer <token>)');
    const access = this.deps.workshops.authenticate(id, token);
    if (!access) throw new HttpError(401, 'invalid token for this workshop');
    return access;
  }

  #facilitator(ctx: RequestContext): Access {
    const a = this.#access(ctx);
    if (a.role !== 'facilitator') throw new HttpError(403, 'only the facilitator may do this');
    return a;
  }

  async create(ctx: RequestContext): Promise<unknown> {
    const body = valid(createRequest, await ctx.json(), 'body');
    const parts = [...new Set(body.parts)];
    if (parts.length === 0) throw new HttpError(400, 'body.parts: choose at least one part');
    const title = body.title.trim();
    if (!title) throw new HttpError(400, 'body.title: give the workshop a title');
    const made = this.deps.workshops.create({ title, parts, groups: body.groups, locale: body.locale, groupName: (n) => groupName(n, body.locale) });
    const w = made.workshop;
    for (const g of w.groups) {
      this.deps.rooms.change(g.room, (doc) => {
        migrate(doc);
        const board = new Board(doc);
        placeWorkshop(board, { title: `${title} · ${g.name}`, parts, locale: w.locale }, 'server');
        board.destroy();
      });
    }
    this.control.write(w.id, initialControl(w));
    this.deps.log.info('workshop.create', { workshop: w.id, groups: w.groups.length, parts });
    return created(this.#createdResponse(w, made.facilitatorToken, made.groupTokens));
  }

  /** A workshop exported as JSON comes back as a new workshop with equal boards and new tokens. */
  async import(ctx: RequestContext): Promise<unknown> {
    let data;
    try {
      data = parseWorkshopExport(await ctx.json(64 * 1024 * 1024));
    } catch (err) {
      if (err instanceof WorkshopExportError) throw new HttpError(400, err.message);
      throw err;
    }
    const names = new Map(data.groups.map((g, i) => [i + 1, g.name]));
    const made = this.deps.workshops.create({
      title: data.title,
      parts: data.parts,
      groups: data.groups.length,
      locale: data.locale,
      groupName: (n) => names.get(n) ?? groupName(n, data.locale),
    });
    const w = made.workshop;
    data.groups.forEach((g, i) => {
      const room = w.groups[i]?.room as string;
      this.deps.rooms.change(room, (doc) => Y.applyUpdate(doc, Buffer.from(g.board, 'base64')));
    });
    this.control.write(w.id, initialControl(w));
    this.deps.log.info('workshop.import', { workshop: w.id, groups: w.groups.length });
    return created(this.#createdResponse(w, made.facilitatorToken, made.groupTokens));
  }

  #createdResponse(w: Workshop, facilitatorToken: string, groupTokens: Map<number, string>): CreatedWorkshopResponse {
    return {
      id: w.id,
      title: w.title,
      parts: w.parts,
      locale: w.locale,
      facilitatorToken,
      links: { facilitator: `/f/${w.id}#${facilitatorToken}`, plenum: `/p/${w.id}#${facilitatorToken}`, join: '/join' },
      groups: w.groups.map((g) => {
        const token = groupTokens.get(g.number) as string;
        return { number: g.number, name: g.name, code: g.code, room: g.room, token, link: groupLink(w.id, g.number, token) } satisfies GroupLink;
      }),
    };
  }

  async join(ctx: RequestContext): Promise<JoinResponse> {
    const ip = ctx.ip();
    let bucket = this.#joinLimits.get(ip);
    if (!bucket) {
      if (this.#joinLimits.size > 10_000) this.#joinLimits.clear();
      this.#joinLimits.set(ip, (bucket = new TokenBucket(10 / 60, 10)));
    }
    if (!bucket.take()) throw new HttpError(429, 'too many attempts: wait a minute and try again');
    const { code } = valid(object({ code: string({ min: 1, max: 32 }) }), await ctx.json(), 'body');
    const found = this.deps.workshops.byCode(normaliseCode(code));
    if (!found) throw new HttpError(404, 'no group has this code');
    const token = this.deps.workshops.issueGroupToken(found.workshopId, found.group);
    return { workshopId: found.workshopId, group: found.group, token, link: groupLink(found.workshopId, found.group, token) };
  }

  view(a: Access): WorkshopView {
    const w = this.deps.workshops.get(a.workshop.id) as Workshop;
    const view: WorkshopView = {
      id: w.id,
      title: w.title,
      parts: w.parts,
      locale: w.locale,
      createdAt: w.createdAt,
      locked: w.locked,
      crossView: w.crossView,
      role: a.role,
      groups: w.groups.map((g) => ({
        number: g.number,
        name: g.name,
        room: g.room,
        online: this.deps.rooms.peerCount(g.room),
        ...(a.role === 'facilitator' ? { code: g.code } : {}),
      })),
      controlRoom: controlRoom(w.id),
      expiresAt: w.createdAt + this.deps.config.retentionDays * 86_400_000,
    };
    if (a.group) view.group = a.group.number;
    return view;
  }

  /** Every group's board frozen at once: one read of all states, one store transaction. */
  snapshot(w: Workshop, name: string): SnapshotSetView {
    const states = this.deps.rooms.states(w.groups.map((g) => g.room));
    const byGroup = new Map(w.groups.map((g) => [g.number, states.get(g.room) as Uint8Array]));
    const set = this.deps.workshops.saveSnapshotSet(w.id, name.trim(), byGroup);
    this.deps.log.info('workshop.snapshot', { workshop: w.id, set: set.id, groups: set.groups.length });
    return set;
  }

  /** A snapshot of one group becomes a new group's board. */
  restore(w: Workshop, setId: string, group: number): GroupLink {
    const state = this.deps.workshops.snapshot(w.id, setId, group);
    if (!state) throw new HttpError(404, 'no such snapshot');
    const source = w.groups.find((g) => g.number === group);
    const set = this.deps.workshops.listSnapshotSets(w.id).find((s) => s.id === setId);
    const name = `${source?.name ?? groupName(group, w.locale)} (${set?.name ?? setId})`.slice(0, 200);
    const { group: g, token } = this.deps.workshops.addGroup(w.id, name);
    this.deps.rooms.change(g.room, (doc) => Y.applyUpdate(doc, state));
    this.control.syncGroups(this.deps.workshops.get(w.id) as Workshop);
    return { number: g.number, name: g.name, code: g.code, room: g.room, token, link: groupLink(w.id, g.number, token) };
  }

  /**
   * A new group whose board comes from outside (a Miro frame sent to the plenum, an import):
   * the update must decode as a board; its records are validated by every reader as usual.
   */
  addBoard(w: Workshop, name: string, update: Uint8Array): GroupLink {
    try {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, update);
      const board = new Board(doc);
      const { items } = board.read();
      board.destroy();
      if (items.length === 0) throw new Error('empty');
    } catch {
      throw new HttpError(400, 'body.board: not a kaedeboard board (a base64 Yjs update with at least one item)');
    }
    const { group: g, token } = this.deps.workshops.addGroup(w.id, name);
    this.deps.rooms.change(g.room, (doc) => Y.applyUpdate(doc, update));
    this.control.syncGroups(this.deps.workshops.get(w.id) as Workshop);
    this.deps.log.info('workshop.add-board', { workshop: w.id, group: g.number });
    return { number: g.number, name: g.name, code: g.code, room: g.room, token, link: groupLink(w.id, g.number, token) };
  }

  /** Deletes a workshop whole: its boards, snapshots, tokens; connected clients are told and closed. */
  delete(id: string): void {
    const w = this.deps.workshops.get(id);
    if (!w) return;
    this.control.write(id, { deleted: true });
    for (const g of w.groups) this.deps.rooms.destroy(g.room, CLOSE_DELETED.code, CLOSE_DELETED.reason);
    this.deps.rooms.destroy(controlRoom(id), CLOSE_DELETED.code, CLOSE_DELETED.reason);
    this.deps.workshops.delete(id);
    this.deps.log.info('workshop.delete', { workshop: id });
  }

  /** Deletes workshops older than the retention period; returns how many. */
  deleteExpired(now = Date.now()): number {
    const ids = this.deps.workshops.expired(now - this.deps.config.retentionDays * 86_400_000);
    for (const id of ids) this.delete(id);
    return ids.length;
  }
}

export function groupLink(workshopId: string, n: number, token: string): string {
  return `/g/${workshopId}/${n}#${token}`;
}

/** May `a` read group `n`'s board? */
export function canRead(a: Access, n: number): boolean {
  return a.role === 'facilitator' || a.group?.number === n || a.workshop.crossView;
}

export { groupRoom };
