/**
 * `<kb-palette>`: what a participant can add to the board ("Tilføj": a sticky note, a frame,
 * the workshop's widgets) and, apart from it, "Gå til": every tool already on the board by
 * name. A click on an add button adds the tool at the centre of the view; dragging it onto
 * the board drops it where it is released (mouse, touch and pen alike). Adding a widget the
 * board already has asks first, and offers to show the one there is.
 *
 * @event kb-palette-add - detail `{ tool: Tool; clientX?: number; clientY?: number }`; the point
 *   is set when the tool was dragged and released there.
 * @event kb-go-to - detail `{ id: string }`: show this item (a tool or a frame on the board).
 * @csspart button - each tool's button (styled as the board's, `buttonStyles`).
 * @cssproperty --kb-accent - the colour of the dragged tool's ghost.
 */
import { adoptStyles, css, html, LitElement, nothing, type CSSResult, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { t } from '../i18n/index.js';
import { LocaleController } from '../i18n/lit.js';
import { WIDGET_TYPES, type WidgetType } from '../model/index.js';
import { tm } from './task-messages.js';

export type Tool = { kind: 'note' } | { kind: 'frame' } | { kind: 'widget'; widget: WidgetType };

export interface PaletteAdd {
  tool: Tool;
  clientX?: number;
  clientY?: number;
}

/** An item "Gå til" offers: a tool (`widget` set) or a frame. */
export interface GoToTarget {
  id: string;
  label: string;
  widget?: WidgetType;
}

@customElement('kb-palette')
export class KbPalette extends LitElement {
  static override styles = [css`
    :host {
      display: flex;
      flex-direction: column;
      gap: 6px;
      position: relative;
    }
    [role='group'] {
      display: contents;
    }
    .head {
      font-size: 13px;
      font-weight: 700;
      color: var(--kb-text-muted, #4b5563);
      margin: 2px 2px 0;
    }
    button {
      touch-action: none;
    }
    .go-to {
      margin-top: 6px;
    }
    .add::before {
      content: '+' / '';
      font-weight: 700;
      margin-right: 4px;
    }
    :focus-visible {
      outline: 3px solid var(--kb-focus, #1f5fa8);
      outline-offset: 2px;
    }
    .menu {
      position: absolute;
      z-index: 21;
      left: calc(100% + 10px);
      top: 0;
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: 220px;
      padding: 6px;
      margin: 0;
      list-style: none;
      background: var(--kb-surface, #fff);
      border: 1px solid var(--kb-border, #d5d8dc);
      border-radius: var(--kb-radius, 10px);
      box-shadow: var(--kb-shadow-lifted, 0 6px 18px rgb(0 0 0 / 0.18));
    }
    .menu button {
      width: 100%;
      touch-action: manipulation;
    }
    @media (max-width: 599px) {
      .menu {
        left: 0;
        top: auto;
        bottom: calc(100% + 10px);
      }
    }
    dialog {
      max-width: min(420px, 90vw);
      border: none;
      border-radius: var(--kb-radius, 10px);
      box-shadow: var(--kb-shadow-lifted, 0 6px 18px rgb(0 0 0 / 0.18));
      font-size: 16px;
    }
    dialog .row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-top: 12px;
    }
    dialog button {
      min-height: 44px;
    }
    .ghost {
      position: fixed;
      pointer-events: none;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--kb-accent, #1f5fa8);
      color: #fff;
      z-index: 20;
    }
  `];

  @property({ type: Boolean }) disabled = false;
  /**
   * The board's button styles (styles.ts), handed over by the chrome: the palette loads apart
   * from the board (just after it), and importing them itself would split them out of the
   * board's first bundle.
   */
  @property({ attribute: false }) buttonStyles: CSSResult | null = null;
  /** What is on the board to go to (tools and frames), in board order. */
  @property({ attribute: false }) targets: GoToTarget[] = [];
  @state() private ghost: { label: string; x: number; y: number } | null = null;
  @state() private menu = false;
  /** An add waiting for "add another?" (the board already has that widget). */
  @state() private asking: PaletteAdd | null = null;
  @query('dialog') private dialog!: HTMLDialogElement;

  constructor() {
    super();
    new LocaleController(this);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('buttonStyles') && this.buttonStyles) adoptStyles(this.renderRoot as ShadowRoot, [this.buttonStyles, ...KbPalette.elementStyles]);
  }

  #emit(detail: PaletteAdd): void {
    const w = detail.tool.kind === 'widget' ? detail.tool.widget : null;
    if (w && this.targets.some((x) => x.widget === w)) {
      this.asking = detail;
      void this.updateComplete.then(() => this.dialog?.showModal());
      return;
    }
    this.dispatchEvent(new CustomEvent<PaletteAdd>('kb-palette-add', { detail, bubbles: true, composed: true }));
  }

  #goTo(id: string): void {
    this.menu = false;
    this.dispatchEvent(new CustomEvent('kb-go-to', { detail: { id }, bubbles: true, composed: true }));
  }

  /** The answer to "add another?": add it, show the one there is, or neither. */
  #answer(add: boolean, show = false): void {
    const ask = this.asking;
    this.asking = null;
    this.dialog?.close();
    if (!ask || ask.tool.kind !== 'widget') return;
    const w = ask.tool.widget;
    if (add) this.dispatchEvent(new CustomEvent<PaletteAdd>('kb-palette-add', { detail: ask, bubbles: true, composed: true }));
    else if (show) this.#goTo(this.targets.find((x) => x.widget === w)?.id ?? '');
  }

  #onPointerDown(e: PointerEvent, tool: Tool, label: string): void {
    if (e.button !== 0 || this.disabled) return;
    const btn = e.currentTarget as HTMLElement;
    try {
      btn.setPointerCapture(e.pointerId);
    } catch {
      // the pointer is already gone
    }
    const x0 = e.clientX;
    const y0 = e.clientY;
    let dragging = false;
    const move = (ev: PointerEvent): void => {
      if (!dragging && Math.hypot(ev.clientX - x0, ev.clientY - y0) < 6) return;
      dragging = true;
      this.ghost = { label, x: ev.clientX + 8, y: ev.clientY + 8 };
    };
    const end = (ev: PointerEvent): void => {
      btn.removeEventListener('pointermove', move);
      btn.removeEventListener('pointerup', end);
      btn.removeEventListener('pointercancel', end);
      this.ghost = null;
      if (!dragging) return; // a click: handled by @click
      // The click that follows a drag must not also add the tool.
      btn.addEventListener('click', (c) => c.stopImmediatePropagation(), { capture: true, once: true });
      if (ev.type === 'pointerup') this.#emit({ tool, clientX: ev.clientX, clientY: ev.clientY });
    };
    btn.addEventListener('pointermove', move);
    btn.addEventListener('pointerup', end);
    btn.addEventListener('pointercancel', end);
  }

  override render() {
    const tools: { tool: Tool; label: string }[] = [
      { tool: { kind: 'note' }, label: t('board.addNote') },
      { tool: { kind: 'frame' }, label: t('board.addFrame') },
      ...WIDGET_TYPES.map((w) => ({ tool: { kind: 'widget', widget: w } as Tool, label: t(`widget.${w}`) })),
    ];
    const asked = this.asking?.tool.kind === 'widget' ? t(`widget.${this.asking.tool.widget}`) : '';
    return html`<div role="group" aria-labelledby="add-h">
        <span class="head" id="add-h">${tm('add')}</span>
        ${tools.map(
          ({ tool, label }) => html`<button
            part="button"
            class="add"
            data-tool=${tool.kind === 'widget' ? tool.widget : tool.kind}
            ?disabled=${this.disabled}
            @pointerdown=${(e: PointerEvent) => this.#onPointerDown(e, tool, label)}
            @click=${() => this.#emit({ tool })}
          >
            ${label}
          </button>`,
        )}
      </div>
      <button part="button" class="go-to" data-action="go-to" aria-expanded=${this.menu ? 'true' : 'false'} aria-controls="go-to" @click=${() => (this.menu = !this.menu)}>${tm('goTo')} …</button>
      ${this.menu
        ? html`<ul class="menu" id="go-to" aria-label=${tm('goTo')} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && (this.menu = false)}>
            ${this.targets.length === 0 ? html`<li>${tm('nothing')}</li>` : nothing}
            ${this.targets.map((x) => html`<li><button data-go-to=${x.id} aria-label=${tm('goToTool', { name: x.label })} @click=${() => this.#goTo(x.id)}>${x.label}</button></li>`)}
          </ul>`
        : nothing}
      <dialog aria-labelledby="again-h" @close=${() => (this.asking = null)}>
        ${this.asking
          ? html`<p id="again-h">${tm('again', { name: asked })} ${tm('againQuestion')}</p>
              <div class="row">
                <button data-action="add-another" @click=${() => this.#answer(true)}>${tm('addAnother')}</button>
                <button data-action="show-existing" @click=${() => this.#answer(false, true)}>${tm('showIt')}</button>
                <button data-action="cancel" @click=${() => this.#answer(false)}>${tm('cancel')}</button>
              </div>`
          : nothing}
      </dialog>
      ${this.ghost ? html`<div class="ghost" style=${`left:${this.ghost.x}px;top:${this.ghost.y}px`}>${this.ghost.label}</div>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-palette': KbPalette;
  }
}
