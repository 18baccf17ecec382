/**
 * End-to-end helpers: Debian's Chromium through playwright-core (never a downloaded browser),
 * several isolated contexts (one per participant) against the real server on loopback.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { removeDir, startTestServer } from '../integration/harness.js';

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/**
 * A real server on a random loopback port and one Chromium for the test file, started before
 * and stopped after its tests. `server` may be replaced (a test that restarts it).
 */
export function useServerAndBrowser(): { server: TestServer; browser: Browser } {
  const fixture = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    fixture.server = await startTestServer();
    fixture.browser = await launch();
  });
  afterAll(async () => {
    await fixture.browser?.close();
    await fixture.server?.close();
    if (fixture.server) removeDir(fixture.server.config.dataDir);
  });
  return fixture;
}

export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export interface Participant {
  name: string;
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** Opens a fresh context (its own storage) and joins board `room` as `name`. */
export async function joinBoard(browser: Browser, baseUrl: string, room: string, name: string): Promise<Participant> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${baseUrl}/b/${room}`);
  await page.fill('input[name=name]', name);
  await page.click('button[type=submit]');
  await page.waitForSelector('kb-board >> .status-connected', { timeout: 15_000 });
  return { name, context, page, errors };
}

export async function screenshot(page: Page, file: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, file);
  await page.screenshot({ path });
  return path;
}

/** Polls `fn` in the test until it returns true. */
export async function eventually(fn: () => Promise<boolean>, timeoutMs = 15_000, what = 'condition'): Promise<void> {
  const start = Date.now();
  for (;;) {
    if (await fn()) return;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
