/**
 * What the facilitator leads on a group's page (group-step.ts): the step bar with its
 * instruction and "back to the task", and the board following the control document: the
 * step's tools, "bring everyone here", the pointer and the lead, each acted on once, and
 * nothing replayed from before the page opened.
 */
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/index.js';
import type { KbBoard } from '../canvas/board-element.js';
import { defaultSteps } from '../workshop/run-sheet.js';
import type { WorkshopView } from '../workshop/api.js';
import './group-page.js';
import type { KbGroupPage } from './group-page.js';
import { leadBoard, newLeadSeen, taskOf } from './group-step.js';
import './group-step.js';
import type { KbGroupStep } from './group-step.js';
import { controlState, FakeControl, FakeFetch, fakeServices } from './test-fakes.js';

const ID = 'W1234567890abcde';
const STEPS = defaultSteps(['kaedeansvar', 'kontaktperson']);
const tick = () => new Promise((r) => setTimeout(r, 30));

afterEach(() => {
  document.body.innerHTML = '';
  sessionStorage.clear();
  localStorage.removeItem('kaedeboard:name');
  setLocale('da');
});

/** A board stand-in that records what it was asked. */
function recorder() {
  const calls: string[] = [];
  const board = {
    pointer: null as { x: number; y: number } | null,
    showRect: (r: { x: number }) => calls.push(`rect ${r.x}`),
    showTool: (t: string) => calls.push(`tool ${t}`),
    showPoint: (x: number, y: number) => calls.push(`point ${x},${y}`),
    followPeer: (c: number | null) => calls.push(`follow ${c}`),
  };
  return { calls, board: board as unknown as KbBoard & { pointer: { x: number; y: number } | null } };
}

