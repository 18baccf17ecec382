import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from '../../src/model/index.js';
import type { Item } from '../../src/model/index.js';
import { setLocale } from '../../src/i18n/index.js';
import { DEFAULT_DECK } from '../../src/content/competences.js';
import type { DeckCard } from '../../src/content/competences.js';
import { FakePresence, mount, settle, syncedBoards } from '../shared/test-utils.js';
import { cardsIn, cardsOf, replaceDeck, seedDeck } from '../../src/kinds/competence-profile/records.js';
import type { KbCompetenceProfile } from './competence-profile.js';
import type { KbCompetenceCard } from './competence-card.js';
import './competence-profile.js';
import { widgetKind } from '../../src/kinds/index.js';

const ORIGIN = { user: 'me' };
const HOSTILE = '<img src=x onerror=alert(1)>';

function placeWidget(board: Board): string {
  return board.create('widget', { props: { widget: 'competence-profile' }, geometry: { x: 100, y: 200, w: 1500, h: 1392 } }, ORIGIN);
}

const card = (el: KbCompetenceProfile, id: string) =>
  el.shadowRoot!.querySelector<KbCompetenceCard>(`kb-competence-card[data-item-id="${id}"]`);
const cardsInDom = (el: KbCompetenceProfile, area: string, column: string) => [
  ...el.shadowRoot!.querySelectorAll<KbCompetenceCard>(`section.${area} .column[data-column="${column}"] kb-competence-card`),
];
const part = (c: KbCompetenceCard, name: string) => c.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const record = (board: Board, id: string) => board.get(id) as Item<'competence-card'> | undefined;
const snapshot = (board: Board, widgetId: string) => JSON.stringify(cardsOf(board, widgetId).map((c) => [c.id, c.props]));

/** A pointer event; two people in one test page are two pointers (`pointerId`). */
function pointer(target: Element, type: string, x: number, y: number, pointerId = 1): void {
  target.dispatchEvent(
    new PointerEvent(type, { pointerId, clientX: x, clientY: y, button: 0, buttons: type === 'pointerup' ? 0 : 1, bubbles: true, composed: true, cancelable: true, isPrimary: true }),
  );
}

/** Drags `c` so that the pointer ends at the centre of `to`, in a few steps. */
async function drag(el: KbCompetenceProfile, c: KbCompetenceCard, to: Element): Promise<void> {
  const from = c.getBoundingClientRect();
  const dest = to.getBoundingClientRect();
  const x0 = from.left + from.width / 3;
  const y0 = from.top + from.height / 2;
  const x1 = dest.left + dest.width / 2;
  const y1 = dest.top + dest.height / 2;
  pointer(c, 'pointerdown', x0, y0);
  for (let i = 1; i <= 4; i++) pointer(c, 'pointermove', x0 + ((x1 - x0) * i) / 4, y0 + ((y1 - y0) * i) / 4);
  await settle(el);
  pointer(c, 'pointerup', x1, y1);
  await settle(el);
}

let cleanup: (() => void)[] = [];
beforeEach(() => {
  setLocale('da');
});
afterEach(() => {
  for (const f of cleanup.splice(0)) f();
  document.body.replaceChildren();
  setLocale('da');
});

async function setup(extra: Partial<KbCompetenceProfile> = {}) {
  const board = new Board(new Y.Doc());
  const widgetId = placeWidget(board);
  seedDeck(board, widgetId, DEFAULT_DECK, ORIGIN);
  const presence = new FakePresence();
  const el = await mount<KbCompetenceProfile>('kb-competence-profile', { board, widgetId, origin: ORIGIN, presence, userName: 'Me', clientTag: 'tag1', ...extra });
  await settle(el);
  cleanup.push(() => board.destroy());
  return { board, widgetId, el, presence };
}

