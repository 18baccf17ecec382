import { writeFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { boardPng, boardSvg } from './image.js';
import { pngSize, sampleWorkshop } from './test-support.js';

describe('board SVG and PNG', () => {
  const input = sampleWorkshop(2);

  it('renders a group board as well-formed SVG titled with the group name', () => {
    const svg = boardSvg(input, 1);
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level: string, m: string) => void errors.push(`${level}: ${m}`) }).parseFromString(svg, 'image/svg+xml');
    expect(errors).toEqual([]);
    expect(doc.getElementsByTagName('title')[0]?.textContent).toBe('Gruppe 1 "Øst" <b>');
    expect(svg).toContain('Gruppe 1 &quot;Øst&quot; &lt;b&gt;');
    expect(() => boardSvg(input, 9)).toThrow(/no group 9/);
  });

  it('rasterises to a PNG of the requested width', () => {
    const svg = boardSvg(input, 2);
    const started = performance.now();
    const png = boardPng(svg, { width: 1600 });
    const ms = performance.now() - started;
    const { width, height } = pngSize(png);
    expect(width).toBe(1600);
    expect(height).toBeGreaterThan(1000);
    console.log(`PNG 1600 px: ${png.length} bytes in ${ms.toFixed(0)} ms (SVG ${svg.length} bytes)`);
    expect(pngSize(boardPng(svg, { width: 300 })).width).toBe(300);
    expect(() => boardPng(svg, { width: 0 })).toThrow(/width must be/);
    expect(() => boardPng(svg, { width: 100_000 })).toThrow(/width must be/);
    if (process.env.KB_WRITE_SAMPLES) {
      writeFileSync('/tmp/kb-sample.svg', boardSvg(input, 1));
      writeFileSync('/tmp/kb-sample.png', boardPng(boardSvg(input, 1), { width: 2400 }));
    }
  });

  it('makes a very tall board narrower instead of allocating a huge bitmap', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 1000" width="10" height="1000"><rect width="10" height="1000" fill="red"/></svg>';
    const { width, height } = pngSize(boardPng(svg, { width: 8000 }));
    expect(width * height).toBeLessThanOrEqual(40_000_000 * 1.01);
  });
});
