/**
 * Text measuring and wrapping by a character-width estimate (no DOM, no font files): widths of
 * DejaVu Sans, the font the PNG and PDF exports embed, in ems. Estimates err on the wide side
 * so that text in a narrower fallback font still fits its box.
 */
import { el } from './svg.js';
import type { Attrs } from './svg.js';
import { escapeXml } from './escape.js';
import type { Rect } from '../layout/rect.js';

const WIDTHS: Record<string, number> = {};
function widths(chars: string, w: number): void {
  for (const c of chars) WIDTHS[c] = w;
}
widths(' ', 0.32);
widths('iljI|!.,:;\'', 0.3);
widths('ftr()[]{}"/\\-', 0.42);
widths('sczJ*', 0.54);
widths('abdeghknopquvxyæøå0123456789?$#_+=<>~^', 0.64);
widths('LTFPSZEY', 0.64);
widths('ABCDGHKNORUVXQÆØÅ&', 0.76);
widths('mMw%@', 0.98);
widths('W', 1);
widths('…', 1);
const DEFAULT_WIDTH = 0.66;
const BOLD_FACTOR = 1.1;

/** Estimated width of `text` at `size` (px or any unit). */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const c of text) {
    const w = WIDTHS[c];
    if (w !== undefined) em += w;
    else if ((c.codePointAt(0) ?? 0) > 0x2e80) em += 1; // CJK, emoji: full width
    else em += DEFAULT_WIDTH;
  }
  return em * size * (bold ? BOLD_FACTOR : 1);
}

export interface WrapOptions {
  size: number;
  bold?: boolean;
  /** At most this many lines; the last one ends in '…' when text was cut. */
  maxLines?: number;
}

/** Cuts `line` (and appends '…') so that it fits `width`. */
export function ellipsize(line: string, width: number, size: number, bold = false): string {
  if (textWidth(line, size, bold) <= width) return line;
  const chars = [...line];
  while (chars.length > 0 && textWidth(chars.join('') + '…', size, bold) > width) chars.pop();
  return chars.join('').trimEnd() + '…';
}

/**
 * Lines of `text` wrapped to `width`: at spaces, and inside words longer than a line. Line
 * breaks in the text are kept; runs of blanks collapse to one space.
 */
export function wrapText(text: string, width: number, { size, bold = false, maxLines = Infinity }: WrapOptions): string[] {
  const lines: string[] = [];
  const paragraphs = text.replace(/\r\n?/g, '\n').split('\n');
  outer: for (const paragraph of paragraphs) {
    const words = paragraph.split(/[ \t\u00a0]+/).filter((w) => w !== '');
    let line = '';
    for (const word of words) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (textWidth(candidate, size, bold) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') {
        lines.push(line);
        if (lines.length > maxLines) break outer;
      }
      // A word longer than a line is broken by characters.
      line = '';
      for (const c of word) {
        if (line !== '' && textWidth(line + c, size, bold) > width) {
          lines.push(line);
          if (lines.length > maxLines) break outer;
          line = '';
        }
        line += c;
      }
    }
    lines.push(line);
    if (lines.length > maxLines) break;
  }
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length > maxLines) {
    const kept = lines.slice(0, Math.max(0, maxLines));
    const last = kept.pop();
    if (last !== undefined) kept.push(ellipsize(`${last}…`, width, size, bold));
    return kept;
  }
  return lines;
}

export interface FitOptions {
  /** Preferred font size. */
  size: number;
  /** Smallest font size to try before cutting the text. */
  minSize?: number;
  /** Line height as a multiple of the size. */
  lineHeight?: number;
  bold?: boolean;
}

export interface FittedText {
  lines: string[];
  size: number;
  lineHeight: number;
}

/** The largest size (from `size` down to `minSize`) at which `text` fits `box`; cut with '…' at `minSize`. */
export function fitText(text: string, box: { w: number; h: number }, { size, minSize = size, lineHeight = 1.25, bold = false }: FitOptions): FittedText {
  const trimmed = text.trim();
  for (let s = size; ; s = Math.max(minSize, s * 0.9)) {
    const lh = s * lineHeight;
    const maxLines = Math.max(1, Math.floor(box.h / lh));
    const lines = wrapText(trimmed, box.w, { size: s, bold });
    // Smaller is better than breaking a word in two, while the size may still shrink.
    // (Down to 70 % of the size: a very long word, like a URL, is broken instead.)
    const wordsFit = s <= Math.max(minSize, size * 0.7) || longestWord(trimmed, s, bold) <= box.w;
    if ((lines.length <= maxLines && wordsFit) || s <= minSize) {
      return { lines: lines.length <= maxLines ? lines : wrapText(trimmed, box.w, { size: s, bold, maxLines }), size: s, lineHeight: lh };
    }
  }
}

function longestWord(text: string, size: number, bold: boolean): number {
  let max = 0;
  for (const word of text.split(/\s+/)) max = Math.max(max, textWidth(word, size, bold));
  return max;
}

export interface TextBlockOptions {
  size: number;
  /** Distance between baselines. */
  lineHeight?: number;
  anchor?: 'start' | 'middle' | 'end';
  /** Vertical placement of the block inside `box`. */
  valign?: 'top' | 'middle' | 'bottom';
  bold?: boolean;
  fill?: string;
  italic?: boolean;
  attrs?: Attrs;
}

/**
 * A `<text>` element with one `<tspan>` per line inside `box` (baselines computed here, so no
 * renderer needs `dominant-baseline`). Lines are escaped.
 */
export function textBlock(lines: readonly string[], box: Rect, opts: TextBlockOptions): string {
  const { size, anchor = 'start', valign = 'top', bold = false, italic = false, fill } = opts;
  const lh = opts.lineHeight ?? size * 1.25;
  if (lines.length === 0) return '';
  const blockH = lines.length * lh;
  const top = valign === 'top' ? box.y : valign === 'middle' ? box.y + (box.h - blockH) / 2 : box.y + box.h - blockH;
  const x = anchor === 'start' ? box.x : anchor === 'middle' ? box.x + box.w / 2 : box.x + box.w;
  // Baseline of a line: its box's top, half the leading, then ~0.78 em (DejaVu's cap height + a little).
  const first = top + (lh - size) / 2 + size * 0.8;
  const spans = lines
    .map((line, i) => `<tspan x="${round(x)}" y="${round(first + i * lh)}">${escapeXml(line)}</tspan>`)
    .join('');
  return el(
    'text',
    {
      'font-size': size,
      'font-weight': bold ? 'bold' : undefined,
      'font-style': italic ? 'italic' : undefined,
      'text-anchor': anchor === 'start' ? undefined : anchor,
      fill,
      ...opts.attrs,
    },
    spans,
  );
}

/** Wraps and fits `text` into `box` and returns its `<text>` element. */
export function fittedText(text: string, box: Rect, fit: FitOptions, opts: Omit<TextBlockOptions, 'size' | 'lineHeight' | 'bold'> = {}): string {
  const f = fitText(text, box, fit);
  return textBlock(f.lines, box, { ...opts, size: f.size, lineHeight: f.lineHeight, bold: fit.bold ?? false });
}

/** One line, cut with '…' to fit `box.w`. */
export function lineText(text: string, box: Rect, opts: TextBlockOptions): string {
  const line = ellipsize(text.replace(/\s+/g, ' ').trim(), box.w, opts.size, opts.bold);
  return textBlock([line], box, { valign: 'middle', lineHeight: box.h, ...opts });
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
