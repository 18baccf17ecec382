/**
 * The templates of the competence profile below its header: a profile area, its columns, the
 * cards in their slots, the "+ own card" control and peers' cards in flight. Pure functions of
 * what they read from the element (`ProfileView`); every control calls back into it.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { COLUMN_TITLES } from '../../src/content/competences.js';
import { getLocale } from '../../src/i18n/index.js';
import {
  addCardRect,
  areaRect,
  areaTitleRect,
  CARD_HEIGHT,
  cardSlots,
  COLUMNS,
  columnBodyRect,
  columnHeadingRect,
  columnRect,
} from '../../src/kinds/competence-profile/layout.js';
import { cardsIn } from '../../src/kinds/competence-profile/records.js';
import type { CompetenceCard } from '../../src/kinds/competence-profile/records.js';
import type { Rect } from '../../src/layout/rect.js';
import { MAX_CARD_TEXT } from '../../src/model/competence-card.js';
import type { Area, Column } from '../../src/model/competence-card.js';
import type { Geometry } from '../../src/model/index.js';
import type { Peer } from '../../src/sync/presence.js';
import { fromBoard, place } from './geometry.js';
import { msg } from './messages.js';

/** Where a dragged card would land. */
export interface DropTarget {
  area: Area;
  column: Column;
  /** Index among the column's other cards. */
  index: number;
}

/** A card being dragged here: its offset in layout units and where it would land. */
export interface CardDrag {
  id: string;
  dx: number;
  dy: number;
  target: DropTarget | null;
}

/** What the templates read from, and call back into, the element. */
export interface ProfileView {
  readonly readonly: boolean;
  readonly drag: CardDrag | null;
  /** The column whose "own card" form is open, if any. */
  readonly adding: Column | null;
  /** A card's text in the current language. */
  textOf(card: CompetenceCard): string;
  onCardPointerDown(e: PointerEvent, id: string): void;
  onToggle(id: string): void;
  onReorder(id: string, delta: number): void;
  onEdit(id: string, text: string): void;
  onDelete(card: CompetenceCard): void;
  onStartNew(column: Column): void;
  onCancelNew(column: Column): void;
  onSubmitNew(e: Event, column: Column): void;
}

export function areaName(area: Area): string {
  return msg(area === 'local' ? 'localArea' : 'genericArea');
}

export function renderArea(view: ProfileView, area: Area, cards: CompetenceCard[]): TemplateResult {
  const r = areaRect(area);
  const titleId = `title-${area}`;
  return html`
    <section class="abs area ${area}" part="area ${area}-area" style=${place(r)} aria-labelledby=${titleId}>
      <h3 id=${titleId} class="abs area-title" style=${place(areaTitleRect(area), r)}>
        ${areaName(area)}
      </h3>
      ${COLUMNS.map((column) => renderColumn(view, area, column, cardsIn(cards, area, column), r))}
    </section>
  `;
}

function renderColumn(view: ProfileView, area: Area, column: Column, list: CompetenceCard[], areaR: { x: number; y: number }): TemplateResult {
  const c = columnRect(area, column);
  const slots = cardSlots(area, column, list.length);
  const title = COLUMN_TITLES[column][getLocale()];
  const headingId = `heading-${area}-${column}`;
  const target = view.drag?.target;
  const isTarget = target !== null && target !== undefined && target.area === area && target.column === column;
  return html`
    <div class="abs column ${isTarget ? 'drop-target' : ''}" part="column" style=${place(c, areaR)} data-area=${area} data-column=${column}>
      <h4 id=${headingId} class="abs column-heading" part="column-heading" style=${place(columnHeadingRect(area, column), c)}>
        <span>${title}</span><span class="count">${msg('cardCount', { count: list.length })}</span>
      </h4>
      <ul class="cards" aria-label=${msg('columnList', { area: areaName(area), column: title })}>
        ${repeat(
          list,
          (card) => card.id,
          (card, i) => renderCard(view, card, slots[i] ?? columnBodyRect(area, column), c, i, list.length),
        )}
      </ul>
      ${area === 'local' ? renderAdd(view, column, c) : nothing}
    </div>
  `;
}

function renderCard(view: ProfileView, card: CompetenceCard, slot: Rect, colR: { x: number; y: number }, i: number, n: number): TemplateResult {
  const drag = view.drag;
  const dragging = drag?.id === card.id;
  const shift = dragging && drag ? `;transform:translate(${drag.dx}px,${drag.dy}px)` : '';
  return html`
    <li class="abs slot ${dragging ? 'dragging' : ''}" style=${place(slot, colR) + shift}>
      <kb-competence-card
        data-item-id=${card.id}
        .text=${view.textOf(card)}
        .area=${card.props.area}
        .column=${card.props.column}
        .own=${card.props.deckKey === ''}
        .dragging=${dragging}
        .readonly=${view.readonly}
        .canMoveUp=${i > 0}
        .canMoveDown=${i < n - 1}
        @pointerdown=${(e: PointerEvent) => view.onCardPointerDown(e, card.id)}
        @kb-card-toggle=${() => view.onToggle(card.id)}
        @kb-card-reorder=${(e: CustomEvent<{ delta: number }>) => view.onReorder(card.id, e.detail.delta)}
        @kb-card-edit=${(e: CustomEvent<{ text: string }>) => view.onEdit(card.id, e.detail.text)}
        @kb-card-delete=${() => view.onDelete(card)}
      ></kb-competence-card>
    </li>
  `;
}

function renderAdd(view: ProfileView, column: Column, colR: { x: number; y: number }): TemplateResult {
  const r = addCardRect(column);
  const title = COLUMN_TITLES[column][getLocale()];
  if (view.adding === column && !view.readonly) {
    return html`<form class="abs add" style=${place(r, colR)} @submit=${(e: Event) => view.onSubmitNew(e, column)}>
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
            view.onCancelNew(column);
          }
        }}
      />
      <button type="submit">${msg('save')}</button>
      <button type="button" @click=${() => view.onCancelNew(column)}>${msg('cancel')}</button>
    </form>`;
  }
  return html`<div class="abs add" style=${place(r, colR)}>
    <button
      type="button"
      class="add-button"
      part="add-button"
      data-add=${column}
      aria-label=${msg('addOwnLabel', { column: title })}
      title=${view.readonly ? msg('locked') : nothing}
      ?disabled=${view.readonly}
      @click=${() => view.onStartNew(column)}
    >
      ${msg('addOwn')}
    </button>
  </div>`;
}

/** Peers' cards in flight, drawn where the peer holds them, with the peer's name. */
export function renderGhosts(view: ProfileView, peers: readonly Peer[], cards: CompetenceCard[], geometry: Geometry | undefined): TemplateResult[] {
  const byId = new Map(cards.map((c) => [c.id, c]));
  const ghosts: TemplateResult[] = [];
  for (const peer of peers) {
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
        ${view.textOf(card)}<span class="who">${msg('dragging', { name: peer.user.name })}</span>
      </div>`);
    }
  }
  return ghosts;
}
