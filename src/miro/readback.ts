/**
 * "Send this frame to the plenum": read a frame the app placed, map its items back to
 * kaedeboard's model, and post the result to the kaedeboard server as a new group board.
 *
 * The mapping is pure ({@link mapFrame}, {@link buildBoard}): a child's centre is converted
 * from Miro units (relative to the frame's top-left corner) to widget-local units, and the
 * layout modules say where it lies — a sticky note in which matrix field (`fieldAt`), a card
 * in which competence column and area (`columnAt`, `areaAt`), a note on which puzzle piece.
 * The SDK calls ({@link readSelectedFrame}) and the HTTP call ({@link sendToPlenum}) are thin.
 */
import * as Y from 'yjs';
import { Board } from '../model/index.js';
import type { NoteColor } from '../model/index.js';
import { MAX_MATRIX_NOTE } from '../model/matrix-note.js';
import { MAX_CARD_TEXT } from '../model/competence-card.js';
import type { Area, Column } from '../model/competence-card.js';
import { MAX_THEME_NOTE } from '../model/theme-note.js';
import { MATRIX_FIELDS } from '../content/matrix.js';
import type { MatrixField } from '../content/matrix.js';
import { DEFAULT_DECK } from '../content/competences.js';
import type { DeckCard } from '../content/competences.js';
import { fieldAt } from '../kinds/bor-gor-matrix/layout.js';
import { areaAt, columnAt, columnRect, COLUMNS } from '../kinds/competence-profile/layout.js';
import { sevenThemesLayout } from '../kinds/seven-themes/layout.js';
import { contains } from '../layout/rect.js';
import type { GroupLink } from '../workshop/api.js';
import { htmlToText } from './html.js';
import { CREDIT_COST } from './limiter.js';
import type { CreditLimiter } from './limiter.js';
import { placeFrame } from '../workshop/template.js';
import { CRITERION_SEPARATOR, MIRO_SCALE, MIRO_WIDGETS, widgetName } from './place.js';
import type { MiroWidget } from './place.js';
import type { BoardPort, ReadItem } from './sdk.js';

