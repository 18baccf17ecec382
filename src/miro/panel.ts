/**
 * The panel page's entry (panel.html, opened by the headless entry on an app icon click):
 * registers `<kb-miro-panel>`, which the page holds.
 */
import './panel-element.js';
