/**
 * `<kb-plenum-present>`: presenting mode, one group's board full screen for the room, with
 * its name, "2 of 5", and Previous, Next and Leave. A page part (see `page-part.ts`); the page
 * keeps the arrow keys and Escape, and where focus goes.
 *
 * @event kb-present - detail `{ index: number }`: show this group (may run past either end).
 * @event kb-leave - detail `null`: leave presenting mode.
 * @cssproperty --kb-canvas - the stage behind the board.
 */
import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { m } from './facilitator-messages.js';
import { PagePart } from './page-part.js';
import { renderBoard, type Shown } from './plenum-common.js';
import { plenumCommonStyles } from './plenum-common.styles.js';
import { plenumPresentStyles } from './plenum-present.styles.js';

@customElement('kb-plenum-present')
export class KbPlenumPresent extends PagePart {
  static override styles = [plenumCommonStyles, plenumPresentStyles];

  @property({ attribute: false }) shown: Shown[] = [];
  /** The place in `shown` of the group presented. */
  @property({ type: Number }) index = 0;

  override render() {
    const i = this.index;
    const g = this.shown[i];
    if (!g) return nothing;
    return html`<section class="presenting" role="dialog" aria-modal="true" aria-labelledby="present-h">
      <header>
        <h2 id="present-h">${g.name}</h2>
        <span class="pos" aria-live="polite">${m('common.of', { pos: i + 1, total: this.shown.length })}</span>
        <span class="hint">${m('plenum.keys')}</span>
        <div class="nav">
          <button type="button" class="secondary big" data-action="previous" @click=${() => this.emit('kb-present', { index: i - 1 })}>← ${m('plenum.previous')}</button>
          <button type="button" class="big" data-action="next" @click=${() => this.emit('kb-present', { index: i + 1 })}>${m('plenum.next')} →</button>
          <button type="button" class="secondary big" data-action="leave" @click=${() => this.emit('kb-leave', null)}>${m('plenum.leave')}</button>
        </div>
      </header>
      <div class="stage">${renderBoard(g.board)}</div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-plenum-present': KbPlenumPresent;
  }
}
