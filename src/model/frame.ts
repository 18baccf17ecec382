/** Frame: a titled area; items whose geometry `parent` is the frame belong to it. */
import { object, string } from './validate.js';
import type { Infer } from './validate.js';

/** Record kind name, stored under the item's `kind` key. */
export const kind = 'frame';

/** Longest frame title. */
export const MAX_FRAME_TITLE = 200;

/** Validates a frame's props. */
export const propsValidator = object({
  title: string({ max: MAX_FRAME_TITLE }),
});

/** A frame's props. */
export type Props = Infer<typeof propsValidator>;

/** Props of a new frame. */
export function defaultProps(): Props {
  return { title: '' };
}

/** Size of a new frame. */
export const defaultSize = { w: 800, h: 600 } as const;
