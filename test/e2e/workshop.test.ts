/**
 * A whole workshop through the browser: a facilitator creates it (three groups) on the start
 * page; two people join each group (one by link, one by code) and write a note; the
 * facilitator starts the timer, locks the boards (nothing a participant tries changes
 * anything for anyone), takes a snapshot, presents the groups in the plenum view, moves a
 * participant and downloads exports. Wrong or foreign tokens get a plain refusal.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from '../../src/model/index.js';
import { pdfOutlineTitles, pdfPageCount, pngSize, unzip } from '../../server/export/test-support.js';
import { dragBy, seenItems, eventually, screenshot, useServerAndBrowser } from './browser.js';

interface Person {
  name: string;
  group: number;
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** A board's records, without the ids that differ between copies. */
function boardContent(state: Uint8Array): string[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const board = new Board(doc);
  const out = board.read().items.map((i) => `${i.kind}:${JSON.stringify(i.props, (k, v) => (k === 'widget' || k === 'column' || k === 'post' ? undefined : v))}`).sort();
  board.destroy();
  return out;
}

/** The notes on a participant's board (position and text), sorted by id. */
const notes = (page: Page) => seenItems(page, 'note');

describe('a workshop from start to plenum', () => {
  const fx = useServerAndBrowser();

  it('runs a workshop with three groups', async () => {
    const { browser } = fx;
    const base = fx.server.url;
    const everyone: Person[] = [];
    const open = async (name: string, group = 0): Promise<Person> => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const p = { name, group, context, page, errors };
      everyone.push(p);
      return p;
    };

    // ---- The facilitator creates the workshop on the start page. ----------------------------
    const fac = await open('Facilitator');
    await fac.page.goto(`${base}/`);
    await fac.page.fill('#title', 'Kædeansvar i Aarhus');
    await fac.page.fill('#groups', '3');
    await fac.page.getByRole('button', { name: 'Opret workshop' }).click();
    await fac.page.waitForSelector('kb-workshop-created [data-code]');
    await screenshot(fac.page, 'workshop-created.png');
    const facilitatorLink = await fac.page.locator('kb-copy-link.facilitator-link input').inputValue();
    const plenumLink = await fac.page.locator('kb-copy-link.plenum-link input').inputValue();
    const codes = await fac.page.locator('kb-workshop-created [data-code]').allTextContents();
    const links = await fac.page.locator('kb-copy-link.group-link input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(codes).toHaveLength(3);
    for (const c of codes) expect(c).toMatch(/^[A-Z2-9]{6}$/);
    expect(links).toHaveLength(3);
    expect(facilitatorLink).toMatch(new RegExp(`^${base}/f/[A-Za-z0-9_-]+#[A-Za-z0-9_-]{32}$`));
    expect(await fac.page.locator('kb-workshop-created #secret-note').textContent()).toContain('Hold dette link hemmeligt');
    const workshopId = /\/f\/([^#]+)#/.exec(facilitatorLink)![1]!;

    // The console (the token leaves the address bar).
    await fac.page.goto(facilitatorLink);
    await fac.page.waitForSelector('kb-console-page ol.tiles > li');
    expect(fac.page.url()).toBe(`${base}/f/${workshopId}`);

    // ---- Two people per group: one by link, one by code; each writes a note. ---------------
    const people: Person[] = [];
    for (let g = 1; g <= 3; g++) {
      const byLink = await open(`Link${g}`, g);
      await byLink.page.goto(links[g - 1]!);
      const byCode = await open(`Kode${g}`, g);
      await byCode.page.goto(`${base}/join`);
      await byCode.page.fill('#code', codes[g - 1]!.toLowerCase());
      await byCode.page.getByRole('button', { name: 'Gå til gruppens tavle' }).click();
      await byCode.page.waitForURL(new RegExp(`/g/${workshopId}/${g}$`));
      people.push(byLink, byCode);
    }
    for (const p of people) {
      await p.page.fill('input[name=name]', p.name);
      await p.page.click('button[type=submit]');
      await p.page.waitForSelector('kb-board >> .status-connected', { timeout: 15_000 });
      expect(p.page.url()).toBe(`${base}/g/${workshopId}/${p.group}`);
      expect(await p.page.locator('header.workshop').textContent()).toContain(`Gruppe ${p.group}`);
    }
    await Promise.all(
      people.map(async (p) => {
        await p.page.click('kb-board [data-tool="note"]');
        const editor = p.page.locator('kb-board textarea.editor');
        await editor.fill(`Seddel fra ${p.name}`);
        await editor.press('Control+Enter');
      }),
    );
    for (const p of people) {
      await eventually(async () => (await notes(p.page)).map((n) => n.text).sort().join('|') === [`Seddel fra Kode${p.group}`, `Seddel fra Link${p.group}`].join('|'), 15_000, `both notes of group ${p.group} on ${p.name}'s screen`);
    }
    // The console sees everyone, in their group.
    await eventually(async () => {
      const text = (await fac.page.locator('kb-console-page ol.tiles').textContent()) ?? '';
      return people.every((p) => text.includes(p.name));
    }, 15_000, 'every participant in the console');
    for (let g = 1; g <= 3; g++) {
      const tile = await fac.page.locator(`kb-console-page ol.tiles > li[data-group="${g}"]`).textContent();
      expect(tile).toContain(`Link${g}`);
      expect(tile).toContain(`Kode${g}`);
    }

    // ---- Timer: everyone sees it count down. ---------------------------------------------------
    await fac.page.fill('#minutes', '10');
    await fac.page.click('[data-action=timer-start]');
    for (const p of people) {
      await eventually(async () => /^(10:00|09:[0-5]\d)$/.test((await p.page.locator('kb-timer [role=timer]').textContent().catch(() => '')) ?? ''), 10_000, `the timer on ${p.name}'s screen`);
    }

    // ---- Message to everyone. ---------------------------------------------------------------
    await fac.page.fill('#message', 'Skriv jeres vigtigste pointe');
    await fac.page.click('[data-action=message-send]');
    await eventually(async () => ((await people[0]!.page.locator('.banner.message').textContent().catch(() => '')) ?? '').includes('Skriv jeres vigtigste pointe'), 10_000, 'the message');

    // ---- Lock: a participant's attempts change nothing for anyone. ---------------------------
    await fac.page.click('[data-action=lock]');
    for (const p of people) await p.page.waitForSelector('.banner.locked', { timeout: 10_000 });
    expect(await people[0]!.page.locator('.banner.locked').textContent()).toContain('Facilitator har låst tavlerne');
    await screenshot(people[0]!.page, 'workshop-group-locked.png');
    await screenshot(fac.page, 'workshop-console.png');

    const before = await Promise.all(people.map((p) => notes(p.page)));
    const anna = people[0]!;
    expect(await anna.page.locator('kb-board [data-tool="note"]').isDisabled()).toBe(true);
    await anna.page.locator('kb-board [data-tool="note"]').click({ force: true });
    const mine = before[0]!.find((n) => n.text === `Seddel fra ${anna.name}`)!;
    await dragBy(anna.page, `kb-board [data-item-id="${mine.id}"]`, 150, 120);
    // Even a write past the interface (straight into the model) is refused by the server.
    await anna.page.evaluate(() => {
      const deep = (root: ParentNode, sel: string): Element | null => {
        const hit = root.querySelector(sel);
        if (hit) return hit;
        for (const el of root.querySelectorAll('*')) {
          const found = el.shadowRoot ? deep(el.shadowRoot, sel) : null;
          if (found) return found;
        }
        return null;
      };
      const board = (deep(document, 'kb-board') as unknown as { board: { create(kind: string, init: unknown, origin: unknown): string } }).board;
      board.create('note', { props: { text: 'Skrevet mens låst' }, geometry: { x: 5000, y: 5000 } }, { participant: true });
    });
    await anna.page.waitForTimeout(1500);
    const after = await Promise.all(people.map((p) => notes(p.page)));
    for (let i = 1; i < people.length; i++) expect(after[i], people[i]!.name).toEqual(before[i]);
    // On Anna's own screen the drag did not move her note.
    expect(after[0]!.find((n) => n.id === mine.id)).toEqual(mine);
    // And the server's copy has no locked-time note: a fresh read-only look (the console) agrees.
    const tileText = await fac.page.locator('kb-console-page ol.tiles > li[data-group="1"] kb-board').evaluate((el) => el.shadowRoot?.textContent ?? '');
    expect(tileText).not.toContain('Skrevet mens låst');
    expect(tileText).toContain('Seddel fra Link1');

    // ---- Snapshot of all boards; the plenum steps through the groups. ------------------------
    await fac.page.click('[data-action=snapshot]');
    await fac.page.waitForSelector('kb-console-page ul.sets li');
    const setName = (await fac.page.locator('kb-console-page ul.sets li').first().textContent()) ?? '';
    expect(setName).toMatch(/Plenum \d\d:\d\d/);

    const plenum = await fac.context.newPage();
    plenum.on('pageerror', (e) => fac.errors.push(e.message));
    await plenum.goto(plenumLink);
    await plenum.waitForSelector('kb-plenum-page ol.boards > li');
    expect(plenum.url()).toBe(`${base}/p/${workshopId}`);
    await eventually(async () => {
      const texts = await plenum.locator('kb-plenum-page ol.boards > li kb-board').evaluateAll((els) => els.map((e) => e.shadowRoot?.textContent ?? ''));
      return texts.length === 3 && [1, 2, 3].every((g) => texts[g - 1]!.includes(`Seddel fra Link${g}`) && texts[g - 1]!.includes(`Seddel fra Kode${g}`));
    }, 15_000, 'every group board in the plenum');
    await screenshot(plenum, 'workshop-plenum.png');
    await plenum.click('[data-action=present]');
    const pos = plenum.locator('.presenting .pos');
    expect(await pos.textContent()).toBe('1 af 3');
    expect(await plenum.locator('.presenting #present-h').textContent()).toBe('Gruppe 1');
    await plenum.keyboard.press('ArrowRight');
    expect(await pos.textContent()).toBe('2 af 3');
    expect(await plenum.locator('.presenting kb-board').evaluate((e) => e.shadowRoot?.textContent ?? '')).toContain('Seddel fra Kode2');
    await screenshot(plenum, 'workshop-plenum-present-2.png');
    await plenum.click('.presenting [data-action=next]');
    expect(await pos.textContent()).toBe('3 af 3');
    await plenum.keyboard.press('ArrowLeft');
    expect(await pos.textContent()).toBe('2 af 3');
    await plenum.keyboard.press('Escape');
    await plenum.waitForSelector('.presenting', { state: 'detached' });

    // ---- Unlock; the facilitator moves a participant to another group. -----------------------
    await fac.page.click('[data-action=lock]');
    await anna.page.waitForSelector('.banner.locked', { state: 'detached', timeout: 10_000 });
    // Moving is done from the group's full-size view (the tile lists the people).
    expect(await fac.page.locator('kb-console-page ol.tiles > li[data-group="1"] ul.chips').textContent()).toContain(anna.name);
    await fac.page.click('kb-console-page ol.tiles > li[data-group="1"] [data-action=open]');
    const annaRow = fac.page.locator(`kb-console-page dialog kb-console-group-view ul.people li`, { hasText: anna.name });
    await annaRow.locator('select').selectOption('2');
    await annaRow.locator('[data-action=move]').click();
    await anna.page.waitForURL(new RegExp(`/g/${workshopId}/2$`), { timeout: 15_000 });
    await anna.page.waitForSelector('kb-board >> .status-connected', { timeout: 15_000 });
    expect(await anna.page.locator('header.workshop').textContent()).toContain('Gruppe 2');
    await eventually(async () => (await notes(anna.page)).some((n) => n.text === 'Seddel fra Kode2'), 15_000, "group 2's board on the moved participant's screen");
    await fac.page.click('kb-console-page dialog header button');

    // ---- Every export, downloaded through the console's buttons, opened and checked. ----------
    const files = new Map<string, Uint8Array>();
    const { readFileSync } = await import('node:fs');
    const buttons: [string, string][] = [
      ['kb-console-page kb-exports [data-export=workshop] [data-format=json]', 'json'],
      ['kb-console-page kb-exports [data-export=workshop] [data-format=csv]', 'csv'],
      ['kb-console-page kb-exports [data-export=workshop] [data-format=md]', 'md'],
      ['kb-console-page kb-exports [data-export=workshop] [data-format=pdf]', 'pdf'],
      ['kb-console-page kb-exports [data-export-group="1"] [data-format=svg]', 'svg'],
      ['kb-console-page kb-exports [data-export-group="1"] [data-format=png]', 'png'],
      ['kb-console-page kb-exports [data-export-group="1"] [data-format=docx]', 'docx'],
    ];
    for (const [sel, format] of buttons) {
      const [download] = await Promise.all([fac.page.waitForEvent('download', { timeout: 60_000 }), fac.page.click(sel)]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
      files.set(format, new Uint8Array(readFileSync(await download.path())));
    }
    const text = (f: string) => new TextDecoder().decode(files.get(f));
    const allNotes = [1, 2, 3].flatMap((g) => [`Seddel fra Link${g}`, `Seddel fra Kode${g}`]);
    // The PDF: a cover, a page per group, a summary.
    expect(pdfPageCount(files.get('pdf')!)).toBeGreaterThanOrEqual(1 + 3 + 1);
    expect(pdfOutlineTitles(files.get('pdf')!).join(' ')).toMatch(/Gruppe 1.*Gruppe 2.*Gruppe 3/);
    // CSV and Markdown: every note.
    for (const n of allNotes) {
      expect(text('csv'), `CSV has ${n}`).toContain(n);
      expect(text('md'), `Markdown has ${n}`).toContain(n);
    }
    // Group 1's board as SVG and PNG, its competence profile as Word.
    expect(text('svg').replace(/<[^>]+>/g, ' ')).toMatch(/Seddel\s+fra\s+Link1/);
    expect(pngSize(files.get('png')!).width).toBeGreaterThan(500);
    expect(new TextDecoder().decode(unzip(files.get('docx')!).get('word/document.xml'))).toContain('Respektere målgruppen');
    // The JSON imports back into an equal workshop.
    const facToken = /#(.+)$/.exec(facilitatorLink)![1]!;
    const imported = (await (await fetch(`${base}/api/workshops/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text('json') })).json()) as { id: string; facilitatorToken: string };
    for (const g of [1, 2, 3]) {
      const [a, b] = await Promise.all([
        fetch(`${base}/api/workshops/${workshopId}/boards/${g}`, { headers: { authorization: `Bearer ${facToken}` } }).then((r) => r.arrayBuffer()),
        fetch(`${base}/api/workshops/${imported.id}/boards/${g}`, { headers: { authorization: `Bearer ${imported.facilitatorToken}` } }).then((r) => r.arrayBuffer()),
      ]);
      expect(boardContent(new Uint8Array(b)), `group ${g} after import`).toEqual(boardContent(new Uint8Array(a)));
    }

    // ---- A wrong token, and another group's token, are refused plainly. ---------------------
    const stranger = await open('Fremmed');
    await stranger.page.goto(`${base}/g/${workshopId}/1#${'A'.repeat(32)}`);
    await stranger.page.waitForSelector('[role=alert]');
    expect(await stranger.page.locator('[role=alert]').textContent()).toContain('Adgang nægtet');
    expect(await stranger.page.locator('kb-board').count()).toBe(0);
    await screenshot(stranger.page, 'workshop-refused.png');

    const group3Token = /#(.+)$/.exec(links[2]!)![1]!;
    const wrongGroup = await open('ForkertGruppe');
    await wrongGroup.page.goto(`${base}/g/${workshopId}/1#${group3Token}`);
    await wrongGroup.page.fill('input[name=name]', 'Forkert');
    await wrongGroup.page.click('button[type=submit]');
    await wrongGroup.page.waitForSelector('[role=alert]', { timeout: 15_000 });
    expect(await wrongGroup.page.locator('[role=alert]').textContent()).toContain('Adgang nægtet');

    for (const p of everyone) expect(p.errors, p.name).toEqual([]);
    for (const p of everyone) await p.context.close();
  });
});
