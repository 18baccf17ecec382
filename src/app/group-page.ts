/**
 * `<kb-group-page>` (`/g/<id>/<n>#<token>`): a group's board inside the workshop. The token
 * comes from the address fragment (kept for this tab, then taken out of the address bar); the
 * group's shared link token is traded for a personal one first, so that a move revokes only
 * this participant's token, never the link the rest of the group holds.
 * Over the board: the workshop's timer, the facilitator's message, the lock, and a move to
 * another group when the facilitator asks for one, all from the control document. A refused
 * connection (bad token, unknown workshop) or a deleted workshop ends in a plain message.
 *
 * The page holds the connections (the board, the control document, a watched room while
 * looking at another group) and the phase; `<kb-group-header>` draws what is over the board
 * and `<kb-peek-dialog>` the look at another group's board. What the facilitator leads (the
 * step and its instruction, "bring everyone here", the pointer, follow) is `group-step.ts`,
 * loaded just after the page.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { setLocale, t } from '../i18n/index.js';
import { LocaleController } from '../i18n/lit.js';
import type { ConnectionStatus } from '../sync/connection.js';
import type { KbBoard } from '../canvas/board-element.js';
import { colorFor } from '../sync/presence.js';
import type { ControlState, WorkshopView } from '../workshop/api.js';
import { groupRoom } from '../workshop/rooms.js';
import '../canvas/board-element.js';
import { ApiError, errorMessage, type WorkshopApi } from './api-client.js';
import './bits.js';
import { readOnlyText, refusalText, type ControlSource, type Refusal, type WatchedRoom } from './control.js';
import { clientTag, hasSavedLocale, saveName, savedName } from './identity.js';
import { m } from './messages.js';
import './group-header.js';
import { groupPageStyles } from './group-page.styles.js';
import { partsUpdated } from './page-part.js';
import { pageStyles } from './page-styles.js';
import './peek-dialog.js';
import { forgetToken, nav, takeToken } from './routes.js';
import { defaultServices, type GroupBoardConnection, type Services } from './services.js';

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
  static override styles = [pageStyles, groupPageStyles];

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
  @state() private name = savedName();
  @state() private movingTo = 0;
  /** Cross-view: the other group being looked at (read only), if any. */
  @state() private peeking: { number: number; room: WatchedRoom } | null = null;
  /** The participant's view is away from the current step's tool. */
  @state() private offTask = false;
  /** The vote list's module (./vote-list.ts) has loaded: it loads when a vote is first signalled. */
  @state() private voteList = false;
  /** What the facilitator leads (./group-step.ts), once loaded. */
  #lead: { mod: typeof import('./group-step.js'); seen: import('./group-step.js').LeadSeen; task: import('./group-step.js').Task | null } | null = null;

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
    void import('./group-step.js').then((mod) => {
      this.#lead = { mod, seen: mod.newLeadSeen(), task: null };
      this.requestUpdate();
    });
    void this.#start();
  }

  /** Resolves once the page and its parts have rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await partsUpdated(this.renderRoot);
    return done;
  }

  protected override updated(): void {
    const lead = this.#lead;
    lead?.mod.leadBoard(this.renderRoot.querySelector<KbBoard>('kb-board'), this.control, this.group, lead.seen);
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
      if (this.view.sharedLink) await this.#personalToken();
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

  /** Trades the shared link token for a personal one, kept for this tab; on failure the link's stays. */
  async #personalToken(): Promise<void> {
    try {
      const { token } = await (this.#api as WorkshopApi).personalToken(this.workshopId);
      // Kept the way a token in the address is (takeToken stores what the fragment holds).
      if (takeToken(this.#tokenKey, { hash: `#${token}`, pathname: '', search: '' }, null) !== token) return;
      this.#token = token;
      this.#api = this.services.api(token);
    } catch {
      /* the shared token still opens the board; a move then leaves it valid */
    }
  }

  #task(): import('./group-step.js').Task | null {
    const lead = this.#lead;
    if (!lead) return null;
    lead.task = lead.mod.taskOf(this.control, lead.task);
    return lead.task;
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
      conn.onReadOnly(() => this.requestUpdate()),
      // The server refused a change for good: the board was rejoined fresh; say why.
      // It stays until the board is open to writing again (the lock lifts), at most 15 s.
      conn.onReplaced((text) => {
        this.#refusalText = text;
        this.error = text;
        setTimeout(() => this.#clearRefusal(), 15_000);
      }),
    );
    this.#onControl(this.control);
  }

  #refusalText = '';

  /** Takes the refused change's text away, unless another error replaced it meanwhile. */
  #clearRefusal(): void {
    if (this.#refusalText !== '' && this.error === this.#refusalText) this.error = '';
    this.#refusalText = '';
  }

  #onControl(s: ControlState | null): void {
    this.control = s;
    if (!s) return;
    if (!s.locked) this.#clearRefusal();
    if (s.deleted) {
      this.phase = 'deleted';
      forgetToken(this.#tokenKey);
      this.#teardown();
      return;
    }
    if (!s.crossView && this.peeking) this.#peek(null);
    if (s.vote && !this.voteList) void import('./vote-list.js').then(() => (this.voteList = true));
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
      // The server revoked this group's token of ours; the new group's comes with the link.
      forgetToken(this.#tokenKey);
      nav.go(res.link);
    } catch (err) {
      this.error = errorMessage(err);
      this.phase = 'board';
    }
  }

  #refuse(r: Refusal): void {
    // Taking a move revokes this page's token and closes its sockets; the new link follows.
    if (this.phase === 'moving') return;
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
    if (n === null || !this.#token) return;
    const room = this.services.watch(this.control?.groups.find((g) => g.number === n)?.room || groupRoom(this.workshopId, n), this.#token);
    room.onRefused(() => {
      if (this.peeking?.room === room) this.#peek(null);
    });
    this.peeking = { number: n, room };
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
          <p class="lead">${text}</p>
          ${withJoin ? html`<p><a class="button" href="/join">${m('group.writeCode')}</a></p>` : nothing}
          <p><a href="/">${m('common.frontPage')}</a></p>
        </section>
      </main>
      <kb-lang></kb-lang>`;
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
            <kb-group-header
              .control=${this.control}
              .workshopTitle=${this.view?.title ?? ''}
              .group=${this.group}
              .groupName=${this.#groupName()}
              .now=${this.#now}
              .movingTo=${this.phase === 'moving' ? this.#groupName(this.movingTo) : ''}
              .error=${this.phase === 'board' ? this.error : ''}
              @kb-peek=${(e: CustomEvent<{ group: number }>) => this.#peek(e.detail.group)}
            ></kb-group-header>
            <kb-group-step .control=${this.control} ?offTask=${this.offTask} @kb-back-to-task=${() => this.renderRoot.querySelector<KbBoard>('kb-board')?.backToTask()}></kb-group-step>
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
                    .task=${this.#task()}
                    @kb-task-view=${(e: CustomEvent<{ onTask: boolean }>) => (this.offTask = !e.detail.onTask)}
                    ?readonly=${this.control?.locked === true || c.readOnly() !== null}
                    .readOnlyReason=${readOnlyText(c.readOnly())}
                  ></kb-board>`
                : nothing}
            </div>
          </div>
          <kb-peek-dialog
            .groups=${(this.control?.groups ?? []).filter((g) => g.number !== this.group)}
            .current=${this.peeking?.number ?? null}
            .board=${this.peeking?.room.board ?? null}
            @kb-peek=${(e: CustomEvent<{ group: number | null }>) => this.#peek(e.detail.group)}
          ></kb-peek-dialog>
          ${this.voteList && this.control?.vote ? html`<kb-vote-list .workshopId=${this.workshopId} .token=${this.#token ?? ''} .signal=${this.control.vote} .groups=${this.control.groups}></kb-vote-list>` : nothing}`;
      }
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-group-page': KbGroupPage;
  }
}
