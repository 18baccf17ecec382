/**
 * The workshop on a phone, a tablet and a laptop (several Chromium contexts, the real server):
 * no control lies over another at 390x844, 820x1180 and 1280x800; each of the four tools is
 * worked with touch alone on the phone (CDP Input.dispatchTouchEvent) and the change reaches
 * the laptop; one finger pans and two fingers pinch on a widget; two people grabbing the same
 * card both end their drags cleanly, and a ghost goes within a second of its owner falling
 * silent. Screenshots of the states tested go to test-results/screenshots/touch-*.png.
 */
import { describe, expect, it } from 'vitest';
import { call } from '../integration/workshop-helpers.js';
import { eventually, screenshot, useServerAndBrowser } from './browser.js';
import { centreOf, createWorkshop, join, moveFinger, overlaps, pinch, showTool, smallestTarget, swipe, tap, view, widgetId, type Device, type Person } from './room.js';

const report = (line: string): void => console.log(`[touch] ${line}`);

/** Checks `probe` until it passes or 5 s went by: the view may still be gliding to the task's tool. */
async function settled<T>(probe: () => Promise<T>, ok: (t: T) => boolean, page: Person['page']): Promise<T> {
  let t = await probe();
  for (let i = 0; i < 20 && !ok(t); i++) {
    await page.waitForTimeout(250);
    t = await probe();
  }
  return t;
}

async function expectNoOverlap(p: Person, state: string): Promise<void> {
  const o = await settled(() => overlaps(p), (r) => r.covered.length === 0 && r.small.length === 0, p.page);
  report(`${p.device} ${p.page.viewportSize()!.width}x${p.page.viewportSize()!.height} ${state}: ${o.checked} controls checked, ${o.covered.length} covered, ${o.small.length} under 44x44`);
  expect(o.covered, `${p.device} ${state}: controls under others`).toEqual([]);
  expect(o.small, `${p.device} ${state}: controls under 44x44`).toEqual([]);
}

