import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../src/i18n/index.js';
import type { Board } from '../../src/model/index.js';
import type { Peer } from '../../src/sync/presence.js';
import { FakePresence, mount, settle, syncedBoards } from '../shared/test-utils.js';
import './bor-gor-matrix.js';
import type { KbBorGorMatrix } from './bor-gor-matrix.js';

type Field = 'bor-gor' | 'bor-ikke-gor' | 'gor-ikke-bor' | 'hverken';

let sync: ReturnType<typeof syncedBoards>;
let local: Board;
let remote: Board;
let widgetId: string;
const origin = { user: 'me' };
const elements: HTMLElement[] = [];

function addNote(board: Board, field: Field, text: string, order: number, extra: Record<string, unknown> = {}): string {
  return board.create('matrix-note', { props: { widget: widgetId, field, text, order, ...extra } }, 'setup');
}

async function mountMatrix(board: Board, props: Partial<KbBorGorMatrix> = {}): Promise<KbBorGorMatrix> {
  const el = await mount<KbBorGorMatrix>('kb-bor-gor-matrix', { board, widgetId, origin, ...props });
  el.style.width = '960px';
  elements.push(el);
  await settle(el);
  return el;
}

const root = (el: KbBorGorMatrix) => el.shadowRoot as ShadowRoot;
const noteEl = (el: KbBorGorMatrix, id: string) => root(el).querySelector<HTMLElement>(`li[data-item-id="${id}"]`) as HTMLElement;
const fieldIds = (el: KbBorGorMatrix, f: Field) =>
  [...root(el).querySelectorAll<HTMLElement>(`section[data-field="${f}"] li[data-item-id]`)].map((li) => li.dataset.itemId);
const notes = (board: Board) => board.owned(widgetId, 'matrix-note');
const note = (board: Board, id: string) => notes(board).find((n) => n.id === id);

function key(target: Element, k: string, init: KeyboardEventInit = {}): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true, ...init }));
}

/** A pointer event; two people in one test page are two pointers (`pointerId`). */
function pointer(target: Element, type: string, x: number, y: number, pointerId = 1): void {
  target.dispatchEvent(
    new PointerEvent(type, { pointerId, pointerType: 'mouse', isPrimary: true, clientX: x, clientY: y, button: 0, buttons: type === 'pointerup' ? 0 : 1, bubbles: true, composed: true, cancelable: true }),
  );
}

