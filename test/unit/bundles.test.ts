/**
 * What the bundles hold, from esbuild's metafile, built in memory with the build's own options:
 * the server bundle takes nothing from the browser's rooms (widgets/, the canvas, the pages, the
 * Miro app, the browser's sync), and the participant page stays within its budget.
 *
 * The budget's history: at d519cbf, before the house was restructured, the page was 113,444 bytes
 * gzipped; the restructuring itself left it at 113,222 (b074366, ratio 0.998). The features of
 * this round that every participant runs (rejoining after a refused change, the task view and its
 * step bar, the vote signal, touch and drag fixes) then added about 6 KB, so the budget is
 * 120 KiB. A change that crosses it pays for itself elsewhere or raises it in a commit saying why.
 */
import { gzipSync } from 'node:zlib';
import { dirname, join, relative } from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the build script is plain JavaScript without declarations.
import { browserOptions, serverOptions } from '../../esbuild.config.mjs';

/** Gzipped bytes of the participant page (dist/app/board.js and its static imports) at d519cbf. */
const PARTICIPANT_GZIP_BEFORE = 113_444;
/** The participant page's budget, gzipped (see the header). */
const PARTICIPANT_GZIP_BUDGET = 120 * 1024;

const BROWSER_ONLY = ['widgets/', 'src/app/', 'src/canvas/', 'src/miro/', 'src/sync/'];

describe('bundles', () => {
  it('the server bundle holds no browser code', async () => {
    const result = await esbuild.build({ ...(serverOptions as esbuild.BuildOptions), write: false, sourcemap: false, metafile: true });
    const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
    console.log(`server bundle: ${inputs.length} project files, none from ${BROWSER_ONLY.join(', ')}`);
    expect(inputs.some((f) => f.startsWith('server/'))).toBe(true);
    expect(inputs.some((f) => f.startsWith('src/kinds/'))).toBe(true);
    expect(inputs.filter((f) => BROWSER_ONLY.some((p) => f.startsWith(p)))).toEqual([]);
  });

  it('the participant page stays within its budget', async () => {
    const result = await esbuild.build({ ...(browserOptions as esbuild.BuildOptions), write: false, sourcemap: false, outdir: 'dist' });
    const files = new Map(result.outputFiles.map((f) => [relative(process.cwd(), f.path), f.contents]));
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = new TextDecoder().decode(files.get(file));
      for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*"(\.{1,2}\/[^"]+\.js)"/g)) visit(join(dirname(file), m[1] as string));
    };
    visit('dist/app/board.js');
    const min = [...seen].reduce((n, f) => n + (files.get(f)?.length ?? 0), 0);
    const gz = [...seen].reduce((n, f) => n + gzipSync(files.get(f) ?? new Uint8Array(), { level: 9 }).length, 0);
    console.log(`participant page: ${seen.size} files, ${min} bytes minified, ${gz} gzipped (budget ${PARTICIPANT_GZIP_BUDGET}; before the restructuring ${PARTICIPANT_GZIP_BEFORE}, ratio ${(gz / PARTICIPANT_GZIP_BEFORE).toFixed(3)})`);
    expect(gz).toBeLessThanOrEqual(PARTICIPANT_GZIP_BUDGET);
  });
});
