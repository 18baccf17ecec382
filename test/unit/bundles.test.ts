/**
 * What the bundles hold, from esbuild's metafile, built in memory with the build's own options:
 * the server bundle takes nothing from the browser's rooms (widgets/, the canvas, the pages, the
 * Miro app, the browser's sync), and the participant page is no larger than it was before the
 * house was restructured (d519cbf: 359,524 bytes minified, 113,444 gzipped).
 */
import { gzipSync } from 'node:zlib';
import { dirname, join, relative } from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the build script is plain JavaScript without declarations.
import { browserOptions, serverOptions } from '../../esbuild.config.mjs';

/** Gzipped bytes of the participant page (dist/app/board.js and its static imports) at d519cbf. */
const PARTICIPANT_GZIP_BEFORE = 113_444;

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

  it('the participant page is no larger than before', async () => {
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
    console.log(`participant page: ${seen.size} files, ${min} bytes minified, ${gz} gzipped (before: ${PARTICIPANT_GZIP_BEFORE} gzipped, ratio ${(gz / PARTICIPANT_GZIP_BEFORE).toFixed(3)})`);
    expect(gz).toBeLessThanOrEqual(PARTICIPANT_GZIP_BEFORE);
  });
});
