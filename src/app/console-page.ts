/**
 * `<kb-console-page>` (`/f/<id>#<facilitator token>`): the facilitator's overview. The run-sheet
 * (next step, any step, editing a step, bring everyone here), the timer, a message to all,
 * lock and cross-view and snapshots for the plenum stay in view beside the groups; every
 * group's board shows live as a thumbnail of the current step's tool (watched read-only,
 * unseen), with who is in it and "bring the group here". A group's board opens full size as the
 * facilitator's own view of it (with presence: bring the group to what is shown, a "look here"
 * pointer, let the group follow, move a person). Below: exports, and deleting the workshop
 * (after a confirmation). At 1440x900 the whole console for six groups fits on the screen.
 *
 * The page holds the workshop's state and the connections (the API, the control document,
 * a watched room per group, the facilitator's own connection to the board shown full size)
 * and makes every request; the cards are page parts that show it and say what the facilitator
 * asked for: `<kb-console-run-sheet>`, `<kb-console-timer>`, `<kb-console-message>`,
 * `<kb-console-lock>`, `<kb-console-groups>`, `<kb-console-group-view>` (with
 * `<kb-console-people>`), `<kb-console-snapshots>`, `<kb-exports>` and `<kb-console-delete>`.
 *
 * @cssproperty --kb-radius - the full-size board dialog's corners (and the page's cards).
 *
 * Why one file (~500 lines): the page is the one owner of the console's state and connections (API,
 * control document, a watched room per group, the facilitator's own board connection) and of every
 * request; what it shows is already split into page parts (console-*.ts), each with its styles.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { LocaleController } from '../i18n/lit.js';
import { currentStep, type BoardRect, type WidgetType } from '../model/index.js';
import { colorFor } from '../sync/presence.js';
import type { ControlState, SnapshotSetView, TimerRequest, WorkshopView } from '../workshop/api.js';
import { groupRoom } from '../workshop/rooms.js';
import '../canvas/board-element.js';
import { ApiError, errorMessage, type WorkshopApi } from './api-client.js';
import { facilitatorGate } from './bits.js';
import './console-delete.js';
import './console-group-view.js';
import './console-groups.js';
import './console-lock.js';
import type { KbConsoleMessage } from './console-message.js';
import './console-message.js';
import { consolePageStyles } from './console-page.styles.js';
import type { KbConsoleRunSheet, StepEditRequest } from './console-run-sheet.js';
import './console-run-sheet.js';
import type { MoveRequest } from './console-people.js';
import type { KbConsoleSnapshots } from './console-snapshots.js';
import './console-snapshots.js';
import './console-vote.js';
import './console-timer.js';
import type { ControlSource, Person, Refusal, WatchedRoom } from './control.js';
import './exports-element.js';
import { m } from './facilitator-messages.js';
import { attend, editStep, goStep, lead, point, runSheet } from './lead-api.js';
import { kindLabel, lm } from './lead-messages.js';
import { partsUpdated } from './page-part.js';
import { pageStyles } from './page-styles.js';
import { absolute, forgetToken, takeToken } from './routes.js';
import { defaultServices, type GroupBoardConnection, type Services } from './services.js';

export const POLL_MS = 5000;

function hhmm(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

@customElement('kb-console-page')
export class KbConsolePage extends LitElement {
  static override styles = [pageStyles, consolePageStyles];

  @property() workshopId = '';
  @property({ attribute: false }) services: Services = defaultServices();

  @state() private view: WorkshopView | null = null;
  @state() private control: ControlState | null = null;
  @state() private snapshots: SnapshotSetView[] = [];
  @state() private people = new Map<number, Person[]>();
  @state() private refusal: Refusal | null = null;
  @state() private deleted = false;
  @state() private noToken = false;
  @state() private error = '';
  @state() private notice = '';
  @state() private opened: number | null = null;
  /** The snapshot name offered while the facilitator has typed none ("Plenum HH:MM"). */
  @state() private snapshotDefault = '';
  @state() private busy = false;
  @query('dialog') private dialog!: HTMLDialogElement;

  #token: string | null = null;
  #api: WorkshopApi | null = null;
  #control: ControlSource | null = null;
  readonly #rooms = new Map<number, WatchedRoom>();
  #offs: (() => void)[] = [];
  #poll: ReturnType<typeof setInterval> | undefined;
  /** The facilitator's own connection to the board shown full size (with presence). */
  #live: { group: number; conn: GroupBoardConnection } | null = null;
  #taskCache: { tools: readonly WidgetType[]; key: string } | null = null;
  readonly #now = (): number => this.services.now() + (this.#api?.clockOffset ?? 0);

  constructor() {
    super();
    new LocaleController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#teardown();
  }

  /** Resolves once the page and its cards have rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await partsUpdated(this.renderRoot);
    return done;
  }

  /** The room connections (tests). */
  get rooms(): ReadonlyMap<number, WatchedRoom> {
    return this.#rooms;
  }

  async #start(): Promise<void> {
    this.#token ??= takeToken(`f:${this.workshopId}`);
    if (!this.#token) {
      this.noToken = true;
      return;
    }
    this.#api = this.services.api(this.#token);
    this.#control = this.services.control(this.workshopId, this.#token);
    this.control = this.#control.state();
    this.#offs.push(
      this.#control.onChange((s) => {
        this.control = s;
        if (s?.deleted) this.#onDeleted();
      }),
      this.#control.onRefused((r) => this.#refuse(r)),
    );
    await this.#refresh();
    void this.#loadSnapshots();
    // A workshop made before run-sheets gets its parts' steps now (the document then has them).
    void this.#act((api) => runSheet(api, this.workshopId));
    this.#poll = setInterval(() => void this.#refresh(), POLL_MS);
  }

  #defaultSnapshotName(): string {
    return m('console.snapshotDefault', { time: hhmm(this.services.now()) });
  }

  async #refresh(): Promise<void> {
    if (!this.#api || this.refusal || this.deleted) return;
    try {
      const view = await this.#api.workshop(this.workshopId);
      this.view = view;
      document.title = m('console.title', { title: view.title });
      this.#syncRooms(view);
      this.snapshotDefault = this.#defaultSnapshotName();
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 403 || err.status === 404)) {
        this.#refuse({ code: 4400 + (err.status === 401 ? 1 : err.status === 403 ? 3 : 4), reason: err.message });
      } else this.error = errorMessage(err);
    }
  }

  async #loadSnapshots(): Promise<void> {
    if (!this.#api) return;
    try {
      this.snapshots = await this.#api.snapshots(this.workshopId);
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  #syncRooms(view: WorkshopView): void {
    if (!this.#token) return;
    for (const g of view.groups) {
      if (this.#rooms.has(g.number)) continue;
      const room = this.services.watch(g.room || groupRoom(this.workshopId, g.number), this.#token);
      this.#rooms.set(g.number, room);
      const update = (): void => {
        const next = new Map(this.people);
        next.set(g.number, room.people());
        this.people = next;
      };
      this.#offs.push(room.onChange(update));
      update();
    }
  }

  #refuse(r: Refusal): void {
    if (r.code === 4410) return this.#onDeleted();
    this.refusal = r;
    this.#teardown();
  }

  #onDeleted(): void {
    this.deleted = true;
    forgetToken(`f:${this.workshopId}`);
    this.#teardown();
  }

  #teardown(): void {
    clearInterval(this.#poll);
    this.#poll = undefined;
    for (const off of this.#offs) off();
    this.#offs = [];
    for (const r of this.#rooms.values()) r.destroy();
    this.#rooms.clear();
    this.#live?.conn.destroy();
    this.#live = null;
    this.#control?.destroy();
    this.#control = null;
  }

  /** Runs one API action with a busy flag and an error line; returns its result. */
  async #act<T>(f: (api: WorkshopApi) => Promise<T>, done?: (r: T) => void): Promise<void> {
    if (!this.#api) return;
    this.busy = true;
    this.error = '';
    try {
      const r = await f(this.#api);
      done?.(r);
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.busy = false;
    }
  }

  #timer(req: TimerRequest): Promise<void> {
    return this.#act(
      (api) => api.timer(this.workshopId, req),
      (timer) => {
        if (this.control) this.control = { ...this.control, timer };
      },
    );
  }

  #groupName(n: number): string {
    return this.view?.groups.find((g) => g.number === n)?.name ?? this.control?.groups.find((g) => g.number === n)?.name ?? m('common.group', { n });
  }

  #open(n: number | null): void {
    this.opened = n;
    if (this.#live?.group !== n) {
      this.#live?.conn.destroy();
      this.#live = null;
      const g = this.view?.groups.find((x) => x.number === n);
      if (n !== null && this.#token) {
        const room = g?.room || groupRoom(this.workshopId, n);
        this.#live = { group: n, conn: this.services.groupBoard(room, this.#token, { name: lm('facilitator'), color: colorFor(5) }) };
      }
    }
    void this.updateComplete.then(() => {
      if (n === null) this.dialog?.close();
      else if (!this.dialog.open) this.dialog.showModal();
    });
  }

  /** Who is on a group's board, but for the facilitator's own view of it. */
  #peopleOf(n: number): Person[] {
    const own = this.#live?.conn.clientId;
    return (this.people.get(n) ?? []).filter((p) => p.clientId !== own);
  }

  #peopleMap(): Map<number, Person[]> {
    return new Map([...this.people.keys()].map((n) => [n, this.#peopleOf(n)]));
  }

  /** The current step's tools, for the thumbnails and "bring here" (the same object while the step is). */
  #task(): { tools: readonly WidgetType[]; key: string } | null {
    const step = currentStep(this.control);
    const key = step ? `${step.id}:${step.tools.join(',')}` : null;
    if (this.#taskCache?.key !== key) this.#taskCache = step && key ? { tools: step.tools, key } : null;
    return this.#taskCache;
  }

  #locked(): boolean {
    return this.control?.locked ?? this.view?.locked ?? false;
  }

  #crossView(): boolean {
    return this.control?.crossView ?? this.view?.crossView ?? false;
  }

  #applyView(v: WorkshopView): void {
    this.view = v;
    if (this.control) this.control = { ...this.control, locked: v.locked, crossView: v.crossView };
  }

  // ---- what the cards ask for -------------------------------------------------------------

  #sendMessage(e: CustomEvent<{ text: string }>): void {
    const part = e.currentTarget as KbConsoleMessage;
    void this.#act(
      (api) => api.message(this.workshopId, e.detail.text),
      (message) => {
        part.sent();
        if (this.control) this.control = { ...this.control, message };
      },
    );
  }

  #clearMessage(): void {
    void this.#act(
      (api) => api.message(this.workshopId, ''),
      () => {
        if (this.control) this.control = { ...this.control, message: null };
      },
    );
  }

  #move(e: CustomEvent<MoveRequest>): void {
    const { clientId, name, toGroup } = e.detail;
    void this.#act(
      (api) => api.move(this.workshopId, clientId, toGroup),
      () => (this.notice = m('console.moveSent', { name, group: this.#groupName(toGroup) })),
    );
  }

  #goStep(req: { step: string } | { to: 'next' | 'previous' }): void {
    void this.#act(
      (api) => goStep(api, this.workshopId, req),
      (sheet) => {
        const i = sheet.steps.findIndex((s) => s.id === sheet.step?.id);
        if (this.control) this.control = { ...this.control, steps: sheet.steps, step: sheet.step };
        this.notice = lm('moved', { n: i + 1, kind: kindLabel(sheet.steps[i]?.kind ?? '') });
      },
    );
  }

  #editStep(e: CustomEvent<StepEditRequest>): void {
    const part = e.currentTarget as KbConsoleRunSheet;
    const { id, text, minutes } = e.detail;
    void this.#act(
      (api) => editStep(api, this.workshopId, id, { text, minutes }),
      (sheet) => {
        if (this.control) this.control = { ...this.control, steps: sheet.steps, step: sheet.step };
        part.saved();
        this.notice = lm('saved', { n: sheet.steps.findIndex((s) => s.id === id) + 1 });
      },
    );
  }

  /** "Bring everyone here": every group (null) or one, to the step's tool or to a place of its board. */
  #bring(group: number | null, rect?: BoardRect): void {
    void this.#act(
      (api) => attend(api, this.workshopId, { group, ...(rect ? { rect } : {}) }),
      () => (this.notice = group === null ? lm('brought') : lm('broughtGroup', { group: this.#groupName(group) })),
    );
  }

  #pointer(e: CustomEvent<{ group: number; point: { x: number; y: number } | null }>): void {
    const { group, point: p } = e.detail;
    void this.#act(
      (api) => point(api, this.workshopId, { group, point: p }),
      (pointer) => {
        if (this.control) this.control = { ...this.control, pointer };
        this.notice = pointer ? lm('pointerShown', { group: this.#groupName(group) }) : '';
      },
    );
  }

  #lead(e: CustomEvent<{ group: number; clientId: number | null }>): void {
    const { group, clientId } = e.detail;
    void this.#act(
      (api) => lead(api, this.workshopId, group, clientId),
      (l) => {
        if (this.control) this.control = { ...this.control, lead: l };
        this.notice = l ? lm('following', { group: this.#groupName(group) }) : '';
      },
    );
  }

  #takeSnapshot(e: CustomEvent<{ name: string }>): void {
    const part = e.currentTarget as KbConsoleSnapshots;
    const name = e.detail.name || this.#defaultSnapshotName();
    void this.#act(
      (api) => api.takeSnapshot(this.workshopId, name),
      (set) => {
        this.snapshots = [...this.snapshots.filter((s) => s.id !== set.id), set];
        this.notice = m('console.snapshotTaken', { name: set.name });
        part.taken();
        this.snapshotDefault = this.#defaultSnapshotName();
      },
    );
  }

  /**
   * The plenum view's address: with the plenum token the server gives the facilitator (it may
   * only look), never the facilitator's own, which could lock, export and delete.
   */
  #plenumLink(set?: string): string {
    const token = this.view?.plenumLink?.split('#')[1] ?? '';
    return `/p/${encodeURIComponent(this.workshopId)}${set ? `?set=${encodeURIComponent(set)}` : ''}#${token}`;
  }

  // ---- rendering ---------------------------------------------------------------------------

  #renderDialog() {
    const n = this.opened;
    const live = n !== null && this.#live?.group === n ? this.#live.conn : null;
    const groups = (this.view?.groups ?? []).map((g) => ({ number: g.number, name: g.name }));
    return html`<dialog aria-labelledby="dialog-h" @close=${() => this.#open(null)}>
      ${n !== null
        ? html`<div class="dialog-shell">
            <header>
              <h2 id="dialog-h">${this.#groupName(n)}</h2>
              <button type="button" class="secondary" @click=${() => this.#open(null)}>${m('common.close')}</button>
            </header>
            <div class="dialog-board">
              <kb-console-group-view
                .group=${n}
                .connection=${live}
                .control=${this.control}
                .people=${this.#peopleOf(n)}
                .groups=${groups}
                ?busy=${this.busy}
                @kb-bring=${(e: CustomEvent<{ group: number; rect: BoardRect }>) => this.#bring(e.detail.group, e.detail.rect)}
                @kb-pointer=${this.#pointer}
                @kb-lead=${this.#lead}
                @kb-move=${this.#move}
              ></kb-console-group-view>
            </div>
          </div>`
        : nothing}
    </dialog>`;
  }

  override render() {
    const gate = facilitatorGate({ noToken: this.noToken, refusal: this.refusal, deleted: this.deleted, loaded: this.view !== null, error: this.error });
    if (gate || !this.view) return gate;
    const v = this.view;
    const busy = this.busy;
    return html`<main class="page wide console">
        <header class="console-head">
          <h1>${m('console.title', { title: v.title })}</h1>
          <p role="status" class="status-line ${this.error ? 'error' : 'ok'}">${this.error || this.notice}</p>
          <a class="button" data-action="plenum" href=${this.#plenumLink()} target="_blank" rel="noopener" title=${m('console.plenumHint')}>${m('console.plenumLive')}</a>
          <kb-lang inline></kb-lang>
        </header>
        <div class="layout">
          <div class="side">
            <kb-console-run-sheet
              .steps=${this.control?.steps ?? []}
              .step=${this.control?.step ?? null}
              ?busy=${busy}
              @kb-step-go=${(e: CustomEvent<{ step: string } | { to: 'next' | 'previous' }>) => this.#goStep(e.detail)}
              @kb-step-edit=${this.#editStep}
              @kb-bring=${() => this.#bring(null)}
            ></kb-console-run-sheet>
          </div>
          <div class="main-col">
            <div class="strip">
              <kb-console-timer .timer=${this.control?.timer ?? null} .now=${this.#now} ?busy=${busy} @kb-timer-request=${(e: CustomEvent<TimerRequest>) => void this.#timer(e.detail)}></kb-console-timer>
              <kb-console-message .current=${this.control?.message ?? null} ?busy=${busy} @kb-message-send=${this.#sendMessage} @kb-message-clear=${this.#clearMessage}></kb-console-message>
              <kb-console-lock
                ?locked=${this.#locked()}
                ?crossView=${this.#crossView()}
                ?busy=${busy}
                @kb-lock=${(e: CustomEvent<{ locked: boolean }>) => void this.#act((api) => api.lock(this.workshopId, e.detail.locked), (r) => this.#applyView(r))}
                @kb-cross-view=${(e: CustomEvent<{ enabled: boolean }>) => void this.#act((api) => api.crossView(this.workshopId, e.detail.enabled), (r) => this.#applyView(r))}
              ></kb-console-lock>
              <kb-console-snapshots .snapshots=${this.snapshots} .defaultName=${this.snapshotDefault} .plenumLink=${(set: string) => this.#plenumLink(set)} ?busy=${busy} @kb-snapshot=${this.#takeSnapshot}></kb-console-snapshots>
            </div>
            <div class="scroller">
              <kb-console-groups
                .groups=${v.groups}
                .rooms=${this.#rooms}
                .people=${this.#peopleMap()}
                .task=${this.#task()}
                ?busy=${busy}
                @kb-open-board=${(e: CustomEvent<{ group: number }>) => this.#open(e.detail.group)}
                @kb-bring=${(e: CustomEvent<{ group: number }>) => this.#bring(e.detail.group)}
              ></kb-console-groups>
              <section class="card" aria-labelledby="plenum-h">
                <h2 id="plenum-h">${m('console.plenumLive')}</h2>
                <p class="hint">${m('console.plenumHint')}</p>
                <kb-copy-link class="plenum-link" .label=${m('created.plenum')} .value=${absolute(this.#plenumLink())}></kb-copy-link>
              </section>
              <kb-console-vote .workshopId=${this.workshopId} .token=${this.#token ?? ''} .signal=${this.control?.vote ?? null} .snapshots=${this.snapshots}></kb-console-vote>
              <section class="card" aria-labelledby="exp-h">
                <h2 id="exp-h">${m('console.exports')}</h2>
                <kb-exports .api=${this.#api} .workshopId=${this.workshopId} .workshopTitle=${v.title} .groups=${v.groups.map((g) => ({ number: g.number, name: g.name }))}></kb-exports>
              </section>
              <kb-console-delete .expiresAt=${v.expiresAt ?? 0} ?busy=${busy} @kb-delete=${() => void this.#act((api) => api.deleteWorkshop(this.workshopId), () => this.#onDeleted())}></kb-console-delete>
            </div>
          </div>
        </div>
      </main>
      ${this.#renderDialog()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-console-page': KbConsolePage;
  }
}
