/**
 * What the workshop PDF's pages share (pdfkit): the fonts (DejaVu Sans embedded when installed,
 * else PDF's Helvetica; both cover æøå), the margins, text cut to a width, the footer, and a
 * table that continues on new pages. Used by pdf.ts (cover, group pages, summary) and
 * pdf-synthesis.ts (the synthesis pages).
 */
import { msg } from '../../src/render/export-messages.js';
import { stripInvalidXmlChars } from '../../src/render/escape.js';
import { COLORS } from '../../src/render/tokens.js';
import { dejaVuSans } from './fonts.js';
import type { WorkshopInput } from './input.js';

export type Doc = PDFKit.PDFDocument;

export const MARGIN = 36;
export const FONT = { regular: 'kb-regular', bold: 'kb-bold', italic: 'kb-italic' } as const;

export function registerFonts(doc: Doc): void {
  const files = dejaVuSans();
  if (files !== null) {
    doc.registerFont(FONT.regular, files.regular);
    doc.registerFont(FONT.bold, files.bold);
    doc.registerFont(FONT.italic, files.italic);
  } else {
    doc.registerFont(FONT.regular, 'Helvetica');
    doc.registerFont(FONT.bold, 'Helvetica-Bold');
    doc.registerFont(FONT.italic, 'Helvetica-Oblique');
  }
}

/** Text safe for a PDF string (no control characters). */
export const clean = (s: string): string => stripInvalidXmlChars(s).replace(/[\t\r\n]+/g, ' ');

/** `text` cut with '…' to `width` in the current font and size. */
export function fit(doc: Doc, text: string, width: number): string {
  const s = clean(text);
  if (doc.widthOfString(s) <= width) return s;
  const chars = [...s];
  while (chars.length > 0 && doc.widthOfString(`${chars.join('')}…`) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

export function contentBox(doc: Doc): { x: number; y: number; w: number; h: number } {
  return { x: MARGIN, y: MARGIN, w: doc.page.width - 2 * MARGIN, h: doc.page.height - 2 * MARGIN };
}

/** Footer: workshop title left, page number right (drawn without moving the text cursor past the margin). */
export function footer(doc: Doc, input: WorkshopInput, page: number): void {
  const y = doc.page.height - MARGIN + 10;
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc.font(FONT.regular).fontSize(8).fillColor(COLORS.textMuted);
  const label = msg('page', { page }, input.locale);
  const w = doc.page.width - 2 * MARGIN;
  doc.text(fit(doc, input.title, w - 80), MARGIN, y, { lineBreak: false });
  doc.text(label, MARGIN + w - doc.widthOfString(label), y, { lineBreak: false });
  doc.page.margins.bottom = bottom;
  doc.fillColor(COLORS.text);
}

export interface Column {
  title: string;
  width: number;
  align?: 'left' | 'center';
}

export interface Cell {
  text: string;
  fill?: string;
}

/** A table that continues on new pages (repeating its header); returns the y below it. */
export function table(doc: Doc, input: WorkshopInput, pageNo: { n: number }, title: string, columns: Column[], rows: Cell[][], y0: number, headerH = 24): number {
  const box = contentBox(doc);
  const rowH = 20;
  let y = y0;
  const newPage = () => {
    doc.addPage();
    footer(doc, input, ++pageNo.n);
    y = box.y;
  };
  if (y + 30 + headerH + rowH > box.y + box.h) newPage();
  doc.font(FONT.bold).fontSize(14).fillColor(COLORS.text).text(fit(doc, title, box.w), box.x, y, { lineBreak: false });
  y += 24;
  const header = () => {
    let x = box.x;
    doc.rect(box.x, y, columns.reduce((s, c) => s + c.width, 0), headerH).fill(COLORS.bg);
    doc.fillColor(COLORS.text).font(FONT.bold);
    for (const c of columns) {
      // The size at which the longest word of the title fits the column (no word is split).
      let size = 8.5;
      const longest = (s: number) => Math.max(...clean(c.title).split(/\s+/).map((w) => doc.fontSize(s).widthOfString(w)));
      while (size > 6 && longest(size) > c.width - 8) size -= 0.5;
      doc.fontSize(size).text(clean(c.title), x + 4, y + 4, { width: c.width - 8, height: headerH - 6, align: c.align ?? 'left', ellipsis: true });
      x += c.width;
    }
    y += headerH;
  };
  header();
  for (const row of rows) {
    if (y + rowH > box.y + box.h) {
      newPage();
      header();
    }
    let x = box.x;
    doc.font(FONT.regular).fontSize(9.5);
    row.forEach((cell, i) => {
      const c = columns[i] as Column;
      if (cell.fill) doc.rect(x, y, c.width, rowH).fill(cell.fill);
      doc.fillColor(COLORS.text);
      const s = fit(doc, cell.text, c.width - 8);
      const tx = c.align === 'center' ? x + (c.width - doc.widthOfString(s)) / 2 : x + 4;
      doc.text(s, tx, y + 5, { lineBreak: false });
      x += c.width;
    });
    doc.moveTo(box.x, y + rowH).lineTo(x, y + rowH).lineWidth(0.5).strokeColor(COLORS.border).stroke();
    y += rowH;
  }
  return y;
}
