/**
 * `<kb-plenum-page>` (`/p/<id>[?set=<snapshot set>]#<plenum token>`): the plenum, where the
 * workshop's result is seen, decided and taken home. Two views of the same boards, from a
 * snapshot set (default the newest) or live: the boards side by side, and the shared summing-up
 * (what all groups made gathered, and the votes with their totals live). Presenting mode steps
 * through the groups (← →, "2 af 5") and each group's tools (↑ ↓), readable on a projector,
 * with zoom, pan and the facilitator's "look here" pointer; the summing-up's sections present
 * as slides (← →). Compare shows one group's board in two sets side by side. The plenum token
 * only looks; opened with the facilitator's token, the page also restores a snapshot as a new
 * board, points for a group and exports.
 *
 * The page loads and holds the boards (watched rooms when live, snapshot documents else), the
 * control document (the vote signal, the pointer) and what is presented; its parts draw them:
 * `<kb-plenum-boards>`, `<kb-plenum-present>`, `<kb-plenum-compare>`, `<kb-exports>` and
 * `<kb-plenum-synthesis>`.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LocaleController } from '../i18n/lit.js';
import type { Board, ControlState } from '../model/index.js';
import type { GroupLink, SnapshotSetView, WorkshopView } from '../workshop/api.js';
import { groupRoom } from '../workshop/rooms.js';
import { ApiError, errorMessage, type WorkshopApi } from './api-client.js';
import { facilitatorGate } from './bits.js';
import { boardFromUpdate, type ControlSource, type Refusal } from './control.js';
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
import { PlenumClient } from './plenum-client.js';
import { pm } from './plenum-messages.js';
import { toolsOf, type KbPlenumPresent } from './plenum-present.js';
// Statically: a lazy chunk of its own would split the chunks the participant's page shares
// with this one (test/unit/bundles.test.ts); this page is itself loaded lazily.
import './plenum-synthesis.js';
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
  /** The client of the votes and the pointer (tests pass one over a fake fetch). */
  @property({ attribute: false }) plenumClient: PlenumClient | null = null;

  @state() private view: WorkshopView | null = null;
  @state() private sets: SnapshotSetView[] = [];
  @state() private selected = '';
  @state() private shown: Shown[] = [];
  @state() private presenting: number | null = null;
  /** The slide of the group presented: 0 its whole board, then its tools. */
  @state() private toolSlide = 0;
  /** Which view: the boards side by side, or the shared summing-up. */
  @state() private mode: 'boards' | 'synthesis' = 'boards';
  /** The summing-up's section shown as a slide, or null. */
  @state() private presentingSynthesis: number | null = null;
  @state() private control: ControlState | null = null;
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
  #control: ControlSource | null = null;
  #offs: (() => void)[] = [];
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
    for (const off of this.#offs) off();
    this.#offs = [];
    this.#control?.destroy();
    this.#control = null;
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
    this.plenumClient ??= new PlenumClient({ token: this.#token });
    this.#control = this.services.control(this.workshopId, this.#token);
    this.control = this.#control.state();
    this.#offs.push(this.#control.onChange((c) => (this.control = c)));
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
    const next = ((index % this.shown.length) + this.shown.length) % this.shown.length;
    if (next !== this.presenting) this.toolSlide = 0;
    this.presenting = next;
    this.#focusNext();
  }

  /** Shows slide `index` of the group presented (0: its whole board), within its slides. */
  showTool(index: number): void {
    const g = this.presenting === null ? undefined : this.shown[this.presenting];
    if (!g) return;
    this.toolSlide = Math.max(0, Math.min(toolsOf(g.board).length, index));
  }

  /** Shows section `index` of the summing-up as a slide (running past either end wraps). */
  presentSynthesis(index: number): void {
    if (this.presentingSynthesis === null) this.#returnFocus = (this.shadowRoot?.activeElement as HTMLElement | null) ?? null;
    const n = this.#sectionCount();
    this.presentingSynthesis = ((index % n) + n) % n;
    this.#focusNext();
  }

  /** The summing-up's sections: one per kind some board holds, and the votes. */
  #sectionCount(): number {
    return new Set(this.shown.flatMap((g) => toolsOf(g.board).map((w) => w.props.widget))).size + 1;
  }

  #focusNext(): void {
    void this.updateComplete.then(() => (this.renderRoot.querySelector('.presenting [data-action="next"]') as HTMLElement | null)?.focus());
  }

  leave(): void {
    this.presenting = null;
    this.presentingSynthesis = null;
    void this.updateComplete.then(() => this.#returnFocus?.focus());
  }


  readonly #onKey = (e: KeyboardEvent): void => {
    if (e.defaultPrevented) return;
    if (this.presentingSynthesis !== null) {
      if (e.key === 'ArrowRight' || e.key === 'PageDown') this.presentSynthesis(this.presentingSynthesis + 1);
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') this.presentSynthesis(this.presentingSynthesis - 1);
      else if (e.key === 'Escape') this.leave();
      else return;
      e.preventDefault();
      return;
    }
    if (this.presenting === null) return;
    const part = this.renderRoot.querySelector('kb-plenum-present') as KbPlenumPresent | null;
    if (e.key === 'ArrowRight' || e.key === 'PageDown') this.present(this.presenting + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'PageUp') this.present(this.presenting - 1);
    else if (e.key === 'ArrowDown') this.showTool(this.toolSlide + 1);
    else if (e.key === 'ArrowUp') this.showTool(this.toolSlide - 1);
    else if (e.key === '+' || e.key === '=') part?.zoomBy(1.25);
    else if (e.key === '-') part?.zoomBy(1 / 1.25);
    else if (e.key === '0') part?.fit();
    else if (e.key === 'Escape') this.leave();
    else return;
    e.preventDefault();
  };

  async #point(e: CustomEvent<{ group: number; point: { x: number; y: number } | null }>): Promise<void> {
    try {
      const pointer = await this.plenumClient?.pointer(this.workshopId, e.detail.group, e.detail.point);
      if (this.control) this.control = { ...this.control, pointer: pointer ?? null };
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

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
    const presenting = this.presenting !== null || this.presentingSynthesis !== null;
    return html`<main class="page wide" ?inert=${presenting} aria-hidden=${presenting ? 'true' : 'false'}>
        <header class="toolbar">
          <h1 class="title">${m('plenum.title', { title: v.title })}</h1>
          <div class="field">
            <label for="set">${m('plenum.set')}</label>
            <select id="set" @change=${(e: Event) => void this.select((e.target as HTMLSelectElement).value)}>${renderSetOptions(this.sets, this.selected)}</select>
          </div>
          <div class="field">
            <span class="label" id="view-label">${pm('view.label')}</span>
            <div class="row views" role="group" aria-labelledby="view-label">
              ${(['boards', 'synthesis'] as const).map(
                (mode) => html`<button type="button" class="secondary" data-view=${mode} aria-pressed=${this.mode === mode ? 'true' : 'false'} @click=${() => (this.mode = mode)}>${pm(`view.${mode}`)}</button>`,
              )}
            </div>
          </div>
          <kb-lang inline></kb-lang>
          <button type="button" class="big" data-action="present" ?disabled=${this.shown.length === 0} @click=${() => this.present(0)}>${m('plenum.present')}</button>
        </header>
        ${this.sets.length === 0 ? html`<p class="hint">${m('plenum.noSnapshots')}</p>` : nothing}
        <p role="status" class=${this.error ? 'error' : 'ok'}>${this.error || this.notice || (this.loading ? m('common.loading') : '')}</p>
        ${this.mode === 'synthesis'
          ? this.presentingSynthesis === null
            ? this.#renderSynthesis(null)
            : nothing
          : html`<kb-plenum-boards
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
              ></kb-plenum-compare>`}
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
            .tool=${this.toolSlide}
            .pointer=${this.control?.pointer ?? null}
            ?canPoint=${facilitator}
            @kb-present=${(e: CustomEvent<{ index: number }>) => this.present(e.detail.index)}
            @kb-present-tool=${(e: CustomEvent<{ index: number }>) => this.showTool(e.detail.index)}
            @kb-point=${(e: CustomEvent<{ group: number; point: { x: number; y: number } | null }>) => void this.#point(e)}
            @kb-leave=${() => this.leave()}
          ></kb-plenum-present>`
        : nothing}
      ${this.presentingSynthesis !== null ? this.#renderSynthesis(this.presentingSynthesis) : nothing}`;
  }

  /** The summing-up: on the page (`present` null), or section `present` as a slide. */
  #renderSynthesis(present: number | null) {
    return html`<kb-plenum-synthesis
      .shown=${this.shown}
      .workshopId=${this.workshopId}
      .client=${this.plenumClient}
      .signal=${this.control?.vote ?? null}
      .present=${present}
      @kb-present-synthesis=${(e: CustomEvent<{ index: number }>) => this.presentSynthesis(e.detail.index)}
      @kb-leave=${() => this.leave()}
    ></kb-plenum-synthesis>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-plenum-page': KbPlenumPage;
  }
}
