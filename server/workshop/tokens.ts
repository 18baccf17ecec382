/**
 * Secrets: tokens of 192 random bits (base64url), stored only as SHA-256 hashes (looked up by
 * hash: without the token there is nothing to guess against); short group codes that people
 * can type (no look-alike characters).
 */
import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;
/** Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L). */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * The plenum token of a workshop, derived from its facilitator token (HMAC-SHA-256, cut to the
 * token's 192 bits): the server stores only its hash, like every token, yet can give it again
 * to whoever shows the facilitator token (the console's plenum link), while the plenum token
 * tells nothing about the facilitator's.
 */
export function plenumTokenFor(facilitatorToken: string): string {
  return createHmac('sha256', facilitatorToken).update('kaedeboard plenum token').digest().subarray(0, 24).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** A typed code, normalised: upper case, spaces and dashes dropped. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').slice(0, 16);
}

/** Ids for workshops and snapshot sets: 16 url-safe characters (96 bits). */
export function newId(): string {
  return randomBytes(12).toString('base64url');
}
