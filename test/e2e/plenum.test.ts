/**
 * The plenum end to end: four groups work in separate browser contexts (criteria assessed and
 * noted, Bør/Gør notes with one note written alike by every group, cards chosen); the plenum's
 * shared summing-up shows exactly what they did; eight participants on phones (390x844, touch
 * through CDP's Input.dispatchTouchEvent) vote with three dots each and the totals are the dots
 * they cast, hidden on the plenum until revealed; the PDF and the Word "Fælles opsamling" hold
 * the plenum's figures, read back from the files. Screenshots: the plenum at 1920x1080, a tool
 * presented, a slide, and the vote list on a phone.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DECK } from '../../src/content/competences.js';
import type { CreatedWorkshopResponse } from '../../src/workshop/api.js';
import { unzip } from '../../server/export/test-support.js';
import { pdfText } from '../support/pdf-text.js';
import { eventually, screenshot, useServerAndBrowser } from './browser.js';

interface Person {
  name: string;
  group: number;
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** What each group does: its criterion 1 assessment and note, its Bør/Gør notes, the cards it chooses. */
const PLAN = [1, 2, 3, 4].map((g) => ({
  group: g,
  status: (g <= 2 ? 'established' : g === 3 ? 'under-way' : 'not-started') as 'established' | 'under-way' | 'not-started',
  themeNote: `Aftale i gruppe ${g}`,
  // Every group writes the first note alike (spelled differently); each also its own.
  matrix: [g % 2 === 0 ? '  inddrag DE UNGE i planen ' : 'Inddrag de unge i planen', `Egen idé fra gruppe ${g}`],
  cards: g <= 2 ? [0, 1] : [0],
}));

/** The dots each phone places (item key -> dots), as taps on + (and one dot moved: a − then a +). */
const DOTS: Record<string, number>[] = [{ 1: 3 }, { 1: 2, 2: 1 }, { 2: 3 }, { 1: 1, 3: 2 }, { 4: 3 }, { 1: 3 }, { 5: 1, 1: 2 }, { 2: 1, 3: 1, 4: 1 }];

