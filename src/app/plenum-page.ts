/**
 * `<kb-plenum-page>` (`/p/<id>[?set=<snapshot set>]#<facilitator token>`): the boards side by
 * side for the whole room, from a snapshot set (default the newest) or live. Presenting mode
 * shows one group full screen (Next/Previous, arrow keys, Esc leaves, "2 af 5"); compare shows
 * one group's board in two sets side by side; a snapshot can be restored as a new board.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { getLocale, LocaleController } from '../i18n/index.js';
import type { Board } from '../model/index.js';
import type { GroupLink, SnapshotSetView, WorkshopView } from '../workshop/api.js';
import '../canvas/board-element.js';
import { ApiError, errorMessage, type WorkshopApi } from './api-client.js';
import { facilitatorGate } from './bits.js';
import { boardFromUpdate, groupRoom, type Refusal } from './control.js';
import './exports-element.js';
import { m } from './messages.js';
import { pageStyles } from './page-styles.js';
import { takeToken } from './routes.js';
import { defaultServices, type Services } from './services.js';

export const LIVE = 'live';

interface Shown {
  number: number;
  name: string;
  board: Board | null;
}

interface Held {
  board: Board;
  destroy(): void;
}

@customElement('kb-plenum-page')
export class KbPlenumPage extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .toolbar {
        display: flex;
        flex-direction: row;
        flex-wrap: wrap;
        gap: 12px;
        align-items: end;
      }
      .toolbar .field {
        display: flex;
        flex-direction: column;
        gap: 4px;
      }
      ol.boards {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(420px, 1fr));
        gap: 16px;
      }
      ol.boards > li,
      .compare figure {
        background: var(--kb-surface, #fff);
        border-radius: var(--kb-radius, 10px);
        box-shadow: var(--kb-shadow);
        padding: 12px;
        margin: 0;
        display: flex;
        flex-direction: column;
        gap: 8px;
      }
      .board-box {
        height: 300px;
        border: 1px solid var(--kb-border, #d5d8dc);
        border-radius: var(--kb-radius-small, 6px);
        overflow: hidden;
      }
      .board-box kb-board {
        height: 100%;
        min-height: 0;
      }
      .compare {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 16px;
      }
      .compare .board-box {
        height: 420px;
      }
      .presenting {
        position: fixed;
        inset: 0;
        z-index: 50;
        background: var(--kb-canvas, #f7f7f4);
        display: flex;
        flex-direction: column;
      }
      .presenting header {
        display: flex;
        align-items: center;
        gap: 16px;
        padding: 10px 18px;
        background: var(--kb-surface, #fff);
        border-bottom: 1px solid var(--kb-border, #d5d8dc);
      }
      .presenting h2 {
        margin: 0;
        font-size: 1.8rem;
      }
      .presenting .pos {
        font-size: 1.2rem;
        color: var(--kb-text-muted, #4b5563);
      }
      .presenting .nav {
        margin-left: auto;
        display: flex;
        gap: 8px;
      }
      .presenting .stage {
        flex: 1;
        min-height: 0;
      }
      .presenting kb-board {
        height: 100%;
      }
    `,
  ];

  @property() workshopId = '';
  @property({ attribute: false }) services: Services = defaultServices();
  /** The set asked for in the address (`?set=`). */
  @property() initialSet: string | null = new URLSearchParams(location.search).get('set');

  @state() private view: WorkshopView | null = null;
  @state() private sets: SnapshotSetView[] = [];
  @state() private selected = '';
  @state() private shown: Shown[] = [];
  @state() private presenting: number | null = null;
  @state() private compare: { group: number; a: string; b: string } | null = null;
  @state() private compared: [Board | null, Board | null] = [null, null];
  @state() private refusal: Refusal | null = null;
  @state() private noToken = false;
  @state() private error = '';
  @state() private notice = '';
  @state() private loading = false;

  #token: string | null = null;
  #api: WorkshopApi | null = null;
  #held: Held[] = [];
  #comparedHeld: Held[] = [];
  #load = 0;
  #returnFocus: HTMLElement | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('keydown', this.#onKey);
    void this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('keydown', this.#onKey);
    this.#release(this.#held);
    this.#release(this.#comparedHeld);
  }

  #release(held: Held[]): void {
    for (const h of held) h.destroy();
    held.length = 0;
  }

  async #start(): Promise<void> {
    this.#token ??= takeToken(`f:${this.workshopId}`);
    if (!this.#token) {
      this.noToken = true;
      return;
    }
    this.#api = this.services.api(this.#token);
    try {
      const [view, sets] = await Promise.all([this.#api.workshop(this.workshopId), this.#api.snapshots(this.workshopId)]);
      this.view = view;
      this.sets = [...sets].sort((a, b) => b.createdAt - a.createdAt);
      document.title = m('plenum.title', { title: view.title });
    } catch (err) {
      if (err instanceof ApiError && [401, 403, 404].includes(err.status)) {
        this.refusal = { code: 4400 + (err.status % 100), reason: err.message };
        return;
      }
      this.error = errorMessage(err);
      return;
    }
    const wanted = this.initialSet && this.sets.some((s) => s.id === this.initialSet) ? this.initialSet : (this.sets[0]?.id ?? LIVE);
    await this.select(wanted);
  }

  #groupName(n: number): string {
    return this.view?.groups.find((g) => g.number === n)?.name ?? m('common.group', { n });
  }

  /** Shows snapshot set `id` (or LIVE). */
  async select(id: string): Promise<void> {
    if (!this.#api || !this.view || !this.#token) return;
    const load = ++this.#load;
    this.selected = id;
    this.loading = true;
    const groups = this.view.groups.map((g) => g.number);
    const held: Held[] = [];
    let shown: Shown[];
    try {
      if (id === LIVE) {
        shown = groups.map((n) => {
          const room = this.services.watch(this.view!.groups.find((g) => g.number === n)?.room || groupRoom(this.workshopId, n), this.#token!);
          held.push(room);
          return { number: n, name: this.#groupName(n), board: room.board };
        });
      } else {
        const set = this.sets.find((s) => s.id === id);
        const inSet = set ? set.groups : groups;
        shown = await Promise.all(
          groups.map(async (n) => {
            if (!inSet.includes(n)) return { number: n, name: this.#groupName(n), board: null };
            const b = boardFromUpdate(await this.#api!.snapshotBoard(this.workshopId, id, n));
            held.push(b);
            return { number: n, name: this.#groupName(n), board: b.board };
          }),
        );
      }
    } catch (err) {
      this.#release(held);
      if (load === this.#load) {
        this.error = errorMessage(err);
        this.loading = false;
      }
      return;
    }
    if (load !== this.#load) return this.#release(held);
    this.#release(this.#held);
    this.#held = held;
    this.shown = shown;
    this.loading = false;
    this.error = '';
  }

  // ---- presenting -----------------------------------------------------------------------

  present(index: number): void {
    if (this.shown.length === 0) return;
    if (this.presenting === null) this.#returnFocus = (this.shadowRoot?.activeElement as HTMLElement | null) ?? null;
    this.presenting = ((index % this.shown.length) + this.shown.length) % this.shown.length;
    void this.updateComplete.then(() => (this.renderRoot.querySelector('.presenting [data-action="next"]') as HTMLElement | null)?.focus());
  }

  leave(): void {
    this.presenting = null;
    void this.updateComplete.then(() => this.#returnFocus?.focus());
  }

  readonly #onKey = (e: KeyboardEvent): void => {
    if (this.presenting === null || e.defaultPrevented) return;
    if (e.key === 'ArrowRight' || e.key === 'PageDown') this.present(this.presenting + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'PageUp') this.present(this.presenting - 1);
    else if (e.key === 'Escape') this.leave();
    else return;
    e.preventDefault();
  };

  // ---- compare and restore --------------------------------------------------------------

  async #showCompare(group: number, a: string, b: string): Promise<void> {
    if (!this.#api) return;
    this.compare = { group, a, b };
    this.#release(this.#comparedHeld);
    try {
      const load = async (set: string): Promise<Held | null> => {
        if (set === LIVE) return boardFromUpdate(await this.#api!.liveBoard(this.workshopId, group));
        if (!this.sets.find((s) => s.id === set)?.groups.includes(group)) return null;
        return boardFromUpdate(await this.#api!.snapshotBoard(this.workshopId, set, group));
      };
      const [ha, hb] = await Promise.all([load(a), load(b)]);
      this.#comparedHeld = [ha, hb].filter((h): h is Held => h !== null);
      this.compared = [ha?.board ?? null, hb?.board ?? null];
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  async #restore(group: number): Promise<void> {
    if (!this.#api || this.selected === LIVE) return;
    try {
      const link: GroupLink = await this.#api.restore(this.workshopId, this.selected, group);
      this.notice = m('plenum.restored', { name: link.name, code: link.code });
      this.view = await this.#api.workshop(this.workshopId);
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  #setLabel(s: SnapshotSetView): string {
    const d = new Date(s.createdAt);
    const hhmm = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    if (s.name.includes(hhmm)) return s.name;
    return `${s.name} (${d.toLocaleTimeString(getLocale() === 'da' ? 'da-DK' : 'en-GB', { hour: '2-digit', minute: '2-digit' })})`;
  }

  #renderSetOptions(selected: string) {
    return html`${this.sets.map((s) => html`<option value=${s.id} ?selected=${s.id === selected}>${this.#setLabel(s)}</option>`)}
      <option value=${LIVE} ?selected=${selected === LIVE}>${m('plenum.live')}</option>`;
  }

  #renderBoard(board: Board | null) {
    return board ? html`<kb-board .board=${board} readonly .chrome=${false}></kb-board>` : html`<p class="hint" style="padding:12px">${m('plenum.noBoard')}</p>`;
  }

  #renderPresenting() {
    const i = this.presenting!;
    const g = this.shown[i];
    if (!g) return nothing;
    return html`<section class="presenting" role="dialog" aria-modal="true" aria-labelledby="present-h">
      <header>
        <h2 id="present-h">${g.name}</h2>
        <span class="pos" aria-live="polite">${m('common.of', { pos: i + 1, total: this.shown.length })}</span>
        <span class="hint">${m('plenum.keys')}</span>
        <div class="nav">
          <button type="button" class="secondary big" data-action="previous" @click=${() => this.present(i - 1)}>← ${m('plenum.previous')}</button>
          <button type="button" class="big" data-action="next" @click=${() => this.present(i + 1)}>${m('plenum.next')} →</button>
          <button type="button" class="secondary big" data-action="leave" @click=${() => this.leave()}>${m('plenum.leave')}</button>
        </div>
      </header>
      <div class="stage">${this.#renderBoard(g.board)}</div>
    </section>`;
  }

  #renderCompare() {
    const groups = this.view?.groups ?? [];
    const c = this.compare;
    const defaultA = this.sets[1]?.id ?? this.sets[0]?.id ?? LIVE;
    const defaultB = this.sets[0]?.id ?? LIVE;
    return html`<section class="card stack" aria-labelledby="compare-h">
      <h2 id="compare-h">${m('plenum.compare')}</h2>
      <form
        class="toolbar"
        @submit=${(e: SubmitEvent) => {
          e.preventDefault();
          const f = new FormData(e.target as HTMLFormElement);
          void this.#showCompare(Number(f.get('group')), String(f.get('a')), String(f.get('b')));
        }}
      >
        <div class="field">
          <label for="cmp-group">${m('plenum.compareGroup')}</label>
          <select id="cmp-group" name="group">${groups.map((g) => html`<option value=${g.number} ?selected=${c?.group === g.number}>${g.name}</option>`)}</select>
        </div>
        <div class="field">
          <label for="cmp-a">${m('plenum.compareA')}</label>
          <select id="cmp-a" name="a">${this.#renderSetOptions(c?.a ?? defaultA)}</select>
        </div>
        <div class="field">
          <label for="cmp-b">${m('plenum.compareB')}</label>
          <select id="cmp-b" name="b">${this.#renderSetOptions(c?.b ?? defaultB)}</select>
        </div>
        <button type="submit" class="secondary" data-action="compare">${m('plenum.compareShow')}</button>
      </form>
      ${c
        ? html`<div class="compare">
            ${([c.a, c.b] as const).map(
              (set, i) => html`<figure>
                <figcaption>
                  <strong>${this.#groupName(c.group)}</strong> – ${set === LIVE ? m('plenum.live') : this.#setLabel(this.sets.find((s) => s.id === set) ?? { id: set, name: set, createdAt: 0, groups: [] })}
                </figcaption>
                <div class="board-box">${this.#renderBoard(this.compared[i] ?? null)}</div>
              </figure>`,
            )}
          </div>`
        : nothing}
    </section>`;
  }

  override render() {
    const gate = facilitatorGate({ noToken: this.noToken, refusal: this.refusal, loaded: this.view !== null, error: this.error });
    if (gate || !this.view) return gate;
    const v = this.view;
    const isSnapshot = this.selected !== LIVE;
    return html`<main class="page wide" ?inert=${this.presenting !== null} aria-hidden=${this.presenting !== null ? 'true' : 'false'}>
        <header class="toolbar">
          <h1 style="margin-right:auto">${m('plenum.title', { title: v.title })}</h1>
          <div class="field">
            <label for="set">${m('plenum.set')}</label>
            <select id="set" @change=${(e: Event) => void this.select((e.target as HTMLSelectElement).value)}>${this.#renderSetOptions(this.selected)}</select>
          </div>
          <kb-lang inline></kb-lang>
          <button type="button" class="big" data-action="present" ?disabled=${this.shown.length === 0} @click=${() => this.present(0)}>${m('plenum.present')}</button>
        </header>
        ${this.sets.length === 0 ? html`<p class="hint">${m('plenum.noSnapshots')}</p>` : nothing}
        <p role="status" class=${this.error ? 'error' : 'ok'}>${this.error || this.notice || (this.loading ? m('common.loading') : '')}</p>
        <ol class="boards">
          ${this.shown.map(
            (g, i) => html`<li data-group=${g.number}>
              <h2>${g.name}</h2>
              <div class="board-box">${this.#renderBoard(g.board)}</div>
              <div class="row">
                <button type="button" class="secondary" data-action="present-group" @click=${() => this.present(i)}>${m('plenum.presentGroup', { group: g.name })}</button>
                ${isSnapshot && g.board ? html`<button type="button" class="secondary" data-action="restore" @click=${() => void this.#restore(g.number)}>${m('plenum.restore')}</button>` : nothing}
              </div>
            </li>`,
          )}
        </ol>
        ${this.#renderCompare()}
        <section class="card" aria-labelledby="exp-h">
          <h2 id="exp-h">${m('console.exports')}</h2>
          <kb-exports .api=${this.#api} .workshopId=${this.workshopId} .workshopTitle=${v.title} .snapshot=${isSnapshot ? this.selected : undefined} .groups=${v.groups.map((g) => ({ number: g.number, name: g.name }))}></kb-exports>
        </section>
      </main>
      ${this.presenting !== null ? this.#renderPresenting() : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-plenum-page': KbPlenumPage;
  }
}