/** A frame as read from Miro: centre, size and title. */
export interface FrameSnapshot {
  id?: string;
  title: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MatrixNoteOut {
  field: MatrixField;
  text: string;
  criterion: number;
  color: NoteColor;
  order: number;
}

export interface CardOut {
  area: Area;
  column: Column;
  text: string;
  textEn: string;
  deckKey: string;
  order: number;
}

export interface ThemeNoteOut {
  criterion: number;
  text: string;
}

/** What a frame holds, in kaedeboard's terms. `skipped`: items that map to nothing. */
export type Mapped =
  | { widget: 'bor-gor-matrix'; notes: MatrixNoteOut[]; skipped: number }
  | { widget: 'competence-profile'; cards: CardOut[]; skipped: number }
  | { widget: 'seven-themes'; pieces: number[]; notes: ThemeNoteOut[]; skipped: number };

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

// ---- which widget ----------------------------------------------------------------------

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

const PIECE = /^([1-7])\.\s/;

/** The criterion of a puzzle piece's text ("3. Formalisering af processer"), or null. */
export function pieceCriterion(text: string): number | null {
  const match = PIECE.exec(text.trim());
  return match === null ? null : Number(match[1]);
}

const textOf = (item: ReadItem): string => htmlToText(item.type === 'card' ? (item.title ?? '') : (item.content ?? ''));

/** The widget a frame holds: by its title (either language), else by what it contains. */
export function detectWidget(title: string, children: readonly ReadItem[]): MiroWidget | null {
  const t = norm(title);
  for (const w of MIRO_WIDGETS) if (t === norm(widgetName(w, 'da')) || t === norm(widgetName(w, 'en'))) return w;
  if (children.some((c) => c.type === 'card')) return 'competence-profile';
  const shapes = children.filter((c) => c.type === 'shape').map(textOf);
  if (shapes.filter((s) => pieceCriterion(s) !== null).length >= 4) return 'seven-themes';
  const titles = MATRIX_FIELDS.flatMap((f) => [norm(f.title.da), norm(f.title.en)]);
  if (shapes.some((s) => titles.some((ft) => norm(s).startsWith(ft)))) return 'bor-gor-matrix';
  return null;
}

// ---- mapping ---------------------------------------------------------------------------

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

/** Splits "3 · text" into criterion 3 and the text (criterion 0 when untagged). */
export function splitCriterion(text: string): { criterion: number; text: string } {
  const at = text.indexOf(CRITERION_SEPARATOR.trim());
  const head = at > 0 ? text.slice(0, at).trim() : '';
  if (/^[1-7]$/.test(head)) return { criterion: Number(head), text: text.slice(at + 1).trim() };
  return { criterion: 0, text };
}

interface Placed {
  item: ReadItem;
  at: { x: number; y: number };
  text: string;
}

const byPosition = (a: Placed, b: Placed): number => a.at.y - b.at.y || a.at.x - b.at.x;

const clip = (s: string, max: number): string => (s.length > max ? s.slice(0, max) : s);

/** Maps a frame's children to kaedeboard records of `widget` (or the detected widget). */
export function mapFrame(frame: FrameSnapshot, children: readonly ReadItem[], widget = detectWidget(frame.title, children), deck: readonly DeckCard[] = DEFAULT_DECK): Mapped | null {
  if (widget === null) return null;
  const placed: Placed[] = [];
  let skipped = 0;
  for (const item of children) {
    const at = toLocal(frame, item);
    if (at === null) {
      skipped++;
      continue;
    }
    placed.push({ item, at, text: textOf(item) });
  }
  if (widget === 'bor-gor-matrix') {
    const notes: MatrixNoteOut[] = [];
    const byField = new Map<MatrixField, Placed[]>();
    for (const p of placed.filter((p) => p.item.type === 'sticky_note')) {
      const field = fieldAt(p.at.x, p.at.y);
      if (field === null || p.text === '') {
        skipped++;
        continue;
      }
      byField.set(field, [...(byField.get(field) ?? []), p]);
    }
    for (const [field, list] of byField) {
      list.sort(byPosition).forEach((p, i) => {
        const { criterion, text } = splitCriterion(p.text);
        notes.push({ field, text: clip(text, MAX_MATRIX_NOTE), criterion, color: noteColorOf(p.item.style), order: i + 1 });
      });
    }
    return { widget, notes, skipped };
  }
  if (widget === 'competence-profile') {
    const groups = new Map<string, { area: Area; column: Column; list: Placed[] }>();
    for (const p of placed.filter((p) => p.item.type === 'card' || p.item.type === 'sticky_note')) {
      const where = cardPlace(p.at);
      if (where === null || p.text === '') {
        skipped++;
        continue;
      }
      const key = `${where.area}/${where.column}`;
      const g = groups.get(key) ?? { ...where, list: [] };
      g.list.push(p);
      groups.set(key, g);
    }
    const cards: CardOut[] = [];
    for (const { area, column, list } of groups.values()) {
      list.sort(byPosition).forEach((p, i) => {
        const match = deckMatch(p.text, deck);
        cards.push(
          match === undefined
            ? { area, column, text: clip(p.text, MAX_CARD_TEXT), textEn: '', deckKey: '', order: i + 1 }
            : { area, column, text: match.text.da, textEn: match.text.en === match.text.da ? '' : match.text.en, deckKey: match.key, order: i + 1 },
        );
      });
    }
    return { widget, cards, skipped };
  }
  // The seven themes: which pieces exist, and notes on the pieces' cells.
  const pieces = new Set<number>();
  const notes: ThemeNoteOut[] = [];
  const cells = sevenThemesLayout().pieces;
  for (const p of placed) {
    if (p.item.type === 'shape') {
      const n = pieceCriterion(p.text);
      if (n !== null) {
        pieces.add(n);
        continue;
      }
    }
    if (p.item.type === 'sticky_note' && p.text !== '') {
      const cell = cells.find((c) => contains(c.cell, p.at.x, p.at.y));
      if (cell !== undefined) {
        notes.push({ criterion: cell.criterion, text: clip(p.text, MAX_THEME_NOTE) });
        continue;
      }
    }
    if (p.item.type !== 'text') skipped++;
  }
  return { widget, pieces: [...pieces].sort((a, b) => a - b), notes, skipped };
}

/** Column and area of a widget-local point: the column under it, else the nearest column of the area under it. */
function cardPlace(at: { x: number; y: number }): { area: Area; column: Column } | null {
  const hit = columnAt(at.x, at.y);
  if (hit !== null) return hit;
  const area = areaAt(at.x, at.y);
  if (area === null) return null;
  let best: Column = 'viden';
  let distance = Infinity;
  for (const column of COLUMNS) {
    const r = columnRect(area, column);
    const d = Math.abs(r.x + r.w / 2 - at.x);
    if (d < distance) [best, distance] = [column, d];
  }
  return { area, column: best };
}

function deckMatch(text: string, deck: readonly DeckCard[]): DeckCard | undefined {
  const t = norm(text);
  return deck.find((c) => norm(c.text.da) === t || norm(c.text.en) === t);
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
    const widget = widgets[0] as string;
    if (mapped.widget === 'bor-gor-matrix') {
      for (const n of mapped.notes) {
        board.create('matrix-note', { props: { widget, field: n.field, text: n.text, criterion: n.criterion, order: n.order, color: n.color } }, ORIGIN);
      }
    } else if (mapped.widget === 'competence-profile') {
      for (const c of mapped.cards) {
        board.create('competence-card', { props: { widget, area: c.area, column: c.column, text: c.text, textEn: c.textEn, deckKey: c.deckKey, order: c.order } }, ORIGIN);
      }
    } else {
      for (const n of mapped.notes) board.create('theme-note', { props: { widget, criterion: n.criterion, text: n.text, author: '' } }, ORIGIN);
    }
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
  return mapped.widget === 'bor-gor-matrix' ? mapped.notes.length : mapped.widget === 'competence-profile' ? mapped.cards.length : mapped.notes.length;
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
