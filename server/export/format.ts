/** Small formatting helpers shared by the exports. */
import type { Locale } from '../../src/i18n/index.js';

/** A date as people in the workshop read it (Danish time). */
export function formatDate(ms: number, locale: Locale): string {
  if (!Number.isFinite(ms)) return '';
  return new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Copenhagen' }).format(new Date(ms));
}

/** YYYY-MM-DD (Danish time), for file names. */
export function isoDay(ms: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Europe/Copenhagen' }).format(new Date(Number.isFinite(ms) ? ms : 0));
  return parts;
}
