/**
 * The Bør/Gør matrix in the plenum's synthesis: every group's notes gathered per field, grouped
 * by the criterion they are tagged with (1 to 7, untagged last), each with its groups. Notes
 * whose text is the same after trimming, folding white space and case are one entry (the first
 * spelling met), with every group that wrote it; blank notes are left out.
 */
import { CRITERIA } from '../../content/criteria.js';
import { MATRIX_FIELDS, type MatrixField } from '../../content/matrix.js';
import { sm } from '../../workshop/synthesis-messages.js';
import type { KindSynthesis, SynthesisListDef } from '../kind.js';
import type { NotesByField } from './records.js';

export interface GatheredNote {
  text: string;
  /** The groups that wrote it, ascending. */
  groups: number[];
  /** How many notes it stands for (a group may have written it twice). */
  count: number;
}

export interface CriterionBucket {
  /** 1..7; 0: untagged. */
  criterion: number;
  notes: GatheredNote[];
}

export interface GatheredField {
  field: MatrixField;
  /** Notes in the field, before identical ones are merged. */
  notes: number;
  /** The groups with a note in the field. */
  groups: number[];
  /** Criteria 1 to 7, then untagged; only those holding notes. */
  buckets: CriterionBucket[];
}

export interface GatheredMatrix {
  /** The groups with a matrix, in order. */
  groups: number[];
  fields: GatheredField[];
}

/** The text two notes must share to be one entry. */
export function sameTextKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');
}

const BUCKET_ORDER = [...CRITERIA.map((c) => c.number), 0];

function gatherField(field: MatrixField, groups: readonly { group: number; data: NotesByField }[]): GatheredField {
  const buckets = new Map<number, Map<string, GatheredNote>>(BUCKET_ORDER.map((c) => [c, new Map()]));
  const inField = new Set<number>();
  let notes = 0;
  for (const { group, data } of groups) {
    for (const note of data[field]) {
      const key = sameTextKey(note.props.text);
      if (key === '') continue;
      notes++;
      inField.add(group);
      const bucket = buckets.get(note.props.criterion) ?? (buckets.get(0) as Map<string, GatheredNote>);
      const entry = bucket.get(key);
      if (entry === undefined) bucket.set(key, { text: note.props.text.trim(), groups: [group], count: 1 });
      else {
        entry.count++;
        if (!entry.groups.includes(group)) entry.groups.push(group);
      }
    }
  }
  return {
    field,
    notes,
    groups: [...inField].sort((a, b) => a - b),
    buckets: BUCKET_ORDER.map((criterion) => ({ criterion, notes: [...(buckets.get(criterion) as Map<string, GatheredNote>).values()].map((n) => ({ ...n, groups: [...n.groups].sort((a, b) => a - b) })) })).filter((b) => b.notes.length > 0),
  };
}

/** One field's notes as a list to vote over: every entry, in display order. */
function fieldList(field: MatrixField): SynthesisListDef<GatheredMatrix> {
  const info = MATRIX_FIELDS.find((f) => f.field === field);
  return {
    key: field,
    title: (locale) => sm('list.matrix', { field: info?.title[locale] ?? field }, locale),
    items: (section, locale) =>
      (section.fields.find((f) => f.field === field)?.buckets ?? []).flatMap((b) =>
        b.notes.map((n) => ({
          label: n.text,
          detail: b.criterion === 0 ? sm('untagged', {}, locale) : `${b.criterion}. ${CRITERIA.find((c) => c.number === b.criterion)?.name[locale] ?? ''}`,
          groups: n.groups,
        })),
      ),
  };
}

export const borGorMatrixSynthesis: KindSynthesis<NotesByField, GatheredMatrix> = {
  gather(groups) {
    // A group's matrices count as one: their notes together.
    const merged = groups
      .filter((g) => g.widgets.length > 0)
      .map(({ group, widgets }) => ({
        group: group.number,
        data: Object.fromEntries(MATRIX_FIELDS.map(({ field }) => [field, widgets.flatMap((w) => w[field])])) as NotesByField,
      }));
    return { groups: merged.map((g) => g.group), fields: MATRIX_FIELDS.map(({ field }) => gatherField(field, merged)) };
  },
  lists: MATRIX_FIELDS.map(({ field }) => fieldList(field)),
};
