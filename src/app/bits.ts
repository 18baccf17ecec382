/** Small shared pieces of the pages: the language picker and a link with a copy button. */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { getLocale, LocaleController, LOCALES, setLocale, t, type Locale } from '../i18n/index.js';
import { saveLocale } from './identity.js';
import { m } from './messages.js';
import { pageStyles } from './page-styles.js';

@customElement('kb-lang')
export class KbLang extends LitElement {
  static override styles = [
    pageStyles,
    css`
      :host([inline]) .lang {
        position: static;
      }
    `,
  ];
  /** In the page's flow (a header) rather than fixed in the corner. */
  @property({ type: Boolean, reflect: true }) inline = false;
  constructor() {
    super();
    new LocaleController(this);
  }
  override render() {
    return html`<label class="lang"
      >${t('lang.label')}
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
}

let copyIds = 0;

/** A labelled read-only link with a copy button; says plainly when copying worked. */
@customElement('kb-copy-link')
export class KbCopyLink extends LitElement {
  static override styles = pageStyles;
  @property() label = '';
  @property() value = '';
  @state() private result: 'copied' | 'failed' | '' = '';
  readonly #id = `copy-${++copyIds}`;

  constructor() {
    super();
    new LocaleController(this);
  }

  async #copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.value);
      this.result = 'copied';
    } catch {
      // No clipboard (insecure origin, permission): select the text so Ctrl+C works.
      const input = this.renderRoot.querySelector('input');
      input?.focus();
      input?.select();
      this.result = 'failed';
    }
  }

  override render() {
    return html`<div class="stack" style="gap:4px">
      ${this.label ? html`<label for=${this.#id}>${this.label}</label>` : nothing}
      <div class="link-box">
        <input id=${this.#id} readonly .value=${this.value} aria-label=${this.label || nothing} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
        <button type="button" class="secondary" @click=${() => void this.#copy()}>${m('common.copy')}</button>
      </div>
      <span role="status" class=${this.result === 'copied' ? 'ok' : 'hint'}>${this.result === 'copied' ? m('common.copied') : this.result === 'failed' ? m('common.copyFailed') : ''}</span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-lang': KbLang;
    'kb-copy-link': KbCopyLink;
  }
}
