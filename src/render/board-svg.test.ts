import { writeFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { Board } from '../model/index.js';
import { renderBoardSvg } from './board-svg.js';
import { escapeXml } from './escape.js';
import { HOSTILE, sampleBoard } from './fixture.js';
import { ellipsize, fitText, textWidth, wrapText } from './text.js';

/** Parses XML and throws on any error or warning (well-formedness). */
function parseXml(xml: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, message: string) => {
      problems.push(`${level}: ${message}`);
    },
  }).parseFromString(xml, 'image/svg+xml');
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return doc as unknown as Document;
}

function allText(doc: Document): string {
  return Array.from(doc.getElementsByTagName('tspan'))
    .map((t) => t.textContent ?? '')
    .join('\n');
}

describe('escapeXml', () => {
  it('escapes markup, quotes and CDATA ends, and drops characters XML forbids', () => {
    expect(escapeXml(`<script>&"']]>`)).toBe('&lt;script&gt;&amp;&quot;&apos;]]&gt;');
    expect(escapeXml('a\u0000b\u0007c\uFFFEd\uD800e😀')).toBe('abcde😀');
    expect(escapeXml('æøå\tx\ny')).toBe('æøå\tx\ny');
  });
});

describe('text wrapping', () => {
  it('wraps at spaces, breaks long words, keeps line breaks and cuts with an ellipsis', () => {
    const lines = wrapText('Kende metoder for tværprofessionelt samarbejde', 150, { size: 16 });
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 16)).toBeLessThanOrEqual(150);
    expect(wrapText('a\nb', 100, { size: 10 })).toEqual(['a', 'b']);
    const long = wrapText('x'.repeat(100), 50, { size: 10 });
    expect(long.join('')).toBe('x'.repeat(100));
    const cut = wrapText('one two three four five six seven', 40, { size: 10, maxLines: 2 });
    expect(cut).toHaveLength(2);
    expect(cut[1]?.endsWith('…')).toBe(true);
    expect(ellipsize('abcdefghijkl', 30, 10).endsWith('…')).toBe(true);
  });

  it('shrinks text to fit a box, down to the smallest size', () => {
    const big = fitText('kort', { w: 200, h: 50 }, { size: 20, minSize: 8 });
    expect(big.size).toBe(20);
    const small = fitText('en meget lang tekst '.repeat(10), { w: 200, h: 50 }, { size: 20, minSize: 8 });
    expect(small.size).toBeLessThan(20);
    expect(small.lines.length * small.lineHeight).toBeLessThanOrEqual(50 + 1e-9);
  });
});

