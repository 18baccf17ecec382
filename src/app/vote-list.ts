/**
 * `<kb-vote-list>`: a participant's ballot in the workshop's vote, over the group's board: the
 * list's items, each with − and + to take or place one of the participant's dots (as many on
 * one item as they like), the dots left, and the end time. A change is sent at once and the
 * server's answer is what shows (it enforces the allowance and the closing); dots move freely
 * until the vote closes. Totals show only when the facilitator lets them. Made for phones: one
 * column, 48 px targets, a bar at the bottom that folds away to a small pill.
 *
 * The group page loads this module (dynamic import) only when the control document signals a
 * vote, so the participant's first page stays small. The element fetches the vote itself (with
 * this browser's participant credential, asked for once and kept in localStorage). It is a page
 * part (./page-part.ts: the group page's styles and root), and it imports from the shared
 * modules exactly what the page's other lazy part (./group-step.ts) does, the model included:
 * a lazy module that reaches only part of a chunk the page loads makes the bundler split that
 * chunk, which costs the participant's page bytes (test/unit/bundles.test.ts).
 *
 * @event kb-vote-dismiss - detail `{ id: string }`: the participant closed a finished vote's list.
 */
import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { getLocale } from '../i18n/index.js';
// For the bundler's chunks only (see the header): the group page's lazy parts share the model's.
import '../model/index.js';
import type { ControlGroup, VoteSignal } from '../model/control.js';
import { dotsUsed, rankVote, type VoteItem, type VoteView } from '../workshop/vote-api.js';
import { PagePart } from './page-part.js';
import { participantCredential, PlenumClient } from './plenum-client.js';
import { vm } from './vote-messages.js';

@customElement('kb-vote-list')
export class KbVoteList extends PagePart {
  static override styles = [
    css`
      kb-vote-list {
        position: fixed;
        z-index: 40;
        left: 0;
        right: 0;
        bottom: 0;
        display: flex;
        justify-content: center;
        pointer-events: none;
      }
      .vote-sheet,
      .vote-pill {
        pointer-events: auto;
      }
      .vote-sheet {
        width: min(100%, 460px);
        max-height: min(78vh, 640px);
        display: flex;
        flex-direction: column;
        background: var(--kb-surface, #fff);
        border-radius: 16px 16px 0 0;
        box-shadow: 0 -6px 24px rgba(0, 0, 0, 0.22);
        border: 1px solid var(--kb-border, #d5d8dc);
        border-bottom: none;
      }
      .vote-sheet header {
        padding: 12px 16px 8px;
        border-bottom: 1px solid var(--kb-border, #d5d8dc);
      }
      .vote-sheet header .top {
        display: flex;
        align-items: center;
        gap: 8px;
      }
      .vote-sheet header h2 {
        font-size: 1.15rem;
        margin: 0;
        flex: 1;
      }
      .vote-sheet .list-title {
        font-weight: 600;
      }
      .vote-sheet .left {
        font-size: 1.05rem;
        font-weight: 700;
        color: var(--kb-accent, #1f5fa8);
      }
      .vote-sheet ol {
        list-style: none;
        margin: 0;
        padding: 8px 12px 16px;
        overflow-y: auto;
        display: flex;
        flex-direction: column;
        gap: 8px;
        overscroll-behavior: contain;
      }
      .vote-sheet li {
        border: 1px solid var(--kb-border, #d5d8dc);
        border-radius: 10px;
        padding: 10px 12px;
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 6px 10px;
        align-items: center;
      }
      .vote-sheet li.mine {
        border-color: var(--kb-accent, #1f5fa8);
        background: var(--kb-accent-soft, #dbe7f7);
      }
      .vote-sheet .label {
        font-size: 1rem;
        overflow-wrap: anywhere;
      }
      .vote-sheet .meta {
        grid-column: 1 / -1;
        font-size: 0.85rem;
        color: var(--kb-text-muted, #4b5563);
      }
      .vote-sheet .stepper {
        display: flex;
        align-items: center;
        gap: 6px;
      }
      .vote-sheet .stepper button {
        min-width: 48px;
        min-height: 48px;
        padding: 0;
        font-size: 1.5rem;
        border-radius: 50%;
        touch-action: manipulation;
      }
      .vote-sheet .count {
        min-width: 1.6em;
        text-align: center;
        font-size: 1.25rem;
        font-weight: 700;
      }
      .vote-sheet .dots {
        grid-column: 1 / -1;
        display: flex;
        gap: 4px;
        flex-wrap: wrap;
      }
      .vote-sheet .dot {
        width: 14px;
        height: 14px;
        border-radius: 50%;
        background: var(--kb-accent, #1f5fa8);
      }
      .vote-sheet .total {
        font-weight: 700;
      }
      .vote-pill {
        margin-bottom: 12px;
        border-radius: 999px;
        box-shadow: 0 4px 16px rgba(0, 0, 0, 0.25);
      }
      .vote-sheet p.status {
        padding: 0 16px 10px;
        margin: 0;
        min-height: 1.2em;
      }
    `,
  ];

