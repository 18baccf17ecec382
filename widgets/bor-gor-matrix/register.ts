/**
 * Registers the Bør/Gør matrix with the canvas: its element and its size on the board (the
 * layout's natural size; the matrix starts empty, so there is nothing to seed).
 * Import this module once from the app (side effect).
 */
import { registerWidget } from '../../src/canvas/widget-registry.js';
import type { WidgetDefinition } from '../../src/canvas/widget-registry.js';
import { BOR_GOR_SIZE } from '../../src/layout/bor-gor-matrix.js';
import './bor-gor-matrix.js';

export const borGorMatrixWidget: WidgetDefinition = {
  type: 'bor-gor-matrix',
  tag: 'kb-bor-gor-matrix',
  size: { ...BOR_GOR_SIZE },
};

registerWidget(borGorMatrixWidget);
