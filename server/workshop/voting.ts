/**
 * Dot voting on the server (the contract is src/workshop/vote-api.ts): participant credentials,
 * starting, casting, closing and revealing a vote, and the plenum's live totals. The rules are
 * the store's (one transaction per ballot: open, not past its end, known items, the allowance);
 * this module checks who asks, turns a refusal into an HTTP answer, tells every page through the
 * control document that a vote is on (never its dots or totals), closes a vote at its end time,
 * and answers the plenum's long poll as soon as a ballot changes the totals.
 *
 * Anonymity: only counts leave the server. A participant is told its own ballot, nobody else's;
 * no answer names a credential or its hash; the ballots are dropped when the vote closes.
 *
 * One process: the long poll hears the ballots this process took. A server of several
 * instances tells the others through {@link VoteHub.notify} (e.g. on a fan-out channel).
 */
import type { Locale } from '../../src/i18n/index.js';
import { integer, nullable, number, object, optional, string, boolean, type Validator } from '../../src/model/validate.js';
import type { VoteSignal } from '../../src/model/control.js';
import { synthesisList, synthesisLists, synthesize, type Synthesis } from '../../src/workshop/synthesis.js';
import {
  MAX_DOTS,
  MAX_VOTE_ITEMS,
  MAX_VOTE_MINUTES,
  PARTICIPANT_HEADER,
  type BallotResponse,
  type StartVoteRequest,
  type VoteListChoice,
  type VoteTotals,
  type VoteView,
} from '../../src/workshop/vote-api.js';
import { closeBoard, openBoard } from '../export/input.js';
import { HttpError } from '../http/errors.js';
import type { Logger } from '../http/log.js';
import { created, type RequestContext, type Router } from '../http/router.js';
import type { WorkshopStore } from '../storage/store.js';
import type { StoredVote, VoteStore } from '../storage/vote-store.js';
import type { Rooms } from '../sync/rooms.js';
import type { Control } from './control.js';
import type { Access, Role, Workshop } from './types.js';

/** Credentials one workshop issues at most: far above 150 people's browsers. */
export const MAX_PARTICIPANTS_PER_WORKSHOP = 5000;
/** How long the plenum's long poll waits for a change before it answers anyway. */
export const LONG_POLL_MS = 25_000;

export interface VotingDeps {
  workshops: WorkshopStore;
  rooms: Rooms;
  control: Control;
  log: Logger;
  /** The caller's access (else an HttpError 401/404). */
  access(ctx: RequestContext): Access | Promise<Access>;
  now?: () => number;
  longPollMs?: number;
}

function valid<T>(v: Validator<T>, input: unknown, what: string): T {
  const r = v.validate(input, what);
  if (!r.ok) throw new HttpError(400, r.error);
  return r.value;
}

const startRequest: Validator<StartVoteRequest> = object({
  list: string({ min: 3, max: 80 }),
  dots: integer({ min: 1, max: MAX_DOTS }),
  minutes: optional(nullable(number({ min: 0, exclusiveMin: true, max: MAX_VOTE_MINUTES }))),
  hidden: boolean(),
  snapshot: optional(string({ max: 32, pattern: /^[A-Za-z0-9_-]{1,32}$/ })),
});

/** A ballot: item key -> dots; the body's size bounds it. */
const ballotRequest: Validator<Map<number, number>> = {
  validate(v, path) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return { ok: false, error: `${path}: expected { dots: { <item>: <dots> } }` };
    const dots = (v as { dots?: unknown }).dots;
    if (typeof dots !== 'object' || dots === null || Array.isArray(dots)) return { ok: false, error: `${path}.dots: expected an object of item keys` };
    const out = new Map<number, number>();
    const entries = Object.entries(dots as Record<string, unknown>);
    if (entries.length > MAX_VOTE_ITEMS) return { ok: false, error: `${path}.dots: more than ${MAX_VOTE_ITEMS} items` };
    for (const [k, n] of entries) {
      if (!/^\d{1,4}$/.test(k)) return { ok: false, error: `${path}.dots: ${k.slice(0, 10)} is not an item key` };
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_DOTS) return { ok: false, error: `${path}.dots.${k}: expected a whole number from 0 to ${MAX_DOTS}` };
      out.set(Number(k), n);
    }
    return { ok: true, value: out };
  },
};

/** Waiters of the plenum's long polls, by vote. */
export class VoteHub {
  readonly #waiting = new Map<string, Set<() => void>>();

