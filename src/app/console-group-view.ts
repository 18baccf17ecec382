/**
 * `<kb-console-group-view>`: the facilitator's own view of one group's board, in the console's
 * full-size dialog: the board live, with the facilitator's presence on it (the group sees the
 * facilitator's cursor and can follow the view), and the lead: "bring the group here" (to what
 * the facilitator shows now), a "look here" pointer (a click on the board puts it there, on
 * every screen of the group), "let the group follow me", and who is in the group, each of whom
 * can be moved to another group. A page part (see `page-part.ts`).
 *
 * @event kb-bring - detail `{ group: number; rect: BoardRect }`: bring the group's boards to this place.
 * @event kb-pointer - detail `{ group: number; point: { x: number; y: number } | null }`.
 * @event kb-lead - detail `{ group: number; clientId: number | null }`: the group follows this connection's view (null: stop).
 * @event kb-move - from `<kb-console-people>` (bubbles through).
 */
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { BoardRect, ControlState } from '../model/index.js';
import type { KbBoard } from '../canvas/board-element.js';
import '../canvas/board-element.js';
import { screenToWorld } from '../canvas/viewport.js';
import type { Person } from './control.js';
import { consoleGroupViewStyles } from './console-group-view.styles.js';
import './console-people.js';
import { m } from './facilitator-messages.js';
import { lm } from './lead-messages.js';
import { PagePart } from './page-part.js';
import type { GroupBoardConnection } from './services.js';

@customElement('kb-console-group-view')
export class KbConsoleGroupView extends PagePart {
  static override styles = consoleGroupViewStyles;

  @property({ type: Number }) group = 0;
  /** The facilitator's own connection to the group's board (with presence). */
  @property({ attribute: false }) connection: GroupBoardConnection | null = null;
  @property({ attribute: false }) control: ControlState | null = null;
  @property({ attribute: false }) people: Person[] = [];
  /** Every group of the workshop (where a person can be moved to). */
  @property({ attribute: false }) groups: { number: number; name: string }[] = [];
  @property({ type: Boolean }) busy = false;
  /** The next click on the board puts the pointer there. */
  @state() private pointing = false;

  #board(): KbBoard | null {
    return this.querySelector('kb-board');
  }

  /** The place of the board the facilitator shows now (beside the board's bars). */
  #shown(): BoardRect | null {
    const r = this.#board()?.shownRect();
    return r ? { x: Math.round(r.x), y: Math.round(r.y), w: Math.max(1, Math.round(r.w)), h: Math.max(1, Math.round(r.h)) } : null;
  }

  #place(e: PointerEvent): void {
    const b = this.#board();
    if (!b) return;
    e.preventDefault();
    e.stopPropagation();
    const r = b.getBoundingClientRect();
    const p = screenToWorld(b.view, e.clientX - r.left, e.clientY - r.top);
    this.pointing = false;
    this.emit('kb-pointer', { group: this.group, point: { x: Math.round(p.x), y: Math.round(p.y) } });
  }

  override render() {
    const c = this.connection;
    const pointer = this.control?.pointer?.group === this.group ? this.control.pointer : null;
    const leading = c !== null && this.control?.lead?.group === this.group && this.control.lead.clientId === c.clientId;
    const name = this.groups.find((g) => g.number === this.group)?.name ?? '';
    return html`<div class="group-view">
      <div class="row lead-bar" role="toolbar" aria-label=${lm('bringGroup')}>
        <button type="button" data-action="bring-here" ?disabled=${this.busy || !c} @click=${() => {
          const rect = this.#shown();
          if (rect) this.emit('kb-bring', { group: this.group, rect });
        }}>${lm('bringGroup')}</button>
        <button type="button" class="secondary" data-action="point" aria-pressed=${String(this.pointing)} ?disabled=${this.busy || !c} @click=${() => (this.pointing = !this.pointing)}>${lm('pointerOn')}</button>
        ${pointer ? html`<button type="button" class="secondary" data-action="pointer-off" ?disabled=${this.busy} @click=${() => this.emit('kb-pointer', { group: this.group, point: null })}>${lm('pointerOff')}</button>` : nothing}
        <button type="button" class="secondary" data-action="lead" aria-pressed=${String(leading)} ?disabled=${this.busy || !c} @click=${() => this.emit('kb-lead', { group: this.group, clientId: leading ? null : (c?.clientId ?? null) })}>
          ${leading ? lm('followStop') : lm('followMe')}
        </button>
        ${this.pointing ? html`<span class="hint" role="status">${lm('pointerHint')}</span>` : nothing}
      </div>
      <div class="view-body">
        <div class="view-board ${this.pointing ? 'pointing' : ''}">
          ${c
            ? html`<kb-board .board=${c.board} .presence=${c.presence} .origin=${{ facilitator: true }} readonly status="connected" .synced=${true} .pointer=${pointer ? { x: pointer.x, y: pointer.y } : null}></kb-board>`
            : nothing}
          ${this.pointing ? html`<div class="pointer-catch" aria-hidden="true" @pointerdown=${(e: PointerEvent) => this.#place(e)}></div>` : nothing}
        </div>
        <aside class="view-people" aria-labelledby="view-people-h">
          <h3 id="view-people-h">${lm('participants', { group: name })}</h3>
          <kb-console-people .group=${this.group} .people=${this.people} .groups=${this.groups} ?busy=${this.busy}></kb-console-people>
          <p class="hint">${m('console.online', { count: this.people.length })}</p>
        </aside>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-console-group-view': KbConsoleGroupView;
  }
}
