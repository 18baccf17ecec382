/** Frames, sticky notes and the title tabs above frames and widgets, as the canvas draws them. */
import type { Item } from '../model/index.js';
import type { Rect } from '../layout/rect.js';
import { el, rect } from './svg.js';
import { ellipsize, fittedText, lineText, textWidth } from './text.js';
import { COLORS, NOTE_FILL, RADIUS } from './tokens.js';

/** The tab above a frame or widget: 30 high, 4 above the item (src/canvas/styles.ts). */
export const TAB_H = 30;
export const TAB_GAP = 4;
const TAB_SIZE = 15;

/** A title tab above `box` (as wide as its text, at most as wide as the box). */
export function renderTab(title: string, box: Rect): string {
  if (title.trim() === '') return '';
  const line = ellipsize(title.replace(/\s+/g, ' ').trim(), Math.max(20, box.w - 20), TAB_SIZE, true);
  const w = Math.min(box.w, 22 + textWidth(line, TAB_SIZE, true));
  const tab = { x: box.x, y: box.y - TAB_H - TAB_GAP, w, h: TAB_H };
  return (
    rect(tab, { rx: 6, fill: COLORS.surface, stroke: COLORS.border, 'stroke-width': 1 }) +
    lineText(line, { x: tab.x + 10, y: tab.y, w: tab.w - 12, h: tab.h }, { size: TAB_SIZE, bold: true, fill: COLORS.text })
  );
}

export function renderFrame(frame: Item<'frame'>): string {
  const g = frame.geometry;
  return el(
    'g',
    { 'data-kind': 'frame' },
    rect(g, { rx: RADIUS, fill: COLORS.surface, 'fill-opacity': 0.55, stroke: COLORS.borderStrong, 'stroke-width': 2 }) + renderTab(frame.props.title, g),
  );
}

export function renderNote(note: Item<'note'>): string {
  const g = note.geometry;
  const pad = Math.min(14, g.w / 10, g.h / 10);
  return el(
    'g',
    { 'data-kind': 'note' },
    rect(g, { rx: 4, fill: NOTE_FILL[note.props.color], stroke: COLORS.borderStrong, 'stroke-opacity': 0.3, 'stroke-width': 1 }) +
      fittedText(note.props.text, { x: g.x + pad, y: g.y + pad, w: g.w - 2 * pad, h: g.h - 2 * pad }, { size: 18, minSize: 10, lineHeight: 1.3 }, { fill: COLORS.text }),
  );
}
