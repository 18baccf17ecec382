// Builds kaedeboard: the browser bundles into dist/ (served by the server) and the
// Node entries (server, benchmarks) into build/. `node esbuild.config.mjs [--watch]`.
// The options are exported so that tests can build in memory (test/unit/bundles.test.ts).
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { minifyTemplatesPlugin } from './build-templates.mjs';

/** The board app (every kaedeboard page; the facilitator's pages load on demand). */
export const browserOptions = {
  entryPoints: { 'app/board': 'src/app/board.ts' },
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  splitting: true,
  minify: true,
  sourcemap: true,
  target: ['chrome110', 'firefox110', 'safari16'],
  metafile: true,
  logLevel: 'warning',
  // Lit templates without their indentation (build-templates.mjs).
  plugins: [minifyTemplatesPlugin()],
};

/**
 * The Miro app: the headless entry (index.html, the App URL) and the panel (panel.html). Built
 * apart from the board app so the two share no chunks: shared chunks would split the
 * participant's page into more, smaller files.
 */
export const miroOptions = {
  ...browserOptions,
  entryPoints: { 'miro/app': 'src/miro/app.ts', 'miro/panel': 'src/miro/panel.ts' },
};

/**
 * The server entry: dependencies stay in node_modules (better-sqlite3 is native). The state
 * worker's thread is its own file beside build/server.js, where the server starts it from.
 */
export const serverOptions = {
  entryPoints: { server: 'server/main.ts', 'state-thread': 'server/sync/state-thread.js' },
  outdir: 'build',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
};

/** Node entries: the server and the benchmarks. */
const nodeOptions = {
  ...serverOptions,
  entryPoints: {
    ...serverOptions.entryPoints,
    'bench/sync-load': 'bench/sync-load.ts',
    'bench/board-render': 'bench/client/board-render.ts',
    'bench/next-step': 'bench/client/next-step.ts',
    'bench/workshop': 'bench/workshop.ts',
    'bench/plenum': 'bench/plenum.ts',
    // Two instances on PostgreSQL + Redis against one on SQLite (starts both servers itself).
    'bench/cluster': 'bench/cluster.ts',
    'bench/hostile': 'bench/hostile.ts',
    // Loaded into the server under test by bench/hostile (node --import).
    'bench/loop-probe': 'bench/loop-probe.ts',
  },
};

async function main() {
  const watch = process.argv.includes('--watch');
  rmSync('dist', { recursive: true, force: true });
  mkdirSync('dist', { recursive: true });
  cpSync('src/app/public', 'dist', { recursive: true });
  cpSync('src/miro/public', 'dist/miro', { recursive: true });

  if (watch) {
    const contexts = await Promise.all([esbuild.context(browserOptions), esbuild.context(miroOptions), esbuild.context(nodeOptions)]);
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('esbuild: watching');
  } else {
    const [b] = await Promise.all([esbuild.build(browserOptions), esbuild.build(miroOptions), esbuild.build(nodeOptions)]);
    if (process.env.KB_BUILD_REPORT) {
      console.log(await esbuild.analyzeMetafile(b.metafile));
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
