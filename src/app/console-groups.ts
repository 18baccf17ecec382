/**
 * `<kb-console-groups>`: every group of the workshop as a tile in the console: its name, how
 * many are online, its join code, its board live as a thumbnail (read only, not clickable
 * inside; the whole thumbnail opens it full size), and who is in it (`<kb-console-people>`).
 * A page part (see `page-part.ts`).
 *
 * @event kb-open-board - detail `{ group: number }`: show that group's board full size.
 * @event kb-move - from `<kb-console-people>` (bubbles through).
 * @cssproperty --kb-surface - tile background (also --kb-radius, --kb-shadow, --kb-border).
 */
import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { GroupView } from '../workshop/api.js';
import '../canvas/board-element.js';
import type { Person, WatchedRoom } from './control.js';
import { consoleGroupsStyles } from './console-groups.styles.js';
import './console-people.js';
import { m } from './facilitator-messages.js';
import { PagePart } from './page-part.js';

@customElement('kb-console-groups')
export class KbConsoleGroups extends PagePart {
  static override styles = consoleGroupsStyles;

  @property({ attribute: false }) groups: GroupView[] = [];
  /** The watched room of each group, by number, once connected. */
  @property({ attribute: false }) rooms: ReadonlyMap<number, WatchedRoom> = new Map();
  /** Who is in each group now, by number. */
  @property({ attribute: false }) people: ReadonlyMap<number, Person[]> = new Map();
  /** A request is on its way: the buttons wait. */
  @property({ type: Boolean }) busy = false;

  override render() {
    const groups = this.groups;
    const all = groups.map((g) => ({ number: g.number, name: g.name }));
    return html`<section aria-labelledby="groups-h" class="stack">
      <h2 id="groups-h">${m('console.groups')}</h2>
      <ol class="tiles">
        ${groups.map((g) => {
          const room = this.rooms.get(g.number);
          const people = this.people.get(g.number) ?? [];
          return html`<li data-group=${g.number}>
            <div class="tile-head">
              <h3>${g.name}</h3>
              <span class="online">${m('console.online', { count: room ? people.length : g.online })}${g.code ? html` · <span aria-label=${m('created.code')}>${g.code}</span>` : nothing}</span>
            </div>
            <div class="thumb">
              <div inert>${room ? html`<kb-board .board=${room.board} readonly .chrome=${false}></kb-board>` : nothing}</div>
              <button type="button" class="open" data-action="open-board" @click=${() => this.emit('kb-open-board', { group: g.number })}>
                <span class="visually-hidden">${m('console.openBoard', { group: g.name })}</span>
              </button>
            </div>
            <h4 class="visually-hidden">${m('console.people')}</h4>
            <kb-console-people .group=${g.number} .people=${people} .groups=${all} ?busy=${this.busy}></kb-console-people>
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
