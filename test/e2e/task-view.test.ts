/**
 * The workshop as it happens in the room, end to end (real server, several Chromium contexts):
 * a group on a 1280x800 laptop, an 820x1180 tablet and a 390x844 phone (touch), another
 * group on a laptop, and the facilitator's console at 1440x900.
 *
 * - Every board opens on the current step's tool, its body text at least 14 CSS px on screen
 *   on the laptop and the tablet and 12 on the phone (computed font-size times the zoom,
 *   measured on the tool's own body text), with the step's instruction over the board.
 * - "Next step" on the console moves every participant's view to the next step's tool, and
 *   its instruction appears; the time from the click to the last view settling is printed.
 * - A participant who wandered off gets "back to the task"; "bring everyone here" (console)
 *   and "bring the group here" (the facilitator's own view of the group) bring them back;
 *   the facilitator's "look here" pointer shows on every screen of that group only; the group
 *   follows the facilitator's view when asked.
 * - The console fits 1440x900 with six groups: the run-sheet, timer, message, lock and
 *   snapshot and every group's tile in view.
 * - Screenshots of every step on each of the three screens go to test-results/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CreatedWorkshopResponse } from '../../src/workshop/api.js';
import { defaultSteps } from '../../src/workshop/run-sheet.js';
import { eventually, screenshot, useServerAndBrowser } from './browser.js';

const SCREENS = {
  laptop: { viewport: { width: 1280, height: 800 }, touch: false, min: 14 },
  tablet: { viewport: { width: 820, height: 1180 }, touch: true, min: 14 },
  phone: { viewport: { width: 390, height: 844 }, touch: true, min: 12 },
} as const;
type Screen = keyof typeof SCREENS;

/** Each tool's body text (the text a participant reads in it), as the task view measures it. */
const BODY: Record<string, string> = {
  'seven-themes': '.status-text',
  'bor-gor-matrix': '.question',
  'competence-profile': 'kb-competence-card',
  'reflection-wall': '.questions',
};

interface Person {
  name: string;
  screen: Screen;
  group: number;
  page: Page;
  errors: string[];
}

