/** Wall post: a participant's short answer in a reflection-wall column. */
import { number, object, string } from './validate.js';
import type { Infer } from './validate.js';
import { itemId } from './ids.js';

export const kind = 'wall-post';
/** Owned by its column (which is owned by the widget): deleting a column deletes its posts. */
export const owner = 'column';
export const MAX_POST = 500;

export const propsValidator = object({
  column: itemId,
  text: string({ max: MAX_POST, min: 1 }),
  /** Display name of the writer, '' when posted without a name. */
  author: string({ max: 60 }),
  order: number({ min: -1e12, max: 1e12 }),
});
export type Props = Infer<typeof propsValidator>;

export function defaultProps(): Props {
  return { column: 'unset', text: '?', author: '', order: 0 };
}
export const defaultSize = { w: 1, h: 1 } as const;
