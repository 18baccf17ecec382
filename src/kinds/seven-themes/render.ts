/** The seven-themes puzzle as static SVG, drawn from src/layout/seven-themes.ts. */
import type { Board } from '../../model/index.js';
import { ASSESSMENTS } from '../../model/theme-assessment.js';
import type { Assessment } from '../../model/theme-assessment.js';
import { criterion as criterionOf } from '../../content/criteria.js';
import type { Locale } from '../../i18n/index.js';
import { sevenThemesLayout, NATURAL_SIZE } from './layout.js';
import { readThemes } from './records.js';
import { msg } from '../../render/messages.js';
import { el, rect } from '../../render/svg.js';
import { fittedText, lineText } from '../../render/text.js';
import { COLORS, STATUS_FILL } from '../../render/tokens.js';


/** Id of the hatch pattern in the document's `<defs>` (under way is hatched, readable without colour). */
export const HATCH_ID = 'kb-hatch';

/** The pattern definition the puzzle refers to (goes once into the root `<defs>`). */
export function hatchPattern(): string {
  return el(
    'pattern',
    { id: HATCH_ID, width: 12, height: 12, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
    el('rect', { width: 4, height: 12, fill: COLORS.warning, 'fill-opacity': 0.18 }),
  );
}

/** The status icon at (x, y): an empty ring, a half-filled ring, a ticked disc. */
function statusIcon(status: Assessment, x: number, y: number, r = 9): string {
  const ring = el('circle', { cx: x, cy: y, r, fill: COLORS.surface, stroke: COLORS.text, 'stroke-width': 2 });
  if (status === 'not-started') return ring;
  if (status === 'under-way') {
    return ring + el('path', { d: `M${x} ${y - r} A${r} ${r} 0 0 0 ${x} ${y + r} Z`, fill: COLORS.text });
  }
  const tick = `M${x - r * 0.5} ${y} l${r * 0.35} ${r * 0.38} l${r * 0.65} ${-r * 0.72}`;
  return (
    el('circle', { cx: x, cy: y, r, fill: COLORS.success }) +
    el('path', { d: tick, fill: 'none', stroke: COLORS.surface, 'stroke-width': 2.5, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' })
  );
}

/** The puzzle in widget-local units (natural size {@link SEVEN_THEMES_SIZE}). */
export function renderSevenThemes(board: Board, widgetId: string, locale: Locale): string {
  const layout = sevenThemesLayout();
  const themes = readThemes(board, widgetId);
  const parts: string[] = [rect({ x: 0, y: 0, ...layout.size }, { fill: COLORS.surface })];
  for (const piece of layout.pieces) {
    const theme = themes.find((t) => t.criterion === piece.criterion);
    const criterion = criterionOf(piece.criterion);
    if (theme === undefined || criterion === undefined) continue;
    const { number: n, badge, label, status: box } = piece;
    const count = theme.notes.length;
    parts.push(
      el(
        'g',
        { 'data-criterion': piece.criterion, 'data-status': theme.status },
        [
          el('path', { d: piece.path, fill: STATUS_FILL[theme.status] }),
          theme.status === 'under-way' ? el('path', { d: piece.path, fill: `url(#${HATCH_ID})` }) : '',
          el('path', { d: piece.path, fill: 'none', stroke: COLORS.borderStrong, 'stroke-width': 2, 'stroke-linejoin': 'round' }),
          el('circle', { cx: n.x, cy: n.y, r: n.r, fill: criterion.color, stroke: COLORS.text, 'stroke-width': 1 }),
          lineText(String(criterion.number), { x: n.x - n.r, y: n.y - n.r, w: 2 * n.r, h: 2 * n.r }, { size: 18, bold: true, anchor: 'middle', fill: COLORS.text }),
          el('circle', { cx: badge.x, cy: badge.y, r: badge.r, fill: count > 0 ? COLORS.accent : COLORS.surface, stroke: count > 0 ? COLORS.accent : COLORS.borderStrong, 'stroke-width': 1.5 }),
          lineText(String(count), { x: badge.x - badge.r, y: badge.y - badge.r, w: 2 * badge.r, h: 2 * badge.r }, { size: count > 99 ? 11 : 14, bold: true, anchor: 'middle', fill: count > 0 ? COLORS.accentText : COLORS.text }),
          fittedText(criterion.name[locale], label, { size: 21, minSize: 14, bold: true, lineHeight: 1.2 }, { fill: COLORS.text }),
          statusIcon(theme.status, box.x + 10, box.y + box.h / 2),
          lineText(msg(`status.${theme.status}`, {}, locale), { x: box.x + 26, y: box.y, w: box.w - 26, h: box.h }, { size: 16, fill: COLORS.text }),
        ].join(''),
      ),
    );
  }
  const { title, rows, hint } = layout.legend;
  parts.push(fittedText(msg('sevenThemesTitle', {}, locale), title, { size: 22, minSize: 14, bold: true, lineHeight: 1.15 }, { fill: COLORS.text }));
  ASSESSMENTS.forEach((status, i) => {
    const row = rows[i];
    if (row === undefined) return;
    const { swatch, text } = row;
    parts.push(
      rect(swatch, { rx: 4, fill: STATUS_FILL[status] }),
      status === 'under-way' ? rect(swatch, { rx: 4, fill: `url(#${HATCH_ID})` }) : '',
      rect(swatch, { rx: 4, fill: 'none', stroke: COLORS.borderStrong, 'stroke-width': 1.5 }),
      statusIcon(status, swatch.x + swatch.w / 2, swatch.y + swatch.h / 2, 7),
      lineText(msg(`status.${status}`, {}, locale), text, { size: 16, fill: COLORS.text }),
    );
  });
  parts.push(fittedText(msg('sevenThemesHint', {}, locale), hint, { size: 13, minSize: 10, lineHeight: 1.3 }, { fill: COLORS.textMuted }));
  return parts.join('');
}
