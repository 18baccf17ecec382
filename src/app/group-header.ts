/**
 * `<kb-group-header>`: what a group sees above its board in a workshop: the workshop's title,
 * the group's name, the timer, "other groups' boards" while the facilitator allows it, the
 * language (in the row: in a corner it would lie over the board's bottom bar on a phone), and
 * the banners: the facilitator's message (which the participant may hide), the lock, a move
 * on its way, and an error. A page part (see `page-part.ts`); all of it comes from the
 * control document, through the page.
 *
 * Nothing here moves the board: the header's row keeps one height whether the timer runs or
 * not, and the banners hang over the top of the board rather than push it down. While they
 * show, their height is given to the page as `--kb-overlay-top`, which the board's floating
 * bars keep clear of (src/canvas/styles.ts).
 *
 * @event kb-peek - detail `{ group: number }`: look at this other group's board.
 * @cssproperty --kb-accent-soft - the message banner (also --kb-accent).
 * @cssproperty --kb-warning - the lock banner's edge.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ControlState } from '../workshop/api.js';
import { groupHeaderStyles } from './group-header.styles.js';
import { m } from './messages.js';
import { PagePart } from './page-part.js';
import './bits.js';
import './timer-element.js';

@customElement('kb-group-header')
export class KbGroupHeader extends PagePart {
  static override styles = groupHeaderStyles;

  @property({ attribute: false }) control: ControlState | null = null;
  /** The workshop's title when the control document has none yet. */
  @property() workshopTitle = '';
  /** This group's number and name. */
  @property({ type: Number }) group = 0;
  @property() groupName = '';
  /** The server's clock, as well as the page knows it. */
  @property({ attribute: false }) now: () => number = () => Date.now();
  /** The name of the group the participant is being moved to ('' : no move). */
  @property() movingTo = '';
  /** A problem to show over the board ('' : none). */
  @property() error = '';
  /** The message the participant hid (its `at`). */
  @state() private dismissedAt: number | null = null;
  #banners = new ResizeObserver(() => this.#overlay());

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#banners.disconnect();
    ((this.getRootNode() as ShadowRoot).host as HTMLElement | undefined)?.style.setProperty('--kb-overlay-top', '0px');
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const box = this.querySelector('.banners');
    if (box) this.#banners.observe(box);
    // What lies between the header and the board (the step's instruction) pushes the banners down.
    for (let el = this.nextElementSibling; el && !el.classList.contains('board-area'); el = el.nextElementSibling) this.#banners.observe(el);
    this.#overlay();
  }

  /**
   * Puts the banners at the board's top edge and tells the page (and the board in it) how much
   * of the board they cover.
   */
  #overlay(): void {
    const box = this.querySelector<HTMLElement>('.banners');
    const area = this.parentElement?.querySelector('.board-area');
    if (box && area) box.style.top = `${Math.round(area.getBoundingClientRect().top - this.getBoundingClientRect().top)}px`;
    const h = box?.getBoundingClientRect().height ?? 0;
    const host = (this.getRootNode() as ShadowRoot).host as HTMLElement | undefined;
    host?.style.setProperty('--kb-overlay-top', `${Math.ceil(h)}px`);
  }

  override render() {
    const c = this.control;
    const message = c?.message && c.message.at !== this.dismissedAt ? c.message : null;
    return html`<header class="workshop">
        <span class="title">${c?.title || this.workshopTitle}</span>
        <span class="group">${this.groupName}</span>
        <kb-timer .timer=${c?.timer ?? null} .now=${this.now}></kb-timer>
        ${c?.crossView && c.groups.some((g) => g.number !== this.group)
          ? html`<button type="button" class="secondary peek-open" @click=${() => this.emit('kb-peek', { group: c.groups.find((g) => g.number !== this.group)!.number })}>${m('group.otherBoards')}</button>`
          : nothing}
        <kb-lang inline></kb-lang>
      </header>
      <div class="banners">
        ${message
          ? html`<div class="banner message" role="status">
              <strong>${m('group.message')}:</strong>
              <span class="text">${message.text}</span>
              <button type="button" class="secondary" @click=${() => (this.dismissedAt = message.at)}>${m('group.dismiss')}</button>
            </div>`
          : nothing}
        ${c?.locked ? html`<div class="banner locked" role="status">${m('group.locked')}</div>` : nothing}
        ${this.movingTo ? html`<div class="banner message" role="status">${m('group.moving', { group: this.movingTo })}</div>` : nothing}
        ${this.error ? html`<div class="banner locked" role="alert">${this.error}</div>` : nothing}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-group-header': KbGroupHeader;
  }
}
