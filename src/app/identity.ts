/**
 * What the browser remembers about its participant: the display name they typed, an anonymous
 * client tag (for "my likes", "my posts"), and the chosen language. Kept in localStorage only.
 */
import { isLocale, type Locale } from '../i18n/index.js';
import { createId } from '../model/index.js';

const NAME = 'kaedeboard:name';
const TAG = 'kaedeboard:tag';
const LANG = 'kaedeboard:lang';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled: nothing is remembered
  }
}

export function savedName(): string {
  return (storage()?.getItem(NAME) ?? '').slice(0, 60);
}

export function saveName(name: string): void {
  storage()?.setItem(NAME, name.trim().slice(0, 60));
}

export function clientTag(): string {
  const s = storage();
  let tag = s?.getItem(TAG) ?? '';
  if (!/^[A-Za-z0-9_-]{8,40}$/.test(tag)) {
    tag = createId();
    s?.setItem(TAG, tag);
  }
  return tag;
}

export function savedLocale(): Locale {
  const v = storage()?.getItem(LANG);
  // Danish first: English only when the participant chose it.
  return isLocale(v) ? v : 'da';
}

export function saveLocale(locale: Locale): void {
  storage()?.setItem(LANG, locale);
}

/** Has this participant chosen a language (else a workshop's language applies)? */
export function hasSavedLocale(): boolean {
  return isLocale(storage()?.getItem(LANG));
}
