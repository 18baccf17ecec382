import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { workshopPdf } from './pdf.js';
import { pdfOutlineTitles, pdfPageCount, sampleWorkshop } from './test-support.js';

const hasPdftotext = existsSync('/usr/bin/pdftotext');

describe('workshop PDF', () => {
  it('has a cover, one page per group and a summary, with the group names', async () => {
    const input = { ...sampleWorkshop(3), snapshotName: 'Efter del 1' };
    const progress: [number, number][] = [];
    const pdf = await workshopPdf(input, (done, total) => progress.push([done, total]));
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(1 + 3 + 1);
    expect(pdfOutlineTitles(pdf)).toEqual(expect.arrayContaining([input.title, 'Gruppe 1 "Øst" <b>', 'Gruppe 2 – Søndervang', 'Gruppe 3 – Søndervang', 'Oversigt']));
    expect(progress).toEqual([
      [1, 5],
      [2, 5],
      [3, 5],
      [4, 5],
      [5, 5],
    ]);
    if (process.env.KB_WRITE_SAMPLES) writeFileSync('/tmp/kb-sample.pdf', pdf);
    if (hasPdftotext) {
      const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
      for (const s of ['Gruppe 1 "Øst" <b>', 'Gruppe 2 – Søndervang', 'Kædeansvar i Ærø & Åbenrå <2026>', 'Bør og gør', 'Færdigheder', 'Oversigt', 'Etableret']) {
        expect(text).toContain(s);
      }
    }
  });

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
