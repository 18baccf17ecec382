/**
 * The board under fingers and in a room: drags that always end, one finger panning wherever
 * it does not drag, two fingers pinching wherever they land, idle cursors fading, and the
 * bars folding into one bottom bar on a phone-wide board.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/index.js';
import { placeWidget } from '../kinds/index.js';
import { FakePresence, settle, syncedBoards } from '../../widgets/shared/test-utils.js';
import '../app/widgets.js';
import './board-element.js';
import type { KbBoard } from './board-element.js';
import { IDLE_MS } from './peer-tracker.js';

let cleanup: (() => void)[] = [];
afterEach(() => {
  cleanup.forEach((f) => f());
  cleanup = [];
  document.body.innerHTML = '';
  setLocale('da');
});

async function setup(size = { w: 1200, h: 800 }) {
  const boards = syncedBoards();
  cleanup.push(() => boards.destroy());
  const presence = new FakePresence();
  const note = boards.local.create('note', { props: { text: 'Første seddel' }, geometry: { x: 100, y: 100 } }, 'setup');
  const matrix = placeWidget(boards.local, 'bor-gor-matrix', { x: 400, y: 100 }, { locale: 'da' }, 'setup');
  const el = document.createElement('kb-board') as KbBoard;
  Object.assign(el, { board: boards.local, presence, origin: { participant: 'me' }, userName: 'Ida', clientTag: 'tag-ida' });
  el.style.cssText = `display:block;width:${size.w}px;height:${size.h}px`;
  document.body.append(el);
  el.view = { x: 0, y: 0, zoom: 0.8 };
  await settle(el);
  await new Promise((r) => setTimeout(r, 50));
  await settle(el);
  const $ = <T extends Element = HTMLElement>(sel: string) => el.shadowRoot!.querySelector(sel) as T;
  return { ...boards, el, presence, note, matrix, $ };
}

type Touch = { id: number; x: number; y: number };
function finger(target: EventTarget, type: string, t: Touch, extra: PointerEventInit = {}): void {
  target.dispatchEvent(
    new PointerEvent(type, { pointerId: t.id, pointerType: 'touch', clientX: t.x, clientY: t.y, button: 0, buttons: type === 'pointerup' ? 0 : 1, bubbles: true, composed: true, cancelable: true, isPrimary: t.id === 1, ...extra }),
  );
}

function centre(el: Element): { x: number; y: number } {
  const r = el.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

describe('drags that always end', () => {
  it('a drag of a note someone else deletes meanwhile ends at the release, tells the peers, and the next drag works', async () => {
    const { el, $, local, remote, note, presence } = await setup();
    const item = $(`[data-item-id="${note}"]`);
    const at = centre(item);
    finger(item, 'pointerdown', { id: 3, ...at });
    finger(item, 'pointermove', { id: 3, x: at.x + 40, y: at.y + 30 });
    await settle(el);
    expect(presence.drags.at(-1)).toHaveLength(1);
    remote.delete([note], 'them');
    await settle(el);
    expect($(`[data-item-id="${note}"]`)).toBeNull();
    // The release lands on whatever is under the finger now.
    finger(document.body, 'pointerup', { id: 3, x: at.x + 40, y: at.y + 30 });
    await settle(el);
    expect(presence.drags.at(-1)).toEqual([]);
    expect(local.get(note)).toBeUndefined();
    // The next press drags again.
    const other = local.create('note', { props: { text: 'Anden' }, geometry: { x: 100, y: 400 } }, 'setup');
    await settle(el);
    const o = $(`[data-item-id="${other}"]`);
    const p = centre(o);
    finger(o, 'pointerdown', { id: 4, ...p });
    finger(o, 'pointermove', { id: 4, x: p.x + 80, y: p.y });
    finger(document.body, 'pointerup', { id: 4, x: p.x + 80, y: p.y });
    await settle(el);
    expect(local.get(other)!.geometry.x).toBe(200);
  });
});

describe('fingers', () => {
  it('one finger pans from a widget’s empty part; a tap there still presses its button', async () => {
    const { el, $, matrix } = await setup();
    const widget = $(`[data-item-id="${matrix}"] kb-bor-gor-matrix`);
    const field = widget.shadowRoot!.querySelector('section[data-field="hverken"]')!;
    const r = field.getBoundingClientRect();
    const from = { id: 1, x: r.left + 20, y: r.bottom - 20 };
    const before = { ...el.view };
    finger(field, 'pointerdown', from);
    for (let i = 1; i <= 5; i++) finger(field, 'pointermove', { id: 1, x: from.x + i * 20, y: from.y - i * 10 });
    finger(field, 'pointerup', { id: 1, x: from.x + 100, y: from.y - 50 });
    await settle(el);
    expect((before.x - el.view.x) * el.view.zoom).toBeCloseTo(100, 0);
    expect((before.y - el.view.y) * el.view.zoom).toBeCloseTo(-50, 0);
    // A tap (no movement) on "Tilføj note" is a tap: the board does not pan, the draft opens.
    const add = widget.shadowRoot!.querySelector<HTMLButtonElement>('button.add[data-field="hverken"]')!;
    const view = { ...el.view };
    const c = centre(add);
    finger(add, 'pointerdown', { id: 2, ...c });
    finger(add, 'pointerup', { id: 2, ...c });
    expect(el.view).toEqual(view);
    add.click();
    await settle(el);
    await settle(widget as unknown as KbBoard);
    expect(widget.shadowRoot!.querySelector('textarea[data-draft="hverken"]')).not.toBeNull();
  });

  it('two fingers pinch-zoom even when the first lands on a note (its drag lets go, nothing moves)', async () => {
    const { el, $, local, note, presence } = await setup();
    const item = $(`[data-item-id="${note}"]`);
    const a = centre(item);
    const z0 = el.view.zoom;
    finger(item, 'pointerdown', { id: 1, ...a });
    finger(item, 'pointermove', { id: 1, x: a.x + 10, y: a.y });
    // The second finger lands on empty board to the right.
    const b = { id: 2, x: a.x + 110, y: a.y };
    finger(item, 'pointerdown', b);
    expect(presence.drags.at(-1)).toEqual([]);
    finger(item, 'pointermove', { id: 1, x: a.x - 40, y: a.y });
    finger(item, 'pointermove', { id: 2, x: a.x + 160, y: a.y });
    finger(document.body, 'pointerup', { id: 1, x: a.x - 40, y: a.y });
    finger(document.body, 'pointerup', { id: 2, x: a.x + 160, y: a.y });
    await settle(el);
    // 100 px apart became 200 px apart.
    expect(el.view.zoom / z0).toBeCloseTo(2, 1);
    expect(local.get(note)!.geometry).toMatchObject({ x: 100, y: 100 });
  });

  it('two fingers that both land on a widget pinch too, and start no drag there', async () => {
    const { el, $, matrix, presence } = await setup();
    const widget = $(`[data-item-id="${matrix}"] kb-bor-gor-matrix`);
    const c = centre(widget);
    const z0 = el.view.zoom;
    finger(widget, 'pointerdown', { id: 1, x: c.x - 30, y: c.y });
    finger(widget, 'pointerdown', { id: 2, x: c.x + 30, y: c.y });
    finger(widget, 'pointermove', { id: 1, x: c.x - 15, y: c.y });
    finger(widget, 'pointermove', { id: 2, x: c.x + 15, y: c.y });
    finger(document.body, 'pointerup', { id: 1, x: c.x - 15, y: c.y });
    finger(document.body, 'pointerup', { id: 2, x: c.x + 15, y: c.y });
    await settle(el);
    expect(el.view.zoom / z0).toBeCloseTo(0.5, 1);
    expect(presence.drags.every((d) => d.length === 0)).toBe(true);
  });
});

describe('peers', () => {
  it('a cursor that stops moving fades after a few seconds, and comes back when it moves', async () => {
    const { el, $, presence } = await setup();
    const bo = { clientId: 9, user: { name: 'Bo', color: '#b3261e' }, cursor: { x: 50, y: 60 }, drags: [], view: null };
    presence.setPeers([bo]);
    await new Promise((r) => requestAnimationFrame(r));
    await settle(el);
    expect($('.cursor').classList.contains('idle')).toBe(false);
    await new Promise((r) => setTimeout(r, IDLE_MS + 150));
    await settle(el);
    expect($('.cursor').classList.contains('idle')).toBe(true);
    presence.setPeers([{ ...bo, cursor: { x: 80, y: 60 } }]);
    await new Promise((r) => requestAnimationFrame(r));
    await settle(el);
    expect($('.cursor').classList.contains('idle')).toBe(false);
  }, 15_000);
});

describe('a phone-wide board', () => {
  it('folds the palette, zoom and people into one bottom bar; the palette opens as a sheet and adds', async () => {
    const { el, $, local } = await setup({ w: 390, h: 700 });
    await new Promise((r) => setTimeout(r, 50));
    await settle(el);
    expect($('.bar.top')).toBeNull();
    const dock = $('.bar.dock');
    expect(dock).not.toBeNull();
    const r = dock.getBoundingClientRect();
    const host = el.getBoundingClientRect();
    expect(host.bottom - r.bottom).toBeLessThanOrEqual(12);
    for (const b of dock.querySelectorAll('button')) {
      const box = b.getBoundingClientRect();
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    ($('.dock .tools') as HTMLButtonElement).click();
    await settle(el);
    const palette = $('.sheet kb-palette');
    expect(palette).not.toBeNull();
    (palette.shadowRoot!.querySelector('[data-tool="note"]') as HTMLButtonElement).click();
    await settle(el);
    expect(local.read().items.filter((i) => i.kind === 'note')).toHaveLength(2);
    expect($('.sheet')).toBeNull();
  });
});
