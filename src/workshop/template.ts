/**
 * A group's board as a workshop starts it: one frame per chosen part, holding that part's
 * widget kinds side by side at their natural sizes, seeded with their default content. Sizes,
 * seeding and which kinds a part holds all come from the kinds registry (src/kinds). Runs on
 * the server when a workshop is created, and in the Miro app's read-back; DOM-free.
 */
import type { Locale } from '../i18n/index.js';
import type { Board, Origin, WidgetType } from '../model/index.js';
import { kindsOfPart, naturalSize, placeWidget } from '../kinds/index.js';
import { PART_TITLES, type Part } from './parts.js';

export { PART_TITLES };

/** The layout of a part's frame around its widgets, in board units. */
export const FRAME_LAYOUT = {
  /** Space between the frame's edge and its widgets. */
  pad: 60,
  /** Space between two widgets side by side, and (doubled) between two frames. */
  gap: 80,
  /** Room above a widget for its title handle. */
  handle: 40,
} as const;

/** A frame laid out around `types`: its size, and each widget's offset from the frame's top-left. */
export function frameLayout(types: readonly WidgetType[]): { w: number; h: number; widgets: { type: WidgetType; dx: number; dy: number }[] } {
  const { pad, gap, handle } = FRAME_LAYOUT;
  const sizes = types.map(naturalSize);
  const w = pad * 2 + sizes.reduce((sum, s) => sum + s.w, 0) + gap * Math.max(0, types.length - 1);
  const h = pad * 2 + handle + Math.max(0, ...sizes.map((s) => s.h));
  let dx = pad;
  const widgets = types.map((type, i) => {
    const at = { type, dx, dy: pad + handle };
    dx += (sizes[i] as { w: number }).w + gap;
    return at;
  });
  return { w, h, widgets };
}

/**
 * Places a frame titled `title` at (0, y) holding `types` side by side, in one transaction;
 * seeds each widget unless `seed` is false. Returns the frame's id, its height and the widgets' ids.
 */
export function placeFrame(
  board: Board,
  input: { title: string; types: readonly WidgetType[]; y: number; locale: Locale; seed?: boolean },
  origin: Origin,
): { frame: string; h: number; widgets: string[] } {
  const layout = frameLayout(input.types);
  return board.transact(() => {
    const frame = board.create('frame', { props: { title: input.title }, geometry: { x: 0, y: input.y, w: layout.w, h: layout.h } }, origin);
    const widgets = layout.widgets.map(({ type, dx, dy }) =>
      placeWidget(board, type, { x: dx, y: input.y + dy, parent: frame }, { locale: input.locale, seed: input.seed ?? true }, origin),
    );
    return { frame, h: layout.h, widgets };
  }, origin);
}

/** Places the parts' frames and widgets on `board` in one transaction; skips widgets already placed. */
export function placeWorkshop(board: Board, input: { title: string; parts: readonly Part[]; locale: Locale }, origin: Origin): void {
  board.transact(() => {
    board.setTitle(input.title, origin);
    let y = 0;
    for (const part of input.parts) {
      const types = kindsOfPart(part)
        .map((k) => k.type)
        .filter((type) => !board.meta().placedWidgets.includes(type));
      if (types.length === 0) continue;
      const { h } = placeFrame(board, { title: PART_TITLES[part][input.locale], types, y, locale: input.locale }, origin);
      y += h + FRAME_LAYOUT.gap * 2;
    }
  }, origin);
}
