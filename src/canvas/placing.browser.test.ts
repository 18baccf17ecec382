/**
 * What the canvas's palette puts on the board takes its size from the model and the kinds
 * registry: a frame at the frame kind's default size (the canvas once made them 800x560 while
 * the model said 800x600), each widget at its kind's natural size, seeded by its kind.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { kindOf, WIDGET_TYPES } from '../model/index.js';
import { widgetKind } from '../kinds/index.js';
import { FakePresence, settle, syncedBoards } from '../../widgets/shared/test-utils.js';
import '../app/widgets.js';
import './board-element.js';
import type { KbBoard } from './board-element.js';

let cleanup: (() => void)[] = [];
afterEach(() => {
  cleanup.forEach((f) => f());
  cleanup = [];
  document.body.innerHTML = '';
});

async function mountBoard() {
  const boards = syncedBoards();
  cleanup.push(() => boards.destroy());
  const el = document.createElement('kb-board') as KbBoard;
  Object.assign(el, { board: boards.local, presence: new FakePresence(), origin: { participant: 'me' }, readonly: false, userName: 'Ida', clientTag: 'tag-ida', synced: true });
  el.style.cssText = 'display: block; width: 1200px; height: 800px';
  document.body.append(el);
  await el.updateComplete;
  return { el, board: boards.local };
}

describe('placing from the palette', () => {
  it('makes a frame at the frame kind’s default size', async () => {
    const { el, board } = await mountBoard();
    const id = el.add({ kind: 'frame' });
    await settle(el);
    expect(id).not.toBeNull();
    const frame = board.get(id!)!;
    expect({ w: frame.geometry.w, h: frame.geometry.h }).toEqual({ ...kindOf('frame').defaultSize });
  });

  it.each(WIDGET_TYPES)('places %s at its kind’s size, shown by its kind’s element', async (type) => {
    const { el, board } = await mountBoard();
    const id = el.add({ kind: 'widget', widget: type });
    await settle(el);
    const widget = board.get(id!)!;
    expect({ w: widget.geometry.w, h: widget.geometry.h }).toEqual({ ...widgetKind(type).size });
    expect(el.shadowRoot!.querySelector(`[data-item-id="${id}"] ${widgetKind(type).tag}`)).not.toBeNull();
  });
});
