/**
 * `<kb-board>` as a task view (task-view.ts): it opens on the task's tool with its body text
 * legible, glides to the next task's tool (after the participant's typing), says when the
 * participant left the task and takes them back, goes to a tool by name, asks before a second
 * copy, zooms around the tool in focus, shows a tool on a double press of its title, draws the
 * facilitator's pointer and follows keyboard focus at a legible zoom.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { placeWidget } from '../kinds/index.js';
import { setLocale } from '../i18n/index.js';
import { FakePresence, settle, syncedBoards } from '../../widgets/shared/test-utils.js';
import '../app/widgets.js';
import './board-element.js';
// The palette loads just after the board; here it is there from the start.
import './palette.js';
import type { KbBoard } from './board-element.js';
import type { KbPalette } from './palette.js';
import './task-motion.js';
import { shownRect, worldToScreen } from './viewport.js';

let cleanup: (() => void)[] = [];
afterEach(() => {
  cleanup.forEach((f) => f());
  cleanup = [];
  document.body.innerHTML = '';
  setLocale('da');
});

const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the board has settled on a view (a glide is over). */
async function settled(el: KbBoard, since = el.dataset.settled): Promise<void> {
  const t0 = performance.now();
  while (el.dataset.settled === since && performance.now() - t0 < 3000) await frame();
  await el.updateComplete;
}

async function setup(opts: { width?: number; height?: number; task?: string[] } = {}) {
  const boards = syncedBoards();
  cleanup.push(() => boards.destroy());
  const b = boards.local;
  const themes = placeWidget(b, 'seven-themes', { x: 0, y: 0 }, { locale: 'da' }, 'setup');
  const matrix = placeWidget(b, 'bor-gor-matrix', { x: 1100, y: 0 }, { locale: 'da' }, 'setup');
  const wall = placeWidget(b, 'reflection-wall', { x: 0, y: 900 }, { locale: 'da' }, 'setup');
  const host = document.createElement('div');
  host.style.cssText = `width: ${opts.width ?? 1280}px; height: ${opts.height ?? 760}px; position: relative`;
  document.body.append(host);
  const el = document.createElement('kb-board') as KbBoard;
  Object.assign(el, {
    board: b,
    presence: new FakePresence(),
    origin: { participant: 'me' },
    userName: 'Ida',
    clientTag: 'tag-ida',
    synced: true,
    task: { tools: opts.task ?? ['seven-themes', 'bor-gor-matrix'], key: 'step-1' },
  });
  el.style.height = '100%';
  host.append(el);
  await el.updateComplete;
  // The board opens once the palette shows (it keeps clear of it).
  await settled(el, undefined);
  const $ = (sel: string) => el.shadowRoot!.querySelector(sel) as HTMLElement;
  const palette = () => el.shadowRoot!.querySelector('kb-palette') as KbPalette;
  const inPalette = (sel: string) => palette().shadowRoot!.querySelector(sel) as HTMLElement;
  const events: boolean[] = [];
  el.addEventListener('kb-task-view', (e) => events.push((e as CustomEvent<{ onTask: boolean }>).detail.onTask));
  return { el, b, themes, matrix, wall, $, palette, inPalette, events };
}

/** The on-screen size (CSS px) of an element's text inside a widget: computed font-size times the zoom. */
function screenFont(el: KbBoard, widgetId: string, selector: string): number {
  const widget = el.shadowRoot!.querySelector(`[data-item-id="${widgetId}"] .widget-body > *`)!;
  const text = widget.shadowRoot!.querySelector(selector)!;
  return parseFloat(getComputedStyle(text).fontSize) * el.view.zoom;
}

/** The middle of a widget on the screen is inside the viewport. */
function centreShown(el: KbBoard, widgetId: string): boolean {
  const item = el.canvasItems().find((i) => i.id === widgetId)!;
  const c = worldToScreen(el.view, item.geometry.x + item.geometry.w / 2, item.geometry.y + 40);
  const r = el.getBoundingClientRect();
  return c.x > 0 && c.x < r.width && c.y > 0 && c.y < r.height;
}

