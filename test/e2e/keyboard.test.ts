/**
 * The four tasks of the workshop with the keyboard alone, on a laptop (1280x800): add a note to
 * a matrix field, move a card into the local profile, post on the wall, set a piece's status.
 * Every key is counted (the name typed into the prompt, which opens with focus in its field,
 * included) and printed; the skip links take the participant from tool to tool. A second
 * participant's screen shows each change.
 */
import { describe, expect, it } from 'vitest';
import { eventually, screenshot, useServerAndBrowser } from './browser.js';
import { createWorkshop, join, key, type, type Person } from './room.js';

/** The focused element inside every shadow root: a short description. */
async function focused(p: Person): Promise<string> {
  return p.page.evaluate(() => {
    const a = deepActive();
    if (!a) return 'nothing';
    return `${a.tagName.toLowerCase()}${a.className ? '.' + String(a.className).split(' ').filter(Boolean).join('.') : ''} ${(a.getAttribute('aria-label') ?? a.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50)}`;
  });
}

/** Presses Tab (or Shift+Tab) until `want` holds of the focused element; at most `max` presses. */
async function tabTo(p: Person, want: (f: string) => boolean, opts: { back?: boolean; max?: number; what: string }): Promise<number> {
  const max = opts.max ?? 40;
  for (let n = 0; n < max; n++) {
    if (want(await focused(p))) return n;
    await key(p, opts.back ? 'Shift+Tab' : 'Tab');
  }
  if (want(await focused(p))) return max;
  throw new Error(`${opts.what}: not reached in ${max} presses (focus on ${await focused(p)})`);
}

describe('the four tasks with the keyboard alone', () => {
  const fx = useServerAndBrowser();

  it('adds a note, moves a card, posts and sets a status; prints the key presses', async () => {
    const ws = await createWorkshop(fx.server.url);
    const link = ws.groups[0]!.link;
    const other = await join(fx.browser, fx.server.url, link, 'Lis', 'laptop');
    const ida = await join(fx.browser, fx.server.url, link, 'Ida', 'laptop');
    const counts: [string, number][] = [];
    const task = (name: string, from: number) => counts.push([name, ida.keys - from]);
    counts.push(['name prompt (name typed, Enter)', ida.keys]);
    const skipTo = async (tool: string): Promise<void> => {
      // The skip links come first in the board's tab order.
      await tabTo(ida, (f) => f.startsWith('button ') && f.endsWith(tool), { what: `the skip link to ${tool}`, max: 12 });
      await key(ida, 'Enter');
    };

    // 1. The matrix: a note in "Bør og gør".
    let k = ida.keys;
    await skipTo('Bør/Gør-matrix');
    expect(await focused(ida)).toContain('button.abs.add');
    await key(ida, 'Enter');
    expect(await focused(ida)).toMatch(/^textarea/);
    await type(ida, 'Vi ringer til skolen');
    await key(ida, 'Enter');
    task('matrix: a note added', k);
    await eventually(async () => (await other.page.locator('kb-bor-gor-matrix li[data-field="bor-gor"]', { hasText: 'Vi ringer til skolen' }).count()) === 1, 10_000, 'the note on the other screen');
    await screenshot(ida.page, 'keyboard-1-matrix.png');

    // 2. The profile: the matrix's own skip link (first in its tab order) jumps on; the first card goes to the local profile.
    k = ida.keys;
    await tabTo(ida, (f) => f.startsWith('button.skip-next') && f.includes('Kompetenceprofil'), { back: true, what: 'the matrix’s skip link' });
    await key(ida, 'Enter');
    const card = await focused(ida);
    expect(card).toContain('Generisk profil');
    await key(ida, 'Enter');
    task('profile: a card moved to the local profile', k);
    await eventually(async () => (await other.page.locator('kb-competence-profile .column[data-area="local"] kb-competence-card').count()) === 1, 10_000, 'the card in the local profile on the other screen');
    await screenshot(ida.page, 'keyboard-2-profile.png');

    // 3. The wall: an answer posted in its first column (Ctrl+Enter posts).
    k = ida.keys;
    await tabTo(ida, (f) => f.startsWith('button.skip-next') && f.includes('Refleksionsvæg'), { back: true, what: 'the profile’s skip link' });
    await key(ida, 'Enter');
    await tabTo(ida, (f) => f.startsWith('textarea.answer'), { what: 'the wall’s first answer field' });
    await type(ida, 'Vi mødes hver uge');
    await key(ida, 'Control+Enter');
    task('wall: an answer posted', k);
    await eventually(async () => (await other.page.locator('kb-reflection-wall [part~="post-text"]', { hasText: 'Vi mødes hver uge' }).count()) === 1, 10_000, 'the post on the other screen');
    await screenshot(ida.page, 'keyboard-3-wall.png');

    // 4. The puzzle: the wall's skip link goes on to the puzzle (round to the first tool); piece 1 opens, "Undervejs".
    k = ida.keys;
    await tabTo(ida, (f) => f.startsWith('button.skip-next') && f.includes('kvalitetskriterier'), { back: true, what: 'the wall’s skip link' });
    await key(ida, 'Enter');
    expect(await focused(ida)).toContain('1. Internt og eksternt samarbejde');
    await key(ida, 'Enter');
    await tabTo(ida, (f) => f.includes('Undervejs'), { what: 'the status “Undervejs”' });
    await key(ida, 'Enter');
    task('puzzle: a piece’s status set', k);
    await eventually(async () => (await other.page.locator('kb-seven-themes .piece[data-criterion="1"]').getAttribute('data-status')) === 'under-way', 10_000, 'the status on the other screen');
    await screenshot(ida.page, 'keyboard-4-puzzle.png');

    const lines = counts.map(([what, n]) => `  ${what.padEnd(46)} ${String(n).padStart(4)}`);
    console.log(`[keyboard] key presses, the four tasks with the keyboard alone (1280x800):\n${lines.join('\n')}\n  ${'total'.padEnd(46)} ${String(ida.keys).padStart(4)}  (of which typed text: ${'Ida'.length + 'Vi ringer til skolen'.length + 'Vi mødes hver uge'.length})`);
    expect(ida.errors).toEqual([]);
  });
});
