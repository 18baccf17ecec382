/**
 * What the facilitator leads on a group's page, loaded just after the page (it is not needed
 * before the control document has arrived):
 *
 * - `<kb-group-step>`: the step the workshop is at, over the board: which step of how many,
 *   its instruction in the participant's language, and "back to the task" while the
 *   participant's view is away from the step's tool. A page part (see `page-part.ts`).
 * - `leadBoard`: the board follows the control document: the current step (the board's
 *   `task`: it opens on the step's tool and glides there when the facilitator moves on),
 *   "bring everyone here" (to a tool, or a place the facilitator shows), the "look here"
 *   pointer, and following the facilitator's view. What was asked before the page opened is
 *   not replayed; only the step is.
 *
 * @event kb-back-to-task - the participant asks for the task's tool again.
 * @cssproperty --kb-accent-soft - the step bar's background (also --kb-accent).
 */
import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { defineMessages, getLocale } from '../i18n/index.js';
import { currentStep, type ControlState, type Step } from '../model/index.js';
import type { KbBoard } from '../canvas/board-element.js';
import { PagePart } from './page-part.js';

const sm = defineMessages({
  da: {
    step: 'Trin {n} af {total}',
    'kind.work': 'Gruppearbejde',
    'kind.profile': 'Kompetenceprofilen',
    'kind.wall': 'Refleksionsvæggen',
    'kind.plenum': 'Opsamling',
    kind: 'Opgave',
    back: 'Tilbage til opgaven',
    more: 'Vis hele',
    less: 'Vis mindre',
  },
  en: {
    step: 'Step {n} of {total}',
    'kind.work': 'Group work',
    'kind.profile': 'The competence profile',
    'kind.wall': 'The reflection wall',
    'kind.plenum': 'Summing up',
    kind: 'Task',
    back: 'Back to the task',
    more: 'Show all',
    less: 'Show less',
  },
});

/** The step's instruction in the page's language (the other one when that is empty). */
export function stepText(step: Step): string {
  const { da, en } = step.text;
  return (getLocale() === 'en' ? en || da : da || en).trim();
}

export const groupStepStyles = css`
  kb-group-step {
    display: block;
  }
  .step {
    padding: 6px 14px 8px;
    background: var(--kb-accent-soft, #dbe7f7);
    border-bottom: 1px solid var(--kb-accent, #1f5fa8);
  }
  .step .head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 4px 12px;
    min-height: 28px;
  }
  .step .which {
    font-size: 1rem;
    font-weight: 700;
    margin: 0;
  }
  .step .text {
    display: block;
    width: 100%;
    margin: 2px 0 0;
    padding: 0;
    font: inherit;
    font-size: 1.05rem;
    line-height: 1.4;
    text-align: left;
    color: inherit;
    background: none;
    border: none;
    border-radius: 0;
    min-height: 0;
  }
  button.text {
    cursor: pointer;
  }
  .step .text.clamped {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }
  .step .back {
    min-height: 44px;
    padding: 4px 12px;
  }
  @media (min-width: 900px) {
    .step .text.clamped {
      -webkit-line-clamp: 3;
    }
  }
`;

@customElement('kb-group-step')
export class KbGroupStep extends PagePart {
  static override styles = groupStepStyles;

  @property({ attribute: false }) control: ControlState | null = null;
  /** The participant's view is away from the step's tool. */
  @property({ type: Boolean }) offTask = false;
  @state() private expanded = false;
  /** The instruction is longer than its lines: a press on it shows it whole. */
  @state() private overflows = false;
  #text = '';

  protected override updated(): void {
    const el = this.querySelector<HTMLElement>('.text');
    if (!el || this.expanded) return;
    const over = el.scrollHeight > el.clientHeight + 1;
    if (over !== this.overflows) this.overflows = over;
  }

  override render() {
    const c = this.control;
    const step = currentStep(c);
    if (!c || !step) return nothing;
    const text = stepText(step);
    if (text !== this.#text) {
      this.#text = text;
      this.expanded = false;
    }
    const kind = (['work', 'profile', 'wall', 'plenum'] as const).find((k) => k === step.kind);
    const clamped = this.expanded ? '' : 'clamped';
    return html`<section class="step" aria-labelledby="step-which" data-step=${step.id}>
      <div class="head">
        <h2 class="which" id="step-which">${sm('step', { n: c.steps.indexOf(step) + 1, total: c.steps.length })} · ${kind ? sm(`kind.${kind}`) : sm('kind')}</h2>
        ${this.offTask ? html`<button type="button" class="back" data-action="back-to-task" @click=${() => this.emit('kb-back-to-task', {})}>${sm('back')}</button>` : nothing}
      </div>
      ${this.overflows || this.expanded
        ? html`<button type="button" class="text ${clamped}" aria-expanded=${String(this.expanded)} title=${this.expanded ? sm('less') : sm('more')} @click=${() => (this.expanded = !this.expanded)}>${text}</button>`
        : html`<p class="text ${clamped}">${text}</p>`}
    </section>`;
  }
}

/** What `leadBoard` has already acted on (each page keeps one). */
export interface LeadSeen {
  /** Attention and pointer times already acted on (or already there when the page opened). */
  attention: number;
  pointer: number;
  /** The facilitator's connection this board follows because it was asked to. */
  following: number | null;
  started: boolean;
}

export function newLeadSeen(): LeadSeen {
  return { attention: 0, pointer: 0, following: null, started: false };
}

export type Task = { tools: Step['tools']; key: string };

/** The board's task for the control state: the current step's tools, keyed by step and time (`prev` when unchanged). */
export function taskOf(c: ControlState | null, prev: Task | null = null): Task | null {
  const step = currentStep(c);
  if (!step || !c?.step) return null;
  const key = `${step.id}@${c.step.at}`;
  return prev?.key === key ? prev : { tools: step.tools, key };
}

/**
 * Makes the board follow what the facilitator asks of group `group` (see the header). The
 * first call only notes what is there, so that an old "bring everyone here" is not replayed.
 */
export function leadBoard(board: KbBoard | null, c: ControlState | null, group: number, seen: LeadSeen): void {
  if (!board || !c) return;
  const mine = (g: number | null): boolean => g === null || g === group;
  const a = c.attention && mine(c.attention.group) ? c.attention : null;
  const p = c.pointer && c.pointer.group === group ? c.pointer : null;
  board.pointer = p ? { x: p.x, y: p.y } : null;
  if (!seen.started) {
    seen.started = true;
    seen.attention = a?.at ?? 0;
    seen.pointer = p?.at ?? 0;
  }
  if (a && a.at > seen.attention) {
    seen.attention = a.at;
    if (a.rect) board.showRect(a.rect);
    else if (a.tool) board.showTool(a.tool);
  }
  if (p && p.at > seen.pointer) {
    seen.pointer = p.at;
    board.showPoint(p.x, p.y);
  }
  const lead = c.lead && c.lead.group === group ? c.lead.clientId : null;
  if (lead !== seen.following) {
    seen.following = lead;
    board.followPeer(lead);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-group-step': KbGroupStep;
  }
}
