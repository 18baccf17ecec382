/**
 * The competence profile as a widget kind: the generic profile's cards (the default deck, seeded
 * when the widget is placed) and the group's local profile, each in three columns.
 */
import { DEFAULT_DECK } from '../../content/competences.js';
import type { WidgetKind } from '../kind.js';
import { COMPETENCE_PROFILE_SIZE, competenceProfileLayout } from './layout.js';
import { readProfile, seedDeck, type ProfileData } from './records.js';

export const competenceProfile: WidgetKind<'competence-profile', ProfileData> = {
  type: 'competence-profile',
  part: 'kontaktperson',
  tag: 'kb-competence-profile',
  size: COMPETENCE_PROFILE_SIZE,
  seed(board, widgetId, _ctx, origin) {
    seedDeck(board, widgetId, DEFAULT_DECK, origin);
  },
  layout: competenceProfileLayout,
  read: readProfile,
};
