/**
 * `<kb-plenum-compare>`: the plenum's card for comparing one group's board in two sets (or a
 * set and live) side by side: choose the group, "before" and "after", then Compare. A page
 * part (see `page-part.ts`): the page loads the two boards and hands them back in `compared`.
 *
 * @event kb-compare - detail `{ group: number; a: string; b: string }` (set ids or `live`).
 * @cssproperty --kb-surface - each side's card (also --kb-radius, --kb-shadow, --kb-border).
 */
import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Board } from '../model/index.js';
import type { SnapshotSetView } from '../workshop/api.js';
import { m } from './facilitator-messages.js';
import { PagePart } from './page-part.js';
import { LIVE, renderBoard, renderSetOptions, setLabel } from './plenum-common.js';
import { plenumCommonStyles } from './plenum-common.styles.js';
import { plenumCompareStyles } from './plenum-compare.styles.js';

export interface CompareRequest {
  group: number;
  a: string;
  b: string;
}

@customElement('kb-plenum-compare')
export class KbPlenumCompare extends PagePart {
  static override styles = [plenumCommonStyles, plenumCompareStyles];

  @property({ attribute: false }) groups: { number: number; name: string }[] = [];
  /** The snapshot sets, newest first. */
  @property({ attribute: false }) sets: SnapshotSetView[] = [];
  /** What is compared now (null: nothing yet). */
  @property({ attribute: false }) compare: CompareRequest | null = null;
  /** The two boards of `compare` (null: that set holds no board of the group). */
  @property({ attribute: false }) compared: [Board | null, Board | null] = [null, null];

  #groupName(n: number): string {
    return this.groups.find((g) => g.number === n)?.name ?? m('common.group', { n });
  }

  #submit(e: SubmitEvent): void {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    this.emit<CompareRequest>('kb-compare', { group: Number(f.get('group')), a: String(f.get('a')), b: String(f.get('b')) });
  }

  override render() {
    const c = this.compare;
    const defaultA = this.sets[1]?.id ?? this.sets[0]?.id ?? LIVE;
    const defaultB = this.sets[0]?.id ?? LIVE;
    return html`<section class="card stack" aria-labelledby="compare-h">
      <h2 id="compare-h">${m('plenum.compare')}</h2>
      <form class="toolbar" @submit=${this.#submit}>
        <div class="field">
          <label for="cmp-group">${m('plenum.compareGroup')}</label>
          <select id="cmp-group" name="group">${this.groups.map((g) => html`<option value=${g.number} ?selected=${c?.group === g.number}>${g.name}</option>`)}</select>
        </div>
        <div class="field">
          <label for="cmp-a">${m('plenum.compareA')}</label>
          <select id="cmp-a" name="a">${renderSetOptions(this.sets, c?.a ?? defaultA)}</select>
        </div>
        <div class="field">
          <label for="cmp-b">${m('plenum.compareB')}</label>
          <select id="cmp-b" name="b">${renderSetOptions(this.sets, c?.b ?? defaultB)}</select>
        </div>
        <button type="submit" class="secondary" data-action="compare">${m('plenum.compareShow')}</button>
      </form>
      ${c
        ? html`<div class="compare">
            ${([c.a, c.b] as const).map(
              (set, i) => html`<figure>
                <figcaption>
                  <strong>${this.#groupName(c.group)}</strong> – ${set === LIVE ? m('plenum.live') : setLabel(this.sets.find((s) => s.id === set) ?? { id: set, name: set, createdAt: 0, groups: [] })}
                </figcaption>
                <div class="board-box">${renderBoard(this.compared[i] ?? null)}</div>
              </figure>`,
            )}
          </div>`
        : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-plenum-compare': KbPlenumCompare;
  }
}
