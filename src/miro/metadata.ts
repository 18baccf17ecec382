/**
 * The app metadata on every item the app creates (`item.setMetadata`, readable only by this
 * app): which widget it belongs to, the key the kind planned it under (its field or column:
 * `field-bor-gor`, `area-local`, `piece-3`), the kaedeboard record it shows, and on the frame
 * the workshop group it was sent to (so a second send updates that group). Everything read is
 * validated: an item another version of the app tagged, or a hand-edited value, reads as none.
 */
import { isLocale } from '../i18n/index.js';
import type { Locale } from '../i18n/index.js';
import { isMiroWidget } from './place.js';
import type { MiroWidget, PlannedItem } from './place.js';
import type { Json } from './sdk.js';

/** The one metadata key the app writes. */
export const META_KEY = 'kaedeboard';
export const META_VERSION = 1;

/** What every item the app made carries. */
export interface ItemMeta {
  v: typeof META_VERSION;
  widget: MiroWidget;
  key: string;
  /** The kaedeboard record the item shows (placed from a board). */
  record?: string;
}

/** What a frame carries besides. */
export interface FrameMeta extends ItemMeta {
  key: 'frame';
  locale: Locale;
  /** Set while the app is still placing the frame's items: a frame left so was interrupted. */
  placing?: boolean;
  /** The workshop and group the frame came from or was sent to. */
  workshop?: string;
  group?: number;
}

const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

/** An item's metadata as read, or null when it is not (or not validly) the app's. */
export function readItemMeta(value: unknown): ItemMeta | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const o = value as Record<string, unknown>;
  if (o.v !== META_VERSION || !isMiroWidget(o.widget) || !str(o.key, 64)) return null;
  return { v: META_VERSION, widget: o.widget, key: o.key, ...(str(o.record, 64) ? { record: o.record } : {}) };
}

/** A frame's metadata as read, or null. */
export function readFrameMeta(value: unknown): FrameMeta | null {
  const base = readItemMeta(value);
  if (base === null || base.key !== 'frame') return null;
  const o = value as Record<string, unknown>;
  const group = typeof o.group === 'number' && Number.isInteger(o.group) && o.group >= 1 && o.group <= 1000 ? o.group : undefined;
  const workshop = str(o.workshop, 64) ? o.workshop : undefined;
  return {
    ...base,
    key: 'frame',
    locale: isLocale(o.locale) ? o.locale : 'da',
    ...(o.placing === true ? { placing: true } : {}),
    ...(workshop !== undefined && group !== undefined ? { workshop, group } : {}),
  };
}

/** The metadata of a planned item. */
export function itemMeta(widget: MiroWidget, item: PlannedItem): ItemMeta {
  return { v: META_VERSION, widget, key: item.key, ...(item.record === undefined ? {} : { record: item.record }) };
}

/** As JSON for `setMetadata`. */
export function toJson(meta: ItemMeta | FrameMeta): Json {
  return JSON.parse(JSON.stringify(meta)) as Json;
}
