/**
 * The headless entry (app.ts, what index.html loads) in a page of its own, an iframe of this
 * origin as Miro's hidden iframe is of kaedeboard's: it gets a fake `miro` before it loads,
 * opens the panel on an icon click with its session, and places what the panel (this page)
 * asks for over a real BroadcastChannel.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import './panel.js';
import type { MiroPanel } from './panel-element.js';
import type { FakeMiroBoard } from './test-fake-miro.js';

let frame: HTMLIFrameElement | undefined;
let panel: MiroPanel | undefined;

afterEach(() => {
  panel?.remove();
  frame?.remove();
  vi.unstubAllGlobals();
});

/** index.html's part, in an iframe: Miro's global first, then the entry module. */
async function headlessPage(): Promise<{ fake: FakeMiroBoard; win: Window & { fake?: FakeMiroBoard; ready?: boolean } }> {
  frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html><script type="module">
    const { FakeMiroBoard } = await import(${JSON.stringify(new URL('./test-fake-miro.ts', import.meta.url).href)});
    window.fake = new FakeMiroBoard();
    window.miro = { board: window.fake.iframe() };
    await import(${JSON.stringify(new URL('./app.ts', import.meta.url).href)});
    window.ready = true;
  </script>`;
  document.body.append(frame);
  const win = frame.contentWindow as Window & { fake?: FakeMiroBoard; ready?: boolean };
  await vi.waitFor(() => expect(win.ready).toBe(true), { timeout: 10_000 });
  return { fake: win.fake as FakeMiroBoard, win };
}

describe('the headless part in a page of its own', () => {
  it('opens the panel with its session and places what that panel asks for', async () => {
    const { fake } = await headlessPage();
    fake.clickIcon();
    await vi.waitFor(() => expect(fake.opened).toHaveLength(1));
    const url = new URL(fake.opened[0]?.url as string, location.href);
    expect(url.pathname).toBe('/miro/panel.html');
    const session = url.searchParams.get('s') as string;
    expect(session).toMatch(/^[0-9a-f-]{36}$/);

    vi.stubGlobal('miro', { board: fake.iframe() });
    const el = document.createElement('kb-miro-panel');
    el.session = session;
    document.body.append(el);
    panel = el;
    await vi.waitFor(() => expect(el.link).toBe('host'));
    el.querySelector<HTMLButtonElement>('button[data-place="seven-themes"]')?.click();
    await vi.waitFor(() => expect(el.status).toMatch(/^De syv kvalitetskriterier er placeret/), { timeout: 10_000 });
    expect(fake.frames()).toHaveLength(1);
    expect(fake.notices).toEqual([{ type: 'info', message: 'De syv kvalitetskriterier er placeret.' }]);
  });
});
