/**
 * `<kb-start-page>` (`/`): create a workshop (title, parts, number of groups, language, and
 * the organiser key when the server says it needs one), then `<kb-workshop-created>` shows the
 * secret facilitator link, the plenum link and each group's link and code; printed, it is a
 * sheet of group codes without the two secret links. Below: the way to /join, and opening a
 * free board by name when the server allows free boards.
 */
import './qr-code.js';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { getLocale, LOCALES, t, type Locale } from '../i18n/index.js';
import { LocaleController } from '../i18n/lit.js';
import type { CreatedWorkshopResponse, CreateWorkshopRequest, Part } from '../workshop/api.js';
import { PARTS } from '../workshop/parts.js';
import { ApiError, WorkshopApi, errorMessage } from './api-client.js';
import { cleanText } from '../workshop/text.js';
import './bits.js';
import { m } from './facilitator-messages.js';
import { pageStyles } from './page-styles.js';
import { absolute, isRoomName, nav } from './routes.js';

type PartChoice = 'kaedeansvar' | 'kontaktperson' | 'both';

export const MAX_TITLE = 120;

export interface CreateForm {
  title: string;
  parts: PartChoice;
  groups: string;
  locale: Locale;
}

/** The request for a filled-in form, or the problems by field. */
export function validateCreate(form: CreateForm): { ok: true; request: CreateWorkshopRequest } | { ok: false; errors: Partial<Record<'title' | 'groups', string>> } {
  const errors: Partial<Record<'title' | 'groups', string>> = {};
  const title = cleanText(form.title);
  if (!title) errors.title = m('start.titleMissing');
  const groups = Number(form.groups.trim());
  if (!/^\d{1,2}$/.test(form.groups.trim()) || !Number.isInteger(groups) || groups < 1 || groups > 30) errors.groups = m('start.groupsInvalid');
  if (errors.title || errors.groups) return { ok: false, errors };
  const parts: Part[] = form.parts === 'both' ? [...PARTS] : [form.parts];
  return { ok: true, request: { title: title.slice(0, MAX_TITLE), parts, groups, locale: form.locale } };
}

@customElement('kb-start-page')
export class KbStartPage extends LitElement {
  static override styles = pageStyles;

  @property({ attribute: false }) api = new WorkshopApi();
  @property({ attribute: false }) created: CreatedWorkshopResponse | null = null;
  @state() private errors: Partial<Record<'title' | 'groups' | 'form' | 'room' | 'key', string>> = {};
  @state() private busy = false;
  /** The server needs the organiser key to create workshops (from /api/info). */
  @state() private needsKey = false;
  /** The server opens boards outside workshops (from /api/info). */
  @state() private freeBoards = true;
  @query('#title') private titleInput!: HTMLInputElement;
  @query('#groups') private groupsInput!: HTMLInputElement;
  @query('#organiser-key') private keyInput!: HTMLInputElement | null;

  constructor() {
    super();
    new LocaleController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Without an answer the form stays as it is: the server's refusal will say what it needs.
    this.api.info().then(
      (info) => {
        this.needsKey = info.organiserKey === true;
        this.freeBoards = info.openBoards !== false;
      },
      () => {},
    );
  }

