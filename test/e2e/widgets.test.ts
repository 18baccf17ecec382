/**
 * The workshop's widgets with three participants working at once: cards dragged into the
 * local competence profile, notes added and moved in the Bør/Gør matrix, posts on the wall.
 * Every participant ends with the same board and nothing anyone placed is missing; a fourth
 * participant in another group sees none of it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually, joinBoard, screenshot, useServerAndBrowser, type Participant } from './browser.js';

interface WidgetState {
  local: string[];
  matrix: string[];
  wall: string[];
}

async function state(page: Page): Promise<WidgetState> {
  const local = await page.locator('kb-competence-profile .column[data-area="local"] kb-competence-card').evaluateAll((els) => els.map((e) => `${(e.closest('.column') as HTMLElement).dataset.column}: ${e.getAttribute('data-item-id')}`).sort());
  const matrix = await page.locator('kb-bor-gor-matrix li[data-item-id]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-field')}: ${e.textContent?.replace(/\s+/g, ' ').trim().slice(0, 40)}`).sort());
  const wall = await page.locator('kb-reflection-wall [part~="post-text"]').evaluateAll((els) => els.map((e) => e.textContent?.trim() ?? '').sort());
  return { local, matrix, wall };
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

function centre(b: { x: number; y: number; width: number; height: number }): { x: number; y: number } {
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** Zooms the participant's view onto one widget (selects it and fits). */
async function focusWidget(page: Page, widget: string): Promise<void> {
  // A glide of the view (after adding a tool) may still be under way: set the view until it stays.
  for (let i = 0; i < 10; i++) {
    await setWidgetView(page, widget);
    await page.waitForTimeout(150);
    const stayed = await page.locator('kb-board').evaluate((board, w) => {
      const b = board as HTMLElement & { view: { x: number; y: number; zoom: number } };
      const el = b.shadowRoot!.querySelector(`[data-widget="${w}"]`) as HTMLElement;
      return Math.abs(b.view.x - (parseFloat(el.style.left) - 230 / b.view.zoom)) < 1;
    }, widget);
    if (stayed) return;
    await page.waitForTimeout(300);
  }
}

async function setWidgetView(page: Page, widget: string): Promise<void> {
  await page.locator('kb-board').evaluate((board, w) => {
    const b = board as HTMLElement & { view: { x: number; y: number; zoom: number } };
    const el = b.shadowRoot!.querySelector(`[data-widget="${w}"]`) as HTMLElement;
    const vp = b.shadowRoot!.querySelector('.viewport')!.getBoundingClientRect();
    const x = parseFloat(el.style.left);
    const y = parseFloat(el.style.top);
    const zoom = Math.min(1, (vp.width - 260) / parseFloat(el.style.width), (vp.height - 160) / parseFloat(el.style.height));
    b.view = { x: x - 230 / zoom, y: y - 90 / zoom, zoom };
  }, widget);
}

describe('three participants working in the widgets at once', () => {
  const fx = useServerAndBrowser();

  it('drag cards, move notes and post at the same time; everyone ends with the same board', async () => {
    const people: Participant[] = [];
    for (const n of ['Anna', 'Bo', 'Cem']) people.push(await joinBoard(fx.browser, fx.server.url, 'e2e-widgets', n));
    const other = await joinBoard(fx.browser, fx.server.url, 'e2e-widgets-other', 'Dorte');
    const anna = people[0]!;
    for (const tool of ['competence-profile', 'bor-gor-matrix', 'reflection-wall']) {
      await anna.page.click(`kb-board [data-tool="${tool}"]`);
    }
    for (const p of people) await p.page.waitForSelector('kb-reflection-wall [part~="answer"]', { timeout: 15_000 });

    // 1. Each drags a different generic card into the local profile, at the same moment.
    await Promise.all(
      people.map(async (p, i) => {
        await focusWidget(p.page, 'competence-profile');
        const card = p.page.locator('kb-competence-profile .column[data-area="generic"] kb-competence-card').nth(i * 5);
        const column = await card.evaluate((e) => (e.closest('.column') as HTMLElement).dataset.column);
        const target = p.page.locator(`kb-competence-profile .column[data-area="local"][data-column="${column}"]`);
        await drag(p.page, centre((await card.boundingBox())!), centre((await target.boundingBox())!));
      }),
    );

    // 2. Each adds a note in "bør og gør" and drags it to another field, at the same moment.
    const fields = ['bor-ikke-gor', 'gor-ikke-bor', 'hverken'];
    await Promise.all(
      people.map(async (p, i) => {
        await focusWidget(p.page, 'bor-gor-matrix');
        await p.page.click('kb-bor-gor-matrix button.add[data-field="bor-gor"]');
        const draft = p.page.locator('kb-bor-gor-matrix textarea[data-draft="bor-gor"]');
        await draft.fill(`Note fra ${p.name}`);
        await draft.press('Enter');
        const note = p.page.locator('kb-bor-gor-matrix li[data-item-id]', { hasText: `Note fra ${p.name}` });
        await note.waitFor();
        const field = p.page.locator(`kb-bor-gor-matrix section[data-field="${fields[i]}"]`);
        await drag(p.page, centre((await note.boundingBox())!), centre((await field.boundingBox())!));
      }),
    );

    // 3. Each posts an answer on the wall, at the same moment (Cem without his name).
    await Promise.all(
      people.map(async (p, i) => {
        await focusWidget(p.page, 'reflection-wall');
        const answer = p.page.locator('kb-reflection-wall [part~="answer"]').nth(i);
        await answer.fill(`Svar fra ${p.name}`);
        await p.page.locator('kb-reflection-wall [part~="post-button"]').nth(i).click();
      }),
    );

    let states: WidgetState[] = [];
    await eventually(async () => {
      states = await Promise.all(people.map((p) => state(p.page)));
      return states.every((s) => JSON.stringify(s) === JSON.stringify(states[0])) && states[0]!.local.length === 3 && states[0]!.wall.length === 3 && states[0]!.matrix.length === 3;
    }, 20_000, 'the same widgets everywhere').catch((err: Error) => {
      throw new Error(`${err.message}: ${JSON.stringify(states, null, 1)}`);
    });
    const s = states[0]!;
    expect(s.local).toHaveLength(3);
    expect(s.matrix).toEqual(['bor-ikke-gor: Note fra Anna', 'gor-ikke-bor: Note fra Bo', 'hverken: Note fra Cem'].map((x) => expect.stringContaining(x)) as unknown as string[]);
    expect(s.wall).toEqual(['Svar fra Anna', 'Svar fra Bo', 'Svar fra Cem']);

    // The other group's board has none of it.
    expect(await other.page.locator('kb-board .world > .item').count()).toBe(0);
    for (const p of people) {
      await p.page.locator('kb-board').evaluate((b) => (b as HTMLElement & { zoomToFit(): void }).zoomToFit());
      await screenshot(p.page, `widgets-${p.name}.png`);
      expect(p.errors).toEqual([]);
    }
    await focusWidget(anna.page, 'competence-profile');
    await screenshot(anna.page, 'widgets-anna-profile.png');
    await focusWidget(anna.page, 'bor-gor-matrix');
    await screenshot(anna.page, 'widgets-anna-matrix.png');
  });
});
