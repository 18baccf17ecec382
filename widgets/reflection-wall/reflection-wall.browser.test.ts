import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_REFLECTIONS } from '../../src/content/reflections.js';
import { setLocale } from '../../src/i18n/index.js';
import { Board } from '../../src/model/index.js';
import { likeId } from '../../src/model/wall-like.js';
import type { DragState, Peer, Presence } from '../../src/sync/presence.js';
import { mount, settle, syncedBoards } from '../shared/test-utils.js';
import './reflection-wall.js';
import type { KbReflectionWall } from './reflection-wall.js';
import { seedWall } from '../../src/kinds/reflection-wall/seed.js';
import { widgetKind } from '../../src/kinds/index.js';

const ORIGIN = { user: 'me' };
const HOSTILE = '<img src=x onerror=alert(1)>';
const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const c of cleanups.splice(0)) c();
  document.body.replaceChildren();
  setLocale('da');
});

function newBoard(): Board {
  const doc = new Y.Doc();
  const board = new Board(doc);
  cleanups.push(() => {
    board.destroy();
    doc.destroy();
  });
  return board;
}

function placeWidget(board: Board): string {
  return board.create('widget', { props: { widget: 'reflection-wall' }, geometry: { x: 100, y: 200, w: 1200, h: 800 } }, ORIGIN);
}

/** A board with a placed, seeded wall; returns the board, widget id and column ids. */
function seededBoard(board = newBoard()): { board: Board; widgetId: string; columns: string[] } {
  const widgetId = placeWidget(board);
  const columns = seedWall(board, widgetId, 'da', ORIGIN);
  return { board, widgetId, columns };
}

async function mountWall(board: Board, widgetId: string, props: Partial<KbReflectionWall> = {}): Promise<KbReflectionWall> {
  const el = await mount<KbReflectionWall>('kb-reflection-wall', {
    board,
    widgetId,
    origin: ORIGIN,
    userName: 'Mette',
    clientTag: 'tagA',
    ...props,
  });
  el.style.width = '1200px';
  await settle(el);
  return el;
}

