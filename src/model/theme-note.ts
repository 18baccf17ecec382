/** Theme note: a group's note on one quality criterion (a piece of the seven-themes puzzle). */
import { integer, object, string } from './validate.js';
import type { Infer } from './validate.js';
import { itemId } from './ids.js';

export const kind = 'theme-note';
export const owner = 'widget';
export const MAX_THEME_NOTE = 1000;

export const propsValidator = object({
  widget: itemId,
  criterion: integer({ min: 1, max: 7 }),
  text: string({ max: MAX_THEME_NOTE }),
  /** Display name of the writer, '' when posted without a name. */
  author: string({ max: 60 }),
});
export type Props = Infer<typeof propsValidator>;

export function defaultProps(): Props {
  return { widget: 'unset', criterion: 1, text: '', author: '' };
}
export const defaultSize = { w: 1, h: 1 } as const;
