/**
 * The Bør/Gør matrix in the text exports: per field (with its question in Markdown), the group's
 * notes in order, each with the quality criterion it is tagged with.
 */
import { criterion as criterionOf } from '../../content/criteria.js';
import { MATRIX_FIELDS } from '../../content/matrix.js';
import type { Locale } from '../../i18n/index.js';
import { msg } from '../../render/export-messages.js';
import { markdownItem, markdownList } from '../../render/export-text.js';
import type { KindExport } from '../kind.js';
import type { MatrixNote, NotesByField } from './records.js';

/** "Kriterium 4: Ungeinddragelse" for the note's tag ('' for an untagged note). */
function criterionTag(note: MatrixNote, locale: Locale): string {
  const c = criterionOf(note.props.criterion);
  return c === undefined ? '' : msg('criterionTag', { number: c.number, name: c.name[locale] }, locale);
}

export const borGorMatrixExport: KindExport<NotesByField> = {
  csvRows(data, locale) {
    return MATRIX_FIELDS.flatMap((field) =>
      data[field.field].map((note) => ({ kind: 'matrix-note', place: field.title[locale], text: note.props.text, author: '', extra: criterionTag(note, locale) })),
    );
  },

  markdown(data, locale) {
    const out: string[] = [];
    for (const field of MATRIX_FIELDS) {
      out.push(`#### ${field.title[locale]}`, '', `_${field.question[locale]}_`, '');
      const notes = data[field.field].map((note) => {
        const tag = criterionTag(note, locale);
        return markdownItem(note.props.text) + (tag ? ` \\[${tag}\\]` : '');
      });
      out.push(...markdownList(notes, msg('noNotes', {}, locale)));
    }
    return out;
  },

  counts(data) {
    return { matrixNotes: Object.values(data).reduce((n, list) => n + list.length, 0) };
  },
};
