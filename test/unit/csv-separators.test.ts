/**
 * A CSV opened with another separator than it was written with: no cell may start a formula.
 * The reader below splits the way a spreadsheet does, quotes included, and is run with every
 * separator over files written with each delimiter.
 */
import { describe, expect, it } from 'vitest';
import { csvField, neutraliseFormula } from '../../server/export/csv.js';

/** A lenient spreadsheet-style reader: quotes group, text after a closing quote is kept. */
function readLine(line: string, sep: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) cells.push(cell), (cell = '');
    else if (ch === '\n') cells.push(cell), (cell = '');
    else cell += ch;
  }
  cells.push(cell);
  return cells;
}

const HOSTILE = ['a,=HYPERLINK("http://x","y")', 'b;=1+1', 'c\t@SUM(A1)', 'd|-2+3', 'e\n=cmd', 'f"; =x', 'g",=x', 'h;"=x', '=plain', '  =spaced', 'ok, fine'];

describe('CSV cells whichever separator the spreadsheet uses', () => {
  it('no cell starts with a formula character, for files written with , or ; and read with , ; tab or |', () => {
    for (const delimiter of [',', ';'] as const) {
      const line = HOSTILE.map((v) => csvField(v, delimiter)).join(delimiter);
      for (const sep of [',', ';', '\t', '|']) {
        for (const cell of readLine(line, sep)) expect(cell, `${delimiter} read with ${JSON.stringify(sep)}: ${JSON.stringify(cell)}`).not.toMatch(/^[=+\-@]/);
      }
    }
  });

  it('still reads back whole with the right separator, apostrophes where a cell could start', () => {
    const line = HOSTILE.map((v) => csvField(v, ';')).join(';');
    expect(readLine(line.replace(/\n/g, '\u2028'), ';').map((c) => c.replace(/\u2028/g, '\n'))).toEqual(HOSTILE.map(neutraliseFormula));
    expect(neutraliseFormula('a,=b')).toBe("a,'=b");
    expect(neutraliseFormula('a, =b')).toBe('a, =b');
    expect(neutraliseFormula('Søren, Åse og Ærling')).toBe('Søren, Åse og Ærling');
  });
});
