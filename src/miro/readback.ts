/**
 * "Send this frame to the plenum": read a frame the app placed, map its items back to
 * kaedeboard's model, and post the result to the kaedeboard server as a new group board.
 *
 * The mapping is pure ({@link mapFrame}, {@link buildBoard}): a child's centre is converted
 * from Miro units (relative to the frame's top-left corner) to widget-local units, and the
 * widget's kind says what its items are (`src/kinds/<type>/miro.ts`: a sticky note in which
 * matrix field, a card in which competence column and area, a note on which puzzle piece).
 * The SDK calls ({@link readSelectedFrame}) and the HTTP call ({@link sendToPlenum}) are thin.
 */
import * as Y from 'yjs';
import { Board } from '../model/index.js';
import type { NoteColor } from '../model/index.js';
import type { MiroItem, PlacedMiroItem } from '../kinds/miro.js';
import { clip, normText } from '../kinds/miro.js';
import type { GroupLink } from '../workshop/api.js';
import { htmlToText } from './html.js';
import { CREDIT_COST } from './limiter.js';
import type { CreditLimiter } from './limiter.js';
import { placeFrame } from '../workshop/template.js';
import { MIRO_SCALE, MIRO_WIDGETS, miroMapping, widgetName } from './place.js';
import type { MiroRecordsOf, MiroWidget, PlaceOptions } from './place.js';
import type { BoardPort, ReadItem } from './sdk.js';

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

/** What a frame holds, in kaedeboard's terms: the widget and its kind's records. `skipped`: items that map to nothing. */
export type Mapped = { [T in MiroWidget]: { widget: T; skipped: number } & MiroRecordsOf<T> }[MiroWidget];

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

/** The widget a frame holds: by its title (either language), else by what it contains (asking the kinds in registry order). */
export function detectWidget(title: string, children: readonly ReadItem[]): MiroWidget | null {
  const t = normText(title);
  for (const w of MIRO_WIDGETS) if (t === normText(widgetName(w, 'da')) || t === normText(widgetName(w, 'en'))) return w;
  const items = children.map(miroItem);
  return MIRO_WIDGETS.find((w) => miroMapping(w).recognizes(items)) ?? null;
}

// ---- mapping ---------------------------------------------------------------------------

/**
 * Maps a frame's children to kaedeboard records of `widget` (or the detected widget).
 * `placedWith`: what the frame was planned with (e.g. a deck other than the default).
 */
export function mapFrame(frame: FrameSnapshot, children: readonly ReadItem[], widget = detectWidget(frame.title, children), placedWith: Omit<PlaceOptions, 'locale'> = {}): Mapped | null {
  if (widget === null) return null;
  const placed: PlacedMiroItem[] = [];
  let unplaced = 0;
  for (const item of children) {
    const at = toLocal(frame, item);
    if (at === null) {
      unplaced++;
      continue;
    }
    const size = typeof item.width === 'number' && typeof item.height === 'number' ? { w: item.width / MIRO_SCALE, h: item.height / MIRO_SCALE } : undefined;
    placed.push({ ...miroItem(item), at, ...(size === undefined ? {} : { size }) });
  }
  const { records, skipped } = miroMapping(widget).readBack(placed, placedWith);
  // The kind read `widget`'s records; the compiler cannot follow the registry lookup to its type.
  return { widget, ...records, skipped: unplaced + skipped } as Mapped;
}

/** The kind's records of a mapped frame (without the widget and the skipped count). */
function recordsOf(mapped: Mapped): object {
  const { widget: _widget, skipped: _skipped, ...records } = mapped;
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

/** The selected frame (or the frame of the selected item) and its children; null if none. */
export async function readSelectedFrame(board: BoardPort, limiter: CreditLimiter): Promise<{ frame: FrameSnapshot; children: ReadItem[] } | null> {
  await limiter.take(CREDIT_COST.item);
  const selection = await board.getSelection();
  let frame = selection.find((i) => i.type === 'frame');
  if (frame === undefined) {
    const parentId = selection.find((i) => typeof i.parentId === 'string' && i.parentId !== '')?.parentId;
    if (typeof parentId === 'string') {
      await limiter.take(CREDIT_COST.item);
      const parent = await board.getById(parentId);
      if (parent.type === 'frame') frame = parent;
    }
  }
  if (frame === undefined) return null;
  const ids = frame.childrenIds ?? [];
  let children: ReadItem[] = [];
  if (ids.length > 0) {
    await limiter.take(CREDIT_COST.item);
    children = await board.get({ id: ids });
  }
  return {
    frame: { id: frame.id, title: frame.title ?? '', x: frame.x ?? 0, y: frame.y ?? 0, width: frame.width ?? 0, height: frame.height ?? 0 },
    children,
  };
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
}

/** POST /api/workshops/:id/groups (same origin: the panel is served by kaedeboard). */
export async function sendToPlenum(input: SendInput, fetchFn: typeof fetch = fetch): Promise<GroupLink> {
  const res = await fetchFn(`/api/workshops/${encodeURIComponent(input.workshopId.trim())}/groups`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${input.token.trim()}` },
    body: JSON.stringify({ name: input.name, board: input.board }),
  });
  if (!res.ok) {
    let reason = res.statusText;
    try {
      const body: unknown = await res.json();
      if (typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string') reason = body.error;
    } catch {
      // Not JSON: keep the status text.
    }
    throw new SendError(res.status, reason);
  }
  return (await res.json()) as GroupLink;
}
