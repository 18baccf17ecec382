/**
 * `<kb-timer>`: the workshop timer (mm:ss) from the control document's timer. The clock itself
 * is not read out every second; a polite live region says "5 minutes left", "1 minute left"
 * and "Time is up" as those moments pass.
 */
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { visuallyHidden } from '../../widgets/shared/styles.js';
import { customElement, property, state } from 'lit/decorators.js';
import { LocaleController } from '../i18n/lit.js';
import type { ControlState } from '../workshop/api.js';
import { formatClock, timerRemaining } from './control.js';
import { m } from './messages.js';

const MARKS: [number, 'group.timer5' | 'group.timer1' | 'group.timer0'][] = [
  [5 * 60_000, 'group.timer5'],
  [60_000, 'group.timer1'],
  [0, 'group.timer0'],
];

/** The announcement due when the time left goes from `before` to `after` (ms), if any. */
export function crossedMark(before: number | null, after: number): string | null {
  if (before === null || after >= before) return null;
  let due: string | null = null;
  for (const [at, key] of MARKS) if (before > at && after <= at) due = m(key);
  return due;
}

@customElement('kb-timer')
export class KbTimer extends LitElement {
  static override styles = [visuallyHidden, css`
    :host {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      font-variant-numeric: tabular-nums;
    }
    .clock {
      font-size: 1.5rem;
      font-weight: 700;
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      padding: 2px 10px;
      border-radius: 6px;
      background: var(--kb-accent-soft, #dbe7f7);
      color: var(--kb-text, #1c1f23);
    }
    .clock.low {
      background: #ffe08a;
    }
    .clock.up {
      background: var(--kb-danger, #b3261e);
      color: #fff;
    }
  `];

  @property({ attribute: false }) timer: ControlState['timer'] | null = null;
  /** The clock (replaceable in tests). */
  @property({ attribute: false }) now: () => number = () => Date.now();
  @state() private announcement = '';
  #tick: ReturnType<typeof setInterval> | undefined;
  #last: number | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#tick);
    this.#tick = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#schedule();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('timer')) this.#schedule();
    const r = this.timer ? timerRemaining(this.timer, this.now()) : null;
    if (!r) {
      this.#last = null;
      return;
    }
    const said = crossedMark(this.#last, r.ms);
    if (said) this.announcement = said;
    this.#last = r.ms;
  }

  #schedule(): void {
    const running = this.timer?.endsAt != null;
    if (running && !this.#tick && this.isConnected) this.#tick = setInterval(() => this.requestUpdate(), 250);
    if (!running && this.#tick) {
      clearInterval(this.#tick);
      this.#tick = undefined;
    }
  }

  /** Forces a re-read of the clock (tests). */
  tick(): void {
    this.requestUpdate();
  }

  override render() {
    const r = this.timer ? timerRemaining(this.timer, this.now()) : null;
    return html`${r
        ? html`<span class="label" part="label">${m('group.timer')}</span>
            <span role="timer" class="clock ${r.ms === 0 ? 'up' : r.ms <= 60_000 ? 'low' : ''}" aria-label="${m('group.timer')} ${formatClock(r.ms)}">${formatClock(r.ms)}</span>
            ${r.running ? nothing : html`<span class="paused">${m('group.timerPaused')}</span>`}`
        : nothing}
      <span class="visually-hidden" role="status" aria-live="polite">${this.announcement}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-timer': KbTimer;
  }
}
