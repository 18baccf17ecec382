/**
 * `<kb-palette>`: what a participant can add to the board — a sticky note, a frame, and the
 * workshop's widgets. A click adds the tool at the centre of the view; dragging a tool onto
 * the board drops it where it is released (mouse, touch and pen alike).
 *
 * @event kb-palette-add - detail `{ tool: Tool; clientX?: number; clientY?: number }`; the point
 *   is set when the tool was dragged and released there.
 * @csspart button - each tool's button.
 * @cssproperty --kb-accent - the colour of the dragged tool's ghost.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { t } from '../i18n/index.js';
import { LocaleController } from '../i18n/lit.js';
import { WIDGET_TYPES, type WidgetType } from '../model/index.js';
import { toolButtonStyles } from './styles.js';

export type Tool = { kind: 'note' } | { kind: 'frame' } | { kind: 'widget'; widget: WidgetType };

export interface PaletteAdd {
  tool: Tool;
  clientX?: number;
  clientY?: number;
}

@customElement('kb-palette')
export class KbPalette extends LitElement {
  static override styles = [toolButtonStyles, css`
    :host {
      display: flex;
      flex-direction: column;
      gap: 6px;
    }
    button {
      touch-action: none;
    }
    :focus-visible {
      outline: 3px solid var(--kb-focus, #1f5fa8);
      outline-offset: 2px;
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
  @state() private ghost: { label: string; x: number; y: number } | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  #emit(detail: PaletteAdd): void {
    this.dispatchEvent(new CustomEvent<PaletteAdd>('kb-palette-add', { detail, bubbles: true, composed: true }));
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
    return html`${tools.map(
        ({ tool, label }) => html`<button
          part="button"
          data-tool=${tool.kind === 'widget' ? tool.widget : tool.kind}
          ?disabled=${this.disabled}
          @pointerdown=${(e: PointerEvent) => this.#onPointerDown(e, tool, label)}
          @click=${() => this.#emit({ tool })}
        >
          ${label}
        </button>`,
      )}
      ${this.ghost ? html`<div class="ghost" style=${styleMap({ left: `${this.ghost.x}px`, top: `${this.ghost.y}px` })}>${this.ghost.label}</div>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-palette': KbPalette;
  }
}
