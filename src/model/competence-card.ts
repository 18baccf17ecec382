/**
 * Competence card: one card of a competence profile widget, either still in the generic
 * profile (the deck) or placed in the group's local profile; in one of three columns.
 */
import { number, object, oneOf, string } from './validate.js';
import type { Infer } from './validate.js';
import { itemId } from './ids.js';

export const kind = 'competence-card';
export const owner = 'widget';
export const AREAS = ['generic', 'local'] as const;
export type Area = (typeof AREAS)[number];
export const COLUMNS = ['viden', 'kompetencer', 'faerdigheder'] as const;
export type Column = (typeof COLUMNS)[number];
export const MAX_CARD_TEXT = 300;

export const propsValidator = object({
  widget: itemId,
  area: oneOf(AREAS),
  column: oneOf(COLUMNS),
  /** Danish (or the group's own) text. */
  text: string({ max: MAX_CARD_TEXT, min: 1 }),
  /** English text; '' shows `text`. */
  textEn: string({ max: MAX_CARD_TEXT }),
  /** Key of the deck card it came from; '' for a card the group wrote. */
  deckKey: string({ max: 64 }),
  order: number({ min: -1e12, max: 1e12 }),
});
export type Props = Infer<typeof propsValidator>;

export function defaultProps(): Props {
  return { widget: 'unset', area: 'local', column: 'viden', text: '?', textEn: '', deckKey: '', order: 0 };
}
export const defaultSize = { w: 1, h: 1 } as const;
