/**
 * The workshop's content as CSV: one row per content record. RFC 4180 (CRLF, quotes doubled,
 * fields with a delimiter, quote or line break quoted), UTF-8 with a BOM so Excel reads æøå,
 * and cells that a spreadsheet would run as a formula are neutralised.
 */
import { t } from '../../src/i18n/index.js';
import type { Locale } from '../../src/i18n/index.js';
import { COLUMN_TITLES } from '../../src/content/competences.js';
import { criterion as criterionOf } from '../../src/content/criteria.js';
import { MATRIX_FIELDS } from '../../src/content/matrix.js';
import { cardText } from '../../src/render/board-data.js';
import { msg as renderMsg } from '../../src/render/messages.js';
import { ordinal, withGroups } from './input.js';
import type { GroupContent, WorkshopInput } from './input.js';
import { msg } from './messages.js';

export const CSV_COLUMNS = ['group', 'widget', 'kind', 'place', 'text', 'author', 'extra'] as const;
export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string>;

export interface CsvOptions {
  /** ',' (RFC 4180, the default) or ';' (what Excel expects by default with Danish regional settings). */
  delimiter?: ',' | ';';
}

/**
 * A cell that a spreadsheet would read as a formula (starts with = + - @, or a tab or CR that
 * some strip first) gets a leading apostrophe (OWASP's advice against CSV injection).
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** One CSV field: neutralised, and quoted when it holds the delimiter, a quote or a line break. */
export function csvField(value: string, delimiter = ','): string {
  const cell = neutraliseFormula(value);
  return cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function criterionName(n: number, locale: Locale): string {
  const c = criterionOf(n);
  return c === undefined ? '' : `${c.number}. ${c.name[locale]}`;
}

/** The rows of one group's board, in display order. */
export function groupRows(content: GroupContent, locale: Locale): CsvRow[] {
  const group = content.group.name;
  const rows: CsvRow[] = [];
  const row = (r: Omit<CsvRow, 'group'>) => rows.push({ group, ...r });
  for (const { item, frame } of content.notes) {
    row({ widget: t('board.canvas', {}, locale), kind: 'note', place: frame, text: item.props.text, author: '', extra: item.props.color });
  }
  content.themes.forEach(({ data }, i) => {
    const widget = t('widget.seven-themes', {}, locale) + ordinal(i);
    for (const theme of data) {
      const place = criterionName(theme.criterion, locale);
      if (theme.assessed) row({ widget, kind: 'theme-assessment', place, text: renderMsg(`status.${theme.status}`, {}, locale), author: '', extra: theme.status });
      for (const note of theme.notes) row({ widget, kind: 'theme-note', place, text: note.props.text, author: note.props.author, extra: '' });
    }
  });
  content.matrices.forEach(({ data }, i) => {
    const widget = t('widget.bor-gor-matrix', {}, locale) + ordinal(i);
    for (const field of MATRIX_FIELDS) {
      for (const note of data[field.field]) {
        const c = criterionOf(note.props.criterion);
        const extra = c === undefined ? '' : msg('criterionTag', { number: c.number, name: c.name[locale] }, locale);
        row({ widget, kind: 'matrix-note', place: field.title[locale], text: note.props.text, author: '', extra });
      }
    }
  });
  content.profiles.forEach(({ data }, i) => {
    const widget = t('widget.competence-profile', {}, locale) + ordinal(i);
    for (const area of ['local', 'generic'] as const) {
      const areaName = renderMsg(area === 'local' ? 'localArea' : 'genericArea', {}, locale);
      for (const column of ['viden', 'kompetencer', 'faerdigheder'] as const) {
        for (const card of data[area][column]) {
          const own = card.props.deckKey === '';
          row({ widget, kind: 'competence-card', place: `${areaName} / ${COLUMN_TITLES[column][locale]}`, text: cardText(card, locale), author: '', extra: own ? msg('ownCardMark', {}, locale) : card.props.deckKey });
        }
      }
    }
  });
  content.walls.forEach(({ data }, i) => {
    const widget = t('widget.reflection-wall', {}, locale) + ordinal(i);
    for (const column of data) {
      for (const post of column.posts) {
        const author = post.item.props.author.trim() || renderMsg('anonymous', {}, locale);
        row({ widget, kind: 'wall-post', place: column.item.props.title, text: post.item.props.text, author, extra: msg('likes', { count: post.likes }, locale) });
      }
    }
  });
  return rows;
}

/** The whole workshop as CSV text (starting with a BOM; CRLF line ends). */
export function exportCsv(input: WorkshopInput, { delimiter = ',' }: CsvOptions = {}): string {
  const rows = withGroups(input, (content) => groupRows(content, input.locale)).flat();
  const lines = [CSV_COLUMNS.join(delimiter), ...rows.map((r) => CSV_COLUMNS.map((c) => csvField(r[c], delimiter)).join(delimiter))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