  @property() workshopId = '';
  /** The group token (Authorization). */
  @property() token = '';
  /** The vote the control document signals. */
  @property({ attribute: false }) signal: VoteSignal | null = null;
  /** The workshop's groups (their names, for where each item comes from). */
  @property({ attribute: false }) groups: readonly ControlGroup[] = [];
  /** The client (tests pass one over a fake fetch). */
  @property({ attribute: false }) client: PlenumClient | null = null;

  @state() private vote: VoteView | null = null;
  @state() private mine: Record<string, number> = {};
  @state() private folded = false;
  @state() private status = '';
  @state() private failed = false;
  @state() private dismissed = '';

  #credential: string | null = null;
  #loaded = '';
  /** Ballots are sent one at a time, the newest last; the server's last answer wins. */
  #sending: Promise<unknown> = Promise.resolve();

  get #client(): PlenumClient {
    return (this.client ??= new PlenumClient({ token: this.token }));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const s = this.signal;
    if (changed.has('signal') && s && `${s.id}:${s.at}` !== this.#loaded) {
      this.#loaded = `${s.id}:${s.at}`;
      void this.#load(s.id);
    }
  }

  async #load(id: string): Promise<void> {
    try {
      this.#credential ??= await participantCredential(this.#client, this.workshopId);
      const vote = await this.#client.vote(this.workshopId, id, this.#credential);
      if (this.signal?.id !== id) return;
      if (this.vote?.id !== id) this.folded = false;
      // A closed vote keeps only its totals: the dots this browser placed stay as it knew them.
      this.mine = vote.state === 'closed' && this.vote?.id === id ? this.mine : (vote.mine ?? {});
      this.vote = vote;
    } catch (err) {
      this.failed = true;
      this.status = vm('failed', { reason: err instanceof Error ? err.message : String(err) });
    }
  }

  #names(groups: readonly number[]): string {
    return groups.map((n) => this.groups.find((g) => g.number === n)?.name ?? String(n)).join(', ');
  }

  /** Places (+1) or takes (−1) one dot on `item`; the server's answer is what stays. */
  #step(item: VoteItem, by: 1 | -1): void {
    const vote = this.vote;
    if (!vote || !this.#credential || vote.state !== 'open') return;
    const key = String(item.key);
    const next = { ...this.mine, [key]: Math.max(0, (this.mine[key] ?? 0) + by) };
    if (next[key] === 0) delete next[key];
    if (dotsUsed(next) > vote.dots) {
      this.failed = false;
      this.status = vm('allUsed');
      return;
    }
    const before = this.mine;
    this.mine = next;
    this.failed = false;
    this.status = vm('saving');
    const credential = this.#credential;
    this.#sending = this.#sending.then(async () => {
      try {
        const r = await this.#client.ballot(this.workshopId, vote.id, credential, next);
        if (this.mine === next) this.mine = r.mine;
        this.status = vm('saved', { count: r.mine[key] ?? 0, item: item.label });
      } catch (err) {
        if (this.mine === next) this.mine = before;
        this.failed = true;
        this.status = vm('failed', { reason: err instanceof Error ? err.message : String(err) });
        if ((err as { status?: number }).status === 409) void this.#load(vote.id);
      }
    });
  }

  #time(ms: number): string {
    const d = new Date(ms);
    return d.toLocaleTimeString(getLocale() === 'da' ? 'da-DK' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  }

  override render() {
    const v = this.vote;
    if (!v || this.dismissed === v.id) return nothing;
    const open = v.state === 'open' && this.signal?.open !== false;
    const left = Math.max(0, v.dots - dotsUsed(this.mine));
    if (this.folded) {
      return html`<button type="button" class="vote-pill" data-action="vote-show" @click=${() => (this.folded = false)}>${open ? vm('show', { left }) : vm('showClosed')}</button>`;
    }
    const totals = v.totals;
    const items = totals ? rankVote(v.items, totals) : v.items.map((i) => ({ ...i, total: 0, rank: 0 }));
    return html`<section class="vote-sheet" role="region" aria-labelledby="vote-h">
      <header>
        <div class="top">
          <h2 id="vote-h">${vm('title')}</h2>
          ${open
            ? html`<button type="button" class="secondary" data-action="vote-hide" @click=${() => (this.folded = true)}>${vm('hide')}</button>`
            : html`<button type="button" class="secondary" data-action="vote-dismiss" @click=${() => this.#dismiss(v.id)}>${vm('dismiss')}</button>`}
        </div>
        <p class="list-title">${v.title}</p>
        ${open
          ? html`<p class="left" aria-live="polite">${vm('left', { left, dots: v.dots })}</p>
              ${v.endsAt ? html`<p class="hint">${vm('ends', { time: this.#time(v.endsAt) })}</p>` : nothing}`
          : html`<p class="ok">${vm('closedThanks')}</p>`}
        ${!totals ? html`<p class="hint">${vm('hidden')}</p>` : nothing}
      </header>
      <ol>
        ${items.map((item) => {
          const n = this.mine[String(item.key)] ?? 0;
          return html`<li class=${n > 0 ? 'mine' : ''} data-key=${item.key}>
            <span class="label">${totals ? html`<strong>${vm('rank', { rank: item.rank })}</strong> · ` : nothing}${item.label}</span>
            ${open
              ? html`<span class="stepper">
                  <button type="button" class="secondary" data-action="vote-remove" aria-label=${vm('remove', { item: item.label })} ?disabled=${n === 0} @click=${() => this.#step(item, -1)}>−</button>
                  <span class="count" aria-label=${vm('yours', { count: n })}>${n}</span>
                  <button type="button" data-action="vote-add" aria-label=${vm('add', { item: item.label })} ?disabled=${left === 0} @click=${() => this.#step(item, 1)}>+</button>
                </span>`
              : html`<span class="count" aria-label=${vm('yours', { count: n })}>${n}</span>`}
            <span class="meta">${[item.detail, item.groups.length > 0 ? vm('groups', { groups: this.#names(item.groups) }) : ''].filter(Boolean).join(' · ')}${totals ? html` · <span class="total" data-total=${item.total}>${vm('total', { count: item.total })}</span>` : nothing}</span>
            ${n > 0 ? html`<span class="dots" aria-hidden="true">${Array.from({ length: n }, () => html`<span class="dot"></span>`)}</span>` : nothing}
          </li>`;
        })}
      </ol>
      <p class="status ${this.failed ? 'error' : 'hint'}" role="status">${this.status}</p>
    </section>`;
  }

  #dismiss(id: string): void {
    this.dismissed = id;
    this.emit('kb-vote-dismiss', { id });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-vote-list': KbVoteList;
  }
}
