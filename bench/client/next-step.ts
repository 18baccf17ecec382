/**
 * Client benchmark: how fast the room follows the facilitator. A workshop of G groups with P
 * participants in headless Chromium (Debian's), on laptop, tablet and phone screens in turn,
 * and the facilitator's console. Each round the facilitator presses "next step" (or "previous
 * step", alternating) on the console; measured is the time from the press to the last
 * participant's board settling on the new step's tool (the end of its glide), each page
 * stamping the moment on the shared clock.
 *
 * Peer: the facilitator's one-line message, the room's only channel before the run-sheet: the
 * time from "send" to the message showing on the last participant's screen. It travels the
 * same way (API, control document, every page), so the difference is what the task view
 * itself costs: the glide (420 ms) and waiting for a participant's typing.
 *
 * Usage: node build/bench/next-step.js [--groups 6] [--people 12] [--rounds 8]
 */
import { cpus } from 'node:os';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { loadConfig } from '../../server/config.js';
import { startServer } from '../../server/app.js';
import type { CreatedWorkshopResponse } from '../../src/workshop/api.js';

interface Options {
  groups: number;
  people: number;
  rounds: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { groups: 6, people: 12, rounds: 8 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]?.replace(/^--/, '') as keyof Options;
    const value = Number(argv[i + 1]);
    if (!(key in o) || !Number.isInteger(value) || value <= 0) throw new Error(`bad option ${argv[i]} ${argv[i + 1]}`);
    o[key] = value;
  }
  return o;
}

const SCREENS = [
  { name: 'laptop', viewport: { width: 1280, height: 800 }, touch: false },
  { name: 'tablet', viewport: { width: 820, height: 1180 }, touch: true },
  { name: 'phone', viewport: { width: 390, height: 844 }, touch: true },
] as const;

function quantile(sorted: number[], q: number): number {
  return sorted.length === 0 ? NaN : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number);
}

function stats(values: number[]): { n: number; p50: number; p95: number; max: number } {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, p50: quantile(s, 0.5), p95: quantile(s, 0.95), max: s[s.length - 1] ?? NaN };
}

/**
 * Installed in each participant's page: every animation frame, notes (on the epoch clock) when
 * the board settles after its task changed, by step id, and when a message first shows.
 */
