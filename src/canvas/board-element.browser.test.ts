import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/index.js';
import type { Peer } from '../sync/presence.js';
import { FakePresence, mount, settle, syncedBoards } from '../../widgets/shared/test-utils.js';
import './board-element.js';
// The palette loads just after the board; here it is there from the start.
import './palette.js';
import type { KbBoard } from './board-element.js';

const ME = { participant: 'me' };
let cleanup: (() => void)[] = [];
afterEach(() => {
  cleanup.forEach((f) => f());
  cleanup = [];
  document.body.innerHTML = '';
  setLocale('da');
});

async function setup(opts: { readonly?: boolean } = {}) {
  const boards = syncedBoards();
  cleanup.push(() => boards.destroy());
  const presence = new FakePresence();
  const note = boards.local.create('note', { props: { text: 'Første seddel' }, geometry: { x: 100, y: 100 } }, 'setup');
  const frame = boards.local.create('frame', { props: { title: 'Gruppe 1' }, geometry: { x: 600, y: 0, w: 400, h: 300 } }, 'setup');
  const host = document.createElement('div');
  host.style.cssText = 'width: 1200px; height: 800px; position: relative';
  document.body.append(host);
  const el = document.createElement('kb-board') as KbBoard;
  Object.assign(el, { board: boards.local, presence, origin: ME, readonly: opts.readonly ?? false, userName: 'Ida', clientTag: 'tag-ida', synced: true });
  el.style.height = '800px';
  host.append(el);
  await el.updateComplete;
  // The board fits its content once, on the first frame after it shows any.
  await new Promise((r) => requestAnimationFrame(r));
  await el.updateComplete;
  const $ = (sel: string) => el.shadowRoot!.querySelector(sel) as HTMLElement;
  const tool = (name: string) => el.shadowRoot!.querySelector('kb-palette')!.shadowRoot!.querySelector(`[data-tool="${name}"]`) as HTMLButtonElement;
  return { ...boards, el, presence, note, frame, $, tool };
}

function pointer(target: Element, type: string, x: number, y: number, extra: PointerEventInit = {}): void {
  target.dispatchEvent(new PointerEvent(type, { pointerId: 7, clientX: x, clientY: y, button: 0, buttons: 1, bubbles: true, composed: true, isPrimary: true, ...extra }));
}

