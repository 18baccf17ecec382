/**
 * `<kb-plenum-votes>`: the workshop's votes on the plenum, newest first, each ranked with a bar
 * per item (most dots first). The open vote's totals follow live: a long poll
 * (`PlenumClient.totals`) that the server answers as soon as a ballot lands, so a dot shows on
 * the projector within a round trip. While a vote hides its totals, the plenum shows how many
 * took part and how many dots they placed. A page part (see `page-part.ts`).
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { VoteSignal } from '../model/control.js';
import { sm } from '../workshop/synthesis-messages.js';
import { rankVote, type VoteTotals, type VoteView } from '../workshop/vote-api.js';
import { PagePart } from './page-part.js';
import type { PlenumClient } from './plenum-client.js';
import { pm } from './plenum-messages.js';

@customElement('kb-plenum-votes')
export class KbPlenumVotes extends PagePart {
  @property() workshopId = '';
  @property({ attribute: false }) client: PlenumClient | null = null;
  /** The vote the control document signals. */
  @property({ attribute: false }) signal: VoteSignal | null = null;
  /** Group names by number. */
  @property({ attribute: false }) groupNames: (n: number) => string = (n) => String(n);
  /** Shown as a slide: only the newest vote. */
  @property({ type: Boolean }) slide = false;

  @state() private votes: VoteView[] = [];
  @state() private loaded = false;

  #following: { id: string; abort: AbortController } | null = null;
  #signalSeen = '';
  /** When the last totals arrived (performance.now()), for the tests and the benchmark. */
  lastTotalsAt = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#follow(null);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const s = this.signal;
    const key = s ? `${s.id}:${s.at}:${s.open}:${s.revealed}` : '';
    if ((changed.has('signal') || changed.has('client')) && key !== this.#signalSeen && this.isConnected) {
      this.#signalSeen = key;
      void this.#load();
    }
  }

  async #load(): Promise<void> {
    if (!this.client) return;
    try {
      this.votes = await this.client.votes(this.workshopId);
    } catch {
      /* the plenum keeps what it has; the next signal tries again */
    }
    this.loaded = true;
    const open = [...this.votes].reverse().find((v) => v.state === 'open');
    this.#follow(open ?? null);
  }

  /** Follows the totals of `vote` by long poll (null: stop). */
  #follow(vote: VoteView | null): void {
    if (this.#following && this.#following.id === vote?.id) return;
    this.#following?.abort.abort();
    this.#following = null;
    if (!vote || !this.client) return;
    const abort = new AbortController();
    this.#following = { id: vote.id, abort };
    const client = this.client;
    void (async () => {
      let version = -1;
      while (!abort.signal.aborted) {
        try {
          const t = await client.totals(this.workshopId, vote.id, version, abort.signal);
          if (abort.signal.aborted) return;
          version = t.version;
          this.#apply(t);
          if (t.state === 'closed') return;
        } catch {
          if (abort.signal.aborted) return;
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    })();
  }

  #apply(t: VoteTotals): void {
    this.lastTotalsAt = performance.now();
    this.votes = this.votes.map((v) => (v.id === t.id ? { ...v, state: t.state, revealed: t.revealed, voters: t.voters, cast: t.cast, totals: t.totals } : v));
  }

  #renderVote(v: VoteView): TemplateResult {
    const ranked = v.totals ? rankVote(v.items, v.totals) : null;
    const top = ranked ? Math.max(1, ...ranked.map((i) => i.total)) : 1;
    return html`<section class="vote" data-vote=${v.id} data-state=${v.state} data-cast=${v.cast} data-voters=${v.voters} aria-labelledby=${`vote-${v.id}`}>
      <h3 id=${`vote-${v.id}`}>${sm('voteOn', { title: v.title })} ${v.state === 'open' ? html`<span class="badge live">${pm('votes.live')}</span>` : html`<span class="badge">${sm('voteClosed')}</span>`}</h3>
      <p class="hint figures">${sm('voteDots', { dots: v.dots })} · ${sm('voteVoters', { voters: v.voters, cast: v.cast })}${v.source ? ` · ${v.source}` : ''}</p>
      ${ranked
        ? v.cast === 0 && v.state === 'open'
          ? html`<p class="hint">${pm('votes.waiting')}</p>`
          : html`<ol class="results">
              ${ranked.map(
                (i) => html`<li data-key=${i.key} data-total=${i.total} data-rank=${i.rank}>
                  <span class="rank">${i.rank}.</span>
                  <span class="what"><span class="label">${i.label}</span> <span class="hint">${[i.detail, i.groups.map(this.groupNames).join(', ')].filter(Boolean).join(' · ')}</span></span>
                  <span class="bar-box" role="img" aria-label=${pm('votes.bar', { item: i.label, count: i.total })}><span class="bar" style=${styleMap({ width: `${(100 * i.total) / top}%` })}></span></span>
                  <span class="total">${i.total}</span>
                </li>`,
              )}
            </ol>`
        : html`<p class="hidden-result">${sm('voteHidden')}</p>`}
    </section>`;
  }

  override render() {
    if (!this.loaded) return html`<p class="hint">${pm('synthesis.loading')}</p>`;
    if (this.votes.length === 0) return html`<p class="hint">${pm('votes.none')}</p>`;
    const newest = [...this.votes].reverse();
    return html`${(this.slide ? newest.slice(0, 1) : newest).map((v) => this.#renderVote(v))}${nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-plenum-votes': KbPlenumVotes;
  }
}