function center(el: Element): { x: number; y: number } {
  const r = el.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

/** A point in the notes area of `f`, well past any existing notes. */
function emptyPointIn(el: KbBorGorMatrix, f: Field): { x: number; y: number } {
  const r = root(el).querySelector(`section[data-field="${f}"]`)!.getBoundingClientRect();
  return { x: r.right - 20, y: r.bottom - 20 };
}

function byName(scope: ParentNode, name: string): HTMLButtonElement {
  const found = [...scope.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === name,
  );
  if (!found) throw new Error(`no button named ${name}`);
  return found;
}

beforeEach(() => {
  sync = syncedBoards();
  local = sync.local;
  remote = sync.remote;
  widgetId = local.create('widget', { props: { widget: 'bor-gor-matrix' }, geometry: { x: 100, y: 200, w: 960, h: 720 } }, 'setup');
});

afterEach(() => {
  for (const el of elements.splice(0)) el.remove();
  setLocale('da');
  sync.destroy();
});

describe('<kb-bor-gor-matrix>', () => {
  it('renders notes from the document in their fields, in order, with data-item-id', async () => {
    const b = addNote(local, 'bor-gor', 'Second', 2);
    const a = addNote(local, 'bor-gor', 'First', 1);
    const c = addNote(local, 'bor-gor', 'Third', 3);
    const d = addNote(local, 'hverken', 'Blind spot', 1);
    const el = await mountMatrix(local);
    expect(fieldIds(el, 'bor-gor')).toEqual([a, b, c]);
    expect(fieldIds(el, 'hverken')).toEqual([d]);
    expect(fieldIds(el, 'bor-ikke-gor')).toEqual([]);
    expect(noteEl(el, a).textContent).toContain('First');
    // Flow: the second note sits right of the first, inside the top-left field.
    const ra = noteEl(el, a).getBoundingClientRect();
    const rb = noteEl(el, b).getBoundingClientRect();
    expect(rb.left).toBeGreaterThan(ra.right - 1);
    expect(Math.abs(rb.top - ra.top)).toBeLessThan(1);
    // Fields, axis labels and questions are there.
    const text = root(el).textContent ?? '';
    for (const s of ['Bør og gør', 'Bør, men gør ikke', 'Gør, men bør ikke', 'Bør ikke og gør ikke', 'Er der noget, vi ikke ser?', 'Gør ikke', 'Bør ikke']) {
      expect(text).toContain(s);
    }
    // Natural layout scaled to the width: 960 wide is 720 high.
    expect(Math.round(root(el).querySelector('.stage')!.getBoundingClientRect().height)).toBe(720);
  });

  it('adds a note through the UI: one matrix-note in the field; empty text is not saved; Escape cancels', async () => {
    const el = await mountMatrix(local);
    const events: unknown[] = [];
    el.addEventListener('kb-note-add', (e) => events.push((e as CustomEvent).detail));
    const add = root(el).querySelector<HTMLButtonElement>('button.add[data-field="gor-ikke-bor"]')!;
    expect(add.getAttribute('aria-label')).toBe('Tilføj seddel i Gør, men bør ikke');
    add.click();
    await settle(el);
    const area = root(el).querySelector<HTMLTextAreaElement>('textarea[data-draft="gor-ikke-bor"]')!;
    expect(root(el).activeElement).toBe(area);
    key(area, 'Enter'); // empty: nothing
    expect(notes(local)).toHaveLength(0);
    area.value = 'Vi holder møder for møders skyld';
    area.dispatchEvent(new InputEvent('input', { bubbles: true }));
    let changes = 0;
    local.observe(() => changes++);
    key(area, 'Enter');
    expect(changes).toBe(1);
    const list = notes(local);
    expect(list).toHaveLength(1);
    expect(list[0]!.props).toMatchObject({ field: 'gor-ikke-bor', text: 'Vi holder møder for møders skyld', widget: widgetId, criterion: 0 });
    expect(events).toEqual([{ id: list[0]!.id, field: 'gor-ikke-bor' }]);
    await settle(el);
    expect(fieldIds(el, 'gor-ikke-bor')).toEqual([list[0]!.id]);
    // The editor stays open for the next note; Escape closes it and focus returns to the button.
    key(area, 'Escape');
    await settle(el);
    expect(root(el).querySelector('textarea[data-draft]')).toBeNull();
    expect(root(el).activeElement).toBe(add);
    expect(notes(local)).toHaveLength(1);
  });

  it('moves a note from one field to another with a pointer drag, in one transaction, publishing presence', async () => {
    const a = addNote(local, 'bor-gor', 'Drag me', 1);
    const other = addNote(local, 'hverken', 'Already here', 1);
    const presence = new FakePresence();
    const el = await mountMatrix(local, { presence });
    const moves: unknown[] = [];
    el.addEventListener('kb-note-move', (e) => moves.push((e as CustomEvent).detail));
    let changes = 0;
    remote.observe(() => changes++);
    const li = noteEl(el, a);
    const from = center(li);
    const to = emptyPointIn(el, 'hverken');
    pointer(li, 'pointerdown', from.x, from.y);
    pointer(li, 'pointermove', from.x + 10, from.y + 10);
    pointer(li, 'pointermove', to.x, to.y);
    await settle(el);
    // In flight: nothing written, the target field highlighted, the drag published to presence.
    expect(changes).toBe(0);
    expect(root(el).querySelector('section[data-field="hverken"]')!.classList.contains('drop-target')).toBe(true);
    const last = presence.drags.at(-1)!;
    expect(last).toHaveLength(1);
    expect(last[0]).toMatchObject({ itemId: a, target: 'hverken' });
    expect(last[0]!.x).toBeGreaterThan(100 + 480);
    expect(last[0]!.y).toBeGreaterThan(200 + 360);
    pointer(li, 'pointerup', to.x, to.y);
    expect(changes).toBe(1);
    expect(note(remote, a)!.props.field).toBe('hverken');
    expect(note(remote, a)!.props.order).toBeGreaterThan(note(remote, other)!.props.order);
    expect(presence.drags.at(-1)).toEqual([]);
    expect(moves).toEqual([{ id: a, field: 'hverken', order: note(local, a)!.props.order }]);
    await settle(el);
    expect(fieldIds(el, 'hverken')).toEqual([other, a]);
  });

  it('drops a note at a position within a field', async () => {
    const a = addNote(local, 'bor-gor', 'A', 1);
    const b = addNote(local, 'bor-gor', 'B', 2);
    const c = addNote(local, 'bor-ikke-gor', 'C', 1);
    const el = await mountMatrix(local);
    const target = noteEl(el, a).getBoundingClientRect();
    const li = noteEl(el, c);
    const from = center(li);
    pointer(li, 'pointerdown', from.x, from.y);
    pointer(li, 'pointermove', from.x - 30, from.y);
    // Left part of the first note: insert before it.
    pointer(li, 'pointermove', target.left + 5, target.top + 5);
    pointer(li, 'pointerup', target.left + 5, target.top + 5);
    await settle(el);
    expect(fieldIds(el, 'bor-gor')).toEqual([c, a, b]);
  });

  it('moves with the keyboard: M opens a menu of fields, Alt+Arrow moves to the neighbour, Ctrl+Arrow reorders', async () => {
    const a = addNote(local, 'bor-gor', 'A', 1);
    const b = addNote(local, 'bor-gor', 'B', 2);
    const el = await mountMatrix(local);
    noteEl(el, a).focus();
    await settle(el);
    key(noteEl(el, a), 'm');
    await settle(el);
    const menu = root(el).querySelector<HTMLElement>(`li[data-item-id="${a}"] .menu[data-menu="move"]`)!;
    expect(menu).not.toBeNull();
    const names = [...menu.querySelectorAll('button')].map((x) => x.textContent!.trim());
    expect(names).toEqual(['Bør og gør', 'Bør, men gør ikke', 'Gør, men bør ikke', 'Bør ikke og gør ikke']);
    expect(byName(menu, 'Bør og gør').disabled).toBe(true);
    byName(menu, 'Bør, men gør ikke').click();
    expect(note(remote, a)!.props.field).toBe('bor-ikke-gor');
    await settle(el);
    expect(root(el).activeElement).toBe(noteEl(el, a));
    // Alt+ArrowDown: to the field below (bør ikke / gør ikke), keeping focus.
    key(noteEl(el, a), 'ArrowDown', { altKey: true });
    expect(note(remote, a)!.props.field).toBe('hverken');
    await settle(el);
    expect(fieldIds(el, 'hverken')).toEqual([a]);
    expect(root(el).activeElement).toBe(noteEl(el, a));
    key(noteEl(el, a), 'ArrowDown', { altKey: true }); // edge: nothing
    expect(note(remote, a)!.props.field).toBe('hverken');
    // Ctrl+ArrowUp reorders within the field.
    noteEl(el, b).focus();
    const c = addNote(local, 'bor-gor', 'C', 3);
    await settle(el);
    key(noteEl(el, c), 'ArrowUp', { ctrlKey: true });
    await settle(el);
    expect(fieldIds(el, 'bor-gor')).toEqual([c, b]);
    key(noteEl(el, c), 'ArrowDown', { metaKey: true });
    await settle(el);
    expect(fieldIds(el, 'bor-gor')).toEqual([b, c]);
  });

  it('the Move button opens the same menu (click alternative)', async () => {
    const a = addNote(local, 'hverken', 'A', 1);
    const el = await mountMatrix(local);
    noteEl(el, a).focus();
    await settle(el);
    byName(noteEl(el, a), 'Flyt seddel').click();
    await settle(el);
    byName(noteEl(el, a), 'Bør og gør').click();
    expect(note(local, a)!.props.field).toBe('bor-gor');
  });

  it('shows the actions of the focused note only; Escape closes a menu and returns focus; leaving closes them', async () => {
    const a = addNote(local, 'bor-gor', 'A', 1);
    const b = addNote(local, 'gor-ikke-bor', 'B', 1);
    const el = await mountMatrix(local);
    expect(root(el).querySelector('.pop')).toBeNull();
    noteEl(el, a).focus();
    await settle(el);
    expect(noteEl(el, a).querySelector('.pop')).not.toBeNull();
    const move = byName(noteEl(el, a), 'Flyt seddel');
    move.click();
    await settle(el);
    expect(move.getAttribute('aria-expanded')).toBe('true');
    const first = root(el).activeElement as HTMLElement;
    expect(first.textContent!.trim()).toBe('Bør, men gør ikke');
    key(first, 'ArrowDown');
    expect((root(el).activeElement as HTMLElement).textContent!.trim()).toBe('Gør, men bør ikke');
    key(root(el).activeElement!, 'Escape');
    await settle(el);
    expect(noteEl(el, a).querySelector('.menu')).toBeNull();
    expect(root(el).activeElement?.getAttribute('data-action')).toBe('move');
    noteEl(el, b).focus();
    await settle(el);
    expect(noteEl(el, a).querySelector('.pop')).toBeNull();
    expect(noteEl(el, b).querySelector('.pop')).not.toBeNull();
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    await settle(el);
    expect(root(el).querySelector('.pop')).toBeNull();
    outside.remove();
  });

  it('a drag dropped outside the fields, or cancelled, writes nothing and clears presence', async () => {
    const a = addNote(local, 'bor-gor', 'A', 1);
    const presence = new FakePresence();
    const el = await mountMatrix(local, { presence });
    let changes = 0;
    local.observe(() => changes++);
    const li = noteEl(el, a);
    const from = center(li);
    const stage = root(el).querySelector('.stage')!.getBoundingClientRect();
    pointer(li, 'pointerdown', from.x, from.y);
    pointer(li, 'pointermove', stage.left + 3, stage.top + 3);
    pointer(li, 'pointerup', stage.left + 3, stage.top + 3);
    expect(presence.drags.at(-1)).toEqual([]);
    pointer(li, 'pointerdown', from.x, from.y);
    pointer(li, 'pointermove', from.x + 200, from.y + 300);
    pointer(li, 'pointercancel', from.x + 200, from.y + 300);
    await settle(el);
    expect(changes).toBe(0);
    expect(presence.drags.at(-1)).toEqual([]);
    expect(root(el).querySelector('.dragging, .drop-target, .marker')).toBeNull();
  });

  it('saves a new note with the Save button (click alternative to Enter)', async () => {
    const el = await mountMatrix(local, { clientTag: 'tag-1' });
    root(el).querySelector<HTMLButtonElement>('button.add[data-field="hverken"]')!.click();
    await settle(el);
    const draft = root(el).querySelector<HTMLElement>('.draft')!;
    draft.querySelector('textarea')!.value = 'Noget vi ikke ser';
    byName(draft, 'Gem').click();
    expect(notes(local).map((n) => [n.props.field, n.props.text, n.createdBy])).toEqual([['hverken', 'Noget vi ikke ser', 'tag-1']]);
    byName(draft, 'Annuller').click();
    await settle(el);
    expect(root(el).querySelector('.draft')).toBeNull();
  });

  it('re-renders when a peer moves, edits or deletes a note', async () => {
    const a = addNote(local, 'bor-gor', 'A', 1);
    const el = await mountMatrix(local);
    remote.updateProps<'matrix-note'>(a, { field: 'gor-ikke-bor', text: 'Flyttet' }, 'peer');
    await settle(el);
    expect(fieldIds(el, 'bor-gor')).toEqual([]);
    expect(fieldIds(el, 'gor-ikke-bor')).toEqual([a]);
    expect(noteEl(el, a).textContent).toContain('Flyttet');
    remote.delete([a], 'peer');
    await settle(el);
    expect(noteEl(el, a)).toBeNull();
  });

  it('two participants dragging two different notes at once both land', async () => {
    const a = addNote(local, 'bor-gor', 'A', 1);
    const b = addNote(local, 'bor-gor', 'B', 2);
    const mine = await mountMatrix(local);
    const theirs = await mountMatrix(remote, { origin: { user: 'them' } });
    const la = noteEl(mine, a);
    const lb = noteEl(theirs, b);
    const fa = center(la);
    const fb = center(lb);
    const ta = emptyPointIn(mine, 'bor-ikke-gor');
    const tb = emptyPointIn(theirs, 'hverken');
    pointer(la, 'pointerdown', fa.x, fa.y);
    pointer(lb, 'pointerdown', fb.x, fb.y, 2);
    pointer(la, 'pointermove', ta.x, ta.y);
    pointer(lb, 'pointermove', tb.x, tb.y, 2);
    pointer(la, 'pointerup', ta.x, ta.y);
    pointer(lb, 'pointerup', tb.x, tb.y, 2);
    await settle(mine);
    await settle(theirs);
    for (const board of [local, remote]) {
      expect(note(board, a)!.props.field).toBe('bor-ikke-gor');
      expect(note(board, b)!.props.field).toBe('hverken');
    }
    expect(fieldIds(mine, 'bor-ikke-gor')).toEqual([a]);
    expect(fieldIds(mine, 'hverken')).toEqual([b]);
    expect(fieldIds(theirs, 'bor-ikke-gor')).toEqual([a]);
  });

  it('tags a note with a criterion, shown as a numbered badge with an accessible name, and changes its colour', async () => {
    const a = addNote(local, 'bor-gor', 'A', 1);
    const el = await mountMatrix(local);
    noteEl(el, a).focus();
    await settle(el);
    byName(noteEl(el, a), 'Vælg kriterium').click();
    await settle(el);
    byName(noteEl(el, a), 'Kriterium 3: Formalisering af processer').click();
    expect(note(remote, a)!.props.criterion).toBe(3);
    await settle(el);
    const badge = noteEl(el, a).querySelector<HTMLElement>('.badge')!;
    expect(badge.textContent!.trim()).toBe('3');
    expect(badge.getAttribute('role')).toBe('img');
    expect(badge.getAttribute('aria-label')).toBe('Kriterium 3: Formalisering af processer');
    expect(getComputedStyle(badge).backgroundColor).toBe('rgb(239, 143, 168)');
    // Focus went back to the criterion button.
    expect(root(el).activeElement?.getAttribute('data-action')).toBe('criterion');
    byName(noteEl(el, a), 'Skift farve').click();
    await settle(el);
    byName(noteEl(el, a), 'Blå').click();
    expect(note(remote, a)!.props.color).toBe('blue');
    await settle(el);
    expect(noteEl(el, a).classList.contains('color-blue')).toBe(true);
    // A remote tag shows too; 0 removes the badge.
    remote.updateProps<'matrix-note'>(a, { criterion: 0 }, 'peer');
    await settle(el);
    expect(noteEl(el, a).querySelector('.badge')).toBeNull();
  });

  it('edits text by double-click, Enter or the edit button; Escape cancels; empty text is not saved; deletes', async () => {
    const a = addNote(local, 'bor-gor', 'Old', 1);
    const b = addNote(local, 'bor-gor', 'Other', 2);
    const el = await mountMatrix(local);
    noteEl(el, a).querySelector('.text')!.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    await settle(el);
    let area = noteEl(el, a).querySelector('textarea')!;
    expect(root(el).activeElement).toBe(area);
    area.value = 'New text';
    key(area, 'Enter');
    expect(note(local, a)!.props.text).toBe('New text');
    await settle(el);
    expect(root(el).activeElement).toBe(noteEl(el, a));
    key(noteEl(el, a), 'Enter');
    await settle(el);
    area = noteEl(el, a).querySelector('textarea')!;
    area.value = 'Discarded';
    key(area, 'Escape');
    await settle(el);
    expect(note(local, a)!.props.text).toBe('New text');
    expect(noteEl(el, a).querySelector('textarea')).toBeNull();
    byName(noteEl(el, a), 'Rediger seddel').click();
    await settle(el);
    area = noteEl(el, a).querySelector('textarea')!;
    area.value = '   ';
    key(area, 'Enter');
    expect(note(local, a)!.props.text).toBe('New text');
    await settle(el);
    // Delete via the button; focus moves to the neighbouring note.
    byName(noteEl(el, a), 'Slet seddel').click();
    expect(note(local, a)).toBeUndefined();
    await settle(el);
    expect(root(el).activeElement).toBe(noteEl(el, b));
    key(noteEl(el, b), 'Delete');
    expect(notes(local)).toHaveLength(0);
  });

  it('readonly blocks every write and says why', async () => {
    const a = addNote(local, 'bor-gor', 'A', 1);
    const el = await mountMatrix(local, { readonly: true });
    let changes = 0;
    local.observe(() => changes++);
    const add = root(el).querySelector<HTMLButtonElement>('button.add')!;
    expect(add.disabled).toBe(true);
    expect(add.getAttribute('aria-describedby')).toBe('locked');
    expect(root(el).getElementById('locked')!.textContent).toContain('Tavlen er låst');
    add.click();
    await settle(el);
    expect(root(el).querySelector('textarea')).toBeNull();
    const li = noteEl(el, a);
    li.focus();
    await settle(el);
    for (const b of noteEl(el, a).querySelectorAll('button')) expect(b.disabled).toBe(true);
    key(li, 'ArrowRight', { altKey: true });
    key(li, 'Delete');
    key(li, 'Enter');
    key(li, 'm');
    const from = center(li);
    const to = emptyPointIn(el, 'hverken');
    pointer(li, 'pointerdown', from.x, from.y);
    pointer(li, 'pointermove', to.x, to.y);
    pointer(li, 'pointerup', to.x, to.y);
    li.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    await settle(el);
    expect(changes).toBe(0);
    expect(root(el).querySelector('textarea, .menu')).toBeNull();
  });

  it('its kind names this element and its natural size, and focus() enters the matrix', async () => {
    const { widgetKind } = await import('../../src/kinds/index.js');
    expect(widgetKind('bor-gor-matrix')).toMatchObject({ tag: 'kb-bor-gor-matrix', size: { w: 960, h: 720 } });
    expect(customElements.get('kb-bor-gor-matrix')).toBeDefined();
    const el = await mountMatrix(local);
    el.focus();
    expect(root(el).activeElement).toBe(root(el).querySelector('button.add[data-field="bor-gor"]'));
  });

  it('shows hostile text as text', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const a = addNote(local, 'bor-gor', evil, 1);
    const el = await mountMatrix(local);
    expect(noteEl(el, a).querySelector('.text')!.textContent).toBe(evil);
    expect(root(el).querySelector('img')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('switches language', async () => {
    const a = addNote(local, 'bor-gor', 'A', 3, { criterion: 5 });
    const el = await mountMatrix(local);
    setLocale('en');
    await settle(el);
    const text = root(el).textContent ?? '';
    expect(text).toContain('Should/Do matrix');
    expect(text).toContain('Should and do');
    expect(text).toContain('What should we start doing?');
    expect(text).toContain('Add note');
    expect(root(el).querySelector('button.add')!.getAttribute('aria-label')).toBe('Add note in Should and do');
    expect(noteEl(el, a).querySelector('.badge')!.getAttribute('aria-label')).toBe('Criterion 5: Leadership responsibility');
    setLocale('da');
    await settle(el);
    expect(root(el).textContent).toContain('Bør og gør');
  });

  it("shows a peer's in-flight drag of its notes as a named ghost", async () => {
    const a = addNote(local, 'bor-gor', 'Peer drags me', 1);
    const presence = new FakePresence();
    const el = await mountMatrix(local, { presence });
    presence.peerList = [
      { clientId: 7, user: { name: 'Sofie <b>', color: '#7d3c98' }, cursor: null, view: null, drags: [{ itemId: a, x: 100 + 600, y: 200 + 500, target: 'hverken' }] },
      { clientId: 8, user: { name: 'Other', color: '#b3261e' }, cursor: null, view: null, drags: [{ itemId: 'not-ours', x: 0, y: 0 }] },
    ];
    presence.emit();
    await settle(el);
    const ghosts = root(el).querySelectorAll<HTMLElement>('.ghost');
    expect(ghosts).toHaveLength(1);
    expect(ghosts[0]!.dataset.ghostOf).toBe(a);
    const stage = root(el).querySelector('.stage')!.getBoundingClientRect();
    expect(Math.round(ghosts[0]!.getBoundingClientRect().left - stage.left)).toBe(600);
    expect(root(el).querySelector('.ghost-name')!.textContent!.trim()).toBe('Sofie <b>');
    expect(root(el).querySelector('section[data-field="hverken"]')!.classList.contains('peer-target')).toBe(true);
    presence.peerList = [];
    presence.emit();
    await settle(el);
    expect(root(el).querySelector('.ghost')).toBeNull();
  });
});