async function focusWidget(page: Page, widget: string): Promise<void> {
  await page.locator('kb-board').evaluate((board, w) => {
    const b = board as HTMLElement & { view: { x: number; y: number; zoom: number } };
    const el = b.shadowRoot!.querySelector(`[data-widget="${w}"]`) as HTMLElement;
    const vp = b.shadowRoot!.querySelector('.viewport')!.getBoundingClientRect();
    const x = parseFloat(el.style.left);
    const y = parseFloat(el.style.top);
    const zoom = Math.min(1, (vp.width - 260) / parseFloat(el.style.width), (vp.height - 160) / parseFloat(el.style.height));
    b.view = { x: x - 230 / zoom, y: y - 90 / zoom, zoom };
  }, widget);
  await page.waitForTimeout(200);
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

const centre = (b: { x: number; y: number; width: number; height: number }) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** A tap with a finger at the centre of `selector` (scrolled into view first), through CDP. */
async function tap(page: Page, cdp: CDPSession, selector: string): Promise<void> {
  const el = page.locator(selector);
  await el.scrollIntoViewIfNeeded();
  const { x, y } = centre((await el.boundingBox())!);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y, id: 1 }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

const docxText = (bytes: Uint8Array) =>
  new TextDecoder()
    .decode(unzip(bytes).get('word/document.xml'))
    .replace(/<\/w:p>\s*<\/w:tc>/g, '</w:tc>')
    .replace(/<\/w:p>|<\/w:tc>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('the plenum: the groups gathered, a vote on phones, the result taken home', () => {
  const fx = useServerAndBrowser();

  it('shows what four groups did, runs a vote of eight phones, and exports the same figures', async () => {
    const { browser } = fx;
    const base = fx.server.url;
    const everyone: Person[] = [];
    const open = async (name: string, group: number, phone = false): Promise<Person> => {
      const context = await browser.newContext(phone ? { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 } : { viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const p = { name, group, context, page, errors };
      everyone.push(p);
      return p;
    };
    const created = (await (await fetch(`${base}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Kædeansvar i Vejle', parts: ['kaedeansvar', 'kontaktperson'], groups: 4, locale: 'da' }) })).json()) as CreatedWorkshopResponse;
    const w = created;
    const join = async (p: Person): Promise<void> => {
      await p.page.goto(`${base}${w.groups[p.group - 1]!.link}`);
      await p.page.fill('input[name=name]', p.name);
      await p.page.click('button[type=submit]');
      await p.page.waitForSelector('kb-board >> .status-connected', { timeout: 20_000 });
    };

    // ---- Four groups work, each in its own browser context. ----------------------------------
    const groups = await Promise.all(PLAN.map((plan) => open(`Gruppe${plan.group}`, plan.group)));
    for (const p of groups) await join(p);
    await Promise.all(
      groups.map(async (p) => {
        const plan = PLAN[p.group - 1]!;
        // The seven criteria: criterion 1 assessed, with a note.
        await focusWidget(p.page, 'seven-themes');
        await p.page.locator('kb-seven-themes').evaluate((e) => (e as HTMLElement & { openPiece(n: number): Promise<void> }).openPiece(1));
        if (plan.status !== 'not-started') await p.page.click(`kb-seven-themes [part~="assessment-button"][data-status="${plan.status}"]`);
        await p.page.locator('kb-seven-themes [part="panel"] textarea').fill(plan.themeNote);
        await p.page.click('kb-seven-themes [part="panel"] .add-button');
        await p.page.locator('kb-seven-themes [part="panel"] li[part="note"]', { hasText: plan.themeNote }).waitFor();
        await p.page.locator('kb-seven-themes').evaluate((e) => (e as HTMLElement & { closePanel(): Promise<void> }).closePanel());
        // Bør/Gør: two notes in "Bør, men gør ikke".
        await focusWidget(p.page, 'bor-gor-matrix');
        for (const text of plan.matrix) {
          await p.page.click('kb-bor-gor-matrix button.add[data-field="bor-ikke-gor"]');
          const draft = p.page.locator('kb-bor-gor-matrix textarea[data-draft="bor-ikke-gor"]');
          await draft.fill(text);
          await draft.press('Enter');
          await p.page.locator('kb-bor-gor-matrix li[data-item-id]', { hasText: text.trim().slice(0, 12) }).first().waitFor();
        }
        // The competence profile: generic cards into the local profile.
        await focusWidget(p.page, 'competence-profile');
        for (const [moved, index] of plan.cards.entries()) {
          const card = p.page.locator('kb-competence-profile .column[data-area="generic"][data-column="viden"] kb-competence-card').nth(index - moved);
          const target = p.page.locator('kb-competence-profile .column[data-area="local"][data-column="viden"]');
          await drag(p.page, centre((await card.boundingBox())!), centre((await target.boundingBox())!));
          await eventually(async () => (await p.page.locator('kb-competence-profile .column[data-area="local"] kb-competence-card').count()) === moved + 1, 10_000, `card ${moved + 1} of ${p.name}`);
        }
      }),
    );
    // Every group chose the deck's first "Viden" card; groups 1 and 2 its second too.
    const [firstCard, secondCard] = DEFAULT_DECK.filter((c) => c.column === 'viden').map((c) => c.text.da);

    // ---- The plenum (the plenum token, 1920x1080): the shared summing-up, live. ---------------
    const plenumCtx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const plenum = await plenumCtx.newPage();
    const plenumErrors: string[] = [];
    plenum.on('pageerror', (e) => plenumErrors.push(e.message));
    await plenum.goto(`${base}${w.links.plenum}`);
    await plenum.waitForSelector('kb-plenum-page ol.boards > li');
    await plenum.click('[data-view=synthesis]');
    await plenum.waitForSelector('table.criteria');
    const figures = async () =>
      plenum.evaluate(() => {
        const root = document.querySelector('kb-app')!.shadowRoot!.querySelector('kb-plenum-page')!.shadowRoot!;
        const row1 = root.querySelector('tr[data-criterion="1"]')!;
        const field = root.querySelector('.field[data-field="bor-ikke-gor"]')!;
        return {
          criterion1: [...row1.querySelectorAll('td[data-group]')].map((td) => `${td.getAttribute('data-group')}:${td.getAttribute('data-status')}:${td.getAttribute('data-notes')}`),
          criterion1Total: row1.querySelector('td.total')!.getAttribute('data-notes'),
          established: row1.querySelector('td.total')!.getAttribute('data-established'),
          fieldNotes: field.getAttribute('data-notes'),
          entries: [...field.querySelectorAll('li')].map((li) => `${li.querySelector('.text')!.textContent}|${li.getAttribute('data-groups')}`),
          cards: [...root.querySelectorAll('.column[data-column="viden"] li')].slice(0, 3).map((li) => `${li.querySelector('.text')!.textContent}|${li.getAttribute('data-count')}`),
        };
      });
    const expected = {
      criterion1: PLAN.map((p) => `${p.group}:${p.status}:1`),
      criterion1Total: '4',
      established: '2',
      fieldNotes: '8',
      entries: ['Inddrag de unge i planen|1,2,3,4', ...PLAN.map((p) => `Egen idé fra gruppe ${p.group}|${p.group}`)],
    };
    let seen: Awaited<ReturnType<typeof figures>> | null = null;
    await eventually(async () => {
      seen = await figures();
      return JSON.stringify({ ...seen, cards: undefined }) === JSON.stringify({ ...expected, cards: undefined });
    }, 20_000, 'the synthesis equal to what the groups did').catch((err: Error) => {
      throw new Error(`${err.message}: ${JSON.stringify(seen)}`);
    });
    const shown = seen!;
    expect(shown.cards.slice(0, 2)).toEqual([`${firstCard}|4`, `${secondCard}|2`]);
    await screenshot(plenum, 'plenum-synthesis-1920.png');

    // Presenting: group 1's Bør/Gør matrix on its own, body text from 18 px; and a slide.
    await plenum.click('kb-plenum-page [data-action=present]');
    await plenum.keyboard.press('ArrowDown');
    await plenum.keyboard.press('ArrowDown');
    await plenum.waitForSelector('.tool-stage[data-widget="bor-gor-matrix"][data-zoom]');
    await eventually(async () => ((await plenum.locator('.tool-stage').getAttribute('data-zoom')) ?? '') !== '', 10_000, 'the tool measured');
    const onScreen = await plenum.locator('.tool-stage').evaluate((stage) => {
      const zoom = Number(stage.getAttribute('data-zoom'));
      const el = stage.querySelector('.tool-frame > *')!;
      const sizes = [...el.shadowRoot!.querySelectorAll('.note, .question')].filter((n) => n.getClientRects().length > 0).map((n) => parseFloat(getComputedStyle(n).fontSize) * zoom);
      return { min: Math.min(...sizes), count: sizes.length, zoom };
    });
    expect(onScreen.count).toBeGreaterThan(4);
    expect(onScreen.min).toBeGreaterThanOrEqual(18 - 1e-6);
    await screenshot(plenum, 'plenum-present-matrix-1920.png');
    await plenum.keyboard.press('Escape');
    await plenum.click('[data-action=present-synthesis]');
    await plenum.keyboard.press('ArrowRight');
    await plenum.waitForSelector('.synthesis-slide[data-section="matrix"]');
    await screenshot(plenum, 'plenum-slide-matrix-1920.png');
    await plenum.keyboard.press('Escape');

    // ---- A vote: eight phones, three dots each, hidden until revealed. ----------------------
    const phones: Person[] = [];
    for (let i = 0; i < 8; i++) phones.push(await open(`Telefon${i + 1}`, (i % 4) + 1, true));
    for (const p of phones) await join(p);
    const fac = await open('Facilitator', 0);
    await fac.page.goto(`${base}${w.links.facilitator}`);
    await fac.page.waitForSelector('kb-console-vote #vote-list option', { state: 'attached' });
    await fac.page.selectOption('kb-console-vote #vote-list', 'bor-gor-matrix:bor-ikke-gor');
    await fac.page.fill('kb-console-vote #vote-dots', '3');
    await fac.page.click('kb-console-vote [data-action=vote-start]');
    await fac.page.waitForSelector('kb-console-vote [data-action=vote-close]');
    await Promise.all(phones.map((p) => p.page.waitForSelector('kb-vote-list .vote-sheet li[data-key]', { timeout: 20_000 })));
    expect(await phones[0]!.page.locator('kb-vote-list li[data-key]').count()).toBe(5);
    await screenshot(phones[0]!.page, 'vote-list-phone-390.png');
    await Promise.all(
      phones.map(async (p, i) => {
        const cdp = await p.context.newCDPSession(p.page);
        const plan = DOTS[i]!;
        let taps = 0;
        const saved = async (n: number) => eventually(async () => ((await p.page.locator('kb-vote-list p.status').textContent()) ?? '').startsWith('Gemt') && (await p.page.locator('kb-vote-list .left').textContent())!.startsWith(`${3 - n} af 3`), 10_000, `${p.name}'s dot saved`);
        // Phone 4 first puts a dot on item 5, then moves it: a − there, a + where it belongs.
        if (i === 3) {
          await tap(p.page, cdp, 'kb-vote-list li[data-key="5"] [data-action=vote-add]');
          await saved(1);
          await tap(p.page, cdp, 'kb-vote-list li[data-key="5"] [data-action=vote-remove]');
          await saved(0);
        }
        for (const [key, n] of Object.entries(plan)) {
          for (let k = 0; k < n; k++) {
            await tap(p.page, cdp, `kb-vote-list li[data-key="${key}"] [data-action=vote-add]`);
            await saved(++taps);
          }
        }
        // A fourth dot is not there to place.
        expect(await p.page.locator('kb-vote-list [data-action=vote-add]').first().isDisabled()).toBe(true);
      }),
    );
    const totals = [1, 2, 3, 4, 5].map((k) => DOTS.reduce((n, d) => n + (d[k] ?? 0), 0));
    await screenshot(phones[1]!.page, 'vote-list-phone-390-cast.png');
    // The plenum (plenum token) shows who took part, not the totals, until they are revealed.
    await plenum.waitForSelector('kb-plenum-votes .vote[data-state=open]');
    await eventually(async () => (await plenum.locator('kb-plenum-votes .vote').first().getAttribute('data-cast')) === '24', 10_000, 'the plenum counting 24 dots');
    expect(await plenum.locator('kb-plenum-votes .vote').first().getAttribute('data-voters')).toBe('8');
    expect(await plenum.locator('kb-plenum-votes .vote li[data-total]').count()).toBe(0);
    await fac.page.click('kb-console-vote [data-action=vote-reveal]');
    await eventually(async () => (await plenum.locator('kb-plenum-votes .vote li[data-total]').count()) === 5, 10_000, 'the totals on the plenum');
    const plenumTotals = await plenum.locator('kb-plenum-votes .vote li[data-key]').evaluateAll((els) => els.map((e): [number, number] => [Number(e.getAttribute('data-key')), Number(e.getAttribute('data-total'))]));
    expect(new Map(plenumTotals)).toEqual(new Map(totals.map((t, i) => [i + 1, t])));
    // Ranked: most dots first.
    expect(plenumTotals.map(([, t]) => t)).toEqual([...totals].sort((a, b) => b - a));
    await plenum.locator('kb-plenum-votes .vote').first().scrollIntoViewIfNeeded();
    await screenshot(plenum, 'plenum-vote-1920.png');
    await fac.page.click('kb-console-vote [data-action=vote-close]');
    await Promise.all(phones.map((p) => p.page.waitForSelector('kb-vote-list [data-action=vote-dismiss]', { timeout: 15_000 })));
    const phoneTotals = await phones[2]!.page.locator('kb-vote-list [data-total]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-total'))));
    expect(phoneTotals).toEqual([...totals].sort((a, b) => b - a));
    await screenshot(phones[2]!.page, 'vote-list-phone-390-closed.png');

    // ---- The PDF and the Word "Fælles opsamling" hold the plenum's figures. -------------------
    const file = async (query: string) => new Uint8Array(await (await fetch(`${base}/api/workshops/${w.id}/export?${query}`, { headers: { authorization: `Bearer ${w.facilitatorToken}` } })).arrayBuffer());
    const pdf = pdfText(await file('format=pdf'));
    const word = docxText(await file('format=docx'));
    for (const text of [pdf, word]) {
      expect(text).toContain('Fælles opsamling');
      // Criterion 1: 2 established, 1 under way, 1 not started; 4 notes.
      expect(text).toContain('4 noter · 2/1/1');
      for (const p of PLAN) expect(text).toContain(`${{ established: 'Etableret', 'under-way': 'Undervejs', 'not-started': 'Ikke startet' }[p.status]} · 1`);
      // The note all four wrote, once, with its groups; and every group's own.
      expect(text).toMatch(/Inddrag de unge i planen\s+\(Gruppe 1, Gruppe 2, Gruppe 3, Gruppe 4\)/);
      expect(text).toContain('Bør, men gør ikke – 8 sedler fra 4 grupper');
      expect(text).toContain('4/4');
      expect(text).toContain('8 deltagere har sat 24 prikker');
    }
    // The vote ranked in the files as on the plenum: the top item with its total.
    const items = await plenum.locator('kb-plenum-votes .vote li[data-key]').evaluateAll((els) => els.map((e) => ({ label: e.querySelector('.label')!.textContent!, total: e.getAttribute('data-total')! })));
    expect(pdf).toMatch(new RegExp(`1 ${items[0]!.label.trim()} .* ${items[0]!.total}`));
    expect(word).toMatch(new RegExp(`1\\n${items[0]!.label.trim()}\\n[^\\n]*\\n[^\\n]*\\n${items[0]!.total}\\n`));

    for (const p of everyone) expect(p.errors, p.name).toEqual([]);
    expect(plenumErrors).toEqual([]);
    for (const p of everyone) await p.context.close();
    await plenumCtx.close();
  }, 400_000);
});
