/**
 * `<kb-plenum-synthesis>`: the plenum's "Fælles opsamling": what every group made, gathered
 * (src/workshop/synthesis.ts) from the boards the page shows, live while the groups work or
 * from a snapshot set, and the votes. Each section is a card on the page with "show on the
 * screen", and a slide: `present` set, the part draws that section full screen in large type
 * (body text from 20 px) with its place, Previous, Next and Leave; the page keeps the keys.
 *
 * A page part (see `page-part.ts`). It follows the boards (a change re-gathers, at most every
 * 200 ms) and draws with ./synthesis-views.ts and `<kb-plenum-votes>`.
 *
 * @event kb-present-synthesis - detail `{ index: number }`: show section `index` as a slide (may run past either end).
 * @event kb-leave - detail `null`: leave the slides.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { getLocale } from '../i18n/index.js';
import type { VoteSignal } from '../model/control.js';
import { synthesize, type Synthesis } from '../workshop/synthesis.js';
import { sm } from '../workshop/synthesis-messages.js';
import { m } from './facilitator-messages.js';
import { PagePart } from './page-part.js';
import type { Shown } from './plenum-common.js';
import type { PlenumClient } from './plenum-client.js';
import { pm } from './plenum-messages.js';
import { plenumSynthesisStyles } from './plenum-synthesis.styles.js';
import './plenum-votes.js';
import { renderCards, renderCriteria, renderMatrix, renderProblems, renderWall, type CellChoice } from './synthesis-views.js';

/** How often at most the synthesis is gathered again while boards change. */
export const REGATHER_MS = 200;

interface Section {
  id: 'criteria' | 'matrix' | 'cards' | 'wall' | 'votes';
  title: string;
  body: () => TemplateResult;
}

@customElement('kb-plenum-synthesis')
export class KbPlenumSynthesis extends PagePart {
  static override styles = plenumSynthesisStyles;

  @property({ attribute: false }) shown: Shown[] = [];
  @property() workshopId = '';
  @property({ attribute: false }) client: PlenumClient | null = null;
  @property({ attribute: false }) signal: VoteSignal | null = null;
  /** The section shown as a slide (its place in the sections), or null. */
  @property({ attribute: false }) present: number | null = null;

  @state() private synthesis: Synthesis | null = null;
  @state() private cell: CellChoice | null = null;
  @state() private profileGroup: number | null = null;

  #offs: (() => void)[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #watched: Shown[] = [];

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unwatch();
    clearTimeout(this.#timer);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#watched !== this.shown) this.#watch();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('shown') && this.#watched !== this.shown) this.#watch();
  }

  #unwatch(): void {
    for (const off of this.#offs) off();
    this.#offs = [];
  }

  #watch(): void {
    this.#unwatch();
    this.#watched = this.shown;
    for (const g of this.shown) if (g.board) this.#offs.push(g.board.observe(() => this.#soon()));
    this.#gather();
  }

  #soon(): void {
    if (this.#timer !== undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#gather();
    }, REGATHER_MS);
  }

  #gather(): void {
    this.synthesis = synthesize(
      this.shown.map((g) => ({ number: g.number, name: g.name, board: g.board })),
      getLocale(),
    );
  }

  /** The sections there is something for (the votes always), in order. */
  sections(): Section[] {
    const s = this.synthesis;
    if (!s) return [];
    const out: Section[] = [];
    if (s.sections['seven-themes'].groups.length > 0) out.push({ id: 'criteria', title: sm('criteriaTitle'), body: () => renderCriteria(s, this.cell, (c) => (this.cell = c)) });
    if (s.sections['bor-gor-matrix'].groups.length > 0) out.push({ id: 'matrix', title: sm('matrixTitle'), body: () => renderMatrix(s) });
    if (s.sections['competence-profile'].groups.length > 0) out.push({ id: 'cards', title: sm('cardsTitle'), body: () => renderCards(s, this.profileGroup, (n) => (this.profileGroup = n)) });
    if (s.sections['reflection-wall'].groups.length > 0) out.push({ id: 'wall', title: sm('wallTitle'), body: () => renderWall(s) });
    out.push({ id: 'votes', title: sm('votesTitle'), body: () => this.#votes(this.present !== null) });
    return out;
  }

  #votes(slide: boolean): TemplateResult {
    const s = this.synthesis;
    return html`<kb-plenum-votes
      .workshopId=${this.workshopId}
      .client=${this.client}
      .signal=${this.signal}
      ?slide=${slide}
      .groupNames=${(n: number) => s?.groups.find((g) => g.number === n)?.name ?? String(n)}
    ></kb-plenum-votes>`;
  }

  #renderSlide(sections: Section[], i: number): TemplateResult {
    const sec = sections[i];
    if (!sec) return html`${nothing}`;
    return html`<section class="presenting synthesis-slide" role="dialog" aria-modal="true" aria-labelledby="slide-h" data-section=${sec.id}>
      <header>
        <h2 id="slide-h">${sec.title}</h2>
        <span class="pos" aria-live="polite">${pm('synthesis.slide', { pos: i + 1, total: sections.length })}</span>
        <div class="nav">
          <button type="button" class="secondary big" data-action="previous" @click=${() => this.emit('kb-present-synthesis', { index: i - 1 })}>← ${m('plenum.previous')}</button>
          <button type="button" class="big" data-action="next" @click=${() => this.emit('kb-present-synthesis', { index: i + 1 })}>${m('plenum.next')} →</button>
          <button type="button" class="secondary big" data-action="leave" @click=${() => this.emit('kb-leave', null)}>${m('plenum.leave')}</button>
        </div>
      </header>
      <div class="slide-body" data-section=${sec.id}>${sec.body()}</div>
    </section>`;
  }

  override render() {
    const s = this.synthesis;
    if (!s) return html`<p class="hint">${pm('synthesis.loading')}</p>`;
    const sections = this.sections();
    if (this.present !== null) return this.#renderSlide(sections, this.present);
    return html`<div class="synthesis">
      <div class="row">
        <button type="button" class="big" data-action="present-synthesis" @click=${() => this.emit('kb-present-synthesis', { index: 0 })}>${pm('synthesis.presentAll')}</button>
        <span class="hint">${pm('synthesis.groupCount', { count: s.groups.filter((g) => g.present).length })}</span>
      </div>
      ${renderProblems(s)}
      ${sections.map(
        (sec, i) => html`<section class="card stack synthesis-section" data-section=${sec.id} aria-labelledby=${`sec-${sec.id}`}>
          <div class="row spread">
            <h2 id=${`sec-${sec.id}`}>${sec.title}</h2>
            <button type="button" class="secondary" data-action="present-section" @click=${() => this.emit('kb-present-synthesis', { index: i })}>${pm('synthesis.present')}</button>
          </div>
          ${sec.body()}
        </section>`,
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-plenum-synthesis': KbPlenumSynthesis;
  }
}
