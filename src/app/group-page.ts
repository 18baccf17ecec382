/**
 * `<kb-group-page>` (`/g/<id>/<n>#<token>`): a group's board inside the workshop. The token
 * comes from the address fragment (kept for this tab, then taken out of the address bar).
 * Over the board: the workshop's timer, the facilitator's message, the lock, and a move to
 * another group when the facilitator asks for one, all from the control document. A refused
 * connection (bad token, unknown workshop) or a deleted workshop ends in a plain message.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { setLocale, t } from '../i18n/index.js';
import { LocaleController } from '../i18n/lit.js';
import type { ConnectionStatus } from '../sync/connection.js';
import { colorFor } from '../sync/presence.js';
import type { ControlState, WorkshopView } from '../workshop/api.js';
import '../canvas/board-element.js';
import { ApiError, errorMessage, type WorkshopApi } from './api-client.js';
import './bits.js';
import { groupRoom, refusalText, type ControlSource, type Refusal, type WatchedRoom } from './control.js';
import { clientTag, hasSavedLocale, saveName, savedName } from './identity.js';
import { m } from './messages.js';
import { pageStyles } from './page-styles.js';
import { forgetToken, nav, takeToken } from './routes.js';
import { defaultServices, type GroupBoardConnection, type Services } from './services.js';
import './timer-element.js';

type Phase = 'loading' | 'name' | 'board' | 'refused' | 'deleted' | 'no-token' | 'moving';

export function hashString(s: string): number {
  let h = 0;
  for (const ch of s) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return h;
}

function refusalForStatus(err: unknown): Refusal | null {
  if (!(err instanceof ApiError)) return null;
  if (err.status === 401) return { code: 4401, reason: err.message };
  if (err.status === 403) return { code: 4403, reason: err.message };
  if (err.status === 404) return { code: 4404, reason: err.message };
  return null;
}

@customElement('kb-group-page')
export class KbGroupPage extends LitElement {
  static override styles = [
    pageStyles,
    css`
      :host {
        height: 100vh;
        height: 100dvh;
      }
      .shell {
        display: flex;
        flex-direction: column;
        height: 100%;
      }
      header.workshop {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 18px;
        padding: 6px 14px;
        background: var(--kb-surface, #fff);
        border-bottom: 1px solid var(--kb-border, #d5d8dc);
        z-index: 5;
      }
      header.workshop .title {
        font-weight: 700;
      }
      header.workshop .group {
        color: var(--kb-text-muted, #4b5563);
      }
      header.workshop kb-timer {
        margin-left: auto;
      }
      .banner {
        display: flex;
        align-items: center;
        gap: 12px;
        padding: 10px 14px;
        font-size: 1.1rem;
        z-index: 5;
      }
      .banner.message {
        background: var(--kb-accent-soft, #dbe7f7);
        border-bottom: 1px solid var(--kb-accent, #1f5fa8);
      }
      .banner.message .text {
        flex: 1;
      }
      .banner.locked {
        background: #fff6e5;
        border-bottom: 3px solid var(--kb-warning, #8d4f00);
        font-weight: 700;
      }
      .banner button {
        min-height: 36px;
        padding: 4px 12px;
      }
      .board-area {
        flex: 1;
        min-height: 0;
        position: relative;
      }
      kb-board {
        height: 100%;
      }
      header.workshop button {
        min-height: 36px;
        padding: 4px 12px;
      }
      dialog.peek {
        width: min(96vw, 1600px);
        height: min(92vh, 1000px);
        padding: 0;
        border: none;
        border-radius: var(--kb-radius, 10px);
      }
      dialog.peek::backdrop {
        background: rgb(0 0 0 / 0.5);
      }
      .peek-shell {
        display: flex;
        flex-direction: column;
        height: 100%;
      }
      .peek-head {
        display: flex;
        flex-wrap: wrap;
        gap: 10px;
        align-items: center;
        justify-content: space-between;
        padding: 8px 14px;
        border-bottom: 1px solid var(--kb-border, #d5d8dc);
      }
      .peek-head h2 {
        margin: 0;
      }
      .peek-board {
        flex: 1;
        min-height: 0;
      }
    `,
  ];

  @property() workshopId = '';
  @property({ type: Number }) group = 0;
  @property({ attribute: false }) services: Services = defaultServices();

  @state() private phase: Phase = 'loading';
  @state() private view: WorkshopView | null = null;
  @state() private control: ControlState | null = null;
  @state() private conn: GroupBoardConnection | null = null;
  @state() private status: ConnectionStatus = 'connecting';
  /** The board has synced with the server once (it then opens fitted to its content). */
  @state() private synced = false;
  @state() private refusal: Refusal | null = null;
  @state() private error = '';
  @state() private dismissedAt: number | null = null;
  @state() private name = savedName();
  @state() private movingTo = 0;
  /** Cross-view: the other group being looked at (read only), if any. */
  @state() private peeking: { number: number; room: WatchedRoom } | null = null;

  @query('dialog.peek') private peekDialog!: HTMLDialogElement;
  #token: string | null = null;
  #api: WorkshopApi | null = null;
  #controlSource: ControlSource | null = null;
  #offs: (() => void)[] = [];
  readonly #origin = { participant: true };
  /** The server's clock, as well as we know it. */
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

  get #tokenKey(): string {
    return `g:${this.workshopId}:${this.group}`;
  }

  async #start(): Promise<void> {
    this.#token ??= takeToken(this.#tokenKey);
    if (!this.#token) {
      this.phase = 'no-token';
      return;
    }
    this.#api = this.services.api(this.#token);
    try {
      this.view = await this.#api.workshop(this.workshopId);
      if (!hasSavedLocale()) setLocale(this.view.locale);
      document.title = `${this.#groupName()} · ${this.view.title}`;
    } catch (err) {
      const r = refusalForStatus(err);
      if (r) return this.#refuse(r);
      // Offline or the server is busy: the board still opens and syncs when it can.
      this.error = errorMessage(err);
    }
    this.#controlSource = this.services.control(this.workshopId, this.#token);
    this.control = this.#controlSource.state();
    this.#offs.push(
      this.#controlSource.onChange((s) => this.#onControl(s)),
      this.#controlSource.onRefused((r) => this.#refuse(r)),
    );
    if (this.phase === 'refused') return;
    if (this.name) this.#connect();
    else this.phase = 'name';
  }

  #groupName(n = this.group): string {
    return this.control?.groups.find((g) => g.number === n)?.name ?? this.view?.groups.find((g) => g.number === n)?.name ?? m('common.group', { n });
  }

  #connect(): void {
    if (this.conn || !this.#token) return;
    const conn = this.services.groupBoard(groupRoom(this.workshopId, this.group), this.#token, { name: this.name, color: colorFor(hashString(clientTag())) });
    this.conn = conn;
    this.status = conn.status();
    this.phase = 'board';
    void conn.synced.then(() => {
      if (this.conn === conn) this.synced = true;
    });
    this.#offs.push(
      conn.onStatus((s) => (this.status = s)),
      conn.onRefused((r) => this.#refuse(r)),
    );
    this.#onControl(this.control);
  }

  #onControl(s: ControlState | null): void {
    this.control = s;
    if (!s) return;
    if (s.deleted) {
      this.phase = 'deleted';
      forgetToken(this.#tokenKey);
      this.#teardown();
      return;
    }
    if (!s.crossView && this.peeking) this.#peek(null);
    const move = this.conn ? s.moves[String(this.conn.clientId)] : undefined;
    if (move && this.phase === 'board' && move.toGroup !== this.group) void this.#acceptMove(move.toGroup);
  }

  async #acceptMove(toGroup: number): Promise<void> {
    if (!this.#api || !this.conn) return;
    this.phase = 'moving';
    this.movingTo = toGroup;
    try {
      const res = await this.#api.acceptMove(this.workshopId, this.conn.clientId);
      this.#teardown();
      nav.go(res.link);
    } catch (err) {
      this.error = errorMessage(err);
      this.phase = 'board';
    }
  }

  #refuse(r: Refusal): void {
    if (r.code === 4410) {
      this.phase = 'deleted';
      forgetToken(this.#tokenKey);
      this.#teardown();
      return;
    }
    this.refusal = r;
    this.phase = 'refused';
    if (r.code === 4401 || r.code === 4404) forgetToken(this.#tokenKey);
    this.#teardown();
  }

  #teardown(): void {
    this.peeking?.room.destroy();
    this.peeking = null;
    for (const off of this.#offs) off();
    this.#offs = [];
    this.conn?.destroy();
    this.conn = null;
    this.#controlSource?.destroy();
    this.#controlSource = null;
  }

  /** Opens (or closes, with null) a read-only look at another group's board. */
  #peek(n: number | null): void {
    this.peeking?.room.destroy();
    this.peeking = null;
    if (n === null || !this.#token) {
      this.peekDialog?.close();
      return;
    }
    const room = this.services.watch(this.control?.groups.find((g) => g.number === n)?.room || groupRoom(this.workshopId, n), this.#token);
    room.onRefused(() => {
      if (this.peeking?.room === room) this.#peek(null);
    });
    this.peeking = { number: n, room };
    void this.updateComplete.then(() => {
      if (!this.peekDialog.open) this.peekDialog.showModal();
    });
  }

  #renderPeek() {
    const others = (this.control?.groups ?? []).filter((g) => g.number !== this.group);
    const p = this.peeking;
    return html`<dialog class="peek" aria-labelledby="peek-h" @close=${() => this.peeking && this.#peek(null)}>
      <div class="peek-shell">
        <header class="peek-head">
          <h2 id="peek-h">${m('group.otherBoards')}</h2>
          <div class="row" role="group">
            ${others.map(
              (g) => html`<button type="button" class=${p?.number === g.number ? '' : 'secondary'} aria-pressed=${p?.number === g.number ? 'true' : 'false'} data-peek=${g.number} @click=${() => this.#peek(g.number)}>
                ${g.name}
              </button>`,
            )}
          </div>
          <button type="button" class="secondary" @click=${() => this.#peek(null)}>${m('common.close')}</button>
        </header>
        <div class="peek-board">${p ? html`<kb-board .board=${p.room.board} readonly .chrome=${false}></kb-board>` : nothing}</div>
      </div>
    </dialog>`;
  }

  #onName(e: CustomEvent<{ name: string }>): void {
    saveName(e.detail.name);
    this.name = e.detail.name;
    this.error = '';
    this.#connect();
  }

  #renderMessagePage(text: string, withJoin = false) {
    return html`<main class="page">
        <section class="card" role="alert">
          <p style="font-size:1.2rem">${text}</p>
          ${withJoin ? html`<p><a class="button" href="/join">${m('group.writeCode')}</a></p>` : nothing}
          <p><a href="/">${m('common.frontPage')}</a></p>
        </section>
      </main>
      <kb-lang></kb-lang>`;
  }

  #renderChrome() {
    const c = this.control;
    const message = c?.message && c.message.at !== this.dismissedAt ? c.message : null;
    return html`<header class="workshop">
        <span class="title">${c?.title || this.view?.title || ''}</span>
        <span class="group">${this.#groupName()}</span>
        <kb-timer .timer=${c?.timer ?? null} .now=${this.#now}></kb-timer>
        ${c?.crossView && c.groups.some((g) => g.number !== this.group)
          ? html`<button type="button" class="secondary peek-open" @click=${() => this.#peek(c.groups.find((g) => g.number !== this.group)!.number)}>${m('group.otherBoards')}</button>`
          : nothing}
      </header>
      ${message
        ? html`<div class="banner message" role="status">
            <strong>${m('group.message')}:</strong>
            <span class="text">${message.text}</span>
            <button type="button" class="secondary" @click=${() => (this.dismissedAt = message.at)}>${m('group.dismiss')}</button>
          </div>`
        : nothing}
      ${c?.locked ? html`<div class="banner locked" role="status">${m('group.locked')}</div>` : nothing}
      ${this.phase === 'moving' ? html`<div class="banner message" role="status">${m('group.moving', { group: this.#groupName(this.movingTo) })}</div>` : nothing}
      ${this.error && this.phase === 'board' ? html`<div class="banner locked" role="alert">${this.error}</div>` : nothing}`;
  }

  override render() {
    switch (this.phase) {
      case 'no-token':
        return this.#renderMessagePage(m('group.missingToken'), true);
      case 'refused':
        return this.#renderMessagePage(refusalText(this.refusal ?? { code: 4401, reason: '' }), this.refusal?.code !== 4404);
      case 'deleted':
        return this.#renderMessagePage(m('group.deleted'));
      case 'loading':
        return html`<main class="page"><p role="status">${m('common.loading')}</p></main>`;
      case 'name':
        return html`<kb-name-prompt .name=${this.name} @kb-name=${this.#onName}>
          ${this.view ? html`<p>${m('group.joinIntro', { group: this.#groupName(), title: this.view.title })}</p>` : nothing}
        </kb-name-prompt>`;
      default: {
        const c = this.conn;
        return html`<div class="shell">
            ${this.#renderChrome()}
            <div class="board-area">
              ${c
                ? html`<kb-board
                    .board=${c.board}
                    .presence=${c.presence}
                    .origin=${this.#origin}
                    .status=${this.status}
                    .userName=${this.name}
                    .clientTag=${clientTag()}
                    .synced=${this.synced}
                    ?readonly=${this.control?.locked === true}
                  ></kb-board>`
                : nothing}
            </div>
          </div>
          ${this.#renderPeek()}
          <kb-lang></kb-lang>`;
      }
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-group-page': KbGroupPage;
  }
}
