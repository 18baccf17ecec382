/**
 * The workshop API (the contract is src/workshop/api.ts). Every call checks its token: the
 * facilitator may do everything; the plenum reads the workshop, every board and snapshot and
 * nothing else; a participant may read the workshop and their own group's board (other
 * groups' only when the facilitator allows it) and accept a move meant for their own
 * connection. Creating and importing need the organiser key when one is set, and are limited
 * per address. Every refusal is an HttpError with a reason (logged by http/handler.ts).
 *
 * Why one file (~540 lines): it is the routing table of the workshop API, one short handler per
 * route with its token check, so a reader sees every route and who may call it in one place; the
 * longer handlers already live beside it (run-sheet.ts, voting.ts, group-board.ts, control.ts, the
 * exporter).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import * as Y from 'yjs';
import { Board, migrate } from '../../src/model/index.js';
import { initialControl } from '../../src/model/control-writer.js';
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
import { defaultSteps } from '../../src/workshop/run-sheet.js';
import type { Config } from '../config.js';
import { Exporter } from '../export/exporter.js';
import { parseWorkshopExport, WorkshopExportError } from '../export/index.js';
import { clientAddress, proxyList } from '../http/client-address.js';
import { HttpError } from '../http/errors.js';
import type { Logger } from '../http/log.js';
import { AddressLimiter } from '../http/rate-limit.js';
import { created, Router, type RequestContext } from '../http/router.js';
import type { WorkshopStore } from '../storage/store.js';
import type { Rooms } from '../sync/rooms.js';
import { cleanText } from '../../src/workshop/text.js';
import { CLOSE_UNAUTHORIZED, REVOKED } from './auth.js';
import { Control } from './control.js';
import { registerRunSheetRoutes } from './run-sheet.js';
import { registerVoteRoutes, type Voting } from './voting.js';
import { registerGroupBoardRoute } from './group-board.js';
import { controlRoom, groupRoom, parseWorkshopRoom } from '../../src/workshop/rooms.js';
import { hashToken, normaliseCode, plenumTokenFor } from './tokens.js';
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
  /** The live websocket connections, as a move needs them (server/sync/endpoint.ts). */
  sessions?: Sessions;
}

/** What the API asks of the websocket endpoint (of every instance, when there are several). */
export interface Sessions {
  /** The connection owning awareness client id `clientId`: its room and its token's hash. */
  ownerOf(clientId: number): Promise<{ room: string; subject: string | undefined } | undefined>;
  /** Closes every connection opened with the token whose hash is `subject`. */
  closeSubject(subject: string, code: number, reason: string): void;
}

/** Tokens one workshop hands out at most (joins, personal tokens, moves): far above 150 people's. */
export const MAX_TOKENS_PER_WORKSHOP = 5000;

