/**
 * The workshop as one PDF (A4 landscape): a cover page (title, date, parts, groups), the
 * synthesis pages ("Fælles opsamling": what all groups made gathered, and each vote's results;
 * pdf-synthesis.ts), one page per group with its board drawn from the shared SVG renderer, then
 * summary pages (content counts per group, and each group's assessment of the seven criteria
 * as a table). Fonts: DejaVu Sans embedded when installed, otherwise PDF's Helvetica (both
 * cover æøå); shared drawing in pdf-layout.ts.
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { CRITERIA } from '../../src/content/criteria.js';
import { sevenThemes } from '../../src/kinds/seven-themes/index.js';
import type { Assessment } from '../../src/model/theme-assessment.js';
import { renderBoardSvg } from '../../src/render/board-svg.js';
import { msg } from '../../src/render/export-messages.js';
import { msg as renderMsg } from '../../src/render/messages.js';
import { COLORS, STATUS_FILL } from '../../src/render/tokens.js';
import { closeBoard, countContent, readGroup, widgetsOfKind } from './input.js';
import type { GroupCounts, WorkshopInput } from './input.js';
import { contentBox, FONT, fit, footer, MARGIN, registerFonts, clean, table, type Cell, type Column, type Doc } from './pdf-layout.js';
import { formatDate } from './format.js';
import { synthesisPages } from './pdf-synthesis.js';
import { readSynthesis } from './synthesis.js';

interface GroupSummary {
  number: number;
  name: string;
  counts: GroupCounts;
  /** Per criterion 1..7; null when the board has no seven-themes widget. */
  statuses: Assessment[] | null;
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
 * the synthesis, each group's page, the summary); rendering yields to the event loop between groups.
 */
export async function workshopPdf(input: WorkshopInput, onProgress?: (done: number, total: number) => void): Promise<Uint8Array> {
  const total = input.groups.length + 3;
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

  await new Promise<void>((resolve) => setImmediate(resolve));
  synthesisPages(doc, input, readSynthesis(input), pageNo);
  onProgress?.(2, total);

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
    onProgress?.(i + 3, total);
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
