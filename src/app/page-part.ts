/**
 * The base of a page's parts (`<kb-console-timer>`, `<kb-plenum-compare>`, `<kb-peek-dialog>`, …):
 * a Lit element that renders into its page's tree instead of a shadow root of its own.
 *
 * Why no shadow root: a page is one accessible document for its user and its tests. Its
 * status line, headings, `aria-labelledby` ids, the page's form styles and the selectors
 * that the page's component tests and the e2e suite use (`ol.tiles > li`, `#minutes`,
 * `dialog.peek`) all reach into the parts as they did when the page was one file. The part's
 * own styles still live in its `*.styles.ts`: set them as `static styles`, and the part adopts
 * them into the root it is rendered in (once per root). Because the styles are the page's,
 * CSS parts do not apply; a part is themed through the page's CSS custom properties.
 *
 * A part takes what it shows as properties and says what the user did with `emit`: a
 * CustomEvent named `kb-…` that bubbles and is composed. The page acts on it (the API call,
 * the busy flag, the status line), so every part stays a view.
 *
 * A part's `updateComplete` waits for the parts inside it, and a page that holds parts makes
 * its own do the same with `partsUpdated` (what Lit advises for composed elements), so "the
 * page has updated" still means everything it shows has.
 */
import { LitElement, type CSSResultOrNative } from 'lit';
import { LocaleController } from '../i18n/lit.js';

export class PagePart extends LitElement {
  constructor() {
    super();
    new LocaleController(this);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    adoptInto(this.getRootNode(), (this.constructor as typeof LitElement).elementStyles);
    super.connectedCallback();
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await partsUpdated(this);
    return done;
  }

  /** Dispatches `kb-…` with `detail`, bubbling and composed. */
  protected emit<T>(name: `kb-${string}`, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true }));
  }
}

/** Resolves when every page part inside `root` has finished its pending update. */
export async function partsUpdated(root: ParentNode): Promise<void> {
  const parts = [...root.querySelectorAll('*')].filter((e): e is PagePart => e instanceof PagePart);
  await Promise.all(parts.map((p) => p.updateComplete));
}

/** Adds the style sheets that `root` does not have yet, after the ones it has. */
function adoptInto(root: Node, styles: readonly CSSResultOrNative[]): void {
  if (!(root instanceof ShadowRoot || root instanceof Document)) return;
  const sheets = styles.flatMap((s) => {
    const sheet = s instanceof CSSStyleSheet ? s : s.styleSheet;
    return sheet && !root.adoptedStyleSheets.includes(sheet) ? [sheet] : [];
  });
  if (sheets.length > 0) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
}
