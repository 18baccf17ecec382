/**
 * What a palette tool puts on the board: its size and the records it writes. Sizes come from
 * the model (a note's and a frame's default size) and the kinds registry (a widget's natural
 * size), so the canvas, the workshop template and the Miro app can never disagree on them.
 */
import type { Locale } from '../i18n/index.js';
import { kindOf, type Board, type Geometry, type Origin } from '../model/index.js';
import { naturalSize, placeWidget, type Size } from '../kinds/index.js';
import type { Tool } from './palette.js';

/** The size a tool's item gets on the board. */
export function toolSize(tool: Tool): Size {
  if (tool.kind === 'widget') return naturalSize(tool.widget);
  const { w, h } = kindOf(tool.kind).defaultSize;
  return { w, h };
}

export interface PlaceToolInput {
  /** Top-left corner and size (from {@link toolSize}) and the frame it lands in. */
  geometry: Pick<Geometry, 'x' | 'y' | 'w' | 'h'> & { parent: string | null };
  /** The new frame's title. */
  frameTitle: string;
  /** The placing participant's tag (a note's `createdBy`); '' for none. */
  clientTag: string;
  locale: Locale;
}

/** Writes the tool's item (a widget seeded by its kind) in one transaction; returns its id. */
export function placeTool(board: Board, tool: Tool, input: PlaceToolInput, origin: Origin): string {
  const { geometry } = input;
  return board.transact(() => {
    if (tool.kind === 'note') return board.create('note', { geometry, createdBy: input.clientTag || undefined }, origin);
    if (tool.kind === 'frame') return board.create('frame', { geometry: { ...geometry, parent: null }, props: { title: input.frameTitle } }, origin);
    return placeWidget(board, tool.widget, geometry, { locale: input.locale }, origin);
  }, origin);
}
