import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from '../../src/model/index.js';
import { HOSTILE, sampleBoard } from '../../src/render/fixture.js';
import { CSV_COLUMNS, csvField, exportCsv, neutraliseFormula } from './csv.js';
import { boardState, exportJson, parseWorkshopExport, WorkshopExportError } from './json.js';
import { escapeMarkdown } from '../../src/render/export-text.js';
import { exportMarkdown } from './markdown.js';
import { contentDisposition, EXPORT_CONTENT_TYPES, exportFilename, slug } from './index.js';
import { sampleWorkshop } from './test-support.js';

/** An RFC 4180 parser (for checking the export): rows of fields. */
function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}

describe('JSON export', () => {
  it('round-trips: the parsed boards read as the originals', () => {
    const input = sampleWorkshop(2);
    const json = JSON.parse(JSON.stringify(exportJson(input, 1_700_000_000_000))) as unknown;
    const parsed = parseWorkshopExport(json);
    expect(parsed).toMatchObject({ format: 'kaedeboard-workshop', version: 1, title: input.title, parts: input.parts, locale: 'da', exportedAt: 1_700_000_000_000 });
    expect(parsed.groups.map((g) => [g.number, g.name])).toEqual(input.groups.map((g) => [g.number, g.name]));
    input.groups.forEach((g, i) => {
      const original = new Board(new Y.Doc());
      Y.applyUpdate(original.doc, g.state);
      const copy = new Board(new Y.Doc());
      Y.applyUpdate(copy.doc, boardState(parsed.groups[i]?.board ?? ''));
      expect(copy.read()).toEqual(original.read());
      expect(copy.read().items.length).toBeGreaterThan(40);
      expect(copy.meta()).toEqual(original.meta());
    });
  });

  it('rejects bad input with messages that name the field', () => {
    const good = exportJson(sampleWorkshop(1));
    const bad = (patch: Record<string, unknown>) => () => parseWorkshopExport({ ...good, ...patch });
    const group = good.groups[0] as { number: number; name: string; board: string };
    expect(() => parseWorkshopExport(null)).toThrow(WorkshopExportError);
    expect(() => parseWorkshopExport([])).toThrow(/JSON object/);
    expect(bad({ format: 'x' })).toThrow(/format must be "kaedeboard-workshop"/);
    expect(bad({ version: 2 })).toThrow(/version 2 is not supported/);
    expect(bad({ extra: 1 })).toThrow(/unknown field "extra"/);
    expect(bad({ title: '' })).toThrow(/title must not be empty/);
    expect(bad({ title: 'x'.repeat(201) })).toThrow(/title is too long/);
    expect(bad({ title: 'a\u0000b' })).toThrow(/title contains control characters/);
    expect(bad({ parts: ['x'] })).toThrow(/parts\[0\] must be one of/);
    expect(bad({ parts: ['kaedeansvar', 'kaedeansvar'] })).toThrow(/must not repeat/);
    expect(bad({ locale: 'sv' })).toThrow(/locale must be "da" or "en"/);
    expect(bad({ exportedAt: 'now' })).toThrow(/exportedAt/);
    expect(bad({ groups: [] })).toThrow(/groups must be a non-empty list/);
    expect(bad({ groups: Array.from({ length: 101 }, () => group) })).toThrow(/at most 100 groups/);
    expect(bad({ groups: [{ ...group, number: 0 }] })).toThrow(/groups\[0\]\.number must be an integer/);
    expect(bad({ groups: [group, { ...group }] })).toThrow(/groups\[1\]\.number 1 is used by another group/);
    expect(bad({ groups: [{ ...group, name: 7 }] })).toThrow(/groups\[0\]\.name must be a string/);
    expect(bad({ groups: [{ number: 1, name: 'a' }] })).toThrow(/groups\[0\]: missing field "board"/);
    expect(bad({ groups: [{ ...group, board: 'not base64!' }] })).toThrow(/groups\[0\]\.board is not valid base64/);
    expect(bad({ groups: [{ ...group, board: '' }] })).toThrow(/groups\[0\]\.board is empty/);
    expect(bad({ groups: [{ ...group, board: Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]).toString('base64') }] })).toThrow(/groups\[0\]\.board is not a Yjs update/);
    // A board too large is refused before it is decoded.
    expect(bad({ groups: [{ ...group, board: 'AAAA'.repeat(6 * 1024 * 1024) }] })).toThrow(/groups\[0\]\.board is too large/);
  });

  it('refuses an update that depends on changes it does not hold', () => {
    const a = new Y.Doc();
    a.getMap('m').set('x', 1);
    const sv = Y.encodeStateVector(a);
    a.getMap('m').set('y', 2);
    const partial = Y.encodeStateAsUpdate(a, sv);
    const good = exportJson(sampleWorkshop(1));
    const group = good.groups[0] as { number: number; name: string; board: string };
    expect(() => parseWorkshopExport({ ...good, groups: [{ ...group, board: Buffer.from(partial).toString('base64') }] })).toThrow(/incomplete Yjs update/);
  });
});

