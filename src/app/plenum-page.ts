/**
 * `<kb-plenum-page>` (`/p/<id>[?set=<snapshot set>]#<plenum token>`): the boards side by
 * side for the whole room, from a snapshot set (default the newest) or live. Presenting mode
 * shows one group full screen (Next/Previous, arrow keys, Esc leaves, "2 af 5"); compare shows
 * one group's board in two sets side by side. The plenum token only looks; opened with the
 * facilitator's token, the page also restores a snapshot as a new board and exports.
 *
 * The page loads and holds the boards (watched rooms when live, snapshot documents else) and
 * the focus of presenting mode; its parts draw them: `<kb-plenum-boards>`,
 * `<kb-plenum-present>`, `<kb-plenum-compare>` and `<kb-exports>`.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LocaleController } from '../i18n/lit.js';
import type { Board } from '../model/index.js';
import type { GroupLink, SnapshotSetView, WorkshopView } from '../workshop/api.js';
import { groupRoom } from '../workshop/rooms.js';
import { ApiError, errorMessage, type WorkshopApi } from './api-client.js';
import { facilitatorGate } from './bits.js';
import { boardFromUpdate, type Refusal } from './control.js';
import './exports-element.js';
import { m } from './facilitator-messages.js';
import { partsUpdated } from './page-part.js';
import { pageStyles } from './page-styles.js';
import './plenum-boards.js';
import { LIVE, renderSetOptions, type Shown } from './plenum-common.js';
import { plenumCommonStyles } from './plenum-common.styles.js';
import type { CompareRequest } from './plenum-compare.js';
import './plenum-compare.js';
import { plenumPageStyles } from './plenum-page.styles.js';
import './plenum-present.js';
import { takeToken } from './routes.js';
import { defaultServices, type Services } from './services.js';

export { LIVE };

interface Held {
  board: Board;
  destroy(): void;
}

@customElement('kb-plenum-page')
export class KbPlenumPage extends LitElement {
  static override styles = [pageStyles, plenumCommonStyles, plenumPageStyles];

  @property() workshopId = '';
  @property({ attribute: false }) services: Services = defaultServices();
  /** The set asked for in the address (`?set=`). */
  @property() initialSet: string | null = new URLSearchParams(location.search).get('set');

  @state() private view: WorkshopView | null = null;
  @state() private sets: SnapshotSetView[] = [];
  @state() private selected = '';
  @state() private shown: Shown[] = [];
  @state() private presenting: number | null = null;
  @state() private compare: CompareRequest | null = null;
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

  /** Resolves once the page and its parts have rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await partsUpdated(this.renderRoot);
    return done;
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
    // Its own key: a projector's tab keeps the plenum token, never the facilitator's.
    this.#token ??= takeToken(`p:${this.workshopId}`);
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

  override render() {
    const gate = facilitatorGate({ noToken: this.noToken, refusal: this.refusal, loaded: this.view !== null, error: this.error });
    if (gate || !this.view) return gate;
    const v = this.view;
    const isSnapshot = this.selected !== LIVE;
    const groups = v.groups.map((g) => ({ number: g.number, name: g.name }));
    // Restoring and exporting are the facilitator's; the plenum token may only look.
    const facilitator = v.role === 'facilitator';
    return html`<main class="page wide" ?inert=${this.presenting !== null} aria-hidden=${this.presenting !== null ? 'true' : 'false'}>
        <header class="toolbar">
          <h1 class="title">${m('plenum.title', { title: v.title })}</h1>
          <div class="field">
            <label for="set">${m('plenum.set')}</label>
            <select id="set" @change=${(e: Event) => void this.select((e.target as HTMLSelectElement).value)}>${renderSetOptions(this.sets, this.selected)}</select>
          </div>
          <kb-lang inline></kb-lang>
          <button type="button" class="big" data-action="present" ?disabled=${this.shown.length === 0} @click=${() => this.present(0)}>${m('plenum.present')}</button>
        </header>
        ${this.sets.length === 0 ? html`<p class="hint">${m('plenum.noSnapshots')}</p>` : nothing}
        <p role="status" class=${this.error ? 'error' : 'ok'}>${this.error || this.notice || (this.loading ? m('common.loading') : '')}</p>
        <kb-plenum-boards
          .shown=${this.shown}
          ?restorable=${isSnapshot && facilitator}
          @kb-present=${(e: CustomEvent<{ index: number }>) => this.present(e.detail.index)}
          @kb-restore=${(e: CustomEvent<{ group: number }>) => void this.#restore(e.detail.group)}
        ></kb-plenum-boards>
        <kb-plenum-compare
          .groups=${groups}
          .sets=${this.sets}
          .compare=${this.compare}
          .compared=${this.compared}
          @kb-compare=${(e: CustomEvent<CompareRequest>) => void this.#showCompare(e.detail.group, e.detail.a, e.detail.b)}
        ></kb-plenum-compare>
        ${facilitator
          ? html`<section class="card" aria-labelledby="exp-h">
              <h2 id="exp-h">${m('console.exports')}</h2>
              <kb-exports .api=${this.#api} .workshopId=${this.workshopId} .workshopTitle=${v.title} .snapshot=${isSnapshot ? this.selected : undefined} .groups=${groups}></kb-exports>
            </section>`
          : nothing}
      </main>
      ${this.presenting !== null
        ? html`<kb-plenum-present
            .shown=${this.shown}
            .index=${this.presenting}
            @kb-present=${(e: CustomEvent<{ index: number }>) => this.present(e.detail.index)}
            @kb-leave=${() => this.leave()}
          ></kb-plenum-present>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-plenum-page': KbPlenumPage;
  }
}
