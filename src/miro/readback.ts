/**
 * "Send this frame to the plenum": read a frame the app placed, map its items back to
 * kaedeboard's model, and post the result to the kaedeboard server as a new group board, or
 * put it into the group the frame was sent to before.
 *
 * The mapping is pure ({@link mapFrame}, {@link buildBoard}): a child's centre is converted
 * from Miro units (relative to the frame's top-left corner) to widget-local units, each item
 * keeps the key its app metadata names, and the widget's kind says what its items are
 * (`src/kinds/<type>/miro.ts`: a sticky note in which matrix field, a card in which competence
 * column and area, a note on which puzzle piece), finding its fields where they really lie. The
 * SDK calls ({@link readFrame}: children, notes inside groups, metadata) and the HTTP calls
 * ({@link sendToPlenum}) are thin.
 */
import * as Y from 'yjs';
import { Board } from '../model/index.js';
import type { NoteColor } from '../model/index.js';
import type { MiroItem, MiroTally, PlacedMiroItem } from '../kinds/miro.js';
import { clip, normText } from '../kinds/miro.js';
import type { GroupLink } from '../workshop/api.js';
import { htmlToText } from './html.js';
import { CREDIT_COST } from './limiter.js';
import type { CreditLimiter } from './limiter.js';
import { META_KEY, readFrameMeta, readItemMeta } from './metadata.js';
import type { FrameMeta } from './metadata.js';
import { placeFrame } from '../workshop/template.js';
import { MIRO_SCALE, MIRO_WIDGETS, miroMapping, widgetName } from './place.js';
import type { MiroRecordsOf, MiroWidget, PlaceOptions } from './place.js';
import type { BoardPort, ReadItem } from './sdk.js';
import type { Locale } from '../i18n/index.js';

export type { MatrixNoteOut } from '../kinds/bor-gor-matrix/miro.js';
export type { CardOut } from '../kinds/competence-profile/miro.js';
export type { ThemeNoteOut } from '../kinds/seven-themes/miro.js';
export { splitCriterion } from '../kinds/bor-gor-matrix/miro.js';
export { pieceCriterion } from '../kinds/seven-themes/miro.js';

