/** The Bør/Gør matrix as static SVG, drawn from src/layout/bor-gor-matrix.ts. */
import type { Board } from '../../model/index.js';
import { criterion as criterionOf } from '../../content/criteria.js';
import { MATRIX_FIELDS } from '../../content/matrix.js';
import type { Locale } from '../../i18n/index.js';
import { BOR_GOR_SIZE, borGorLayout, noteSlots } from './layout.js';
import type { Rect } from '../../layout/rect.js';
import type { Item } from '../../model/index.js';
import { readMatrix } from './records.js';
import { msg } from '../../render/messages.js';
import { el, num, rect } from '../../render/svg.js';
import { fittedText, lineText } from '../../render/text.js';
import { COLORS, NOTE_FILL, RADIUS, RADIUS_SMALL } from '../../render/tokens.js';


/** A matrix note in its slot: colour, text, and the criterion badge (top right). */
function renderNote(note: Item<'matrix-note'>, slot: Rect): string {
  const pad = Math.max(3, Math.min(8, slot.w * 0.05));
  const c = note.props.criterion === 0 ? undefined : criterionOf(note.props.criterion);
  const badgeR = Math.max(6, Math.min(12, slot.h * 0.12));
  const textBox = { x: slot.x + pad, y: slot.y + pad, w: slot.w - 2 * pad - (c ? badgeR * 2 + 2 : 0), h: slot.h - 2 * pad };
  const size = Math.max(8, Math.min(15, slot.h / 6));
  const parts = [
    rect(slot, { rx: 3, fill: NOTE_FILL[note.props.color], stroke: COLORS.borderStrong, 'stroke-opacity': 0.35, 'stroke-width': 1 }),
    fittedText(note.props.text, textBox, { size, minSize: Math.min(size, 6.5), lineHeight: 1.22 }, { fill: COLORS.text }),
  ];
  if (c) {
    const cx = slot.x + slot.w - pad - badgeR;
    const cy = slot.y + pad + badgeR;
    parts.push(
      el('circle', { cx, cy, r: badgeR, fill: c.color, stroke: COLORS.text, 'stroke-width': 0.75 }),
      lineText(String(c.number), { x: cx - badgeR, y: cy - badgeR, w: 2 * badgeR, h: 2 * badgeR }, { size: badgeR * 1.2, bold: true, anchor: 'middle', fill: COLORS.text }),
    );
  }
  return el('g', { 'data-field': note.props.field }, parts.join(''));
}

/** The matrix in widget-local units (natural size {@link BOR_GOR_SIZE}). */
export function renderBorGorMatrix(board: Board, widgetId: string, locale: Locale): string {
  const layout = borGorLayout();
  const notes = readMatrix(board, widgetId);
  const m = (key: Parameters<typeof msg>[0]) => msg(key, {}, locale);
  const parts: string[] = [
    rect({ x: 0, y: 0, ...layout.size }, { fill: COLORS.surface, rx: RADIUS }),
    lineText(m('matrixTitle'), { ...layout.header, x: layout.header.x + 4 }, { size: 22, bold: true, fill: COLORS.text }),
    lineText(m('axisDoes'), layout.columns.does, { size: 17, bold: true, anchor: 'middle', fill: COLORS.textMuted }),
    lineText(m('axisDoesNot'), layout.columns.doesNot, { size: 17, bold: true, anchor: 'middle', fill: COLORS.textMuted }),
  ];
  for (const [r, key] of [
    [layout.rows.should, 'axisShould'],
    [layout.rows.shouldNot, 'axisShouldNot'],
  ] as const) {
    // Row labels read bottom to top, centred on the row.
    const cx = r.x + r.w / 2;
    const cy = r.y + r.h / 2;
    const rotated = { x: cx - r.h / 2, y: cy - r.w / 2, w: r.h, h: r.w };
    parts.push(el('g', { transform: `rotate(-90 ${num(cx)} ${num(cy)})` }, lineText(m(key), rotated, { size: 17, bold: true, anchor: 'middle', fill: COLORS.textMuted })));
  }
  for (const info of MATRIX_FIELDS) {
    const field = layout.fields[info.field];
    const list = notes[info.field];
    const slots = noteSlots(info.field, list.length);
    parts.push(
      el(
        'g',
        { 'data-field': info.field },
        [
          rect(field.frame, { rx: RADIUS_SMALL, fill: COLORS.canvas, stroke: COLORS.border, 'stroke-width': 1 }),
          // The title may use the add button's room: exports have no buttons.
          lineText(info.title[locale], { ...field.title, w: field.frame.x + field.frame.w - field.title.x - 12 }, { size: 18, bold: true, fill: COLORS.text }),
          fittedText(info.question[locale], field.question, { size: 15, minSize: 11, lineHeight: 1.2 }, { fill: COLORS.textMuted, italic: true }),
          ...list.map((note, i) => renderNote(note, slots[i] as Rect)),
        ].join(''),
      ),
    );
  }
  return parts.join('');
}
