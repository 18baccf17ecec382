/**
 * WCAG 2.1 AA, checked by axe-core in real Chromium (shadow DOM included): the board with all
 * four widgets, in Danish and English, and the pages a participant and a facilitator meet.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/index.js';
import { placeWorkshop } from '../workshop/template.js';
import { axeViolations, FakePresence, settle, syncedBoards } from '../../widgets/shared/test-utils.js';
import '../canvas/board-element.js';
import type { KbBoard } from '../canvas/board-element.js';
import './widgets.js';
import './start-page.js';
import './join-page.js';

const audit = axeViolations;

afterEach(() => {
  document.body.innerHTML = '';
  setLocale('da');
});

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  for (const locale of ['da', 'en'] as const) {
    it(`a board with all four widgets has no violations (${locale})`, async () => {
      setLocale(locale);
      const boards = syncedBoards();
      placeWorkshop(boards.local, { title: 'A11y', parts: ['kaedeansvar', 'kontaktperson'], locale }, 'test');
      boards.local.create('note', { props: { text: 'En seddel' }, geometry: { x: -400, y: 0 } }, 'test');
      const el = document.createElement('kb-board') as KbBoard;
      Object.assign(el, { board: boards.local, presence: new FakePresence(), origin: {}, userName: 'Ida', clientTag: 'tag-ida' });
      el.style.cssText = 'display:block;height:900px;width:1400px';
      document.body.append(el);
      await settle(el);
      await new Promise((r) => setTimeout(r, 300));
      expect(await audit(el)).toEqual([]);
      boards.destroy();
    });
  }

  it('the start page and the join page have no violations', async () => {
    for (const tag of ['kb-start-page', 'kb-join-page']) {
      const el = document.createElement(tag);
      document.body.append(el);
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      expect(await audit(el), tag).toEqual([]);
      el.remove();
    }
  });
});
