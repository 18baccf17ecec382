/**
 * The plenum's synthesis of an export's boards (src/workshop/synthesis.ts): every group's board
 * opened once, gathered, closed. The PDF's synthesis pages and the Word "Fælles opsamling"
 * read it, so their figures are the plenum's for the same boards.
 */
import { synthesize, type Synthesis } from '../../src/workshop/synthesis.js';
import { closeBoard, openBoard, type WorkshopInput } from './input.js';

export function readSynthesis(input: WorkshopInput): Synthesis {
  const boards = input.groups.map((g) => {
    try {
      return { number: g.number, name: g.name, board: openBoard(g.state) };
    } catch (err) {
      throw new Error(`group ${g.number}: the board state cannot be decoded (${(err as Error).message})`);
    }
  });
  try {
    return synthesize(boards, input.locale);
  } finally {
    for (const b of boards) closeBoard(b.board);
  }
}

/** "Gruppe 1, Gruppe 3" for group numbers. */
export function groupNames(s: Synthesis, numbers: readonly number[]): string {
  return numbers.map((n) => s.groups.find((g) => g.number === n)?.name ?? String(n)).join(', ');
}
