/**
 * `<kb-console-timer>`: the facilitator's timer card in the console: the running clock, a
 * number of minutes to start with, and +1, +5, pause or resume, and stop. A page part (see
 * `page-part.ts`): it shows the timer it is given and asks the page to change it.
 *
 * @event kb-timer-request - detail `TimerRequest` (`{ action: 'start', minutes }`, `'add'`,
 *   `'pause'`, `'resume'`, `'stop'`): the facilitator asked for this.
 * @cssproperty --kb-text-muted - the "not running" hint (from the page's styles).
 */
import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ControlState, TimerRequest } from '../workshop/api.js';
import { timerRemaining } from './control.js';
import { consoleTimerStyles } from './console-timer.styles.js';
import { m } from './facilitator-messages.js';
import { PagePart } from './page-part.js';
import './timer-element.js';

const STOPPED: ControlState['timer'] = { endsAt: null, remainingMs: null };

@customElement('kb-console-timer')
export class KbConsoleTimer extends PagePart {
  static override styles = consoleTimerStyles;

  /** The control document's timer (null: none yet). */
  @property({ attribute: false }) timer: ControlState['timer'] | null = null;
  /** The server's clock, as well as the page knows it. */
  @property({ attribute: false }) now: () => number = () => Date.now();
  /** A request is on its way: the buttons wait. */
  @property({ type: Boolean }) busy = false;
  @state() private minutes = '10';

  #request(req: TimerRequest): void {
    this.emit<TimerRequest>('kb-timer-request', req);
  }

  override render() {
    const timer = this.timer ?? STOPPED;
    const r = timerRemaining(timer, this.now());
    const minutes = Number(this.minutes);
    const validMinutes = Number.isFinite(minutes) && minutes >= 1 && minutes <= 240;
    return html`<section class="card" aria-labelledby="timer-h">
      <div class="card-head">
        <h2 id="timer-h">${m('console.timer')}</h2>
        ${r ? html`<kb-timer .timer=${timer} .now=${this.now}></kb-timer>` : html`<p class="hint">${m('console.noTimer')}</p>`}
      </div>
      <form
        class="row"
        @submit=${(e: SubmitEvent) => {
          e.preventDefault();
          if (validMinutes) this.#request({ action: 'start', minutes: Math.round(minutes) });
        }}
      >
        <label for="minutes">${m('console.minutes')}</label>
        <input id="minutes" class="minutes" type="number" min="1" max="240" inputmode="numeric" .value=${this.minutes} @input=${(e: InputEvent) => (this.minutes = (e.target as HTMLInputElement).value)} />
        <button type="submit" data-action="timer-start" ?disabled=${this.busy || !validMinutes}>${m('console.start')}</button>
      </form>
      <div class="row">
        <button type="button" class="secondary" data-action="timer-add1" ?disabled=${this.busy || !r} @click=${() => this.#request({ action: 'add', minutes: 1 })}>${m('console.add1')}</button>
        <button type="button" class="secondary" data-action="timer-add5" ?disabled=${this.busy || !r} @click=${() => this.#request({ action: 'add', minutes: 5 })}>${m('console.add5')}</button>
        ${r?.running
          ? html`<button type="button" class="secondary" data-action="timer-pause" ?disabled=${this.busy} @click=${() => this.#request({ action: 'pause' })}>${m('console.pause')}</button>`
          : html`<button type="button" class="secondary" data-action="timer-resume" ?disabled=${this.busy || !r} @click=${() => this.#request({ action: 'resume' })}>${m('console.resume')}</button>`}
        <button type="button" class="secondary" data-action="timer-stop" ?disabled=${this.busy || !r} @click=${() => this.#request({ action: 'stop' })}>${m('console.stop')}</button>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-console-timer': KbConsoleTimer;
  }
}
