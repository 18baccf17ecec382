/**
 * The workshop as one PDF (A4 landscape): a cover page (title, date, parts, groups), one page
 * per group with its board drawn from the shared SVG renderer, then summary pages (content
 * counts per group, and each group's assessment of the seven criteria as a table). Fonts:
 * DejaVu Sans embedded when installed, otherwise PDF's Helvetica (both cover æøå).
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { CRITERIA } from '../../src/content/criteria.js';
import { sevenThemes } from '../../src/kinds/seven-themes/index.js';
import type { Assessment } from '../../src/model/theme-assessment.js';
import { renderBoardSvg } from '../../src/render/board-svg.js';
import { msg } from '../../src/render/export-messages.js';
import { msg as renderMsg } from '../../src/render/messages.js';
import { stripInvalidXmlChars } from '../../src/render/escape.js';
import { COLORS, STATUS_FILL } from '../../src/render/tokens.js';
import { closeBoard, countContent, readGroup, widgetsOfKind } from './input.js';
import type { GroupCounts, WorkshopInput } from './input.js';
import { dejaVuSans } from './fonts.js';
import { formatDate } from './format.js';

type Doc = PDFKit.PDFDocument;

const MARGIN = 36;
const FONT = { regular: 'kb-regular', bold: 'kb-bold', italic: 'kb-italic' } as const;

interface GroupSummary {
  number: number;
  name: string;
  counts: GroupCounts;
  /** Per criterion 1..7; null when the board has no seven-themes widget. */
  statuses: Assessment[] | null;
}

