/**
 * Helpers for the tests of the workshop as the room uses it: a workshop made through the API,
 * participants on a phone, a tablet or a laptop (touch where the device has it), real touch
 * through CDP `Input.dispatchTouchEvent`, keys counted, the view brought to a tool, and the
 * overlap check (every control's centre hit-tests to itself, through shadow roots).
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { call } from '../integration/workshop-helpers.js';
import type { CreatedWorkshopResponse } from '../../src/workshop/api.js';

export const DEVICES = {
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 },
  tablet: { viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 },
  laptop: { viewport: { width: 1280, height: 800 }, hasTouch: false, isMobile: false, deviceScaleFactor: 1 },
} as const;
export type Device = keyof typeof DEVICES;

export async function createWorkshop(base: string, groups = 2): Promise<CreatedWorkshopResponse> {
  const r = await call<CreatedWorkshopResponse>(base, 'POST', '/api/workshops', { body: { title: 'Kædeansvar i Aarhus', parts: ['kaedeansvar', 'kontaktperson'], groups, locale: 'da' } });
  if (r.status !== 201) throw new Error(`create failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export interface Person {
  name: string;
  device: Device;
  page: Page;
  cdp: CDPSession;
  errors: string[];
  /** Keys pressed through `key`/`type` (the keyboard-only test counts them). */
  keys: number;
}

/** Opens a group's link on `device` and joins as `name` (the name typed into the prompt, which has focus). */
export async function join(browser: Browser, base: string, link: string, name: string, device: Device): Promise<Person> {
  const context = await browser.newContext({ ...DEVICES[device], locale: 'da-DK' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text());
  });
  const cdp = await context.newCDPSession(page);
  await installProbes(page);
  await page.goto(base + link);
  await page.waitForSelector('kb-name-prompt input[name=name]', { timeout: 15_000 }).catch(async (err: Error) => {
    throw new Error(`${device}: no name prompt (${errors.join('; ')}): ${(await page.evaluate(() => document.querySelector('kb-app')?.shadowRoot?.innerHTML.slice(0, 300))) ?? ''} ${err.message}`);
  });
  const person: Person = { name, device, page, cdp, errors, keys: 0 };
  // The prompt's field has focus: the name is typed straight away.
  await page.waitForFunction(() => deepActive()?.id === 'name', undefined, { timeout: 5000 }).catch(() => {
    throw new Error('the name prompt opened without focus in its field');
  });
  await type(person, name);
  await key(person, 'Enter');
  await page.waitForSelector('kb-board >> .status-connected', { timeout: 15_000 });
  await page.waitForTimeout(700);
  return person;
}

declare global {
  function deepActive(): Element | null;
}

/** Installs `deepActive()` in the page: the focused element inside every shadow root. */
export async function installProbes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (globalThis as unknown as { deepActive: () => Element | null }).deepActive = () => {
      let a: Element | null = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a;
    };
  });
}

export async function key(p: Person, k: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) {
    await p.page.keyboard.press(k);
    p.keys++;
  }
}

export async function type(p: Person, text: string): Promise<void> {
  await p.page.keyboard.type(text);
  p.keys += [...text].length;
}

// ---- touch ---------------------------------------------------------------------------------

type Pt = { x: number; y: number };

async function touch(p: Person, type: 'touchStart' | 'touchMove' | 'touchEnd', points: Pt[]): Promise<void> {
  await p.cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((pt, id) => ({ x: Math.round(pt.x), y: Math.round(pt.y), id, radiusX: 4, radiusY: 4, force: 1 })) });
}

export async function tap(p: Person, at: Pt): Promise<void> {
  await touch(p, 'touchStart', [at]);
  await p.page.waitForTimeout(40);
  await touch(p, 'touchEnd', []);
  await p.page.waitForTimeout(250);
}