/** The header that carries the organiser key. */
export const ORGANISER_KEY_HEADER = 'x-organiser-key';

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
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
  readonly router: Router;
  /** Dot votes (./voting.ts). */
  readonly voting: Voting;
  /** Ten join attempts a minute per address (a code is one of 887 million). */
  readonly #joinLimits = new AddressLimiter(10 / 60, 10);
  /** Creating and importing, `createPerHour` per address (wrong organiser keys count too). */
  readonly #createLimits: AddressLimiter;

  constructor(readonly deps: ApiDeps) {
    this.control = new Control(deps.rooms);
    this.exporter = new Exporter(deps.workshops, deps.rooms);
    const proxies = deps.config.trustedProxies.length > 0 ? proxyList(deps.config.trustedProxies) : null;
    this.router = new Router({ clientAddress: (req) => clientAddress(req, proxies) });
    this.#createLimits = new AddressLimiter(deps.config.createPerHour / 3600, deps.config.createPerHour);
    const r = this.router;
    r.on('POST', '/api/workshops', (ctx) => this.create(ctx));
    r.on('POST', '/api/workshops/import', (ctx) => this.import(ctx));
    r.on('GET', '/api/workshops/:id/export', async (ctx) => {
      const a = await this.#facilitator(ctx);
      return this.exporter.file(a.workshop, Exporter.request((k) => ctx.url.searchParams.get(k)));
    });
    r.on('POST', '/api/workshops/:id/exports', async (ctx) => {
      const a = await this.#facilitator(ctx);
      const body = (await ctx.json()) as Record<string, unknown>;
      const job = await this.exporter.start(a.workshop, Exporter.request((k) => (typeof body === 'object' && body !== null ? body[k] : undefined)));
      return { kind: 'json', status: 202, body: { job } };
    });
    r.on('GET', '/api/workshops/:id/exports/:job', async (ctx) => {
      const a = await this.#facilitator(ctx);
      const { state, done, total, error } = this.exporter.job(a.workshop.id, ctx.params.job as string);
      return { state, done, total, ...(error ? { error } : {}) };
    });
    r.on('GET', '/api/workshops/:id/exports/:job/file', async (ctx) => {
      const a = await this.#facilitator(ctx);
      const job = this.exporter.job(a.workshop.id, ctx.params.job as string);
      if (job.state !== 'done' || !job.file) throw new HttpError(409, job.state === 'failed' ? (job.error ?? 'the export failed') : 'the export is not finished yet');
      return job.file;
    });
    registerRunSheetRoutes(r, { control: this.control, facilitator: (ctx) => this.#facilitator(ctx), sessions: deps.sessions });
    this.voting = registerVoteRoutes(r, { workshops: deps.workshops, rooms: deps.rooms, control: this.control, log: deps.log, access: (ctx) => this.#access(ctx) });
    registerGroupBoardRoute(r, { rooms: deps.rooms, config: deps.config, log: deps.log, facilitator: (ctx) => this.#facilitator(ctx) });
    r.on('POST', '/api/join', (ctx) => this.join(ctx));
    r.on('GET', '/api/workshops/:id', async (ctx) => this.view(await this.#access(ctx), ctx.token()));
    r.on('DELETE', '/api/workshops/:id', async (ctx) => {
      await this.delete((await this.#facilitator(ctx)).workshop.id);
      return { deleted: true };
    });
    r.on('POST', '/api/workshops/:id/lock', async (ctx) => {
      const a = await this.#facilitator(ctx);
      const { locked } = valid(object({ locked: boolean() }), await ctx.json(), 'body');
      await deps.workshops.setLocked(a.workshop.id, locked);
      await this.control.write(a.workshop.id, { locked });
      deps.log.info('workshop.lock', { workshop: a.workshop.id, locked });
      return this.view(await this.#facilitator(ctx), ctx.token());
    });
    r.on('POST', '/api/workshops/:id/cross-view', async (ctx) => {
      const a = await this.#facilitator(ctx);
      const { enabled } = valid(object({ enabled: boolean() }), await ctx.json(), 'body');
      await deps.workshops.setCrossView(a.workshop.id, enabled);
      await this.control.write(a.workshop.id, { crossView: enabled });
      if (!enabled) deps.onCrossViewOff?.(a.workshop.id);
      return this.view(await this.#facilitator(ctx), ctx.token());
    });
    r.on('POST', '/api/workshops/:id/timer', async (ctx) => {
      const a = await this.#facilitator(ctx);
      const body = valid(object({ action: oneOf(['start', 'add', 'pause', 'resume', 'stop'] as const), minutes: number({ min: 0, max: 1e6 }) }), { minutes: 0, ...(await ctx.json() as object) }, 'body');
      return this.control.timer(a.workshop.id, body as TimerRequest);
    });
    r.on('POST', '/api/workshops/:id/message', async (ctx) => {
      const a = await this.#facilitator(ctx);
      const { text } = valid(object({ text: string({ max: 280 }) }), await ctx.json(), 'body');
      const message = text.trim() ? { text: text.trim(), at: Date.now() } : null;
      await this.control.write(a.workshop.id, { message });
      return message;
    });
    r.on('POST', '/api/workshops/:id/moves', async (ctx) => {
      const a = await this.#facilitator(ctx);
      const { clientId, toGroup } = valid(object({ clientId: integer({ min: 0, max: 2 ** 53 }), toGroup: integer({ min: 1, max: 1000 }) }), await ctx.json(), 'body');
      if (!a.workshop.groups.some((g) => g.number === toGroup)) throw new HttpError(400, `no group ${toGroup} in this workshop`);
      await this.control.requestMove(a.workshop.id, clientId, toGroup);
      return { ok: true };
    });
    r.on('POST', '/api/workshops/:id/moves/accept', async (ctx) => this.acceptMove(await this.#access(ctx), ctx.token() as string, await ctx.json()));
    r.on('POST', '/api/workshops/:id/tokens', async (ctx) => this.personalToken(await this.#access(ctx)));
    r.on('POST', '/api/workshops/:id/snapshots', async (ctx) => {
      const a = await this.#facilitator(ctx);
      const { name } = valid(object({ name: string({ min: 1, max: 100 }) }), await ctx.json(), 'body');
      return created(await this.snapshot(a.workshop, name));
    });
    r.on('GET', '/api/workshops/:id/snapshots', async (ctx) => (await deps.workshops.listSnapshotSets((await this.#viewer(ctx)).workshop.id)) satisfies SnapshotSetView[]);
    r.on('GET', '/api/workshops/:id/snapshots/:set/groups/:n', async (ctx) => {
      const a = await this.#viewer(ctx);
      const state = await deps.workshops.snapshot(a.workshop.id, ctx.params.set as string, Number(ctx.params.n));
      if (!state) throw new HttpError(404, 'no such snapshot');
      return { kind: 'file', contentType: 'application/octet-stream', body: state };
    });
    r.on('POST', '/api/workshops/:id/snapshots/:set/restore', async (ctx) => {
      const a = await this.#facilitator(ctx);
      const { group } = valid(object({ group: integer({ min: 1, max: 1000 }) }), await ctx.json(), 'body');
      return created(await this.restore(a.workshop, ctx.params.set as string, group));
    });
    r.on('POST', '/api/workshops/:id/groups', async (ctx) => {
      const a = await this.#facilitator(ctx);
      const limit = deps.config.maxImportBytes;
      const body = valid(object({ name: string({ min: 1, max: 200 }), board: string({ min: 4, max: limit, pattern: /^[A-Za-z0-9+/]+={0,2}$/ }) }), await ctx.json(limit), 'body');
      const name = cleanText(body.name);
      if (!name) throw new HttpError(400, 'body.name: give the board a name');
      return created(await this.addBoard(a.workshop, name, Buffer.from(body.board, 'base64')));
    });
    r.on('GET', '/api/workshops/:id/boards/:n', async (ctx) => {
      const a = await this.#access(ctx);
      const n = Number(ctx.params.n);
      const group = a.workshop.groups.find((g) => g.number === n);
      if (!group) throw new HttpError(404, `no group ${ctx.params.n} in this workshop`);
      if (!canRead(a, n)) throw new HttpError(403, 'participants may read only their own group’s board');
      return { kind: 'file', contentType: 'application/octet-stream', body: await deps.rooms.state(group.room) };
    });
  }

  async #access(ctx: RequestContext): Promise<Access> {
    const id = ctx.params.id as string;
    const token = ctx.token();
    if (!token) {
      if (!(await this.deps.workshops.get(id))) throw new HttpError(404, 'no such workshop');
      throw new HttpError(401, 'missing token (Authorization: Bearer <token>)');
    }
    const access = await this.deps.workshops.authenticate(id, token);
    if (access) return access;
    if (!(await this.deps.workshops.get(id))) throw new HttpError(404, 'no such workshop');
    throw new HttpError(401, (await this.deps.workshops.isRevoked(id, token)) ? REVOKED : 'invalid token for this workshop');
  }

  async #facilitator(ctx: RequestContext): Promise<Access> {
    const a = await this.#access(ctx);
    if (a.role !== 'facilitator') throw new HttpError(403, 'only the facilitator may do this');
    return a;
  }

  /** The facilitator or the plenum: who may look at every board and snapshot. */
  async #viewer(ctx: RequestContext): Promise<Access> {
    const a = await this.#access(ctx);
    if (a.role !== 'facilitator' && a.role !== 'plenum') throw new HttpError(403, 'only the facilitator and the plenum view may do this');
    return a;
  }

  /**
   * Creating and importing: limited per address, then the organiser key (when the server has
   * one), compared in constant time. A wrong key costs an attempt like any other.
   */
  #organiser(ctx: RequestContext): void {
    if (!this.#createLimits.take(ctx.ip())) throw new HttpError(429, 'too many workshops created from this address: wait an hour and try again');
    const key = this.deps.config.organiserKey;
    if (!key) return;
    const given = ctx.req.headers[ORGANISER_KEY_HEADER];
    if (typeof given !== 'string' || given === '') throw new HttpError(401, `this server needs the organiser key to create workshops (header ${ORGANISER_KEY_HEADER})`);
    if (!timingSafeEqual(digest(given), digest(key))) throw new HttpError(403, 'wrong organiser key');
  }

  /** Refuses a new token once the workshop has handed out MAX_TOKENS_PER_WORKSHOP. */
  async #roomForToken(workshopId: string): Promise<void> {
    if ((await this.deps.workshops.tokenCount(workshopId)) >= MAX_TOKENS_PER_WORKSHOP) {
      throw new HttpError(429, `this workshop has handed out ${MAX_TOKENS_PER_WORKSHOP} tokens, its limit: ask the facilitator`);
    }
  }

  /**
   * A move the facilitator asked for, taken by the participant it is for: the awareness client
   * id must belong to a live connection of this workshop opened with the caller's own token
   * (client ids are public in awareness, so knowing one proves nothing). The caller gets a token
   * for the new group; its old token is revoked (unless it is the group's shared link token,
   * which the rest of the group holds too) and its connections closed.
   */
  async acceptMove(a: Access, token: string, input: unknown): Promise<JoinResponse> {
    const { clientId } = valid(object({ clientId: integer({ min: 0, max: 2 ** 53 }) }), input, 'body');
    const id = a.workshop.id;
    if (!(await this.control.read(id))?.moves[String(clientId)]) throw new HttpError(404, 'no move is waiting for this participant');
    const owner = await this.deps.sessions?.ownerOf(clientId);
    const subject = hashToken(token);
    if (a.role !== 'participant' || !owner || owner.subject !== subject || !isRoomOf(owner.room, id)) {
      throw new HttpError(403, 'this move is for another participant: only the connection it names may take it');
    }
    await this.#roomForToken(id);
    const move = await this.control.takeMove(id, clientId);
    if (!move) throw new HttpError(404, 'no move is waiting for this participant');
    const next = await this.deps.workshops.issueGroupToken(id, move.toGroup);
    if (!a.shared) {
      await this.deps.workshops.revoke(id, token);
      this.deps.sessions?.closeSubject(subject, CLOSE_UNAUTHORIZED, REVOKED);
    }
    this.deps.log.info('workshop.move', { workshop: id, from: a.group?.number, to: move.toGroup, revoked: !a.shared });
    return { workshopId: id, group: move.toGroup, token: next, link: groupLink(id, move.toGroup, next) };
  }

  /**
   * A personal token for the caller's group, for a participant who came by the group's shared
   * link: a move can then revoke the token of that one person, not the whole group's link.
   */
  async personalToken(a: Access): Promise<JoinResponse> {
    if (a.role !== 'participant' || !a.group) throw new HttpError(403, 'only participants have group tokens');
    await this.#roomForToken(a.workshop.id);
    const token = await this.deps.workshops.issueGroupToken(a.workshop.id, a.group.number);
    return { workshopId: a.workshop.id, group: a.group.number, token, link: groupLink(a.workshop.id, a.group.number, token) };
  }

  async create(ctx: RequestContext): Promise<unknown> {
    this.#organiser(ctx);
    const body = valid(createRequest, await ctx.json(), 'body');
    const parts = [...new Set(body.parts)];
    if (parts.length === 0) throw new HttpError(400, 'body.parts: choose at least one part');
    const title = cleanText(body.title);
    if (!title) throw new HttpError(400, 'body.title: give the workshop a title');
    const made = await this.deps.workshops.create({ title, parts, groups: body.groups, locale: body.locale, groupName: (n) => groupName(n, body.locale) });
    const w = made.workshop;
    for (const g of w.groups) {
      await this.deps.rooms.change(g.room, (doc) => {
        migrate(doc);
        const board = new Board(doc);
        placeWorkshop(board, { title: `${title} · ${g.name}`, parts, locale: w.locale }, 'server');
        board.destroy();
      });
    }
    await this.control.write(w.id, initialControl(w, defaultSteps(w.parts), Date.now()));
    this.deps.log.info('workshop.create', { workshop: w.id, groups: w.groups.length, parts });
    return created(this.#createdResponse(w, made.facilitatorToken, made.plenumToken, made.groupTokens));
  }

  /** A workshop exported as JSON comes back as a new workshop with equal boards and new tokens. */
  async import(ctx: RequestContext): Promise<unknown> {
    this.#organiser(ctx);
    let data;
    try {
      data = parseWorkshopExport(cleanNames(await ctx.json(this.deps.config.maxImportBytes)));
    } catch (err) {
      if (err instanceof WorkshopExportError) throw new HttpError(400, err.message);
      throw err;
    }
    const names = new Map(data.groups.map((g, i) => [i + 1, g.name]));
    const made = await this.deps.workshops.create({
      title: data.title,
      parts: data.parts,
      groups: data.groups.length,
      locale: data.locale,
      groupName: (n) => names.get(n) ?? groupName(n, data.locale),
    });
    const w = made.workshop;
    for (const [i, g] of data.groups.entries()) {
      const room = w.groups[i]?.room as string;
      await this.deps.rooms.change(room, (doc) => Y.applyUpdate(doc, Buffer.from(g.board, 'base64')));
    }
    await this.control.write(w.id, initialControl(w, defaultSteps(w.parts), Date.now()));
    this.deps.log.info('workshop.import', { workshop: w.id, groups: w.groups.length });
    return created(this.#createdResponse(w, made.facilitatorToken, made.plenumToken, made.groupTokens));
  }

  #createdResponse(w: Workshop, facilitatorToken: string, plenumToken: string, groupTokens: Map<number, string>): CreatedWorkshopResponse {
    return {
      id: w.id,
      title: w.title,
      parts: w.parts,
      locale: w.locale,
      facilitatorToken,
      plenumToken,
      links: { facilitator: `/f/${w.id}#${facilitatorToken}`, plenum: plenumLink(w.id, plenumToken), join: '/join' },
      groups: w.groups.map((g) => {
        const token = groupTokens.get(g.number) as string;
        return { number: g.number, name: g.name, code: g.code, room: g.room, token, link: groupLink(w.id, g.number, token) } satisfies GroupLink;
      }),
    };
  }

  async join(ctx: RequestContext): Promise<JoinResponse> {
    if (!this.#joinLimits.take(ctx.ip())) throw new HttpError(429, 'too many attempts: wait a minute and try again');
    const { code } = valid(object({ code: string({ min: 1, max: 32 }) }), await ctx.json(), 'body');
    const found = await this.deps.workshops.byCode(normaliseCode(code));
    if (!found) throw new HttpError(404, 'no group has this code');
    await this.#roomForToken(found.workshopId);
    const token = await this.deps.workshops.issueGroupToken(found.workshopId, found.group);
    return { workshopId: found.workshopId, group: found.group, token, link: groupLink(found.workshopId, found.group, token) };
  }

  /**
   * The workshop as `a` may see it: codes for the facilitator only, and with them the plenum
   * link (its token derived from the facilitator token shown, `token`); a participant holding
   * the group's shared link is told so (the page trades it for a personal token).
   */
  async view(a: Access, token: string | null = null): Promise<WorkshopView> {
    const w = (await this.deps.workshops.get(a.workshop.id)) as Workshop;
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
    if (a.shared) view.sharedLink = true;
    if (a.role === 'facilitator' && token) {
      const plenum = plenumTokenFor(token);
      // Workshops from before plenum tokens get theirs the first time the console asks.
      await this.deps.workshops.addPlenumToken(w.id, plenum);
      view.plenumLink = plenumLink(w.id, plenum);
    }
    return view;
  }

  /** Every group's board frozen at once: one read of all states, one store transaction. */
  async snapshot(w: Workshop, name: string): Promise<SnapshotSetView> {
    const states = await this.deps.rooms.states(w.groups.map((g) => g.room));
    const byGroup = new Map(w.groups.map((g) => [g.number, states.get(g.room) as Uint8Array]));
    const clean = cleanText(name);
    if (!clean) throw new HttpError(400, 'body.name: give the snapshot a name');
    const set = await this.deps.workshops.saveSnapshotSet(w.id, clean, byGroup);
    this.deps.log.info('workshop.snapshot', { workshop: w.id, set: set.id, groups: set.groups.length });
    return set;
  }

  /** A snapshot of one group becomes a new group's board. */
  async restore(w: Workshop, setId: string, group: number): Promise<GroupLink> {
    const state = await this.deps.workshops.snapshot(w.id, setId, group);
    if (!state) throw new HttpError(404, 'no such snapshot');
    const source = w.groups.find((g) => g.number === group);
    const set = (await this.deps.workshops.listSnapshotSets(w.id)).find((s) => s.id === setId);
    const name = cleanText(`${source?.name ?? groupName(group, w.locale)} (${set?.name ?? setId})`).slice(0, 200);
    const { group: g, token } = await this.deps.workshops.addGroup(w.id, name);
    await this.deps.rooms.change(g.room, (doc) => Y.applyUpdate(doc, state));
    await this.control.syncGroups((await this.deps.workshops.get(w.id)) as Workshop);
    return { number: g.number, name: g.name, code: g.code, room: g.room, token, link: groupLink(w.id, g.number, token) };
  }

  /**
   * A new group whose board comes from outside (a Miro frame sent to the plenum, an import):
   * the update must decode as a board; its records are validated by every reader as usual.
   */
  async addBoard(w: Workshop, name: string, update: Uint8Array): Promise<GroupLink> {
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
    const { group: g, token } = await this.deps.workshops.addGroup(w.id, name);
    await this.deps.rooms.change(g.room, (doc) => Y.applyUpdate(doc, update));
    await this.control.syncGroups((await this.deps.workshops.get(w.id)) as Workshop);
    this.deps.log.info('workshop.add-board', { workshop: w.id, group: g.number });
    return { number: g.number, name: g.name, code: g.code, room: g.room, token, link: groupLink(w.id, g.number, token) };
  }

  /** Deletes a workshop whole: its boards, snapshots, tokens; connected clients are told and closed. */
  async delete(id: string): Promise<void> {
    const w = await this.deps.workshops.get(id);
    if (!w) return;
    await this.control.write(id, { deleted: true });
    for (const g of w.groups) await this.deps.rooms.destroy(g.room, CLOSE_DELETED.code, CLOSE_DELETED.reason);
    await this.deps.rooms.destroy(controlRoom(id), CLOSE_DELETED.code, CLOSE_DELETED.reason);
    await this.deps.workshops.delete(id);
    this.deps.log.info('workshop.delete', { workshop: id });
  }

  /**
   * Deletes workshops and free boards older than the retention period; returns how many
   * workshops. A free board's period starts when it was first opened (boards stored before
   * that was recorded start now). A workshop room whose workshop is gone (written by another
   * instance while the workshop was being deleted) is deleted too.
   */
  async deleteExpired(now = Date.now()): Promise<number> {
    const cutoff = now - this.deps.config.retentionDays * 86_400_000;
    const ids = await this.deps.workshops.expired(cutoff);
    for (const id of ids) await this.delete(id);
    const known = new Map<string, boolean>();
    for (const room of await this.deps.rooms.store.listRooms()) {
      if (!room.startsWith('w-')) {
        await this.deps.workshops.noteFreeBoard(room);
        continue;
      }
      const id = parseWorkshopRoom(room)?.workshopId;
      if (id === undefined) continue;
      if (!known.has(id)) known.set(id, (await this.deps.workshops.get(id)) !== null);
      if (!known.get(id)) await this.deps.rooms.destroy(room, CLOSE_DELETED.code, CLOSE_DELETED.reason);
    }
    const boards = await this.deps.workshops.expiredFreeBoards(cutoff);
    for (const room of boards) {
      await this.deps.rooms.destroy(room, CLOSE_EXPIRED.code, CLOSE_EXPIRED.reason);
      await this.deps.workshops.forgetFreeBoard(room);
    }
    if (boards.length > 0) this.deps.log.info('board.expired', { deleted: boards.length, retentionDays: this.deps.config.retentionDays });
    return ids.length;
  }
}

/** Close code for connections to a free board past its retention period. */
export const CLOSE_EXPIRED = { code: 4410, reason: 'board deleted: past the retention period' };

export function plenumLink(workshopId: string, token: string): string {
  return `/p/${workshopId}#${token}`;
}

/** Is `room` one of workshop `id`'s rooms? */
function isRoomOf(room: string, id: string): boolean {
  return room.startsWith(`w-${id}-`);
}

/**
 * A JSON export with its title and group names cleaned (see src/workshop/text.ts) before it is
 * checked: an export of a workshop made before names were cleaned still imports.
 */
function cleanNames(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const o = { ...(input as Record<string, unknown>) };
  if (typeof o.title === 'string') o.title = cleanText(o.title);
  if (Array.isArray(o.groups)) {
    o.groups = o.groups.map((g: unknown) => {
      if (typeof g !== 'object' || g === null || Array.isArray(g)) return g;
      const gg = { ...(g as Record<string, unknown>) };
      if (typeof gg.name === 'string') gg.name = cleanText(gg.name);
      return gg;
    });
  }
  return o;
}

export function groupLink(workshopId: string, n: number, token: string): string {
  return `/g/${workshopId}/${n}#${token}`;
}

/** May `a` read group `n`'s board? */
export function canRead(a: Access, n: number): boolean {
  return a.role === 'facilitator' || a.role === 'plenum' || a.group?.number === n || a.workshop.crossView;
}

export { groupRoom };
