/**
 * Where items go on the canvas, worked out from the canvas items alone (no DOM): the free
 * place nearest a wanted one, the frame an item lands in, the top-level part of a selection,
 * and the moves of a drop written in one transaction (re-parenting what lands in a frame).
 */
import type { Rect } from '../layout/rect.js';
import type { Board, Origin } from '../model/index.js';
import type { CanvasItem } from './item-view.js';

type Point = { x: number; y: number };

/** A new position for an item's top-left corner. */
export interface Move {
  id: string;
  x: number;
  y: number;
}

/**
 * Where a clicked-in item goes: `want` if nothing lies there, else the nearest free place
 * found by walking outwards in a spiral (notes may land on frames: that puts them inside).
 */
export function freeSpot(items: readonly CanvasItem[], want: Rect, framesAreFree: boolean): Point {
  const gap = 40;
  const others = items.filter((i) => !(framesAreFree && i.kind === 'frame')).map((i) => ({ ...i.geometry, y: i.geometry.y - 40, h: i.geometry.h + 40 }));
  const free = (r: Rect) => !others.some((o) => r.x < o.x + o.w + gap && o.x < r.x + r.w + gap && r.y < o.y + o.h + gap && o.y < r.y + r.h + gap);
  if (free(want)) return want;
  const stepX = want.w + gap;
  const stepY = want.h + gap;
  for (let ring = 1; ring <= 12; ring++) {
    for (let dy = -ring; dy <= ring; dy++) {
      for (let dx = -ring; dx <= ring; dx++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const r = { ...want, x: want.x + dx * stepX, y: want.y + dy * stepY };
        if (free(r)) return r;
      }
    }
  }
  return want;
}

/** The frame whose area holds the centre of `r` (for notes and widgets dropped into frames). */
export function frameAt(items: readonly CanvasItem[], r: Rect, except: ReadonlySet<string> = new Set()): string | null {
  const cx = r.x + r.w / 2;
  const cy = r.y + r.h / 2;
  const frames = items.filter((i) => i.kind === 'frame' && !except.has(i.id));
  for (let i = frames.length - 1; i >= 0; i--) {
    const g = (frames[i] as CanvasItem).geometry;
    if (cx >= g.x && cx <= g.x + g.w && cy >= g.y && cy <= g.y + g.h) return (frames[i] as CanvasItem).id;
  }
  return null;
}

/** Selected items not inside another selected item (a frame carries its contents). */
export function topLevel(items: readonly CanvasItem[], selection: ReadonlySet<string>): string[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  return [...selection].filter((id) => {
    for (let p = byId.get(id)?.geometry.parent ?? null; p; p = byId.get(p)?.geometry.parent ?? null) if (selection.has(p)) return false;
    return byId.has(id);
  });
}

/** The moves that shift the items `ids` by (dx, dy); `round`: to whole board units. */
export function shifted(items: readonly CanvasItem[], ids: readonly string[], dx: number, dy: number, round = false): Move[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const r = round ? Math.round : (v: number) => v;
  return ids.flatMap((id) => {
    const g = byId.get(id)?.geometry;
    return g ? [{ id, x: r(g.x + dx), y: r(g.y + dy) }] : [];
  });
}

/**
 * Moves items to new top-left positions in one transaction, re-parenting each (but frames)
 * to the frame it lands in. `items` are the canvas items before the move.
 */
export function moveItems(board: Board, items: readonly CanvasItem[], moves: readonly Move[], origin: Origin): void {
  board.transact(() => {
    board.moveMany(moves, origin);
    const moving = new Set(moves.map((m) => m.id));
    for (const m of moves) {
      const item = board.get(m.id);
      if (!item || item.kind === 'frame') continue;
      const parent = frameAt(items, { ...item.geometry }, moving);
      if (parent !== item.geometry.parent) board.setGeometry(m.id, { parent }, origin);
    }
  }, origin);
}
