/**
 * The canvas's chrome, drawn over the board: the palette (`part="palette"`), the toolbar with
 * undo, redo and zoom (`part="toolbar"`), who is here (with follow), the selection's bar (note
 * colour, pick up, duplicate, delete), the connection status, and the skip links that jump
 * from tool to tool. Pure render functions, as `item-view.ts` is for the items: the board
 * element passes its state and what each control does; the styles are the board's (`styles.ts`).
 *
 * Below 600 CSS px wide (`ChromeLayout.compact`) the palette, the zoom bar, the people and the
 * status fold into one bar at the bottom (`part="toolbar"`); the palette and the people open
 * from it as a sheet above it. At every width no control lies over another and every control
 * is at least 44x44 CSS px.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { t } from '../i18n/index.js';
import { NOTE_COLORS, type Item, type NoteColor } from '../model/index.js';
import type { ConnectionStatus } from '../sync/connection.js';
import type { Peer, User } from '../sync/presence.js';
import type { CanvasItem } from './item-view.js';
import { cm } from './messages.js';
import type { GoToTarget, PaletteAdd } from './palette.js';
import './people.js';
import { toolButtonStyles } from './styles.js';
import { ZOOM_STEP } from './viewport.js';

export type Sheet = 'palette' | 'people' | null;

/** Narrow or wide, and the sheet open from the bottom bar: a controller over its host's width. */
export class ChromeLayout implements ReactiveController {
  compact = false;
  sheet: Sheet = null;
  #measured = false;
  readonly #size = new ResizeObserver(([e]) => {
    const compact = (e?.contentRect.width ?? 800) < 600;
    if (compact === this.compact) return;
    this.compact = compact;
    this.sheet = null;
    this.host.requestUpdate();
  });

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#size.observe(this.host);
  }

  /** The first render already has the right bars (the opening view keeps clear of them). */
  hostUpdate(): void {
    if (this.#measured) return;
    const w = this.host.clientWidth;
    if (w === 0) return;
    this.#measured = true;
    this.compact = w < 600;
  }

  hostDisconnected(): void {
    this.#size.disconnect();
  }

  /** Opens `sheet`, or closes it when it is open (null: close). */
  toggle(sheet: Sheet): void {
    this.sheet = this.sheet === sheet ? null : sheet;
    this.host.requestUpdate();
  }
}

export interface ChromeState {
  readonly: boolean;
  status: ConnectionStatus;
  zoom: number;
  canUndo: boolean;
  canRedo: boolean;
  self: User | null;
  peers: Peer[];
  following: number | null;
  /** How many items are selected (the selection's bar shows while some are). */
  selectionSize: number;
  /** The selected items still on the canvas. */
  selected: CanvasItem[];
  /** The bottom bar instead of the floating bars, and the sheet open from it. */
  compact: boolean;
  sheet: Sheet;
  /** What the palette's "Gå til" offers (and what "add another?" checks against). */
  targets: GoToTarget[];
}

/** The board's own commands the bars offer (the `<kb-board>` element's public methods). */
export interface BoardCommands {
  undo(): void;
  redo(): void;
  zoomBy(factor: number): void;
  zoomToFit(): void;
  pickUp(): void;
  duplicateSelection(): void;
  deleteSelection(): void;
}

export interface ChromeActions {
  /** A palette tool was clicked, or dragged and released (`kb-palette-add`). */
  add(e: CustomEvent<PaletteAdd>): void;
  /** Follow this participant's view (null: stop). */
  follow(clientId: number | null): void;
  setColor(notes: Item<'note'>[], color: NoteColor): void;
  /** Opens or closes a sheet of the bottom bar. */
  sheet(sheet: Sheet): void;
  /** Show this item ("Gå til", `kb-go-to`). */
  goTo(id: string): void;
}

const button = (label: string, icon: string, click: () => void, disabled = false) =>
  html`<button aria-label=${label} title=${label} ?disabled=${disabled} @click=${click}>${icon}</button>`;

