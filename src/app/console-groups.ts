/**
 * `<kb-console-groups>`: every group of the workshop as a compact tile in the console: its
 * name, how many are online, its join code, a live thumbnail of the current step's tool (read
 * only, not clickable inside; the whole thumbnail opens the board full size), who is in it,
 * and "bring the group here" (its boards go to the step's tool). A page part (see `page-part.ts`).
 *
 * @event kb-open-board - detail `{ group: number }`: show that group's board full size.
 * @event kb-bring - detail `{ group: number }`: bring that group's boards to the step's tool.
 * @cssproperty --kb-surface - tile background (also --kb-radius, --kb-shadow, --kb-border).
 */
import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { WidgetType } from '../model/index.js';
import type { GroupView } from '../workshop/api.js';
import '../canvas/board-element.js';
import type { Person, WatchedRoom } from './control.js';
import { consoleGroupsStyles } from './console-groups.styles.js';
import { m } from './facilitator-messages.js';
import { lm } from './lead-messages.js';
import { PagePart } from './page-part.js';

@customElement('kb-console-groups')
export class KbConsoleGroups extends PagePart {
  static override styles = consoleGroupsStyles;

  @property({ attribute: false }) groups: GroupView[] = [];
  /** The watched room of each group, by number, once connected. */
  @property({ attribute: false }) rooms: ReadonlyMap<number, WatchedRoom> = new Map();
  /** Who is in each group now, by number. */
  @property({ attribute: false }) people: ReadonlyMap<number, Person[]> = new Map();
  /** The current step's tools (the thumbnails show the first; null: the whole board). */
  @property({ attribute: false }) task: { tools: readonly WidgetType[]; key: string } | null = null;
  /** A request is on its way: the buttons wait. */
  @property({ type: Boolean }) busy = false;

  override render() {
    return html`<section aria-labelledby="groups-h" class="stack groups">
      <h2 id="groups-h">${m('console.groups')}</h2>
      <ol class="tiles">
        ${this.groups.map((g) => {
          const room = this.rooms.get(g.number);
          const people = this.people.get(g.number) ?? [];
          return html`<li data-group=${g.number}>
            <div class="tile-head">
              <h3>${g.name}</h3>
              <span class="online">${m('console.online', { count: room ? people.length : g.online })}${g.code ? html` · <span aria-label=${m('created.code')}>${g.code}</span>` : nothing}</span>
            </div>
            <div class="thumb">
              <div inert>${room ? html`<kb-board .board=${room.board} readonly .chrome=${false} .task=${this.task}></kb-board>` : nothing}</div>
              <button type="button" class="open" data-action="open-board" @click=${() => this.emit('kb-open-board', { group: g.number })}>
                <span class="visually-hidden">${m('console.openBoard', { group: g.name })}</span>
              </button>
            </div>
            ${people.length > 0
              ? html`<ul class="chips" aria-label=${lm('participants', { group: g.name })}>
                  ${people.map((p) => html`<li data-client=${p.clientId}><span class="dot" style="background:${p.color}" aria-hidden="true"></span>${p.name}</li>`)}
                </ul>`
              : html`<p class="hint nobody">${m('console.nobody')}</p>`}
            <div class="row tile-actions">
              <button type="button" class="secondary" data-action="bring-group" ?disabled=${this.busy || !this.task} @click=${() => this.emit('kb-bring', { group: g.number })}>
                ${lm('bringHere')}<span class="visually-hidden"> (${g.name})</span>
              </button>
              <button type="button" class="secondary" data-action="open" @click=${() => this.emit('kb-open-board', { group: g.number })}>
                ${lm('open')}<span class="visually-hidden"> (${g.name})</span>
              </button>
            </div>
          </li>`;
        })}
      </ol>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-console-groups': KbConsoleGroups;
  }
}
