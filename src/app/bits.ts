/** Small shared pieces of the pages: the language picker and a link with a copy button. */
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { getLocale, LOCALES, setLocale, t, type Locale } from '../i18n/index.js';
import { LocaleController } from '../i18n/lit.js';
import { refusalText, type Refusal } from './control.js';
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
        display: inline-flex;
        align-items: center;
        gap: 6px;
        border: 0;
        padding: 0;
      }
      :host([inline]) select {
        min-height: 44px;
      }
      @media (max-width: 599px) {
        :host([inline]) .label {
          position: absolute;
          clip-path: inset(50%);
        }
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
      ><span class="label">${t('lang.label')}</span>
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

/**
 * `<kb-name-prompt>`: asks for the display name shown to the group (kept only in this browser).
 *
 * @event kb-name - detail `{ name: string }`: a non-empty name was given.
 * @slot - an introduction above the form (e.g. which group and workshop).
 */
@customElement('kb-name-prompt')
export class KbNamePrompt extends LitElement {
  static override styles = pageStyles;

  /** The name to offer (the one remembered). */
  @property() name = '';
  @state() private error = '';

  constructor() {
    super();
    new LocaleController(this);
  }

  /** The name field has focus as the prompt opens (the first field of every prompt does). */
  protected override firstUpdated(): void {
    this.renderRoot.querySelector('input')?.focus();
  }

  #submit(e: SubmitEvent): void {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).elements.namedItem('name') as HTMLInputElement;
    const name = input.value.trim().slice(0, 60);
    if (!name) {
      this.error = t('join.name');
      input.focus();
      return;
    }
    this.error = '';
    this.dispatchEvent(new CustomEvent('kb-name', { detail: { name }, bubbles: true, composed: true }));
  }

  override render() {
    return html`<main class="page">
        <section class="card">
          <h1>${t('join.title')}</h1>
          <slot></slot>
          <form novalidate @submit=${this.#submit}>
            <label for="name">${t('join.name')}</label>
            <input id="name" name="name" autocomplete="nickname" maxlength="60" required .value=${this.name} />
            <p class="hint">${t('join.hint')}</p>
            ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
            <div><button type="submit" class="big">${t('join.submit')}</button></div>
          </form>
        </section>
      </main>
      <kb-lang></kb-lang>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-name-prompt': KbNamePrompt;
  }
}

/**
 * What a facilitator page shows before it can show the workshop: no token in the link, a
 * refusal, a deleted workshop, or loading (with an error when loading failed). null: go on.
 */
export function facilitatorGate(s: { noToken: boolean; refusal: Refusal | null; deleted?: boolean; loaded: boolean; error: string }): TemplateResult | null {
  const back = html`<p><a href="/">${m('common.frontPage')}</a></p>`;
  const card = (role: 'alert' | 'status', text: string) => html`<main class="page"><section class="card" role=${role}><p class="lead">${text}</p>${back}</section></main>`;
  if (s.noToken) return card('alert', m('group.missingToken'));
  if (s.deleted) return card('status', m('common.workshopDeleted'));
  if (s.refusal) return card('alert', refusalText(s.refusal));
  if (!s.loaded) return html`<main class="page"><p role=${s.error ? 'alert' : 'status'} class=${s.error ? 'error' : ''}>${s.error || m('common.loading')}</p></main>`;
  return null;
}
