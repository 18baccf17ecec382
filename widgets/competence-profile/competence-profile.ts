import { html, LitElement, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { getLocale } from '../../src/i18n/index.js';
import { LocaleController } from '../../src/i18n/lit.js';
import { COLUMN_TITLES, DeckError, parseDeck } from '../../src/content/competences.js';
import { MAX_CARD_TEXT } from '../../src/model/competence-card.js';
import type { Area, Column } from '../../src/model/competence-card.js';
import type { Board, Origin } from '../../src/model/index.js';
import type { Presence } from '../../src/sync/presence.js';
import {
  addCardRect,
  areaAt,
  areaRect,
  areaTitleRect,
  AREAS,
  CARD_HEIGHT,
  cardSlots,
  COLUMNS,
  columnBodyRect,
  columnHeadingRect,
  columnRect,
  COMPETENCE_PROFILE_SIZE,
  dropIndex,
  headerRect,
} from '../../src/kinds/competence-profile/layout.js';
import { BoardController } from '../shared/board-controller.js';
import { PointerDrag } from '../shared/drag.js';
import type { DragMove } from '../shared/drag.js';
import { orderAt } from '../../src/model/order.js';
import { baseStyles } from '../shared/styles.js';
import { fromBoard, place, toBoard } from './geometry.js';
import { cardsIn, cardsOf, orderAfter, replaceDeck } from '../../src/kinds/competence-profile/records.js';
import type { CompetenceCard } from '../../src/kinds/competence-profile/records.js';
import { msg } from './messages.js';
import { profileStyles } from './competence-profile.styles.js';
import './competence-card.js';

/** Where a dragged card would land. */
interface DropTarget {
  area: Area;
  column: Column;
  /** Index among the column's other cards. */
  index: number;
}

const { w: W, h: H } = COMPETENCE_PROFILE_SIZE;

/**
 * The competence profile of Kontaktperson+: the group's local profile ("Lokal profil") above
 * the generic profile ("Generisk profil"), each with the columns Viden / Kompetencer /
 * Færdigheder. Cards are dragged between the profiles and reordered within their column (a card
 * keeps its column); each card also has a move button, and on a focused card Enter/Space moves
 * it to the other profile and Alt+ArrowUp/Down reorders it. A group can write, edit and delete
 * its own cards; deck cards can only be moved back. With `canEditDeck`, a facilitator can load
 * a deck from a JSON file (it replaces the deck cards still in the generic profile).
 *
 * Drawn at its natural layout size (src/layout/competence-profile.ts) scaled to the element's
 * width.
 *
 * @event kb-card-moved - A card was moved or reordered; `detail: { itemId, area, column, order }`.
 * @event kb-card-created - The group wrote an own card; `detail: { itemId }`.
 * @event kb-card-deleted - An own card was deleted; `detail: { itemId }`.
 * @event kb-deck-loaded - A facilitator's deck replaced the generic deck; `detail: { count, ids }`.
 * @event kb-deck-error - A deck file was rejected (nothing changed); `detail: { message }`.
 *
 * @csspart stage - The scaled drawing surface at natural layout size.
 * @csspart header - The header strip (title, deck loader, alert).
 * @csspart alert - The alert region for a rejected deck file.
 * @csspart area - Each profile area; also `local-area` / `generic-area`.
 * @csspart column - Each column box.
 * @csspart column-heading - Each column heading.
 * @csspart add-button - The "+ own card" buttons.
 * @csspart ghost - A peer's in-flight drag.
 *
 * @cssproperty --kb-competence-bg - Background of the whole widget.
 * @cssproperty --kb-competence-local-bg - Background of the local profile.
 * @cssproperty --kb-competence-generic-bg - Background of the generic profile.
 * @cssproperty --kb-competence-column-bg - Background of a column.
 * @cssproperty --kb-competence-alert-bg - Background of the deck error alert.
 * (The cards' own custom properties are listed on `<kb-competence-card>`.)
 */
@customElement('kb-competence-profile')
export class KbCompetenceProfile extends LitElement {
  static override styles = [baseStyles, profileStyles];

  /** The board model; the only way to read and write. */
  @property({ attribute: false }) board: Board | undefined;
  /** The placed widget item this element shows. */
  @property() widgetId = '';
  /** This participant's transaction origin. */
  @property({ attribute: false }) origin: Origin = {};
  /** Presence for in-flight drags (own and peers'). */
  @property({ attribute: false }) presence: Presence | null = null;
  /** A locked board: nothing can be changed. */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** The participant's display name. */
  @property() userName = '';
  /** The participant's anonymous tag (stored as `createdBy` of own cards). */
  @property() clientTag = '';
  /** Shows the "Load deck (JSON)" control (facilitators). */
  @property({ type: Boolean }) canEditDeck = false;

  @state() private scale = 1;
  @state() private drag: { id: string; dx: number; dy: number; target: DropTarget | null } | null = null;
  @state() private adding: Column | null = null;
  @state() private deckError = '';
  @state() private status = '';

  #pressed: string | null = null;
  #focusAfter: { id: string } | { add: Column } | null = null;
  #offPresence: (() => void) | undefined;
  #resize: ResizeObserver | undefined;

  readonly #drag = new PointerDrag<DropTarget>({
    hitTest: (x, y) => this.#targetAt(x, y),
    onStart: (id) => {
      this.drag = { id, dx: 0, dy: 0, target: null };
    },
    onMove: (id, m) => this.#onDragMove(id, m),
    onDrop: (id, m) => {
      this.#endDrag();
      if (m.target) this.#moveTo(id, m.target.area, m.target.index);
    },
    onCancel: () => this.#endDrag(),
  });

  constructor() {
    super();
    new BoardController(this, () => this.board);
    new LocaleController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize = new ResizeObserver(() => this.#measure());
    this.#resize.observe(this);
    this.#measure();
    this.#subscribePresence();
    this.addEventListener('keydown', this.#onKeyDown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#offPresence?.();
    this.#offPresence = undefined;
    this.removeEventListener('keydown', this.#onKeyDown);
    if (this.drag) this.#drag.cancel();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('presence') && this.isConnected) this.#subscribePresence();
    if (changed.has('readonly') && this.readonly) {
      this.adding = null;
      if (this.drag) this.#drag.cancel();
    }
  }

  protected override updated(): void {
    const f = this.#focusAfter;
    if (f === null) return;
    this.#focusAfter = null;
    const sel = 'id' in f ? `kb-competence-card[data-item-id="${CSS.escape(f.id)}"]` : `[data-add="${f.add}"]`;
    this.renderRoot.querySelector<HTMLElement>(sel)?.focus();
  }

  /**
   * Loads a facilitator's deck from a JSON file: validated with `parseDeck`, then the deck
   * cards still in the generic profile are replaced (one transaction). A bad file changes
   * nothing and shows the reason in the alert region. Resolves true if the deck was loaded.
   */
  async loadDeckFile(file: Blob): Promise<boolean> {
    if (this.readonly || !this.board || !this.widgetId) return false;
    let deck;
    try {
      deck = parseDeck(JSON.parse(await file.text()) as unknown);
    } catch (err) {
      const message = err instanceof DeckError ? err.message : err instanceof SyntaxError ? msg('notJson') : String(err);
      this.deckError = msg('deckError', { message });
      this.#emit('kb-deck-error', { message });
      return false;
    }
    this.deckError = '';
    const ids = replaceDeck(this.board, this.widgetId, deck, this.origin);
    this.status = msg('deckLoaded', { count: deck.length });
    this.#emit('kb-deck-loaded', { count: deck.length, ids });
    return true;
  }

  // ---- rendering ----------------------------------------------------------------------

  override render() {
    const cards = this.board && this.widgetId ? cardsOf(this.board, this.widgetId) : [];
    const header = headerRect();
    return html`
      <div class="frame" style="height:${H * this.scale}px">
        <div class="stage" part="stage" style="width:${W}px;height:${H}px;transform:scale(${this.scale})">
          <div class="abs header" part="header" style=${place(header)}>
            <h2>${msg('title')}</h2>
            ${this.readonly ? html`<p class="locked">${msg('locked')}</p>` : nothing}
            ${this.canEditDeck
              ? html`<label class="deck-loader">
                  <span>${msg('loadDeck')}</span>
                  <input type="file" accept=".json,application/json" ?disabled=${this.readonly} @change=${this.#onFile} />
                </label>`
              : nothing}
            <div class="alert" part="alert" role="alert">${this.deckError}</div>
          </div>
          ${AREAS.map((area) => this.#renderArea(area, cards))} ${this.#renderGhosts(cards)}
          <div class="visually-hidden" role="status" aria-live="polite">${this.status}</div>
        </div>
      </div>
    `;
  }

  #renderArea(area: Area, cards: CompetenceCard[]) {
    const r = areaRect(area);
    const titleId = `title-${area}`;
    return html`
      <section class="abs area ${area}" part="area ${area}-area" style=${place(r)} aria-labelledby=${titleId}>
        <h3 id=${titleId} class="abs area-title" style=${place(areaTitleRect(area), r)}>
          ${msg(area === 'local' ? 'localArea' : 'genericArea')}
        </h3>
        ${COLUMNS.map((column) => this.#renderColumn(area, column, cardsIn(cards, area, column), r))}
      </section>
    `;
  }

  #renderColumn(area: Area, column: Column, list: CompetenceCard[], areaR: { x: number; y: number }) {
    const c = columnRect(area, column);
    const slots = cardSlots(area, column, list.length);
    const title = COLUMN_TITLES[column][getLocale()];
    const headingId = `heading-${area}-${column}`;
    const target = this.drag?.target;
    const isTarget = target !== null && target !== undefined && target.area === area && target.column === column;
    return html`
      <div class="abs column ${isTarget ? 'drop-target' : ''}" part="column" style=${place(c, areaR)} data-area=${area} data-column=${column}>
        <h4 id=${headingId} class="abs column-heading" part="column-heading" style=${place(columnHeadingRect(area, column), c)}>
          <span>${title}</span><span class="count">${msg('cardCount', { count: list.length })}</span>
        </h4>
        <ul class="cards" aria-label=${msg('columnList', { area: msg(area === 'local' ? 'localArea' : 'genericArea'), column: title })}>
          ${repeat(
            list,
            (card) => card.id,
            (card, i) => this.#renderCard(card, slots[i] ?? columnBodyRect(area, column), c, i, list.length),
          )}
        </ul>
        ${area === 'local' ? this.#renderAdd(column, c) : nothing}
      </div>
    `;
  }

  #renderCard(card: CompetenceCard, slot: { x: number; y: number; w: number; h: number }, colR: { x: number; y: number }, i: number, n: number) {
    const dragging = this.drag?.id === card.id;
    const shift = dragging && this.drag ? `;transform:translate(${this.drag.dx}px,${this.drag.dy}px)` : '';
    return html`
      <li class="abs slot ${dragging ? 'dragging' : ''}" style=${place(slot, colR) + shift}>
        <kb-competence-card
          data-item-id=${card.id}
          .text=${this.#textOf(card)}
          .area=${card.props.area}
          .column=${card.props.column}
          .own=${card.props.deckKey === ''}
          .dragging=${dragging}
          .readonly=${this.readonly}
          .canMoveUp=${i > 0}
          .canMoveDown=${i < n - 1}
          @pointerdown=${(e: PointerEvent) => this.#onPointerDown(e, card.id)}
          @kb-card-toggle=${() => this.#toggle(card.id)}
          @kb-card-reorder=${(e: CustomEvent<{ delta: number }>) => this.#reorder(card.id, e.detail.delta)}
          @kb-card-edit=${(e: CustomEvent<{ text: string }>) => this.#edit(card.id, e.detail.text)}
          @kb-card-delete=${() => this.#delete(card)}
        ></kb-competence-card>
      </li>
    `;
  }

  #renderAdd(column: Column, colR: { x: number; y: number }) {
    const r = addCardRect(column);
    const title = COLUMN_TITLES[column][getLocale()];
    if (this.adding === column && !this.readonly) {
      return html`<form class="abs add" style=${place(r, colR)} @submit=${(e: Event) => this.#submitNew(e, column)}>
        <input
          name="text"
          aria-label=${msg('newCardField', { column: title })}
          maxlength=${MAX_CARD_TEXT}
          required
          autocomplete="off"
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              this.#cancelNew(column);
            }
          }}
        />
        <button type="submit">${msg('save')}</button>
        <button type="button" @click=${() => this.#cancelNew(column)}>${msg('cancel')}</button>
      </form>`;
    }
    return html`<div class="abs add" style=${place(r, colR)}>
      <button
        type="button"
        class="add-button"
        part="add-button"
        data-add=${column}
        aria-label=${msg('addOwnLabel', { column: title })}
        title=${this.readonly ? msg('locked') : nothing}
        ?disabled=${this.readonly}
        @click=${() => this.#startNew(column)}
      >
        ${msg('addOwn')}
      </button>
    </div>`;
  }

  #renderGhosts(cards: CompetenceCard[]) {
    if (!this.presence || !this.board) return nothing;
    const byId = new Map(cards.map((c) => [c.id, c]));
    const geometry = this.board.get(this.widgetId)?.geometry;
    const ghosts = [];
    for (const peer of this.presence.peers()) {
      for (const d of peer.drags) {
        const card = byId.get(d.itemId);
        if (!card) continue;
        const p = fromBoard(geometry, d);
        const w = columnBodyRect('generic', card.props.column).w;
        ghosts.push(html`<div
          class="abs ghost"
          part="ghost"
          aria-hidden="true"
          data-ghost-of=${card.id}
          style="${place({ x: p.x, y: p.y, w, h: CARD_HEIGHT })};--peer-color:${peer.user.color}"
        >
          ${this.#textOf(card)}<span class="who">${msg('dragging', { name: peer.user.name })}</span>
        </div>`);
      }
    }
    return ghosts;
  }

  #textOf(card: CompetenceCard): string {
    return getLocale() === 'en' && card.props.textEn !== '' ? card.props.textEn : card.props.text;
  }

  // ---- writing ------------------------------------------------------------------------

  #cards(): CompetenceCard[] {
    return this.board && this.widgetId ? cardsOf(this.board, this.widgetId) : [];
  }

  #where(area: Area, column: Column): string {
    return `${msg(area === 'local' ? 'localArea' : 'genericArea')}, ${COLUMN_TITLES[column][getLocale()]}`;
  }

  /** Puts a card at `index` of its column in `area`: one updateProps (area + order). */
  #moveTo(id: string, area: Area, index: number): void {
    if (this.readonly || !this.board) return;
    const cards = this.#cards();
    const card = cards.find((c) => c.id === id);
    if (!card) return;
    const column = card.props.column;
    const list = cardsIn(cards, area, column);
    const others = list.filter((c) => c.id !== id);
    if (card.props.area === area && list.findIndex((c) => c.id === id) === index) return;
    const order = orderAt(others, Math.max(0, Math.min(index, others.length)));
    this.board.updateProps<'competence-card'>(id, { area, order }, this.origin);
    this.status = msg('moved', { text: this.#textOf(card), where: this.#where(area, column) });
    this.#emit('kb-card-moved', { itemId: id, area, column, order });
  }

  #toggle(id: string): void {
    if (this.readonly || !this.board) return;
    const cards = this.#cards();
    const card = cards.find((c) => c.id === id);
    if (!card) return;
    const area: Area = card.props.area === 'local' ? 'generic' : 'local';
    const count = cardsIn(cards, area, card.props.column).length;
    this.#focusAfter = { id };
    this.#moveTo(id, area, count);
  }

  #reorder(id: string, delta: number): void {
    const card = this.#cards().find((c) => c.id === id);
    if (!card) return;
    const list = cardsIn(this.#cards(), card.props.area, card.props.column);
    const to = list.findIndex((c) => c.id === id) + Math.sign(delta);
    if (to < 0 || to >= list.length) return;
    this.#moveTo(id, card.props.area, to);
  }

  #edit(id: string, text: string): void {
    if (this.readonly || !this.board) return;
    const t = text.trim().slice(0, MAX_CARD_TEXT);
    if (t) this.board.updateProps<'competence-card'>(id, { text: t }, this.origin);
  }

  #delete(card: CompetenceCard): void {
    if (this.readonly || !this.board || card.props.deckKey !== '') return;
    this.board.delete([card.id], this.origin);
    this.status = msg('deleted');
    if (card.props.area === 'local') this.#focusAfter = { add: card.props.column };
    this.#emit('kb-card-deleted', { itemId: card.id });
  }

  #startNew(column: Column): void {
    if (this.readonly) return;
    this.adding = column;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('form.add input')?.focus());
  }

  #cancelNew(column: Column): void {
    this.adding = null;
    this.#focusAfter = { add: column };
  }

  #submitNew(e: Event, column: Column): void {
    e.preventDefault();
    if (this.readonly || !this.board || !this.widgetId) return;
    const input = (e.currentTarget as HTMLFormElement).elements.namedItem('text') as HTMLInputElement;
    const text = input.value.trim().slice(0, MAX_CARD_TEXT);
    if (!text) {
      input.setCustomValidity(msg('emptyText'));
      input.reportValidity();
      input.setCustomValidity('');
      return;
    }
    const order = orderAfter(cardsIn(this.#cards(), 'local', column));
    const itemId = this.board.create(
      'competence-card',
      {
        props: { widget: this.widgetId, area: 'local', column, text, textEn: '', deckKey: '', order },
        ...(this.clientTag ? { createdBy: this.clientTag.slice(0, 64) } : {}),
      },
      this.origin,
    );
    this.adding = null;
    this.#focusAfter = { id: itemId };
    this.status = msg('created', { where: this.#where('local', column) });
    this.#emit('kb-card-created', { itemId });
  }

  // ---- dragging -----------------------------------------------------------------------

  #onPointerDown(e: PointerEvent, id: string): void {
    if (this.readonly) return;
    const inner = e.composedPath()[0];
    if (inner instanceof Element && inner.closest('button, textarea, input')) return;
    this.#pressed = id;
    this.#drag.start(e, id);
  }

  /** Client point to widget-local units (through the stage's scaled box). */
  #toLocal(clientX: number, clientY: number): { x: number; y: number } {
    const stage = this.renderRoot.querySelector('.stage');
    const r = stage?.getBoundingClientRect();
    if (!r || r.width === 0) return { x: clientX, y: clientY };
    const k = W / r.width;
    return { x: (clientX - r.left) * k, y: (clientY - r.top) * k };
  }

  #targetAt(clientX: number, clientY: number): DropTarget | null {
    const card = this.#cards().find((c) => c.id === this.#pressed);
    if (!card) return null;
    const p = this.#toLocal(clientX, clientY);
    const area = areaAt(p.x, p.y);
    if (area === null) return null;
    const column = card.props.column;
    const others = cardsIn(this.#cards(), area, column).filter((c) => c.id !== card.id);
    return { area, column, index: dropIndex(area, column, others.length, p.y) };
  }

  #onDragMove(id: string, m: DragMove<DropTarget>): void {
    // Client pixels per layout unit, canvas zoom included.
    const r = this.renderRoot.querySelector('.stage')?.getBoundingClientRect();
    const k = r && r.width > 0 ? r.width / W : this.scale || 1;
    this.drag = { id, dx: m.dx / k, dy: m.dy / k, target: m.target };
    const card = this.#cards().find((c) => c.id === id);
    if (!card || !this.presence || !this.board) return;
    const list = cardsIn(this.#cards(), card.props.area, card.props.column);
    const slot = cardSlots(card.props.area, card.props.column, list.length)[list.findIndex((c) => c.id === id)];
    if (!slot) return;
    const at = toBoard(this.board.get(this.widgetId)?.geometry, { x: slot.x + m.dx / k, y: slot.y + m.dy / k });
    const area = m.target?.area ?? card.props.area;
    this.presence.setDrags([{ itemId: id, x: at.x, y: at.y, target: `${area}:${card.props.column}` }]);
  }

  #endDrag(): void {
    this.drag = null;
    this.#pressed = null;
    this.presence?.setDrags([]);
  }

  #onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && this.drag) {
      e.preventDefault();
      this.#drag.cancel();
    }
  };

  // ---- plumbing -----------------------------------------------------------------------

  #measure(): void {
    // The layout width: the canvas zoom (a transform on an ancestor) must not count twice.
    const w = this.offsetWidth;
    const scale = w > 0 ? w / W : 1;
    if (Math.abs(scale - this.scale) > 1e-4) this.scale = scale;
  }

  #onFile = async (e: Event): Promise<void> => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    await this.loadDeckFile(file);
    input.value = '';
  };

  #subscribePresence(): void {
    this.#offPresence?.();
    this.#offPresence = this.presence?.onChange(() => this.requestUpdate());
  }

  #emit(name: string, detail: object): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-competence-profile': KbCompetenceProfile;
  }
}
