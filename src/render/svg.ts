/** Tiny SVG markup builders. Attribute values and text are escaped here; tags and names are constants. */
import { escapeXml } from './escape.js';
import type { Rect } from '../layout/rect.js';

export type AttrValue = string | number | undefined | null | false;
export type Attrs = Record<string, AttrValue>;

/** A number for markup: finite, at most two decimals, no trailing zeros. */
export function num(n: number): string {
  if (!Number.isFinite(n)) return '0';
  const r = Math.round(n * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

function attrs(a: Attrs): string {
  let out = '';
  for (const [key, value] of Object.entries(a)) {
    if (value === undefined || value === null || value === false) continue;
    out += ` ${key}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`;
  }
  return out;
}

/** An element; `children` is markup already built (escaped) by these helpers. */
export function el(tag: string, a: Attrs = {}, children?: string): string {
  return children === undefined ? `<${tag}${attrs(a)}/>` : `<${tag}${attrs(a)}>${children}</${tag}>`;
}

/** A rectangle element for a layout rect. */
export function rect(r: Rect, a: Attrs = {}): string {
  return el('rect', { x: r.x, y: r.y, width: Math.max(0, r.w), height: Math.max(0, r.h), ...a });
}

/** A group translated (and optionally uniformly scaled). */
export function group(children: string, at: { x: number; y: number }, scale = 1, a: Attrs = {}): string {
  const transform = scale === 1 ? `translate(${num(at.x)} ${num(at.y)})` : `translate(${num(at.x)} ${num(at.y)}) scale(${num4(scale)})`;
  return el('g', { transform, ...a }, children);
}

function num4(n: number): string {
  return Number.isFinite(n) ? String(Math.round(n * 10000) / 10000) : '1';
}
