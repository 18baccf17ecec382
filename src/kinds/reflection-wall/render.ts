/** The reflection wall as static SVG, drawn from src/layout/reflection-wall.ts. */
import type { Board } from '../../model/index.js';
import type { Locale } from '../../i18n/index.js';
import { WALL_SIZE, wallLayout } from './layout.js';
import type { Rect } from '../../layout/rect.js';
import { readWallPublic as readWall } from './records.js';
import type { WallPost as WallPostData } from './records.js';
import { msg } from '../../render/messages.js';
import { el, num, rect } from '../../render/svg.js';
import { fitText, fittedText, lineText, textBlock, textWidth } from '../../render/text.js';
import { COLORS, NOTE_FILL, RADIUS, RADIUS_SMALL } from '../../render/tokens.js';


/** A small heart outline whose top-left is (x, y), `s` wide (a path: no font needs the glyph). */
function heart(x: number, y: number, s: number): string {
  const k = s / 16;
  const p = (a: number, b: number) => `${num(x + a * k)} ${num(y + b * k)}`;
  const d = `M${p(8, 14)} C${p(2, 10)} ${p(0, 7)} ${p(0, 4.5)} C${p(0, 2)} ${p(2, 0.5)} ${p(4.2, 0.5)} C${p(6, 0.5)} ${p(7.3, 1.6)} ${p(8, 3)} C${p(8.7, 1.6)} ${p(10, 0.5)} ${p(11.8, 0.5)} C${p(14, 0.5)} ${p(16, 2)} ${p(16, 4.5)} C${p(16, 7)} ${p(14, 10)} ${p(8, 14)} Z`;
  return el('path', { d, fill: COLORS.danger });
}

/** A post too short for a footer: one line, the author and likes at its right end. */
function renderCompactPost(post: WallPostData, slot: Rect, locale: Locale): string {
  const size = Math.max(5, Math.min(12, slot.h * 0.55));
  const author = post.item.props.author.trim() || msg('anonymous', {}, locale);
  const likesW = post.likes > 0 ? size * (1.4 + String(post.likes).length * 0.7) : 0;
  const authorW = Math.min(textWidth(author, size * 0.85) + 4, slot.w * 0.3);
  const line = { x: slot.x + 6, y: slot.y, w: slot.w - 12, h: slot.h };
  const parts = [
    rect(slot, { rx: Math.min(RADIUS_SMALL, slot.h / 3), fill: NOTE_FILL.yellow, stroke: COLORS.borderStrong, 'stroke-opacity': 0.4, 'stroke-width': 1 }),
    lineText(post.item.props.text, { ...line, w: line.w - authorW - likesW - 6 }, { size, fill: COLORS.text }),
    lineText(author, { ...line, x: line.x + line.w - likesW - authorW, w: authorW }, { size: size * 0.85, italic: true, fill: COLORS.textMuted }),
  ];
  if (post.likes > 0) {
    parts.push(
      heart(line.x + line.w - likesW, slot.y + (slot.h - size * 0.8) / 2, size * 0.9),
      lineText(String(post.likes), { ...line, x: line.x + line.w - likesW, w: likesW }, { size, bold: true, anchor: 'end', fill: COLORS.text }),
    );
  }
  return el('g', { 'data-likes': post.likes }, parts.join(''));
}

function renderPost(post: WallPostData, slot: Rect, locale: Locale): string {
  if (slot.h < 44) return renderCompactPost(post, slot, locale);
  const footH = Math.min(20, slot.h * 0.3);
  const size = Math.min(15, Math.max(8, slot.h / 6));
  const author = post.item.props.author.trim() || msg('anonymous', {}, locale);
  const likesW = post.likes > 0 ? 16 + String(post.likes).length * 9 : 0;
  const foot = { x: slot.x + 8, y: slot.y + slot.h - footH - 2, w: slot.w - 16, h: footH };
  const parts = [
    rect(slot, { rx: RADIUS_SMALL, fill: NOTE_FILL.yellow, stroke: COLORS.borderStrong, 'stroke-opacity': 0.4, 'stroke-width': 1 }),
    fittedText(post.item.props.text, { x: slot.x + 8, y: slot.y + 5, w: slot.w - 16, h: slot.h - footH - 8 }, { size, minSize: Math.min(size, 7), lineHeight: 1.22 }, { fill: COLORS.text }),
    lineText(author, { ...foot, w: foot.w - likesW }, { size: Math.min(12, footH * 0.75), italic: true, fill: COLORS.textMuted }),
  ];
  if (post.likes > 0) {
    const hs = Math.min(12, footH * 0.6);
    parts.push(
      heart(foot.x + foot.w - likesW + 2, foot.y + (footH - hs * 0.9) / 2, hs),
      lineText(String(post.likes), { x: foot.x + foot.w - likesW, y: foot.y, w: likesW, h: footH }, { size: Math.min(12, footH * 0.75), bold: true, anchor: 'end', fill: COLORS.text }),
    );
  }
  return el('g', { 'data-likes': post.likes }, parts.join(''));
}

/** The wall in widget-local units (natural size {@link WALL_SIZE}). */
export function renderReflectionWall(board: Board, widgetId: string, locale: Locale): string {
  const columns = readWall(board, widgetId);
  const layout = wallLayout(columns.length);
  const parts: string[] = [
    rect({ x: 0, y: 0, ...layout.size }, { fill: COLORS.canvas, rx: RADIUS }),
    lineText(msg('wallName', {}, locale), layout.toolbar, { size: 20, bold: true, fill: COLORS.text }),
  ];
  columns.forEach((column, i) => {
    const box = layout.columns[i] as Rect;
    const header = layout.headers[i] as Rect;
    const composer = layout.composers[i] as Rect;
    // Exports have no composer: the header's text may use its room too.
    const textArea = { x: header.x, y: header.y, w: header.w, h: composer.y + composer.h - header.y };
    const title = column.item.props.title.trim() || msg('untitled', {}, locale);
    const titleFit = fitText(title, { w: textArea.w, h: 52 }, { size: 19, minSize: 14, bold: true, lineHeight: 1.2 });
    const titleH = titleFit.lines.length * titleFit.lineHeight;
    const questions = column.item.props.questions
      .split('\n')
      .map((q) => q.trim())
      .filter((q) => q !== '')
      .map((q) => `• ${q}`)
      .join('\n');
    const slots = layout.postSlots(i, column.posts.length);
    parts.push(
      rect(box, { rx: RADIUS, fill: COLORS.surface, stroke: COLORS.border, 'stroke-width': 1 }),
      textBlock(titleFit.lines, { ...textArea, h: titleH }, { size: titleFit.size, lineHeight: titleFit.lineHeight, bold: true, fill: COLORS.text }),
      fittedText(questions, { ...textArea, y: textArea.y + titleH + 6, h: textArea.h - titleH - 6 }, { size: 14, minSize: 9, lineHeight: 1.3 }, { fill: COLORS.textMuted }),
      ...column.posts.map((post, j) => renderPost(post, slots[j] as Rect, locale)),
    );
  });
  return parts.join('');
}