/** One finger from `from` to `to` in `steps` moves; `hold` keeps it down at the end (returns the finger's release). */
export async function swipe(p: Person, from: Pt, to: Pt, opts: { steps?: number; hold?: boolean } = {}): Promise<() => Promise<void>> {
  const steps = opts.steps ?? 12;
  await touch(p, 'touchStart', [from]);
  await p.page.waitForTimeout(30);
  for (let i = 1; i <= steps; i++) {
    await touch(p, 'touchMove', [{ x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps }]);
    await p.page.waitForTimeout(16);
  }
  const release = async (): Promise<void> => {
    await touch(p, 'touchEnd', []);
    await p.page.waitForTimeout(200);
  };
  if (!opts.hold) await release();
  return release;
}

/** Moves a finger that is down (after `swipe(…, { hold: true })`). */
export async function moveFinger(p: Person, to: Pt): Promise<void> {
  await touch(p, 'touchMove', [to]);
  await p.page.waitForTimeout(30);
}

/** Two fingers around `c`, from `d0` to `d1` pixels apart. */
export async function pinch(p: Person, c: Pt, d0: number, d1: number, steps = 10): Promise<void> {
  const at = (d: number): Pt[] => [{ x: c.x - d / 2, y: c.y }, { x: c.x + d / 2, y: c.y }];
  await touch(p, 'touchStart', at(d0).slice(0, 1));
  await touch(p, 'touchStart', at(d0));
  for (let i = 1; i <= steps; i++) {
    await touch(p, 'touchMove', at(d0 + ((d1 - d0) * i) / steps));
    await p.page.waitForTimeout(16);
  }
  await touch(p, 'touchEnd', []);
  await p.page.waitForTimeout(200);
}

export async function centreOf(p: Person, selector: string): Promise<Pt> {
  const b = await p.page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`no box for ${selector}`);
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

// ---- the board --------------------------------------------------------------------------------

export interface View {
  x: number;
  y: number;
  zoom: number;
}

export async function view(p: Person): Promise<View> {
  return p.page.locator('kb-board').evaluate((b) => ({ ...(b as HTMLElement & { view: View }).view }));
}

/** The id of the placed widget of `type` on the participant's board. */
export async function widgetId(p: Person, type: string): Promise<string> {
  return p.page.locator(`kb-board [data-widget="${type}"]`).getAttribute('data-item-id') as Promise<string>;
}

/** Shows a tool as the task view shows it (its width fitted, text legible), without gliding. */
export async function showTool(p: Person, type: string): Promise<View> {
  const id = await widgetId(p, type);
  await p.page.waitForTimeout(500); // a glide under way ends first
  await p.page.locator('kb-board').evaluate((b, id) => (b as HTMLElement & { focusTool(id: string, o: { glide: boolean }): boolean }).focusTool(id, { glide: false }), id);
  await p.page.waitForTimeout(300);
  return view(p);
}

/** What the overlap check found: the controls checked, and those whose centre hits something else. */
export interface Overlaps {
  checked: number;
  small: string[];
  covered: string[];
}

/**
 * Every visible control on the page (through shadow roots): its centre must hit-test to itself
 * (`elementFromPoint` in each shadow root down). Controls of the canvas's content are checked
 * only where no bar lies over them (the board pans beneath its bars). Controls outside the
 * canvas must be 44x44 CSS px at least.
 */
