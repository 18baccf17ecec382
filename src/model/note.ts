/** Sticky note: a short text on a coloured square. */
import { object, oneOf, string } from './validate.js';
import type { Infer } from './validate.js';

/** Record kind name, stored under the item's `kind` key. */
export const kind = 'note';

/** The note palette. */
export const NOTE_COLORS = ['yellow', 'green', 'blue', 'pink', 'orange', 'grey'] as const;
export type NoteColor = (typeof NOTE_COLORS)[number];

/** Longest note text. */
export const MAX_NOTE_TEXT = 2000;

/** Validates a note's props. */
export const propsValidator = object({
  text: string({ max: MAX_NOTE_TEXT }),
  color: oneOf(NOTE_COLORS),
});

/** A note's props. */
export type Props = Infer<typeof propsValidator>;

/** Props of a new note. */
export function defaultProps(): Props {
  return { text: '', color: 'yellow' };
}

/** Size of a new note. */
export const defaultSize = { w: 200, h: 200 } as const;