/** A frame as read from Miro: centre, size and title. */
export interface FrameSnapshot {
  id?: string;
  title: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An item with content that the read-back could not place (outside every field, no position). */
export interface Unplaced {
  type: MiroItem['type'];
  text: string;
}

/** What a frame holds, in kaedeboard's terms: the widget and its kind's records, and what it could not place. */
export type Mapped = { [T in MiroWidget]: { widget: T; unplaced: Unplaced[] } & MiroRecordsOf<T> }[MiroWidget];

/** A frame as read from Miro: itself, its children (grouped ones too) and what the app's metadata says. */
export interface FrameRead {
  frame: FrameSnapshot;
  children: ReadItem[];
  /** The frame's metadata, when the app made (or sent) it. */
  meta: FrameMeta | null;
  /** Item id → the key the app's metadata gives it. */
  keys: ReadonlyMap<string, string>;
}

// ---- coordinates -----------------------------------------------------------------------

/**
 * A child's centre in widget-local units. Children of a frame report x/y relative to the
 * frame's top-left corner ('parent_top_left'); other references are converted.
 */
export function toLocal(frame: FrameSnapshot, child: Pick<ReadItem, 'x' | 'y' | 'relativeTo'>, scale = MIRO_SCALE): { x: number; y: number } | null {
  if (typeof child.x !== 'number' || typeof child.y !== 'number') return null;
  let { x, y } = child;
  if (child.relativeTo === 'canvas_center') {
    x -= frame.x - frame.width / 2;
    y -= frame.y - frame.height / 2;
  } else if (child.relativeTo === 'parent_center') {
    x += frame.width / 2;
    y += frame.height / 2;
  }
  return { x: x / scale, y: y / scale };
}

// ---- Miro items in the kinds' terms ------------------------------------------------------

/** Miro sticky-note colours back to kaedeboard's palette. */
export function noteColorOf(style: unknown): NoteColor {
  const fill = typeof style === 'object' && style !== null && 'fillColor' in style ? String(style.fillColor) : '';
  if (/yellow/.test(fill)) return 'yellow';
  if (/green/.test(fill)) return 'green';
  if (/blue|cyan/.test(fill)) return 'blue';
  if (/pink|red|violet/.test(fill)) return 'pink';
  if (/orange/.test(fill)) return 'orange';
  if (/gr[ae]y|black/.test(fill)) return 'grey';
  return 'yellow';
}

const ITEM_TYPE: Record<string, MiroItem['type']> = { shape: 'shape', text: 'text', sticky_note: 'sticky', card: 'card' };

/** A Miro item as the kinds see it: its kind of item, plain text and note colour. */
export function miroItem(item: ReadItem): MiroItem {
  return {
    type: ITEM_TYPE[item.type] ?? 'other',
    text: htmlToText(item.type === 'card' ? (item.title ?? '') : (item.content ?? '')),
    color: noteColorOf(item.style),
  };
}

// ---- which widget ----------------------------------------------------------------------

/**
 * The widget a frame holds: by its title (either language; a title the app gave from a group
 * begins with it), else by what it contains (asking the kinds in registry order).
 */
export function detectWidget(title: string, children: readonly ReadItem[]): MiroWidget | null {
  const t = normText(title);
  for (const w of MIRO_WIDGETS) {
    for (const name of [normText(widgetName(w, 'da')), normText(widgetName(w, 'en'))]) if (t === name || t.startsWith(`${name} – `)) return w;
  }
  const items = children.map(miroItem);
  return MIRO_WIDGETS.find((w) => miroMapping(w).recognizes(items)) ?? null;
}

// ---- mapping ---------------------------------------------------------------------------

/**
 * Maps a frame's children to kaedeboard records of its widget: the one its metadata names, else
 * the detected one. `placedWith`: what the frame was planned with (e.g. a deck other than the default).
 */
export function mapFrame(read: Pick<FrameRead, 'frame' | 'children'> & Partial<Pick<FrameRead, 'meta' | 'keys'>>, placedWith: Omit<PlaceOptions, 'locale'> = {}): Mapped | null {
  const { frame, children } = read;
  const widget = read.meta?.widget ?? detectWidget(frame.title, children);
  if (widget === null) return null;
  const placed: PlacedMiroItem[] = [];
  const unplaced: Unplaced[] = [];
  for (const item of children) {
    const at = toLocal(frame, item);
    if (at === null) {
      const it = miroItem(item);
      if (it.text !== '' && it.type !== 'other') unplaced.push({ type: it.type, text: it.text });
      continue;
    }
    const size = typeof item.width === 'number' && typeof item.height === 'number' ? { w: item.width / MIRO_SCALE, h: item.height / MIRO_SCALE } : undefined;
    const key = read.keys?.get(item.id);
    placed.push({ ...miroItem(item), at, ...(size === undefined ? {} : { size }), ...(key === undefined ? {} : { key }) });
  }
  const back = miroMapping(widget).readBack(placed, placedWith);
  for (const i of back.unplaced) unplaced.push({ type: i.type, text: i.text });
  // The kind read `widget`'s records; the compiler cannot follow the registry lookup to its type.
  return { widget, ...back.records, unplaced } as Mapped;
}

/** The preview of a mapped frame: its records counted per field or column, in `locale`. */
export function tallyOf(mapped: Mapped, locale: Locale): readonly MiroTally[] {
  return miroMapping(mapped.widget).tally(recordsOf(mapped), locale);
}

/** The kind's records of a mapped frame (without the widget and the skipped count). */
function recordsOf(mapped: Mapped): object {
  const { widget: _widget, unplaced: _unplaced, ...records } = mapped;
  return records;
}

// ---- the kaedeboard board --------------------------------------------------------------

const ORIGIN = 'miro-readback';

/** A fresh kaedeboard board holding the mapped widget, in a frame titled `title` laid out as the workshop template lays a part. */
export function buildBoard(mapped: Mapped, title: string): Y.Doc {
  const doc = new Y.Doc();
  const board = new Board(doc);
  const name = clip(title.trim() || widgetName(mapped.widget, 'da'), 200);
  board.transact(() => {
    board.setTitle(name, ORIGIN);
    const { widgets } = placeFrame(board, { title: name, types: [mapped.widget], y: 0, locale: 'da', seed: false }, ORIGIN);
    miroMapping(mapped.widget).write(board, widgets[0] as string, recordsOf(mapped), ORIGIN);
  }, ORIGIN);
  board.destroy();
  return doc;
}

/** Base64 of bytes (browser and Node alike). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The board as the server takes it: base64 of `Y.encodeStateAsUpdate(doc)`. */
export function encodeBoard(doc: Y.Doc): string {
  return toBase64(Y.encodeStateAsUpdate(doc));
}

/** Number of items a mapped frame puts on the board (for progress messages). */
export function mappedCount(mapped: Mapped): number {
  return miroMapping(mapped.widget).count(recordsOf(mapped));
}

// ---- Miro and the server ---------------------------------------------------------------

/** The frame among `selection` (or the frame of a selected item): its id, or null. */
export async function selectedFrameId(board: BoardPort, limiter: CreditLimiter, selection?: readonly ReadItem[]): Promise<string | null> {
  let items = selection;
  if (items === undefined) {
    await limiter.take(CREDIT_COST.item);
    items = await board.getSelection();
  }
  const frame = items.find((i) => i.type === 'frame');
  if (frame !== undefined) return frame.id;
  const parentId = items.find((i) => typeof i.parentId === 'string' && i.parentId !== '')?.parentId;
  if (typeof parentId !== 'string') return null;
  await limiter.take(CREDIT_COST.item);
  const parent = await board.getById(parentId);
  return parent.type === 'frame' ? parent.id : null;
}

/** An item's app metadata (one call; null for items without, or an SDK that cannot read it). */
async function metadataOf(item: ReadItem, limiter: CreditLimiter): Promise<unknown> {
  if (item.getMetadata === undefined) return null;
  await limiter.take(CREDIT_COST.item);
  return item.getMetadata(META_KEY);
}

/**
 * Reads frame `id`: its children, the members of groups among them (a group has no position:
 * its notes are read one by one), the frame's metadata and the keys of its shapes and texts
 * (the kinds' fields and areas; notes and cards need none). Null if `id` is not a frame.
 */
export async function readFrame(board: BoardPort, limiter: CreditLimiter, id: string): Promise<FrameRead | null> {
  await limiter.take(CREDIT_COST.item);
  const frame = await board.getById(id);
  if (frame.type !== 'frame') return null;
  const ids = frame.childrenIds ?? [];
  let children: ReadItem[] = [];
  if (ids.length > 0) {
    await limiter.take(CREDIT_COST.item);
    children = await board.get({ id: ids });
  }
  const seen = new Set(children.map((c) => c.id));
  const grouped = children.flatMap((c) => (c.type === 'group' ? (c.itemsIds ?? []) : [])).filter((m) => !seen.has(m));
  if (grouped.length > 0) {
    await limiter.take(CREDIT_COST.item);
    children = [...children, ...(await board.get({ id: [...new Set(grouped)] }))];
  }
  children = children.filter((c) => c.type !== 'group');
  const keys = new Map<string, string>();
  for (const c of children) {
    if (c.type !== 'shape' && c.type !== 'text') continue;
    const meta = readItemMeta(await metadataOf(c, limiter));
    if (meta !== null) keys.set(c.id, meta.key);
  }
  return {
    frame: { id: frame.id, title: htmlToText(frame.title ?? ''), x: frame.x ?? 0, y: frame.y ?? 0, width: frame.width ?? 0, height: frame.height ?? 0 },
    children,
    meta: readFrameMeta(await metadataOf(frame, limiter)),
    keys,
  };
}

/** The selected frame (or the frame of the selected item), read; null if none. */
export async function readSelectedFrame(board: BoardPort, limiter: CreditLimiter): Promise<FrameRead | null> {
  const id = await selectedFrameId(board, limiter);
  return id === null ? null : readFrame(board, limiter, id);
}

/** The frames the app made (by their metadata), with it. */
export async function appFrames(board: BoardPort, limiter: CreditLimiter): Promise<{ frame: ReadItem; meta: FrameMeta }[]> {
  await limiter.take(CREDIT_COST.item);
  const frames = await board.get({ type: 'frame' });
  const out: { frame: ReadItem; meta: FrameMeta }[] = [];
  for (const frame of frames) {
    const meta = readFrameMeta(await metadataOf(frame, limiter));
    if (meta !== null) out.push({ frame, meta });
  }
  return out;
}

export class SendError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(`${status}: ${reason}`);
  }
}

