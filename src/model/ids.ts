/** Item ids: generation and validation. */
import { string } from './validate.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** Pattern every item id must match (also used for `parent` references). */
export const ITEM_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A new random item id: 16 url-safe characters (96 bits) from `crypto.getRandomValues`,
 * available as `globalThis.crypto` in browsers and in Node 20.
 */
export function createId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  let id = '';
  // 256 is a multiple of 64, so `& 63` is unbiased.
  for (const b of bytes) id += ALPHABET[b & 63];
  return id;
}

/** Validator for item ids: 1 to 64 characters of `A-Z a-z 0-9 _ -`. */
export const itemId = string({ max: 64, min: 1, pattern: ITEM_ID_PATTERN });
