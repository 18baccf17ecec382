/** Widget: a placed workshop tool (the seven themes, the Bør/Gør matrix, ...). */
import { object, oneOf } from './validate.js';
import type { Infer } from './validate.js';

/** Record kind name, stored under the item's `kind` key. */
export const kind = 'widget';

/** The widget types a board can place. */
export const WIDGET_TYPES = ['seven-themes', 'bor-gor-matrix', 'competence-profile', 'reflection-wall'] as const;
export type WidgetType = (typeof WIDGET_TYPES)[number];

/** Validates one widget type name. */
export const widgetType = oneOf(WIDGET_TYPES);

/** Validates a widget's props. */
export const propsValidator = object({
  widget: widgetType,
});

/** A widget's props. */
export type Props = Infer<typeof propsValidator>;

/** Props of a new widget (callers normally pass `widget`). */
export function defaultProps(): Props {
  return { widget: 'seven-themes' };
}

/** Size of a new widget. */
export const defaultSize = { w: 960, h: 640 } as const;