function q<T extends Element = HTMLElement>(el: KbReflectionWall, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

function qa<T extends Element = HTMLElement>(el: KbReflectionWall, selector: string): T[] {
  return [...el.shadowRoot!.querySelectorAll<T>(selector)];
}

function posts(board: Board, columnId: string) {
  return board.owned(columnId, 'wall-post');
}

async function type(el: KbReflectionWall, columnId: string, text: string): Promise<HTMLTextAreaElement> {
  const area = q<HTMLTextAreaElement>(el, `#answer-${columnId}`);
  area.focus();
  area.value = text;
  area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  return area;
}

function postButton(el: KbReflectionWall, columnId: string): HTMLButtonElement {
  return q<HTMLButtonElement>(el, `[data-item-id="${columnId}"] .post-button`);
}

function fakePresence(peers: Peer[] = []): Presence & { sent: DragState[][]; fire(): void } {
  const listeners = new Set<() => void>();
  const sent: DragState[][] = [];
  return {
    self: { name: 'Mette', color: '#1f5fa8' },
    clientId: 1,
    sent,
    setCursor() {},
    setDrags(d) {
      sent.push(d);
    },
    setView() {},
    peers: () => peers,
    onChange(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    fire() {
      for (const l of listeners) l();
    },
  };
}

describe('seedWall', () => {
  it('creates the three default columns in the chosen language in one transaction', () => {
    for (const locale of ['da', 'en'] as const) {
      const board = newBoard();
      const widgetId = placeWidget(board);
      let transactions = 0;
      board.observe(() => transactions++);
      const ids = seedWall(board, widgetId, locale, ORIGIN);
      expect(transactions).toBe(1);
      expect(ids).toHaveLength(3);
      const columns = board.owned(widgetId, 'wall-column').sort((a, b) => a.props.order - b.props.order);
      expect(columns.map((c) => c.props.title)).toEqual(DEFAULT_REFLECTIONS.map((r) => r.title[locale]));
      expect(columns[0]!.props.questions.split('\n')).toEqual(DEFAULT_REFLECTIONS[0]!.questions.map((x) => x[locale]));
      // Seeding again leaves the wall as it is.
      expect(seedWall(board, widgetId, locale, ORIGIN)).toEqual([]);
      expect(board.owned(widgetId, 'wall-column')).toHaveLength(3);
    }
  });
});

describe('registration', () => {
  it('its kind names the element, its natural size and its seeding', () => {
    const def = widgetKind('reflection-wall');
    expect(def.tag).toBe('kb-reflection-wall');
    expect(customElements.get(def.tag)).toBeDefined();
    expect(def.size).toEqual({ w: 1200, h: 800 });
    const board = newBoard();
    // The canvas seeds inside its placing transaction: still one transaction.
    let transactions = 0;
    board.observe(() => transactions++);
    board.transact(() => {
      const widgetId = placeWidget(board);
      def.seed(board, widgetId, { locale: 'en' }, ORIGIN);
    }, ORIGIN);
    expect(transactions).toBe(1);
    expect(board.read().items.filter((i) => i.kind === 'wall-column').map((i) => i.kind === 'wall-column' && i.props.title).sort()).toEqual(
      DEFAULT_REFLECTIONS.map((r) => r.title.en).sort(),
    );
  });
});

describe('<kb-reflection-wall>', () => {
  it('focus() moves focus to its first control (and to none when locked)', async () => {
    const { board, widgetId } = seededBoard();
    const el = await mountWall(board, widgetId);
    el.focus();
    expect(el.shadowRoot!.activeElement).toBe(q(el, '.add-column'));
    el.readonly = true;
    await el.updateComplete;
    (document.activeElement as HTMLElement | null)?.blur();
    el.focus();
    expect(el.shadowRoot!.activeElement).toBeNull();
  });

  it('renders columns and posts from the document, with data-item-id', async () => {
    const { board, widgetId, columns } = seededBoard();
    const p1 = board.create('wall-post', { props: { column: columns[0]!, text: 'Ledelsen er med', author: 'Ali', order: 1 } }, ORIGIN);
    const p2 = board.create('wall-post', { props: { column: columns[0]!, text: 'Uden navn', author: '', order: 2 } }, ORIGIN);
    board.create('wall-like', { id: likeId(p1, 'tagB'), props: { post: p1, by: 'tagB' } }, ORIGIN);
    const el = await mountWall(board, widgetId);

    expect(qa(el, 'section.column').map((s) => s.dataset.itemId)).toEqual(columns);
    expect(qa(el, '.column .title').map((h) => h.textContent?.trim())).toEqual(DEFAULT_REFLECTIONS.map((r) => r.title.da));
    expect(qa(el, `[data-item-id="${columns[0]}"] .questions li`)).toHaveLength(DEFAULT_REFLECTIONS[0]!.questions.length);
    const cards = qa(el, `[data-item-id="${columns[0]}"] li.post`);
    expect(cards.map((c) => c.dataset.itemId)).toEqual([p1, p2]);
    expect(cards[0]!.querySelector('.post-text')!.textContent).toBe('Ledelsen er med');
    expect(cards[0]!.querySelector('.author')!.textContent).toBe('Ali');
    expect(cards[1]!.querySelector('.author')!.textContent).toBe('Anonym');
    const like = cards[0]!.querySelector('.like')!;
    expect(like.getAttribute('aria-pressed')).toBe('false');
    expect(like.querySelector('.like-count')!.textContent).toBe('1');
    expect(like.getAttribute('aria-label')).toContain('1');
    // Posts are not mine: no delete button.
    expect(cards[0]!.querySelector('.delete-post')).toBeNull();
  });

  it('posts an answer with my name, or anonymously with the checkbox, and emits kb-post', async () => {
    const { board, widgetId, columns } = seededBoard();
    const el = await mountWall(board, widgetId);
    const events: CustomEvent[] = [];
    const onPost = (e: Event) => events.push(e as CustomEvent);
    document.addEventListener('kb-post', onPost);
    cleanups.push(() => document.removeEventListener('kb-post', onPost));

    await type(el, columns[1]!, '  Vi har et ungeråd  ');
    postButton(el, columns[1]!).click();
    await settle(el);
    const [first] = posts(board, columns[1]!);
    expect(posts(board, columns[1]!)).toHaveLength(1);
    expect(first!.props).toMatchObject({ column: columns[1], text: 'Vi har et ungeråd', author: 'Mette' });
    expect(first!.createdBy).toBe('tagA');
    expect(events.map((e) => e.detail)).toEqual([{ id: first!.id, column: columns[1] }]);
    expect(q<HTMLTextAreaElement>(el, `#answer-${columns[1]}`).value).toBe('');
    expect(q(el, `[data-item-id="${first!.id}"] .post-text`).textContent).toBe('Vi har et ungeråd');

    const anon = q<HTMLInputElement>(el, `[data-item-id="${columns[1]}"] input.anonymous`);
    anon.click();
    await el.updateComplete;
    const area = await type(el, columns[1]!, 'Hemmeligt svar');
    // Ctrl+Enter posts.
    area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }));
    await settle(el);
    const all = posts(board, columns[1]!).sort((a, b) => a.props.order - b.props.order);
    expect(all).toHaveLength(2);
    expect(all[1]!.props).toMatchObject({ text: 'Hemmeligt svar', author: '' });
    expect(all[1]!.props.order).toBeGreaterThan(all[0]!.props.order);
    // Newest last on screen too.
    expect(qa(el, `[data-item-id="${columns[1]}"] li.post`).map((c) => c.dataset.itemId)).toEqual(all.map((p) => p.id));
    expect(q(el, `[data-item-id="${all[1]!.id}"] .author`).textContent).toBe('Anonym');
    // My named post can be deleted by me; my anonymous one carries no name, so it is not "mine" by name.
    expect(el.shadowRoot!.querySelector(`[data-item-id="${all[0]!.id}"] .delete-post`)).not.toBeNull();
    expect(el.shadowRoot!.querySelector(`[data-item-id="${all[1]!.id}"] .delete-post`)).toBeNull();
  });

  it('shows an inline message for empty or over-long text and writes nothing', async () => {
    const { board, widgetId, columns } = seededBoard();
    const el = await mountWall(board, widgetId);
    const col = columns[0]!;
    await type(el, col, '   ');
    postButton(el, col).click();
    await el.updateComplete;
    expect(q(el, `#error-${col}`).textContent?.trim()).toBe('Skriv et svar, før du poster.');
    expect(q(el, `#answer-${col}`).getAttribute('aria-invalid')).toBe('true');
    expect(q(el, `#answer-${col}`).getAttribute('aria-describedby')).toContain(`error-${col}`);

    await type(el, col, 'x'.repeat(501));
    expect(q(el, `#error-${col}`).textContent?.trim()).toContain('501');
    postButton(el, col).click();
    await el.updateComplete;
    expect(q(el, `#error-${col}`).textContent?.trim()).toBe('Svaret er for langt: 501 tegn, højst 500.');
    expect(posts(board, col)).toHaveLength(0);

    await type(el, col, 'x'.repeat(500));
    expect(q(el, `#error-${col}`).textContent?.trim()).toBe('');
    postButton(el, col).click();
    await settle(el);
    expect(posts(board, col)).toHaveLength(1);
  });

  it('toggles exactly one like record with the derived id, and emits kb-like', async () => {
    const { board, widgetId, columns } = seededBoard();
    const post = board.create('wall-post', { props: { column: columns[0]!, text: 'Godt', author: 'Ali', order: 1 } }, ORIGIN);
    const el = await mountWall(board, widgetId);
    const events: unknown[] = [];
    el.addEventListener('kb-like', (e) => events.push((e as CustomEvent).detail));
    const like = () => q<HTMLButtonElement>(el, `[data-item-id="${post}"] .like`);

    like().click();
    await settle(el);
    expect(board.owned(post, 'wall-like').map((l) => [l.id, l.props.by])).toEqual([[likeId(post, 'tagA'), 'tagA']]);
    expect(like().getAttribute('aria-pressed')).toBe('true');
    expect(like().querySelector('.like-count')!.textContent).toBe('1');

    like().click();
    await settle(el);
    expect(board.owned(post, 'wall-like')).toHaveLength(0);
    expect(like().getAttribute('aria-pressed')).toBe('false');
    expect(events).toEqual([
      { post, liked: true },
      { post, liked: false },
    ]);
  });

  it('two participants liking at once give two likes; the same tag liking twice at once stays one', async () => {
    for (const [tagA, tagB, expected] of [
      ['tagA', 'tagB', 2],
      ['same', 'same', 1],
    ] as const) {
      const a = newBoard();
      const b = newBoard();
      const { widgetId, columns } = seededBoard(a);
      const post = a.create('wall-post', { props: { column: columns[0]!, text: 'Fint', author: '', order: 1 } }, ORIGIN);
      Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
      const elA = await mountWall(a, widgetId, { clientTag: tagA });
      const elB = await mountWall(b, widgetId, { clientTag: tagB, origin: { user: 'other' } });
      // Both click before either hears of the other.
      q<HTMLButtonElement>(elA, `[data-item-id="${post}"] .like`).click();
      q<HTMLButtonElement>(elB, `[data-item-id="${post}"] .like`).click();
      Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
      Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc));
      await settle(elA);
      await settle(elB);
      for (const board of [a, b]) {
        const likes = board.owned(post, 'wall-like');
        expect(likes).toHaveLength(expected);
        expect(new Set(likes.map((l) => l.props.by)).size).toBe(expected);
        expect(likes.every((l) => l.id === likeId(post, l.props.by))).toBe(true);
      }
      expect(q(elA, `[data-item-id="${post}"] .like-count`).textContent).toBe(String(expected));
      expect(q(elB, `[data-item-id="${post}"] .like-count`).textContent).toBe(String(expected));
      elA.remove();
      elB.remove();
    }
  });

  it('shows hostile text in a post and a column title as literal text', async () => {
    const { board, widgetId, columns } = seededBoard();
    board.updateProps<'wall-column'>(columns[0]!, { title: HOSTILE, questions: `${HOSTILE}\nok` }, ORIGIN);
    const post = board.create('wall-post', { props: { column: columns[0]!, text: HOSTILE, author: HOSTILE, order: 1 } }, ORIGIN);
    const el = await mountWall(board, widgetId);
    expect(q(el, `[data-item-id="${columns[0]}"] .title`).textContent).toBe(HOSTILE);
    expect(q(el, `[data-item-id="${columns[0]}"] .questions li`).textContent).toBe(HOSTILE);
    expect(q(el, `[data-item-id="${post}"] .post-text`).textContent).toBe(HOSTILE);
    expect(q(el, `[data-item-id="${post}"] .author`).textContent).toBe(HOSTILE);
    expect(el.shadowRoot!.querySelector('img')).toBeNull();

    // Typed through the editor too.
    q<HTMLButtonElement>(el, `[data-item-id="${columns[1]}"] .edit`).click();
    await el.updateComplete;
    const title = q<HTMLInputElement>(el, `[data-item-id="${columns[1]}"] .edit-title`);
    title.value = HOSTILE;
    title.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    q<HTMLButtonElement>(el, `[data-item-id="${columns[1]}"] .save`).click();
    await settle(el);
    expect(q(el, `[data-item-id="${columns[1]}"] .title`).textContent).toBe(HOSTILE);
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
  });

  it('re-renders when a peer posts, likes, edits or moves', async () => {
    const { local, remote, destroy } = syncedBoards();
    cleanups.push(destroy);
    const { widgetId, columns } = seededBoard(remote);
    const el = await mountWall(local, widgetId);
    expect(qa(el, 'section.column')).toHaveLength(3);

    const post = remote.create('wall-post', { props: { column: columns[2]!, text: 'Fra en anden', author: 'Bo', order: 1 }, createdBy: 'tagB' }, {});
    await settle(el);
    expect(q(el, `[data-item-id="${columns[2]}"] [data-item-id="${post}"] .post-text`).textContent).toBe('Fra en anden');

    remote.create('wall-like', { id: likeId(post, 'tagB'), props: { post, by: 'tagB' } }, {});
    remote.updateProps<'wall-column'>(columns[2]!, { title: 'Omdøbt' }, {});
    await settle(el);
    expect(q(el, `[data-item-id="${post}"] .like-count`).textContent).toBe('1');
    expect(q(el, `[data-item-id="${columns[2]}"] .title`).textContent).toBe('Omdøbt');

    remote.updateProps<'wall-post'>(post, { column: columns[0]!, order: 5 }, {});
    await settle(el);
    expect(el.shadowRoot!.querySelector(`[data-item-id="${columns[0]}"] [data-item-id="${post}"]`)).not.toBeNull();
  });

  it('readonly disables posting, liking, moving and editing, and says why', async () => {
    const { board, widgetId, columns } = seededBoard();
    const post = board.create('wall-post', { props: { column: columns[0]!, text: 'Låst', author: 'Mette', order: 1 }, createdBy: 'tagA' }, ORIGIN);
    const el = await mountWall(board, widgetId, { readonly: true });
    const note = q(el, '#locked');
    expect(note.textContent).toContain('låst');
    const area = q<HTMLTextAreaElement>(el, `#answer-${columns[0]}`);
    expect(area.disabled).toBe(true);
    expect(area.getAttribute('aria-describedby')).toContain('locked');
    const controls = [
      postButton(el, columns[0]!),
      q<HTMLButtonElement>(el, `[data-item-id="${post}"] .like`),
      q<HTMLButtonElement>(el, `[data-item-id="${post}"] .move`),
      q<HTMLButtonElement>(el, `[data-item-id="${post}"] .delete-post`),
      q<HTMLButtonElement>(el, `[data-item-id="${columns[0]}"] .edit`),
      q<HTMLButtonElement>(el, '.add-column'),
      q<HTMLInputElement>(el, `[data-item-id="${columns[0]}"] input.anonymous`),
    ];
    for (const c of controls) expect(c.disabled).toBe(true);
    for (const c of controls.slice(0, 6)) expect(c.getAttribute('aria-describedby')).toContain('locked');

    // Even forced, nothing is written.
    let writes = 0;
    board.observe(() => writes++);
    area.value = 'Forsøg';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    el.onPost(columns[0]!);
    el.onLike(el.columns[0]!.posts[0]!);
    const li = q(el, `[data-item-id="${post}"]`);
    const r = li.getBoundingClientRect();
    li.dispatchEvent(new PointerEvent('pointerdown', { pointerId: 1, clientX: r.x + 5, clientY: r.y + 5, button: 0, bubbles: true }));
    li.dispatchEvent(new PointerEvent('pointermove', { pointerId: 1, clientX: r.x + 300, clientY: r.y + 5, button: 0, bubbles: true }));
    li.dispatchEvent(new PointerEvent('pointerup', { pointerId: 1, clientX: r.x + 300, clientY: r.y + 5, button: 0, bubbles: true }));
    await settle(el);
    expect(writes).toBe(0);
    expect(board.owned(columns[0]!, 'wall-post')).toHaveLength(1);

    el.readonly = false;
    await settle(el);
    expect(el.shadowRoot!.querySelector('#locked')).toBeNull();
    expect(q<HTMLTextAreaElement>(el, `#answer-${columns[0]}`).disabled).toBe(false);
  });

  it('moves a post to another column by pointer drag, publishing the drag to presence', async () => {
    const { board, widgetId, columns } = seededBoard();
    const a = board.create('wall-post', { props: { column: columns[0]!, text: 'Flyt mig', author: 'Ali', order: 1 } }, ORIGIN);
    const b = board.create('wall-post', { props: { column: columns[1]!, text: 'Står her', author: 'Bo', order: 1 } }, ORIGIN);
    const presence = fakePresence();
    const el = await mountWall(board, widgetId, { presence });
    let transactions = 0;
    board.observe(() => transactions++);

    const card = q(el, `[data-item-id="${a}"]`);
    const from = card.getBoundingClientRect();
    const target = q(el, `[data-item-id="${b}"]`).getBoundingClientRect();
    const start = { clientX: from.x + 20, clientY: from.y + 10 };
    // Drop below the existing post of the second column.
    const end = { clientX: target.x + 20, clientY: target.bottom + 30 };
    const opts = { pointerId: 1, button: 0, bubbles: true, composed: true };
    q(el, `[data-item-id="${a}"] .post-text`).dispatchEvent(new PointerEvent('pointerdown', { ...opts, ...start }));
    card.dispatchEvent(new PointerEvent('pointermove', { ...opts, clientX: start.clientX + 30, clientY: start.clientY + 2 }));
    card.dispatchEvent(new PointerEvent('pointermove', { ...opts, ...end }));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.ghost')).not.toBeNull();
    expect(q(el, `section[data-item-id="${columns[1]}"]`).classList.contains('drop-target')).toBe(true);
    const last = presence.sent.at(-1)!;
    expect(last).toHaveLength(1);
    expect(last[0]).toMatchObject({ itemId: a, target: columns[1] });
    // Board coordinates: the widget sits at (100, 200).
    expect(last[0]!.x).toBeGreaterThan(100);
    expect(last[0]!.y).toBeGreaterThan(200);
    expect(transactions).toBe(0);

    card.dispatchEvent(new PointerEvent('pointerup', { ...opts, ...end }));
    await settle(el);
    expect(transactions).toBe(1);
    expect(presence.sent.at(-1)).toEqual([]);
    const moved = board.get(a);
    expect(moved?.kind === 'wall-post' && moved.props.column).toBe(columns[1]);
    expect(qa(el, `section[data-item-id="${columns[1]}"] li.post`).map((c) => c.dataset.itemId)).toEqual([b, a]);
    expect(el.shadowRoot!.querySelector('.ghost')).toBeNull();
  });

  it('scales to its width and still hit-tests a drag in layout units', async () => {
    const { board, widgetId, columns } = seededBoard();
    const a = board.create('wall-post', { props: { column: columns[0]!, text: 'Lille', author: '', order: 1 } }, ORIGIN);
    const el = await mountWall(board, widgetId);
    el.style.width = '600px';
    await settle(el);
    await settle(el);
    const stage = q(el, '.stage').getBoundingClientRect();
    expect(stage.width).toBeCloseTo(600, 0);
    expect(el.getBoundingClientRect().height).toBeCloseTo(400, 0);
    const card = q(el, `[data-item-id="${a}"]`);
    const r = card.getBoundingClientRect();
    const target = q(el, `section[data-item-id="${columns[2]}"]`).getBoundingClientRect();
    const opts = { pointerId: 1, button: 0, bubbles: true, composed: true };
    card.dispatchEvent(new PointerEvent('pointerdown', { ...opts, clientX: r.x + 5, clientY: r.y + 5 }));
    card.dispatchEvent(new PointerEvent('pointermove', { ...opts, clientX: target.x + 20, clientY: target.y + 250 }));
    card.dispatchEvent(new PointerEvent('pointerup', { ...opts, clientX: target.x + 20, clientY: target.y + 250 }));
    await settle(el);
    const item = board.get(a);
    expect(item?.kind === 'wall-post' && item.props.column).toBe(columns[2]);
  });

  it('cancels a pointer drag with Escape without writing', async () => {
    const { board, widgetId, columns } = seededBoard();
    const a = board.create('wall-post', { props: { column: columns[0]!, text: 'Bliv', author: 'Ali', order: 1 } }, ORIGIN);
    const presence = fakePresence();
    const el = await mountWall(board, widgetId, { presence });
    const card = q(el, `[data-item-id="${a}"]`);
    const r = card.getBoundingClientRect();
    const target = q(el, `section[data-item-id="${columns[2]}"]`).getBoundingClientRect();
    const opts = { pointerId: 1, button: 0, bubbles: true, composed: true };
    card.dispatchEvent(new PointerEvent('pointerdown', { ...opts, clientX: r.x + 10, clientY: r.y + 10 }));
    card.dispatchEvent(new PointerEvent('pointermove', { ...opts, clientX: target.x + 40, clientY: target.y + 300 }));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    card.dispatchEvent(new PointerEvent('pointerup', { ...opts, clientX: target.x + 40, clientY: target.y + 300 }));
    await settle(el);
    expect(presence.sent.at(-1)).toEqual([]);
    const item = board.get(a);
    expect(item?.kind === 'wall-post' && item.props.column).toBe(columns[0]);
  });

  it('moves a post with the "Move to …" menu by click and keyboard', async () => {
    const { board, widgetId, columns } = seededBoard();
    const a = board.create('wall-post', { props: { column: columns[0]!, text: 'Menu', author: 'Ali', order: 1 } }, ORIGIN);
    const el = await mountWall(board, widgetId);
    const move = () => q<HTMLButtonElement>(el, `[data-item-id="${a}"] .move`);
    move().click();
    await el.updateComplete;
    expect(move().getAttribute('aria-expanded')).toBe('true');
    const items = qa<HTMLButtonElement>(el, `#menu-${a} .move-to`);
    expect(items.map((b) => b.textContent?.trim())).toEqual(DEFAULT_REFLECTIONS.slice(1).map((r) => `Flyt til ${r.title.da}`));
    expect(el.shadowRoot!.activeElement).toBe(items[0]);
    // Arrow keys move within the menu; Escape closes it and returns focus.
    items[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(el.shadowRoot!.activeElement).toBe(items[1]);
    items[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await el.updateComplete;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector(`#menu-${a}`)).toBeNull();
    expect(el.shadowRoot!.activeElement).toBe(move());

    move().click();
    await el.updateComplete;
    q<HTMLButtonElement>(el, `#menu-${a} .move-to[data-column="${columns[2]}"]`).click();
    await settle(el);
    const item = board.get(a);
    expect(item?.kind === 'wall-post' && item.props.column).toBe(columns[2]);
    expect(el.shadowRoot!.querySelector(`section[data-item-id="${columns[2]}"] [data-item-id="${a}"]`)).not.toBeNull();
    expect(el.shadowRoot!.activeElement).toBe(move());
    expect(q(el, '[role="status"]').textContent).toContain(DEFAULT_REFLECTIONS[2]!.title.da);
  });

  it('deletes only my own posts', async () => {
    const { board, widgetId, columns } = seededBoard();
    const mine = board.create('wall-post', { props: { column: columns[0]!, text: 'Mit', author: 'Mette', order: 1 }, createdBy: 'tagA' }, ORIGIN);
    const sameName = board.create('wall-post', { props: { column: columns[0]!, text: 'Andens', author: 'Mette', order: 2 }, createdBy: 'tagZ' }, ORIGIN);
    const el = await mountWall(board, widgetId);
    expect(el.shadowRoot!.querySelector(`[data-item-id="${sameName}"] .delete-post`)).toBeNull();
    q<HTMLButtonElement>(el, `[data-item-id="${mine}"] .delete-post`).click();
    await settle(el);
    expect(board.get(mine)).toBeUndefined();
    expect(board.get(sameName)).toBeDefined();
    expect(el.shadowRoot!.querySelector(`[data-item-id="${mine}"]`)).toBeNull();
  });

  it('edits a column title and questions in one write, with Cancel and validation', async () => {
    const { board, widgetId, columns } = seededBoard();
    const el = await mountWall(board, widgetId);
    const col = columns[0]!;
    q<HTMLButtonElement>(el, `[data-item-id="${col}"] .edit`).click();
    await el.updateComplete;
    const title = q<HTMLInputElement>(el, `[data-item-id="${col}"] .edit-title`);
    expect(el.shadowRoot!.activeElement).toBe(title);
    title.value = '   ';
    title.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    q<HTMLButtonElement>(el, `[data-item-id="${col}"] .save`).click();
    await el.updateComplete;
    expect(q(el, `#edit-error-${col}`).textContent).toBe('Kolonnen skal have en titel.');

    title.value = 'Ledelse';
    title.dispatchEvent(new Event('input', { bubbles: true }));
    const questions = q<HTMLTextAreaElement>(el, `[data-item-id="${col}"] .edit-questions`);
    questions.value = 'Første?\n\n Anden? ';
    questions.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    let transactions = 0;
    board.observe(() => transactions++);
    title.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle(el);
    expect(transactions).toBe(1);
    const item = board.get(col);
    expect(item?.kind === 'wall-column' && item.props).toMatchObject({ title: 'Ledelse', questions: 'Første?\nAnden?' });
    expect(qa(el, `[data-item-id="${col}"] .questions li`).map((li) => li.textContent)).toEqual(['Første?', 'Anden?']);

    // Cancel (Escape) writes nothing.
    q<HTMLButtonElement>(el, `[data-item-id="${col}"] .edit`).click();
    await el.updateComplete;
    const again = q<HTMLInputElement>(el, `[data-item-id="${col}"] .edit-title`);
    again.value = 'Glemt';
    again.dispatchEvent(new Event('input', { bubbles: true }));
    again.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle(el);
    expect(transactions).toBe(1);
    expect(q(el, `[data-item-id="${col}"] .title`).textContent).toBe('Ledelse');
  });

  it('adds a column and deletes an empty column (only an empty one)', async () => {
    const { board, widgetId, columns } = seededBoard();
    board.create('wall-post', { props: { column: columns[0]!, text: 'Her', author: '', order: 1 } }, ORIGIN);
    const el = await mountWall(board, widgetId);
    expect(el.shadowRoot!.querySelector(`[data-item-id="${columns[0]}"] .delete-column`)).toBeNull();
    q<HTMLButtonElement>(el, '.add-column').click();
    await settle(el);
    const all = board.owned(widgetId, 'wall-column').sort((a, b) => a.props.order - b.props.order);
    expect(all).toHaveLength(4);
    const added = all[3]!;
    expect(added.props.title).toBe('Ny kolonne');
    // The new column opens in the editor.
    expect(el.shadowRoot!.activeElement).toBe(q(el, `[data-item-id="${added.id}"] .edit-title`));
    q<HTMLButtonElement>(el, `[data-item-id="${added.id}"] .cancel`).click();
    await settle(el);
    q<HTMLButtonElement>(el, `[data-item-id="${added.id}"] .delete-column`).click();
    await settle(el);
    expect(board.owned(widgetId, 'wall-column')).toHaveLength(3);
    expect(qa(el, 'section.column')).toHaveLength(3);
  });

  it('shows a peer dragging one of its posts as a ghost with the peer name', async () => {
    const { board, widgetId, columns } = seededBoard();
    const a = board.create('wall-post', { props: { column: columns[0]!, text: 'Undervejs', author: '', order: 1 } }, ORIGIN);
    const peers: Peer[] = [];
    const presence = fakePresence(peers);
    const el = await mountWall(board, widgetId, { presence });
    expect(el.shadowRoot!.querySelector('.ghost')).toBeNull();
    peers.push({
      clientId: 7,
      user: { name: 'Bo', color: '#7d3c98' },
      cursor: null,
      view: null,
      drags: [
        { itemId: a, x: 100 + 500, y: 200 + 400, target: columns[1]! },
        { itemId: 'someone-elses-item', x: 0, y: 0 },
      ],
    });
    presence.fire();
    await settle(el);
    const ghosts = qa(el, '.ghost.peer');
    expect(ghosts).toHaveLength(1);
    expect(ghosts[0]!.dataset.ghostOf).toBe(a);
    expect(ghosts[0]!.textContent).toContain('Bo flytter');
    expect(ghosts[0]!.style.left).toBe('500px');
    expect(ghosts[0]!.style.top).toBe('400px');
    expect(q(el, `section[data-item-id="${columns[1]}"]`).classList.contains('peer-target')).toBe(true);

    // The drop: the ghost goes away.
    peers[0]!.drags = [];
    presence.fire();
    await settle(el);
    expect(el.shadowRoot!.querySelector('.ghost')).toBeNull();
  });

  it('re-renders its strings when the language changes', async () => {
    const { board, widgetId, columns } = seededBoard();
    board.create('wall-post', { props: { column: columns[0]!, text: 'Hej', author: '', order: 1 } }, ORIGIN);
    const el = await mountWall(board, widgetId);
    expect(q(el, '.add-column').textContent).toContain('Tilføj kolonne');
    expect(q(el, '.author').textContent).toBe('Anonym');
    expect(q(el, `[data-item-id="${columns[0]}"] .anon`).textContent?.trim()).toBe('Post uden navn');
    setLocale('en');
    await el.updateComplete;
    expect(q(el, '.add-column').textContent).toContain('Add column');
    expect(q(el, '.author').textContent).toBe('Anonymous');
    expect(q(el, `[data-item-id="${columns[0]}"] .anon`).textContent?.trim()).toBe('Post without my name');
    expect(q(el, `[data-item-id="${columns[0]}"] .edit`).textContent).toBe('Edit');
    // Document content (the seeded Danish titles) stays as written.
    expect(q(el, `[data-item-id="${columns[0]}"] .title`).textContent).toBe(DEFAULT_REFLECTIONS[0]!.title.da);
  });
});
