import { html, LitElement, nothing, svg } from 'lit';
import type { PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { getLocale } from '../../src/i18n/index.js';
import { LocaleController } from '../../src/i18n/lit.js';
import { COLUMN_TITLES } from '../../src/content/competences.js';
import { MAX_CARD_TEXT } from '../../src/model/competence-card.js';
import type { Area, Column } from '../../src/model/competence-card.js';
import { baseStyles } from '../shared/styles.js';
import { emitEvent } from '../shared/widget-element.js';
import { cardStyles } from './competence-card.styles.js';
import { msg } from './messages.js';

const ARROW_UP = svg`<path d="M8 13V3M3.5 7.5 8 3l4.5 4.5" />`;
const ARROW_DOWN = svg`<path d="M8 3v10M3.5 8.5 8 13l4.5-4.5" />`;
const PEN = svg`<path d="M10.5 2.5l3 3L6 13H3v-3z" />`;
const BIN = svg`<path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.7 8.5h5.6l.7-8.5" />`;
const icon = (path: ReturnType<typeof svg>) => html`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">${path}</svg>`;

/**
 * One card of the competence profile: its text, a button that moves it to the other profile,
 * and (on hover or focus) buttons to move it up or down its column and, for a group's own card,
 * to edit or delete it. Presentational: it writes nothing and asks its profile through events.
 *
 * Keyboard, on the focused card: Enter or Space moves it to the other profile
 * (`kb-card-toggle`), Alt+ArrowUp / Alt+ArrowDown moves it within its column (`kb-card-reorder`).
 *
 * @event kb-card-toggle - The user asks to move the card to the other area; `detail: { area }` is the target area.
 * @event kb-card-reorder - The user asks to move the card within its column; `detail: { delta: -1 | 1 }`.
 * @event kb-card-edit - An own card's text was edited; `detail: { text }` (trimmed, 1..300 characters).
 * @event kb-card-delete - The user asks to delete an own card.
 *
 * @csspart card - The card's box (focusable).
 * @csspart text - The card's text.
 * @csspart move-button - The button that moves the card to the other profile.
 * @csspart reorder-button - The move up / move down buttons.
 * @csspart edit-button - The edit button of an own card.
 * @csspart delete-button - The delete button of an own card.
 * @csspart editor - The inline text field of an own card being edited.
 *
 * @cssproperty --kb-competence-card-bg - Card background in the generic profile.
 * @cssproperty --kb-competence-card-border - Card border in the generic profile.
 * @cssproperty --kb-competence-card-local-bg - Card background in the local profile.
 * @cssproperty --kb-competence-card-local-border - Card border in the local profile.
 * @cssproperty --kb-competence-card-font-size - Card text size (default 14px).
 */
@customElement('kb-competence-card')
export class KbCompetenceCard extends LitElement {
  static override styles = [baseStyles, cardStyles];
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The text to show (already in the current language). */
  @property() text = '';
  /** The profile the card lies in. */
  @property({ reflect: true }) area: Area = 'generic';
  /** The card's column. */
  @property({ reflect: true }) column: Column = 'viden';
  /** A card the group wrote itself (editable, deletable). */
  @property({ type: Boolean, reflect: true }) own = false;
  /** The card is being dragged. */
  @property({ type: Boolean, reflect: true }) dragging = false;
  /** Nothing can be changed (a locked board). */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** Whether the card can move up / down in its column. */
  @property({ type: Boolean }) canMoveUp = false;
  @property({ type: Boolean }) canMoveDown = false;

  @state() private editing = false;
  @query('.card') private cardEl!: HTMLElement;
  @query('textarea') private field!: HTMLTextAreaElement | null;

  constructor() {
    super();
    new LocaleController(this);
  }

  /** Focuses the card itself (not one of its buttons). */
  override focus(options?: FocusOptions): void {
    if (this.cardEl) this.cardEl.focus(options);
    else void this.updateComplete.then(() => this.cardEl?.focus(options));
  }

  override render() {
    const text = this.text;
    const other: Area = this.area === 'local' ? 'generic' : 'local';
    const where = `${msg(this.area === 'local' ? 'localArea' : 'genericArea')}, ${COLUMN_TITLES[this.column][getLocale()]}`;
    const label = msg('cardLabel', { text, where }) + (this.own ? ` (${msg('ownCard')})` : '');
    return html`
      <div
        part="card"
        class="card"
        tabindex="0"
        role="article"
        aria-label=${label}
        aria-describedby="hint"
        aria-disabled=${this.readonly ? 'true' : nothing}
        @keydown=${this.onKeyDown}
      >
        ${this.editing
          ? html`<div class="editor" part="editor">
              <textarea
                aria-label=${msg('editField')}
                maxlength=${MAX_CARD_TEXT}
                .value=${text}
                @keydown=${this.onEditorKey}
              ></textarea>
              <div class="buttons">
                <button type="button" @click=${this.save}>${msg('save')}</button>
                <button type="button" @click=${this.cancelEdit}>${msg('cancel')}</button>
              </div>
            </div>`
          : html`<span part="text" class="text" title=${text}>${text}</span>`}
        <div class="actions">
          <button
            type="button"
            class="icon"
            part="move-button"
            aria-label=${msg(other === 'local' ? 'toLocal' : 'toGeneric', { text })}
            title=${this.readonly ? msg('locked') : msg(other === 'local' ? 'toLocalShort' : 'toGenericShort')}
            ?disabled=${this.readonly}
            @click=${this.toggle}
          >
            ${icon(other === 'local' ? ARROW_UP : ARROW_DOWN)}
          </button>
        </div>
        ${this.readonly || this.editing
          ? nothing
          : html`<div class="tools">
              <button type="button" class="icon" part="reorder-button" aria-label=${msg('moveUp', { text })} title=${msg('moveUp', { text })} ?disabled=${!this.canMoveUp} @click=${() => this.reorder(-1)}>
                ${icon(ARROW_UP)}
              </button>
              <button type="button" class="icon" part="reorder-button" aria-label=${msg('moveDown', { text })} title=${msg('moveDown', { text })} ?disabled=${!this.canMoveDown} @click=${() => this.reorder(1)}>
                ${icon(ARROW_DOWN)}
              </button>
              ${this.own
                ? html`<button type="button" class="icon" part="edit-button" aria-label=${msg('edit', { text })} title=${msg('edit', { text })} @click=${this.startEdit}>
                      ${icon(PEN)}
                    </button>
                    <button type="button" class="icon" part="delete-button" aria-label=${msg('delete', { text })} title=${msg('delete', { text })} @click=${this.remove_}>
                      ${icon(BIN)}
                    </button>`
                : nothing}
            </div>`}
        <span id="hint" class="visually-hidden">${this.readonly ? msg('locked') : msg('cardHint')}</span>
      </div>
    `;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('readonly') && this.readonly) this.editing = false;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('editing') && this.editing) this.field?.focus();
  }

  private emit(name: string, detail: object = {}): void {
    emitEvent(this, name, detail);
  }

  private toggle = (): void => {
    if (this.readonly) return;
    this.emit('kb-card-toggle', { area: this.area === 'local' ? 'generic' : 'local' });
  };

  private reorder(delta: -1 | 1): void {
    if (this.readonly) return;
    if ((delta < 0 && !this.canMoveUp) || (delta > 0 && !this.canMoveDown)) return;
    this.emit('kb-card-reorder', { delta });
  }

  private onKeyDown = (e: KeyboardEvent): void => {
    // Only keys on the card itself; its buttons and field handle their own.
    if (e.composedPath()[0] !== this.cardEl || this.readonly || this.editing) return;
    if (!e.altKey && !e.ctrlKey && !e.metaKey && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      this.toggle();
    } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      this.reorder(e.key === 'ArrowUp' ? -1 : 1);
    }
  };

  private startEdit = (): void => {
    if (!this.readonly && this.own) this.editing = true;
  };

  private cancelEdit = (): void => {
    this.editing = false;
    void this.updateComplete.then(() => this.focus());
  };

  private save = (): void => {
    const text = (this.field?.value ?? '').trim();
    if (!text) {
      this.field?.setCustomValidity(msg('emptyText'));
      this.field?.reportValidity();
      return;
    }
    this.editing = false;
    if (text !== this.text) this.emit('kb-card-edit', { text: text.slice(0, MAX_CARD_TEXT) });
    void this.updateComplete.then(() => this.focus());
  };

  private onEditorKey = (e: KeyboardEvent): void => {
    this.field?.setCustomValidity('');
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.cancelEdit();
    } else if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      this.save();
    }
  };

  private remove_ = (): void => {
    if (!this.readonly && this.own) this.emit('kb-card-delete');
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-competence-card': KbCompetenceCard;
  }
}
