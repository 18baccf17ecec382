/**
 * The synthesis in the exports: the Word "Fælles opsamling", the PDF's synthesis pages and the
 * CSV's votes hold the figures of the same synthesis and vote ranking the plenum shows, read
 * back from the files.
 */
import { describe, expect, it } from 'vitest';
import { rankVote } from '../../src/workshop/vote-api.js';
import { pdfText } from '../../test/support/pdf-text.js';
import { synthesisDocx } from './docx-synthesis.js';
import { exportCsv } from './csv.js';
import type { ExportVote, WorkshopInput } from './input.js';
import { workshopPdf } from './pdf.js';
import { readSynthesis } from './synthesis.js';
import { sampleWorkshop, unzip } from './test-support.js';

function withVote(input: WorkshopInput): WorkshopInput {
  const items = [
    { key: 1, label: 'Inddrage de unge i meddesign af forløbet', detail: '4. Ungeinddragelse', groups: [1, 2, 3] },
    { key: 2, label: 'Fælles it-system', detail: 'Uden kriterium', groups: [2] },
    { key: 3, label: 'Mentorordning', detail: 'Uden kriterium', groups: [3] },
  ];
  const vote: ExportVote = { title: 'Bør/Gør: Bør, men gør ikke', source: '', dots: 3, state: 'closed', hidden: true, revealed: true, createdAt: input.createdAt, closedAt: input.createdAt + 1, voters: 7, cast: 19, items: rankVote(items, [11, 3, 5]) };
  return { ...input, votes: [vote] };
}

/** RFC 4180 rows (quotes doubled, quoted fields may hold commas and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      (row = []), (field = ''), i++;
    } else field += ch;
  }
  return rows;
}

/** The text of a .docx's body (runs joined; paragraphs and cells on lines of their own). */
function docxText(bytes: Uint8Array): string {
  const xml = new TextDecoder().decode(unzip(bytes).get('word/document.xml'));
  return xml
    .replace(/<\/w:p>\s*<\/w:tc>/g, '</w:tc>')
    .replace(/<\/w:p>|<\/w:tc>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('the synthesis in the exports', () => {
  const input = withVote(sampleWorkshop(3));
  const s = readSynthesis(input);

  it('Word "Fælles opsamling": every section with the plenum’s figures, and the vote ranked', async () => {
    const text = docxText(await synthesisDocx(input));
    expect(text).toContain('Fælles opsamling');
    // Criteria: each group's status and notes per criterion, and the totals.
    const c = s.sections['seven-themes'];
    expect(c.rows[0]!.cells.map((cell) => cell?.notes.length)).toEqual([2, 2, 2]);
    expect(text).toContain('Etableret · 2');
    expect(text).toContain(`${c.rows[0]!.notes} noter · 3/0/0`);
    expect(text).toContain(`I alt: ${c.notes} noter`);
    // The matrix: identical notes of the three groups are one entry with its groups.
    expect(text).toMatch(/Fælles møder mellem KUI og FGU\s+\(Gruppe 1 "Øst" <b>, Gruppe 2 – Søndervang, Gruppe 3 – Søndervang\)\n/);
    expect(text).toContain(`Bør og gør – ${s.sections['bor-gor-matrix'].fields[0]!.notes} sedler fra 3 grupper`);
    // Cards: chosen by all three.
    const top = s.sections['competence-profile'].columns.viden[0]!;
    expect(top.groups).toEqual([1, 2, 3]);
    expect(text).toMatch(new RegExp(`1\\n${top.text}\\n3/3\\n`));
    // The wall and the vote.
    expect(text).toContain('Refleksionsvæggen samlet');
    expect(text).toContain('Afstemning: Bør/Gør: Bør, men gør ikke');
    expect(text).toContain('7 deltagere har sat 19 prikker');
    expect(text).toMatch(/1\nInddrage de unge i meddesign af forløbet\n4\. Ungeinddragelse\n[^\n]*\n11\n2\nMentorordning\n[^\n]*\n[^\n]*\n5\n3\nFælles it-system/);
  }, 30_000);

  it('the PDF’s synthesis pages carry the same figures', async () => {
    const text = pdfText(await workshopPdf(input));
    expect(text).toContain('Etableret · 2');
    expect(text).toContain(`I alt: ${s.sections['seven-themes'].notes} noter`);
    expect(text).toContain(`Bør og gør – ${s.sections['bor-gor-matrix'].fields[0]!.notes} sedler fra 3 grupper`);
    expect(text).toContain('Afstemning: Bør/Gør: Bør, men gør ikke');
    expect(text).toContain('7 deltagere har sat 19 prikker');
    expect(text).toMatch(/1 Inddrage de unge i meddesign af forløbet 4\. Ungeinddragelse .* 11/);
    expect(text).toMatch(/2 Mentorordning .* 5/);
  }, 30_000);

  it('the CSV gains the votes: counts only, ranked', () => {
    const rows = parseCsv(exportCsv(input)).filter((r) => r[2] === 'vote' || r[2] === 'vote-item');
    const title = 'Afstemning: Bør/Gør: Bør, men gør ikke';
    expect(rows).toEqual([
      ['', title, 'vote', 'Lukket', 'Bør/Gør: Bør, men gør ikke', '', '3 prikker pr. deltager; 7 deltagere har sat 19 prikker'],
      ['Gruppe 1 "Øst" <b>, Gruppe 2 – Søndervang, Gruppe 3 – Søndervang', title, 'vote-item', '4. Ungeinddragelse', 'Inddrage de unge i meddesign af forløbet', '', '11'],
      ['Gruppe 3 – Søndervang', title, 'vote-item', 'Uden kriterium', 'Mentorordning', '', '5'],
      ['Gruppe 2 – Søndervang', title, 'vote-item', 'Uden kriterium', 'Fælles it-system', '', '3'],
    ]);
  });
});