describe('<kb-group-step>', () => {
  it('shows which step of how many, its instruction in the page’s language, and “back to the task” when away', async () => {
    const el = document.createElement('kb-group-step') as KbGroupStep;
    el.control = controlState({ steps: STEPS, step: { id: 'kontaktperson-profile', at: 5 } });
    document.body.append(el);
    await el.updateComplete;
    expect(el.querySelector('.which')!.textContent).toContain('Trin 3 af 5 · Kompetenceprofilen');
    expect(el.querySelector('.text')!.textContent).toBe(STEPS[2]!.text.da);
    expect(el.querySelector('[data-action=back-to-task]')).toBeNull();
    el.offTask = true;
    await el.updateComplete;
    let asked = 0;
    el.addEventListener('kb-back-to-task', () => asked++);
    (el.querySelector('[data-action=back-to-task]') as HTMLElement).click();
    expect(asked).toBe(1);
    setLocale('en');
    await el.updateComplete;
    expect(el.querySelector('.which')!.textContent).toContain('Step 3 of 5 · The competence profile');
    expect(el.querySelector('.text')!.textContent).toBe(STEPS[2]!.text.en);
    // No step: nothing.
    el.control = controlState();
    await el.updateComplete;
    expect(el.querySelector('.step')).toBeNull();
  });

  it('a long instruction shows in a few lines and whole on a press; axe finds nothing, experimental rules included', async () => {
    const host = document.createElement('div');
    host.style.width = '390px';
    document.body.append(host);
    const el = document.createElement('kb-group-step') as KbGroupStep;
    el.control = controlState({ steps: STEPS, step: { id: STEPS[0]!.id, at: 1 } });
    el.offTask = true;
    host.append(el);
    await el.updateComplete;
    await el.updateComplete;
    const text = el.querySelector('.text') as HTMLElement;
    expect(text.tagName).toBe('BUTTON');
    expect(text.getAttribute('aria-expanded')).toBe('false');
    const clamped = text.getBoundingClientRect().height;
    text.click();
    await el.updateComplete;
    expect(el.querySelector('.text')!.getAttribute('aria-expanded')).toBe('true');
    expect(el.querySelector('.text')!.getBoundingClientRect().height).toBeGreaterThan(clamped);
    const result = await axe.run(el, { resultTypes: ['violations'], rules: { region: { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});

describe('leadBoard', () => {
  it('acts once on each thing the facilitator asks of this group, and replays nothing from before', () => {
    const { calls, board } = recorder();
    const seen = newLeadSeen();
    const base = controlState({ steps: STEPS, step: { id: STEPS[0]!.id, at: 1 } });
    // Already there when the page opened: noted, not acted on (the pointer still shows).
    leadBoard(board, { ...base, attention: { group: null, at: 10, tool: 'bor-gor-matrix' }, pointer: { group: 1, x: 5, y: 6, at: 10 } }, 1, seen);
    expect(calls).toEqual([]);
    expect(board.pointer).toEqual({ x: 5, y: 6 });
    // Everyone to the matrix; then only group 2 (not us); then us, to a place.
    leadBoard(board, { ...base, attention: { group: null, at: 20, tool: 'bor-gor-matrix' } }, 1, seen);
    leadBoard(board, { ...base, attention: { group: null, at: 20, tool: 'bor-gor-matrix' } }, 1, seen);
    leadBoard(board, { ...base, attention: { group: 2, at: 30, tool: 'seven-themes' } }, 1, seen);
    leadBoard(board, { ...base, attention: { group: 1, at: 40, rect: { x: 100, y: 0, w: 10, h: 10 } } }, 1, seen);
    // A pointer for us, one for another group; the lead comes and goes.
    leadBoard(board, { ...base, pointer: { group: 1, x: 50, y: 60, at: 50 } }, 1, seen);
    leadBoard(board, { ...base, pointer: { group: 2, x: 1, y: 1, at: 60 } }, 1, seen);
    expect(board.pointer).toBeNull();
    leadBoard(board, { ...base, lead: { group: 1, clientId: 77, at: 70 } }, 1, seen);
    leadBoard(board, { ...base, lead: { group: 1, clientId: 77, at: 70 } }, 1, seen);
    leadBoard(board, { ...base, lead: null }, 1, seen);
    expect(calls).toEqual(['tool bor-gor-matrix', 'rect 100', 'point 50,60', 'follow 77', 'follow null']);
  });

  it('gives the board the current step’s tools, the same object while the step is the same', () => {
    const c = controlState({ steps: STEPS, step: { id: 'kontaktperson-wall', at: 9 } });
    const t = taskOf(c)!;
    expect(t).toEqual({ tools: ['reflection-wall'], key: 'kontaktperson-wall@9' });
    expect(taskOf(c, t)).toBe(t);
    expect(taskOf({ ...c, step: { id: 'kontaktperson-wall', at: 10 } }, t)).not.toBe(t);
    expect(taskOf(controlState())).toBeNull();
  });
});

describe('<kb-group-page> led by the facilitator', () => {
  it('shows the step over the board, gives the board its task, and says when the participant is away', async () => {
    sessionStorage.setItem(`kaedeboard:token:g:${ID}:1`, 'G'.repeat(32));
    localStorage.setItem('kaedeboard:name', 'Anna');
    const view: WorkshopView = {
      id: ID, title: 'KUI', parts: ['kaedeansvar'], locale: 'da', createdAt: 0, locked: false, crossView: false, role: 'participant', group: 1,
      groups: [1, 2].map((n) => ({ number: n, name: `Gruppe ${n}`, room: `w-${ID}-g${n}`, online: 0 })), controlRoom: `w-${ID}-control`, expiresAt: 0,
    };
    const control = new FakeControl(controlState({ steps: STEPS, step: { id: STEPS[0]!.id, at: 1 } }));
    const fake = fakeServices(new FakeFetch({ [`GET /api/workshops/${ID}`]: view }), control);
    const el = document.createElement('kb-group-page') as KbGroupPage;
    el.workshopId = ID;
    el.group = 1;
    el.services = fake.services;
    document.body.append(el);
    const ready = () => el.shadowRoot!.querySelector('kb-group-step .step') && (el.shadowRoot!.querySelector('kb-board') as KbBoard | null)?.task;
    for (let i = 0; i < 20 && !ready(); i++) {
      await tick();
      await el.updateComplete;
    }
    const root = el.shadowRoot!;
    expect(root.querySelector('kb-group-step .which')!.textContent).toContain('Trin 1 af 5 · Gruppearbejde');
    const board = root.querySelector('kb-board') as KbBoard;
    expect(board.task).toEqual({ tools: ['seven-themes', 'bor-gor-matrix'], key: `${STEPS[0]!.id}@1` });
    // The facilitator moves on: the board gets the next step's tools.
    control.set({ step: { id: STEPS[1]!.id, at: 2 } });
    await el.updateComplete;
    expect(board.task?.key).toBe(`${STEPS[1]!.id}@2`);
    expect(root.querySelector('kb-group-step .which')!.textContent).toContain('Trin 2 af 5 · Opsamling');
    // The board says the participant left the task: the bar offers the way back.
    board.dispatchEvent(new CustomEvent('kb-task-view', { detail: { onTask: false }, bubbles: true, composed: true }));
    await el.updateComplete;
    let back = 0;
    board.backToTask = () => (back++, true);
    (root.querySelector('kb-group-step [data-action=back-to-task]') as HTMLElement).click();
    expect(back).toBe(1);
    // The pointer for this group shows on the board.
    control.set({ pointer: { group: 1, x: 40, y: 50, at: Date.now() } });
    await el.updateComplete;
    expect(board.pointer).toEqual({ x: 40, y: 50 });
  });
});
