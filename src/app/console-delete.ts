/**
 * `<kb-console-delete>`: the console's danger zone: delete the workshop, only after "Are you
 * sure?" is answered yes, and when the server will delete it anyway. A page part (see
 * `page-part.ts`).
 *
 * @event kb-delete - detail `null`: the facilitator confirmed: delete the workshop now.
 * @cssproperty --kb-danger - the zone's border and the buttons (from the page's styles).
 */
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { getLocale } from '../i18n/index.js';
import { consoleDeleteStyles } from './console-delete.styles.js';
import { m } from './facilitator-messages.js';
import { PagePart } from './page-part.js';

@customElement('kb-console-delete')
export class KbConsoleDelete extends PagePart {
  static override styles = consoleDeleteStyles;

  /** When the server deletes the workshop by itself (ms since epoch; 0: not said). */
  @property({ type: Number }) expiresAt = 0;
  /** A request is on its way: the confirmation waits. */
  @property({ type: Boolean }) busy = false;
  @state() private confirming = false;

  override render() {
    return html`<section class="card stack danger-zone" aria-labelledby="del-h">
      <h2 id="del-h">${m('console.delete')}</h2>
      ${this.confirming
        ? html`<p role="alert"><strong>${m('console.deleteConfirm')}</strong></p>
            <div class="row">
              <button type="button" class="danger" data-action="delete-yes" ?disabled=${this.busy} @click=${() => this.emit('kb-delete', null)}>${m('console.deleteYes')}</button>
              <button type="button" class="secondary" data-action="delete-no" @click=${() => (this.confirming = false)}>${m('console.deleteNo')}</button>
            </div>`
        : html`<div><button type="button" class="danger" data-action="delete" @click=${() => (this.confirming = true)}>${m('console.delete')}</button></div>`}
      ${this.expiresAt ? html`<p class="hint">${m('console.expires', { date: new Date(this.expiresAt).toLocaleDateString(getLocale() === 'da' ? 'da-DK' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' }) })}</p>` : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-console-delete': KbConsoleDelete;
  }
}
