/**
 * `<kb-console-page>` (`/f/<id>#<facilitator token>`): the facilitator's overview. Every
 * group's board live as a thumbnail (watched read-only, unseen), who is in which group, the
 * timer, a message to all, lock and cross-view, moving a person, snapshots for the plenum,
 * exports, and deleting the workshop (after a confirmation).
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { LocaleController, getLocale } from '../i18n/index.js';
import type { ControlState, SnapshotSetView, TimerRequest, WorkshopView } from '../workshop/api.js';
import '../canvas/board-element.js';
import { ApiError, errorMessage, type WorkshopApi } from './api-client.js';
import { facilitatorGate } from './bits.js';
import { groupRoom, timerRemaining, type ControlSource, type Person, type Refusal, type WatchedRoom } from './control.js';
import './exports-element.js';
import { m } from './messages.js';
import { pageStyles } from './page-styles.js';
import { forgetToken, takeToken } from './routes.js';
import { defaultServices, type Services } from './services.js';
import './timer-element.js';

export const POLL_MS = 5000;

function hhmm(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

@customElement('kb-console-page')
export class KbConsolePage extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .controls {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr));
        gap: 16px;
      }
      .controls section.card {
        display: flex;
        flex-direction: column;
        gap: 10px;
      }
      ol.tiles {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(320px, 1fr));
        gap: 16px;
      }
      ol.tiles > li {
        background: var(--kb-surface, #fff);
        border-radius: var(--kb-radius, 10px);
        box-shadow: var(--kb-shadow);
        padding: 12px;
        display: flex;
        flex-direction: column;
        gap: 8px;
      }
      .tile-head {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
        gap: 8px;
      }
      .online {
        color: var(--kb-text-muted, #4b5563);
        font-size: 0.95rem;
      }
      .thumb {
        position: relative;
        height: 200px;
        border: 1px solid var(--kb-border, #d5d8dc);
        border-radius: var(--kb-radius-small, 6px);
        overflow: hidden;
      }
      .thumb kb-board {
        height: 200px;
        min-height: 0;
        pointer-events: none;
      }
      .thumb button.open {
        position: absolute;
        inset: 0;
        width: 100%;
        height: 100%;
        background: transparent;
        border: none;
        color: transparent;
        border-radius: 0;
      }
      .thumb button.open:hover,
      .thumb button.open:focus-visible {
        background: rgb(31 95 168 / 0.08);
      }
      ul.people {
        list-style: none;
        padding: 0;
        margin: 0;
        display: flex;
        flex-direction: column;
        gap: 6px;
      }
      ul.people li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 6px;
      }
      ul.people .who {
        flex: 1 1 6rem;
        display: inline-flex;
        align-items: center;
        gap: 6px;
      }
      .dot {
        width: 12px;
        height: 12px;
        border-radius: 50%;
        display: inline-block;
      }
      ul.people select,
      ul.people button {
        min-height: 36px;
        padding: 4px 8px;
      }
      ul.sets {
        padding-left: 1.2rem;
        margin: 0;
      }
      dialog {
        width: min(96vw, 1600px);
        height: min(92vh, 1000px);
        padding: 0;
        border: none;
        border-radius: var(--kb-radius, 10px);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.5);
      }
      dialog .dialog-shell {
        display: flex;
        flex-direction: column;
        height: 100%;
      }
      dialog header {
        display: flex;
        justify-content: space-between;
        align-items: center;
        padding: 8px 14px;
        border-bottom: 1px solid var(--kb-border, #d5d8dc);
      }
      dialog .dialog-board {
        flex: 1;
        min-height: 0;
      }
      .danger-zone {
        border: 2px solid var(--kb-danger, #b3261e);
      }
      input.minutes {
        width: 6rem;
      }
      input.message {
        flex: 1 1 14rem;
      }
    `,
  ];

  @property() workshopId = '';
  @property({ attribute: false }) services: Services = defaultServices();

  @state() private view: WorkshopView | null = null;
  @state() private control: ControlState | null = null;
  @state() private snapshots: SnapshotSetView[] = [];
  @state() private people = new Map<number, Person[]>();
  @state() private refusal: Refusal | null = null;
  @state() private deleted = false;
  @state() private noToken = false;
  @state() private confirmingDelete = false;
  @state() private error = '';
  @state() private notice = '';
  @state() private opened: number | null = null;
  @state() private minutes = '10';
  @state() private messageText = '';
  @state() private snapshotName = '';
  @state() private busy = false;
  @query('dialog') private dialog!: HTMLDialogElement;

  #token: string | null = null;
  #api: WorkshopApi | null = null;
  #control: ControlSource | null = null;
  readonly #rooms = new Map<number, WatchedRoom>();
  #offs: (() => void)[] = [];
  #poll: ReturnType<typeof setInterval> | undefined;
  #snapshotNameEdited = false;
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

  async #refresh(): Promise<void> {
    if (!this.#api || this.refusal || this.deleted) return;
    try {
      const view = await this.#api.workshop(this.workshopId);
      this.view = view;
      document.title = m('console.title', { title: view.title });
      this.#syncRooms(view);
      if (!this.#snapshotNameEdited) this.snapshotName = m('console.snapshotDefault', { time: hhmm(this.services.now()) });
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

  #renderTimer() {
    const timer = this.control?.timer ?? { endsAt: null, remainingMs: null };
    const r = timerRemaining(timer, this.#now());
    const minutes = Number(this.minutes);
    const validMinutes = Number.isFinite(minutes) && minutes >= 1 && minutes <= 240;
    return html`<section class="card" aria-labelledby="timer-h">
      <h2 id="timer-h">${m('console.timer')}</h2>
      ${r ? html`<kb-timer .timer=${timer} .now=${this.#now}></kb-timer>` : html`<p class="hint">${m('console.noTimer')}</p>`}
      <form
        class="row"
        @submit=${(e: SubmitEvent) => {
          e.preventDefault();
          if (validMinutes) void this.#timer({ action: 'start', minutes: Math.round(minutes) });
        }}
      >
        <label for="minutes">${m('console.minutes')}</label>
        <input id="minutes" class="minutes" type="number" min="1" max="240" inputmode="numeric" .value=${this.minutes} @input=${(e: InputEvent) => (this.minutes = (e.target as HTMLInputElement).value)} />
        <button type="submit" data-action="timer-start" ?disabled=${this.busy || !validMinutes}>${m('console.start')}</button>
      </form>
      <div class="row">
        <button type="button" class="secondary" data-action="timer-add1" ?disabled=${this.busy || !r} @click=${() => void this.#timer({ action: 'add', minutes: 1 })}>${m('console.add1')}</button>
        <button type="button" class="secondary" data-action="timer-add5" ?disabled=${this.busy || !r} @click=${() => void this.#timer({ action: 'add', minutes: 5 })}>${m('console.add5')}</button>
        ${r?.running
          ? html`<button type="button" class="secondary" data-action="timer-pause" ?disabled=${this.busy} @click=${() => void this.#timer({ action: 'pause' })}>${m('console.pause')}</button>`
          : html`<button type="button" class="secondary" data-action="timer-resume" ?disabled=${this.busy || !r} @click=${() => void this.#timer({ action: 'resume' })}>${m('console.resume')}</button>`}
        <button type="button" class="secondary" data-action="timer-stop" ?disabled=${this.busy || !r} @click=${() => void this.#timer({ action: 'stop' })}>${m('console.stop')}</button>
      </div>
    </section>`;
  }

  #renderMessage() {
    const current = this.control?.message ?? null;
    return html`<section class="card" aria-labelledby="msg-h">
      <h2 id="msg-h">${m('console.message')}</h2>
      <form
        class="row"
        @submit=${(e: SubmitEvent) => {
          e.preventDefault();
          const text = this.messageText.trim();
          if (!text) return;
          void this.#act(
            (api) => api.message(this.workshopId, text),
            (message) => {
              this.messageText = '';
              if (this.control) this.control = { ...this.control, message };
            },
          );
        }}
      >
        <label for="message" class="visually-hidden">${m('console.messageLabel')}</label>
        <input id="message" class="message" maxlength="280" autocomplete="off" placeholder=${m('console.messageLabel')} .value=${this.messageText} @input=${(e: InputEvent) => (this.messageText = (e.target as HTMLInputElement).value)} />
        <button type="submit" data-action="message-send" ?disabled=${this.busy || !this.messageText.trim()}>${m('console.send')}</button>
      </form>
      ${current
        ? html`<p>${m('console.current', { text: current.text })}</p>
            <div>
              <button
                type="button"
                class="secondary"
                data-action="message-clear"
                ?disabled=${this.busy}
                @click=${() =>
                  void this.#act(
                    (api) => api.message(this.workshopId, ''),
                    () => {
                      if (this.control) this.control = { ...this.control, message: null };
                    },
                  )}
              >
                ${m('console.clear')}
              </button>
            </div>`
        : nothing}
    </section>`;
  }

  #renderBoards() {
    const locked = this.#locked();
    return html`<section class="card" aria-labelledby="boards-h">
      <h2 id="boards-h">${m('console.boards')}</h2>
      <div>
        <button
          type="button"
          class="big"
          data-action="lock"
          aria-pressed=${locked ? 'true' : 'false'}
          ?disabled=${this.busy}
          @click=${() => void this.#act((api) => api.lock(this.workshopId, !locked), (v) => this.#applyView(v))}
        >
          ${locked ? m('console.unlock') : m('console.lock')}
        </button>
      </div>
      <p role="status">${locked ? m('console.lockedNow') : m('console.unlockedNow')}</p>
      <label style="display:flex;gap:8px;align-items:center;font-weight:400">
        <input
          type="checkbox"
          data-action="cross-view"
          .checked=${this.#crossView()}
          ?disabled=${this.busy}
          @change=${(e: Event) => void this.#act((api) => api.crossView(this.workshopId, (e.target as HTMLInputElement).checked), (v) => this.#applyView(v))}
        />
        ${m('console.crossView')}
      </label>
    </section>`;
  }

  #applyView(v: WorkshopView): void {
    this.view = v;
    if (this.control) this.control = { ...this.control, locked: v.locked, crossView: v.crossView };
  }

  #renderGroups() {
    const groups = this.view?.groups ?? [];
    const all = groups.map((g) => ({ number: g.number, name: g.name }));
    return html`<section aria-labelledby="groups-h" class="stack">
      <h2 id="groups-h">${m('console.groups')}</h2>
      <ol class="tiles">
        ${groups.map((g) => {
          const room = this.#rooms.get(g.number);
          const people = this.people.get(g.number) ?? [];
          return html`<li data-group=${g.number}>
            <div class="tile-head">
              <h3>${g.name}</h3>
              <span class="online">${m('console.online', { count: room ? people.length : g.online })}${g.code ? html` · <span aria-label=${m('created.code')}>${g.code}</span>` : nothing}</span>
            </div>
            <div class="thumb">
              <div inert>${room ? html`<kb-board .board=${room.board} readonly .chrome=${false}></kb-board>` : nothing}</div>
              <button type="button" class="open" data-action="open-board" @click=${() => this.#open(g.number)}>
                <span class="visually-hidden">${m('console.openBoard', { group: g.name })}</span>
              </button>
            </div>
            <h4 class="visually-hidden">${m('console.people')}</h4>
            ${people.length === 0
              ? html`<p class="hint">${m('console.nobody')}</p>`
              : html`<ul class="people">
                  ${people.map(
                    (p) => html`<li data-client=${p.clientId}>
                      <span class="who"><span class="dot" style="background:${p.color}" aria-hidden="true"></span>${p.name}</span>
                      ${all.length > 1
                        ? html`<label class="visually-hidden" for="move-${p.clientId}">${m('console.moveTo', { name: p.name })}</label>
                            <select id="move-${p.clientId}">
                              ${all.filter((o) => o.number !== g.number).map((o) => html`<option value=${o.number}>${o.name}</option>`)}
                            </select>
                            <button type="button" class="secondary" data-action="move" ?disabled=${this.busy} @click=${(e: Event) => this.#move(e, p)}>${m('console.move')}</button>`
                        : nothing}
                    </li>`,
                  )}
                </ul>`}
          </li>`;
        })}
      </ol>
    </section>`;
  }

  #move(e: Event, p: Person): void {
    const select = (e.target as HTMLElement).parentElement?.querySelector('select');
    const to = Number(select?.value);
    if (!Number.isInteger(to) || to < 1) return;
    void this.#act(
      (api) => api.move(this.workshopId, p.clientId, to),
      () => (this.notice = m('console.moveSent', { name: p.name, group: this.#groupName(to) })),
    );
  }

  #renderSnapshots() {
    return html`<section class="card stack" aria-labelledby="snap-h">
      <h2 id="snap-h">${m('console.snapshots')}</h2>
      <form
        class="row"
        @submit=${(e: SubmitEvent) => {
          e.preventDefault();
          const name = this.snapshotName.trim() || m('console.snapshotDefault', { time: hhmm(this.services.now()) });
          void this.#act(
            (api) => api.takeSnapshot(this.workshopId, name),
            (set) => {
              this.snapshots = [...this.snapshots.filter((s) => s.id !== set.id), set];
              this.notice = m('console.snapshotTaken', { name: set.name });
              this.#snapshotNameEdited = false;
              this.snapshotName = m('console.snapshotDefault', { time: hhmm(this.services.now()) });
            },
          );
        }}
      >
        <label for="snapshot-name">${m('console.snapshotName')}</label>
        <input
          id="snapshot-name"
          maxlength="100"
          autocomplete="off"
          .value=${this.snapshotName}
          @input=${(e: InputEvent) => {
            this.#snapshotNameEdited = true;
            this.snapshotName = (e.target as HTMLInputElement).value;
          }}
        />
        <button type="submit" data-action="snapshot" ?disabled=${this.busy}>${m('console.takeSnapshot')}</button>
      </form>
      ${this.snapshots.length === 0
        ? html`<p class="hint">${m('console.noSnapshots')}</p>`
        : html`<ul class="sets">
            ${[...this.snapshots]
              .sort((a, b) => b.createdAt - a.createdAt)
              .map(
                (s) => html`<li data-set=${s.id}>
                  ${s.name} (${new Date(s.createdAt).toLocaleTimeString(getLocale() === 'da' ? 'da-DK' : 'en-GB', { hour: '2-digit', minute: '2-digit' })}) –
                  <a href=${this.#plenumLink(s.id)} target="_blank" rel="noopener">${m('console.openPlenum')}</a>
                </li>`,
              )}
          </ul>`}
    </section>`;
  }

  #plenumLink(set?: string): string {
    return `/p/${encodeURIComponent(this.workshopId)}${set ? `?set=${encodeURIComponent(set)}` : ''}#${this.#token ?? ''}`;
  }

  #renderDelete() {
    return html`<section class="card stack danger-zone" aria-labelledby="del-h">
      <h2 id="del-h">${m('console.delete')}</h2>
      ${this.confirmingDelete
        ? html`<p role="alert"><strong>${m('console.deleteConfirm')}</strong></p>
            <div class="row">
              <button type="button" class="danger" data-action="delete-yes" ?disabled=${this.busy} @click=${() => void this.#act((api) => api.deleteWorkshop(this.workshopId), () => this.#onDeleted())}>
                ${m('console.deleteYes')}
              </button>
              <button type="button" class="secondary" data-action="delete-no" @click=${() => (this.confirmingDelete = false)}>${m('console.deleteNo')}</button>
            </div>`
        : html`<div><button type="button" class="danger" data-action="delete" @click=${() => (this.confirmingDelete = true)}>${m('console.delete')}</button></div>`}
      ${this.view?.expiresAt ? html`<p class="hint">${m('console.expires', { date: new Date(this.view.expiresAt).toLocaleDateString(getLocale() === 'da' ? 'da-DK' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' }) })}</p>` : nothing}
    </section>`;
  }

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
    return html`<main class="page wide">
        <header>
          <div class="row" style="justify-content: space-between">
            <h1>${m('console.title', { title: v.title })}</h1>
            <kb-lang inline></kb-lang>
          </div>
          <p class="row">
            <a class="button" data-action="plenum" href=${this.#plenumLink()} target="_blank" rel="noopener">${m('console.plenumLive')}</a>
            <span class="hint">${m('console.plenumHint')}</span>
          </p>
        </header>
        <p role="status" class=${this.error ? 'error' : 'ok'} style="min-height: 1.45em">${this.error || this.notice}</p>
        <div class="controls">${this.#renderTimer()} ${this.#renderMessage()} ${this.#renderBoards()}</div>
        ${this.#renderGroups()}
        <div class="controls">
          ${this.#renderSnapshots()}
          <section class="card" aria-labelledby="exp-h">
            <h2 id="exp-h">${m('console.exports')}</h2>
            <kb-exports .api=${this.#api} .workshopId=${this.workshopId} .workshopTitle=${v.title} .groups=${v.groups.map((g) => ({ number: g.number, name: g.name }))}></kb-exports>
          </section>
        </div>
        ${this.#renderDelete()}
      </main>
      ${this.#renderDialog()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-console-page': KbConsolePage;
  }
}