function registerFonts(doc: Doc): void {
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
const clean = (s: string): string => stripInvalidXmlChars(s).replace(/[\t\r\n]+/g, ' ');

/** `text` cut with '…' to `width` in the current font and size. */
function fit(doc: Doc, text: string, width: number): string {
  const s = clean(text);
  if (doc.widthOfString(s) <= width) return s;
  const chars = [...s];
  while (chars.length > 0 && doc.widthOfString(`${chars.join('')}…`) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

function contentBox(doc: Doc): { x: number; y: number; w: number; h: number } {
  return { x: MARGIN, y: MARGIN, w: doc.page.width - 2 * MARGIN, h: doc.page.height - 2 * MARGIN };
}

/** Footer: workshop title left, page number right (drawn without moving the text cursor past the margin). */
function footer(doc: Doc, input: WorkshopInput, page: number): void {
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

function cover(doc: Doc, input: WorkshopInput): void {
  const { locale } = input;
  const m = (key: Parameters<typeof msg>[0]) => msg(key, {}, locale);
  const box = contentBox(doc);
  doc.rect(0, 0, doc.page.width, 10).fill(COLORS.accent);
  doc.fillColor(COLORS.text).font(FONT.bold).fontSize(30);
  doc.text(clean(input.title), box.x, box.y + 40, { width: box.w, height: 110, ellipsis: true });
  let y = Math.max(doc.y, box.y + 110) + 16;
  const line = (label: string, value: string) => {
    doc.font(FONT.bold).fontSize(13).text(`${label}:`, box.x, y, { lineBreak: false });
    doc.font(FONT.regular).text(fit(doc, value, box.w - 150), box.x + 150, y, { lineBreak: false });
    y += 22;
  };
  line(m('date'), formatDate(input.createdAt, locale));
  if (input.snapshotName) line(m('snapshot'), input.snapshotName);
  doc.font(FONT.bold).fontSize(13).text(`${m('parts')}:`, box.x, y, { lineBreak: false });
  doc.font(FONT.regular);
  for (const part of input.parts) {
    doc.text(msg(`part.${part}`, {}, locale), box.x + 150, y, { lineBreak: false });
    y += 20;
  }
  if (input.parts.length === 0) y += 20;
  y += 14;
  doc.font(FONT.bold).fontSize(13).text(`${m('groups')} (${input.groups.length}):`, box.x, y, { lineBreak: false });
  y += 24;
  // Groups in columns that fill the rest of the page.
  doc.font(FONT.regular).fontSize(11);
  const rowH = 17;
  const perColumn = Math.max(1, Math.floor((box.y + box.h - y) / rowH));
  const columns = Math.max(1, Math.ceil(input.groups.length / perColumn));
  const colW = box.w / Math.max(3, columns);
  input.groups.forEach((g, i) => {
    const cx = box.x + Math.floor(i / perColumn) * colW;
    const cy = y + (i % perColumn) * rowH;
    doc.text(fit(doc, `${g.number}. ${g.name}`, colW - 12), cx, cy, { lineBreak: false });
  });
}

function groupPage(doc: Doc, input: WorkshopInput, name: string, svg: string, fontFor: (bold: boolean, italic: boolean) => string): void {
  const box = contentBox(doc);
  doc.fillColor(COLORS.text).font(FONT.bold).fontSize(18);
  doc.text(fit(doc, name, box.w * 0.6), box.x, box.y, { lineBreak: false });
  doc.font(FONT.regular).fontSize(10).fillColor(COLORS.textMuted);
  const sub = fit(doc, input.snapshotName ? `${input.title} · ${input.snapshotName}` : input.title, box.w * 0.38);
  doc.text(sub, box.x + box.w - doc.widthOfString(sub), box.y + 6, { lineBreak: false });
  doc.fillColor(COLORS.text);
  const top = box.y + 30;
  SVGtoPDF(doc, svg, box.x, top, {
    width: box.w,
    height: box.y + box.h - top,
    preserveAspectRatio: 'xMidYMin meet',
    fontCallback: (_family, bold, italic) => fontFor(bold, italic),
    warningCallback: () => undefined,
  });
}

interface Column {
  title: string;
  width: number;
  align?: 'left' | 'center';
}

interface Cell {
  text: string;
  fill?: string;
}

/** A table that continues on new pages (repeating its header); returns the y below it. */
function table(doc: Doc, input: WorkshopInput, pageNo: { n: number }, title: string, columns: Column[], rows: Cell[][], y0: number, headerH = 24): number {
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

function summary(doc: Doc, input: WorkshopInput, groups: GroupSummary[], pageNo: { n: number }): void {
  const { locale } = input;
  const m = (key: Parameters<typeof msg>[0]) => msg(key, {}, locale);
  const box = contentBox(doc);
  doc.font(FONT.bold).fontSize(22).fillColor(COLORS.text).text(m('summary'), box.x, box.y, { lineBreak: false });
  const keys = ['notes', 'themeNotes', 'matrixNotes', 'localCards', 'ownCards', 'posts', 'likes'] as const;
  const nameW = 190;
  const countW = (box.w - nameW - 70) / keys.length;
  const countColumns: Column[] = [
    { title: m('group'), width: nameW },
    ...keys.map((k) => ({ title: m(`count.${k}`), width: countW, align: 'center' as const })),
    { title: m('assessment'), width: 70, align: 'center' },
  ];
  const countRows = groups.map((g) => [
    { text: `${g.number}. ${g.name}` },
    ...keys.map((k) => ({ text: String(g.counts[k]) })),
    { text: g.statuses === null ? '–' : `${g.counts.assessed}/7` },
  ]);
  const y = table(doc, input, pageNo, m('counts'), countColumns, countRows, box.y + 40, 34);

  const critW = (box.w - nameW) / CRITERIA.length;
  const assessColumns: Column[] = [
    { title: m('group'), width: nameW },
    ...CRITERIA.map((c) => ({ title: `${c.number}. ${c.name[locale]}`, width: critW, align: 'center' as const })),
  ];
  const assessRows = groups.map((g) => [
    { text: `${g.number}. ${g.name}` },
    ...CRITERIA.map((c) => {
      const status = g.statuses?.[c.number - 1];
      return status === undefined ? { text: '–' } : { text: renderMsg(`status.${status}`, {}, locale), fill: STATUS_FILL[status] };
    }),
  ]);
  table(doc, input, pageNo, m('assessments'), assessColumns, assessRows, y + 28, 40);
}

/**
 * The workshop as a PDF. `onProgress(done, total)` is called after each page group (the cover,
 * each group's page, the summary); rendering yields to the event loop between groups.
 */
export async function workshopPdf(input: WorkshopInput, onProgress?: (done: number, total: number) => void): Promise<Uint8Array> {
  const total = input.groups.length + 2;
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    autoFirstPage: false,
    displayTitle: true,
    lang: input.locale === 'da' ? 'da-DK' : 'en-GB',
    info: { Title: clean(input.title), Author: 'kaedeboard', Creator: 'kaedeboard', Subject: input.snapshotName ? clean(input.snapshotName) : '' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      const all = Buffer.concat(chunks);
      resolve(new Uint8Array(all.buffer, all.byteOffset, all.byteLength));
    });
    doc.on('error', reject);
  });
  registerFonts(doc);
  const fontFor = (bold: boolean, italic: boolean): string => (bold ? FONT.bold : italic ? FONT.italic : FONT.regular);
  const pageNo = { n: 0 };

  doc.addPage();
  footer(doc, input, ++pageNo.n);
  cover(doc, input);
  doc.outline.addItem(clean(input.title));
  onProgress?.(1, total);

  const summaries: GroupSummary[] = [];
  for (const [i, group] of input.groups.entries()) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    const content = readGroup(group);
    try {
      const theme = widgetsOfKind(content, sevenThemes)[0];
      summaries.push({
        number: group.number,
        name: group.name,
        counts: countContent(content),
        statuses: theme === undefined ? null : theme.data.map((d) => d.status),
      });
      doc.addPage();
      footer(doc, input, ++pageNo.n);
      groupPage(doc, input, group.name, renderBoardSvg(content.board, { locale: input.locale }), fontFor);
      doc.outline.addItem(clean(group.name));
    } finally {
      closeBoard(content.board);
    }
    onProgress?.(i + 2, total);
  }

  await new Promise<void>((resolve) => setImmediate(resolve));
  doc.addPage();
  footer(doc, input, ++pageNo.n);
  doc.outline.addItem(msg('summary', {}, input.locale));
  summary(doc, input, summaries, pageNo);
  onProgress?.(total, total);
  doc.end();
  return done;
}
