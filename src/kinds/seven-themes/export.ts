/**
 * The seven-themes puzzle in the text exports: per criterion, the group's assessment (a CSV row
 * only once the group has set it) and its notes with their authors.
 */
import { CRITERIA, criterion as criterionOf } from '../../content/criteria.js';
import type { Locale } from '../../i18n/index.js';
import { msg } from '../../render/export-messages.js';
import { escapeMarkdown, markdownItem, markdownList } from '../../render/export-text.js';
import { msg as renderMsg } from '../../render/messages.js';
import type { KindCsvRow, KindExport } from '../kind.js';
import type { ThemeState } from './records.js';

/** "4. Ungeinddragelse" ('' for a number that is no criterion). */
function criterionName(n: number, locale: Locale): string {
  const c = criterionOf(n);
  return c === undefined ? '' : `${c.number}. ${c.name[locale]}`;
}

export const sevenThemesExport: KindExport<ThemeState[]> = {
  csvRows(data, locale) {
    const rows: KindCsvRow[] = [];
    for (const theme of data) {
      const place = criterionName(theme.criterion, locale);
      if (theme.assessed) rows.push({ kind: 'theme-assessment', place, text: renderMsg(`status.${theme.status}`, {}, locale), author: '', extra: theme.status });
      for (const note of theme.notes) rows.push({ kind: 'theme-note', place, text: note.props.text, author: note.props.author, extra: '' });
    }
    return rows;
  },

  markdown(data, locale) {
    const out: string[] = [];
    for (const criterion of CRITERIA) {
      const theme = data.find((d) => d.criterion === criterion.number);
      if (theme === undefined) continue;
      out.push(`#### ${criterion.number}. ${criterion.name[locale]}`, '');
      out.push(`**${msg('assessment', {}, locale)}:** ${renderMsg(`status.${theme.status}`, {}, locale)}`, '');
      const notes = theme.notes.map((n) => markdownItem(n.props.text) + (n.props.author.trim() ? ` — _${escapeMarkdown(n.props.author)}_` : ''));
      out.push(...markdownList(notes, msg('noNotes', {}, locale)));
    }
    return out;
  },

  counts(data) {
    return {
      themeNotes: data.reduce((n, d) => n + d.notes.length, 0),
      assessed: data.filter((d) => d.assessed).length,
    };
  },
};
