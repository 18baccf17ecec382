/**
 * `<kb-app>`: the router. One page element per route (see routes.ts):
 *   /                    <kb-start-page>    create a workshop; open a free board; go to /join
 *   /join                <kb-join-page>     type a group code
 *   /b/<room>            <kb-board-page>    a free board by name
 *   /g/<id>/<n>#<token>  <kb-group-page>    a group's board in a workshop
 *   /f/<id>#<token>      <kb-console-page>  the facilitator's overview
 *   /p/<id>#<token>      <kb-plenum-page>   the plenum view
 * Every page load starts clean (links are full navigations), so the router reads the path once.
 */
import { html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { setLocale } from '../i18n/index.js';
import { LocaleController } from '../i18n/lit.js';
import './bits.js';
import { savedLocale } from './identity.js';
import { m } from './messages.js';
import { pageStyles } from './page-styles.js';
import { parseRoute, type Route } from './routes.js';
// What participants open is in the first bundle; the facilitator's pages load when visited.
import './board-page.js';
import './group-page.js';
import './join-page.js';

const LAZY_PAGES: Partial<Record<Route['page'], () => Promise<unknown>>> = {
  start: () => import('./start-page.js'),
  console: () => import('./console-page.js'),
  plenum: () => import('./plenum-page.js'),
};

export { roomFromPath } from './routes.js';

@customElement('kb-app')
export class KbApp extends LitElement {
  static override styles = pageStyles;

  @state() private route: Route = parseRoute(location.pathname);
  /** Lazy pages whose module has arrived (their elements are rendered only then). */
  @state() private loaded: ReadonlySet<Route['page']> = new Set();

  constructor() {
    super();
    setLocale(savedLocale());
    new LocaleController(this);
  }

  override render() {
    const r = this.route;
    const load = LAZY_PAGES[r.page];
    if (load && !this.loaded.has(r.page)) {
      void load().then(() => (this.loaded = new Set([...this.loaded, r.page])));
      return html`<main class="page" aria-busy="true"><p class="hint">${m('common.loading')}</p></main>`;
    }
    switch (r.page) {
      case 'start':
        return html`<kb-start-page></kb-start-page>`;
      case 'join':
        return html`<kb-join-page></kb-join-page>`;
      case 'board':
        return html`<kb-board-page .room=${r.room}></kb-board-page>`;
      case 'group':
        return html`<kb-group-page .workshopId=${r.workshopId} .group=${r.group}></kb-group-page>`;
      case 'console':
        return html`<kb-console-page .workshopId=${r.workshopId}></kb-console-page>`;
      case 'plenum':
        return html`<kb-plenum-page .workshopId=${r.workshopId}></kb-plenum-page>`;
      default:
        return html`<main class="page">
            <section class="card" role="alert">
              <p>${m('route.notFound')}</p>
              <p><a href="/">${m('common.frontPage')}</a></p>
            </section>
          </main>
          <kb-lang></kb-lang>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-app': KbApp;
  }
}
