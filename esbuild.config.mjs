// Builds kaedeboard: the browser bundles into dist/ (served by the server) and the
// Node entries (server, benchmarks) into build/. `node esbuild.config.mjs [--watch]`.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';

const watch = process.argv.includes('--watch');

/** Browser entries: one bundle per page. */
const browser = {
  entryPoints: {
    'app/board': 'src/app/board.ts',
    // The Miro app: the headless entry (index.html, the App URL) and the panel (panel.html).
    'miro/app': 'src/miro/app.ts',
    'miro/panel': 'src/miro/panel.ts',
  },
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  splitting: true,
  minify: true,
  sourcemap: true,
  target: ['chrome110', 'firefox110', 'safari16'],
  metafile: true,
  logLevel: 'warning',
};

/** Node entries: dependencies stay in node_modules (better-sqlite3 is native). */
const node = {
  entryPoints: {
    server: 'server/main.ts',
    'bench/sync-load': 'bench/sync-load.ts',
    'bench/board-render': 'bench/client/board-render.ts',
    'bench/workshop': 'bench/workshop.ts',
  },
  outdir: 'build',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
cpSync('src/app/public', 'dist', { recursive: true });
cpSync('src/miro/public', 'dist/miro', { recursive: true });

if (watch) {
  const contexts = await Promise.all([esbuild.context(browser), esbuild.context(node)]);
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching');
} else {
  const [b] = await Promise.all([esbuild.build(browser), esbuild.build(node)]);
  if (process.env.KB_BUILD_REPORT) {
    console.log(await esbuild.analyzeMetafile(b.metafile));
  }
}
