/**
 * `<kb-console-page>` (`/f/<id>#<facilitator token>`): the facilitator's overview. Every
 * group's board live as a thumbnail (watched read-only, unseen), who is in which group, the
 * timer, a message to all, lock and cross-view, moving a person, snapshots for the plenum,
 * exports, and deleting the workshop (after a confirmation).
 *
 * The page holds the workshop's state and the connections (the API, the control document,
 * a watched room per group) and makes every request; the cards are page parts that show it
 * and say what the facilitator asked for: `<kb-console-timer>`, `<kb-console-message>`,
 * `<kb-console-lock>`, `<kb-console-groups>` (with `<kb-console-people>`),
 * `<kb-console-snapshots>`, `<kb-exports>` and `<kb-console-delete>`.
 *
 * @cssproperty --kb-radius - the full-size board dialog's corners (and the page's cards).
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { LocaleController } from '../i18n/lit.js';
import type { ControlState, SnapshotSetView, TimerRequest, WorkshopView } from '../workshop/api.js';
import { groupRoom } from '../workshop/rooms.js';
import '../canvas/board-element.js';
import { ApiError, errorMessage, type WorkshopApi } from './api-client.js';
import { facilitatorGate } from './bits.js';
import './console-delete.js';
import './console-groups.js';
import './console-lock.js';
import type { KbConsoleMessage } from './console-message.js';
import './console-message.js';
import { consolePageStyles } from './console-page.styles.js';
import type { MoveRequest } from './console-people.js';
import type { KbConsoleSnapshots } from './console-snapshots.js';
import './console-snapshots.js';
import './console-timer.js';
import type { ControlSource, Person, Refusal, WatchedRoom } from './control.js';
import './exports-element.js';
import { m } from './facilitator-messages.js';
import { partsUpdated } from './page-part.js';
import { pageStyles } from './page-styles.js';
import { absolute, forgetToken, takeToken } from './routes.js';
import { defaultServices, type Services } from './services.js';

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
    void this.updateComplete.then(() => {
      if (n === null) this.dialog?.close();
      else if (!this.dialog.open) this.dialog.showModal();
    });
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
    const room = n !== null ? this.#rooms.get(n) : undefined;
    return html`<dialog aria-labelledby="dialog-h" @close=${() => (this.opened = null)}>
      ${n !== null
        ? html`<div class="dialog-shell">
            <header>
              <h2 id="dialog-h">${this.#groupName(n)}</h2>
              <button type="button" class="secondary" @click=${() => this.#open(null)}>${m('common.close')}</button>
            </header>
            <div class="dialog-board">${room ? html`<kb-board .board=${room.board} readonly status="connected"></kb-board>` : nothing}</div>
          </div>`
        : nothing}
    </dialog>`;
  }

  override render() {
    const gate = facilitatorGate({ noToken: this.noToken, refusal: this.refusal, deleted: this.deleted, loaded: this.view !== null, error: this.error });
    if (gate || !this.view) return gate;
    const v = this.view;
    const busy = this.busy;
    return html`<main class="page wide">
        <header>
          <div class="row spread">
            <h1>${m('console.title', { title: v.title })}</h1>
            <kb-lang inline></kb-lang>
          </div>
          <p class="row">
            <a class="button" data-action="plenum" href=${this.#plenumLink()} target="_blank" rel="noopener">${m('console.plenumLive')}</a>
            <span class="hint">${m('console.plenumHint')}</span>
          </p>
          <kb-copy-link class="plenum-link" .label=${m('created.plenum')} .value=${absolute(this.#plenumLink())}></kb-copy-link>
        </header>
        <p role="status" class="status-line ${this.error ? 'error' : 'ok'}">${this.error || this.notice}</p>
        <div class="controls">
          <kb-console-timer .timer=${this.control?.timer ?? null} .now=${this.#now} ?busy=${busy} @kb-timer-request=${(e: CustomEvent<TimerRequest>) => void this.#timer(e.detail)}></kb-console-timer>
          <kb-console-message .current=${this.control?.message ?? null} ?busy=${busy} @kb-message-send=${this.#sendMessage} @kb-message-clear=${this.#clearMessage}></kb-console-message>
          <kb-console-lock
            ?locked=${this.#locked()}
            ?crossView=${this.#crossView()}
            ?busy=${busy}
            @kb-lock=${(e: CustomEvent<{ locked: boolean }>) => void this.#act((api) => api.lock(this.workshopId, e.detail.locked), (r) => this.#applyView(r))}
            @kb-cross-view=${(e: CustomEvent<{ enabled: boolean }>) => void this.#act((api) => api.crossView(this.workshopId, e.detail.enabled), (r) => this.#applyView(r))}
          ></kb-console-lock>
        </div>
        <kb-console-groups
          .groups=${v.groups}
          .rooms=${this.#rooms}
          .people=${this.people}
          ?busy=${busy}
          @kb-open-board=${(e: CustomEvent<{ group: number }>) => this.#open(e.detail.group)}
          @kb-move=${this.#move}
        ></kb-console-groups>
        <div class="controls">
          <kb-console-snapshots .snapshots=${this.snapshots} .defaultName=${this.snapshotDefault} .plenumLink=${(set: string) => this.#plenumLink(set)} ?busy=${busy} @kb-snapshot=${this.#takeSnapshot}></kb-console-snapshots>
          <section class="card" aria-labelledby="exp-h">
            <h2 id="exp-h">${m('console.exports')}</h2>
            <kb-exports .api=${this.#api} .workshopId=${this.workshopId} .workshopTitle=${v.title} .groups=${v.groups.map((g) => ({ number: g.number, name: g.name }))}></kb-exports>
          </section>
        </div>
        <kb-console-delete .expiresAt=${v.expiresAt ?? 0} ?busy=${busy} @kb-delete=${() => void this.#act((api) => api.deleteWorkshop(this.workshopId), () => this.#onDeleted())}></kb-console-delete>
      </main>
      ${this.#renderDialog()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-console-page': KbConsolePage;
  }
}
