/**
 * WCAG 2.1 AA, checked by axe-core in real Chromium (shadow DOM included), its experimental
 * rules too (label in name, focus order semantics): the board with all four widgets in Danish
 * and English, with content and in the states a participant brings them to (a post liked, a
 * note's menu open, a criterion's panel open, a card's tools showing, a peer's cursor and drag,
 * a tool cut by the screen's edge),
 * on a laptop-wide and a phone-wide board (its bottom bar and both sheets open), and the pages
 * a participant and a facilitator meet (start, join, the name prompt).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/index.js';
import { addPost, toggleLike } from '../kinds/reflection-wall/records.js';
import { addNote, setAssessment } from '../kinds/seven-themes/records.js';
import type { Board } from '../model/index.js';
import { placeWorkshop } from '../workshop/template.js';
import { axeViolations, FakePresence, settle, syncedBoards } from '../../widgets/shared/test-utils.js';
import '../canvas/board-element.js';
import type { KbBoard } from '../canvas/board-element.js';
import './widgets.js';
import './bits.js';
import './start-page.js';
import './join-page.js';

const audit = axeViolations;

afterEach(() => {
  document.body.innerHTML = '';
  setLocale('da');
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A board with the whole workshop on it and some of everyone's work. */
function workshopBoard(locale: 'da' | 'en'): { board: Board; destroy(): void } {
  const boards = syncedBoards();
  const board = boards.local;
  placeWorkshop(board, { title: 'A11y', parts: ['kaedeansvar', 'kontaktperson'], locale }, 'test');
  board.create('note', { props: { text: 'En seddel' }, geometry: { x: -400, y: 0 } }, 'test');
  const widget = (type: string) => board.read().items.find((i) => i.kind === 'widget' && i.props.widget === type)!.id;
  const column = board.owned(widget('reflection-wall'), 'wall-column')[0]!;
  const post = addPost(board, column.id, 'Vi ringer til skolen', 'Ida', 'tag-ida', 'test');
  toggleLike(board, post, 'tag-bo', 'test');
  addPost(board, column.id, 'Uden navn', '', 'tag-bo', 'test');
  const themes = widget('seven-themes');
  for (const n of [1, 5, 6, 7]) setAssessment(board, themes, n, n % 2 ? 'under-way' : 'established', 'test');
  addNote(board, themes, 5, 'Ledelsen skal med', 'Ida', 'tag-ida', 'test');
  board.create('matrix-note', { props: { widget: widget('bor-gor-matrix'), field: 'bor-gor', text: 'Vi mødes hver uge', order: 1, criterion: 3, color: 'green' } }, 'test');
  return { board, destroy: () => boards.destroy() };
}

async function mountBoard(board: Board, size: { w: number; h: number }): Promise<{ el: KbBoard; presence: FakePresence }> {
  const presence = new FakePresence();
  const el = document.createElement('kb-board') as KbBoard;
  Object.assign(el, { board, presence, origin: {}, userName: 'Ida', clientTag: 'tag-ida', synced: true });
  el.style.cssText = `display:block;height:${size.h}px;width:${size.w}px`;
  document.body.append(el);
  await settle(el);
  await pause(300);
  const matrixNote = board.read().items.find((i) => i.kind === 'matrix-note')!;
  presence.setPeers([{ clientId: 9, user: { name: 'Bo', color: '#b3261e' }, cursor: { x: 300, y: 200 }, drags: [{ itemId: matrixNote.id, x: 1300, y: 300 }], view: null }]);
  await settle(el);
  return { el, presence };
}

const inWidget = <T extends Element>(el: KbBoard, widget: string, sel: string): T => {
  const host = el.shadowRoot!.querySelector(`[data-widget="${widget}"] .widget-body > *`)!;
  return host.shadowRoot!.querySelector(sel) as T;
};

describe('accessibility (axe-core, WCAG 2.1 A and AA, experimental rules included)', () => {
  for (const locale of ['da', 'en'] as const) {
    it(`a board with all four widgets and their content has no violations, in its states (${locale})`, async () => {
      setLocale(locale);
      const { board, destroy } = workshopBoard(locale);
      const { el } = await mountBoard(board, { w: 1400, h: 900 });
      expect(await audit(el), 'as it opens').toEqual([]);
      // A matrix note's actions and its criterion menu.
      const note = inWidget<HTMLElement>(el, 'bor-gor-matrix', 'li[data-item-id]');
      note.focus();
      await settle(el);
      (note.querySelector('button[data-action="criterion"]') as HTMLButtonElement).click();
      await pause(50);
      // A post's move menu.
      inWidget<HTMLButtonElement>(el, 'reflection-wall', 'button.move').click();
      await pause(50);
      // A card's tools (on focus).
      inWidget<HTMLElement>(el, 'competence-profile', 'kb-competence-card').focus();
      await pause(50);
      expect(await audit(el), 'with menus open').toEqual([]);
      // The criterion 5 panel (a note in it), and the skip links shown.
      const themes = el.shadowRoot!.querySelector('[data-widget="seven-themes"] .widget-body > *') as HTMLElement & { openPiece(n: number): Promise<void>; closePanel(): Promise<void> };
      await themes.openPiece(5);
      (el.shadowRoot!.querySelector('.skip button') as HTMLButtonElement).focus();
      await pause(50);
      expect(await audit(el), 'with a panel open').toEqual([]);
      // The puzzle half on screen: what shows of each piece is still in its name.
      await themes.closePanel();
      const g = board.read().items.find((i) => i.kind === 'widget' && i.props.widget === 'seven-themes')!.geometry;
      el.view = { x: g.x - 20, y: g.y, zoom: 1 };
      await settle(el);
      // Under load the view's items may still be redrawing: audit again until it settles (2 s).
      let cut = await audit(el);
      for (let i = 0; i < 10 && cut.length > 0; i++) {
        await pause(200);
        cut = await audit(el);
      }
      expect(cut, 'a tool cut by the screen’s edge').toEqual([]);
      destroy();
    });
  }

  it('a phone-wide board, its bottom bar and both sheets, has no violations', async () => {
    const { board, destroy } = workshopBoard('da');
    const { el } = await mountBoard(board, { w: 390, h: 780 });
    expect(el.shadowRoot!.querySelector('.bar.dock')).not.toBeNull();
    expect(await audit(el), 'bottom bar').toEqual([]);
    (el.shadowRoot!.querySelector('.dock .tools') as HTMLButtonElement).click();
    await settle(el);
    expect(await audit(el), 'palette sheet').toEqual([]);
    (el.shadowRoot!.querySelector('.dock .who') as HTMLButtonElement).click();
    await settle(el);
    expect(el.shadowRoot!.querySelector('.sheet kb-people')).not.toBeNull();
    expect(await audit(el), 'people sheet').toEqual([]);
    destroy();
  });

  it('the start page, the join page and the name prompt have no violations', async () => {
    for (const tag of ['kb-start-page', 'kb-join-page', 'kb-name-prompt']) {
      const el = document.createElement(tag);
      document.body.append(el);
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      expect(await audit(el), tag).toEqual([]);
      el.remove();
    }
  });

  it('a prompt opens with focus in its first field (the name prompt, the join page)', async () => {
    for (const [tag, field] of [['kb-name-prompt', 'name'], ['kb-join-page', 'code']] as const) {
      const el = document.createElement(tag);
      document.body.append(el);
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      expect(document.activeElement, tag).toBe(el);
      expect(el.shadowRoot!.activeElement?.id, tag).toBe(field);
      el.remove();
    }
  });
});
