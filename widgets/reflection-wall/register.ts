/**
 * Registers the reflection wall with the canvas: its element, its size on the board (the
 * layout's natural size) and its seeding (the default columns in the placing participant's
 * language, in the placing transaction). Import this module once from the app (side effect).
 */
import { registerWidget } from '../../src/canvas/widget-registry.js';
import type { WidgetDefinition } from '../../src/canvas/widget-registry.js';
import { WALL_SIZE } from '../../src/layout/reflection-wall.js';
import { seedWall } from './seed.js';
import './reflection-wall.js';

export const reflectionWallWidget: WidgetDefinition = {
  type: 'reflection-wall',
  tag: 'kb-reflection-wall',
  size: { ...WALL_SIZE },
  seed(board, widgetId, locale, origin) {
    seedWall(board, widgetId, locale, origin);
  },
};

registerWidget(reflectionWallWidget);