  async #focusKey(error: string): Promise<void> {
    this.needsKey = true;
    this.errors = { key: error };
    await this.updateComplete;
    this.keyInput?.focus();
  }

  async #onCreate(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const f = e.target as HTMLFormElement;
    const data = new FormData(f);
    const result = validateCreate({
      title: String(data.get('title') ?? ''),
      parts: (String(data.get('parts') ?? 'both') as PartChoice) || 'both',
      groups: String(data.get('groups') ?? ''),
      locale: (String(data.get('locale') ?? 'da') as Locale) || 'da',
    });
    if (!result.ok) {
      this.errors = result.errors;
      await this.updateComplete;
      (result.errors.title ? this.titleInput : this.groupsInput).focus();
      return;
    }
    const key = String(data.get('organiserKey') ?? '').trim();
    if (this.needsKey && !key) return this.#focusKey(m('start.organiserKeyMissing'));
    this.errors = {};
    this.busy = true;
    try {
      this.created = await this.api.create(result.request, key || undefined);
      document.title = `${this.created.title} · kaedeboard`;
      await this.updateComplete;
      (this.renderRoot.querySelector('kb-workshop-created') as HTMLElement | null)?.focus();
      scrollTo?.(0, 0);
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 0;
      if (status === 401) await this.#focusKey(m('start.organiserKeyMissing'));
      else if (status === 403) await this.#focusKey(m('start.organiserKeyWrong'));
      else this.errors = { form: status === 429 ? m('start.tooMany') : errorMessage(err) };
    } finally {
      this.busy = false;
    }
  }

  #onOpen(e: SubmitEvent): void {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).elements.namedItem('room') as HTMLInputElement;
    const room = input.value.trim().replace(/\s+/g, '-');
    if (!isRoomName(room)) {
      this.errors = { room: t('start.invalid') };
      return;
    }
    nav.go(`/b/${encodeURIComponent(room)}`);
  }

  override render() {
    if (this.created) return html`<kb-workshop-created tabindex="-1" .created=${this.created}></kb-workshop-created><kb-lang></kb-lang>`;
    const err = this.errors;
    return html`<main class="page">
        <header>
          <h1>${t('app.title')}</h1>
          <p class="hint">${t('app.tagline')}</p>
        </header>
        <section class="card" aria-labelledby="create-h">
          <h2 id="create-h">${m('start.createTitle')}</h2>
          <p class="hint">${m('start.createIntro')}</p>
          <form novalidate @submit=${this.#onCreate}>
            <label for="title">${m('start.title')}</label>
            <input
              id="title"
              name="title"
              maxlength=${MAX_TITLE}
              autocomplete="off"
              placeholder=${m('start.titlePlaceholder')}
              aria-invalid=${err.title ? 'true' : 'false'}
              aria-describedby=${err.title ? 'title-err' : nothing}
            />
            ${err.title ? html`<p id="title-err" class="error">${err.title}</p>` : nothing}
            <fieldset>
              <legend>${m('start.parts')}</legend>
              <label><input type="radio" name="parts" value="kaedeansvar" />${m('start.part1')}</label>
              <label><input type="radio" name="parts" value="kontaktperson" />${m('start.part2')}</label>
              <label><input type="radio" name="parts" value="both" checked />${m('start.partBoth')}</label>
            </fieldset>
            <label for="groups">${m('start.groups')}</label>
            <input
              id="groups"
              name="groups"
              type="number"
              inputmode="numeric"
              min="1"
              max="30"
              step="1"
              value="4"
              style="max-width: 8rem"
              aria-invalid=${err.groups ? 'true' : 'false'}
              aria-describedby=${err.groups ? 'groups-hint groups-err' : 'groups-hint'}
            />
            <span id="groups-hint" class="hint">${m('start.groupsHint')}</span>
            ${err.groups ? html`<p id="groups-err" class="error">${err.groups}</p>` : nothing}
            <label for="locale">${m('start.language')}</label>
            <select id="locale" name="locale" style="max-width: 14rem">
              ${LOCALES.map((l) => html`<option value=${l} ?selected=${getLocale() === l}>${t(`lang.${l}`)}</option>`)}
            </select>
            ${this.needsKey
              ? html`<label for="organiser-key">${m('start.organiserKey')}</label>
                  <input
                    id="organiser-key"
                    name="organiserKey"
                    type="password"
                    autocomplete="off"
                    style="max-width: 24rem"
                    aria-invalid=${err.key ? 'true' : 'false'}
                    aria-describedby=${err.key ? 'key-hint key-err' : 'key-hint'}
                  />
                  <span id="key-hint" class="hint">${m('start.organiserKeyHint')}</span>
                  ${err.key ? html`<p id="key-err" class="error" role="alert">${err.key}</p>` : nothing}`
              : nothing}
            ${err.form ? html`<p class="error" role="alert">${err.form}</p>` : nothing}
            <div><button type="submit" class="big" ?disabled=${this.busy}>${this.busy ? m('start.creating') : m('start.create')}</button></div>
          </form>
        </section>
        <section class="card" aria-labelledby="join-h">
          <h2 id="join-h">${m('start.joinTitle')}</h2>
          <a class="button secondary" href="/join">${m('start.joinLink')}</a>
        </section>
        ${this.freeBoards
          ? html`<section class="card" aria-labelledby="free-h">
              <h2 id="free-h">${m('start.freeTitle')}</h2>
              <p class="hint">${m('start.freeIntro')}</p>
              <form @submit=${this.#onOpen}>
                <label for="room">${t('start.room')}</label>
                <input id="room" name="room" autocomplete="off" maxlength="96" required aria-invalid=${err.room ? 'true' : 'false'} />
                ${err.room ? html`<p class="error" role="alert">${err.room}</p>` : nothing}
                <div><button type="submit" class="secondary">${t('start.open')}</button></div>
              </form>
            </section>`
          : nothing}
      </main>
      <kb-lang></kb-lang>`;
  }
}

