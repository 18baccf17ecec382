/**
 * The workshop module's two parts, once: their ids and titles. Which widgets a part holds is
 * each widget kind's `part` (src/kinds), so this list never names a widget.
 */
import type { Locale } from '../i18n/index.js';

export const PARTS = ['kaedeansvar', 'kontaktperson'] as const;
export type Part = (typeof PARTS)[number];

/** True if `v` names a part. */
export function isPart(v: unknown): v is Part {
  return typeof v === 'string' && (PARTS as readonly string[]).includes(v);
}

/** A part's title, as its frame on a group board is titled. */
export const PART_TITLES: Record<Part, Record<Locale, string>> = {
  kaedeansvar: { da: 'Del 1: Kædeansvar', en: 'Part 1: Chain responsibility' },
  kontaktperson: { da: 'Del 2: Kontaktperson+', en: 'Part 2: Contact person+' },
};
