/**
 * Offline: while the server is unreachable a participant keeps working; the board says so
 * plainly; the edits are kept (IndexedDB) and merged for everyone when the server is back.
 */
import { describe, expect, it } from 'vitest';
import { startServer } from '../../server/app.js';
import { eventually, joinBoard, screenshot, useServerAndBrowser } from './browser.js';

describe('working through a lost connection', () => {
  const fx = useServerAndBrowser();

  it('keeps edits made while the server is down and merges them on reconnect', async () => {
    const anna = await joinBoard(fx.browser, fx.server.url, 'offline-room', 'Anna');
    const bo = await joinBoard(fx.browser, fx.server.url, 'offline-room', 'Bo');
    const port = fx.server.port;
    await fx.server.close();
    await anna.page.waitForSelector('kb-board >> .status-reconnecting', { timeout: 10_000 });
    expect(await anna.page.locator('kb-board .status').textContent()).toMatch(/Forbindelsen er afbrudt/);

    // Anna writes a note with no server; Bo, also cut off, moves nothing.
    await anna.page.click('kb-board [data-tool="note"]');
    const editor = anna.page.locator('kb-board textarea.editor');
    await editor.fill('Skrevet offline');
    await editor.press('Control+Enter');
    await screenshot(anna.page, 'offline-anna.png');
    // Anna closes the tab while still cut off: the note lives only in her browser's IndexedDB.
    await anna.page.waitForTimeout(300);
    await anna.page.close();

    // The server comes back on the same port with the same data; Bo reconnects.
    fx.server = Object.assign(await startServer({ ...fx.server.config, port }), { config: fx.server.config });
    await bo.page.waitForSelector('kb-board >> .status-connected', { timeout: 15_000 });
    expect(await bo.page.locator('kb-board .note-text', { hasText: 'Skrevet offline' }).count()).toBe(0);

    // Anna opens the board again (her name is remembered): the offline note is merged for everyone.
    const again = await anna.context.newPage();
    await again.goto(`${fx.server.url}/b/offline-room`);
    await again.waitForSelector('kb-board >> .status-connected', { timeout: 15_000 });
    await eventually(async () => (await bo.page.locator('kb-board .note-text', { hasText: 'Skrevet offline' }).count()) === 1, 15_000, "Anna's offline note on Bo's screen");
    await screenshot(bo.page, 'offline-merged-bo.png');
    expect(anna.errors).toEqual([]);
    expect(bo.errors).toEqual([]);
  });
});
