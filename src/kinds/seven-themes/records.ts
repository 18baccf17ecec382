/** Reading and writing the seven-themes records (assessments and notes) through the Board. */
import type { Board, CreateInit, Item, Origin } from '../../model/index.js';
import { assessmentId } from '../../model/theme-assessment.js';
import type { Assessment } from '../../model/theme-assessment.js';
import { MAX_THEME_NOTE } from '../../model/theme-note.js';
import { CRITERIA } from '../../content/criteria.js';

export type ThemeNote = Item<'theme-note'>;

/** What the widget shows of one criterion. */
export interface ThemeState {
  criterion: number;
  /** The derived id of the criterion's assessment record (which may not exist yet). */
  assessmentId: string;
  /** The assessment; a missing record reads as 'not-started'. */
  status: Assessment;
  /** True if the group set the assessment (its record exists). */
  assessed: boolean;
  /** The group's notes on the criterion, in id order (the same order for everyone). */
  notes: ThemeNote[];
}

/** The state of all seven criteria of a widget, in criterion order. */
export function readThemes(board: Board, widgetId: string): ThemeState[] {
  const assessments = board.owned(widgetId, 'theme-assessment');
  const notes = board.owned(widgetId, 'theme-note');
  return CRITERIA.map(({ number }) => {
    const id = assessmentId(widgetId, number);
    // Only the record with the derived id counts (a stray record with another id is ignored).
    const record = assessments.find((a) => a.id === id && a.props.criterion === number);
    return {
      criterion: number,
      assessmentId: id,
      status: record?.props.status ?? 'not-started',
      assessed: record !== undefined,
      notes: notes.filter((n) => n.props.criterion === number),
    };
  });
}

/**
 * Sets a criterion's assessment in one transaction: creates the record with the derived id on
 * the first change, updates it afterwards. Two people doing this at once write the same id, so
 * the document converges to one record.
 */
export function setAssessment(board: Board, widgetId: string, criterion: number, status: Assessment, origin: Origin): void {
  const id = assessmentId(widgetId, criterion);
  board.transact(() => {
    if (!board.updateProps<'theme-assessment'>(id, { status }, origin)) {
      board.create('theme-assessment', { id, props: { widget: widgetId, criterion, status } }, origin);
    }
  }, origin);
}

/** Adds a note (text trimmed and cut to the limit); returns its id, or null for an empty text. */
export function addNote(
  board: Board,
  widgetId: string,
  criterion: number,
  text: string,
  author: string,
  clientTag: string,
  origin: Origin,
): string | null {
  const clean = text.trim().slice(0, MAX_THEME_NOTE);
  if (!clean) return null;
  const init: CreateInit<'theme-note'> = {
    props: { widget: widgetId, criterion, text: clean, author: author.trim().slice(0, 60) },
  };
  if (clientTag) init.createdBy = clientTag.slice(0, 64);
  return board.create('theme-note', init, origin);
}

/** True if this participant wrote the note (by client tag; by name for untagged notes). */
export function isOwnNote(note: ThemeNote, userName: string, clientTag: string): boolean {
  if (note.createdBy !== undefined) return clientTag !== '' && note.createdBy === clientTag;
  return userName !== '' && note.props.author === userName;
}
