/**
 * The canvas's chrome, drawn over the board: the palette (`part="palette"`), the toolbar with
 * undo, redo and zoom (`part="toolbar"`), who is here (with follow), the selection's bar (note
 * colour, pick up, duplicate, delete) and the connection status. Pure render functions, as
 * `item-view.ts` is for the items: the board element passes its state and what each control
 * does; the styles are the board's (`styles.ts`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { t } from '../i18n/index.js';
import { NOTE_COLORS, type Item, type NoteColor } from '../model/index.js';
import type { ConnectionStatus } from '../sync/connection.js';
import type { Peer, User } from '../sync/presence.js';
import type { CanvasItem } from './item-view.js';
import './palette.js';
import type { GoToTarget, PaletteAdd } from './palette.js';
import './people.js';
import { ZOOM_STEP } from './viewport.js';

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
  /** Show this item ("Gå til", `kb-go-to`). */
  goTo(id: string): void;
}

export function renderChrome(s: ChromeState, board: BoardCommands, a: ChromeActions): TemplateResult {
  return html`
    <kb-palette class="bar palette" part="palette" role="toolbar" aria-label=${t('board.palette')} ?disabled=${s.readonly} .targets=${s.targets} @kb-palette-add=${(e: CustomEvent<PaletteAdd>) => a.add(e)} @kb-go-to=${(e: CustomEvent<{ id: string }>) => a.goTo(e.detail.id)}></kb-palette>
    <div class="bar top" part="toolbar" role="toolbar" aria-label=${t('board.canvas')}>
      <button aria-label=${t('board.undo')} title=${t('board.undo')} ?disabled=${s.readonly || !s.canUndo} @click=${() => board.undo()}>↶</button>
      <button aria-label=${t('board.redo')} title=${t('board.redo')} ?disabled=${s.readonly || !s.canRedo} @click=${() => board.redo()}>↷</button>
      <button aria-label=${t('board.zoomOut')} title=${t('board.zoomOut')} @click=${() => board.zoomBy(1 / ZOOM_STEP)}>−</button>
      <span aria-live="polite" class="zoom">${t('board.zoomLevel', { percent: Math.round(s.zoom * 100) })}</span>
      <button aria-label=${t('board.zoomIn')} title=${t('board.zoomIn')} @click=${() => board.zoomBy(ZOOM_STEP)}>+</button>
      <button @click=${() => board.zoomToFit()}>${t('board.zoomFit')}</button>
    </div>
    <aside class="bar people" aria-label=${t('board.here', { count: s.peers.length + 1 })}>
      <kb-people .self=${s.self} .peers=${s.peers} .following=${s.following} @kb-follow=${(e: CustomEvent<{ clientId: number | null }>) => a.follow(e.detail.clientId)}></kb-people>
    </aside>
    ${renderSelectionBar(s, board, a)}
    <div class="bar status status-${s.status}" role="status">
      <span class="dot" aria-hidden="true"></span>${t(`conn.${s.status}`)}
      ${s.readonly ? html`&nbsp;· ${t('board.readOnly')}` : nothing}
    </div>
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