/** The result of creating a workshop: what the facilitator needs to hand out and keep. */
@customElement('kb-workshop-created')
export class KbWorkshopCreated extends LitElement {
  static override styles = [
    pageStyles,
    // Printing the page gives a sheet of codes to hand out: the facilitator's and the plenum's
    // links stay off the paper (whoever holds the sheet must not be able to run the workshop).
    css`
      ol.groups {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr));
        gap: 14px;
      }
      ol.groups li {
        border: 1px solid var(--kb-border, #d5d8dc);
        border-radius: var(--kb-radius, 10px);
        padding: 14px;
        break-inside: avoid;
      }
      .qr {
        margin-top: 8px;
      }
      @media print {
        kb-copy-link button,
        .no-print,
        .secret {
          display: none;
        }
        section.card {
          box-shadow: none;
        }
      }
    `,
  ];

  @property({ attribute: false }) created: CreatedWorkshopResponse | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const c = this.created;
    if (!c) return nothing;
    return html`<main class="page">
      <section class="card" aria-labelledby="done-h">
        <h1 id="done-h">${m('created.heading')}</h1>
        <p style="font-size:1.2rem">${c.title}</p>
      </section>
      <section class="card stack secret" aria-labelledby="fac-h">
        <h2 id="fac-h">${m('created.facilitator')}</h2>
        <p class="notice" id="secret-note"><strong>${m('created.secret')}</strong></p>
        <kb-copy-link class="facilitator-link" .label=${m('created.facilitator')} .value=${absolute(c.links.facilitator)}></kb-copy-link>
        <div class="row no-print">
          <a class="button big" href=${c.links.facilitator} target="_blank">${m('created.openConsole')}</a>
          <button type="button" class="secondary" @click=${() => print()}>${m('created.print')}</button>
        </div>
        <kb-copy-link class="plenum-link" .label=${m('created.plenum')} .value=${absolute(c.links.plenum)}></kb-copy-link>
      </section>
      <section class="card stack" aria-labelledby="groups-h">
        <h2 id="groups-h">${m('created.groupsHeading')}</h2>
        <p>${m('created.groupsIntro', { joinUrl: absolute(c.links.join || '/join') })}</p>
        <ol class="groups">
          ${c.groups.map(
            (g) => html`<li data-group=${g.number}>
              <h3>${g.name}</h3>
              <p>${m('created.code')}: <span class="code" data-code>${g.code}</span></p>
              <kb-copy-link class="group-link" .label=${m('created.link')} .value=${absolute(g.link)}></kb-copy-link>
              <kb-qr-code class="qr" .value=${absolute(g.link)} .label=${m('created.qr', { name: g.name })}></kb-qr-code>
            </li>`,
          )}
        </ol>
      </section>
    </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-start-page': KbStartPage;
    'kb-workshop-created': KbWorkshopCreated;
  }
}