describe('seedDeck and replaceDeck', () => {
  it('creates the 20 deck cards (6+8+6) in the generic profile in one transaction, ordered by deck position', () => {
    const board = new Board(new Y.Doc());
    const widgetId = placeWidget(board);
    let transactions = 0;
    board.observe(() => transactions++);
    const ids = seedDeck(board, widgetId, undefined, ORIGIN);
    expect(transactions).toBe(1);
    expect(ids).toHaveLength(20);
    const cards = cardsOf(board, widgetId);
    expect(cards).toHaveLength(20);
    expect(cards.every((c) => c.props.area === 'generic' && c.props.widget === widgetId)).toBe(true);
    expect(cardsIn(cards, 'generic', 'viden')).toHaveLength(6);
    expect(cardsIn(cards, 'generic', 'kompetencer')).toHaveLength(8);
    expect(cardsIn(cards, 'generic', 'faerdigheder')).toHaveLength(6);
    expect(cardsIn(cards, 'generic', 'kompetencer').map((c) => c.props.deckKey)).toEqual(DEFAULT_DECK.filter((d) => d.column === 'kompetencer').map((d) => d.key));
    const first = record(board, ids[0]!)!;
    expect(first.props).toMatchObject({ text: 'Respektere målgruppen', textEn: 'Respect the target group', deckKey: 'viden-1' });
    // Seeding again does not double the deck.
    expect(seedDeck(board, widgetId, undefined, ORIGIN)).toEqual([]);
    expect(cardsOf(board, widgetId)).toHaveLength(20);
    board.destroy();
  });

  it('its kind names this element, its natural size, and seeds inside the placing transaction', () => {
    const def = widgetKind('competence-profile');
    expect(customElements.get(def.tag)).toBeDefined();
    expect(def.tag).toBe('kb-competence-profile');
    expect(def.size.w).toBeGreaterThan(0);
    const board = new Board(new Y.Doc());
    let transactions = 0;
    board.observe(() => transactions++);
    const widgetId = board.transact(() => {
      const id = placeWidget(board);
      def.seed(board, id, { locale: 'da' }, ORIGIN);
      return id;
    }, ORIGIN);
    expect(transactions).toBe(1);
    expect(cardsOf(board, widgetId)).toHaveLength(20);
    board.destroy();
  });

  it('replaceDeck swaps the generic deck cards in one transaction and keeps local and own cards', () => {
    const board = new Board(new Y.Doc());
    const widgetId = placeWidget(board);
    const ids = seedDeck(board, widgetId, DEFAULT_DECK, ORIGIN);
    board.updateProps(ids[0]!, { area: 'local' }, ORIGIN);
    const own = board.create('competence-card', { props: { widget: widgetId, area: 'local', column: 'viden', text: 'Vores eget', textEn: '', deckKey: '', order: 9 } }, ORIGIN);
    const ownBack = board.create('competence-card', { props: { widget: widgetId, area: 'generic', column: 'kompetencer', text: 'Tilbagelagt', textEn: '', deckKey: '', order: 9 } }, ORIGIN);
    const deck: DeckCard[] = [
      { key: 'viden-1', column: 'viden', text: { da: 'Respektere målgruppen', en: 'Respect the target group' } },
      { key: 'ny-1', column: 'kompetencer', text: { da: 'Ny kompetence', en: 'New skill' } },
      { key: 'ny-2', column: 'faerdigheder', text: { da: 'Ny færdighed', en: 'New attitude' } },
    ];
    let transactions = 0;
    board.observe(() => transactions++);
    const fresh = replaceDeck(board, widgetId, deck, ORIGIN);
    expect(transactions).toBe(1);
    const cards = cardsOf(board, widgetId);
    // Kept: the local deck card, the own cards; the identical viden-1 is not added again.
    expect(record(board, ids[0]!)?.props.area).toBe('local');
    expect(record(board, own)).toBeDefined();
    expect(record(board, ownBack)).toBeDefined();
    expect(fresh).toHaveLength(2);
    expect(cards.map((c) => c.props.text).sort()).toEqual(['Ny færdighed', 'Ny kompetence', 'Respektere målgruppen', 'Tilbagelagt', 'Vores eget'].sort());
    for (const id of ids.slice(1)) expect(record(board, id)).toBeUndefined();
    board.destroy();
  });
});

