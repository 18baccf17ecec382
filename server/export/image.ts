/** A group's board as SVG (the shared renderer) and as PNG (rasterised with resvg). */
import { Resvg } from '@resvg/resvg-js';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { renderBoardSvg } from '../../src/render/board-svg.js';
import { closeBoard, openBoard } from './input.js';
import type { ExportGroup, WorkshopInput } from './input.js';
import { dejaVuSans } from './fonts.js';

export const MIN_PNG_WIDTH = 16;
export const MAX_PNG_WIDTH = 8192;
export const DEFAULT_PNG_WIDTH = 2000;
/** Largest bitmap rendered (width × height). */
export const MAX_PIXELS = 40_000_000;

/** The group with `number`, or an error naming it. */
export function findGroup(input: WorkshopInput, number: number): ExportGroup {
  const group = input.groups.find((g) => g.number === number);
  if (group === undefined) throw new RangeError(`the workshop has no group ${number}`);
  return group;
}

/** The board of group `group` (its number) as a standalone SVG document, titled with the group's name. */
export function boardSvg(input: WorkshopInput, group: number, opts: { title?: string; width?: number } = {}): string {
  const g = findGroup(input, group);
  const board = openBoard(g.state);
  try {
    return renderBoardSvg(board, { locale: input.locale, title: opts.title ?? g.name, ...(opts.width === undefined ? {} : { width: opts.width }) });
  } finally {
    closeBoard(board);
  }
}

function fontOptions(): NonNullable<ResvgRenderOptions['font']> {
  const fonts = dejaVuSans();
  // Without DejaVu, let resvg find whatever the system has (slower, but text still shows).
  if (fonts === null) return { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' };
  return { loadSystemFonts: false, fontFiles: [fonts.regular, fonts.bold, fonts.italic], defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' };
}

/** An SVG document rasterised to PNG, `width` px wide (height by the aspect ratio). */
export function boardPng(svg: string, { width = DEFAULT_PNG_WIDTH }: { width?: number } = {}): Uint8Array {
  if (!Number.isInteger(width) || width < MIN_PNG_WIDTH || width > MAX_PNG_WIDTH) {
    throw new RangeError(`width must be an integer from ${MIN_PNG_WIDTH} to ${MAX_PNG_WIDTH}`);
  }
  const options = (w: number): ResvgRenderOptions => ({ fitTo: { mode: 'width', value: w }, font: fontOptions(), background: '#ffffff', logLevel: 'off' });
  let resvg = new Resvg(svg, options(width));
  // A very tall board is made narrower rather than allocating an enormous bitmap.
  const height = (width * resvg.height) / Math.max(1, resvg.width);
  if (width * height > MAX_PIXELS) resvg = new Resvg(svg, options(Math.max(MIN_PNG_WIDTH, Math.floor(Math.sqrt((MAX_PIXELS * width) / height)))));
  const png = resvg.render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