export async function overlaps(p: Person): Promise<Overlaps> {
  return p.page.evaluate(() => {
    const SEL = 'button, a[href], input, select, textarea, [role=button], [role=link], [role=checkbox], [tabindex="0"]';
    const all: Element[] = [];
    const walk = (root: Document | ShadowRoot): void => {
      for (const el of root.querySelectorAll('*')) {
        if (el.matches(SEL)) all.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    const parentOf = (n: Node): Node | null => n.parentNode instanceof ShadowRoot ? n.parentNode.host : n.parentNode;
    const within = (n: Node | null, el: Node): boolean => {
      for (let x = n; x; x = parentOf(x)) if (x === el) return true;
      return false;
    };
    const inWorld = (n: Node): boolean => {
      for (let x: Node | null = n; x; x = parentOf(x)) if (x instanceof Element && x.classList.contains('world')) return true;
      return false;
    };
    const deepHit = (x: number, y: number): Element | null => {
      let el = document.elementFromPoint(x, y);
      while (el?.shadowRoot) {
        const inner = el.shadowRoot.elementFromPoint(x, y);
        if (!inner || inner === el) break;
        el = inner;
      }
      return el;
    };
    const name = (el: Element | null): string => {
      if (!el) return 'nothing';
      const label = el.getAttribute('aria-label') ?? (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30);
      return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.classList.length ? '.' + [...el.classList].join('.') : ''} "${label}"`;
    };
    const out = { checked: 0, small: [] as string[], covered: [] as string[] };
    for (const el of all) {
      if (el.classList.contains('viewport')) continue; // the board's surface itself: every bar lies over it
      if (el.closest('svg') && el.getAttribute('role') === 'button') continue; // interlocking puzzle pieces: their box's centre may be a neighbour's
      const r = el.getBoundingClientRect();
      if (r.width < 4 || r.height < 4) continue; // visually hidden (skip links until focused)
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || (el as HTMLElement).inert || el.closest('[inert]')) continue;
      const cx = r.left + r.width / 2;
      const cy = r.top + r.height / 2;
      if (cx < 0 || cy < 0 || cx >= innerWidth || cy >= innerHeight) continue;
      const hit = deepHit(cx, cy);
      const world = inWorld(el);
      if (world && hit && !inWorld(hit)) continue; // beneath a bar: the board pans under it
      if (world && hit && el.tagName === 'DIV' && el.classList.contains('item')) continue; // a tool's own box holds its controls
      out.checked++;
      if (!within(hit, el)) out.covered.push(`${name(el)} under ${name(hit)}`);
      if (!world && (r.width < 43.5 || r.height < 43.5) && el.tagName !== 'INPUT' && el.tagName !== 'TEXTAREA') out.small.push(`${name(el)} ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
    return out;
  });
}

/**
 * The smallest touch target among the on-screen controls matching `selector`: for each, how far
 * from its centre, across and down, a touch still lands on it (`elementFromPoint` through shadow
 * roots; a target may answer beyond its box). CSS px.
 */
export async function smallestTarget(p: Person, selector: string): Promise<{ w: number; h: number; n: number }> {
  return p.page.locator(selector).evaluateAll((els) => {
    const parentOf = (n: Node): Node | null => (n.parentNode instanceof ShadowRoot ? n.parentNode.host : n.parentNode);
    const within = (n: Node | null, el: Node): boolean => {
      for (let x = n; x; x = parentOf(x)) if (x === el) return true;
      return false;
    };
    const inWorld = (n: Node | null): boolean => {
      for (let x = n; x; x = parentOf(x)) if (x instanceof Element && x.classList.contains('world')) return true;
      return false;
    };
    let beneathBar = false;
    const hits = (el: Element, x: number, y: number): boolean => {
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return true; // past the screen's edge: it goes on there
      let h = document.elementFromPoint(x, y);
      while (h?.shadowRoot) {
        const inner = h.shadowRoot.elementFromPoint(x, y);
        if (!inner || inner === h) break;
        h = inner;
      }
      if (within(h, el)) return true;
      // A bar of the page or the board over it: the board pans beneath it; not its size.
      if (!h || !inWorld(h)) beneathBar = true;
      return false;
    };
    const reach = (el: Element, cx: number, cy: number, dx: number, dy: number): number => {
      let d = 0;
      while (d < 30 && hits(el, cx + dx * (d + 1), cy + dy * (d + 1))) d++;
      return d;
    };
    let w = Infinity;
    let h = Infinity;
    let n = 0;
    for (const el of els) {
      const r = el.getBoundingClientRect();
      const cx = r.left + r.width / 2;
      const cy = r.top + r.height / 2;
      if (r.width <= 1 || r.height <= 1 || cx < 0 || cy < 0 || cx >= innerWidth || cy >= innerHeight || !hits(el, cx, cy)) continue;
      beneathBar = false;
      const across = reach(el, cx, cy, -1, 0) + reach(el, cx, cy, 1, 0) + 1;
      const down = reach(el, cx, cy, 0, -1) + reach(el, cx, cy, 0, 1) + 1;
      if (beneathBar) continue;
      w = Math.min(w, across);
      h = Math.min(h, down);
      n++;
    }
    return { w, h, n };
  });
}
