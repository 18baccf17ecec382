/** The competence profile as static SVG, drawn from src/layout/competence-profile.ts. */
import type { Board } from '../../model/index.js';
import type { Area } from '../../model/competence-card.js';
import { COLUMN_TITLES } from '../../content/competences.js';
import type { Locale } from '../../i18n/index.js';
import {
  AREAS,
  COLUMNS,
  COMPETENCE_PROFILE_SIZE,
  areaRect,
  areaTitleRect,
  cardSlots,
  columnHeadingRect,
  columnRect,
  headerRect,
} from './layout.js';
import type { Rect } from '../../layout/rect.js';
import { cardText, isOwnCard, readProfile } from './records.js';
import type { CompetenceCard as CardItem } from './records.js';
import { msg } from '../../render/messages.js';
import { el, rect } from '../../render/svg.js';
import { fittedText, lineText } from '../../render/text.js';
import { COLORS, RADIUS, RADIUS_SMALL } from '../../render/tokens.js';


function renderCard(card: CardItem, slot: Rect, area: Area, locale: Locale): string {
  const own = isOwnCard(card);
  const local = area === 'local';
  const size = Math.min(16, Math.max(9, slot.h * 0.3));
  const tag = own ? msg('ownCard', {}, locale) : '';
  const tagW = own ? Math.min(slot.w * 0.3, 14 + tag.length * size * 0.62) : 0;
  const parts = [
    rect(slot, {
      rx: RADIUS_SMALL,
      fill: local ? COLORS.accentSoft : COLORS.surface,
      stroke: local ? COLORS.accent : COLORS.borderStrong,
      'stroke-width': 1,
      'stroke-dasharray': own ? '5 3' : undefined,
    }),
    fittedText(cardText(card, locale), { x: slot.x + 10, y: slot.y + 3, w: slot.w - 20 - tagW, h: slot.h - 6 }, { size, minSize: Math.min(size, 8), lineHeight: 1.2 }, { fill: COLORS.text, valign: 'middle' }),
  ];
  if (own) {
    parts.push(lineText(tag, { x: slot.x + slot.w - tagW - 8, y: slot.y, w: tagW, h: Math.min(slot.h, 24) }, { size: Math.min(size, 12), italic: true, anchor: 'end', fill: COLORS.accent }));
  }
  return el('g', { 'data-card': own ? 'own' : card.props.deckKey }, parts.join(''));
}

/** The profile in widget-local units (natural size {@link COMPETENCE_PROFILE_SIZE}). */
export function renderCompetenceProfile(board: Board, widgetId: string, locale: Locale): string {
  const data = readProfile(board, widgetId);
  const parts: string[] = [
    rect({ x: 0, y: 0, ...COMPETENCE_PROFILE_SIZE }, { fill: COLORS.surface, rx: RADIUS }),
    lineText(msg('profileTitle', {}, locale), headerRect(), { size: 24, bold: true, fill: COLORS.text }),
  ];
  for (const area of AREAS) {
    const local = area === 'local';
    parts.push(
      rect(areaRect(area), { rx: RADIUS, fill: local ? COLORS.localArea : COLORS.bg, stroke: local ? COLORS.accent : COLORS.border, 'stroke-width': local ? 2 : 1 }),
      lineText(msg(local ? 'localArea' : 'genericArea', {}, locale), areaTitleRect(area), { size: 22, bold: true, fill: COLORS.text }),
    );
    for (const column of COLUMNS) {
      const cards = data[area][column];
      const slots = cardSlots(area, column, cards.length);
      parts.push(
        rect(columnRect(area, column), { rx: RADIUS_SMALL, fill: COLORS.surface, stroke: COLORS.border, 'stroke-width': 1 }),
        lineText(`${COLUMN_TITLES[column][locale]} (${cards.length})`, columnHeadingRect(area, column), { size: 18, bold: true, fill: COLORS.text }),
        ...cards.map((card, i) => renderCard(card, slots[i] as Rect, area, locale)),
      );
    }
  }
  return parts.join('');
}
