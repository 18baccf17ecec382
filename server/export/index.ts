/**
 * Workshop exports (server side): JSON (re-importable), CSV, Markdown, a board as SVG or PNG,
 * the whole workshop as PDF, a group's competence profile as Word, and the workshop's shared
 * summing-up ("Fælles opsamling") as Word. All are pure functions of a
 * {@link WorkshopInput}; the HTTP route picks one by `ExportFormat`.
 */
import type { ExportFormat } from '../../src/workshop/api.js';
import type { Locale } from '../../src/i18n/index.js';
import { isoDay } from './format.js';

export type { ExportGroup, ExportVote, WorkshopInput, GroupContent, GroupCounts, WidgetContent } from './input.js';
export { openBoard, closeBoard, readGroup, countContent, widgetsOfKind } from './input.js';
export { exportJson, parseWorkshopExport, boardState, WorkshopExportError, MAX_BOARD_BYTES, MAX_TOTAL_BYTES, MAX_GROUPS, MAX_TITLE, MAX_GROUP_NAME } from './json.js';
export { exportCsv, csvField, neutraliseFormula, CSV_COLUMNS } from './csv.js';
export type { CsvOptions, CsvRow } from './csv.js';
export { exportMarkdown } from './markdown.js';
export { escapeMarkdown } from '../../src/render/export-text.js';
export { boardSvg, boardPng, findGroup, DEFAULT_PNG_WIDTH, MAX_PNG_WIDTH, MIN_PNG_WIDTH } from './image.js';
export { workshopPdf } from './pdf.js';
export { profileDocx } from './docx.js';
export { synthesisDocx } from './docx-synthesis.js';
export { readSynthesis } from './synthesis.js';

/** The `Content-Type` of each export format. */
export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  pdf: 'application/pdf',
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Formats that show one group (the route needs `group=N`). Word is a group's profile with it, the shared summing-up without. */
export const PER_GROUP_FORMATS: readonly ExportFormat[] = ['svg', 'png'];

/** Lower-case ASCII words joined by '-' (Danish letters spelled out: æ→ae, ø→oe, å→aa). */
export function slug(text: string, max = 60): string {
  const s = text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, max).replace(/-+$/, '');
}

/**
 * A safe download name: `kaedeboard-<title>-<YYYY-MM-DD>[-<snapshot>][-gruppe-N].<ext>`, ASCII
 * only (so it needs no encoding in `Content-Disposition`).
 */
export function exportFilename(
  workshop: { title: string; createdAt: number; locale: Locale; snapshotName?: string },
  format: ExportFormat,
  group?: number,
): string {
  const parts = ['kaedeboard', slug(workshop.title) || 'workshop', isoDay(workshop.createdAt)];
  if (workshop.snapshotName) parts.push(slug(workshop.snapshotName, 40));
  if (group !== undefined) parts.push(`${workshop.locale === 'da' ? 'gruppe' : 'group'}-${Math.trunc(group)}`);
  return `${parts.filter((p) => p !== '').join('-')}.${format}`;
}

/** `Content-Disposition` for a download of `filename` (from {@link exportFilename}). */
export function contentDisposition(filename: string): string {
  return `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`;
}