  /** Resolves when vote `id` changes, after `ms`, or when `socket` closes (the poller went away). */
  wait(id: string, ms: number, socket?: { once(event: 'close', l: () => void): unknown; off(event: 'close', l: () => void): unknown }): Promise<void> {
    return new Promise<void>((resolve) => {
      const set = this.#waiting.get(id) ?? this.#waiting.set(id, new Set()).get(id)!;
      const done = (): void => {
        clearTimeout(timer);
        socket?.off('close', done);
        set.delete(done);
        if (set.size === 0 && this.#waiting.get(id) === set) this.#waiting.delete(id);
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref?.();
      set.add(done);
      socket?.once('close', done);
    });
  }

  /** Vote `id` changed: every long poll on it answers. */
  notify(id: string): void {
    for (const done of [...(this.#waiting.get(id) ?? [])]) done();
  }

  /** Long polls waiting now (tests, metrics). */
  get waiting(): number {
    let n = 0;
    for (const s of this.#waiting.values()) n += s.size;
    return n;
  }
}

/** May `role` see the totals of `vote`? The facilitator always; others once they are not hidden. */
export function totalsVisible(vote: StoredVote, role: Role): boolean {
  return role === 'facilitator' || !vote.hidden || vote.revealedAt !== null;
}

export class Voting {
  readonly hub = new VoteHub();
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #now: () => number;

  constructor(readonly deps: VotingDeps) {
    this.#now = deps.now ?? Date.now;
    // Votes left open by a server that stopped: closed when past their end, else timed again.
    void (async () => {
      for (const v of await this.store.openVotes()) this.#schedule(v);
    })();
  }

  get store(): VoteStore {
    return this.deps.workshops.votes;
  }

  /** The synthesis of the workshop's live boards or of a snapshot set's. */
  async synthesis(w: Workshop, snapshot?: string): Promise<{ synthesis: Synthesis; source: string }> {
    let groups: { number: number; name: string; state: Uint8Array | null }[];
    let source = '';
    if (snapshot) {
      const set = (await this.deps.workshops.listSnapshotSets(w.id)).find((s) => s.id === snapshot);
      if (!set) throw new HttpError(404, 'no such snapshot');
      source = set.name;
      groups = await Promise.all(
        w.groups.map(async (g) => ({ number: g.number, name: g.name, state: set.groups.includes(g.number) ? await this.deps.workshops.snapshot(w.id, set.id, g.number) : null })),
      );
    } else {
      const states = await this.deps.rooms.states(w.groups.map((g) => g.room));
      groups = w.groups.map((g) => ({ number: g.number, name: g.name, state: states.get(g.room) ?? null }));
    }
    const boards = groups.map((g) => ({ number: g.number, name: g.name, board: g.state ? openBoard(g.state) : null }));
    try {
      return { synthesis: synthesize(boards, w.locale as Locale), source };
    } finally {
      for (const b of boards) if (b.board) closeBoard(b.board);
    }
  }

  async view(vote: StoredVote, role: Role, credential?: string | null): Promise<VoteView> {
    const counts = (await this.store.counts(vote.id)) ?? { version: vote.version, totals: vote.items.map(() => 0), voters: 0, cast: 0 };
    const out: VoteView = {
      id: vote.id,
      list: vote.list,
      title: vote.title,
      dots: vote.dots,
      endsAt: vote.endsAt,
      hidden: vote.hidden,
      revealed: vote.revealedAt !== null,
      state: vote.closedAt === null ? 'open' : 'closed',
      createdAt: vote.createdAt,
      closedAt: vote.closedAt,
      source: vote.source,
      items: vote.items,
      voters: counts.voters,
      cast: counts.cast,
      totals: totalsVisible(vote, role) ? counts.totals : null,
    };
    if (credential && role === 'participant' && (await this.store.isParticipant(vote.workshopId, credential))) {
      out.mine = Object.fromEntries([...(await this.store.ballot(vote.id, credential))].map(([k, n]) => [String(k), n]));
    }
    return out;
  }

  async totals(vote: StoredVote, role: Role): Promise<VoteTotals> {
    const counts = (await this.store.counts(vote.id)) ?? { version: vote.version, totals: [], voters: 0, cast: 0 };
    return {
      id: vote.id,
      version: counts.version,
      state: vote.closedAt === null ? 'open' : 'closed',
      revealed: vote.revealedAt !== null,
      voters: counts.voters,
      cast: counts.cast,
      totals: totalsVisible(vote, role) ? counts.totals : null,
    };
  }

  async #signal(vote: StoredVote): Promise<void> {
    const signal: VoteSignal = { id: vote.id, open: vote.closedAt === null, revealed: !vote.hidden || vote.revealedAt !== null, at: this.#now() };
    await this.deps.control.write(vote.workshopId, { vote: signal });
  }

  async start(w: Workshop, req: StartVoteRequest): Promise<StoredVote> {
    if (await this.store.openVote(w.id)) throw new HttpError(409, 'a vote is open already: close it first');
    const { synthesis, source } = await this.synthesis(w, req.snapshot);
    const list = synthesisList(synthesis, req.list, w.locale as Locale);
    if (!list) throw new HttpError(400, `body.list: no list ${req.list.slice(0, 80)} in the synthesis`);
    const items = list.items.slice(0, MAX_VOTE_ITEMS).map((item, i) => ({ key: i + 1, label: item.label.slice(0, 500), detail: item.detail.slice(0, 200), groups: item.groups }));
    if (items.length === 0) throw new HttpError(409, `the list "${list.title}" is empty: there is nothing to vote on yet`);
    const now = this.#now();
    const vote = await this.store.create(
      w.id,
      { list: list.id, title: list.title, dots: req.dots, endsAt: req.minutes ? now + Math.round(req.minutes * 60_000) : null, hidden: req.hidden, source, items },
      now,
    );
    await this.#signal(vote);
    this.#schedule(vote);
    this.deps.log.info('vote.start', { workshop: w.id, vote: vote.id, list: list.id, items: items.length, dots: req.dots });
    return vote;
  }

  async close(workshopId: string, voteId: string): Promise<StoredVote> {
    const before = await this.store.get(workshopId, voteId);
    if (!before) throw new HttpError(404, 'no such vote');
    const vote = (await this.store.close(workshopId, voteId, this.#now())) as StoredVote;
    clearTimeout(this.#timers.get(voteId));
    this.#timers.delete(voteId);
    if (before.closedAt === null) {
      await this.#signal(vote);
      this.hub.notify(voteId);
      this.deps.log.info('vote.close', { workshop: workshopId, vote: voteId });
    }
    return vote;
  }

  async reveal(workshopId: string, voteId: string): Promise<StoredVote> {
    const vote = await this.store.reveal(workshopId, voteId, this.#now());
    if (!vote) throw new HttpError(404, 'no such vote');
    await this.#signal(vote);
    this.hub.notify(voteId);
    return vote;
  }

  /** Closes `vote` at its end time (at once when that has passed). */
  #schedule(vote: StoredVote): void {
    if (vote.endsAt === null || vote.closedAt !== null) return;
    const close = (): void => {
      this.#timers.delete(vote.id);
      void (async () => {
        if ((await this.store.get(vote.workshopId, vote.id))?.closedAt === null) await this.close(vote.workshopId, vote.id);
      })().catch((err: unknown) => this.deps.log.error('vote.close-failed', { vote: vote.id, error: String(err) }));
    };
    const delay = vote.endsAt - this.#now();
    if (delay <= 0) return close();
    const timer = setTimeout(close, delay);
    timer.unref?.();
    this.#timers.set(vote.id, timer);
  }

  /** Stops the end-time timers (the server is closing). */
  stop(): void {
    for (const t of this.#timers.values()) clearTimeout(t);
    this.#timers.clear();
  }
}

/** The participant credential a request carries, if any. */
function credentialOf(ctx: RequestContext): string | null {
  const h = ctx.req.headers[PARTICIPANT_HEADER];
  return typeof h === 'string' && h !== '' ? h : null;
}

export function registerVoteRoutes(r: Router, deps: VotingDeps): Voting {
  const voting = new Voting(deps);
  const { store } = voting;
  const longPollMs = deps.longPollMs ?? LONG_POLL_MS;

  const facilitator = async (ctx: RequestContext): Promise<Access> => {
    const a = await deps.access(ctx);
    if (a.role !== 'facilitator') throw new HttpError(403, 'only the facilitator may do this');
    return a;
  };
  const vote = async (a: Access, ctx: RequestContext): Promise<StoredVote> => {
    const v = await store.get(a.workshop.id, ctx.params.vote as string);
    if (!v) throw new HttpError(404, 'no such vote');
    return v;
  };

  r.on('POST', '/api/workshops/:id/participants', async (ctx) => {
    const a = await deps.access(ctx);
    if (a.role !== 'participant') throw new HttpError(403, 'only participants vote');
    if ((await store.participantCount(a.workshop.id)) >= MAX_PARTICIPANTS_PER_WORKSHOP) {
      throw new HttpError(429, `this workshop has issued ${MAX_PARTICIPANTS_PER_WORKSHOP} participant credentials, its limit`);
    }
    return created({ credential: await store.issueParticipant(a.workshop.id) });
  });

  r.on('GET', '/api/workshops/:id/votes', async (ctx) => {
    const a = await deps.access(ctx);
    return Promise.all((await store.list(a.workshop.id)).map((v) => voting.view(v, a.role, credentialOf(ctx))));
  });

  r.on('GET', '/api/workshops/:id/votes/lists', async (ctx) => {
    const a = await facilitator(ctx);
    const snapshot = ctx.url.searchParams.get('snapshot') || undefined;
    const { synthesis } = await voting.synthesis(a.workshop, snapshot);
    return synthesisLists(synthesis, a.workshop.locale as Locale).map((l): VoteListChoice => ({ id: l.id, title: l.title, count: Math.min(l.items.length, MAX_VOTE_ITEMS) }));
  });

  r.on('POST', '/api/workshops/:id/votes', async (ctx) => {
    const a = await facilitator(ctx);
    const body = valid(startRequest, await ctx.json(), 'body');
    return created(await voting.view(await voting.start(a.workshop, body), a.role));
  });

  r.on('GET', '/api/workshops/:id/votes/:vote', async (ctx) => {
    const a = await deps.access(ctx);
    return voting.view(await vote(a, ctx), a.role, credentialOf(ctx));
  });

  r.on('PUT', '/api/workshops/:id/votes/:vote/ballot', async (ctx): Promise<BallotResponse> => {
    const a = await deps.access(ctx);
    if (a.role !== 'participant') throw new HttpError(403, 'only participants vote');
    const credential = credentialOf(ctx);
    if (!credential) throw new HttpError(401, `missing participant credential (${PARTICIPANT_HEADER} header; POST …/participants gives one)`);
    if (!(await store.isParticipant(a.workshop.id, credential))) throw new HttpError(403, 'this participant credential is not one of this workshop');
    const id = ctx.params.vote as string;
    const dots = valid(ballotRequest, await ctx.json(16 * 1024), 'body');
    // The store checks the vote (its existence, state, items and allowance) in the ballot's transaction.
    const result = await store.cast(a.workshop.id, id, credential, dots, deps.now?.() ?? Date.now());
    if (!result.ok) {
      if (result.reason === 'closed') throw new HttpError(409, 'the vote is closed');
      if (result.reason === 'allowance') throw new HttpError(400, `body.dots: more than the ${(await store.get(a.workshop.id, id))?.dots ?? 0} dots this vote gives each participant`);
      if (result.reason === 'item') throw new HttpError(400, 'body.dots: an item this vote does not have');
      throw new HttpError(404, 'no such vote');
    }
    voting.hub.notify(id);
    return { mine: Object.fromEntries([...result.mine].map(([k, n]) => [String(k), n])), used: result.used, version: result.version };
  });

  r.on('POST', '/api/workshops/:id/votes/:vote/close', async (ctx) => {
    const a = await facilitator(ctx);
    return voting.view(await voting.close(a.workshop.id, (await vote(a, ctx)).id), a.role);
  });

  r.on('POST', '/api/workshops/:id/votes/:vote/reveal', async (ctx) => {
    const a = await facilitator(ctx);
    return voting.view(await voting.reveal(a.workshop.id, (await vote(a, ctx)).id), a.role);
  });

  r.on('GET', '/api/workshops/:id/votes/:vote/totals', async (ctx) => {
    const a = await deps.access(ctx);
    if (a.role !== 'facilitator' && a.role !== 'plenum') throw new HttpError(403, 'only the facilitator and the plenum view follow the totals');
    const v0 = await vote(a, ctx);
    const id = v0.id;
    const after = Number(ctx.url.searchParams.get('after') ?? -1);
    const now = await voting.totals(v0, a.role);
    if (!Number.isFinite(after) || now.version > after) return now;
    await voting.hub.wait(id, longPollMs, ctx.req.socket);
    const v = await store.get(a.workshop.id, id);
    if (!v) throw new HttpError(404, 'no such vote');
    return voting.totals(v, a.role);
  });

  return voting;
}
