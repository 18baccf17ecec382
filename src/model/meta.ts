/** Board metadata: title, schema version, and which template widgets are already placed. */
import { CURRENT_SCHEMA_VERSION } from './migrations.js';
import { arrayOf, integer, object, string } from './validate.js';
import type { Validator } from './validate.js';
import { WIDGET_TYPES, widgetType } from './widget.js';
import type { WidgetType } from './widget.js';

/** Board metadata. */
export interface Meta {
  title: string;
  schemaVersion: number;
  /** Widget types a template has placed on the board (so a template is not placed twice). */
  placedWidgets: WidgetType[];
}

/** Longest board title. */
export const MAX_TITLE = 200;

/** Validates a board title. */
export const titleValidator = string({ max: MAX_TITLE });

/** Validates a stored schema version. */
export const schemaVersionValidator = integer({ min: 0, max: 1_000_000 });

/** Validates a whole metadata record. */
export const metaValidator: Validator<Meta> = object({
  title: titleValidator,
  schemaVersion: schemaVersionValidator,
  placedWidgets: arrayOf(widgetType, { max: WIDGET_TYPES.length }),
});

/** Metadata of a fresh board. */
export function defaultMeta(): Meta {
  return { title: '', schemaVersion: CURRENT_SCHEMA_VERSION, placedWidgets: [] };
}

/**
 * Reads metadata field by field from raw stored values: a malformed field falls back to its
 * default, and unknown widget names (from a newer client) are left out of `placedWidgets`.
 */
export function readMeta(get: (key: keyof Meta) => unknown): Meta {
  const meta = defaultMeta();
  const title = titleValidator.validate(get('title'));
  if (title.ok) meta.title = title.value;
  const version = schemaVersionValidator.validate(get('schemaVersion'));
  if (version.ok) meta.schemaVersion = version.value;
  const placed = get('placedWidgets');
  if (Array.isArray(placed)) {
    meta.placedWidgets = WIDGET_TYPES.filter((t) => placed.includes(t));
  }
  return meta;
}
