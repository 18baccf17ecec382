/**
 * Wall like: one participant's like of a post. Its id is derived from the post and the
 * participant's client tag ({@link likeId}), so liking twice is one like and unliking deletes it.
 */
import { object, string } from './validate.js';
import type { Infer } from './validate.js';
import { itemId } from './ids.js';

export const kind = 'wall-like';
export const owner = 'post';

export const propsValidator = object({
  post: itemId,
  /** Client tag of who liked (not a name). */
  by: string({ max: 40, min: 1, pattern: /^[A-Za-z0-9_-]+$/ }),
});
export type Props = Infer<typeof propsValidator>;

export function defaultProps(): Props {
  return { post: 'unset', by: 'unset' };
}
export const defaultSize = { w: 1, h: 1 } as const;

/** The one record id for `by` liking `postId`. */
export function likeId(postId: string, by: string): string {
  return `${postId.slice(0, 30)}-l-${by.slice(0, 30)}`;
}
