/**
 * `<kb-peek-dialog>`: cross-view, a modal look at another group's board (read only, bare),
 * with a button per other group to switch between them and Close. A page part (see
 * `page-part.ts`): the page connects to the board looked at and hands it in; the dialog is
 * open exactly while `current` is set. Escape closes it as Close does.
 *
 * @event kb-peek - detail `{ group: number | null }`: look at this group's board (null: stop).
 * @cssproperty --kb-radius - the dialog's corners.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { Board } from '../model/index.js';
import '../canvas/board-element.js';
import { m } from './messages.js';
import { PagePart } from './page-part.js';
import { peekDialogStyles } from './peek-dialog.styles.js';

@customElement('kb-peek-dialog')
export class KbPeekDialog extends PagePart {
  static override styles = peekDialogStyles;

  /** The groups that can be looked at (every group but one's own). */
  @property({ attribute: false }) groups: { number: number; name: string }[] = [];
  /** The group looked at (null: the dialog is closed). */
  @property({ attribute: false }) current: number | null = null;
  /** Its board, once connected. */
  @property({ attribute: false }) board: Board | null = null;
  @query('dialog.peek') private dialog!: HTMLDialogElement;

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('current')) return;
    if (this.current === null) this.dialog.close();
    else if (!this.dialog.open) this.dialog.showModal();
  }

  #peek(group: number | null): void {
    this.emit('kb-peek', { group });
  }

  override render() {
    const current = this.current;
    return html`<dialog class="peek" aria-labelledby="peek-h" @close=${() => this.current !== null && this.#peek(null)}>
      <div class="peek-shell">
        <header class="peek-head">
          <h2 id="peek-h">${m('group.otherBoards')}</h2>
          <div class="row" role="group">
            ${this.groups.map(
              (g) => html`<button type="button" class=${current === g.number ? '' : 'secondary'} aria-pressed=${current === g.number ? 'true' : 'false'} data-peek=${g.number} @click=${() => this.#peek(g.number)}>
                ${g.name}
              </button>`,
            )}
          </div>
          <button type="button" class="secondary" @click=${() => this.#peek(null)}>${m('common.close')}</button>
        </header>
        <div class="peek-board">${current !== null && this.board ? html`<kb-board .board=${this.board} readonly .chrome=${false}></kb-board>` : nothing}</div>
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-peek-dialog': KbPeekDialog;
  }
}
