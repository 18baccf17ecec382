/**
 * The browser's calls for the plenum's features (contract: src/workshop/vote-api.ts and the
 * pointer in src/workshop/api.ts): votes (start, follow, cast, close, reveal), the participant
 * credential a browser keeps, and the facilitator's "look here" pointer. Apart from
 * api-client.ts so that only the pages that vote or present load it (the participant's page
 * loads it with its vote list, when a vote opens). Errors are {@link PlenumError}s.
 */
import type { Pointer } from '../workshop/api.js';
import {
  PARTICIPANT_HEADER,
  type BallotResponse,
  type ParticipantCredential,
  type StartVoteRequest,
  type VoteListChoice,
  type VoteTotals,
  type VoteView,
} from '../workshop/vote-api.js';
import type { FetchLike } from './api-client.js';

/**
 * A refused or failed call: the server's `{ error }` text, or 'network'. Its own class (not
 * api-client's ApiError) so that the participant's lazily loaded vote list does not pull the
 * API client's chunk apart (see vote-list.ts).
 */
export class PlenumError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'PlenumError';
  }
}

export interface PlenumClientOptions {
  token: string;
  fetch?: FetchLike;
  base?: string;
}

export class PlenumClient {
  readonly #token: string;
  readonly #fetch: FetchLike;
  readonly #base: string;

  constructor(opts: PlenumClientOptions) {
    this.#token = opts.token;
    this.#fetch = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#base = opts.base ?? '';
  }

  async #json<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<T> {
    const h: Record<string, string> = { authorization: `Bearer ${this.#token}`, ...headers };
    if (body !== undefined) h['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await this.#fetch(this.#base + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body), ...(signal ? { signal } : {}) });
    } catch (err) {
      if (signal?.aborted) throw err;
      throw new PlenumError(0, 'network');
    }
    let data: unknown = null;
    try {
      data = await res.json();
    } catch {
      /* no JSON */
    }
    if (!res.ok) {
      const error = data && typeof data === 'object' && typeof (data as { error?: unknown }).error === 'string' ? (data as { error: string }).error : `HTTP ${res.status}`;
      throw new PlenumError(res.status, error);
    }
    return data as T;
  }

  #w(id: string): string {
    return `/api/workshops/${encodeURIComponent(id)}`;
  }

  /** A new participant credential for this browser. */
  participant(id: string): Promise<ParticipantCredential> {
    return this.#json('POST', `${this.#w(id)}/participants`);
  }

  votes(id: string): Promise<VoteView[]> {
    return this.#json('GET', `${this.#w(id)}/votes`);
  }

  vote(id: string, vote: string, credential?: string): Promise<VoteView> {
    return this.#json('GET', `${this.#w(id)}/votes/${encodeURIComponent(vote)}`, undefined, credential ? { [PARTICIPANT_HEADER]: credential } : {});
  }

  lists(id: string, snapshot?: string): Promise<VoteListChoice[]> {
    return this.#json('GET', `${this.#w(id)}/votes/lists${snapshot ? `?snapshot=${encodeURIComponent(snapshot)}` : ''}`);
  }

  start(id: string, req: StartVoteRequest): Promise<VoteView> {
    return this.#json('POST', `${this.#w(id)}/votes`, req);
  }

  ballot(id: string, vote: string, credential: string, dots: Record<string, number>): Promise<BallotResponse> {
    return this.#json('PUT', `${this.#w(id)}/votes/${encodeURIComponent(vote)}/ballot`, { dots }, { [PARTICIPANT_HEADER]: credential });
  }

  close(id: string, vote: string): Promise<VoteView> {
    return this.#json('POST', `${this.#w(id)}/votes/${encodeURIComponent(vote)}/close`);
  }

  reveal(id: string, vote: string): Promise<VoteView> {
    return this.#json('POST', `${this.#w(id)}/votes/${encodeURIComponent(vote)}/reveal`);
  }

  /** The totals once they are past `after` (a long poll the server answers when a ballot lands). */
  totals(id: string, vote: string, after: number, signal?: AbortSignal): Promise<VoteTotals> {
    return this.#json('GET', `${this.#w(id)}/votes/${encodeURIComponent(vote)}/totals?after=${after}`, undefined, {}, signal);
  }

  /** Shows (or, with null, takes away) the facilitator's "look here" pointer on group `group`'s screens. */
  pointer(id: string, group: number, point: { x: number; y: number } | null): Promise<Pointer | null> {
    return this.#json('POST', `${this.#w(id)}/pointer`, { group, point });
  }
}

const CREDENTIAL = /^[A-Za-z0-9_-]{32}$/;

/**
 * This browser's participant credential for workshop `id`: kept in localStorage (so every tab
 * of the browser is the same participant), asked for once. Two tabs asking at once share one
 * (a Web Lock where the browser has them; the first one stored wins).
 */
export async function participantCredential(client: PlenumClient, id: string, storage: Storage | null = safeLocalStorage()): Promise<string> {
  const key = `kaedeboard:voter:${id}`;
  const stored = (): string | null => {
    const v = storage?.getItem(key) ?? null;
    return v && CREDENTIAL.test(v) ? v : null;
  };
  const get = async (): Promise<string> => {
    const have = stored();
    if (have) return have;
    const { credential } = await client.participant(id);
    const now = stored();
    if (now) return now;
    storage?.setItem(key, credential);
    return credential;
  };
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? locks.request(key, get) : get();
}

function safeLocalStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
