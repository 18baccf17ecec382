/**
 * The localisation layer: every string a user sees goes through `t`. Danish first, English
 * second. Runs everywhere; Lit components re-render on a language change through
 * `LocaleController` (lit.ts, browser only), which also keeps the page's `lang` attribute.
 */
import { da, type MessageKey } from './da.js';
import { en } from './en.js';

export type { MessageKey };
export type Locale = 'da' | 'en';
export const LOCALES: readonly Locale[] = ['da', 'en'];

const catalogues: Record<Locale, Record<MessageKey, string>> = { da, en };
let current: Locale = 'da';
const listeners = new Set<(locale: Locale) => void>();

export function isLocale(v: unknown): v is Locale {
  return v === 'da' || v === 'en';
}

export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  if (locale === current) return;
  current = locale;
  for (const l of listeners) l(locale);
}

export function onLocaleChange(listener: (locale: Locale) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The message `key` in `locale` (default: the current one), with `{name}` placeholders filled. */
export function t(key: MessageKey, params: Record<string, string | number> = {}, locale: Locale = current): string {
  const template = catalogues[locale][key] ?? da[key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/**
 * A module's own catalogue (each widget keeps its strings beside it). English must have
 * exactly the Danish keys; the returned function reads the current language.
 */
export function defineMessages<K extends string>(catalogue: { da: Record<K, string>; en: NoInfer<Record<K, string>> }) {
  return (key: K, params: Record<string, string | number> = {}, locale: Locale = current): string => {
    const template = catalogue[locale][key] ?? catalogue.da[key];
    return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  };
}
