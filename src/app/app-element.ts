/**
 * `<kb-app>`: the participant app. `/` opens a board by name; `/b/<room>` asks for a display
 * name once (kept in this browser), then shows the board with presence and live sync.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { getLocale, LocaleController, LOCALES, setLocale, t, type Locale } from '../i18n/index.js';
import { connectBoard, type BoardConnection, type ConnectionStatus } from '../sync/connection.js';
import { colorFor } from '../sync/presence.js';
import '../canvas/board-element.js';
import { clientTag, saveLocale, saveName, savedLocale, savedName } from './identity.js';

const ROOM = /^[A-Za-z0-9][A-Za-z0-9_:-]{0,95}$/;

export function roomFromPath(path: string): string | null {
  const m = /^\/b\/([^/]+)\/?$/.exec(path);
  if (!m) return null;
  let room: string;
  try {
    room = decodeURIComponent(m[1] as string);
  } catch {
    return null;
  }
  return ROOM.test(room) ? room : null;
}

@customElement('kb-app')
export class KbApp extends LitElement {
  static override styles = css`
    :host {
      display: block;
      height: 100vh;
      height: 100dvh;
      font-family: var(--kb-font, system-ui, sans-serif);
    }
    main.page {
      max-width: 36rem;
      margin: 12vh auto 0;
      padding: 24px;
      background: var(--kb-surface, #fff);
      border-radius: var(--kb-radius, 10px);
      box-shadow: var(--kb-shadow);
    }
    h1 {
      font-size: 1.6rem;
      margin: 0 0 0.5rem;
    }
    p.hint {
      color: var(--kb-text-muted, #4b5563);
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 10px;
    }
    label {
      font-weight: 600;
    }
    input {
      font: inherit;
      padding: 10px;
      border: 1px solid var(--kb-border-strong, #6b7280);
      border-radius: 6px;
    }
    button {
      font: inherit;
      padding: 10px 16px;
      border-radius: 6px;
      border: none;
      background: var(--kb-accent, #1f5fa8);
      color: var(--kb-accent-text, #fff);
      cursor: pointer;
      align-self: flex-start;
    }
    :focus-visible {
      outline: 3px solid var(--kb-focus, #1f5fa8);
      outline-offset: 2px;
    }
    .lang {
      position: fixed;
      right: 12px;
      bottom: 12px;
      z-index: 30;
      background: var(--kb-surface, #fff);
      padding: 4px 8px;
      border-radius: 8px;
      border: 1px solid var(--kb-border, #d5d8dc);
      font-size: 14px;
    }
    .lang select {
      font: inherit;
    }
    kb-board {
      height: 100%;
    }
    .error {
      color: var(--kb-danger, #b3261e);
    }
  `;

  @state() private room: string | null = roomFromPath(location.pathname);
  @state() private name = savedName();
  @state() private connection: BoardConnection | null = null;
  @state() private status: ConnectionStatus = 'connecting';
  @state() private error = '';
  readonly #origin = { participant: true };
  #offStatus: (() => void) | undefined;

  constructor() {
    super();
    setLocale(savedLocale());
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
  }

  #connect(): void {
    if (!this.room || this.connection) return;
    const tag = clientTag();
    const conn = connectBoard({ room: this.room, user: { name: this.name, color: colorFor(hash(tag)) } });
    this.connection = conn;
    this.status = conn.status();
    this.#offStatus = conn.onStatus((s) => (this.status = s));
    document.title = `${this.room} · kaedeboard`;
  }

  #onJoin(e: SubmitEvent): void {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).elements.namedItem('name') as HTMLInputElement;
    const name = input.value.trim();
    if (!name) {
      this.error = t('join.name');
      return;
    }
    saveName(name);
    this.name = name.slice(0, 60);
    this.#connect();
  }

  #onOpen(e: SubmitEvent): void {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).elements.namedItem('room') as HTMLInputElement;
    const room = input.value.trim().replace(/\s+/g, '-');
    if (!ROOM.test(room)) {
      this.error = t('start.invalid');
      return;
    }
    location.assign(`/b/${encodeURIComponent(room)}`);
  }

  #renderLanguage() {
    return html`<label class="lang">${t('lang.label')}
      <select
        @change=${(e: Event) => {
          const l = (e.target as HTMLSelectElement).value as Locale;
          setLocale(l);
          saveLocale(l);
        }}
      >
        ${LOCALES.map((l) => html`<option value=${l} ?selected=${getLocale() === l}>${t(`lang.${l}`)}</option>`)}
      </select>
    </label>`;
  }

  override render() {
    if (!this.room) {
      return html`<main class="page">
          <h1>${t('app.title')}</h1>
          <p class="hint">${t('app.tagline')}</p>
          <form @submit=${this.#onOpen}>
            <label for="room">${t('start.room')}</label>
            <input id="room" name="room" autocomplete="off" maxlength="96" required />
            ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
            <button type="submit">${t('start.open')}</button>
          </form>
        </main>
        ${this.#renderLanguage()}`;
    }
    if (!this.connection) {
      return html`<main class="page">
          <h1>${t('join.title')}</h1>
          <form @submit=${this.#onJoin}>
            <label for="name">${t('join.name')}</label>
            <input id="name" name="name" autocomplete="nickname" maxlength="60" required .value=${this.name} />
            <p class="hint">${t('join.hint')}</p>
            ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
            <button type="submit">${t('join.submit')}</button>
          </form>
        </main>
        ${this.#renderLanguage()}`;
    }
    const c = this.connection;
    return html`<kb-board .board=${c.board} .presence=${c.presence} .origin=${this.#origin} .status=${this.status} .userName=${this.name} .clientTag=${clientTag()}></kb-board>
      ${this.#renderLanguage()}`;
  }
}

function hash(s: string): number {
  let h = 0;
  for (const ch of s) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return h;
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-app': KbApp;
  }
}
