import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { workshopPdf } from './pdf.js';
import { pdfOutlineTitles, pdfPageCount, sampleWorkshop } from './test-support.js';
import { pdfPagesText } from '../../test/support/pdf-text.js';

const hasPdftotext = existsSync('/usr/bin/pdftotext');

describe('workshop PDF', () => {
  it('has a cover, the synthesis pages, one page per group and a summary, with the group names', async () => {
    const input = { ...sampleWorkshop(3), snapshotName: 'Efter del 1' };
    const progress: [number, number][] = [];
    const pdf = await workshopPdf(input, (done, total) => progress.push([done, total]));
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    // The synthesis comes before the groups' pages (its sections each start a page).
    const outline = pdfOutlineTitles(pdf);
    const at = (t: string) => outline.indexOf(t);
    expect(outline).toEqual(expect.arrayContaining([input.title, 'Fælles opsamling', 'Gruppe 1 "Øst" <b>', 'Gruppe 2 – Søndervang', 'Gruppe 3 – Søndervang', 'Oversigt']));
    expect(at('Fælles opsamling')).toBeLessThan(at('Gruppe 1 "Øst" <b>'));
    const pages = pdfPagesText(pdf);
    const firstGroup = pages.findIndex((p) => p.split('\n')[1] === 'Gruppe 1 "Øst" <b>');
    expect(pages.slice(1, firstGroup).join(' ')).toContain('De syv kvalitetskriterier på tværs af grupperne');
    expect(pdfPageCount(pdf)).toBe(firstGroup + 3 + 1);
    expect(firstGroup).toBeGreaterThanOrEqual(1 + 4);
    expect(progress).toEqual([
      [1, 6],
      [2, 6],
      [3, 6],
      [4, 6],
      [5, 6],
      [6, 6],
    ]);
    if (process.env.KB_WRITE_SAMPLES) writeFileSync('/tmp/kb-sample.pdf', pdf);
    if (hasPdftotext) {
      const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
      for (const s of ['Gruppe 1 "Øst" <b>', 'Gruppe 2 – Søndervang', 'Kædeansvar i Ærø & Åbenrå <2026>', 'Bør og gør', 'Færdigheder', 'Oversigt', 'Etableret']) {
        expect(text).toContain(s);
      }
    }
  }, 30_000);

  it('renders 25 groups (time printed for the record)', async () => {
    const input = sampleWorkshop(25, 'en');
    const started = performance.now();
    const pdf = await workshopPdf(input);
    const ms = performance.now() - started;
    // Cover, 25 group pages, and summary pages (the tables continue on a new page when full).
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(27);
    expect(pdfOutlineTitles(pdf)).toContain('Summary');
    if (process.env.KB_WRITE_SAMPLES) writeFileSync('/tmp/kb-sample-25.pdf', pdf);
    console.log(`PDF of 25 groups: ${pages} pages, ${(pdf.length / 1024).toFixed(0)} KiB in ${ms.toFixed(0)} ms`);
  }, 120_000);
});