async function join(browser: Browser, base: string, link: string, name: string, screen: Screen, group: number): Promise<Person> {
  const s = SCREENS[screen];
  const context = await browser.newContext({ viewport: s.viewport, hasTouch: s.touch, isMobile: s.touch, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base + link);
  await page.fill('input[name=name]', name);
  await page.click('button[type=submit]');
  await page.waitForSelector('kb-board >> .status-connected', { timeout: 20_000 });
  return { name, screen, group, page, errors };
}

/** What a participant's board shows of a tool: view, zoom, the tool's box on screen, its body text's size on screen. */
interface Seen {
  zoom: number;
  /** When the board last settled on a view (ms since the epoch; 0: never). */
  settledAt: number;
  box: { left: number; top: number; right: number; bottom: number } | null;
  viewport: { width: number; height: number };
  fontPx: number;
  onTask: boolean;
}

function seen(page: Page, tool: string, selector: string): Promise<Seen> {
  return page.evaluate(
    ([tool, selector]) => {
      const deep = (root: Document | ShadowRoot, sel: string): Element | null => {
        const hit = root.querySelector(sel);
        if (hit) return hit;
        for (const el of root.querySelectorAll('*')) {
          const found = el.shadowRoot ? deep(el.shadowRoot, sel) : null;
          if (found) return found;
        }
        return null;
      };
      const board = deep(document, 'kb-board') as HTMLElement & { view: { zoom: number }; onTask: boolean };
      const item = board.shadowRoot!.querySelector(`[data-widget="${tool}"]`) as HTMLElement | null;
      const body = item ? deep(item.querySelector('.widget-body > *')!.shadowRoot!, selector) : null;
      const r = item?.getBoundingClientRect();
      const vp = board.getBoundingClientRect();
      return {
        zoom: board.view.zoom,
        settledAt: board.dataset.settled ? performance.timeOrigin + Number(board.dataset.settled) : 0,
        box: r ? { left: r.left - vp.left, top: r.top - vp.top, right: r.right - vp.left, bottom: r.bottom - vp.top } : null,
        viewport: { width: vp.width, height: vp.height },
        fontPx: body ? parseFloat(getComputedStyle(body).fontSize) * board.view.zoom : 0,
        onTask: board.onTask,
      };
    },
    [tool, selector] as const,
  );
}

/** The tool is where the participant reads it: its top-left part on screen, the screen mostly on it. */
function onTool(s: Seen): boolean {
  if (!s.box) return false;
  const { left, top, right, bottom } = s.box;
  const w = Math.min(right, s.viewport.width) - Math.max(left, 0);
  const h = Math.min(bottom, s.viewport.height) - Math.max(top, 0);
  return left < s.viewport.width * 0.5 && top < s.viewport.height * 0.6 && w > s.viewport.width * 0.5 && h > 0;
}

const stepText = (p: Page) => p.locator('kb-group-step .text').textContent();

describe('the task view and the facilitator’s lead, on three screens', () => {
  const fx = useServerAndBrowser();

  it('opens every board on the step’s tool legibly, and moves every view on the facilitator’s word', async () => {
    const { browser } = fx;
    const base = fx.server.url;
    const res = await fetch(`${base}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'KUI Vest', parts: ['kaedeansvar', 'kontaktperson'], groups: 6, locale: 'da' }) });
    const w = (await res.json()) as CreatedWorkshopResponse;
    const steps = defaultSteps(['kaedeansvar', 'kontaktperson']);

    const fac = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const console_ = await fac.newPage();
    const facErrors: string[] = [];
    console_.on('pageerror', (e) => facErrors.push(e.message));
    await console_.goto(base + w.links.facilitator);
    await console_.waitForSelector('kb-console-page ol.tiles > li');

    const people = [
      await join(browser, base, w.groups[0]!.link, 'Lene', 'laptop', 1),
      await join(browser, base, w.groups[0]!.link, 'Tobias', 'tablet', 1),
      await join(browser, base, w.groups[0]!.link, 'Pia', 'phone', 1),
      await join(browser, base, w.groups[1]!.link, 'Karim', 'laptop', 2),
    ];
    const group1 = people.slice(0, 3);

    /**
     * Waits until every participant's board has settled on the tool after `since` (a glide
     * ended there, and the view stays); returns the time from `since` to the last one settling.
     */
    const allOn = async (tool: string, since: number, what: string, who = people): Promise<number> => {
      let last = 0;
      await eventually(async () => {
        const a = await Promise.all(who.map((p) => seen(p.page, tool, BODY[tool]!)));
        if (!a.every((x) => onTool(x) && x.settledAt >= since)) return false;
        await new Promise((r) => setTimeout(r, 120));
        const b = await Promise.all(who.map((p) => seen(p.page, tool, BODY[tool]!)));
        if (JSON.stringify(b.map((x) => x.box)) !== JSON.stringify(a.map((x) => x.box))) return false;
        last = Math.max(...b.map((x) => x.settledAt)) - since;
        return true;
      }, 15_000, what);
      return Math.round(last);
    };

    const fonts: string[] = [];
    const settleTimes: number[] = [];
    for (const [i, step] of steps.entries()) {
      const tool = step.tools[0]!;
      if (i > 0) {
        const t0 = Date.now();
        await console_.click('kb-console-page [data-action=next-step]');
        settleTimes.push(await allOn(tool, t0, `every board on ${tool} after "next step" to ${step.id}`));
      } else {
        await allOn(tool, 0, `every board opened on ${tool}`);
      }
      for (const p of people) {
        await eventually(async () => (await stepText(p.page))?.trim() === step.text.da, 10_000, `step ${i + 1}'s instruction on ${p.name}'s screen`);
        const s = await seen(p.page, tool, BODY[tool]!);
        fonts.push(`${step.id} ${p.screen} ${tool}: zoom ${s.zoom.toFixed(2)}, body text ${s.fontPx.toFixed(1)} px`);
        expect(s.fontPx, `${p.name} (${p.screen}) reads ${tool} at ${s.fontPx.toFixed(1)} px`).toBeGreaterThanOrEqual(SCREENS[p.screen].min - 0.01);
        expect(s.onTask).toBe(true);
      }
      for (const p of group1) await screenshot(p.page, `task-step${i + 1}-${step.id}-${p.screen}.png`);
      await screenshot(console_, `task-step${i + 1}-console.png`);
    }
    console.log(`on-screen body text of the current tool:\n  ${fonts.join('\n  ')}`);
    console.log(`"next step" to the last view settled (${people.length} participants): ${settleTimes.map((t) => `${t} ms`).join(', ')}; max ${Math.max(...settleTimes)} ms`);

    // ---- The console at 1440x900 with six groups: everything a facilitator needs in view. ----
    const inView = await console_.evaluate(() => {
      const page = document.querySelector('kb-app')!.shadowRoot!.querySelector('kb-console-page')!.shadowRoot!;
      const visible = (sel: string) => [...page.querySelectorAll(sel)].map((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth && r.width > 0;
      });
      return {
        controls: ['[data-action=next-step]', '[data-action=bring-all]', '[data-action=timer-start]', '[data-action=message-send]', '[data-action=lock]', '[data-action=snapshot]'].map((sel) => visible(sel).every(Boolean)),
        tiles: visible('ol.tiles > li'),
        page: document.documentElement.scrollHeight <= innerHeight,
      };
    });
    expect(inView.controls).toEqual([true, true, true, true, true, true]);
    expect(inView.tiles).toEqual([true, true, true, true, true, true]);

    // ---- Back to step 1; a participant wanders off and comes back; everyone is brought. -----
    const t2 = Date.now();
    await console_.click('kb-console-page ol.steps > li[data-step="kaedeansvar-work"] [data-action=go-step]');
    await allOn('seven-themes', t2, 'every board back on the puzzle');
    for (const p of people) {
      await p.page.mouse.move(SCREENS[p.screen].viewport.width / 2, SCREENS[p.screen].viewport.height / 2);
      for (let k = 0; k < 8; k++) await p.page.mouse.wheel(0, 600);
    }
    for (const p of people) {
      await eventually(async () => (await seen(p.page, 'seven-themes', BODY['seven-themes']!)).onTask === false, 5000, `${p.name} away from the task`);
      await p.page.waitForSelector('kb-group-step [data-action=back-to-task]', { timeout: 5000 });
    }
    await screenshot(people[2]!.page, 'task-wandered-phone.png');
    // The phone's participant goes back by themself.
    await people[2]!.page.click('kb-group-step [data-action=back-to-task]');
    await eventually(async () => onTool(await seen(people[2]!.page, 'seven-themes', BODY['seven-themes']!)), 5000, 'the phone back on the task');
    // "Bring everyone here" from the console brings the rest.
    const t1 = Date.now();
    await console_.click('kb-console-page [data-action=bring-all]');
    const bring = await allOn('seven-themes', t1, 'every board brought back by "bring everyone here"');
    console.log(`"bring everyone here" to the last view settled: ${bring} ms`);
    for (const p of people) await p.page.waitForSelector('kb-group-step [data-action=back-to-task]', { state: 'detached', timeout: 5000 });

    // ---- The facilitator's own view of group 1: bring the group there, point, lead. ----------
    await console_.click('kb-console-page ol.tiles > li[data-group="1"] [data-action=open]');
    await console_.waitForSelector('kb-console-group-view kb-board >> .status-connected', { timeout: 15_000 });
    // The group sees the facilitator on its board.
    await eventually(async () => (await people[0]!.page.locator('kb-board kb-people').evaluate((el) => el.shadowRoot?.textContent ?? '')).includes('Facilitator'), 10_000, 'the facilitator among the people on the board');
    // The facilitator looks at the matrix, then brings the group there.
    const facBoard = console_.locator('kb-console-group-view kb-board');
    await facBoard.evaluate((b) => {
      const board = b as HTMLElement & { canvasItems(): { id: string; kind: string; props: { widget?: string } }[]; focusTool(id: string, o: { glide: boolean }): boolean };
      const matrix = board.canvasItems().find((i) => i.kind === 'widget' && i.props.widget === 'bor-gor-matrix')!;
      board.focusTool(matrix.id, { glide: false });
    });
    await console_.waitForTimeout(200);
    await console_.click('kb-console-group-view [data-action=bring-here]');
    try {
      await allOn('bor-gor-matrix', 0, "group 1 brought to the matrix by the facilitator's view", group1);
    } catch (err) {
      for (const p of group1) console.log('DEBUG', p.screen, JSON.stringify(await seen(p.page, 'bor-gor-matrix', '.question')), JSON.stringify(await p.page.locator('kb-board').evaluate((b) => (b as unknown as { view: unknown }).view)));
      console.log('DEBUG status', await console_.locator('kb-console-page p.status-line').textContent());
      throw err;
    }
    // The matrix is one of the step's tools: the group is still on its task.
    for (const p of group1) expect((await seen(p.page, 'bor-gor-matrix', BODY['bor-gor-matrix']!)).onTask).toBe(true);
    // Group 2 stays where it is.
    expect(onTool(await seen(people[3]!.page, 'seven-themes', BODY['seven-themes']!))).toBe(true);

    // "Look here": a click on the facilitator's board puts the pointer on every screen of group 1.
    await console_.click('kb-console-group-view [data-action=point]');
    const fb = (await facBoard.boundingBox())!;
    await console_.mouse.click(fb.x + fb.width / 2, fb.y + fb.height / 2);
    for (const p of group1) await p.page.waitForSelector('kb-board .look-here .tag', { timeout: 10_000 });
    expect(await people[3]!.page.locator('kb-board .look-here').count()).toBe(0);
    for (const p of group1) await screenshot(p.page, `task-look-here-${p.screen}.png`);
    await screenshot(console_, 'task-facilitator-view.png');
    await console_.click('kb-console-group-view [data-action=pointer-off]');
    for (const p of group1) await p.page.waitForSelector('kb-board .look-here .tag', { state: 'detached', timeout: 10_000 });

    // "Let the group follow me": the facilitator's view leads group 1's boards.
    await console_.click('kb-console-group-view [data-action=lead]');
    await console_.waitForSelector('kb-console-group-view [data-action=lead][aria-pressed=true]');
    await facBoard.evaluate((b) => {
      const board = b as HTMLElement & { canvasItems(): { id: string; kind: string; props: { widget?: string } }[]; focusTool(id: string, o: { glide: boolean }): boolean };
      const wall = board.canvasItems().find((i) => i.kind === 'widget' && i.props.widget === 'reflection-wall')!;
      board.focusTool(wall.id, { glide: false });
    });
    // A view the facilitator chooses (a pan) is what the group follows.
    await console_.mouse.move(fb.x + fb.width / 2, fb.y + fb.height / 2);
    await console_.mouse.wheel(0, 40);
    for (const p of group1) await eventually(async () => (await seen(p.page, 'reflection-wall', BODY['reflection-wall']!)).box !== null && onTool(await seen(p.page, 'reflection-wall', BODY['reflection-wall']!)), 10_000, `${p.name} following the facilitator to the wall`);
    await console_.click('kb-console-group-view [data-action=lead]');

    for (const p of people) expect(p.errors, p.name).toEqual([]);
    expect(facErrors).toEqual([]);
    await fac.close();
    for (const p of people) await p.page.context().close();
  });
});
