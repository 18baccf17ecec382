/**
 * `<kb-console-lock>`: the console's card for the boards as a whole: lock or unlock every
 * group's board (the groups then only look), and whether groups may look at each other's
 * boards. A page part (see `page-part.ts`): it shows the two settings and asks for changes.
 *
 * @event kb-lock - detail `{ locked: boolean }`: lock (true) or unlock every board.
 * @event kb-cross-view - detail `{ enabled: boolean }`: let groups see each other's boards, or not.
 * @cssproperty --kb-warning - the pressed lock button (from the page's styles).
 */
import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consoleLockStyles } from './console-lock.styles.js';
import { m } from './facilitator-messages.js';
import { PagePart } from './page-part.js';

@customElement('kb-console-lock')
export class KbConsoleLock extends PagePart {
  static override styles = consoleLockStyles;

  @property({ type: Boolean }) locked = false;
  @property({ type: Boolean }) crossView = false;
  /** A request is on its way: the controls wait. */
  @property({ type: Boolean }) busy = false;

  override render() {
    const locked = this.locked;
    return html`<section class="card" aria-labelledby="boards-h">
      <h2 id="boards-h">${m('console.boards')}</h2>
      <div>
        <button type="button" class="big" data-action="lock" aria-pressed=${locked ? 'true' : 'false'} ?disabled=${this.busy} @click=${() => this.emit('kb-lock', { locked: !locked })}>
          ${locked ? m('console.unlock') : m('console.lock')}
        </button>
      </div>
      <p role="status">${locked ? m('console.lockedNow') : m('console.unlockedNow')}</p>
      <label class="cross-view">
        <input
          type="checkbox"
          data-action="cross-view"
          .checked=${this.crossView}
          ?disabled=${this.busy}
          @change=${(e: Event) => this.emit('kb-cross-view', { enabled: (e.target as HTMLInputElement).checked })}
        />
        ${m('console.crossView')}
      </label>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-console-lock': KbConsoleLock;
  }
}
