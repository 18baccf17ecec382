/** `<kb-join-page>` (`/join`): type a group code, go to the group's board. */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { LocaleController } from '../i18n/lit.js';
import { ApiError, WorkshopApi, errorMessage } from './api-client.js';
import './bits.js';
import { m } from './messages.js';
import { pageStyles } from './page-styles.js';
import { nav } from './routes.js';

/** A typed code, normalised as the server does: upper case, no spaces or dashes. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').slice(0, 16);
}

@customElement('kb-join-page')
export class KbJoinPage extends LitElement {
  static override styles = pageStyles;
  @property({ attribute: false }) api = new WorkshopApi();
  @state() private error = '';
  @state() private busy = false;
  @query('#code') private input!: HTMLInputElement;

  constructor() {
    super();
    new LocaleController(this);
  }

  /** The code field has focus as the page opens. */
  protected override firstUpdated(): void {
    this.input.focus();
  }

  async #onSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const code = normaliseCode(this.input.value);
    if (!code) {
      this.error = m('join.codeMissing');
      this.input.focus();
      return;
    }
    this.error = '';
    this.busy = true;
    try {
      const res = await this.api.join(code);
      nav.go(res.link);
    } catch (err) {
      this.error = err instanceof ApiError && err.status === 404 ? m('join.unknown') : err instanceof ApiError && err.status === 429 ? m('join.tooMany') : errorMessage(err);
      this.busy = false;
      this.input.focus();
    }
  }

  override render() {
    return html`<main class="page">
        <section class="card">
          <h1>${m('join.codeTitle')}</h1>
          <form novalidate @submit=${this.#onSubmit}>
            <label for="code">${m('join.codeLabel')}</label>
            <input
              id="code"
              name="code"
              class="code"
              autocomplete="off"
              autocapitalize="characters"
              spellcheck="false"
              maxlength="16"
              style="max-width: 16rem; text-transform: uppercase"
              aria-describedby="code-hint${this.error ? ' code-err' : ''}"
              aria-invalid=${this.error ? 'true' : 'false'}
            />
            <span id="code-hint" class="hint">${m('join.codeHint')}</span>
            ${this.error ? html`<p id="code-err" class="error" role="alert">${this.error}</p>` : nothing}
            <div><button type="submit" class="big" ?disabled=${this.busy}>${this.busy ? m('join.checking') : m('join.go')}</button></div>
          </form>
        </section>
        <p><a href="/">${m('common.frontPage')}</a></p>
      </main>
      <kb-lang></kb-lang>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-join-page': KbJoinPage;
  }
}