describe('<kb-board>', () => {
  it('renders the document’s items, each with its id', async () => {
    const { $, note, frame } = await setup();
    expect($(`[data-item-id="${note}"]`).textContent).toContain('Første seddel');
    expect($(`[data-item-id="${frame}"] .frame-title`).textContent).toContain('Gruppe 1');
    expect($(`[data-item-id="${note}"]`).getAttribute('aria-label')).toBe('Seddel: Første seddel');
  });

  it('adds a note from the palette, through the model', async () => {
    const { el, local, tool } = await setup();
    tool('note').click();
    await settle(el);
    const notes = local.read().items.filter((i) => i.kind === 'note');
    expect(notes).toHaveLength(2);
    expect(el.shadowRoot!.querySelector('textarea.editor')).not.toBeNull();
  });

  it('moves the focused item with arrow keys (Shift for big steps) and deletes with Delete', async () => {
    const { el, $, local, note } = await setup();
    const item = $(`[data-item-id="${note}"]`);
    item.focus();
    item.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    item.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', shiftKey: true, bubbles: true, composed: true }));
    expect(local.get(note)?.geometry).toMatchObject({ x: 110, y: 150 });
    item.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', bubbles: true, composed: true }));
    await settle(el);
    expect(local.get(note)).toBeUndefined();
    expect($(`[data-item-id="${note}"]`)).toBeNull();
  });

  it('drags an item: peers see it through presence while it moves, the drop writes once', async () => {
    const { el, $, local, remote, note, presence } = await setup();
    let writes = 0;
    local.observe((c) => c.items.has(note) && writes++);
    const item = $(`[data-item-id="${note}"]`);
    const r = item.getBoundingClientRect();
    pointer(item, 'pointerdown', r.left + 20, r.top + 20);
    for (let i = 1; i <= 10; i++) pointer(item, 'pointermove', r.left + 20 + i * 10, r.top + 20 + i * 5);
    await settle(el);
    expect(writes).toBe(0);
    expect(presence.drags.at(-1)).toEqual([{ itemId: note, x: 200, y: 150 }]);
    pointer(item, 'pointerup', r.left + 120, r.top + 70);
    expect(writes).toBe(1);
    expect(local.get(note)?.geometry).toMatchObject({ x: 200, y: 150 });
    expect(remote.get(note)?.geometry).toMatchObject({ x: 200, y: 150 });
    expect(presence.drags.at(-1)).toEqual([]);
  });

  it('Space + drag pans the board even when the drag starts on an item', async () => {
    const { el, $, local, note } = await setup();
    const item = $(`[data-item-id="${note}"]`);
    const r = item.getBoundingClientRect();
    const before = { ...el.view };
    window.dispatchEvent(new KeyboardEvent('keydown', { key: ' ' }));
    pointer(item, 'pointerdown', r.left + 10, r.top + 10);
    const vp = $('.viewport');
    pointer(vp, 'pointermove', r.left + 110, r.top + 60);
    pointer(vp, 'pointerup', r.left + 110, r.top + 60);
    window.dispatchEvent(new KeyboardEvent('keyup', { key: ' ' }));
    expect(el.view.x).toBeCloseTo(before.x - 100);
    expect(el.view.y).toBeCloseTo(before.y - 50);
    expect(local.get(note)?.geometry).toMatchObject({ x: 100, y: 100 });
  });

  it('Shift + drag on empty space draws a rubber band that selects what it touches', async () => {
    const { el, $, note, frame } = await setup();
    const vp = $('.viewport');
    const n = $(`[data-item-id="${note}"]`).getBoundingClientRect();
    // From above-left of the note to just inside it: the note, not the frame.
    pointer(vp, 'pointerdown', n.left - 20, n.top - 20, { shiftKey: true });
    pointer(vp, 'pointermove', n.left + 10, n.top + 10, { shiftKey: true });
    await settle(el);
    expect($('.band')).not.toBeNull();
    pointer(vp, 'pointerup', n.left + 10, n.top + 10, { shiftKey: true });
    await settle(el);
    expect([...el.selection]).toEqual([note]);
    expect(el.selection.has(frame)).toBe(false);
    expect($('.band')).toBeNull();
  });

  it('the wheel pans; Ctrl + wheel (and a trackpad pinch) zooms around the pointer', async () => {
    const { el, $ } = await setup();
    const vp = $('.viewport');
    const r = vp.getBoundingClientRect();
    const before = { ...el.view };
    vp.dispatchEvent(new WheelEvent('wheel', { deltaX: 30, deltaY: 60, bubbles: true, cancelable: true, clientX: r.left + 100, clientY: r.top + 100 }));
    await settle(el);
    expect(el.view.x - before.x).toBeCloseTo(30 / before.zoom);
    expect(el.view.y - before.y).toBeCloseTo(60 / before.zoom);
    const at = { x: r.left + 300, y: r.top + 200 };
    const worldBefore = { x: el.view.x + 300 / el.view.zoom, y: el.view.y + 200 / el.view.zoom };
    vp.dispatchEvent(new WheelEvent('wheel', { deltaY: -100, ctrlKey: true, bubbles: true, cancelable: true, clientX: at.x, clientY: at.y }));
    await settle(el);
    expect(el.view.zoom).toBeGreaterThan(before.zoom);
    expect(el.view.x + 300 / el.view.zoom).toBeCloseTo(worldBefore.x);
    expect(el.view.y + 200 / el.view.zoom).toBeCloseTo(worldBefore.y);
  });

  it('two fingers pinch to zoom', async () => {
    const { el, $ } = await setup();
    const vp = $('.viewport');
    const r = vp.getBoundingClientRect();
    const z0 = el.view.zoom;
    const cx = r.left + 400;
    const cy = r.top + 300;
    vp.dispatchEvent(new PointerEvent('pointerdown', { pointerId: 1, clientX: cx - 50, clientY: cy, button: 0, bubbles: true, composed: true, pointerType: 'touch' }));
    vp.dispatchEvent(new PointerEvent('pointerdown', { pointerId: 2, clientX: cx + 50, clientY: cy, button: 0, bubbles: true, composed: true, pointerType: 'touch' }));
    vp.dispatchEvent(new PointerEvent('pointermove', { pointerId: 1, clientX: cx - 100, clientY: cy, bubbles: true, composed: true, pointerType: 'touch' }));
    vp.dispatchEvent(new PointerEvent('pointermove', { pointerId: 2, clientX: cx + 100, clientY: cy, bubbles: true, composed: true, pointerType: 'touch' }));
    vp.dispatchEvent(new PointerEvent('pointerup', { pointerId: 1, clientX: cx - 100, clientY: cy, bubbles: true, composed: true, pointerType: 'touch' }));
    vp.dispatchEvent(new PointerEvent('pointerup', { pointerId: 2, clientX: cx + 100, clientY: cy, bubbles: true, composed: true, pointerType: 'touch' }));
    await settle(el);
    // The fingers moved from 100 to 200 px apart: twice the zoom (within the limits).
    expect(el.view.zoom / z0).toBeCloseTo(2, 1);
  });

  it('dropping a note inside a frame puts it in the frame', async () => {
    const { el, local, note } = await setup();
    // Keyboard pick-up and place: select, pick up, Enter places at the view's centre.
    el.selection = new Set([note]);
    el.view = { x: 200, y: -250, zoom: 1 }; // the frame's centre (800, 150) is on screen centre
    await settle(el);
    el.pickUp();
    await settle(el);
    const vp = el.shadowRoot!.querySelector('.viewport') as HTMLElement;
    vp.focus();
    vp.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    const g = local.get(note)!.geometry;
    expect(g.parent).not.toBeNull();
    expect(g.x + g.w / 2).toBeCloseTo(800, 0);
  });

  it('shows a peer’s in-flight drag with their name, and remote changes re-render', async () => {
    const { el, $, remote, note, presence } = await setup();
    presence.setPeers([{ clientId: 9, user: { name: 'Bo', color: '#b3261e' }, cursor: { x: 50, y: 60 }, drags: [{ itemId: note, x: 400, y: 300 }], view: null }]);
    await settle(el);
    const item = $(`[data-item-id="${note}"]`);
    // Where Bo holds it (it moves by a transform while in flight: from 100,100 to 400,300).
    expect(item.style.transform).toBe('translate(300px, 200px)');
    expect(item.querySelector('.drag-tag')?.textContent).toBe('Bo');
    expect($('.cursor span').textContent).toBe('Bo');
    remote.updateProps<'note'>(note, { text: 'Ændret af Bo' }, 'bo');
    await settle(el);
    expect($(`[data-item-id="${note}"]`).textContent).toContain('Ændret af Bo');
  });

  it('follows a participant: my view tracks theirs until I pan myself', async () => {
    const { el, $, presence } = await setup();
    const bo: Peer = { clientId: 9, user: { name: 'Bo', color: '#b3261e' }, cursor: null, drags: [], view: { x: 1000, y: 500, zoom: 2 } };
    presence.setPeers([bo]);
    await settle(el);
    const follow = $('kb-people').shadowRoot!.querySelector('li[data-client-id="9"] button') as HTMLButtonElement;
    expect(follow.getAttribute('aria-label')).toBe('Følg Bo');
    follow.click();
    await settle(el);
    const vp = $('.viewport').getBoundingClientRect();
    expect(el.view.zoom).toBe(2);
    expect(el.view.x + vp.width / 2 / 2).toBeCloseTo(1000);
    presence.setPeers([{ ...bo, view: { x: 1200, y: 500, zoom: 2 } }]);
    await new Promise((r) => requestAnimationFrame(r));
    await settle(el);
    expect(el.view.x + vp.width / 2 / 2).toBeCloseTo(1200);
    el.zoomBy(0.5); // my own move ends following
    presence.setPeers([{ ...bo, view: { x: 0, y: 0, zoom: 2 } }]);
    await new Promise((r) => requestAnimationFrame(r));
    await settle(el);
    expect(el.view.zoom).toBe(1);
  });

  it('undo takes back only my own change', async () => {
    const { el, $, local, remote, note, frame } = await setup();
    const item = $(`[data-item-id="${note}"]`);
    item.focus();
    item.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    remote.move(frame, { x: 700, y: 20 }, 'bo');
    el.undo();
    expect(local.get(note)?.geometry.x).toBe(100);
    expect(local.get(frame)?.geometry).toMatchObject({ x: 700, y: 20 });
    el.redo();
    expect(local.get(note)?.geometry.x).toBe(110);
  });

  it('a locked board changes nothing', async () => {
    const { $, local, note, tool } = await setup({ readonly: true });
    expect(tool('note').disabled).toBe(true);
    const item = $(`[data-item-id="${note}"]`);
    item.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    item.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', bubbles: true, composed: true }));
    expect(local.get(note)?.geometry.x).toBe(100);
    expect($('.status').textContent).toContain('Tavlen er låst');
  });

  it('an empty board at its first sync does not jump when the first item appears', async () => {
    const boards = syncedBoards();
    cleanup.push(() => boards.destroy());
    const el = document.createElement('kb-board') as KbBoard;
    Object.assign(el, { board: boards.local, presence: new FakePresence(), origin: ME, synced: true });
    el.style.height = '600px';
    document.body.append(el);
    await settle(el);
    const before = { ...el.view };
    boards.remote.create('note', { props: { text: 'Fra en anden' }, geometry: { x: 3000, y: 3000 } }, 'peer');
    await settle(el);
    await new Promise((r) => requestAnimationFrame(r));
    expect(el.view).toEqual(before);
  });

  it('opens fitted to its content once, then leaves the view to the participant', async () => {
    const { el } = await setup();
    const fitted = { ...el.view };
    expect(fitted).not.toEqual({ x: -80, y: -80, zoom: 1 });
    el.zoomBy(2);
    await settle(el);
    expect(el.view.zoom).toBeCloseTo(fitted.zoom * 2);
  });

  it('without chrome it is a bare, fitted board (thumbnails, plenum)', async () => {
    const { el, $, note } = await setup({ readonly: true });
    el.chrome = false;
    await settle(el);
    await new Promise((r) => requestAnimationFrame(r));
    await settle(el);
    expect($('kb-palette')).toBeNull();
    expect($('.bar.top')).toBeNull();
    expect($(`[data-item-id="${note}"]`)).not.toBeNull();
    // Both items (x 100..300 and 600..1000) are on screen.
    const vp = $('.viewport').getBoundingClientRect();
    const frameEl = el.shadowRoot!.querySelector('.frame') as HTMLElement;
    const fr = frameEl.getBoundingClientRect();
    expect(fr.right).toBeLessThanOrEqual(vp.right + 1);
    expect($(`[data-item-id="${note}"]`).getBoundingClientRect().left).toBeGreaterThanOrEqual(vp.left - 1);
  });

  it('shows hostile text as text', async () => {
    const { el, $, local } = await setup();
    const id = local.create('note', { props: { text: '<img src=x onerror="window.__pwned=1">' } }, 'evil');
    await settle(el);
    expect($(`[data-item-id="${id}"] .note-text`).textContent).toBe('<img src=x onerror="window.__pwned=1">');
    expect($(`[data-item-id="${id}"] img`)).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('zooms with the buttons and fits everything on screen', async () => {
    const { el, $, tool } = await setup();
    el.zoomBy(2);
    await settle(el);
    expect(el.view.zoom).toBe(2);
    el.zoomToFit();
    await settle(el);
    expect(el.view.zoom).toBeLessThanOrEqual(1);
    expect($('.zoom').textContent).toMatch(/Zoom \d+ %/);
    setLocale('en');
    await settle(el);
    await settle(el.shadowRoot!.querySelector('kb-palette')!);
    expect(tool('note').textContent?.trim()).toBe('New note');
  });
});
