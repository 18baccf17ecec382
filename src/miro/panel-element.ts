/**
 * `<kb-miro-panel>`: the Miro app's panel. Lists the widgets as `miro-draggable` items (drag
 * onto the board, or place in empty space near the view with a button), chooses the board
 * language, shows progress (role=status) and errors (role=alert), previews what the selected
 * frame would send (following the selection), sends it or every kaedeboard frame to the plenum,
 * and places a workshop group's board.
 *
 * The panel only asks: the board work runs in the headless part (host.ts), which Miro keeps
 * running when the panel closes. The panel finds it on the session its URL carries; when none
 * answers, it runs a host of its own and says to keep the panel open. Its own reads (the preview)
 * have a small credit budget of their own.
 *
 * It renders into the light DOM: Miro's drag sensor listens on the document for elements with
 * the class `miro-draggable`, and events from inside a shadow root would reach it retargeted
 * to the host. Its styles are adopted into the document once.
 *
 * Why one file (~525 lines): the panel is one Lit element in the light DOM (see below) whose states
 * (placing, preview, send, bring in a group) share one host connection and one credit budget; the
 * board work is in host.ts, planning in place.ts, reading back in readback.ts.
 */
import { css, html, LitElement, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { isLocale, setLocale } from '../i18n/index.js';
// The page's lang attribute follows the panel's language.
import '../i18n/lit.js';
import type { Locale } from '../i18n/index.js';
import { reasonOf } from './execute.js';
import { MiroHost } from './host.js';
import { CreditLimiter, MIRO_LIMITS } from './limiter.js';
import { m } from './messages.js';
import { isMiroWidget, MIRO_WIDGETS, widgetName } from './place.js';
import type { MiroWidget } from './place.js';
import { broadcastChannel, channelPair, parseEvent } from './protocol.js';
import type { Channel, Command, HostEvent, LeftFrame } from './protocol.js';
import { mapFrame, readFrame, selectedFrameId, tallyOf } from './readback.js';
import type { FrameRead, Mapped } from './readback.js';
import { hasMiro, miroBoard } from './sdk.js';
import type { BoardPort, DropEvent, SelectionEvent } from './sdk.js';

/** The panel's own budget (the preview's reads): a tenth of Miro's; the headless part has 40%. */
export const panelLimiter = new CreditLimiter({ perMinute: MIRO_LIMITS.perMinute * 0.1, perHour: MIRO_LIMITS.perHour * 0.1 });

export const STORAGE_KEYS = { locale: 'kb-miro-locale', workshop: 'kb-miro-workshop', token: 'kb-miro-token', name: 'kb-miro-group-name' } as const;

/** How long the panel waits for the headless part to answer before it works alone. */
export const HOST_TIMEOUT_MS = 1500;

/** What the selected frame would send. */
export interface Preview {
  frameId: string;
  title: string;
  mapped: Mapped | null;
  meta: FrameRead['meta'];
}

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
  kb-miro-panel .preview { border: 1px solid #d5d8dc; border-radius: 6px; padding: 6px 10px; margin: 8px 0; }
  kb-miro-panel .preview h3 { font-size: 0.95rem; margin: 0 0 4px; }
  kb-miro-panel .preview ul { display: block; }
  kb-miro-panel .preview li { font-size: 0.9rem; }
  kb-miro-panel .notice { background: #fff4d6; border: 1px solid #8a6100; border-radius: 6px; padding: 6px 10px; }
  kb-miro-panel button.secondary { background: #ffffff; color: #1f5fa8; }
  kb-miro-panel input[type='number'] {
    font: inherit;
    width: 6em;
    min-height: 36px;
    padding: 4px 8px;
    border: 1px solid #6b7280;
    border-radius: 6px;
  }
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
  /** Fetch for the kaedeboard API (same origin), used by a host of the panel's own. */
  @property({ attribute: false }) fetchFn: typeof fetch = (input, init) => fetch(input, init);
  @property({ attribute: false }) limiter: CreditLimiter = panelLimiter;
  /** Where the workshop id, token and language are kept (this tab only). */
  @property({ attribute: false }) storage: Storage | undefined = typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  /** The session the headless part gave in the panel's URL (`?s=`). */
  @property({ attribute: false }) session: string = typeof location === 'undefined' ? '' : (new URLSearchParams(location.search).get('s') ?? '');
  /** Opens the channel to the headless part. */
  @property({ attribute: false }) openChannel: () => Channel = () => broadcastChannel();
  @property({ attribute: false }) hostTimeout = HOST_TIMEOUT_MS;

  @state() locale: Locale = 'da';
  @state() busy = false;
  @state() waiting = 0;
  @state() status = '';
  @state() error = '';
  @state() workshopId = '';
  @state() token = '';
  @state() groupName = '';
  @state() groupNumber = '';
  /** 'waiting' for the headless part, 'host' when it answered, 'local' when the panel works alone. */
  @state() link: 'waiting' | 'host' | 'local' = 'waiting';
  @state() left: LeftFrame[] = [];
  @state() preview: Preview | null = null;
  @state() previewing = false;
  /** How many outcomes (done or failed) the panel has heard (tests wait on it). */
  outcomes = 0;

  /** A host of the panel's own, when the headless part does not answer. */
  localHost: MiroHost | undefined;
  #channel: Channel | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #subscribed: BoardPort | undefined;
  #previewTimer: ReturnType<typeof setTimeout> | undefined;
  #previewRun = 0;

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
    this.#connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe();
    clearTimeout(this.#timer);
    clearTimeout(this.#previewTimer);
    this.#channel?.close();
    this.#channel = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('board') && this.isConnected) this.#subscribe();
  }

  #subscribe(): void {
    if (this.#subscribed === this.board) return;
    this.#unsubscribe();
    // Miro's drop handler must live in the panel's code (the page the draggables are in).
    this.board?.ui.on('drop', this.#onDrop);
    this.board?.ui.on('selection:update', this.#onSelection);
    this.#subscribed = this.board;
  }

  #unsubscribe(): void {
    this.#subscribed?.ui.off('drop', this.#onDrop);
    this.#subscribed?.ui.off('selection:update', this.#onSelection);
    this.#subscribed = undefined;
  }

  /** Finds the headless part on the session; without one (or an answer in time) the panel works alone. */
  #connect(): void {
    if (this.board === undefined) return;
    if (this.session === '') {
      this.#local();
      return;
    }
    this.#channel = this.openChannel();
    this.#channel.listen((data) => this.#hear(data));
    this.#timer = setTimeout(() => {
      if (this.link === 'waiting') this.#local();
    }, this.hostTimeout);
    this.#post({ type: 'hello', locale: this.locale });
  }

  #local(): void {
    if (this.board === undefined) return;
    this.#channel?.close();
    const session = this.session || 'local';
    this.session = session;
    const [mine, theirs] = channelPair();
    this.localHost = new MiroHost({ board: this.board, channel: theirs, session, limiter: this.limiter, fetchFn: this.fetchFn }).start();
    this.#channel = mine;
    mine.listen((data) => this.#hear(data));
    this.link = 'local';
    this.#post({ type: 'hello', locale: this.locale });
  }

  #hear(data: unknown): void {
    const event = parseEvent(data, this.session);
    if (event === null) return;
    if (this.link === 'waiting') {
      this.link = 'host';
      clearTimeout(this.#timer);
    }
    this.#apply(event);
  }

  #apply(event: HostEvent): void {
    switch (event.type) {
      case 'state':
        this.busy = event.busy;
        this.waiting = event.waiting;
        this.left = event.left;
        if (event.status !== '') this.status = event.status;
        return;
      case 'progress':
        this.busy = true;
        this.status = event.text;
        return;
      case 'done':
        this.outcomes++;
        this.status = event.text;
        this.error = '';
        // A send tags the frame with its group: show it.
        if (this.preview !== null) this.#schedulePreview(undefined, 0);
        return;
      case 'failed':
        this.outcomes++;
        this.status = '';
        this.error = event.text;
        return;
    }
  }

  #post(msg: Command): void {
    this.#channel?.post({ session: this.session, msg });
  }

  /** Asks for a task; false (with a message) where there is no board to work on. */
  ask(msg: Command): boolean {
    if (this.board === undefined || this.#channel === undefined) {
      this.error = m('error.noMiro', {}, this.locale);
      return false;
    }
    this.error = '';
    this.#post(msg);
    return true;
  }

  readonly #onDrop = (event: DropEvent): void => {
    const widget = event.target.closest<HTMLElement>('[data-widget]')?.dataset.widget;
    if (!isMiroWidget(widget)) return;
    this.place(widget, { x: event.x, y: event.y });
  };

  /** Places `widget` centred on `at` (a drop), or in empty space near the view. */
  place(widget: MiroWidget, at?: { x: number; y: number }): void {
    const name = widgetName(widget, this.locale);
    if (this.ask({ type: 'place', locale: this.locale, widget, ...(at === undefined ? {} : { at }) }) && this.busy) {
      this.status = m('widgets.queued', { name }, this.locale);
    }
  }

  readonly #onSelection = (event: SelectionEvent): void => {
    this.#schedulePreview(event.items);
  };

  /** Reads the selection's frame for the preview, once the selection has rested a moment. */
  #schedulePreview(items: SelectionEvent['items'] | undefined, delay = 250): void {
    clearTimeout(this.#previewTimer);
    this.#previewTimer = setTimeout(() => {
      void this.refreshPreview(items);
    }, delay);
  }

  /** The preview of the selected frame (or of `items`' frame): what a send would carry. */
  async refreshPreview(items?: SelectionEvent['items']): Promise<void> {
    const board = this.board;
    if (board === undefined) return;
    const run = ++this.#previewRun;
    this.previewing = true;
    try {
      const id = await selectedFrameId(board, this.limiter, items);
      const read = id === null ? null : await readFrame(board, this.limiter, id);
      if (run !== this.#previewRun) return;
      this.preview = read === null ? null : { frameId: read.frame.id ?? '', title: read.frame.title, mapped: mapFrame(read), meta: read.meta };
    } catch (error) {
      if (run === this.#previewRun) this.error = reasonOf(error);
    } finally {
      if (run === this.#previewRun) this.previewing = false;
    }
  }

  #workshop(): { workshopId: string; token: string } | null {
    if (this.workshopId.trim() === '' || this.token.trim() === '') {
      this.error = m('send.missingFields', {}, this.locale);
      return null;
    }
    return { workshopId: this.workshopId.trim(), token: this.token.trim() };
  }

  /** Sends the selected frame: a new group the first time, an update of its group after. */
  async send(): Promise<void> {
    const w = this.#workshop();
    if (w === null || this.board === undefined) return;
    let frameId = this.preview?.frameId;
    if (frameId === undefined) {
      await this.refreshPreview();
      frameId = this.preview?.frameId;
    }
    if (frameId === undefined || frameId === '') {
      this.error = m('send.noFrame', {}, this.locale);
      return;
    }
    this.ask({ type: 'send', locale: this.locale, frameId, name: this.groupName.trim().slice(0, 200), ...w });
  }

  sendAll(): void {
    const w = this.#workshop();
    if (w !== null) this.ask({ type: 'send-all', locale: this.locale, ...w });
  }

  placeGroup(): void {
    const w = this.#workshop();
    if (w === null) return;
    const group = Number(this.groupNumber);
    if (!Number.isInteger(group) || group < 1 || group > 1000) {
      this.error = m('group.invalid', {}, this.locale);
      return;
    }
    this.ask({ type: 'place-group', locale: this.locale, group, ...w });
  }

  #setLocale(locale: Locale): void {
    this.locale = locale;
    setLocale(locale);
    writeStorage(this.storage, STORAGE_KEYS.locale, locale);
  }

  #input(key: 'workshopId' | 'token' | 'groupName' | 'groupNumber', storageKey: string | null, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this[key] = value;
    if (storageKey !== null) writeStorage(this.storage, storageKey, value);
  }

  #renderPreview(): unknown {
    const l = this.locale;
    const p = this.preview;
    if (p === null) return html`<p class="muted">${this.previewing ? m('preview.reading', {}, l) : m('preview.none', {}, l)}</p>`;
    if (p.mapped === null) return html`<p>${m('send.unknownFrame', { title: p.title }, l)}</p>`;
    const mapped = p.mapped;
    const workshop = this.workshopId.trim();
    const target =
      p.meta?.workshop !== undefined && p.meta.group !== undefined
        ? p.meta.workshop === workshop || workshop === ''
          ? m('preview.update', { group: p.meta.group, workshop: p.meta.workshop }, l)
          : m('preview.otherWorkshop', { workshop: p.meta.workshop }, l)
        : m('preview.new', {}, l);
    return html`
      <h3>${m('preview.widget', { widget: widgetName(mapped.widget, l), title: p.title }, l)}</h3>
      <ul>
        ${tallyOf(mapped, l).map((t) => html`<li>${m('preview.count', { place: t.place, count: t.count }, l)}</li>`)}
      </ul>
      ${mapped.unplaced.length === 0 ? nothing : html`<p>${m('preview.unplaced', { count: mapped.unplaced.length, items: mapped.unplaced.map((u) => `«${u.text}»`).join(', ') }, l)}</p>`}
      <p class="target">${target}</p>
    `;
  }

  protected override render(): unknown {
    const l = this.locale;
    return html`
      <main>
        <h1>${m('app.title', {}, l)}</h1>
        <p class="muted">${m('app.intro', {}, l)}</p>
        ${this.link === 'local' ? html`<p class="notice">${m('host.local', {}, l)}</p>` : nothing}
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
              <button type="button" data-place=${w} aria-label=${m('widgets.placeLabel', { name }, l)} @click=${() => this.place(w)}>${m('widgets.place', {}, l)}</button>
            </li>`;
          })}
        </ul>
        <p role="status" aria-live="polite">${this.status}</p>
        ${this.busy ? html`<button type="button" class="secondary" data-stop aria-label=${m('host.stopLabel', {}, l)} @click=${() => this.ask({ type: 'stop' })}>${m('host.stop', {}, l)}</button>` : nothing}
        <div role="alert">${this.error === '' ? nothing : html`<p>${this.error}</p>`}</div>
        ${this.left.length === 0
          ? nothing
          : html`<section aria-labelledby="kb-miro-left">
              <h2 id="kb-miro-left">${m('left.heading', {}, l)}</h2>
              <p class="muted">${m('left.intro', {}, l)}</p>
              ${this.left.map(
                (f) => html`<button type="button" class="secondary" data-remove=${f.id} @click=${() => this.ask({ type: 'remove-frame', locale: l, frameId: f.id })}>
                  ${m('left.remove', { title: f.title }, l)}
                </button>`,
              )}
            </section>`}
        <h2 id="kb-miro-send">${m('send.heading', {}, l)}</h2>
        <p class="muted">${m('send.intro', {}, l)}</p>
        <form
          aria-labelledby="kb-miro-send"
          @submit=${(e: Event) => {
            e.preventDefault();
            void this.send();
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
          <section class="preview" aria-labelledby="kb-miro-preview">
            <h3 id="kb-miro-preview">${m('preview.heading', {}, l)}</h3>
            ${this.#renderPreview()}
          </section>
          <label for="kb-miro-name">${m('send.name', {}, l)}</label>
          <input id="kb-miro-name" type="text" autocomplete="off" .value=${this.groupName} @input=${(e: Event) => this.#input('groupName', STORAGE_KEYS.name, e)} />
          <button type="submit" data-send>${m('send.submit', {}, l)}</button>
          <button type="button" class="secondary" data-send-all @click=${() => this.sendAll()}>${m('send.all', {}, l)}</button>
        </form>
        <h2 id="kb-miro-group">${m('group.heading', {}, l)}</h2>
        <p class="muted">${m('group.intro', {}, l)}</p>
        <form
          aria-labelledby="kb-miro-group"
          @submit=${(e: Event) => {
            e.preventDefault();
            this.placeGroup();
          }}
        >
          <label for="kb-miro-group-number">${m('group.number', {}, l)}</label>
          <input id="kb-miro-group-number" type="number" min="1" max="1000" inputmode="numeric" .value=${this.groupNumber} @input=${(e: Event) => this.#input('groupNumber', null, e)} />
          <button type="submit" data-place-group>${m('group.submit', {}, l)}</button>
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
