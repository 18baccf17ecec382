/**
 * `<kb-console-run-sheet>`: the workshop's programme in the console: its steps in order (the
 * one under way marked), "next step" and "previous", going to any step, "bring everyone here"
 * (every board to the current step's tool), and editing a step's instruction (Danish and
 * English) and minutes, before or during the workshop. A page part (see `page-part.ts`): it
 * shows the run-sheet it is given and asks the page for changes.
 *
 * @event kb-step-go - detail `{ step: string } | { to: 'next' | 'previous' }`: move the workshop there.
 * @event kb-step-edit - detail `{ id: string; text: { da: string; en: string }; minutes: number | null }`.
 * @event kb-bring - detail `{ group: null }`: bring every board to the current step's tool.
 * @cssproperty --kb-accent-soft - the current step's background (also --kb-accent).
 */
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { getLocale } from '../i18n/index.js';
import type { CurrentStep, Step } from '../model/index.js';
import { consoleRunSheetStyles } from './console-run-sheet.styles.js';
import { kindLabel, lm } from './lead-messages.js';
import { PagePart } from './page-part.js';

export interface StepEditRequest {
  id: string;
  text: { da: string; en: string };
  minutes: number | null;
}

@customElement('kb-console-run-sheet')
export class KbConsoleRunSheet extends PagePart {
  static override styles = consoleRunSheetStyles;

  @property({ attribute: false }) steps: Step[] = [];
  @property({ attribute: false }) step: CurrentStep | null = null;
  /** A request is on its way: the buttons wait. */
  @property({ type: Boolean }) busy = false;
  /** The step being edited, if any. */
  @state() private editing: string | null = null;

  /** The page saved the edit: the form closes. */
  saved(): void {
    this.editing = null;
  }

  #save(e: SubmitEvent, id: string): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const value = (name: string): string => (form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement).value;
    const minutes = value('minutes').trim();
    const n = Number(minutes);
    this.emit<StepEditRequest>('kb-step-edit', {
      id,
      text: { da: value('da').trim(), en: value('en').trim() },
      minutes: minutes === '' || !Number.isFinite(n) || n <= 0 ? null : Math.min(240, Math.round(n)),
    });
  }

  override render() {
    const steps = this.steps;
    const at = steps.findIndex((s) => s.id === this.step?.id);
    const busy = this.busy;
    return html`<section class="card run-sheet" aria-labelledby="run-sheet-h">
      <h2 id="run-sheet-h">${lm('runSheet')}</h2>
      <div class="row step-moves">
        <button type="button" class="secondary" data-action="previous-step" ?disabled=${busy || at <= 0} @click=${() => this.emit('kb-step-go', { to: 'previous' })}>← ${lm('previous')}</button>
        <button type="button" data-action="next-step" ?disabled=${busy || at >= steps.length - 1} @click=${() => this.emit('kb-step-go', { to: 'next' })}>
          ${at >= steps.length - 1 && steps.length > 0 ? lm('last') : lm('next')} →
        </button>
      </div>
      <span class="visually-hidden" id="go-step-hint">${lm('goHint')}</span>
      <ol class="steps">
        ${steps.map((s, i) => {
          const current = i === at;
          const label = `${lm('stepN', { n: i + 1 })} · ${kindLabel(s.kind)}`;
          const minutes = s.minutes ? lm('minutesN', { n: s.minutes }) : lm('noMinutes');
          const edit = html`<button type="button" class="secondary edit-step" data-action="edit-step" aria-expanded=${String(this.editing === s.id)} aria-label=${lm('editStep', { n: i + 1 })} title=${lm('editStep', { n: i + 1 })} @click=${() => (this.editing = this.editing === s.id ? null : s.id)}>✎</button>`;
          return html`<li data-step=${s.id} class=${current ? 'current' : ''} aria-current=${current ? 'step' : 'false'}>
            ${current
              ? html`<div class="step-line">
                    <span class="name"><strong>${lm('now')}:</strong> ${label}<span class="minutes"> · ${minutes}</span></span>
                    ${edit}
                  </div>
                  <p class="text">${getLocale() === 'en' ? s.text.en || s.text.da : s.text.da || s.text.en}</p>
                  <button type="button" data-action="bring-all" ?disabled=${busy} aria-describedby="bring-all-hint" @click=${() => this.emit('kb-bring', { group: null })}>${lm('bringAll')}</button>
                  <span class="visually-hidden" id="bring-all-hint">${lm('bringAllHint')}</span>`
              : html`<div class="step-line">
                  <button type="button" class="secondary go" data-action="go-step" aria-describedby="go-step-hint" ?disabled=${busy} @click=${() => this.emit('kb-step-go', { step: s.id })}>
                    <span class="n">${i + 1}</span><span class="k">${kindLabel(s.kind)}</span><span class="minutes">${minutes}</span>
                  </button>
                  ${edit}
                </div>`}
            ${this.editing === s.id
              ? html`<form class="stack edit" @submit=${(e: SubmitEvent) => this.#save(e, s.id)}>
                  <label for="da-${s.id}">${lm('textDa')}</label>
                  <textarea id="da-${s.id}" name="da" rows="4" maxlength="600" lang="da" .value=${s.text.da}></textarea>
                  <label for="en-${s.id}">${lm('textEn')}</label>
                  <textarea id="en-${s.id}" name="en" rows="4" maxlength="600" lang="en" .value=${s.text.en}></textarea>
                  <label for="min-${s.id}">${lm('minutes')}</label>
                  <input id="min-${s.id}" name="minutes" class="minutes" type="number" min="1" max="240" inputmode="numeric" .value=${s.minutes === null ? '' : String(s.minutes)} />
                  <div class="row">
                    <button type="submit" data-action="save-step" ?disabled=${busy}>${lm('save')}</button>
                    <button type="button" class="secondary" @click=${() => (this.editing = null)}>${lm('cancel')}</button>
                  </div>
                </form>`
              : nothing}
          </li>`;
        })}
      </ol>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-console-run-sheet': KbConsoleRunSheet;
  }
}
