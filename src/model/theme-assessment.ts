/**
 * Theme assessment: where a group stands on one of the seven quality criteria (shown as the
 * puzzle piece's fill). Owned by a seven-themes widget. Its id is derived from the widget and
 * the criterion ({@link assessmentId}), so two people setting it at once write the same record.
 */
import { integer, object, oneOf } from './validate.js';
import type { Infer } from './validate.js';
import { itemId } from './ids.js';

export const kind = 'theme-assessment';
/** The prop naming the owning widget. */
export const owner = 'widget';

export const ASSESSMENTS = ['not-started', 'under-way', 'established'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

export const propsValidator = object({
  widget: itemId,
  criterion: integer({ min: 1, max: 7 }),
  status: oneOf(ASSESSMENTS),
});
export type Props = Infer<typeof propsValidator>;

export function defaultProps(): Props {
  return { widget: 'unset', criterion: 1, status: 'not-started' };
}
export const defaultSize = { w: 1, h: 1 } as const;

/** The one record id for a widget's assessment of `criterion`. */
export function assessmentId(widgetId: string, criterion: number): string {
  return `${widgetId.slice(0, 56)}-a${criterion}`;
}
