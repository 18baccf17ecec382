/**
 * The headless entry: Miro loads index.html (the App URL) in a hidden iframe together with its
 * SDK script, and keeps it running while the board is open. It does the board work the panel
 * asks for ({@link MiroHost}), so that placing goes on when the panel closes, and opens the panel
 * on a click of the app's icon, telling it (in its URL) the session to talk on.
 */
import { isLocale } from '../i18n/index.js';
import type { Locale } from '../i18n/index.js';
import { reasonOf } from './execute.js';
import { MiroHost } from './host.js';
import { CREDIT_COST, MIRO_LIMITS, CreditLimiter } from './limiter.js';
import { m, notice } from './messages.js';
import { broadcastChannel, newSession } from './protocol.js';
import type { Channel } from './protocol.js';
import { hasMiro, miroBoard } from './sdk.js';
import type { BoardPort } from './sdk.js';

/**
 * The panel page. Path-absolute, so that it resolves to /miro/panel.html whether the App URL was
 * given with its trailing slash or not.
 */
export const PANEL_PATH = '/miro/panel.html';

/** The key the panel keeps its language under (sessionStorage, shared by the app's pages in a tab). */
export const LOCALE_KEY = 'kb-miro-locale';

export function panelUrl(session: string): string {
  return `${PANEL_PATH}?s=${encodeURIComponent(session)}`;
}

function storedLocale(): Locale {
  try {
    const v = typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(LOCALE_KEY);
    return isLocale(v) ? v : 'da';
  } catch {
    return 'da';
  }
}

/** Opens the panel; a refusal (another app's panel in the way, a blocked URL) is shown as a notification. */
export async function openPanel(board: BoardPort, session: string, locale: Locale, limiter: CreditLimiter): Promise<void> {
  try {
    await limiter.take(CREDIT_COST.item);
    await board.ui.openPanel({ url: panelUrl(session) });
  } catch (error) {
    try {
      await board.notifications.showError(notice(m('error.panel', { reason: reasonOf(error) }, locale)));
    } catch {
      // Nothing else can show it: the panel is what failed.
    }
  }
}

export interface Headless {
  host: MiroHost;
  session: string;
}

/**
 * Starts the headless part on `board`: the host answering the panel of `session`, and the icon
 * click that opens that panel. Its credit budget is 40% of Miro's (the panel's reads have 10%).
 */
export function startHeadless(board: BoardPort, channel: Channel = broadcastChannel(), session = newSession()): Headless {
  const limiter = new CreditLimiter({ perMinute: MIRO_LIMITS.perMinute * 0.4, perHour: MIRO_LIMITS.perHour * 0.4 });
  const host = new MiroHost({ board, channel, session, limiter }).start();
  board.ui.on('icon:click', () => {
    void openPanel(board, session, host.locale === 'da' ? storedLocale() : host.locale, limiter);
  });
  return { host, session };
}

if (hasMiro()) startHeadless(miroBoard());
