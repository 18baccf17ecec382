/**
 * Votes as the server keeps them (the `VoteStore` every storage backend implements; SQLite's
 * is ./sqlite/vote-store.ts): a workshop's votes with their frozen items, the participant
 * credentials the workshop has issued (as SHA-256 hashes only), and, while a vote is open,
 * each credential's ballot. The store enforces the rules in one transaction per write, so a
 * backend that runs requests concurrently still never lets a ballot pass the allowance or land
 * in a closed vote. Closing a vote fixes its totals and drops the ballots: afterwards nothing
 * stored says which credential placed which dot. Deleting a workshop deletes its votes and
 * credentials.
 */
import type { VoteItem } from '../../src/workshop/vote-api.js';

export interface NewVote {
  list: string;
  title: string;
  dots: number;
  endsAt: number | null;
  hidden: boolean;
  /** '' for the live boards, else the snapshot set's name. */
  source: string;
  items: VoteItem[];
}

export interface StoredVote extends NewVote {
  id: string;
  workshopId: string;
  createdAt: number;
  closedAt: number | null;
  revealedAt: number | null;
  /** Grows with every ballot, and when the vote is closed or revealed. */
  version: number;
}

export interface VoteCounts {
  version: number;
  /** Dots per item, in item order. */
  totals: number[];
  voters: number;
  cast: number;
}

export type CastResult =
  | { ok: true; mine: Map<number, number>; used: number; version: number }
  | { ok: false; reason: 'no-vote' | 'closed' | 'allowance' | 'item' };

export interface VoteStore {
  /** A new participant credential for workshop `id` (kept as a hash). */
  issueParticipant(workshopId: string, now?: number): Promise<string>;
  /** Credentials workshop `id` has issued (a bound on them). */
  participantCount(workshopId: string): Promise<number>;
  /** Is `credential` a participant of workshop `id`? */
  isParticipant(workshopId: string, credential: string): Promise<boolean>;
  /** Starts a vote; the caller has checked that none is open. */
  create(workshopId: string, input: NewVote, now?: number): Promise<StoredVote>;
  get(workshopId: string, voteId: string): Promise<StoredVote | null>;
  /** The workshop's votes, oldest first. */
  list(workshopId: string): Promise<StoredVote[]>;
  /** The workshop's open vote, if any (one past its end time is still open until closed). */
  openVote(workshopId: string): Promise<StoredVote | null>;
  /** Every open vote of every workshop (the server closes those past their end at start). */
  openVotes(): Promise<StoredVote[]>;
  /**
   * Replaces `credential`'s ballot in vote `voteId` with `dots` (item key -> dots; 0s dropped),
   * in one transaction that refuses a closed vote or one past its end time at `now`, an item the
   * vote does not have, and more dots than the vote allows.
   */
  cast(workshopId: string, voteId: string, credential: string, dots: ReadonlyMap<number, number>, now?: number): Promise<CastResult>;
  /** `credential`'s own ballot in vote `voteId` (empty when none, or closed). */
  ballot(voteId: string, credential: string): Promise<Map<number, number>>;
  /** The vote's totals: from the ballots while open, as fixed when closed. */
  counts(voteId: string): Promise<VoteCounts | null>;
  /** Closes the vote: its totals are fixed and its ballots dropped. Returns it (null: unknown). */
  close(workshopId: string, voteId: string, now?: number): Promise<StoredVote | null>;
  /** Shows the vote's totals to everyone from now on. */
  reveal(workshopId: string, voteId: string, now?: number): Promise<StoredVote | null>;
}
