/**
 * Three participants on one group's board at once, a fourth in another group: palette drags,
 * simultaneous drags of different notes and of the same note, and isolation between groups.
 */
import { describe, expect, it } from 'vitest';
import { dragBy, eventually, joinBoard, screenshot, seenItems as seen, useServerAndBrowser, type Participant, type SeenItem as Seen } from './browser.js';

describe('several participants on one board', () => {
  const fx = useServerAndBrowser();
  const people: Participant[] = [];

  it('three people place and drag notes at once; all end with the same board; another group sees nothing', async () => {
    const names = ['Anna', 'Bo', 'Cem'];
    for (const n of names) people.push(await joinBoard(fx.browser, fx.server.url, 'e2e-group-1', n));
    const other = await joinBoard(fx.browser, fx.server.url, 'e2e-group-2', 'Dorte');

    // Each drags a note from the palette to their own spot, and writes on it.
    await Promise.all(
      people.map(async (p, i) => {
        const button = p.page.locator('kb-board [data-tool="note"]');
        const box = (await button.boundingBox())!;
        await p.page.mouse.move(box.x + 20, box.y + 10);
        await p.page.mouse.down();
        await p.page.mouse.move(400 + i * 260, 300, { steps: 8 });
        await p.page.mouse.up();
        const editor = p.page.locator('kb-board textarea.editor');
        await editor.waitFor();
        await editor.fill(`Seddel fra ${p.name}`);
        await editor.press('Control+Enter');
      }),
    );
    await eventually(async () => (await Promise.all(people.map((p) => seen(p.page)))).every((s) => s.length === 3 && s.every((i) => i.text !== '')), 15_000, 'three notes everywhere');

    // All three drag their own note at the same moment, 220 px down on their screens.
    const before = new Map((await seen(people[0]!.page)).map((s) => [s.text, parseFloat(s.top)]));
    await Promise.all(
      people.map(async (p) => {
        const mine = (await seen(p.page)).find((s) => s.text === `Seddel fra ${p.name}`)!;
        await dragBy(p.page, `kb-board [data-item-id="${mine.id}"]`, 40, 220);
      }),
    );
    // Then all three drag the same note (Anna's) at once, in different directions.
    const shared = (await seen(people[0]!.page)).find((s) => s.text === 'Seddel fra Anna')!;
    await Promise.all(people.map((p, i) => dragBy(p.page, `kb-board [data-item-id="${shared.id}"]`, (i - 1) * 120, -100)));

    let final: Seen[][] = [];
    await eventually(async () => {
      final = await Promise.all(people.map((p) => seen(p.page)));
      return final.every((s) => JSON.stringify(s) === JSON.stringify(final[0]));
    }, 15_000, 'every screen to agree');
    expect(final[0]).toHaveLength(3);
    for (const n of names) expect(final[0]!.map((s) => s.text)).toContain(`Seddel fra ${n}`);
    // Every own drag landed: at a zoom of at most 100 %, 220 px on screen is at least 220 on the board.
    for (const s of final[0]!.filter((s) => s.text !== 'Seddel fra Anna')) expect(parseFloat(s.top) - (before.get(s.text) as number)).toBeGreaterThanOrEqual(219);

    expect(await seen(other.page)).toEqual([]);
    for (const p of people) await screenshot(p.page, `board-${p.name}.png`);
    await screenshot(other.page, 'board-other-group.png');
    for (const p of [...people, other]) expect(p.errors).toEqual([]);
  });

  it('shows who is here and their cursors', async () => {
    const [anna, bo] = people as [Participant, Participant];
    await bo.page.mouse.move(700, 500);
    await bo.page.mouse.move(720, 520);
    await eventually(async () => (await anna.page.locator('kb-board .cursor span', { hasText: 'Bo' }).count()) === 1, 10_000, "Bo's cursor on Anna's screen");
    const people_ = await anna.page.locator('kb-board kb-people li').allTextContents();
    expect(people_.join(' ')).toMatch(/Anna/);
    expect(people_.join(' ')).toMatch(/Bo/);
    expect(people_.join(' ')).toMatch(/Cem/);
  });
});