describe('CSV export', () => {
  it('has a BOM, a header and one row per content record', () => {
    const input = sampleWorkshop(2);
    const csv = exportCsv(input);
    expect(csv.startsWith('\uFEFFgroup,widget,kind,place,text,author,extra\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const { counts } = sampleBoard();
    const perGroup = counts.note + counts.assessment + counts.themeNote + counts.matrixNote + counts.card + counts.post;
    expect(rows.length - 1).toBe(2 * perGroup);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    const kinds = rows.slice(1).map((r) => r[2]);
    expect(kinds.filter((k) => k === 'competence-card')).toHaveLength(2 * counts.card);
    expect(kinds.filter((k) => k === 'wall-post')).toHaveLength(2 * counts.post);
    // Quotes and names survive; the group name with quotes is quoted.
    expect(rows[1]?.[0]).toBe('Gruppe 1 "Øst" <b>');
    expect(csv).toContain('"Gruppe 1 ""Øst"" <b>"');
    const post = rows.find((r) => r[4] === 'Ledelsen giver tid til netværksmøder');
    expect(post?.slice(5)).toEqual(['Mette', 'Synes godt om: 2']);
    expect(rows.find((r) => r[4] === 'Vi mangler fælles it')?.[5]).toBe('Anonym');
    expect(rows.find((r) => r[2] === 'theme-assessment' && r[6] === 'under-way')?.[3]).toBe('2. Forpligtelse');
    expect(rows.find((r) => r[4] === 'Inddrage de unge i meddesign af forløbet')?.slice(3)).toEqual(['Bør, men gør ikke', 'Inddrage de unge i meddesign af forløbet', '', 'Kriterium 4: Ungeinddragelse']);
  });

  it('neutralises formula injection', () => {
    expect(neutraliseFormula('=1+1')).toBe("'=1+1");
    for (const c of ['+', '-', '@', '\t', '\r']) expect(neutraliseFormula(`${c}x`)).toBe(`'${c}x`);
    expect(neutraliseFormula('a=1')).toBe('a=1');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('say "hi"\nnow')).toBe('"say ""hi""\nnow"');
    const rows = parseCsv(exportCsv(sampleWorkshop(1)).slice(1));
    const cells = rows.flat();
    expect(cells.some((c) => /^[=+\-@]/.test(c))).toBe(false);
    expect(cells).toContain(`'=HYPERLINK("http://x") ${HOSTILE}`);
    expect(cells).toContain("'+45 12 34 56 78 @alle -minus");
  });

  it('can use semicolons for Excel with Danish settings', () => {
    const csv = exportCsv(sampleWorkshop(1), { delimiter: ';' });
    expect(csv.startsWith('\uFEFFgroup;widget;kind;place;text;author;extra\r\n')).toBe(true);
    expect(parseCsv(csv.slice(1), ';').every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
  });
});

describe('Markdown export', () => {
  it('escapes user text so it stays text', () => {
    expect(escapeMarkdown('# Overskrift')).toBe('\\# Overskrift');
    expect(escapeMarkdown('- punkt')).toBe('\\- punkt');
    expect(escapeMarkdown('1. punkt')).toBe('1\\. punkt');
    expect(escapeMarkdown('[link](http://x) *fed* _k_ <b> & `kode`')).toBe('\\[link\\](http://x) \\*fed\\* \\_k\\_ \\<b\\> \\& \\`kode\\`');
    expect(escapeMarkdown('a\nb', '  ')).toBe('a\\\n  b');
  });

  it('has a section per group, widget, criterion, field, column', () => {
    const md = exportMarkdown({ ...sampleWorkshop(2), snapshotName: 'Efter del 1' });
    expect(md.startsWith('# Kædeansvar i Ærø \\& Åbenrå \\<2026\\>\n')).toBe(true);
    expect(md).toContain('**Øjebliksbillede:** Efter del 1');
    expect(md).toContain('## Gruppe 1 "Øst" \\<b\\>');
    expect(md).toContain('## Gruppe 2 – Søndervang');
    for (const h of ['### De syv kvalitetskriterier', '#### 1. Internt og eksternt samarbejde', '#### 7. Rammer og ressourcer', '### Bør/Gør-matrix', '#### Bør og gør', '#### Bør ikke og gør ikke', '### Kompetenceprofil', '#### Lokal profil', '**Viden**', '**Færdigheder**', '#### Gruppens egne kort', '### Refleksionsvæg', '#### Ledelsesansvar', '### Sedler på tavlen']) {
      expect(md.split('\n').filter((l) => l === h)).toHaveLength(2);
    }
    expect(md).toContain('**Vurdering:** Etableret');
    expect(md).toContain('- Vi mødes hver måned med FGU og jobcentret — _Søren_');
    expect(md).toContain('- Inddrage de unge i meddesign af forløbet \\[Kriterium 4: Ungeinddragelse\\]');
    expect(md).toContain('- Ledelsen giver tid til netværksmøder — _Mette_ (Synes godt om: 2)');
    expect(md).toContain('- Vi mangler fælles it — _Anonym_');
    expect(md).toContain('- Eget kort: lede netværksmøder 1 _(eget kort)_');
    // Hostile text never forms markup.
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\<script\\>');
  });
});

describe('content types and file names', () => {
  it('names files safely and knows every format', () => {
    expect(Object.keys(EXPORT_CONTENT_TYPES).sort()).toEqual(['csv', 'docx', 'json', 'md', 'pdf', 'png', 'svg']);
    expect(slug('Kædeansvar i Ærø & Åbenrå <2026>')).toBe('kaedeansvar-i-aeroe-aabenraa-2026');
    const w = { title: 'Kædeansvar ../../etc', createdAt: Date.UTC(2026, 4, 12), locale: 'da' as const };
    expect(exportFilename(w, 'pdf')).toBe('kaedeboard-kaedeansvar-etc-2026-05-12.pdf');
    expect(exportFilename({ ...w, locale: 'en', snapshotName: 'Før pausen' }, 'png', 3)).toBe('kaedeboard-kaedeansvar-etc-2026-05-12-foer-pausen-group-3.png');
    expect(exportFilename({ ...w, title: '!!!' }, 'csv')).toBe('kaedeboard-workshop-2026-05-12.csv');
    expect(contentDisposition('a b".pdf')).toBe('attachment; filename="a_b_.pdf"');
  });
});
