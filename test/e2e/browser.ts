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

/** One item as a participant's canvas shows it. */
export interface SeenItem {
  id: string;
  kind: string;
  left: string;
  top: string;
  text: string;
}

/** What a participant's canvas shows (optionally one kind): each item's position and text, by id. */
export async function seenItems(page: Page, kind?: 'note' | 'frame' | 'widget'): Promise<SeenItem[]> {
  const items = await page.locator('kb-board .world > .item').evaluateAll((els) =>
    els.map((el) => ({
      id: el.getAttribute('data-item-id') ?? '',
      kind: [...el.classList].find((c) => ['note', 'frame', 'widget'].includes(c)) ?? '',
      left: (el as HTMLElement).style.left,
      top: (el as HTMLElement).style.top,
      text: (el.querySelector('.note-text')?.textContent ?? '').trim(),
    })),
  );
  return items.filter((i) => kind === undefined || i.kind === kind).sort((a, b) => a.id.localeCompare(b.id));
}

/** A mouse drag of the element at `selector` by (dx, dy) screen pixels, in small steps. */
export async function dragBy(page: Page, selector: string, dx: number, dy: number, steps = 10): Promise<void> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`no box for ${selector}`);
  const x = box.x + 20;
  const y = box.y + 20;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) await page.mouse.move(x + (dx * i) / steps, y + (dy * i) / steps);
  await page.mouse.up();
}