describe('<kb-competence-profile>', () => {
  it('renders the seeded cards in the three generic columns, with data-item-id', async () => {
    const { board, widgetId, el } = await setup();
    expect(cardsInDom(el, 'generic', 'viden')).toHaveLength(6);
    expect(cardsInDom(el, 'generic', 'kompetencer')).toHaveLength(8);
    expect(cardsInDom(el, 'generic', 'faerdigheder')).toHaveLength(6);
    expect(el.shadowRoot!.querySelectorAll('section.local kb-competence-card')).toHaveLength(0);
    for (const c of cardsOf(board, widgetId)) expect(card(el, c.id)?.text).toBe(c.props.text);
    const first = cardsIn(cardsOf(board, widgetId), 'generic', 'viden')[0]!;
    expect(part(card(el, first.id)!, 'text').textContent).toBe('Respektere målgruppen');
    const headings = [...el.shadowRoot!.querySelectorAll('section.generic h4 span:first-child')].map((h) => h.textContent);
    expect(headings).toEqual(['Viden', 'Kompetencer', 'Færdigheder']);
    expect(el.shadowRoot!.querySelector('section.local h3')!.textContent!.trim()).toBe('Lokal profil');
    expect(el.shadowRoot!.querySelector('section.generic h3')!.textContent!.trim()).toBe('Generisk profil');
    // The local profile is drawn above the generic profile.
    const local = el.shadowRoot!.querySelector('section.local')!.getBoundingClientRect();
    const generic = el.shadowRoot!.querySelector('section.generic')!.getBoundingClientRect();
    expect(local.bottom).toBeLessThanOrEqual(generic.top);
  });

  it('moves a card into the local profile by a pointer drag, publishing the drag to presence', async () => {
    const { board, widgetId, el, presence } = await setup();
    const target = cardsIn(cardsOf(board, widgetId), 'generic', 'kompetencer')[2]!;
    const c = card(el, target.id)!;
    let transactions = 0;
    board.observe(() => transactions++);
    await drag(el, c, el.shadowRoot!.querySelector('section.local .column[data-column="kompetencer"]')!);
    const moved = record(board, target.id)!;
    expect(moved.props.area).toBe('local');
    expect(moved.props.column).toBe('kompetencer');
    expect(transactions).toBe(1);
    expect(cardsInDom(el, 'local', 'kompetencer').map((x) => x.dataset.itemId)).toEqual([target.id]);
    const inFlight = presence.drags.filter((d) => d.length > 0);
    expect(inFlight.length).toBeGreaterThan(0);
    expect(inFlight.at(-1)![0]).toMatchObject({ itemId: target.id, target: 'local:kompetencer' });
    // Board coordinates: the widget lies at (100, 200) on the board.
    expect(inFlight.at(-1)![0]!.x).toBeGreaterThan(100);
    expect(inFlight.at(-1)![0]!.y).toBeGreaterThan(200);
    expect(presence.drags.at(-1)).toEqual([]);
  });

  it('reorders by dragging within a column, keeping the column', async () => {
    const { board, widgetId, el } = await setup();
    const before = cardsIn(cardsOf(board, widgetId), 'generic', 'viden');
    // Drag the first card onto the last card's place: it becomes the last.
    await drag(el, card(el, before[0]!.id)!, card(el, before[5]!.id)!);
    const after = cardsIn(cardsOf(board, widgetId), 'generic', 'viden');
    expect(after.map((c) => c.id)).toEqual([...before.slice(1), before[0]].map((c) => c!.id));
    expect(record(board, before[0]!.id)!.props.column).toBe('viden');
  });

  it('a drag that ends in a column of the other kind still keeps the card in its column', async () => {
    const { board, widgetId, el } = await setup();
    const v = cardsIn(cardsOf(board, widgetId), 'generic', 'viden')[0]!;
    await drag(el, card(el, v.id)!, el.shadowRoot!.querySelector('section.local .column[data-column="faerdigheder"]')!);
    expect(record(board, v.id)!.props).toMatchObject({ area: 'local', column: 'viden' });
  });

  it('moves a card back with its button (click alternative), whose name includes the card text', async () => {
    const { board, widgetId, el } = await setup();
    const v = cardsIn(cardsOf(board, widgetId), 'generic', 'viden')[1]!;
    const button = part(card(el, v.id)!, 'move-button');
    expect(button.getAttribute('aria-label')).toBe(`Til lokal profil: ${v.props.text}`);
    button.click();
    await settle(el);
    expect(record(board, v.id)!.props.area).toBe('local');
    const back = part(card(el, v.id)!, 'move-button');
    expect(back.getAttribute('aria-label')).toBe(`Tilbage til generisk profil: ${v.props.text}`);
    back.click();
    await settle(el);
    expect(record(board, v.id)!.props.area).toBe('generic');
    expect(cardsInDom(el, 'generic', 'viden').map((x) => x.dataset.itemId)).toContain(v.id);
  });

  it('moves and reorders with the keyboard: Enter/Space toggles the area, Alt+Arrow reorders', async () => {
    const { board, widgetId, el } = await setup();
    const [a, b] = cardsIn(cardsOf(board, widgetId), 'generic', 'faerdigheder');
    const press = (c: KbCompetenceCard, key: string, altKey = false) =>
      part(c, 'card').dispatchEvent(new KeyboardEvent('keydown', { key, altKey, bubbles: true, composed: true, cancelable: true }));
    card(el, a!.id)!.focus();
    press(card(el, a!.id)!, 'Enter');
    await settle(el);
    expect(record(board, a!.id)!.props.area).toBe('local');
    // Focus follows the card into the local profile.
    expect(el.shadowRoot!.activeElement).toBe(card(el, a!.id));
    press(card(el, b!.id)!, ' ');
    await settle(el);
    expect(cardsIn(cardsOf(board, widgetId), 'local', 'faerdigheder').map((c) => c.id)).toEqual([a!.id, b!.id]);
    press(card(el, b!.id)!, 'ArrowUp', true);
    await settle(el);
    expect(cardsIn(cardsOf(board, widgetId), 'local', 'faerdigheder').map((c) => c.id)).toEqual([b!.id, a!.id]);
    press(card(el, b!.id)!, 'ArrowDown', true);
    await settle(el);
    expect(cardsIn(cardsOf(board, widgetId), 'local', 'faerdigheder').map((c) => c.id)).toEqual([a!.id, b!.id]);
    // The move-down button is the click alternative for reordering.
    part(card(el, a!.id)!, 'reorder-button').parentElement!.querySelectorAll('button')[1]!.click();
    await settle(el);
    expect(cardsIn(cardsOf(board, widgetId), 'local', 'faerdigheder').map((c) => c.id)).toEqual([b!.id, a!.id]);
  });

  it('lets a group write, edit and delete an own card; deck cards cannot be deleted', async () => {
    const { board, widgetId, el } = await setup();
    const add = el.shadowRoot!.querySelector<HTMLButtonElement>('[data-add="kompetencer"]')!;
    expect(add.textContent!.trim()).toBe('+ Eget kort');
    expect(add.getAttribute('aria-label')).toBe('Nyt eget kort i Kompetencer');
    add.click();
    await settle(el);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('form.add input')!;
    expect(input.getAttribute('aria-label')).toBe('Tekst på nyt kort i Kompetencer');
    input.value = '  Lytte til de unge  ';
    input.form!.requestSubmit();
    await settle(el);
    const own = cardsOf(board, widgetId).filter((c) => c.props.deckKey === '');
    expect(own).toHaveLength(1);
    expect(own[0]!.props).toMatchObject({ area: 'local', column: 'kompetencer', text: 'Lytte til de unge', deckKey: '' });
    expect(own[0]!.createdBy).toBe('tag1');
    const c = card(el, own[0]!.id)!;
    expect(c.own).toBe(true);
    // Edit.
    part(c, 'edit-button').click();
    await settle(el);
    await c.updateComplete;
    const field = c.shadowRoot!.querySelector('textarea')!;
    field.value = 'Lytte til de unge først';
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true }));
    await settle(el);
    expect(record(board, own[0]!.id)!.props.text).toBe('Lytte til de unge først');
    // Deck cards have no delete button.
    const deckCard = cardsIn(cardsOf(board, widgetId), 'generic', 'viden')[0]!;
    expect(card(el, deckCard.id)!.shadowRoot!.querySelector('[part~="delete-button"]')).toBeNull();
    // Delete.
    part(card(el, own[0]!.id)!, 'delete-button').click();
    await settle(el);
    expect(record(board, own[0]!.id)).toBeUndefined();
    expect(cardsOf(board, widgetId)).toHaveLength(20);
  });

  it('re-renders on remote changes, and two participants moving two cards at once both land', async () => {
    const { local, remote, destroy } = syncedBoards();
    cleanup.push(destroy);
    const widgetId = placeWidget(local);
    seedDeck(local, widgetId, DEFAULT_DECK, ORIGIN);
    const mine = await mount<KbCompetenceProfile>('kb-competence-profile', { board: local, widgetId, origin: ORIGIN });
    const theirs = await mount<KbCompetenceProfile>('kb-competence-profile', { board: remote, widgetId, origin: { user: 'them' } });
    await settle(mine);
    const [a, b] = cardsIn(cardsOf(local, widgetId), 'generic', 'kompetencer');
    // A remote change re-renders the local element.
    remote.updateProps(a!.id, { area: 'local' }, { user: 'them' });
    await settle(mine);
    expect(cardsInDom(mine, 'local', 'kompetencer').map((x) => x.dataset.itemId)).toEqual([a!.id]);
    remote.updateProps(a!.id, { area: 'generic' }, { user: 'them' });
    await settle(mine);
    await settle(theirs);
    // Both press at once, both drop.
    const ca = card(mine, a!.id)!;
    const cb = card(theirs, b!.id)!;
    const destA = mine.shadowRoot!.querySelector('section.local .column[data-column="kompetencer"]')!.getBoundingClientRect();
    const destB = theirs.shadowRoot!.querySelector('section.local .column[data-column="kompetencer"]')!.getBoundingClientRect();
    const ra = ca.getBoundingClientRect();
    const rb = cb.getBoundingClientRect();
    pointer(ca, 'pointerdown', ra.left + 5, ra.top + 5);
    pointer(cb, 'pointerdown', rb.left + 5, rb.top + 5, 2);
    pointer(ca, 'pointermove', destA.left + 20, destA.top + 60);
    pointer(cb, 'pointermove', destB.left + 20, destB.top + 60, 2);
    pointer(ca, 'pointerup', destA.left + 20, destA.top + 60);
    pointer(cb, 'pointerup', destB.left + 20, destB.top + 60, 2);
    await settle(mine);
    await settle(theirs);
    for (const board of [local, remote]) {
      expect(cardsIn(cardsOf(board, widgetId), 'local', 'kompetencer').map((c) => c.id).sort()).toEqual([a!.id, b!.id].sort());
    }
    expect(cardsInDom(mine, 'local', 'kompetencer')).toHaveLength(2);
    expect(cardsInDom(theirs, 'local', 'kompetencer')).toHaveLength(2);
  });

  it('two people grab the same card; the first drops it: the second’s drag ends at once, no ghost, and the next drag works', async () => {
    const { local, remote, destroy } = syncedBoards();
    cleanup.push(destroy);
    const widgetId = placeWidget(local);
    seedDeck(local, widgetId, DEFAULT_DECK, ORIGIN);
    const theirPresence = new FakePresence();
    const mine = await mount<KbCompetenceProfile>('kb-competence-profile', { board: local, widgetId, origin: ORIGIN });
    const theirs = await mount<KbCompetenceProfile>('kb-competence-profile', { board: remote, widgetId, origin: { user: 'them' }, presence: theirPresence });
    await settle(theirs);
    const [x, y] = cardsIn(cardsOf(local, widgetId), 'generic', 'kompetencer');
    // They press the card and start moving it …
    const cb = card(theirs, x!.id)!;
    const rb = cb.getBoundingClientRect();
    pointer(cb, 'pointerdown', rb.left + 5, rb.top + 5, 2);
    pointer(cb, 'pointermove', rb.left + 25, rb.top + 45, 2);
    await settle(theirs);
    expect(theirs.drag?.id).toBe(x!.id);
    expect(theirPresence.drags.at(-1)).toHaveLength(1);
    // … while I drag the same card into the local profile and drop it there.
    await drag(mine, card(mine, x!.id)!, mine.shadowRoot!.querySelector('section.local .column[data-column="kompetencer"]')!);
    await settle(theirs);
    expect(record(remote, x!.id)!.props.area).toBe('local');
    // Their card moved away under their finger: the next move ends their drag, and says so to the peers.
    pointer(document.body, 'pointermove', rb.left + 35, rb.top + 80, 2);
    await settle(theirs);
    expect(theirs.drag).toBeNull();
    expect(theirPresence.drags.at(-1)).toEqual([]);
    pointer(document.body, 'pointerup', rb.left + 35, rb.top + 80, 2);
    await settle(theirs);
    expect(record(remote, x!.id)!.props.area).toBe('local');
    // Their next drag works (no Escape needed).
    await drag(theirs, card(theirs, y!.id)!, theirs.shadowRoot!.querySelector('section.local .column[data-column="kompetencer"]')!);
    expect(record(local, y!.id)!.props.area).toBe('local');
  });

  it('a release over something else still ends the drag where it is', async () => {
    const { board, widgetId, el, presence } = await setup();
    const v = cardsIn(cardsOf(board, widgetId), 'generic', 'viden')[0]!;
    const c = card(el, v.id)!;
    const r = c.getBoundingClientRect();
    const dest = el.shadowRoot!.querySelector('section.local .column[data-column="viden"]')!.getBoundingClientRect();
    pointer(c, 'pointerdown', r.left + 5, r.top + 5);
    pointer(c, 'pointermove', dest.left + 20, dest.top + 60);
    // The release reaches the page, not the card (its capture is gone).
    pointer(document.body, 'pointerup', dest.left + 20, dest.top + 60);
    await settle(el);
    expect(record(board, v.id)!.props.area).toBe('local');
    expect(el.drag).toBeNull();
    expect(presence.drags.at(-1)).toEqual([]);
  });

  it('merges truly concurrent moves of two cards (offline edits exchanged afterwards)', () => {
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    const a = new Board(docA);
    const widgetId = placeWidget(a);
    seedDeck(a, widgetId, DEFAULT_DECK, ORIGIN);
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
    const b = new Board(docB);
    const [x, y] = cardsIn(cardsOf(a, widgetId), 'generic', 'viden');
    a.updateProps(x!.id, { area: 'local', order: 1 }, ORIGIN);
    b.updateProps(y!.id, { area: 'local', order: 1 }, ORIGIN);
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB));
    for (const board of [a, b]) expect(cardsIn(cardsOf(board, widgetId), 'local', 'viden').map((c) => c.id)).toEqual([x!.id, y!.id].sort());
    a.destroy();
    b.destroy();
  });

  it('blocks every write when readonly, and says why', async () => {
    const { board, widgetId, el } = await setup({ readonly: true, canEditDeck: true });
    const before = snapshot(board, widgetId);
    const v = cardsIn(cardsOf(board, widgetId), 'generic', 'viden')[0]!;
    const c = card(el, v.id)!;
    expect(part(c, 'move-button').hasAttribute('disabled')).toBe(true);
    expect(part(c, 'card').getAttribute('aria-disabled')).toBe('true');
    expect(c.shadowRoot!.querySelector('#hint')!.textContent).toContain('låst');
    part(c, 'move-button').click();
    part(c, 'card').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await drag(el, c, el.shadowRoot!.querySelector('section.local .column[data-column="viden"]')!);
    const add = el.shadowRoot!.querySelector<HTMLButtonElement>('[data-add="viden"]')!;
    expect(add.disabled).toBe(true);
    add.click();
    await settle(el);
    expect(el.shadowRoot!.querySelector('form.add')).toBeNull();
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!.disabled).toBe(true);
    expect(await el.loadDeckFile(new Blob(['[{"column":"viden","text":"x"}]']))).toBe(false);
    expect(el.shadowRoot!.querySelector('.locked')!.textContent).toBe('Tavlen er låst – kortene kan ikke ændres');
    expect(snapshot(board, widgetId)).toBe(before);
  });

  it('shows hostile text as literal text', async () => {
    const { board, widgetId, el } = await setup();
    const id = board.create('competence-card', { props: { widget: widgetId, area: 'local', column: 'viden', text: HOSTILE, textEn: '', deckKey: '', order: 1 } }, ORIGIN);
    await settle(el);
    const c = card(el, id)!;
    expect(part(c, 'text').textContent).toBe(HOSTILE);
    expect(c.shadowRoot!.querySelector('img')).toBeNull();
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    expect(part(c, 'move-button').getAttribute('aria-label')).toBe(`Tilbage til generisk profil: ${HOSTILE}`);
  });

  it('loads a facilitator deck from a JSON file, and shows parseDeck errors changing nothing', async () => {
    const { board, widgetId, el } = await setup();
    expect(el.shadowRoot!.querySelector('input[type=file]')).toBeNull();
    el.canEditDeck = true;
    await settle(el);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
    expect(input.closest('label')!.textContent).toContain('Indlæs kortsæt (JSON)');
    const kept = cardsIn(cardsOf(board, widgetId), 'generic', 'viden')[0]!;
    board.updateProps(kept.id, { area: 'local' }, ORIGIN);
    const before = snapshot(board, widgetId);

    const choose = async (content: string) => {
      const files = new DataTransfer();
      files.items.add(new File([content], 'deck.json', { type: 'application/json' }));
      input.files = files.files;
      const done = new Promise((r) => {
        el.addEventListener('kb-deck-loaded', r, { once: true });
        el.addEventListener('kb-deck-error', r, { once: true });
      });
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await done;
      await settle(el);
    };
    const alert = () => el.shadowRoot!.querySelector('[role="alert"]')!.textContent!;

    await choose('[{"column":"viden","text":"Ok"},{"column":"hjerte","text":"Nej"}]');
    expect(alert()).toBe('Kortsættet kunne ikke indlæses: card 2: column must be one of viden, kompetencer, faerdigheder');
    expect(snapshot(board, widgetId)).toBe(before);
    await choose('not json');
    expect(alert()).toBe('Kortsættet kunne ikke indlæses: filen er ikke gyldig JSON');
    expect(snapshot(board, widgetId)).toBe(before);

    await choose(JSON.stringify([{ column: 'viden', text: { da: 'Ny viden', en: 'New knowledge' } }, { column: 'faerdigheder', text: 'Fælles' }]));
    expect(alert()).toBe('');
    const cards = cardsOf(board, widgetId);
    expect(cards.map((c) => c.props.text).sort()).toEqual(['Fælles', 'Ny viden', kept.props.text].sort());
    expect(cardsInDom(el, 'generic', 'viden').map((c) => c.text)).toEqual(['Ny viden']);
    expect(cardsInDom(el, 'local', 'viden').map((c) => c.dataset.itemId)).toEqual([kept.id]);
  });

  it('shows a peer’s in-flight drag of one of its cards as a ghost with the peer’s name', async () => {
    const { board, widgetId, el, presence } = await setup();
    const v = cardsIn(cardsOf(board, widgetId), 'generic', 'viden')[0]!;
    presence.peerList = [
      { clientId: 7, user: { name: 'Aya', color: '#7d3c98' }, cursor: null, view: null, drags: [{ itemId: v.id, x: 300, y: 400, target: 'local:viden' }, { itemId: 'someoneElse', x: 1, y: 1 }] },
    ];
    presence.emit();
    await settle(el);
    const ghosts = el.shadowRoot!.querySelectorAll('[part="ghost"]');
    expect(ghosts).toHaveLength(1);
    expect(ghosts[0]!.getAttribute('data-ghost-of')).toBe(v.id);
    expect(ghosts[0]!.textContent).toContain('Aya');
    presence.peerList = [];
    presence.emit();
    await settle(el);
    expect(el.shadowRoot!.querySelectorAll('[part="ghost"]')).toHaveLength(0);
  });

  it('switches to English: column titles Knowledge / Skills / Attitudes, area titles, card texts', async () => {
    const { board, widgetId, el } = await setup();
    setLocale('en');
    await settle(el);
    const headings = [...el.shadowRoot!.querySelectorAll('section.local h4 span:first-child')].map((h) => h.textContent);
    expect(headings).toEqual(['Knowledge', 'Skills', 'Attitudes']);
    expect(el.shadowRoot!.querySelector('section.local h3')!.textContent!.trim()).toBe('Local profile');
    expect(el.shadowRoot!.querySelector('section.generic h3')!.textContent!.trim()).toBe('Generic profile');
    const v = cardsIn(cardsOf(board, widgetId), 'generic', 'viden')[0]!;
    const c = card(el, v.id)!;
    await c.updateComplete;
    expect(part(c, 'text').textContent).toBe('Respect the target group');
    expect(part(c, 'move-button').getAttribute('aria-label')).toBe('To local profile: Respect the target group');
    expect(el.shadowRoot!.querySelector('[data-add="viden"]')!.textContent!.trim()).toBe('+ Own card');
  });
});