export interface SendInput {
  workshopId: string;
  token: string;
  name: string;
  board: string;
  /** The group the frame was sent to before: its board is updated instead of a new group made. */
  group?: number;
}

/** What a send did: the group, and whether it was made now or updated. */
export interface Sent {
  number: number;
  name: string;
  created: boolean;
}

async function refusal(res: Response): Promise<SendError> {
  let reason = res.statusText;
  try {
    const body: unknown = await res.json();
    if (typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string') reason = body.error;
  } catch {
    // Not JSON: keep the status text.
  }
  return new SendError(res.status, reason);
}

/**
 * Sends a board to the workshop (same origin: the app is served by kaedeboard): `PUT
 * /api/workshops/:id/groups/:n` when the frame was sent to group n before (its widget's content is
 * replaced there), else, or when that group is gone, `POST /api/workshops/:id/groups`.
 */
export async function sendToPlenum(input: SendInput, fetchFn: typeof fetch = fetch): Promise<Sent> {
  const base = `/api/workshops/${encodeURIComponent(input.workshopId.trim())}/groups`;
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${input.token.trim()}` };
  if (input.group !== undefined) {
    const res = await fetchFn(`${base}/${input.group}`, { method: 'PUT', headers, body: JSON.stringify({ board: input.board }) });
    if (res.ok) {
      const body = (await res.json()) as { number: number; name: string };
      return { number: body.number, name: body.name, created: false };
    }
    if (res.status !== 404) throw await refusal(res);
  }
  const res = await fetchFn(base, { method: 'POST', headers, body: JSON.stringify({ name: input.name, board: input.board }) });
  if (!res.ok) throw await refusal(res);
  const link = (await res.json()) as GroupLink;
  return { number: link.number, name: link.name, created: true };
}

/** A group's board from the workshop (`GET /api/workshops/:id/boards/:n`, the facilitator's token) and its name. */
export async function fetchGroupBoard(input: { workshopId: string; token: string; group: number }, fetchFn: typeof fetch = fetch): Promise<{ name: string; update: Uint8Array }> {
  const id = encodeURIComponent(input.workshopId.trim());
  const headers = { authorization: `Bearer ${input.token.trim()}` };
  const view = await fetchFn(`/api/workshops/${id}`, { headers });
  if (!view.ok) throw await refusal(view);
  const body = (await view.json()) as { groups?: { number: number; name: string }[] };
  const name = body.groups?.find((g) => g.number === input.group)?.name ?? String(input.group);
  const res = await fetchFn(`/api/workshops/${id}/boards/${input.group}`, { headers });
  if (!res.ok) throw await refusal(res);
  return { name, update: new Uint8Array(await res.arrayBuffer()) };
}
