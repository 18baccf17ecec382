/**
 * `<kb-board-page>` (`/b/<room>`): a free board by name, outside any workshop. Asks for a
 * display name once (kept in this browser), then shows the board with presence and live sync.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { t } from '../i18n/index.js';
import { LocaleController } from '../i18n/lit.js';
import { connectBoard, type BoardConnection, type ConnectionStatus, type ReadOnly } from '../sync/connection.js';
import { colorFor } from '../sync/presence.js';
import '../canvas/board-element.js';
import './bits.js';
import { readOnlyText } from './control.js';
import { hashString } from './group-page.js';
import { clientTag, saveName, savedName } from './identity.js';
import { pageStyles } from './page-styles.js';

@customElement('kb-board-page')
export class KbBoardPage extends LitElement {
  static override styles = [
    pageStyles,
    css`
      :host {
        height: 100vh;
        height: 100dvh;
      }
      kb-board {
        height: 100%;
      }
    `,
  ];

  @property() room = '';
  @state() private name = savedName();
  @state() private connection: BoardConnection | null = null;
  @state() private status: ConnectionStatus = 'connecting';
  /** The board has synced with the server once (it then opens fitted to its content). */
  @state() private synced = false;
  /** Set when this build may not write the board (e.g. a newer client made it). */
  @state() private readOnly: ReadOnly | null = null;
  readonly #origin = { participant: true };
  #offStatus: (() => void) | undefined;

  constructor() {
    super();
    new LocaleController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.room && this.name) this.#connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#offStatus?.();
    this.connection?.destroy();
    this.connection = null;
  }

  #connect(): void {
    if (!this.room || this.connection) return;
    const conn = connectBoard({ room: this.room, user: { name: this.name, color: colorFor(hashString(clientTag())) } });
    this.connection = conn;
    void conn.synced.then(() => {
      if (this.connection === conn) this.synced = true;
    });
    this.status = conn.status();
    const offStatus = conn.onStatus((s) => (this.status = s));
    const offReadOnly = conn.onReadOnly((r) => (this.readOnly = r));
    this.#offStatus = () => {
      offStatus();
      offReadOnly();
    };
    document.title = `${this.room} · kaedeboard`;
  }

  #onName(e: CustomEvent<{ name: string }>): void {
    saveName(e.detail.name);
    this.name = e.detail.name;
    this.#connect();
  }

  override render() {
    if (!this.connection) {
      return html`<kb-name-prompt .name=${this.name} @kb-name=${this.#onName}></kb-name-prompt>`;
    }
    const c = this.connection;
    return html`<kb-board .board=${c.board} .presence=${c.presence} .origin=${this.#origin} .status=${this.status} .synced=${this.synced} ?readonly=${this.readOnly !== null} .readOnlyReason=${readOnlyText(this.readOnly)} .userName=${this.name} .clientTag=${clientTag()}></kb-board>
      <kb-lang></kb-lang>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-board-page': KbBoardPage;
  }
}
