/**
 * The reflection wall as a widget kind: columns of reflection questions (the module's defaults,
 * seeded in the placing participant's language) where the group posts answers and likes them.
 */
import type { WidgetKind } from '../kind.js';
import { DEFAULT_REFLECTIONS } from '../../content/reflections.js';
import { WALL_SIZE, wallLayout } from './layout.js';
import { readWallPublic, type WallColumn } from './records.js';
import { seedWall } from './seed.js';

export const reflectionWall: WidgetKind<'reflection-wall', WallColumn[]> = {
  type: 'reflection-wall',
  part: 'kontaktperson',
  tag: 'kb-reflection-wall',
  size: WALL_SIZE,
  seed(board, widgetId, ctx, origin) {
    seedWall(board, widgetId, ctx.locale, origin);
  },
  layout: () => wallLayout(DEFAULT_REFLECTIONS.length),
  read: readWallPublic,
};
