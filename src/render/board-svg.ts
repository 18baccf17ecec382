/**
 * A whole board as one standalone SVG document: frames, sticky notes and every placed widget,
 * each widget drawn by its kind (src/kinds: layout, owned records, renderer). Isomorphic: no
 * DOM and no Node APIs, so the browser and the server render the same picture.
 *
 * All document text is XML-escaped (see escape.ts); widths are estimated (see text.ts).
 */
import type { Board, Item } from '../model/index.js';
import type { Locale } from '../i18n/index.js';
import { t } from '../i18n/index.js';
import type { Rect } from '../layout/rect.js';
import { fullKind } from '../kinds/full.js';
import { renderFrame, renderNote, renderTab, TAB_GAP, TAB_H } from './canvas-items.js';
import { msg } from './messages.js';
import { hatchPattern } from '../kinds/seven-themes/render.js';
import { el, group, num, rect } from './svg.js';
import { escapeXml } from './escape.js';
import { lineText } from './text.js';
import { COLORS, FONT_FAMILY, RADIUS } from './tokens.js';

export interface RenderBoardOptions {
  locale: Locale;
  /** Shown above the board (e.g. the group's name). */
  title?: string;
  /** Width of the SVG in px (the height follows the content's aspect); default: the content's width. */
  width?: number;
}

/** Space around the content. */
export const MARGIN = 40;
const TITLE_H = 56;

type CanvasItem = Item<'note' | 'frame' | 'widget'>;

function isCanvasItem(item: Item): item is CanvasItem {
  return item.kind === 'note' || item.kind === 'frame' || item.kind === 'widget';
}

/** A widget scaled uniformly into its geometry (top-left aligned), with its title tab. */
function renderWidget(board: Board, widget: Item<'widget'>, locale: Locale): string {
  const g = widget.geometry;
  const kind = fullKind(widget.props.widget);
  const scale = Math.min(g.w / kind.size.w, g.h / kind.size.h);
  return el(
    'g',
    { 'data-kind': 'widget', 'data-widget': widget.props.widget },
    rect(g, { rx: RADIUS, fill: COLORS.surface, stroke: COLORS.border, 'stroke-width': 1 }) +
      renderTab(t(`widget.${widget.props.widget}`, {}, locale), g) +
      group(kind.renderSvg(board, widget.id, locale), g, scale),
  );
}

/** The box holding every canvas item, tabs included (null for an empty board). */
export function contentBounds(items: readonly CanvasItem[]): Rect | null {
  if (items.length === 0) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const { geometry: g, kind } of items) {
    const top = kind === 'note' ? g.y : g.y - TAB_H - TAB_GAP;
    x0 = Math.min(x0, g.x);
    y0 = Math.min(y0, top);
    x1 = Math.max(x1, g.x + g.w);
    y1 = Math.max(y1, g.y + g.h);
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** The board as a standalone SVG document (UTF-8 text). */
export function renderBoardSvg(board: Board, opts: RenderBoardOptions): string {
  const { locale } = opts;
  const items = board.read().items.filter(isCanvasItem);
  // Frames under everything else, then z order (as the canvas draws them).
  items.sort((a, b) => (a.kind === 'frame' ? 0 : 1) - (b.kind === 'frame' ? 0 : 1) || a.geometry.z - b.geometry.z);
  const content = contentBounds(items) ?? { x: 0, y: 0, w: 480, h: 160 };
  const title = opts.title?.trim() ?? '';
  const titleH = title === '' ? 0 : TITLE_H;
  const view = { x: content.x - MARGIN, y: content.y - MARGIN - titleH, w: content.w + 2 * MARGIN, h: content.h + 2 * MARGIN + titleH };
  const width = opts.width !== undefined && Number.isFinite(opts.width) && opts.width > 0 ? opts.width : view.w;
  const height = (width * view.h) / view.w;

  const body: string[] = [];
  for (const item of items) {
    if (item.kind === 'frame') body.push(renderFrame(item));
    else if (item.kind === 'note') body.push(renderNote(item));
    else body.push(renderWidget(board, item, locale));
  }
  if (items.length === 0) {
    body.push(lineText(msg('emptyBoard', {}, locale), content, { size: 22, anchor: 'middle', fill: COLORS.textMuted }));
  }
  const heading =
    title === ''
      ? ''
      : lineText(title, { x: view.x + MARGIN, y: view.y + MARGIN / 2, w: view.w - 2 * MARGIN, h: TITLE_H }, { size: Math.min(36, Math.max(20, view.w / 60)), bold: true, fill: COLORS.text });

  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    el(
      'svg',
      {
        xmlns: 'http://www.w3.org/2000/svg',
        version: '1.1',
        viewBox: `${num(view.x)} ${num(view.y)} ${num(view.w)} ${num(view.h)}`,
        width: num(width),
        height: num(height),
        'font-family': FONT_FAMILY,
        'xml:lang': locale,
      },
      (title === '' ? '' : `<title>${escapeXml(title)}</title>`) +
        el('defs', {}, hatchPattern()) +
        rect(view, { fill: COLORS.canvas }) +
        heading +
        body.join(''),
    ) +
    '\n'
  );
}
