/**
 * `<kb-console-people>`: who is on one group's board now, as the console shows it in that
 * group's tile, each with a choice of another group and Move. A page part (see `page-part.ts`).
 *
 * @event kb-move - detail `{ clientId: number; name: string; toGroup: number }`: ask this
 *   participant to move to that group.
 * @cssproperty --kb-text-muted - the "nobody yet" hint (from the page's styles).
 */
import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Person } from './control.js';
import { consolePeopleStyles } from './console-people.styles.js';
import { m } from './facilitator-messages.js';
import { PagePart } from './page-part.js';

export interface MoveRequest {
  clientId: number;
  name: string;
  toGroup: number;
}

@customElement('kb-console-people')
export class KbConsolePeople extends PagePart {
  static override styles = consolePeopleStyles;

  /** The group these people are in. */
  @property({ type: Number }) group = 0;
  @property({ attribute: false }) people: Person[] = [];
  /** Every group of the workshop (the places a person can be moved to). */
  @property({ attribute: false }) groups: { number: number; name: string }[] = [];
  /** A request is on its way: the buttons wait. */
  @property({ type: Boolean }) busy = false;

  #move(e: Event, p: Person): void {
    const select = (e.target as HTMLElement).parentElement?.querySelector('select');
    const to = Number(select?.value);
    if (!Number.isInteger(to) || to < 1) return;
    this.emit<MoveRequest>('kb-move', { clientId: p.clientId, name: p.name, toGroup: to });
  }

  override render() {
    const all = this.groups;
    if (this.people.length === 0) return html`<p class="hint">${m('console.nobody')}</p>`;
    return html`<ul class="people">
      ${this.people.map(
        (p) => html`<li data-client=${p.clientId}>
          <span class="who"><span class="dot" style="background:${p.color}" aria-hidden="true"></span>${p.name}</span>
          ${all.length > 1
            ? html`<label class="visually-hidden" for="move-${p.clientId}">${m('console.moveTo', { name: p.name })}</label>
                <select id="move-${p.clientId}">
                  ${all.filter((o) => o.number !== this.group).map((o) => html`<option value=${o.number}>${o.name}</option>`)}
                </select>
                <button type="button" class="secondary" data-action="move" ?disabled=${this.busy} @click=${(e: Event) => this.#move(e, p)}>${m('console.move')}</button>`
            : nothing}
        </li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-console-people': KbConsolePeople;
  }
}