function watch(): void {
  const w = window as unknown as { __kb: { steps: Record<string, number>; messages: Record<string, number> } };
  w.__kb = { steps: {}, messages: {} };
  const deep = (root: Document | ShadowRoot, sel: string): Element | null => {
    const hit = root.querySelector(sel);
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) {
      const found = el.shadowRoot ? deep(el.shadowRoot, sel) : null;
      if (found) return found;
    }
    return null;
  };
  let board: (HTMLElement & { task: { key: string } | null }) | null = null;
  let header: Element | null = null;
  let lastKey = '';
  let keyAt = 0;
  const tick = (): void => {
    board ??= deep(document, 'kb-board') as typeof board;
    header ??= deep(document, 'kb-group-header');
    const key = board?.task?.key ?? '';
    if (key !== lastKey) {
      lastKey = key;
      keyAt = performance.now();
    }
    const settled = Number(board?.dataset.settled ?? 0);
    const step = key.split('@')[0] ?? '';
    if (key && settled > keyAt && !(step in w.__kb.steps)) w.__kb.steps[step] = performance.timeOrigin + settled;
    const text = header?.querySelector('.banner.message .text')?.textContent?.trim();
    if (text && !(text in w.__kb.messages)) w.__kb.messages[text] = performance.timeOrigin + performance.now();
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function waitAll(pages: Page[], read: (p: Page) => Promise<number | undefined>, timeoutMs = 20_000): Promise<number[]> {
  const start = Date.now();
  for (;;) {
    const times = await Promise.all(pages.map(read));
    if (times.every((t) => t !== undefined)) return times as number[];
    if (Date.now() - start > timeoutMs) throw new Error(`timed out: ${times.filter((t) => t === undefined).length} of ${pages.length} pages`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const dataDir = mkdtempSync(join(tmpdir(), 'kb-bench-next-step-'));
  const server = await startServer({ ...loadConfig([], {}), port: 0, dataDir, quiet: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const res = await fetch(`${server.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Bench', parts: ['kaedeansvar', 'kontaktperson'], groups: opts.groups, locale: 'da' }),
    });
    const w = (await res.json()) as CreatedWorkshopResponse;
    const consolePage = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await consolePage.goto(server.url + w.links.facilitator);
    await consolePage.waitForSelector('kb-console-page [data-action=next-step]');

    const pages: Page[] = [];
    for (let i = 0; i < opts.people; i++) {
      const screen = SCREENS[i % SCREENS.length]!;
      const context = await browser.newContext({ viewport: screen.viewport, hasTouch: screen.touch, isMobile: screen.touch });
      const page = await context.newPage();
      await page.goto(server.url + w.groups[i % opts.groups]!.link);
      try {
        await page.waitForSelector('input[name=name]', { timeout: 30_000 });
      } catch (err) {
        console.error(`participant ${i + 1}:`, await page.evaluate(() => document.querySelector('kb-app')?.shadowRoot?.textContent?.slice(0, 300)));
        throw err;
      }
      await page.fill('input[name=name]', `Deltager ${i + 1}`);
      await page.click('button[type=submit]');
      await page.waitForSelector('kb-board >> .status-connected', { timeout: 30_000 });
      pages.push(page);
    }
    for (const p of pages) await p.evaluate(watch);
    // Every board has opened on the first step's tool.
    await waitAll(pages, (p) => p.locator('kb-board').evaluate((b) => ((b as HTMLElement).dataset.settled ? 1 : undefined)));

    const step: number[] = [];
    const perPage: number[] = [];
    const message: number[] = [];
    for (let r = 0; r < opts.rounds; r++) {
      for (const p of pages) await p.evaluate(() => ((window as unknown as { __kb: { steps: object } }).__kb.steps = {}));
      const to = r % 2 === 0 ? 'kaedeansvar-plenum' : 'kaedeansvar-work';
      const t0 = Date.now();
      await consolePage.click(`kb-console-page [data-action=${r % 2 === 0 ? 'next-step' : 'previous-step'}]`);
      const times = await waitAll(pages, (p) => p.evaluate((s) => (window as unknown as { __kb: { steps: Record<string, number> } }).__kb.steps[s], to));
      step.push(Math.max(...times) - t0);
      perPage.push(...times.map((t) => t - t0));

      const text = `Pause om 5 minutter (${r + 1})`;
      await consolePage.fill('#message', text);
      const t1 = Date.now();
      await consolePage.click('[data-action=message-send]');
      const shown = await waitAll(pages, (p) => p.evaluate((m) => (window as unknown as { __kb: { messages: Record<string, number> } }).__kb.messages[m], text));
      message.push(Math.max(...shown) - t1);
      await new Promise((res) => setTimeout(res, 300));
    }

    const s = stats(step);
    const each = stats(perPage);
    const m = stats(message);
    const f = (n: number) => n.toFixed(0).padStart(6);
    console.log(`\nkaedeboard "next step" benchmark — ${cpus()[0]?.model ?? 'cpu'} x${cpus().length}, Chromium headless`);
    console.log(`${opts.people} participants in ${opts.groups} groups (laptop, tablet and phone screens in turn), ${opts.rounds} rounds\n`);
    console.log('ms from the facilitator\'s press               p50    p95    max');
    console.log(`  "next step" -> last view settled on the tool ${f(s.p50)} ${f(s.p95)} ${f(s.max)}`);
    console.log(`  "next step" -> each view settled             ${f(each.p50)} ${f(each.p95)} ${f(each.max)}`);
    console.log(`  peer: message -> shown on the last screen    ${f(m.p50)} ${f(m.p95)} ${f(m.max)}`);
    console.log(`  difference (the glide, 420 ms, and the rest)  ${f(s.p50 - m.p50)}`);
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/next-step.json', JSON.stringify({ options: opts, nextStep: s, perParticipant: each, message: m }, null, 2));
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
