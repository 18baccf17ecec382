/**
 * `<kb-console-message>`: the console's card for a short message to every group: a field and
 * Send, and the message shown now with a button that takes it away. A page part (see
 * `page-part.ts`). The field keeps its text until the page says the message went out
 * (`sent()`), so a failed send loses nothing.
 *
 * @event kb-message-send - detail `{ text: string }` (trimmed, never empty): send this.
 * @event kb-message-clear - detail `null`: take the current message away.
 */
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ControlState } from '../workshop/api.js';
import { consoleMessageStyles } from './console-message.styles.js';
import { m } from './facilitator-messages.js';
import { PagePart } from './page-part.js';

@customElement('kb-console-message')
export class KbConsoleMessage extends PagePart {
  static override styles = consoleMessageStyles;

  /** The message the groups see now. */
  @property({ attribute: false }) current: ControlState['message'] = null;
  /** A request is on its way: the buttons wait. */
  @property({ type: Boolean }) busy = false;
  @state() private text = '';

  /** The message went out: empty the field. */
  sent(): void {
    this.text = '';
  }

  #submit(e: SubmitEvent): void {
    e.preventDefault();
    const text = this.text.trim();
    if (text) this.emit('kb-message-send', { text });
  }

  override render() {
    const current = this.current;
    return html`<section class="card" aria-labelledby="msg-h">
      <h2 id="msg-h">${m('console.message')}</h2>
      <form class="row" @submit=${this.#submit}>
        <label for="message" class="visually-hidden">${m('console.messageLabel')}</label>
        <input id="message" class="message" maxlength="280" autocomplete="off" placeholder=${m('console.messageLabel')} .value=${this.text} @input=${(e: InputEvent) => (this.text = (e.target as HTMLInputElement).value)} />
        <button type="submit" data-action="message-send" ?disabled=${this.busy || !this.text.trim()}>${m('console.send')}</button>
      </form>
      ${current
        ? html`<p>${m('console.current', { text: current.text })}</p>
            <div>
              <button type="button" class="secondary" data-action="message-clear" ?disabled=${this.busy} @click=${() => this.emit('kb-message-clear', null)}>${m('console.clear')}</button>
            </div>`
        : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-console-message': KbConsoleMessage;
  }
}
