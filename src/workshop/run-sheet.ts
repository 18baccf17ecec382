/**
 * The workshop's run-sheet: the steps a workshop goes through, per chosen part, as the module
 * runs them (see the module's "Indhold"): the group work (part 1: the seven criteria as a
 * puzzle and the Bør/Gør matrix; part 2: building the local competence profile, then the
 * reflection wall) and each part's summing-up in plenum ("opsamling"). The facilitator's
 * presentation before the group work needs no board, so it is not a step.
 *
 * Each step carries its instruction in Danish and English (the facilitator may edit both,
 * before and during the workshop), minutes that start the timer when the step begins, and the
 * tools it is about: every board opens on the first of them. The steps are written into the
 * control document (src/model/control.ts) when a workshop is created; this module is the
 * server's and the facilitator's (the participant's page reads the steps from the document).
 * Runs everywhere: no DOM, no Node.
 */
import type { Step, WidgetType } from '../model/index.js';
import type { Part } from './parts.js';

/** A default step before it is given its part: its kind, tools, minutes and text. */
interface StepDraft {
  kind: 'work' | 'profile' | 'wall' | 'plenum';
  tools: WidgetType[];
  minutes: number;
  text: Step['text'];
}

const DEFAULTS: Record<Part, StepDraft[]> = {
  kaedeansvar: [
    {
      kind: 'work',
      tools: ['seven-themes', 'bor-gor-matrix'],
      minutes: 30,
      text: {
        da: 'Gå de syv kvalitetskriterier igennem i puslespillet, og giv hver brik en status for jeres egen kommune. Skriv så sedler i Bør/Gør-matrixen: Hvad gør I i dag, som I bør blive ved med? Hvad bør I holde op med? Hvad bør I begynde på?',
        en: 'Go through the seven quality criteria in the puzzle and give each piece a status for your own municipality. Then write notes in the Should/Do matrix: what do you do today that you should keep doing? What should you stop? What should you start?',
      },
    },
    {
      kind: 'plenum',
      tools: ['bor-gor-matrix'],
      minutes: 15,
      text: {
        da: 'Vælg de to vigtigste sedler i matrixen, og fortæl om dem i plenum.',
        en: 'Choose the two most important notes in the matrix and tell the plenum about them.',
      },
    },
  ],
  kontaktperson: [
    {
      kind: 'profile',
      tools: ['competence-profile'],
      minutes: 25,
      text: {
        da: 'Byg jeres lokale kompetenceprofil for Kontaktperson+: Træk kort fra den generiske profil op i den lokale profil, og skriv jeres egne kort, hvor noget mangler.',
        en: 'Build your local competence profile for Contact person+: drag cards from the generic profile up into the local profile, and write your own cards where something is missing.',
      },
    },
    {
      kind: 'wall',
      tools: ['reflection-wall'],
      minutes: 15,
      text: {
        da: 'Svar på spørgsmålene på refleksionsvæggen, og giv et hjerte til de svar, I er enige i.',
        en: 'Answer the questions on the reflection wall, and give a heart to the answers you agree with.',
      },
    },
    {
      kind: 'plenum',
      tools: ['competence-profile', 'reflection-wall'],
      minutes: 15,
      text: {
        da: 'Vis jeres lokale profil, og fortæl om de svar på væggen, der fik flest hjerter.',
        en: 'Show your local profile, and tell about the answers on the wall that got the most hearts.',
      },
    },
  ],
};

/** The run-sheet of a new workshop with these parts, in the module's order. */
export function defaultSteps(parts: readonly Part[]): Step[] {
  return parts.flatMap((part) =>
    DEFAULTS[part].map((d) => ({ id: `${part}-${d.kind}`, part, kind: d.kind, text: { ...d.text }, minutes: d.minutes, tools: [...d.tools] })),
  );
}

/** The step after (`by` 1) or before (`by` -1) the current one; null past either end. */
export function stepBeside(steps: readonly Step[], currentId: string | null, by: 1 | -1): Step | null {
  const i = steps.findIndex((s) => s.id === currentId);
  if (i < 0) return by === 1 ? (steps[0] ?? null) : null;
  return steps[i + by] ?? null;
}

/** What the facilitator may change of a step. */
export type StepEdit = Partial<Pick<Step, 'text' | 'minutes'>>;

/** The run-sheet with step `id` changed; the same list when there is no such step. */
export function editStep(steps: readonly Step[], id: string, edit: StepEdit): Step[] {
  return steps.map((s) => (s.id === id ? { ...s, ...edit, text: { ...s.text, ...edit.text } } : s));
}
