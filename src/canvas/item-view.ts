/**
 * How one canvas item is drawn: a sticky note, a frame, or a placed widget's host (the
 * widget's own element, told the board, origin and presence). Pure render functions: the
 * board element decides state and passes what the item may do.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { t } from '../i18n/index.js';
import type { Board, Item, NoteColor, Origin } from '../model/index.js';
import type { Peer, Presence } from '../sync/presence.js';
import { widgetKind } from '../kinds/index.js';

export type CanvasItem = Item<'note' | 'frame' | 'widget'>;

export interface ItemState {
  /** Where the item is drawn now (its geometry, or a drag in flight). */
  at: { x: number; y: number };
  /** A peer dragging it right now. */
  remote?: Peer;
  selected: boolean;
  editing: boolean;
  dragging: boolean;
}

export interface ItemActions {
  pointerdown(e: PointerEvent): void;
  pointermove(e: PointerEvent): void;
  keydown(e: KeyboardEvent): void;
  startEdit(): void;
  editKeydown(e: KeyboardEvent): void;
  commit(value: string): void;
  /** A tool's skip link to the next tool (first in its tab order, shown when focused). */
  skip?: { label: string; go(): void };
}

/** What a widget element is given (the contract in widgets/README.md). */
export interface WidgetContext {
  board: Board | undefined;
  origin: Origin;
  presence: Presence | null;
  readonly: boolean;
  userName: string;
  clientTag: string;
}

/** The item's name for screen readers and announcements. */
export function itemLabel(item: CanvasItem | undefined): string {
  if (!item) return '';
  if (item.kind === 'note') return t('board.itemNote', { text: item.props.text.slice(0, 60) });
  if (item.kind === 'frame') return t('board.itemFrame', { title: item.props.title });
  return t('board.itemWidget', { name: t(`widget.${item.props.widget}`) });
}

export function renderItem(item: CanvasItem, s: ItemState, act: ItemActions, ctx: WidgetContext): TemplateResult {
  const g = item.geometry;
  // An item in flight moves by a transform on its own layer: nothing else is laid out or painted again.
  const moved = s.dragging || s.remote;
  const box = {
    left: `${moved ? g.x : s.at.x}px`,
    top: `${moved ? g.y : s.at.y}px`,
    width: `${g.w}px`,
    height: `${g.h}px`,
    transform: moved ? `translate(${s.at.x - g.x}px, ${s.at.y - g.y}px)` : null,
  };
  const classes = ['item', item.kind, s.selected ? 'selected' : '', s.remote ? 'remote-drag' : '', s.dragging ? 'dragging' : ''].join(' ');
  const tag = s.remote ? html`<span class="drag-tag" style=${styleMap({ background: s.remote.user.color })}>${s.remote.user.name}</span>` : nothing;
  const stop = (e: Event): void => e.stopPropagation();
  if (item.kind === 'note') {
    const color = item.props.color as NoteColor;
    return html`<div
      class=${classes}
      data-item-id=${item.id}
      style=${styleMap({ ...box, background: `var(--kb-note-${color})`, zIndex: '2' })}
      tabindex="0"
      role="button"
      aria-roledescription=${t('board.addNote')}
      aria-label=${itemLabel(item)}
      aria-pressed=${s.selected ? 'true' : 'false'}
      @pointerdown=${act.pointerdown}
      @pointermove=${act.pointermove}
      @dblclick=${act.startEdit}
      @keydown=${act.keydown}
    >
      ${tag}
      ${s.editing
        ? html`<textarea class="editor" aria-label=${t('board.editText')} maxlength="2000" .value=${item.props.text} @keydown=${act.editKeydown} @blur=${(e: FocusEvent) => act.commit((e.target as HTMLTextAreaElement).value)} @pointerdown=${stop}></textarea>`
        : html`<div class="note-text">${item.props.text || html`<span class="placeholder">${t('board.editText')}</span>`}</div>`}
    </div>`;
  }
  if (item.kind === 'frame') {
    return html`<div class=${classes} data-item-id=${item.id} style=${styleMap({ ...box, zIndex: '1' })} tabindex="0" role="region" aria-label=${itemLabel(item)} @keydown=${act.keydown}>
      ${tag}
      <div class="frame-title" @pointerdown=${act.pointerdown} @pointermove=${act.pointermove} @dblclick=${act.startEdit}>
        ${s.editing
          ? html`<input class="editor" aria-label=${t('board.editText')} maxlength="200" .value=${item.props.title} @keydown=${act.editKeydown} @blur=${(e: FocusEvent) => act.commit((e.target as HTMLInputElement).value)} @pointerdown=${stop} />`
          : item.props.title}
      </div>
    </div>`;
  }
  const name = t(`widget.${item.props.widget}`);
  // The element is defined by its module in widgets/ (src/app/widgets.ts loads them all).
  const element = unsafeStatic(widgetKind(item.props.widget).tag);
  const body = staticHtml`<${element} .board=${ctx.board} .widgetId=${item.id} .origin=${ctx.origin} .presence=${ctx.presence} .readonly=${ctx.readonly} .userName=${ctx.userName} .clientTag=${ctx.clientTag}></${element}>`;
  return html`<div class=${classes} data-item-id=${item.id} data-widget=${item.props.widget} style=${styleMap({ ...box, zIndex: '2' })} tabindex="0" role="region" aria-label=${itemLabel(item)} @keydown=${act.keydown}>
    ${tag}
    ${act.skip ? html`<button class="skip-next" @click=${act.skip.go}>${act.skip.label}</button>` : nothing}
    <div class="widget-handle" title=${name} @pointerdown=${act.pointerdown} @pointermove=${act.pointermove}>${name}</div>
    <div class="widget-body">${body}</div>
  </div>`;
}

/** A peer's cursor with their name, kept the same size at every zoom; `idle` fades it out. */
export function renderCursor(p: Peer & { cursor: { x: number; y: number } }, zoom: number, idle = false): TemplateResult {
  return html`<div class="cursor${idle ? ' idle' : ''}" data-client-id=${p.clientId} style=${styleMap({ left: `${p.cursor.x}px`, top: `${p.cursor.y}px`, transform: `scale(${1 / zoom})` })} aria-hidden="true">
    <svg width="18" height="22" viewBox="0 0 18 22"><path d="M1 1 L1 19 L6 14 L10 21 L13 19.5 L9 13 L16 13 Z" fill=${p.user.color} stroke="#fff" stroke-width="1.5" /></svg>
    <span style=${styleMap({ background: p.user.color })}>${p.user.name}</span>
  </div>`;
}