describe('<kb-board> as a task view', () => {
  it('opens on the task’s first tool with its body text at least 14 px (12 px on a phone)', async () => {
    const { el, themes } = await setup();
    expect(centreShown(el, themes)).toBe(true);
    expect(screenFont(el, themes, '.status-text')).toBeGreaterThanOrEqual(14);
    // The tool's left edge is clear of the palette.
    const palette = el.shadowRoot!.querySelector('kb-palette')!.getBoundingClientRect();
    expect(worldToScreen(el.view, 0, 0).x).toBeGreaterThanOrEqual(palette.right - el.getBoundingClientRect().left);
    document.body.innerHTML = '';
    const phone = await setup({ width: 390, height: 700 });
    expect(screenFont(phone.el, phone.themes, '.status-text')).toBeGreaterThanOrEqual(12);
    // Wider than a phone at a legible zoom: it starts at its left edge, and the participant pans along.
    const left = worldToScreen(phone.el.view, 0, 0);
    expect(left.x).toBeGreaterThanOrEqual(0);
    expect(left.x).toBeLessThan(40);
    expect(left.y).toBeGreaterThan(0);
    expect(left.y).toBeLessThan(700);
  });

  it('glides to the next task’s tool, but only once the participant stops writing', async () => {
    const { el, matrix, themes } = await setup();
    // Writing a note: the view waits.
    el.add({ kind: 'note' });
    await settle(el);
    const field = el.shadowRoot!.querySelector('textarea.editor') as HTMLTextAreaElement;
    field.focus();
    await userEvent.keyboard('Vores pointe');
    await wait(100);
    const before = { ...el.view };
    el.task = { tools: ['bor-gor-matrix'], key: 'step-2' };
    await el.updateComplete;
    await wait(500);
    expect(el.view).toEqual(before);
    // Done writing: right after, the board glides to the matrix.
    field.blur();
    // (Focus goes back to the note, which the view shows first; then the glide.)
    const t0 = performance.now();
    while (!centreShown(el, matrix) && performance.now() - t0 < 3000) await frame();
    await settled(el);
    expect(centreShown(el, matrix)).toBe(true);
    expect(performance.now() - t0).toBeLessThan(1500);
    expect(centreShown(el, themes)).toBe(false);
    expect(screenFont(el, matrix, '.question')).toBeGreaterThanOrEqual(14);
  });

  it('says when the participant leaves the task, and takes them back', async () => {
    const { el, themes, events, $ } = await setup();
    el.view = { ...el.view, x: el.view.x + 5000 };
    await el.updateComplete;
    expect(el.onTask).toBe(false);
    expect(events.at(-1)).toBe(false);
    void $;
    const since = el.dataset.settled;
    expect(el.backToTask()).toBe(true);
    await settled(el, since);
    expect(el.onTask).toBe(true);
    expect(events.at(-1)).toBe(true);
    expect(centreShown(el, themes)).toBe(true);
  });

  it('goes to any tool by name from the palette, apart from adding', async () => {
    const { el, wall, inPalette, palette } = await setup();
    const goTo = inPalette('[data-action=go-to]');
    expect(goTo.textContent).toContain('Gå til');
    goTo.click();
    await palette().updateComplete;
    const names = [...palette().shadowRoot!.querySelectorAll('#go-to button')].map((x) => x.textContent?.trim());
    expect(names).toEqual(['De syv kvalitetskriterier', 'Bør/Gør-matrix', 'Refleksionsvæg']);
    const since = el.dataset.settled;
    inPalette(`[data-go-to="${wall}"]`).click();
    await settled(el, since);
    expect(centreShown(el, wall)).toBe(true);
    expect(palette().shadowRoot!.querySelector('#go-to')).toBeNull();
    // The add buttons are a group of their own, named "Tilføj".
    const add = palette().shadowRoot!.querySelector('[role=group]')!;
    expect(palette().shadowRoot!.getElementById(add.getAttribute('aria-labelledby')!)!.textContent).toBe('Tilføj');
    expect(add.querySelector('[data-tool=bor-gor-matrix]')).not.toBeNull();
  });

  it('asks before adding a second copy of a tool, and can show the one there is', async () => {
    const { el, b, matrix, inPalette, palette } = await setup();
    const count = () => b.read().items.filter((i) => i.kind === 'widget' && i.props.widget === 'bor-gor-matrix').length;
    inPalette('[data-tool=bor-gor-matrix]').click();
    await palette().updateComplete;
    const dialog = palette().shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).toBe(true);
    expect(dialog.textContent).toContain('Bør/Gør-matrix er allerede på tavlen');
    expect(count()).toBe(1);
    const since = el.dataset.settled;
    inPalette('[data-action=show-existing]').click();
    await settled(el, since);
    expect(dialog.open).toBe(false);
    expect(count()).toBe(1);
    expect(centreShown(el, matrix)).toBe(true);
    // Asked again, "add another" adds it, and the board shows the new one.
    inPalette('[data-tool=bor-gor-matrix]').click();
    await palette().updateComplete;
    const since2 = el.dataset.settled;
    inPalette('[data-action=add-another]').click();
    await settled(el, since2);
    expect(count()).toBe(2);
    const added = b.read().items.find((i) => i.kind === 'widget' && i.props.widget === 'bor-gor-matrix' && i.id !== matrix)!;
    expect(centreShown(el, added.id)).toBe(true);
    // A note is never asked about.
    inPalette('[data-tool=note]').click();
    await palette().updateComplete;
    expect(dialog.open).toBe(false);
  });

  it('zooms with the buttons around the tool in focus, never off it', async () => {
    const { el, themes } = await setup();
    const area = el.getBoundingClientRect();
    for (let i = 0; i < 6; i++) el.zoomBy(1.2);
    await settle(el);
    const g = el.canvasItems().find((x) => x.id === themes)!.geometry;
    const shown = shownRect(el.view, { x: 0, y: 0, w: area.width, h: area.height });
    // The view still lies on the tool.
    expect(shown.x).toBeGreaterThanOrEqual(g.x - 1);
    expect(shown.x + shown.w).toBeLessThanOrEqual(g.x + g.w + 1);
  });

  it('a double press on a tool’s title shows that tool', async () => {
    const { el, matrix } = await setup();
    const handle = el.shadowRoot!.querySelector(`[data-item-id="${matrix}"] .widget-handle`) as HTMLElement;
    el.view = { ...el.view, x: el.view.x - 600 };
    await el.updateComplete;
    const since = el.dataset.settled;
    for (let i = 0; i < 2; i++) {
      const r = handle.getBoundingClientRect();
      for (const type of ['pointerdown', 'pointerup']) {
        handle.dispatchEvent(new PointerEvent(type, { pointerId: 3 + i, clientX: r.left + 20, clientY: r.top + 10, button: 0, buttons: type === 'pointerdown' ? 1 : 0, bubbles: true, composed: true, isPrimary: true }));
      }
    }
    await settled(el, since);
    expect(centreShown(el, matrix)).toBe(true);
  });

  it('draws the facilitator’s pointer, named, where it was put', async () => {
    const { el } = await setup();
    el.pointer = { x: 300, y: 200 };
    await el.updateComplete;
    const p = el.shadowRoot!.querySelector('.look-here') as HTMLElement;
    expect(p.getAttribute('aria-label')).toBe('Se her');
    expect(p.textContent).toContain('Se her');
    expect(p.style.left).toBe('300px');
    el.pointer = null;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.look-here')).toBeNull();
  });

  it('keyboard focus brings what it lands on into view at a legible zoom', async () => {
    const { el, wall } = await setup();
    el.view = { x: -200, y: -200, zoom: 0.2 };
    await el.updateComplete;
    const item = el.shadowRoot!.querySelector(`[data-item-id="${wall}"]`) as HTMLElement;
    // Tab onto the wall from the item before it.
    const before = el.shadowRoot!.querySelectorAll('.world > .item');
    const prev = [...before][[...before].indexOf(item) - 1] as HTMLElement;
    prev.focus();
    const since = el.dataset.settled;
    await userEvent.keyboard('{Tab}');
    let guard = 0;
    while (el.shadowRoot!.activeElement !== item && guard++ < 40) await userEvent.keyboard('{Tab}');
    await settled(el, since);
    expect(el.view.zoom).toBeGreaterThanOrEqual(14 / 14 - 1e-9);
    // The focused item's top-left is on the screen.
    const r = item.getBoundingClientRect();
    const host = el.getBoundingClientRect();
    expect(r.left).toBeGreaterThanOrEqual(host.left);
    expect(r.left).toBeLessThan(host.right);
    expect(r.top).toBeGreaterThanOrEqual(host.top);
    expect(r.top).toBeLessThan(host.bottom);
    // The host never scrolls its content (the view is the transform).
    expect(el.scrollTop).toBe(0);
  });
});
