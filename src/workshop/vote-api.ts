/**
 * Dot voting, the contract between the server (server/workshop/voting.ts) and the pages (the
 * console starts and ends a vote, the participant's vote list casts dots, the plenum shows the
 * totals), and the ranking every reader of a result shares. Runs everywhere.
 *
 * A vote is held over one list of the plenum's synthesis (src/workshop/synthesis.ts), frozen
 * when the vote starts. Each participant has `dots` dots to place on its items (several on one
 * item too) and may move them until the vote closes (the facilitator closes it, or its end
 * time passes). A participant is a browser: it asks once for a participant credential (kept
 * in that browser's localStorage, so a second tab is the same participant) and sends it with
 * every ballot in the `X-Participant` header, beside its group token. The server enforces the
 * rules; only counts leave it: no answer and no export says which credential placed which dot,
 * and when a vote closes the ballots are dropped and only the totals are kept.
 *
 *   POST /api/workshops/:id/participants              (participant)          -> ParticipantCredential
 *   GET  /api/workshops/:id/votes                     (any role)             -> VoteView[]   (newest last)
 *   GET  /api/workshops/:id/votes/lists[?snapshot=S]  (facilitator)          -> VoteListChoice[]
 *   POST /api/workshops/:id/votes                     StartVoteRequest       -> VoteView (201; facilitator; one open vote at a time)
 *   GET  /api/workshops/:id/votes/:vote               (any role)             -> VoteView (with `mine` for a participant's credential)
 *   PUT  /api/workshops/:id/votes/:vote/ballot        BallotRequest          -> BallotResponse (participant + X-Participant)
 *   POST /api/workshops/:id/votes/:vote/close         (facilitator)          -> VoteView
 *   POST /api/workshops/:id/votes/:vote/reveal        (facilitator)          -> VoteView
 *   GET  /api/workshops/:id/votes/:vote/totals?after=V (facilitator, plenum) -> VoteTotals: answers at once when the
 *        vote's version is past V, else when it changes (or after about 25 s): the plenum's live totals, a long poll.
 *
 * Totals are shown to the facilitator always; to the plenum and the participants when the vote
 * does not hide them, or once the facilitator has revealed them.
 */

/** Dots one participant may have in one vote, at most. */
export const MAX_DOTS = 20;
/** Items one vote may hold, at most (a list longer than this is cut). */
export const MAX_VOTE_ITEMS = 200;
/** Longest a vote may run with an end time, in minutes. */
export const MAX_VOTE_MINUTES = 240;
/** The header that carries a participant's credential. */
export const PARTICIPANT_HEADER = 'x-participant';

export interface ParticipantCredential {
  credential: string;
}

export interface VoteItem {
  /** 1..n, in list order. */
  key: number;
  label: string;
  detail: string;
  /** The groups whose boards hold it. */
  groups: number[];
}

export interface VoteView {
  id: string;
  /** The synthesis list it is held over (`<kind>:<key>`). */
  list: string;
  title: string;
  /** Dots per participant. */
  dots: number;
  /** When it closes by itself (ms since epoch); null: when the facilitator closes it. */
  endsAt: number | null;
  /** Totals hidden from the plenum and the participants until revealed. */
  hidden: boolean;
  revealed: boolean;
  state: 'open' | 'closed';
  createdAt: number;
  closedAt: number | null;
  /** The boards it was taken from: '' for the live boards, else the snapshot set's name. */
  source: string;
  items: VoteItem[];
  /** Participants with at least one dot placed, and the dots placed. */
  voters: number;
  cast: number;
  /** Dots per item, in `items` order; null while hidden from the caller. */
  totals: number[] | null;
  /** The caller's own dots by item key (a participant sending its credential). */
  mine?: Record<string, number>;
}

export interface VoteTotals {
  id: string;
  /** Grows with every change of the vote (a ballot, closing, revealing). */
  version: number;
  state: 'open' | 'closed';
  revealed: boolean;
  voters: number;
  cast: number;
  totals: number[] | null;
}

export interface VoteListChoice {
  id: string;
  title: string;
  /** Items it holds now. */
  count: number;
}

export interface StartVoteRequest {
  list: string;
  dots: number;
  /** Minutes until it closes by itself; null or absent: until the facilitator closes it. */
  minutes?: number | null;
  hidden: boolean;
  /** A snapshot set to take the list from (default: the live boards). */
  snapshot?: string;
}

export interface BallotRequest {
  /** Dots by item key; the whole ballot (it replaces the one before). */
  dots: Record<string, number>;
}

export interface BallotResponse {
  mine: Record<string, number>;
  used: number;
  /** The vote's version with this ballot in (the plenum's totals of this version or later hold it). */
  version: number;
}

/** An item with its total and its rank (equal totals share a rank: 1, 2, 2, 4). */
export interface RankedItem extends VoteItem {
  total: number;
  rank: number;
}

/** The items ranked by their totals (most dots first; equal totals keep the list's order). */
export function rankVote(items: readonly VoteItem[], totals: readonly number[]): RankedItem[] {
  const withTotals = items.map((item, i) => ({ ...item, total: totals[i] ?? 0, at: i }));
  withTotals.sort((a, b) => b.total - a.total || a.at - b.at);
  let rank = 0;
  return withTotals.map(({ at: _at, ...item }, i, all) => {
    if (i === 0 || (all[i - 1] as { total: number }).total !== item.total) rank = i + 1;
    return { ...item, rank };
  });
}

/** The dots a ballot places in all. */
export function dotsUsed(dots: Readonly<Record<string, number>>): number {
  return Object.values(dots).reduce((n, d) => n + d, 0);
}
