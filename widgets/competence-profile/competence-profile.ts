import { html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { getLocale } from '../../src/i18n/index.js';
import { COLUMN_TITLES, DeckError, parseDeck } from '../../src/content/competences.js';
import { MAX_CARD_TEXT } from '../../src/model/competence-card.js';
import type { Area, Column } from '../../src/model/competence-card.js';
import { areaAt, AREAS, cardSlots, COMPETENCE_PROFILE_SIZE, dropIndex, headerRect } from '../../src/kinds/competence-profile/layout.js';
import { PointerDrag } from '../shared/drag.js';
import type { DragMove } from '../shared/drag.js';
import { orderAt } from '../../src/model/order.js';
import { PeerDragsController } from '../shared/peer-drags.js';
import { baseStyles } from '../shared/styles.js';
import { KbWidgetElement } from '../shared/widget-element.js';
import { place, toBoard } from './geometry.js';
import { cardsIn, cardsOf, orderAfter, replaceDeck } from '../../src/kinds/competence-profile/records.js';
import type { CompetenceCard } from '../../src/kinds/competence-profile/records.js';
import { msg } from './messages.js';
import { profileStyles } from './competence-profile.styles.js';
import { areaName, renderArea, renderGhosts } from './render-profile.js';
import type { CardDrag, DropTarget, ProfileView } from './render-profile.js';
import './competence-card.js';

/** The events of `<kb-competence-profile>`, by name. */
export interface CompetenceProfileEvents {
  'kb-card-moved': { itemId: string; area: Area; column: Column; order: number };
  'kb-card-created': { itemId: string };
  'kb-card-deleted': { itemId: string };
  'kb-deck-loaded': { count: number; ids: string[] };
  'kb-deck-error': { message: string };
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
 * Drawn at its natural layout size (src/kinds/competence-profile/layout.ts) scaled to the
 * element's width.
 *
 * Properties: the widget contract of `KbWidgetElement` (shared/widget-element.ts), and
 * `canEditDeck`. Parts of the element: render-profile.ts (areas, columns, cards, ghosts),
 * competence-card.ts (`<kb-competence-card>`), geometry.ts.
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
export class KbCompetenceProfile extends KbWidgetElement<CompetenceProfileEvents> implements ProfileView {
  static override styles = [baseStyles, profileStyles];

  /** Shows the "Load deck (JSON)" control (facilitators). */
  @property({ type: Boolean }) canEditDeck = false;

  @state() private scale = 1;
  @state() drag: CardDrag | null = null;
  @state() adding: Column | null = null;
  @state() private deckError = '';
  @state() private status = '';

  #pressed: string | null = null;
  #focusAfter: { id: string } | { add: Column } | null = null;
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
    new PeerDragsController(this, () => this.presence, (id) => {
      const item = this.board?.get(id);
      return item?.kind === 'competence-card' && item.props.widget === this.widgetId;
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize = new ResizeObserver(() => this.#measure());
    this.#resize.observe(this);
    this.#measure();
    this.addEventListener('keydown', this.#onKeyDown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.removeEventListener('keydown', this.#onKeyDown);
    if (this.drag) this.#drag.cancel();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('readonly') && this.readonly) {
      this.adding = null;
      if (this.drag) this.#drag.cancel();
    }
  }

  /** Focuses the profile's first card, else its first control (the canvas calls this when a participant jumps to the widget). */
  override focus(options?: FocusOptions): void {
    (this.renderRoot.querySelector<HTMLElement>('kb-competence-card') ?? this.renderRoot.querySelector<HTMLElement>('button:not([disabled])'))?.focus(options);
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
      this.emit('kb-deck-error', { message });
      return false;
    }
    this.deckError = '';
    const ids = replaceDeck(this.board, this.widgetId, deck, this.origin);
    this.status = msg('deckLoaded', { count: deck.length });
    this.emit('kb-deck-loaded', { count: deck.length, ids });
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
          ${AREAS.map((area) => renderArea(this, area, cards))} ${this.#renderGhosts(cards)}
          <div class="visually-hidden" role="status" aria-live="polite">${this.status}</div>
        </div>
      </div>
    `;
  }

  #renderGhosts(cards: CompetenceCard[]) {
    if (!this.presence || !this.board) return nothing;
    return renderGhosts(this, this.presence.peers(), cards, this.board.get(this.widgetId)?.geometry);
  }

  /** @internal A card's text in the current language. */
  textOf(card: CompetenceCard): string {
    return getLocale() === 'en' && card.props.textEn !== '' ? card.props.textEn : card.props.text;
  }

  // ---- writing ------------------------------------------------------------------------

  #cards(): CompetenceCard[] {
    return this.board && this.widgetId ? cardsOf(this.board, this.widgetId) : [];
  }

  #where(area: Area, column: Column): string {
    return `${areaName(area)}, ${COLUMN_TITLES[column][getLocale()]}`;
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
    this.status = msg('moved', { text: this.textOf(card), where: this.#where(area, column) });
    this.emit('kb-card-moved', { itemId: id, area, column, order });
  }

  /** @internal */
  onToggle(id: string): void {
    if (this.readonly || !this.board) return;
    const cards = this.#cards();
    const card = cards.find((c) => c.id === id);
    if (!card) return;
    const area: Area = card.props.area === 'local' ? 'generic' : 'local';
    const count = cardsIn(cards, area, card.props.column).length;
    this.#focusAfter = { id };
    this.#moveTo(id, area, count);
  }

  /** @internal */
  onReorder(id: string, delta: number): void {
    const card = this.#cards().find((c) => c.id === id);
    if (!card) return;
    const list = cardsIn(this.#cards(), card.props.area, card.props.column);
    const to = list.findIndex((c) => c.id === id) + Math.sign(delta);
    if (to < 0 || to >= list.length) return;
    this.#moveTo(id, card.props.area, to);
  }

  /** @internal */
  onEdit(id: string, text: string): void {
    if (this.readonly || !this.board) return;
    const t = text.trim().slice(0, MAX_CARD_TEXT);
    if (t) this.board.updateProps<'competence-card'>(id, { text: t }, this.origin);
  }

  /** @internal */
  onDelete(card: CompetenceCard): void {
    if (this.readonly || !this.board || card.props.deckKey !== '') return;
    this.board.delete([card.id], this.origin);
    this.status = msg('deleted');
    if (card.props.area === 'local') this.#focusAfter = { add: card.props.column };
    this.emit('kb-card-deleted', { itemId: card.id });
  }

  /** @internal */
  onStartNew(column: Column): void {
    if (this.readonly) return;
    this.adding = column;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('form.add input')?.focus());
  }

  /** @internal */
  onCancelNew(column: Column): void {
    this.adding = null;
    this.#focusAfter = { add: column };
  }

  /** @internal */
  onSubmitNew(e: Event, column: Column): void {
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
    this.emit('kb-card-created', { itemId });
  }

  // ---- dragging -----------------------------------------------------------------------

  /** @internal */
  onCardPointerDown(e: PointerEvent, id: string): void {
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
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-competence-profile': KbCompetenceProfile;
  }
}
