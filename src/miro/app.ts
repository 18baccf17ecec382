/**
 * The headless entry: Miro loads index.html (the App URL) in a hidden iframe together with its
 * SDK script; a click on the app's icon opens the panel.
 */
import { hasMiro, miroIcon } from './sdk.js';
import type { IconPort } from './sdk.js';

/** The panel page, relative to the App URL (https://<kaedeboard host>/miro/). */
export const PANEL_URL = 'panel.html';

/** Opens the panel on every click of the app icon. */
export function registerIconClick(ui: IconPort['ui'], url = PANEL_URL): void {
  ui.on('icon:click', () => {
    void ui.openPanel({ url });
  });
}

if (hasMiro()) registerIconClick(miroIcon().ui);