export function renderChrome(s: ChromeState, board: BoardCommands, a: ChromeActions): TemplateResult {
  const here = t('board.here', { count: s.peers.length + 1 });
  const palette = html`<kb-palette class=${s.compact ? '' : 'bar palette'} part="palette" role="toolbar" aria-label=${t('board.palette')} ?disabled=${s.readonly} .targets=${s.targets} .buttonStyles=${toolButtonStyles} @kb-palette-add=${(e: CustomEvent<PaletteAdd>) => {
    a.add(e);
    if (s.sheet) a.sheet(null);
  }} @kb-go-to=${(e: CustomEvent<{ id: string }>) => {
    a.goTo(e.detail.id);
    if (s.sheet) a.sheet(null);
  }}></kb-palette>`;
  const people = html`<kb-people .self=${s.self} .peers=${s.peers} .following=${s.following} @kb-follow=${(e: CustomEvent<{ clientId: number | null }>) => a.follow(e.detail.clientId)}></kb-people>`;
  const zoom = html`${button(t('board.undo'), '↶', () => board.undo(), s.readonly || !s.canUndo)}
    ${button(t('board.redo'), '↷', () => board.redo(), s.readonly || !s.canRedo)}
    ${button(t('board.zoomOut'), '−', () => board.zoomBy(1 / ZOOM_STEP))}
    <span aria-live="polite" class="zoom ${s.compact ? 'visually-hidden' : ''}">${t('board.zoomLevel', { percent: Math.round(s.zoom * 100) })}</span>
    ${button(t('board.zoomIn'), '+', () => board.zoomBy(ZOOM_STEP))}`;
  const status = html`<span class="dot" aria-hidden="true"></span><span class=${s.compact ? 'visually-hidden' : ''}>${t(`conn.${s.status}`)}${s.readonly ? html`&nbsp;· ${t('board.readOnly')}` : nothing}</span>`;
  if (s.compact) {
    return html`
      ${s.sheet
        ? html`<div class="bar sheet" id="sheet" role="region" aria-label=${s.sheet === 'palette' ? t('board.palette') : here} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && a.sheet(null)}>
            ${s.sheet === 'palette' ? palette : people}
            <button class="close" @click=${() => a.sheet(null)}>${cm('close')}</button>
          </div>`
        : renderSelectionBar(s, board, a)}
      <div class="bar dock status-${s.status}" part="toolbar" role="toolbar" aria-label=${t('board.canvas')}>
        <button class="tools" aria-expanded=${String(s.sheet === 'palette')} aria-controls="sheet" ?disabled=${s.readonly} @click=${() => a.sheet('palette')}>${t('board.palette')}</button>
        ${zoom}
        <button class="who" aria-expanded=${String(s.sheet === 'people')} aria-controls="sheet" aria-label=${cm('here', { count: s.peers.length + 1 })} @click=${() => a.sheet('people')}>${s.peers.length + 1}</button>
        <span role="status">${status}</span>
      </div>
    `;
  }
  return html`
    ${palette}
    <div class="bar top" part="toolbar" role="toolbar" aria-label=${t('board.canvas')}>
      ${zoom}
      <button @click=${() => board.zoomToFit()}>${t('board.zoomFit')}</button>
    </div>
    <aside class="bar people" aria-label=${here}>${people}</aside>
    ${renderSelectionBar(s, board, a)}
    <div class="bar status status-${s.status}" role="status">${status}</div>
  `;
}

function renderSelectionBar(s: ChromeState, board: BoardCommands, a: ChromeActions): TemplateResult | typeof nothing {
  if (s.selectionSize === 0 || s.readonly) return nothing;
  const notes = s.selected.filter((i): i is Item<'note'> => i.kind === 'note');
  return html`<div class="bar selection" role="toolbar" aria-label=${t('board.palette')}>
    ${notes.length > 0
      ? html`<label class="visually-hidden" for="note-color">${t('board.color')}</label>
          <select id="note-color" aria-label=${t('board.color')} @change=${(e: Event) => a.setColor(notes, (e.target as HTMLSelectElement).value as NoteColor)}>
            ${NOTE_COLORS.map((c) => html`<option value=${c} ?selected=${notes[0]?.props.color === c}>${t(`color.${c}`)}</option>`)}
          </select>`
      : nothing}
    <button @click=${() => board.pickUp()}>${t('board.pickUp')}</button>
    <button @click=${() => board.duplicateSelection()}>${t('board.duplicate')}</button>
    <button @click=${() => board.deleteSelection()}>${t('board.delete')}</button>
  </div>`;
}

/**
 * The skip links: one per tool on the board, first in the tab order (shown when focused). Each
 * moves focus into its tool.
 */
export function renderSkipLinks(tools: readonly Item<'widget'>[], go: (id: string) => void): TemplateResult | typeof nothing {
  if (tools.length === 0) return nothing;
  return html`<nav class="skip" aria-label=${cm('skipTo')}>
    ${tools.map((i) => html`<button @click=${() => go(i.id)}>${t(`widget.${i.props.widget}`)}</button>`)}
  </nav>`;
}
