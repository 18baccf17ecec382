/**
 * Registers the competence profile with the canvas: its element, its size on the board (the
 * layout's natural size) and its seeding (the default deck, in the placing transaction).
 * Import this module once from the app (side effect).
 */
import { registerWidget } from '../../src/canvas/widget-registry.js';
import type { WidgetDefinition } from '../../src/canvas/widget-registry.js';
import { COMPETENCE_PROFILE_SIZE } from '../../src/layout/competence-profile.js';
import { DEFAULT_DECK } from '../../src/content/competences.js';
import { seedDeck } from './seed.js';
import './competence-profile.js';

export const competenceProfileWidget: WidgetDefinition = {
  type: 'competence-profile',
  tag: 'kb-competence-profile',
  size: { ...COMPETENCE_PROFILE_SIZE },
  seed(board, widgetId, _locale, origin) {
    seedDeck(board, widgetId, DEFAULT_DECK, origin);
  },
};

registerWidget(competenceProfileWidget);
