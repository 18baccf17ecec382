/**
 * `<kb-miro-panel>`: the Miro app's panel. Lists the widgets as `miro-draggable` items (drag
 * onto the board, or place at the view's centre with a button), chooses the board language,
 * shows progress (role=status) and errors (role=alert), and sends a selected frame back to
 * kaedeboard as a new group board.
 *
 * It renders into the light DOM: Miro's drag sensor listens on the document for elements with
 * the class `miro-draggable`, and events from inside a shadow root would reach it retargeted
 * to the host. Its styles are adopted into the document once.
 */
import { css, html, LitElement, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { isLocale, setLocale } from '../i18n/index.js';
// The page's lang attribute follows the panel's language.
import '../i18n/lit.js';
import type { Locale } from '../i18n/index.js';
import { describeFailure, executePlan, reasonOf } from './execute.js';
import { CREDIT_COST, CreditLimiter } from './limiter.js';
import { m } from './messages.js';
import { isMiroWidget, MIRO_WIDGETS, planWidget, widgetName } from './place.js';
import type { MiroWidget } from './place.js';
import { buildBoard, encodeBoard, mapFrame, mappedCount, readSelectedFrame, SendError, sendToPlenum } from './readback.js';
import { hasMiro, miroBoard } from './sdk.js';
import type { BoardPort, DropEvent } from './sdk.js';

/** One budget for every call the panel makes (Miro counts credits per user and app). */
export const sharedLimiter = new CreditLimiter();

export const STORAGE_KEYS = { locale: 'kb-miro-locale', workshop: 'kb-miro-workshop', token: 'kb-miro-token', name: 'kb-miro-group-name' } as const;

const styles = css`
  kb-miro-panel {
    display: block;
    font: 15px/1.45 system-ui, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    color: #1c1f23;
    background: #ffffff;
    padding: 12px 16px 24px;
  }
  kb-miro-panel h1 { font-size: 1.25rem; margin: 0 0 4px; }
  kb-miro-panel h2 { font-size: 1.05rem; margin: 20px 0 8px; }
  kb-miro-panel p { margin: 4px 0 8px; }
  kb-miro-panel .muted { color: #4b5563; }
  kb-miro-panel fieldset { border: 1px solid #d5d8dc; border-radius: 6px; margin: 12px 0; padding: 6px 10px 10px; }
  kb-miro-panel legend { font-weight: 600; padding: 0 4px; }
  kb-miro-panel fieldset label { margin-right: 16px; }
  kb-miro-panel ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 10px; }
  kb-miro-panel .widget { border: 1px solid #6b7280; border-radius: 10px; padding: 8px 10px; background: #f4f5f7; }
  kb-miro-panel .miro-draggable { cursor: grab; border-radius: 6px; padding: 4px; }
  kb-miro-panel .miro-draggable:hover { background: #e7eaee; }
  kb-miro-panel .name { font-weight: 600; display: block; }
  kb-miro-panel .desc, kb-miro-panel .hint { display: block; color: #4b5563; font-size: 0.9rem; }
  kb-miro-panel button {
    font: inherit;
    min-height: 36px;
    padding: 4px 12px;
    margin-top: 6px;
    border-radius: 6px;
    border: 1px solid #1f5fa8;
    background: #1f5fa8;
    color: #ffffff;
    cursor: pointer;
  }
  /* Busy buttons keep their focus (aria-disabled, not disabled); a click then only says to wait. */
  kb-miro-panel button[aria-disabled='true'] { background: #e3e5e8; color: #4b5563; border-color: #6b7280; cursor: progress; }
  kb-miro-panel button:focus-visible, kb-miro-panel input:focus-visible, kb-miro-panel .miro-draggable:focus-visible {
    outline: 3px solid #1f5fa8;
    outline-offset: 2px;
  }
  kb-miro-panel form label { display: block; font-weight: 600; margin-top: 8px; }
  kb-miro-panel input[type='text'], kb-miro-panel input[type='password'] {
    font: inherit;
    width: 100%;
    box-sizing: border-box;
    min-height: 36px;
    padding: 4px 8px;
    border: 1px solid #6b7280;
    border-radius: 6px;
    color: #1c1f23;
    background: #ffffff;
  }
  kb-miro-panel [role='status']:not(:empty) { background: #dbe7f7; border-radius: 6px; padding: 6px 10px; }
  kb-miro-panel [role='alert']:not(:empty) { background: #fdecea; color: #8a1c14; border: 1px solid #b3261e; border-radius: 6px; padding: 6px 10px; }
`;

let adopted = false;
function adoptStyles(): void {
  if (adopted || typeof document === 'undefined') return;
  const sheet = styles.styleSheet;
  if (sheet !== undefined) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  adopted = true;
}

function readStorage(storage: Storage | undefined, key: string): string {
  try {
    return storage?.getItem(key) ?? '';
  } catch {
    return '';
  }
}

function writeStorage(storage: Storage | undefined, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Storage may be unavailable in a sandboxed iframe; the panel still works without it.
  }
}

