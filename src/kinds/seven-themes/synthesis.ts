/**
 * The seven-themes puzzle in the plenum's synthesis: a matrix of criterion x group, each cell
 * the group's assessment of the criterion and its notes on it, with the totals per criterion.
 * A group with two puzzles shows the first one's assessment (as the PDF summary does) and the
 * notes of both; a group without a puzzle has no cell (null) and is not counted.
 */
import { CRITERIA } from '../../content/criteria.js';
import type { Assessment } from '../../model/theme-assessment.js';
import { notesText, sm } from '../../workshop/synthesis-messages.js';
import type { KindSynthesis } from '../kind.js';
import type { ThemeState } from './records.js';

export interface CriteriaNote {
  text: string;
  author: string;
}

/** One group's standing on one criterion. */
export interface CriteriaCell {
  group: number;
  status: Assessment;
  /** The group set the assessment (else it reads as not started). */
  assessed: boolean;
  notes: CriteriaNote[];
}

export interface CriteriaRow {
  criterion: number;
  /** One per group, in the synthesis's group order; null: the group has no puzzle. */
  cells: (CriteriaCell | null)[];
  /** Notes on the criterion, every group's. */
  notes: number;
  /** How many groups stand where on it (groups with a puzzle only). */
  byStatus: Record<Assessment, number>;
}

export interface CriteriaMatrix {
  /** The groups with a puzzle, in order. */
  groups: number[];
  rows: CriteriaRow[];
  /** Notes on every criterion, every group's. */
  notes: number;
}

export const sevenThemesSynthesis: KindSynthesis<ThemeState[], CriteriaMatrix> = {
  gather(groups) {
    const rows = CRITERIA.map(({ number }): CriteriaRow => {
      const byStatus: Record<Assessment, number> = { 'not-started': 0, 'under-way': 0, established: 0 };
      let notes = 0;
      const cells = groups.map(({ group, widgets }): CriteriaCell | null => {
        const first = widgets[0]?.find((s) => s.criterion === number);
        if (first === undefined) return null;
        const cellNotes = widgets.flatMap((w) => w.find((s) => s.criterion === number)?.notes ?? []).map((n) => ({ text: n.props.text, author: n.props.author }));
        byStatus[first.status]++;
        notes += cellNotes.length;
        return { group: group.number, status: first.status, assessed: first.assessed, notes: cellNotes };
      });
      return { criterion: number, cells, notes, byStatus };
    });
    return {
      groups: groups.filter((g) => g.widgets.length > 0).map((g) => g.group.number),
      rows,
      notes: rows.reduce((n, r) => n + r.notes, 0),
    };
  },
  lists: [
    {
      key: 'criteria',
      title: (locale) => sm('list.criteria', {}, locale),
      items: (section, locale) =>
        section.rows.map((r) => {
          const c = CRITERIA.find((x) => x.number === r.criterion);
          return {
            label: `${r.criterion}. ${c?.name[locale] ?? ''}`,
            detail: notesText(r.notes, locale),
            groups: r.cells.filter((cell): cell is CriteriaCell => cell !== null && cell.notes.length > 0).map((cell) => cell.group),
          };
        }),
    },
  ],
};