describe('the workshop on phones, tablets and laptops', () => {
  const fx = useServerAndBrowser();

  it('no control lies over another, on any of the three screens, in the states a participant meets', async () => {
    const ws = await createWorkshop(fx.server.url);
    const link = ws.groups[0]!.link;
    const people: Person[] = [];
    for (const [device, name] of [['phone', 'Pia'], ['tablet', 'Tom'], ['laptop', 'Lis']] as [Device, string][]) {
      const p = await join(fx.browser, fx.server.url, link, name, device);
      people.push(p);
      await screenshot(p.page, `touch-${device}-1-opened.png`);
      await expectNoOverlap(p, 'as the board opens');
    }
    const [phone, tablet, laptop] = people as [Person, Person, Person];
    // The phone's bottom bar, and its sheets.
    expect(await phone.page.locator('kb-board .bar.dock').count()).toBe(1);
    expect(await tablet.page.locator('kb-board .bar.dock').count()).toBe(0);
    await tap(phone, await centreOf(phone, 'kb-board .dock .tools'));
    await screenshot(phone.page, 'touch-phone-2-palette-sheet.png');
    await expectNoOverlap(phone, 'palette sheet open');
    await tap(phone, await centreOf(phone, 'kb-board .dock .who'));
    await screenshot(phone.page, 'touch-phone-3-people-sheet.png');
    await expectNoOverlap(phone, 'people sheet open');
    await tap(phone, await centreOf(phone, 'kb-board .sheet .close'));
    expect(await phone.page.locator('kb-board .sheet').count()).toBe(0);
    // The facilitator's timer, message and lock: over the board, never over its controls.
    const before = await Promise.all(people.map((p) => p.page.locator('kb-board').boundingBox()));
    const auth = { token: ws.facilitatorToken };
    expect((await call(fx.server.url, 'POST', `/api/workshops/${ws.id}/timer`, { ...auth, body: { action: 'start', minutes: 12 } })).status).toBeLessThan(300);
    expect((await call(fx.server.url, 'POST', `/api/workshops/${ws.id}/message`, { ...auth, body: { text: 'Husk at gemme jeres profil inden pausen kl. 11' } })).status).toBeLessThan(300);
    for (const p of people) await p.page.waitForSelector('kb-group-header .banner.message', { timeout: 10_000 });
    await Promise.all(people.map((p) => p.page.waitForTimeout(300)));
    for (const [i, p] of people.entries()) {
      expect(await p.page.locator('kb-board').boundingBox(), `${p.device}: the board stays where it was`).toEqual(before[i]);
      await screenshot(p.page, `touch-${p.device}-4-timer-and-message.png`);
      await expectNoOverlap(p, 'timer and message showing');
    }
    // Each tool as the task view shows it.
    for (const p of people) {
      for (const tool of ['seven-themes', 'bor-gor-matrix', 'competence-profile', 'reflection-wall']) {
        await showTool(p, tool);
        await expectNoOverlap(p, `at ${tool}`);
        if (p.device !== 'laptop') await screenshot(p.page, `touch-${p.device}-5-${tool}.png`);
      }
    }
    for (const p of people) expect(p.errors, p.device).toEqual([]);
    void laptop;
  });

  it('each of the four tools worked with touch alone on a phone; the change reaches a laptop', async () => {
    const ws = await createWorkshop(fx.server.url);
    const link = ws.groups[0]!.link;
    const phone = await join(fx.browser, fx.server.url, link, 'Pia', 'phone');
    const laptop = await join(fx.browser, fx.server.url, link, 'Lis', 'laptop');
    const targets: string[] = [];
    const targetSize = async (tool: string, selector: string): Promise<void> => {
      const s = await settled(() => smallestTarget(phone, selector), (r) => r.n > 0 && Math.min(r.w, r.h) >= 44, phone.page);
      targets.push(`${tool} ${s.w}x${s.h} (${s.n} on screen)`);
      expect(s.n, `${tool} on screen`).toBeGreaterThan(0);
      expect(Math.min(s.w, s.h), `${tool}: touch target ${s.w}x${s.h}`).toBeGreaterThanOrEqual(44);
    };

    // 1. The matrix: a note in "Bør og gør" (tap "add", type, tap "save").
    const v0 = await showTool(phone, 'bor-gor-matrix');
    await targetSize('matrix add buttons', 'kb-bor-gor-matrix button.add');
    await tap(phone, await centreOf(phone, 'kb-bor-gor-matrix button.add[data-field="bor-gor"]'));
    await phone.page.waitForSelector('kb-bor-gor-matrix textarea[data-draft="bor-gor"]');
    await phone.page.keyboard.insertText('Vi ringer til skolen');
    await targetSize('matrix draft buttons', 'kb-bor-gor-matrix .draft button');
    await tap(phone, await centreOf(phone, 'kb-bor-gor-matrix .draft button >> nth=0'));
    await eventually(async () => (await laptop.page.locator('kb-bor-gor-matrix li[data-field="bor-gor"]', { hasText: 'Vi ringer til skolen' }).count()) === 1, 10_000, 'the note on the laptop');
    await screenshot(phone.page, 'touch-phone-6-matrix-note.png');

    // One finger on the matrix's empty part pans; two fingers on it pinch.
    const field = await phone.page.locator('kb-bor-gor-matrix section[data-field="hverken"]').boundingBox();
    const f0 = { x: Math.min(field!.x + field!.width - 30, 360), y: Math.min(field!.y + field!.height - 30, 700) };
    const vp = await view(phone);
    await swipe(phone, f0, { x: f0.x - 120, y: f0.y - 60 });
    const vp2 = await view(phone);
    report(`one finger on the matrix panned ${Math.round((vp2.x - vp.x) * vp.zoom)}, ${Math.round((vp2.y - vp.y) * vp.zoom)} px (moved 120, 60)`);
    expect((vp2.x - vp.x) * vp.zoom).toBeCloseTo(120, -1);
    expect((vp2.y - vp.y) * vp.zoom).toBeCloseTo(60, -1);
    const c = await centreOf(phone, 'kb-bor-gor-matrix');
    await pinch(phone, { x: 195, y: Math.min(c.y, 400) }, 80, 160);
    const vp3 = await view(phone);
    report(`two fingers on the matrix: zoom ${vp2.zoom.toFixed(3)} -> ${vp3.zoom.toFixed(3)}`);
    expect(vp3.zoom / vp2.zoom).toBeGreaterThan(1.5);
    void v0;

    // 2. The profile: a generic card dragged with a finger into the local profile.
    await showTool(phone, 'competence-profile');
    await screenshot(phone.page, 'touch-phone-7-profile.png');
    const card = phone.page.locator('kb-competence-profile .column[data-area="generic"][data-column="viden"] kb-competence-card').first();
    const cardId = (await card.getAttribute('data-item-id'))!;
    let from = await centreOf(phone, `kb-competence-card[data-item-id="${cardId}"]`);
    // Bring it up with one finger on the profile's empty parts (a column's background), half a screen at a time.
    for (let i = 0; i < 6 && from.y > 640; i++) {
      const dy = Math.min(from.y - 560, 450);
      await swipe(phone, { x: 372, y: 680 }, { x: 372, y: 680 - dy });
      from = await centreOf(phone, `kb-competence-card[data-item-id="${cardId}"]`);
    }
    // The cards' move buttons are at their right end, past a phone's edge: a look there, and back.
    await swipe(phone, { x: 300, y: 300 }, { x: 150, y: 300 });
    await screenshot(phone.page, 'touch-phone-7-profile-panned.png');
    await targetSize('profile card move buttons', 'kb-competence-profile kb-competence-card [part~="move-button"]');
    await swipe(phone, { x: 150, y: 300 }, { x: 300, y: 300 });
    from = await centreOf(phone, `kb-competence-card[data-item-id="${cardId}"]`);
    const to = await centreOf(phone, 'kb-competence-profile .column[data-area="local"][data-column="viden"]');
    await screenshot(phone.page, 'touch-phone-7-profile-before.png');
    await swipe(phone, { x: from.x - 30, y: from.y }, { x: to.x - 30, y: Math.max(to.y, 110) }, { steps: 16 });
    await eventually(async () => (await laptop.page.locator(`kb-competence-profile .column[data-area="local"] kb-competence-card[data-item-id="${cardId}"]`).count()) === 1, 10_000, 'the card in the local profile on the laptop');
    await screenshot(phone.page, 'touch-phone-8-profile-card-moved.png');

    // 3. The wall: an answer posted (tap the field, type, tap "Post").
    await showTool(phone, 'reflection-wall');
    await targetSize('wall post buttons', 'kb-reflection-wall [part~="post-button"]');
    await tap(phone, await centreOf(phone, 'kb-reflection-wall [part~="answer"]'));
    await phone.page.keyboard.insertText('Vi mødes hver uge');
    await tap(phone, await centreOf(phone, 'kb-reflection-wall [part~="post-button"]'));
    await eventually(async () => (await laptop.page.locator('kb-reflection-wall [part~="post-text"]', { hasText: 'Vi mødes hver uge' }).count()) === 1, 10_000, 'the post on the laptop');
    await screenshot(phone.page, 'touch-phone-9-wall-post.png');
    await targetSize('wall like buttons', 'kb-reflection-wall [part~="like-button"]');

    // 4. The puzzle: a piece's status (tap the piece, tap "Undervejs").
    await showTool(phone, 'seven-themes');
    await tap(phone, await centreOf(phone, 'kb-seven-themes .piece[data-criterion="2"] .number-disc'));
    await phone.page.waitForSelector('kb-seven-themes [part~="panel"]');
    await targetSize('puzzle status buttons', 'kb-seven-themes [part~="assessment-button"]');
    await screenshot(phone.page, 'touch-phone-10-piece-panel.png');
    await tap(phone, await centreOf(phone, 'kb-seven-themes [part~="assessment-button"][data-status="under-way"]'));
    await eventually(async () => (await laptop.page.locator('kb-seven-themes .piece[data-criterion="2"]').getAttribute('data-status')) === 'under-way', 10_000, 'the status on the laptop');
    await screenshot(phone.page, 'touch-phone-11-piece-status.png');
    report(`touch targets at the task zoom: ${targets.join('; ')}`);
    expect(phone.errors).toEqual([]);
    expect(laptop.errors).toEqual([]);
  });

  it('two people grab the same card; the first drops it: the second’s drag ends on both screens, no ghost is left, the next drag works', async () => {
    const ws = await createWorkshop(fx.server.url);
    const link = ws.groups[0]!.link;
    const anna = await join(fx.browser, fx.server.url, link, 'Anna', 'laptop');
    const bo = await join(fx.browser, fx.server.url, link, 'Bo', 'tablet');
    for (const p of [anna, bo]) await showTool(p, 'competence-profile');
    const cardSel = (id: string) => `kb-competence-profile kb-competence-card[data-item-id="${id}"]`;
    const ghostOf = (id: string) => `kb-competence-profile [part~="ghost"][data-ghost-of="${id}"]`;
    const first = anna.page.locator('kb-competence-profile .column[data-area="generic"][data-column="viden"] kb-competence-card').first();
    const id = (await first.getAttribute('data-item-id'))!;
    // Bo's finger takes the card and moves it a little; Anna sees his ghost.
    // Bo brings the generic cards up with one finger on the local profile's empty column.
    await swipe(bo, { x: 560, y: 900 }, { x: 560, y: 420 });
    const b0 = await centreOf(bo, cardSel(id));
    const release = await swipe(bo, { x: b0.x - 20, y: b0.y }, { x: b0.x - 20, y: b0.y - 40 }, { steps: 6, hold: true });
    await anna.page.waitForSelector(ghostOf(id), { timeout: 5000, state: 'attached' });
    // Anna scrolls the cards up with the wheel, then drags the same card into the local profile and drops it.
    await anna.page.mouse.move(700, 400);
    for (let i = 0; i < 8 && (await centreOf(anna, cardSel(id))).y > 640; i++) await anna.page.mouse.wheel(0, 150);
    await anna.page.waitForTimeout(200);
    const a0 = await centreOf(anna, cardSel(id));
    const column = (await anna.page.locator('kb-competence-profile .column[data-area="local"][data-column="viden"]').boundingBox())!;
    const target = { x: column.x + column.width / 2, y: Math.min(column.y + column.height - 30, Math.max(column.y + 40, 140)) };
    await anna.page.mouse.move(a0.x - 20, a0.y);
    await anna.page.mouse.down();
    await anna.page.mouse.move(target.x, target.y, { steps: 10 });
    await anna.page.mouse.up();
    await eventually(async () => (await bo.page.locator(`kb-competence-profile .column[data-area="local"] ${cardSel(id).split(' ')[1]}`).count()) === 1, 10_000, 'the card in the local profile on Bo’s tablet');
    // Bo's finger moves on: his drag is over, on his screen and on Anna's, within a second.
    const t0 = Date.now();
    await moveFinger(bo, { x: b0.x - 10, y: b0.y - 90 });
    await eventually(async () => (await anna.page.locator(ghostOf(id)).count()) === 0, 1500, 'Bo’s ghost gone from Anna’s screen');
    const gone = Date.now() - t0;
    expect(await bo.page.locator('kb-competence-profile li.slot.dragging').count()).toBe(0);
    await release();
    report(`stuck drag: Bo's ghost left Anna's screen ${gone} ms after his next move`);
    expect(await anna.page.locator('kb-competence-profile .column[data-area="local"] kb-competence-card').count()).toBe(1);
    await screenshot(bo.page, 'touch-tablet-12-after-shared-card.png');
    await screenshot(anna.page, 'touch-laptop-12-after-shared-card.png');
    // Bo's next drag works at once (no Escape).
    const next = bo.page.locator('kb-competence-profile .column[data-area="generic"][data-column="viden"] kb-competence-card').nth(1);
    const nextId = (await next.getAttribute('data-item-id'))!;
    const n0 = await centreOf(bo, cardSel(nextId));
    const dest = await centreOf(bo, 'kb-competence-profile .column[data-area="local"][data-column="viden"]');
    await swipe(bo, { x: n0.x - 20, y: n0.y }, dest, { steps: 14 });
    await eventually(async () => (await anna.page.locator(`kb-competence-profile .column[data-area="local"] kb-competence-card[data-item-id="${nextId}"]`).count()) === 1, 10_000, 'Bo’s next card on Anna’s screen');

    // A drag whose owner falls silent (the tab's script stopped: a phone asleep, a hung tab) leaves no ghost behind for more than a second.
    const third = bo.page.locator('kb-competence-profile .column[data-area="generic"][data-column="viden"] kb-competence-card').nth(2);
    const thirdId = (await third.getAttribute('data-item-id'))!;
    const c0 = await centreOf(bo, cardSel(thirdId));
    const hold = await swipe(bo, { x: c0.x - 20, y: c0.y }, { x: c0.x - 20, y: c0.y - 50 }, { steps: 6, hold: true });
    await anna.page.waitForSelector(ghostOf(thirdId), { timeout: 5000 });
    await bo.cdp.send('Debugger.enable');
    await bo.cdp.send('Debugger.pause');
    const f0 = Date.now();
    await eventually(async () => (await anna.page.locator(ghostOf(thirdId)).count()) === 0, 3000, 'the silent tab’s ghost gone');
    const silentMs = Date.now() - f0;
    report(`a silent tab's ghost went after ${silentMs} ms`);
    expect(silentMs).toBeLessThan(1600);
    await bo.cdp.send('Debugger.resume');
    await bo.cdp.send('Debugger.disable');
    await hold();
    expect(anna.errors).toEqual([]);
    expect(bo.errors).toEqual([]);
  });
});