@customElement('kb-miro-panel')
export class MiroPanel extends LitElement {
  /** The SDK's board (default: the global `miro.board`, when Miro's script has loaded). */
  @property({ attribute: false }) board: BoardPort | undefined = hasMiro() ? miroBoard() : undefined;
  /** Fetch for the kaedeboard API (same origin). */
  @property({ attribute: false }) fetchFn: typeof fetch = (input, init) => fetch(input, init);
  @property({ attribute: false }) limiter: CreditLimiter = sharedLimiter;
  /** Where the workshop id, token and language are kept (this tab only). */
  @property({ attribute: false }) storage: Storage | undefined = typeof sessionStorage === 'undefined' ? undefined : sessionStorage;

  @state() locale: Locale = 'da';
  @state() busy = false;
  @state() status = '';
  @state() error = '';
  @state() workshopId = '';
  @state() token = '';
  @state() groupName = '';

  /** Resolves when the current placement or send has finished (tests wait on it). */
  work: Promise<void> = Promise.resolve();
  #subscribed: BoardPort | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptStyles();
    const saved = readStorage(this.storage, STORAGE_KEYS.locale);
    this.locale = isLocale(saved) ? saved : 'da';
    setLocale(this.locale);
    this.workshopId = readStorage(this.storage, STORAGE_KEYS.workshop);
    this.token = readStorage(this.storage, STORAGE_KEYS.token);
    this.groupName = readStorage(this.storage, STORAGE_KEYS.name);
    this.#subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('board') && this.isConnected) this.#subscribe();
  }

  #subscribe(): void {
    if (this.#subscribed === this.board) return;
    this.#unsubscribe();
    // Miro's drop handler must live in the panel's code (the page the draggables are in).
    this.board?.ui.on('drop', this.#onDrop);
    this.#subscribed = this.board;
  }

  #unsubscribe(): void {
    this.#subscribed?.ui.off('drop', this.#onDrop);
    this.#subscribed = undefined;
  }

  readonly #onDrop = (event: DropEvent): void => {
    const widget = event.target.closest<HTMLElement>('[data-widget]')?.dataset.widget;
    if (!isMiroWidget(widget)) return;
    this.#run(this.place(widget, { x: event.x, y: event.y }));
  };

  /** Places `widget` centred on `at` (board coordinates). */
  async place(widget: MiroWidget, at: { x: number; y: number }): Promise<void> {
    const board = this.#begin();
    if (board === undefined) return;
    try {
      await this.#placeAt(board, widget, at);
    } finally {
      this.busy = false;
    }
  }

  /** Click-to-place: the widget at the centre of the current viewport. */
  async placeAtCentre(widget: MiroWidget): Promise<void> {
    const board = this.#begin();
    if (board === undefined) return;
    try {
      await this.limiter.take(CREDIT_COST.item);
      const v = await board.viewport.get();
      await this.#placeAt(board, widget, { x: v.x + v.width / 2, y: v.y + v.height / 2 });
    } catch (error) {
      this.status = '';
      this.error = reasonOf(error);
    } finally {
      this.busy = false;
    }
  }

  /** Starts a task: the board, with `busy` set; undefined (and a message) if there is none or one is under way. */
  #begin(): BoardPort | undefined {
    if (this.board === undefined) {
      this.error = m('error.noMiro', {}, this.locale);
      return undefined;
    }
    if (this.busy) {
      this.status = m('widgets.busy', {}, this.locale);
      return undefined;
    }
    this.busy = true;
    this.error = '';
    return this.board;
  }

  async #placeAt(board: BoardPort, widget: MiroWidget, at: { x: number; y: number }): Promise<void> {
    const locale = this.locale;
    const name = widgetName(widget, locale);
    this.status = m('progress.planning', { name }, locale);
    try {
      const plan = planWidget(widget, at, { locale });
      const result = await executePlan(plan, board, {
        limiter: this.limiter,
        onProgress: (done, total) => {
          this.status = m('progress.creating', { name, done, total }, locale);
        },
        onRollback: () => {
          this.status = m('progress.rollingBack', {}, locale);
        },
      });
      if (result.ok) {
        this.status = m('progress.done', { name, total: result.total }, locale);
      } else {
        this.status = '';
        this.error = describeFailure(result, locale);
      }
    } catch (error) {
      this.status = '';
      this.error = reasonOf(error);
    }
  }

  /** Reads the selected frame, maps it and posts it to kaedeboard as a new group. */
  async send(): Promise<void> {
    const locale = this.locale;
    if (this.workshopId.trim() === '' || this.token.trim() === '') {
      this.error = m('send.missingFields', {}, locale);
      return;
    }
    const board = this.#begin();
    if (board === undefined) return;
    this.status = m('send.reading', {}, locale);
    try {
      const read = await readSelectedFrame(board, this.limiter);
      if (read === null) {
        this.status = '';
        this.error = m('send.noFrame', {}, locale);
        return;
      }
      const mapped = mapFrame(read.frame, read.children);
      if (mapped === null) {
        this.status = '';
        this.error = m('send.unknownFrame', { title: read.frame.title }, locale);
        return;
      }
      const name = this.groupName.trim() || read.frame.title.trim() || widgetName(mapped.widget, locale);
      const doc = buildBoard(mapped, name);
      const encoded = encodeBoard(doc);
      doc.destroy();
      this.status = m('send.sending', { widget: widgetName(mapped.widget, locale), count: mappedCount(mapped) }, locale);
      let link;
      try {
        link = await sendToPlenum({ workshopId: this.workshopId, token: this.token, name: name.slice(0, 200), board: encoded }, this.fetchFn);
      } catch (error) {
        this.status = '';
        this.error = error instanceof SendError ? m('send.http', { status: error.status, reason: error.reason }, locale) : m('send.network', { reason: reasonOf(error) }, locale);
        return;
      }
      const skipped = mapped.skipped > 0 ? ` ${m('send.skipped', { count: mapped.skipped }, locale)}` : '';
      this.status = `${m('send.done', { number: link.number, name: link.name }, locale)}${skipped}`;
    } catch (error) {
      this.status = '';
      this.error = reasonOf(error);
    } finally {
      this.busy = false;
    }
  }

  /** Tracks a task in {@link work} without losing one still under way. */
  #run(task: Promise<void>): void {
    this.work = Promise.all([this.work, task]).then(() => undefined);
  }

  #setLocale(locale: Locale): void {
    this.locale = locale;
    setLocale(locale);
    writeStorage(this.storage, STORAGE_KEYS.locale, locale);
  }

  #input(key: 'workshopId' | 'token' | 'groupName', storageKey: string, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this[key] = value;
    writeStorage(this.storage, storageKey, value);
  }

  protected override render(): unknown {
    const l = this.locale;
    return html`
      <main>
        <h1>${m('app.title', {}, l)}</h1>
        <p class="muted">${m('app.intro', {}, l)}</p>
        <fieldset>
          <legend>${m('language.legend', {}, l)}</legend>
          ${(['da', 'en'] as const).map(
            (code) => html`<label
              ><input type="radio" name="kb-miro-locale" value=${code} .checked=${l === code} @change=${() => this.#setLocale(code)} />
              <span lang=${code}>${m(code === 'da' ? 'language.da' : 'language.en', {}, l)}</span></label
            >`,
          )}
        </fieldset>
        <h2 id="kb-miro-widgets">${m('widgets.heading', {}, l)}</h2>
        <ul aria-labelledby="kb-miro-widgets">
          ${MIRO_WIDGETS.map((w) => {
            const name = widgetName(w, l);
            return html`<li class="widget">
              <div class="miro-draggable" data-widget=${w}>
                <span class="name">${name}</span>
                <span class="desc">${m(`widget.${w}.desc`, {}, l)}</span>
                <span class="hint" aria-hidden="true">${m('widgets.dragHint', {}, l)}</span>
              </div>
              <button type="button" data-place=${w} aria-label=${m('widgets.placeLabel', { name }, l)} aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.#run(this.placeAtCentre(w))}>
                ${m('widgets.place', {}, l)}
              </button>
            </li>`;
          })}
        </ul>
        <p role="status" aria-live="polite">${this.status}</p>
        <div role="alert">${this.error === '' ? nothing : html`<p>${this.error}</p>`}</div>
        <h2 id="kb-miro-send">${m('send.heading', {}, l)}</h2>
        <p class="muted">${m('send.intro', {}, l)}</p>
        <form
          aria-labelledby="kb-miro-send"
          @submit=${(e: Event) => {
            e.preventDefault();
            this.#run(this.send());
          }}
        >
          <label for="kb-miro-workshop">${m('send.workshop', {}, l)}</label>
          <input id="kb-miro-workshop" type="text" autocomplete="off" spellcheck="false" .value=${this.workshopId} @input=${(e: Event) => this.#input('workshopId', STORAGE_KEYS.workshop, e)} />
          <label for="kb-miro-token">${m('send.token', {}, l)}</label>
          <input
            id="kb-miro-token"
            type="password"
            autocomplete="off"
            aria-describedby="kb-miro-token-hint"
            .value=${this.token}
            @input=${(e: Event) => this.#input('token', STORAGE_KEYS.token, e)}
          />
          <p id="kb-miro-token-hint" class="muted">${m('send.tokenHint', {}, l)}</p>
          <label for="kb-miro-name">${m('send.name', {}, l)}</label>
          <input id="kb-miro-name" type="text" autocomplete="off" .value=${this.groupName} @input=${(e: Event) => this.#input('groupName', STORAGE_KEYS.name, e)} />
          <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${m('send.submit', {}, l)}</button>
        </form>
      </main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-miro-panel': MiroPanel;
  }
}
