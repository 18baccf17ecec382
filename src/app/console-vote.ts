/**
 * `<kb-console-vote>`: the console's card for dot voting. With no vote open: choose a list of
 * the synthesis (with how many items it holds now, from the live boards or a snapshot set), the
 * dots per participant, an optional end time and whether the result stays hidden until
 * revealed, then start. While a vote is open: how many took part, the items with most dots so
 * far (the facilitator always sees them), reveal and close. A page part (see `page-part.ts`)
 * that makes its own calls (src/app/plenum-client.ts), so the console page only places it.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { VoteSignal } from '../model/control.js';
import type { SnapshotSetView } from '../workshop/api.js';
import { sm } from '../workshop/synthesis-messages.js';
import { MAX_DOTS, MAX_VOTE_MINUTES, rankVote, type VoteListChoice, type VoteView } from '../workshop/vote-api.js';
import { consoleVoteStyles } from './console-vote.styles.js';
import { PagePart } from './page-part.js';
import { PlenumClient } from './plenum-client.js';
import { pm } from './plenum-messages.js';

const LIVE = '';

@customElement('kb-console-vote')
export class KbConsoleVote extends PagePart {
  static override styles = consoleVoteStyles;

  @property() workshopId = '';
  /** The facilitator's token. */
  @property() token = '';
  /** The vote the control document signals (null: none yet). */
  @property({ attribute: false }) signal: VoteSignal | null = null;
  @property({ attribute: false }) snapshots: SnapshotSetView[] = [];
  /** The client (tests pass one over a fake fetch). */
  @property({ attribute: false }) client: PlenumClient | null = null;

  @state() private lists: VoteListChoice[] = [];
  @state() private vote: VoteView | null = null;
  @state() private source = LIVE;
  @state() private status = '';
  @state() private failed = false;
  @state() private busy = false;

  #loaded = '';
  #poll: ReturnType<typeof setInterval> | undefined;

  get #client(): PlenumClient {
    return (this.client ??= new PlenumClient({ token: this.token }));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#loadLists();
    // While a vote is open, its figures follow (the plenum has them live; here every few seconds).
    this.#poll = setInterval(() => {
      if (this.vote?.state === 'open') void this.#loadVote(this.vote.id);
    }, 3000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#poll);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const s = this.signal;
    if (changed.has('signal') && s && `${s.id}:${s.at}` !== this.#loaded) {
      this.#loaded = `${s.id}:${s.at}`;
      void this.#loadVote(s.id);
    }
  }

  async #act<T>(f: () => Promise<T>, done: (r: T) => void): Promise<void> {
    this.busy = true;
    this.failed = false;
    try {
      done(await f());
    } catch (err) {
      this.failed = true;
      this.status = err instanceof Error ? err.message : String(err);
    } finally {
      this.busy = false;
    }
  }

  #loadLists(): Promise<void> {
    return this.#act(
      () => this.#client.lists(this.workshopId, this.source || undefined),
      (lists) => (this.lists = lists),
    );
  }

  async #loadVote(id: string): Promise<void> {
    try {
      this.vote = await this.#client.vote(this.workshopId, id);
    } catch (err) {
      this.failed = true;
      this.status = err instanceof Error ? err.message : String(err);
    }
  }

  #start(e: SubmitEvent): void {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const minutes = Number(f.get('minutes'));
    const list = String(f.get('list'));
    if ((this.lists.find((l) => l.id === list)?.count ?? 0) === 0) {
      this.failed = true;
      this.status = pm('console.voteEmpty');
      return;
    }
    void this.#act(
      () =>
        this.#client.start(this.workshopId, {
          list,
          dots: Number(f.get('dots')),
          hidden: f.get('hidden') === 'on',
          ...(minutes > 0 ? { minutes } : {}),
          ...(this.source ? { snapshot: this.source } : {}),
        }),
      (vote) => {
        this.vote = vote;
        this.status = pm('console.voteStarted', { title: vote.title });
      },
    );
  }

  #renderStart() {
    return html`<form class="stack" @submit=${this.#start}>
      <div class="fields">
        <div class="field">
          <label for="vote-source">${pm('console.voteSource')}</label>
          <select
            id="vote-source"
            @change=${(e: Event) => {
              this.source = (e.target as HTMLSelectElement).value;
              void this.#loadLists();
            }}
          >
            <option value=${LIVE} ?selected=${this.source === LIVE}>${pm('console.voteLive')}</option>
            ${[...this.snapshots].sort((a, b) => b.createdAt - a.createdAt).map((s) => html`<option value=${s.id} ?selected=${this.source === s.id}>${s.name}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="vote-list">${pm('console.voteList')}</label>
          <select id="vote-list" name="list">
            ${this.lists.map((l) => html`<option value=${l.id} ?selected=${l.id === 'bor-gor-matrix:bor-ikke-gor'}>${pm('console.voteListItem', { title: l.title, count: l.count })}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="vote-dots">${pm('console.voteDots')}</label>
          <input id="vote-dots" name="dots" type="number" min="1" max=${MAX_DOTS} value="3" required />
        </div>
        <div class="field">
          <label for="vote-minutes">${pm('console.voteMinutes')}</label>
          <input id="vote-minutes" name="minutes" type="number" min="0" max=${MAX_VOTE_MINUTES} step="any" />
        </div>
      </div>
      <label class="check"><input type="checkbox" name="hidden" id="vote-hidden" checked />${pm('console.voteHidden')}</label>
      <div class="row">
        <button type="submit" data-action="vote-start" ?disabled=${this.busy || this.lists.length === 0}>${pm('console.voteStart')}</button>
        <button type="button" class="secondary" data-action="vote-lists" ?disabled=${this.busy} @click=${() => void this.#loadLists()}>${pm('console.voteRefresh')}</button>
      </div>
    </form>`;
  }

  #renderVote(v: VoteView) {
    const open = v.state === 'open';
    const top = v.totals ? rankVote(v.items, v.totals).slice(0, 3) : [];
    return html`<div class="stack" data-vote=${v.id}>
      <p><strong>${v.title}</strong> – ${open ? sm('voteOpen') : sm('voteClosed')}${v.hidden && !v.revealed ? html` · <span class="hint">${pm('votes.hiddenFor')}</span>` : nothing}</p>
      <p class="vote-figures">${sm('voteDots', { dots: v.dots })} · ${sm('voteVoters', { voters: v.voters, cast: v.cast })}</p>
      ${top.length > 0 && v.cast > 0
        ? html`<p class="hint">${pm('console.voteTop')}</p>
            <ol class="top">${top.map((i) => html`<li>${i.label} – ${i.total}</li>`)}</ol>`
        : nothing}
      <div class="row">
        ${v.hidden && !v.revealed
          ? html`<button type="button" class="secondary" data-action="vote-reveal" ?disabled=${this.busy} @click=${() => void this.#act(() => this.#client.reveal(this.workshopId, v.id), (r) => ((this.vote = r), (this.status = pm('console.voteRevealed'))))}>${pm('console.voteReveal')}</button>`
          : nothing}
        ${open
          ? html`<button type="button" class="danger" data-action="vote-close" ?disabled=${this.busy} @click=${() => void this.#act(() => this.#client.close(this.workshopId, v.id), (r) => ((this.vote = r), (this.status = pm('console.voteClosed'))))}>${pm('console.voteClose')}</button>`
          : nothing}
      </div>
    </div>`;
  }

  override render() {
    const v = this.vote;
    return html`<section class="card stack vote-card" aria-labelledby="vote-card-h">
      <h2 id="vote-card-h">${pm('console.vote')}</h2>
      <p class="hint">${pm('console.voteIntro')}</p>
      ${v ? this.#renderVote(v) : nothing}
      ${!v || v.state === 'closed' ? this.#renderStart() : nothing}
      <p role="status" class=${this.failed ? 'error' : 'ok'}>${this.status}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-console-vote': KbConsoleVote;
  }
}
