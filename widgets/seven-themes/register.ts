/**
 * Registers the seven-themes puzzle with the canvas: its element and its size on the board (the
 * layout's natural size). Nothing is seeded: a criterion's assessment record is created on the
 * first change, and a missing one reads as 'not-started'. Import this module once from the app
 * (side effect).
 */
import { registerWidget } from '../../src/canvas/widget-registry.js';
import type { WidgetDefinition } from '../../src/canvas/widget-registry.js';
import { NATURAL_SIZE } from '../../src/layout/seven-themes.js';
import './seven-themes.js';

export const sevenThemesWidget: WidgetDefinition = {
  type: 'seven-themes',
  tag: 'kb-seven-themes',
  size: { ...NATURAL_SIZE },
};

registerWidget(sevenThemesWidget);
