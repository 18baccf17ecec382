/**
 * The workshop's content as CSV: one row per content record. RFC 4180 (CRLF, quotes doubled,
 * fields with a delimiter, quote or line break quoted), UTF-8 with a BOM so Excel reads æøå,
 * and cells that a spreadsheet would run as a formula are neutralised.
 */
import { t } from '../../src/i18n/index.js';
import type { Locale } from '../../src/i18n/index.js';
import { ordinal } from '../../src/render/export-text.js';
import { sm } from '../../src/workshop/synthesis-messages.js';
import { withGroups } from './input.js';
import type { GroupContent, WorkshopInput } from './input.js';

export const CSV_COLUMNS = ['group', 'widget', 'kind', 'place', 'text', 'author', 'extra'] as const;
export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string>;

export interface CsvOptions {
  /** ',' (RFC 4180, the default) or ';' (what Excel expects by default with Danish regional settings). */
  delimiter?: ',' | ';';
}

/**
 * Where a spreadsheet may start a cell: at the start of the field, and after any separator it
 * might split a line on (`,` `;` tab `|`) or a line break. A Danish file (`;`) opened with `,`
 * as the separator splits `a,=HYPERLINK(…)` into a cell that starts with `=`; quotes between
 * the separator and the `=` are skipped over too (a reader that is out of step with the
 * quoting sees them as an empty quoted field before the formula).
 */
const CELL_START = /(^|[,;\t|\r\n])(?="*[=+\-@\t\r])/g;

/**
 * Every place a cell may start that would read as a formula (= + - @, or a tab or CR that some
 * strip first) gets an apostrophe (OWASP's advice against CSV injection), whichever separator
 * the spreadsheet uses.
 */
export function neutraliseFormula(cell: string): string {
  return cell.replace(CELL_START, "$1'");
}

/** One CSV field: neutralised, and quoted when it holds the delimiter, a quote or a line break. */
export function csvField(value: string, delimiter = ','): string {
  const cell = neutraliseFormula(value);
  return cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The rows of one group's board, in display order: its canvas notes, then each widget's rows from its kind. */
export function groupRows(content: GroupContent, locale: Locale): CsvRow[] {
  const group = content.group.name;
  const canvas = t('board.canvas', {}, locale);
  const notes = content.notes.map(({ item, frame }): CsvRow => ({ group, widget: canvas, kind: 'note', place: frame, text: item.props.text, author: '', extra: item.props.color }));
  const widgets = content.widgets.flatMap(({ kind, data, index }) => {
    const widget = t(`widget.${kind.type}`, {}, locale) + ordinal(index);
    return kind.export.csvRows(data, locale).map((row): CsvRow => ({ group, widget, ...row }));
  });
  return [...notes, ...widgets];
}

/**
 * The workshop's votes: per vote a row (kind `vote`: its title, open or closed, who took part),
 * then its items ranked (kind `vote-item`: the item, where it comes from, its groups, its dots in
 * `extra`). Counts only: nothing says who placed which dot.
 */
export function voteRows(input: WorkshopInput): CsvRow[] {
  const { locale } = input;
  const names = (groups: readonly number[]) => groups.map((n) => input.groups.find((g) => g.number === n)?.name ?? String(n)).join(', ');
  return (input.votes ?? []).flatMap((v) => {
    const widget = sm('voteOn', { title: v.title }, locale);
    return [
      { group: '', widget, kind: 'vote', place: v.state === 'open' ? sm('voteOpen', {}, locale) : sm('voteClosed', {}, locale), text: v.title, author: '', extra: `${sm('voteDots', { dots: v.dots }, locale)}; ${sm('voteVoters', { voters: v.voters, cast: v.cast }, locale)}` },
      ...v.items.map((item): CsvRow => ({ group: names(item.groups), widget, kind: 'vote-item', place: item.detail, text: item.label, author: '', extra: String(item.total) })),
    ];
  });
}

/** The whole workshop as CSV text (starting with a BOM; CRLF line ends): every board's records, then the votes. */
export function exportCsv(input: WorkshopInput, { delimiter = ',' }: CsvOptions = {}): string {
  const rows = [...withGroups(input, (content) => groupRows(content, input.locale)).flat(), ...voteRows(input)];
  const lines = [CSV_COLUMNS.join(delimiter), ...rows.map((r) => CSV_COLUMNS.map((c) => csvField(r[c], delimiter)).join(delimiter))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
