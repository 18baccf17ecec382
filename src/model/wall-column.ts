/** Wall column: one theme of the reflection wall with its questions (editable). */
import { number, object, string } from './validate.js';
import type { Infer } from './validate.js';
import { itemId } from './ids.js';

export const kind = 'wall-column';
export const owner = 'widget';

export const propsValidator = object({
  widget: itemId,
  title: string({ max: 200 }),
  /** The column's questions, one per line. */
  questions: string({ max: 2000 }),
  order: number({ min: -1e12, max: 1e12 }),
});
export type Props = Infer<typeof propsValidator>;

export function defaultProps(): Props {
  return { widget: 'unset', title: '', questions: '', order: 0 };
}
export const defaultSize = { w: 1, h: 1 } as const;
