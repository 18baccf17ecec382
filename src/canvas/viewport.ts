/**
 * The canvas viewport: which part of the infinite board is on screen. A screen point `s` shows
 * the board point `w = s / zoom + origin`. Pure functions, so the math is tested in Node.
 */
import type { Rect } from '../layout/rect.js';

export interface View {
  /** Board coordinates of the screen's top-left corner. */
  x: number;
  y: number;
  zoom: number;
}

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 4;
export const ZOOM_STEP = 1.2;

export function clampZoom(z: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));
}

export function screenToWorld(v: View, sx: number, sy: number): { x: number; y: number } {
  return { x: sx / v.zoom + v.x, y: sy / v.zoom + v.y };
}

export function worldToScreen(v: View, wx: number, wy: number): { x: number; y: number } {
  return { x: (wx - v.x) * v.zoom, y: (wy - v.y) * v.zoom };
}

/** Zooms by `factor` keeping the board point under screen point (sx, sy) in place. */
export function zoomAt(v: View, sx: number, sy: number, factor: number): View {
  const zoom = clampZoom(v.zoom * factor);
  const w = screenToWorld(v, sx, sy);
  return { zoom, x: w.x - sx / zoom, y: w.y - sy / zoom };
}

/** Moves the view by a screen-pixel delta (dragging the board moves it with the pointer). */
export function panBy(v: View, dxScreen: number, dyScreen: number): View {
  return { ...v, x: v.x - dxScreen / v.zoom, y: v.y - dyScreen / v.zoom };
}

/** The smallest rectangle holding every rect; null for none. */
export function boundsOf(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const r of rects) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.w);
    y1 = Math.max(y1, r.y + r.h);
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * A view that shows all of `bounds` inside a screen of `size`, leaving `insets` pixels free on
 * each side (a number for all four): room for the palette and toolbars that float over it.
 */
export function fitView(bounds: Rect | null, size: { w: number; h: number }, insets: number | Insets = 48): View {
  const m = typeof insets === 'number' ? { top: insets, right: insets, bottom: insets, left: insets } : insets;
  if (!bounds || size.w <= 0 || size.h <= 0) return { x: -m.left, y: -m.top, zoom: 1 };
  const availW = Math.max(1, size.w - m.left - m.right);
  const availH = Math.max(1, size.h - m.top - m.bottom);
  const zoom = clampZoom(Math.min(availW / Math.max(bounds.w, 1), availH / Math.max(bounds.h, 1), 1));
  // Centre the bounds in the free area.
  return { zoom, x: bounds.x + bounds.w / 2 - (m.left + availW / 2) / zoom, y: bounds.y + bounds.h / 2 - (m.top + availH / 2) / zoom };
}

/** A view of the same zoom centred on a board point. */
export function centreOn(v: View, wx: number, wy: number, size: { w: number; h: number }): View {
  return { ...v, x: wx - size.w / 2 / v.zoom, y: wy - size.h / 2 / v.zoom };
}

/** Ids of the rects that intersect the band (rubber-band selection). */
export function hitBand<T extends { id: string; rect: Rect }>(items: readonly T[], band: Rect): string[] {
  return items
    .filter(({ rect: r }) => r.x < band.x + band.w && band.x < r.x + r.w && r.y < band.y + band.h && band.y < r.y + r.h)
    .map((i) => i.id);
}

/** A rect from two corner points in any order. */
export function rectFrom(a: { x: number; y: number }, b: { x: number; y: number }): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) };
}

/** The free area of a screen of `size` inside `insets`, in screen pixels. */
export function freeArea(size: { w: number; h: number }, m: Insets): Rect {
  return { x: m.left, y: m.top, w: Math.max(1, size.w - m.left - m.right), h: Math.max(1, size.h - m.top - m.bottom) };
}

/** The board rect a view shows in the screen rect `area`. */
export function shownRect(v: View, area: Rect): Rect {
  return { x: v.x + area.x / v.zoom, y: v.y + area.y / v.zoom, w: area.w / v.zoom, h: area.h / v.zoom };
}

/** The area two rects share (0 when apart). */
export function overlapArea(a: Rect, b: Rect): number {
  return Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
}

/**
 * The task view of `target` (a tool's box, its title included) in the free `area` of the
 * screen: its width fitted, but never below `minZoom` (the zoom at which its text is legible)
 * nor above `maxZoom`. A tool that fits is centred; one that does not starts at its top-left,
 * and the participant pans along it.
 */
export function taskView(target: Rect, area: Rect, minZoom: number, maxZoom: number): View {
  const zoom = clampZoom(Math.max(minZoom, Math.min(maxZoom, area.w / target.w)));
  const w = target.w * zoom;
  const h = target.h * zoom;
  const sx = w <= area.w ? area.x + (area.w - w) / 2 : area.x;
  const sy = h <= area.h ? area.y + (area.h - h) / 2 : area.y;
  return { zoom, x: target.x - sx / zoom, y: target.y - sy / zoom };
}