describe('renderBoardSvg', () => {
  it('renders every widget and canvas item as well-formed SVG with the texts escaped', () => {
    const { board, texts } = sampleBoard('da');
    const svg = renderBoardSvg(board, { locale: 'da', title: `Gruppe 1 ${HOSTILE}` });
    const doc = parseXml(svg);
    const root = doc.documentElement;
    expect(root.tagName).toBe('svg');
    expect(root.getAttribute('viewBox')?.split(' ').map(Number).every(Number.isFinite)).toBe(true);
    // Hostile text is text: no element named script, the raw string never appears unescaped.
    expect(doc.getElementsByTagName('script').length).toBe(0);
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain(']]>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('&amp;');
    expect(svg).toContain('&quot;');
    expect(doc.getElementsByTagName('title')[0]?.textContent).toBe(`Gruppe 1 ${HOSTILE}`);
    const text = allText(doc);
    for (const t of [...texts.filter((s) => !s.startsWith('Vi mødes')), 'Internt og eksternt', 'Bør og gør', 'Lokal profil', 'Generisk profil', 'Viden (', 'Kompetencer (', 'Færdigheder (', 'Ledelsesansvar', 'Anonym']) {
      // Wrapped lines are separate tspans: compare without white space.
      expect(text.replace(/\s+/g, '')).toContain(t.replace(/\s+/g, ''));
    }
    // Widgets: the puzzle's seven pieces with their status, four matrix fields, cards, posts.
    const g = Array.from(doc.getElementsByTagName('g'));
    expect(g.filter((e) => e.getAttribute('data-criterion')).map((e) => e.getAttribute('data-status'))).toEqual([
      'established',
      'under-way',
      'not-started',
      'not-started',
      'not-started',
      'not-started',
      'not-started',
    ]);
    expect(g.filter((e) => e.hasAttribute('data-field') && e.getElementsByTagName('g').length >= 0).length).toBeGreaterThanOrEqual(4 + 7);
    expect(g.filter((e) => e.getAttribute('data-card') === 'own')).toHaveLength(2);
    expect(g.filter((e) => e.hasAttribute('data-likes')).map((e) => e.getAttribute('data-likes'))).toEqual(['2', '0', '0', '1', '0']);
  });

  it('renders English, sizes by width, and draws an empty board', () => {
    const { board } = sampleBoard('en');
    const svg = renderBoardSvg(board, { locale: 'en', width: 1200 });
    const root = parseXml(svg).documentElement;
    expect(root.getAttribute('width')).toBe('1200');
    const [, , w, h] = (root.getAttribute('viewBox') ?? '').split(' ').map(Number) as [number, number, number, number];
    expect(Number(root.getAttribute('height'))).toBeCloseTo((1200 * h) / w, 1);
    expect(svg).toContain('Should and do');
    expect(svg).toContain('Local profile');
    expect(svg).toContain('Anonymous');

    const empty = renderBoardSvg(new Board(new Y.Doc()), { locale: 'da' });
    expect(allText(parseXml(empty))).toContain('Tavlen er tom.');
  });

  it('stays well-formed with crowded widgets, long texts and odd characters', () => {
    const { board, widgets } = sampleBoard('da');
    const long = `${'Lang tekst med æøå '.repeat(25)}slut`;
    const odd = 'emoji 😀👍🏽 \u0001ctl \uD800 tab\there\nnew line — “citat”';
    board.transact(() => {
      for (let i = 0; i < 60; i++) {
        board.create('matrix-note', { props: { widget: widgets.matrix, field: 'hverken', text: i % 2 ? long.slice(0, 500) : `${odd} ${i}`, criterion: i % 8, order: 100 + i, color: 'blue' } }, 'x');
      }
      for (let i = 0; i < 15; i++) board.create('competence-card', { props: { widget: widgets.profile, area: 'local', column: 'viden', text: long.slice(0, 300), order: 100 + i } }, 'x');
      const column = board.owned(widgets.wall, 'wall-column')[0]?.id as string;
      for (let i = 0; i < 30; i++) board.create('wall-post', { props: { column, text: i % 3 ? long.slice(0, 500) : odd, author: 'A'.repeat(60), order: 100 + i } }, 'x');
      board.create('note', { props: { text: long, color: 'grey' }, geometry: { x: -900, y: 3000, w: 60, h: 40 } }, 'x');
      // A widget squeezed far below its natural size.
      board.create('widget', { props: { widget: 'reflection-wall' }, geometry: { x: 3000, y: 0, w: 120, h: 80 } }, 'x');
    }, 'x');
    const started = performance.now();
    const svg = renderBoardSvg(board, { locale: 'da', title: odd });
    const ms = performance.now() - started;
    const doc = parseXml(svg);
    expect(svg).not.toContain('\u0001');
    expect(allText(doc)).toContain('😀');
    expect(doc.getElementsByTagName('g').length).toBeGreaterThan(100);
    console.log(`crowded board: ${svg.length} bytes of SVG in ${ms.toFixed(0)} ms`);
    if (process.env.KB_WRITE_SAMPLES) writeFileSync('/tmp/kb-crowded.svg', svg);
  });

  it('writes a sample when KB_WRITE_SAMPLES is set', () => {
    if (!process.env.KB_WRITE_SAMPLES) return;
    const { board } = sampleBoard('da');
    writeFileSync('/tmp/kb-sample.svg', renderBoardSvg(board, { locale: 'da', title: 'Gruppe 1 – æøå' }));
  });
});
