/**
 * The workshop as JSON (`WorkshopExport`), and its validating reader for
 * `POST /api/workshops/import`: every field is checked, with a message naming the field.
 */
import * as Y from 'yjs';
import type { WorkshopExport } from '../../src/workshop/api.js';
import { isPart, PARTS } from '../../src/workshop/parts.js';
import { openBoard, closeBoard } from './input.js';
import type { WorkshopInput } from './input.js';

export const EXPORT_FORMAT = 'kaedeboard-workshop';
export const EXPORT_VERSION = 1;
export const MAX_TITLE = 200;
export const MAX_GROUP_NAME = 100;
export const MAX_GROUPS = 100;
export const MAX_GROUP_NUMBER = 10_000;
/** Largest decoded board (bytes of its Yjs update). */
export const MAX_BOARD_BYTES = 16 * 1024 * 1024;
/** Largest sum of the decoded boards. */
export const MAX_TOTAL_BYTES = 64 * 1024 * 1024;
const KEYS = ['format', 'version', 'title', 'parts', 'locale', 'exportedAt', 'groups'];
const GROUP_KEYS = ['number', 'name', 'board'];
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A workshop export that cannot be read; the message names the field and what is wrong. */
export class WorkshopExportError extends Error {
  override name = 'WorkshopExportError';
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** The workshop as a `WorkshopExport` (each board re-encoded whole, as base64). */
export function exportJson(input: WorkshopInput, exportedAt: number = Date.now()): WorkshopExport {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    title: input.title,
    parts: [...input.parts],
    locale: input.locale,
    exportedAt,
    groups: input.groups.map((g) => {
      const board = openBoard(g.state);
      try {
        return { number: g.number, name: g.name, board: toBase64(Y.encodeStateAsUpdate(board.doc)) };
      } finally {
        closeBoard(board);
      }
    }),
  };
}

const fail = (message: string): never => {
  throw new WorkshopExportError(message);
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkKeys(o: Record<string, unknown>, allowed: readonly string[], at: string): void {
  for (const key of Object.keys(o)) if (!allowed.includes(key)) fail(`${at}: unknown field "${key.slice(0, 40)}"`);
  for (const key of allowed) if (!(key in o)) fail(`${at}: missing field "${key}"`);
}

function text(v: unknown, at: string, max: number): string {
  if (typeof v !== 'string') return fail(`${at} must be a string`);
  const t = v.trim();
  if (t.length === 0) fail(`${at} must not be empty`);
  if (t.length > max) fail(`${at} is too long (${t.length} characters, at most ${max})`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(t)) fail(`${at} contains control characters`);
  return t;
}

/** Decodes and checks one board: base64, size, a Yjs update that applies completely. */
function board(v: unknown, at: string): Uint8Array {
  if (typeof v !== 'string') return fail(`${at} must be a base64 string`);
  if (v.length % 4 !== 0 || !BASE64.test(v)) fail(`${at} is not valid base64`);
  if ((v.length / 4) * 3 > MAX_BOARD_BYTES + 3) fail(`${at} is too large (at most ${MAX_BOARD_BYTES / 1024 / 1024} MiB)`);
  const bytes = new Uint8Array(Buffer.from(v, 'base64'));
  if (bytes.length === 0) fail(`${at} is empty`);
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, bytes);
  } catch (err) {
    fail(`${at} is not a Yjs update (${(err as Error).message})`);
  }
  try {
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) fail(`${at} is an incomplete Yjs update`);
  } finally {
    doc.destroy();
  }
  return bytes;
}

/** A validated `WorkshopExport` from parsed JSON; throws {@link WorkshopExportError} naming the problem. */
export function parseWorkshopExport(json: unknown): WorkshopExport {
  if (!isPlainObject(json)) return fail('a workshop export is a JSON object');
  if (json.format !== EXPORT_FORMAT) fail(`format must be "${EXPORT_FORMAT}"`);
  if (json.version !== EXPORT_VERSION) fail(`version ${JSON.stringify(json.version)?.slice(0, 20)} is not supported (expected ${EXPORT_VERSION})`);
  checkKeys(json, KEYS, 'the export');
  const title = text(json.title, 'title', MAX_TITLE);
  const { parts: rawParts, locale, exportedAt, groups: rawGroups } = json;
  if (!Array.isArray(rawParts) || rawParts.length === 0 || rawParts.length > PARTS.length) fail(`parts must be a list of 1 to ${PARTS.length} of ${PARTS.join(', ')}`);
  const parts = (rawParts as unknown[]).map((p, i) => (isPart(p) ? p : fail(`parts[${i}] must be one of ${PARTS.join(', ')}`)));
  if (new Set(parts).size !== parts.length) fail('parts must not repeat a part');
  if (locale !== 'da' && locale !== 'en') fail('locale must be "da" or "en"');
  if (typeof exportedAt !== 'number' || !Number.isInteger(exportedAt) || exportedAt < 0 || exportedAt > 8.64e15) fail('exportedAt must be a time in ms since the epoch');
  if (!Array.isArray(rawGroups) || rawGroups.length === 0) fail('groups must be a non-empty list');
  if ((rawGroups as unknown[]).length > MAX_GROUPS) fail(`groups: at most ${MAX_GROUPS} groups`);
  const numbers = new Set<number>();
  let total = 0;
  const groups = (rawGroups as unknown[]).map((g, i) => {
    const at = `groups[${i}]`;
    if (!isPlainObject(g)) return fail(`${at} must be an object`);
    checkKeys(g, GROUP_KEYS, at);
    const n = g.number;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_GROUP_NUMBER) return fail(`${at}.number must be an integer from 1 to ${MAX_GROUP_NUMBER}`);
    if (numbers.has(n)) fail(`${at}.number ${n} is used by another group`);
    numbers.add(n);
    const name = text(g.name, `${at}.name`, MAX_GROUP_NAME);
    const bytes = board(g.board, `${at}.board`);
    total += bytes.length;
    if (total > MAX_TOTAL_BYTES) fail(`the boards are too large together (at most ${MAX_TOTAL_BYTES / 1024 / 1024} MiB)`);
    return { number: n, name, board: g.board as string };
  });
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, title, parts, locale: locale as 'da' | 'en', exportedAt: exportedAt as number, groups };
}

/** A group's board state from an export's base64 (after {@link parseWorkshopExport}). */
export function boardState(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, 'base64'));
}
