/**
 * `<kb-console-snapshots>`: the console's card for snapshots for the plenum: a name (by
 * default "Plenum HH:MM", the page's clock) and "take a snapshot of every board", then the
 * sets taken so far, newest first, each with a link that opens it in the plenum view. A page
 * part (see `page-part.ts`). A name the facilitator typed is kept until the snapshot is taken
 * (`taken()`); until then the default follows the clock.
 *
 * @event kb-snapshot - detail `{ name: string }` (trimmed; empty: use the default): take one.
 */
import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { getLocale } from '../i18n/index.js';
import type { SnapshotSetView } from '../workshop/api.js';
import { consoleSnapshotsStyles } from './console-snapshots.styles.js';
import { m } from './facilitator-messages.js';
import { PagePart } from './page-part.js';

@customElement('kb-console-snapshots')
export class KbConsoleSnapshots extends PagePart {
  static override styles = consoleSnapshotsStyles;

  @property({ attribute: false }) snapshots: SnapshotSetView[] = [];
  /** The name offered until the facilitator types one. */
  @property() defaultName = '';
  /** The plenum view's address for a set. */
  @property({ attribute: false }) plenumLink: (set: string) => string = () => '';
  /** A request is on its way: the button waits. */
  @property({ type: Boolean }) busy = false;
  /** What the facilitator typed (null: nothing, the default shows). */
  @state() private name: string | null = null;

  /** The snapshot was taken: offer the default name again. */
  taken(): void {
    this.name = null;
  }

  #submit(e: SubmitEvent): void {
    e.preventDefault();
    this.emit('kb-snapshot', { name: (this.name ?? this.defaultName).trim() });
  }

  override render() {
    return html`<section class="card stack" aria-labelledby="snap-h">
      <h2 id="snap-h">${m('console.snapshots')}</h2>
      <form class="row" @submit=${this.#submit}>
        <label for="snapshot-name">${m('console.snapshotName')}</label>
        <input id="snapshot-name" maxlength="100" autocomplete="off" .value=${this.name ?? this.defaultName} @input=${(e: InputEvent) => (this.name = (e.target as HTMLInputElement).value)} />
        <button type="submit" data-action="snapshot" ?disabled=${this.busy}>${m('console.takeSnapshot')}</button>
      </form>
      ${this.snapshots.length === 0
        ? html`<p class="hint">${m('console.noSnapshots')}</p>`
        : html`<ul class="sets">
            ${[...this.snapshots]
              .sort((a, b) => b.createdAt - a.createdAt)
              .map(
                (s) => html`<li data-set=${s.id}>
                  ${s.name} (${new Date(s.createdAt).toLocaleTimeString(getLocale() === 'da' ? 'da-DK' : 'en-GB', { hour: '2-digit', minute: '2-digit' })}) –
                  <a href=${this.plenumLink(s.id)} target="_blank" rel="noopener">${m('console.openPlenum')}</a>
                </li>`,
              )}
          </ul>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-console-snapshots': KbConsoleSnapshots;
  }
}
