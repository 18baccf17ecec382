/**
 * `<kb-plenum-boards>`: every group's board side by side in the plenum, each with "present
 * this group" and, for a snapshot set, "restore as a new board". A page part (see
 * `page-part.ts`).
 *
 * @event kb-present - detail `{ index: number }`: present from this group (its place in `shown`).
 * @event kb-restore - detail `{ group: number }`: restore this group's board from the set.
 * @cssproperty --kb-surface - each group's card (also --kb-radius, --kb-shadow, --kb-border).
 */
import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { m } from './facilitator-messages.js';
import { PagePart } from './page-part.js';
import { plenumBoardsStyles } from './plenum-boards.styles.js';
import { renderBoard, type Shown } from './plenum-common.js';
import { plenumCommonStyles } from './plenum-common.styles.js';

@customElement('kb-plenum-boards')
export class KbPlenumBoards extends PagePart {
  static override styles = [plenumCommonStyles, plenumBoardsStyles];

  @property({ attribute: false }) shown: Shown[] = [];
  /** The boards come from a snapshot set (they can be restored), not live. */
  @property({ type: Boolean }) restorable = false;

  override render() {
    return html`<ol class="boards">
      ${this.shown.map(
        (g, i) => html`<li data-group=${g.number}>
          <h2>${g.name}</h2>
          <div class="board-box">${renderBoard(g.board)}</div>
          <div class="row">
            <button type="button" class="secondary" data-action="present-group" @click=${() => this.emit('kb-present', { index: i })}>${m('plenum.presentGroup', { group: g.name })}</button>
            ${this.restorable && g.board ? html`<button type="button" class="secondary" data-action="restore" @click=${() => this.emit('kb-restore', { group: g.number })}>${m('plenum.restore')}</button>` : nothing}
          </div>
        </li>`,
      )}
    </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-plenum-boards': KbPlenumBoards;
  }
}
