import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CRITERIA } from '../../src/content/criteria.js';
import { setLocale } from '../../src/i18n/index.js';
import { Board } from '../../src/model/index.js';
import { assessmentId } from '../../src/model/theme-assessment.js';
import { syncBoth } from '../../src/model/test-helpers.js';
import type { DragState, Peer, Presence } from '../../src/sync/presence.js';
import { mount, settle, syncedBoards } from '../shared/test-utils.js';
import { widgetKind } from '../../src/kinds/index.js';
import './seven-themes.js';
import type { KbSevenThemes } from './seven-themes.js';

const ORIGIN = { user: 'me' };
const HOSTILE = '<img src=x onerror=alert(1)>';

function addWidget(board: Board): string {
  return board.create('widget', { props: { widget: 'seven-themes' }, geometry: { x: 100, y: 50 } }, ORIGIN);
}

/** A hand-driven Presence: records own drags, serves a settable list of peers. */
function fakePresence() {
  const listeners = new Set<() => void>();
  const sent: DragState[][] = [];
  let list: Peer[] = [];
  const presence: Presence = {
    self: { name: 'Me', color: '#1f5fa8' },
    clientId: 1,
    setCursor() {},
    setDrags(d) {
      sent.push(d);
    },
    setView() {},
    peers: () => list,
    onChange(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return {
    presence,
    sent,
    setPeers(peers: Peer[]) {
      list = peers;
      for (const l of listeners) l();
    },
  };
}

const root = (el: KbSevenThemes): ShadowRoot => el.shadowRoot as ShadowRoot;
const pieces = (el: KbSevenThemes): SVGGElement[] => [...root(el).querySelectorAll<SVGGElement>('.piece')];
const piece = (el: KbSevenThemes, n: number): SVGGElement => root(el).querySelector(`.piece[data-criterion="${n}"]`) as SVGGElement;
/** A piece's status and notes count: drawn over it, beside its focusable group. */
const marks = (el: KbSevenThemes, n: number): Element => piece(el, n).nextElementSibling as Element;
/** A piece's accessible description (its status and notes count). */
const described = (el: KbSevenThemes, n: number): string => piece(el, n).querySelector('desc')?.textContent ?? '';
const panel = (el: KbSevenThemes): HTMLElement | null => root(el).querySelector('.panel');
const statusButton = (el: KbSevenThemes, status: string): HTMLButtonElement =>
  root(el).querySelector(`.panel button[data-status="${status}"]`) as HTMLButtonElement;
const assessments = (board: Board, widgetId: string) => board.owned(widgetId, 'theme-assessment');
const notes = (board: Board, widgetId: string) => board.owned(widgetId, 'theme-note');

async function mountOn(board: Board, widgetId: string, extra: Partial<KbSevenThemes> = {}): Promise<KbSevenThemes> {
  const el = await mount<KbSevenThemes>('kb-seven-themes', {
    board,
    widgetId,
    origin: ORIGIN,
    userName: 'Anna',
    clientTag: 'tag-anna',
    ...extra,
  });
  el.style.width = '480px';
  await settle(el);
  return el;
}

function pointer(target: Element, type: string, x: number, y: number): void {
  target.dispatchEvent(new PointerEvent(type, { pointerId: 1, clientX: x, clientY: y, button: 0, buttons: 1, bubbles: true, composed: true, cancelable: true }));
}

async function typeNote(el: KbSevenThemes, text: string): Promise<void> {
  const area = root(el).querySelector('#note-text') as HTMLTextAreaElement;
  area.value = text;
  area.dispatchEvent(new Event('input', { bubbles: true }));
  await settle(el);
}

describe('<kb-seven-themes>', () => {
  let boards: ReturnType<typeof syncedBoards>;
  let widgetId: string;

  beforeEach(() => {
    boards = syncedBoards();
    widgetId = addWidget(boards.local);
  });
  afterEach(() => {
    document.body.replaceChildren();
    setLocale('da');
    boards.destroy();
  });

  it('its kind names this element and its natural size', () => {
    expect(widgetKind('seven-themes')).toMatchObject({ tag: 'kb-seven-themes', size: { w: 960, h: 640 } });
    expect(customElements.get('kb-seven-themes')).toBeDefined();
  });

  it('renders the seven pieces with numbers and names in order, each carrying its assessment id', async () => {
    const el = await mountOn(boards.local, widgetId);
    const all = pieces(el);
    expect(all).toHaveLength(7);
    expect(all.map((p) => p.querySelector('.number')?.textContent?.trim())).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(all.map((p) => p.querySelector('.name')?.textContent?.trim())).toEqual(CRITERIA.map((c) => c.name.da));
    expect(all.map((p) => p.dataset.itemId)).toEqual(CRITERIA.map((c) => assessmentId(widgetId, c.number)));
    // A missing record reads as not started; the name wraps inside the piece.
    expect(all.every((p) => p.dataset.status === 'not-started')).toBe(true);
    const name = all[0]?.querySelector('.name') as HTMLElement;
    expect(name.getBoundingClientRect().height).toBeGreaterThan(0);
    expect(all[0]?.getAttribute('aria-label')).toBe('1. Internt og eksternt samarbejde');
  });

  it('fits every name inside its piece at the natural size, without breaking words, in both languages', async () => {
    const el = await mountOn(boards.local, widgetId);
    el.style.width = '960px';
    await settle(el);
    const ctx = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    for (const locale of ['da', 'en'] as const) {
      setLocale(locale);
      await settle(el);
      for (const name of root(el).querySelectorAll<HTMLElement>('.piece .name')) {
        const style = getComputedStyle(name);
        expect(parseFloat(style.fontSize)).toBeGreaterThanOrEqual(16);
        ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const widest = Math.max(...(name.textContent ?? '').trim().split(/\s+/).map((w) => ctx.measureText(w).width));
        expect(widest, name.textContent ?? '').toBeLessThanOrEqual(name.clientWidth);
        expect(name.scrollHeight, name.textContent ?? '').toBeLessThanOrEqual(name.clientHeight);
      }
      for (const sel of ['.legend-title', '.legend-hint']) {
        const box = root(el).querySelector(sel) as HTMLElement;
        expect(box.getBoundingClientRect().bottom, sel).toBeLessThanOrEqual((box.parentElement as Element).getBoundingClientRect().bottom + 0.5);
      }
    }
  });

  it('shows the records already in the document: assessments and note counts', async () => {
    const b = boards.local;
    b.create('theme-assessment', { id: assessmentId(widgetId, 3), props: { widget: widgetId, criterion: 3, status: 'established' } }, ORIGIN);
    b.create('theme-assessment', { id: assessmentId(widgetId, 5), props: { widget: widgetId, criterion: 5, status: 'under-way' } }, ORIGIN);
    for (const text of ['a', 'b']) b.create('theme-note', { props: { widget: widgetId, criterion: 2, text, author: 'Bo' } }, ORIGIN);
    const el = await mountOn(b, widgetId);
    expect(piece(el, 3).dataset.status).toBe('established');
    expect(marks(el, 3).querySelector('.status-text')?.textContent).toBe('Etableret');
    expect(piece(el, 5).dataset.status).toBe('under-way');
    expect(piece(el, 5).querySelector('.hatch')).not.toBeNull();
    expect(marks(el, 2).querySelector('.badge text')?.textContent).toBe('2');
    expect(marks(el, 1).querySelector('.badge text')?.textContent).toBe('0');
    expect(described(el, 2)).toBe('Ikke startet. 2 noter.');
    // The panel lists them with their ids.
    piece(el, 2).dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle(el);
    const items = [...root(el).querySelectorAll<HTMLElement>('.note')];
    expect(items.map((i) => i.dataset.itemId).sort()).toEqual(notes(b, widgetId).map((n) => n.id).sort());
  });

  it('opens the panel on click, moves focus into it, and Escape closes it and returns focus', async () => {
    const el = await mountOn(boards.local, widgetId);
    const opened: number[] = [];
    el.addEventListener('kb-piece-open', (e) => opened.push((e as CustomEvent<{ criterion: number }>).detail.criterion));
    piece(el, 4).dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle(el);
    expect(opened).toEqual([4]);
    const p = panel(el) as HTMLElement;
    expect(p.getAttribute('role')).toBe('dialog');
    expect(p.querySelector('#panel-title')?.textContent).toBe('Ungeinddragelse');
    expect(p.querySelector('.panel-text')?.textContent).toBe(CRITERIA[3]?.text.da);
    expect(root(el).activeElement?.id).toBe('panel-title');
    expect(piece(el, 4).getAttribute('aria-expanded')).toBe('true');
    (root(el).activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await settle(el);
    expect(panel(el)).toBeNull();
    expect(root(el).activeElement).toBe(piece(el, 4));
  });

  it('opens the panel from the keyboard with Enter and with Space', async () => {
    const el = await mountOn(boards.local, widgetId);
    // Focusing the element (as the canvas does on Enter) lands on the first piece.
    el.focus();
    expect(root(el).activeElement).toBe(piece(el, 1));
    piece(el, 6).focus();
    await settle(el);
    // Programmatic focus without a pointer counts as keyboard focus: the ring is drawn on top.
    expect(root(el).querySelector('.focus-ring')?.getAttribute('d')).toBe(piece(el, 6).querySelector('.outline')?.getAttribute('d'));
    piece(el, 6).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle(el);
    expect(panel(el)?.dataset.criterion).toBe('6');
    (root(el).querySelector('.close') as HTMLButtonElement).click();
    await settle(el);
    expect(panel(el)).toBeNull();
    expect(root(el).activeElement).toBe(piece(el, 6));
    piece(el, 1).dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    await settle(el);
    expect(panel(el)?.dataset.criterion).toBe('1');
  });

  it('writes exactly one assessment record with the derived id, and updates it afterwards', async () => {
    const b = boards.local;
    const el = await mountOn(b, widgetId);
    const changes: unknown[] = [];
    el.addEventListener('kb-assessment-change', (e) => changes.push((e as CustomEvent).detail));
    await el.openPiece(2);
    await settle(el);
    expect(statusButton(el, 'not-started').getAttribute('aria-pressed')).toBe('true');
    statusButton(el, 'under-way').click();
    await settle(el);
    expect(assessments(b, widgetId)).toEqual([
      expect.objectContaining({ id: assessmentId(widgetId, 2), props: { widget: widgetId, criterion: 2, status: 'under-way' } }),
    ]);
    expect(statusButton(el, 'under-way').getAttribute('aria-pressed')).toBe('true');
    expect(piece(el, 2).dataset.status).toBe('under-way');
    statusButton(el, 'established').click();
    await settle(el);
    expect(assessments(b, widgetId).map((a) => [a.id, a.props.status])).toEqual([[assessmentId(widgetId, 2), 'established']]);
    expect(changes).toEqual([
      { criterion: 2, status: 'under-way' },
      { criterion: 2, status: 'established' },
    ]);
    // The peer sees it.
    expect(boards.remote.get(assessmentId(widgetId, 2))?.props).toMatchObject({ status: 'established' });
  });

  it('two boards setting an assessment concurrently converge to one record', async () => {
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    const a = new Board(docA);
    const b = new Board(docB);
    const wid = addWidget(a);
    syncBoth(docA, docB);
    const elA = await mountOn(a, wid);
    const elB = await mountOn(b, wid, { userName: 'Bo', clientTag: 'tag-bo' });
    await elA.openPiece(7);
    await elB.openPiece(7);
    await settle(elA);
    await settle(elB);
    statusButton(elA, 'under-way').click();
    statusButton(elB, 'established').click();
    expect(assessments(a, wid)).toHaveLength(1);
    expect(assessments(b, wid)).toHaveLength(1);
    syncBoth(docA, docB);
    await settle(elA);
    await settle(elB);
    const [ra, rb] = [assessments(a, wid), assessments(b, wid)];
    expect(ra).toHaveLength(1);
    expect(rb).toEqual(ra);
    expect(ra[0]?.id).toBe(assessmentId(wid, 7));
    expect(piece(elA, 7).dataset.status).toBe(ra[0]?.props.status);
    expect(piece(elB, 7).dataset.status).toBe(ra[0]?.props.status);
    a.destroy();
    b.destroy();
  });

  it('adds notes with and without the name, and deletes only own notes', async () => {
    const b = boards.local;
    b.create('theme-note', { props: { widget: widgetId, criterion: 1, text: 'fra Bo', author: 'Bo' }, createdBy: 'tag-bo' }, ORIGIN);
    const el = await mountOn(b, widgetId);
    await el.openPiece(1);
    await settle(el);
    const add = root(el).querySelector('.add-button') as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    await typeNote(el, '  Vi mødes hver uge  ');
    (root(el).querySelector('form.add') as HTMLFormElement).requestSubmit();
    await settle(el);
    let mine = notes(b, widgetId).filter((n) => n.createdBy === 'tag-anna');
    expect(mine.map((n) => n.props)).toEqual([{ widget: widgetId, criterion: 1, text: 'Vi mødes hver uge', author: 'Anna' }]);
    expect((root(el).querySelector('#note-text') as HTMLTextAreaElement).value).toBe('');

    await typeNote(el, 'anonym');
    const box = root(el).querySelector('.check input') as HTMLInputElement;
    box.click();
    await settle(el);
    (root(el).querySelector('.add-button') as HTMLButtonElement).click();
    await settle(el);
    mine = notes(b, widgetId).filter((n) => n.createdBy === 'tag-anna');
    expect(mine.map((n) => n.props.author).sort()).toEqual(['', 'Anna']);
    expect(marks(el, 1).querySelector('.badge text')?.textContent).toBe('3');
    expect([...root(el).querySelectorAll('.note-author')].map((n) => n.textContent?.trim())).toContain('Uden navn');

    // Bo's note has no delete button; Anna's do.
    const items = [...root(el).querySelectorAll<HTMLElement>('.note')];
    const bo = items.find((i) => i.querySelector('.note-text')?.textContent === 'fra Bo') as HTMLElement;
    expect(bo.querySelector('.delete')).toBeNull();
    const anon = items.find((i) => i.querySelector('.note-text')?.textContent === 'anonym') as HTMLElement;
    const del = anon.querySelector('.delete') as HTMLButtonElement;
    expect(del.getAttribute('aria-label')).toBe('Slet note: anonym');
    del.click();
    await settle(el);
    expect(notes(b, widgetId).map((n) => n.props.text).sort()).toEqual(['Vi mødes hver uge', 'fra Bo']);
    expect(root(el).activeElement?.id).toBe('note-text');
  });

  it('reacts to remote changes: a note added remotely shows in the badge count, an assessment in the fill', async () => {
    const el = await mountOn(boards.local, widgetId);
    expect(marks(el, 5).querySelector('.badge text')?.textContent).toBe('0');
    boards.remote.create('theme-note', { props: { widget: widgetId, criterion: 5, text: 'remote', author: 'Bo' } }, 'peer');
    await settle(el);
    expect(marks(el, 5).querySelector('.badge text')?.textContent).toBe('1');
    expect(described(el, 5)).toContain('1 note');
    boards.remote.create('theme-assessment', { id: assessmentId(widgetId, 5), props: { widget: widgetId, criterion: 5, status: 'established' } }, 'peer');
    await settle(el);
    expect(piece(el, 5).dataset.status).toBe('established');
  });

  it('blocks every write when readonly, and says why', async () => {
    const b = boards.local;
    const mine = b.create('theme-note', { props: { widget: widgetId, criterion: 3, text: 'min', author: 'Anna' }, createdBy: 'tag-anna' }, ORIGIN);
    const el = await mountOn(b, widgetId, { readonly: true });
    await el.openPiece(3);
    await settle(el);
    const locked = root(el).querySelector('.locked') as HTMLElement;
    expect(locked.textContent).toContain('låst');
    const buttons = [...root(el).querySelectorAll<HTMLButtonElement>('.panel button[data-status]')];
    expect(buttons).toHaveLength(3);
    for (const btn of buttons) {
      expect(btn.disabled).toBe(true);
      expect(btn.getAttribute('aria-describedby')).toBe(locked.id);
      btn.click();
    }
    const area = root(el).querySelector('#note-text') as HTMLTextAreaElement;
    expect(area.disabled).toBe(true);
    const del = root(el).querySelector(`.note[data-item-id="${mine}"] .delete`) as HTMLButtonElement;
    expect(del.disabled).toBe(true);
    del.click();
    (root(el).querySelector('form.add') as HTMLFormElement).requestSubmit();
    await settle(el);
    expect(assessments(b, widgetId)).toHaveLength(0);
    expect(notes(b, widgetId)).toHaveLength(1);
  });

  it('shows hostile text as text', async () => {
    const b = boards.local;
    b.create('theme-note', { props: { widget: widgetId, criterion: 1, text: HOSTILE, author: HOSTILE } }, ORIGIN);
    const fake = fakePresence();
    const el = await mountOn(b, widgetId, { presence: fake.presence });
    fake.setPeers([
      { clientId: 9, user: { name: HOSTILE, color: '#b3261e' }, cursor: null, view: null, drags: [{ itemId: assessmentId(widgetId, 1), x: 150, y: 100 }] },
    ]);
    await el.openPiece(1);
    await settle(el);
    expect(root(el).querySelector('img')).toBeNull();
    expect(root(el).querySelector('.note-text')?.textContent).toBe(HOSTILE);
    expect(root(el).querySelector('.note-author')?.textContent?.trim()).toBe(`Skrevet af ${HOSTILE}`);
    expect(root(el).querySelector('.ghost-name')?.textContent).toBe(HOSTILE);
  });

  it('re-renders in English when the locale changes', async () => {
    const el = await mountOn(boards.local, widgetId);
    await el.openPiece(5);
    await settle(el);
    expect(root(el).querySelector('.legend-title')?.textContent).toBe('De syv kvalitetskriterier');
    setLocale('en');
    await settle(el);
    expect(pieces(el).map((p) => p.querySelector('.name')?.textContent?.trim())).toEqual(CRITERIA.map((c) => c.name.en));
    expect(root(el).querySelector('.legend-title')?.textContent).toBe('The seven quality criteria');
    expect(marks(el, 1).querySelector('.status-text')?.textContent).toBe('Not started');
    expect(root(el).querySelector('#panel-title')?.textContent).toBe('Leadership responsibility');
    expect(root(el).querySelector('.panel-text')?.textContent).toBe(CRITERIA[4]?.text.en);
    expect(statusButton(el, 'under-way').textContent?.trim()).toBe('Under way');
    expect(root(el).querySelector('.check')?.textContent?.trim()).toBe('Post without my name');
  });

  it('lifts a piece with the pointer: it follows, is published to presence, snaps back and writes nothing', async () => {
    const b = boards.local;
    const fake = fakePresence();
    const el = await mountOn(b, widgetId, { presence: fake.presence });
    let writes = 0;
    b.doc.on('update', () => writes++);
    const p2 = piece(el, 2);
    const box = p2.getBoundingClientRect();
    const [x0, y0] = [box.left + box.width / 2, box.top + box.height / 2];
    pointer(p2, 'pointerdown', x0, y0);
    pointer(p2, 'pointermove', x0 + 20, y0 + 10);
    pointer(p2, 'pointermove', x0 + 50, y0 + 25);
    await settle(el);
    // The element is 480px wide for a 960-unit layout: 50px are 100 units.
    const lifted = root(el).querySelector('.lifted') as SVGGElement;
    expect(lifted).not.toBeNull();
    expect(lifted.getAttribute('style')).toContain('translate(100px, 50px)');
    expect(p2.classList.contains('hole')).toBe(true);
    const last = fake.sent.at(-1);
    expect(last).toEqual([{ itemId: assessmentId(widgetId, 2), x: 100 + 244 + 100, y: 50 + 8 + 50 }]);
    pointer(p2, 'pointerup', x0 + 50, y0 + 25);
    p2.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle(el);
    expect(fake.sent.at(-1)).toEqual([]);
    expect(panel(el)).toBeNull();
    await new Promise((r) => setTimeout(r, 700));
    await settle(el);
    expect(root(el).querySelector('.lifted')).toBeNull();
    expect(p2.classList.contains('hole')).toBe(false);
    expect(writes).toBe(0);
    expect(assessments(b, widgetId)).toHaveLength(0);
  });

  it("shows a peer's lifted piece as a ghost with the peer's name, and drops it when they let go", async () => {
    const fake = fakePresence();
    const el = await mountOn(boards.local, widgetId, { presence: fake.presence });
    expect(root(el).querySelector('.ghost')).toBeNull();
    fake.setPeers([
      { clientId: 7, user: { name: 'Bo', color: '#0b7a75' }, cursor: null, view: null, drags: [{ itemId: assessmentId(widgetId, 6), x: 100 + 244 + 30, y: 50 + 320 - 40 }] },
      { clientId: 8, user: { name: 'Other', color: '#0b7a75' }, cursor: null, view: null, drags: [{ itemId: 'someOtherItem', x: 0, y: 0 }] },
    ]);
    await settle(el);
    const ghosts = [...root(el).querySelectorAll('.ghost')];
    expect(ghosts).toHaveLength(1);
    expect(ghosts[0]?.querySelector('.ghost-name')?.textContent).toBe('Bo');
    expect(ghosts[0]?.getAttribute('style')).toContain('translate(30px, -40px)');
    fake.setPeers([]);
    await settle(el);
    expect(root(el).querySelector('.ghost')).toBeNull();
  });
});
