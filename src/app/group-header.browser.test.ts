/**
 * The group header moves nothing: the timer starting and the banners (message, lock) showing
 * leave the board where it is; the banners hang over its top, and the board's bars move
 * below them so that no control lies under a banner.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/index.js';
import type { WorkshopView } from '../workshop/api.js';
import './group-page.js';
import type { KbGroupPage } from './group-page.js';
import { controlState, FakeControl, FakeFetch, fakeServices } from './test-fakes.js';

const ID = 'W1234567890abcde';
const VIEW: WorkshopView = {
  id: ID,
  title: 'Kædeansvar i Aarhus',
  parts: ['kaedeansvar'],
  locale: 'da',
  createdAt: 0,
  locked: false,
  crossView: false,
  role: 'participant',
  group: 1,
  groups: [1, 2].map((n) => ({ number: n, name: `Gruppe ${n}`, room: `w-${ID}-g${n}`, online: 0 })),
  controlRoom: `w-${ID}-control`,
  expiresAt: 0,
};

afterEach(() => {
  document.body.innerHTML = '';
  sessionStorage.clear();
  localStorage.removeItem('kaedeboard:name');
  setLocale('da');
});

const frames = (n = 2) => new Promise<void>((r) => {
  const step = (): void => (--n <= 0 ? r() : void requestAnimationFrame(step));
  requestAnimationFrame(step);
});

describe('<kb-group-header> over the board', () => {
  for (const width of [1280, 390]) {
    it(`the timer and the banners move neither the board nor its content (${width} px wide)`, async () => {
      localStorage.setItem('kaedeboard:name', 'Anna');
      sessionStorage.setItem(`kaedeboard:token:g:${ID}:1`, 'G'.repeat(32));
      const control = new FakeControl(controlState());
      const { services } = fakeServices(new FakeFetch({ [`GET /api/workshops/${ID}`]: VIEW }), control);
      const el = document.createElement('kb-group-page') as KbGroupPage;
      Object.assign(el, { workshopId: ID, group: 1, services });
      el.style.cssText = `display:block;width:${width}px;height:800px`;
      document.body.append(el);
      await new Promise((r) => setTimeout(r, 50));
      await el.updateComplete;
      const root = el.shadowRoot!;
      const board = root.querySelector('kb-board')!;
      await board.updateComplete;
      await frames();
      const before = board.getBoundingClientRect().top;
      const view = { ...board.view };
      control.set({ timer: { endsAt: Date.now() + 10 * 60_000, remainingMs: null }, message: { text: 'Husk at gemme jeres profil inden pausen', at: 1 }, locked: true });
      await el.updateComplete;
      await frames(3);
      await board.updateComplete;
      expect(root.querySelector('kb-timer')!.shadowRoot!.querySelector('[role=timer]')).not.toBeNull();
      expect(board.getBoundingClientRect().top).toBe(before);
      expect(board.view).toEqual(view);
      // The banners lie over the board's top; every control of the board clears them.
      const banners = root.querySelector('.banners')!.getBoundingClientRect();
      expect(banners.top).toBeGreaterThanOrEqual(before - 1);
      expect(banners.height).toBeGreaterThan(40);
      for (const c of board.shadowRoot!.querySelectorAll('.bar button, .bar select')) {
        const r = c.getBoundingClientRect();
        if (r.width > 1) expect(r.top, c.outerHTML.slice(0, 60)).toBeGreaterThanOrEqual(banners.bottom);
      }
      // Hiding the message gives the room back.
      (root.querySelector('.banner.message button') as HTMLButtonElement).click();
      control.set({ locked: false });
      await el.updateComplete;
      await frames(3);
      expect(root.querySelector('.banners')!.getBoundingClientRect().height).toBe(0);
      expect(getComputedStyle(el).getPropertyValue('--kb-overlay-top').trim()).toBe('0px');
      expect(board.getBoundingClientRect().top).toBe(before);
    });
  }
});
