/**
 * Workshop benchmark: the plenum moment with 25 groups.
 *
 * - Snapshot of 25 filled boards through the API (every board read at once, one SQLite
 *   transaction), against the peer: the same states saved with one transaction per board.
 * - The workshop PDF of those 25 boards (vector pages: the board's SVG drawn by svg-to-pdfkit),
 *   against the peer: the same pages as raster images (PNG per board, 1600 px wide).
 * Prints medians of several runs, sizes, and the ratios. Usage: node build/bench/workshop.js [--groups 25] [--runs 5]
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { Board } from '../src/model/index.js';
import type { CreatedWorkshopResponse } from '../src/workshop/api.js';
import { loadConfig } from '../server/config.js';
import { startServer } from '../server/app.js';
import { boardPng, boardSvg, workshopPdf } from '../server/export/index.js';

function args(): { groups: number; runs: number } {
  const o = { groups: 25, runs: 5 };
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i += 2) {
    const k = a[i]?.replace(/^--/, '') as keyof typeof o;
    const v = Number(a[i + 1]);
    if (!(k in o) || !Number.isInteger(v) || v < 1) throw new Error(`bad option ${a[i]} ${a[i + 1]}`);
    o[k] = v;
  }
  return o;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function time<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

async function rasterPdf(svgs: string[]): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 36, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => doc.on('end', () => r()));
  for (const svg of svgs) {
    doc.addPage();
    doc.image(Buffer.from(boardPng(svg, { width: 1600 })), 36, 36, { fit: [doc.page.width - 72, doc.page.height - 72] });
    await new Promise((r) => setImmediate(r));
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

async function main(): Promise<void> {
  const o = args();
  const dataDir = mkdtempSync(join(tmpdir(), 'kb-bench-workshop-'));
  const server = await startServer({ ...loadConfig([], {}), port: 0, dataDir, quiet: true });
  try {
    const res = await fetch(`${server.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Benchmark', parts: ['kaedeansvar', 'kontaktperson'], groups: o.groups, locale: 'da' }),
    });
    const w = (await res.json()) as CreatedWorkshopResponse;
    // Fill every board as a busy group would: matrix notes, wall posts, cards in the local profile.
    for (const g of w.groups) {
      await server.rooms.change(g.room, (doc) => {
        const board = new Board(doc);
        const items = board.read().items;
        const matrix = items.find((i) => i.kind === 'widget' && i.props.widget === 'bor-gor-matrix')!;
        const fields = ['bor-gor', 'bor-ikke-gor', 'gor-ikke-bor', 'hverken'] as const;
        for (let i = 0; i < 20; i++) board.create('matrix-note', { props: { widget: matrix.id, field: fields[i % 4], text: `Gruppe ${g.number} note ${i + 1}: samarbejdet med FGU og jobcentret`, criterion: (i % 7) + 1, order: i } }, 'bench');
        const column = items.find((i) => i.kind === 'wall-column')!;
        for (let i = 0; i < 10; i++) board.create('wall-post', { props: { column: column.id, text: `Svar ${i + 1} fra gruppe ${g.number}`, author: i % 2 ? 'Ida' : '', order: i } }, 'bench');
        for (const card of items.filter((i) => i.kind === 'competence-card').slice(0, 8)) board.updateProps<'competence-card'>(card.id, { area: 'local' }, 'bench');
        board.destroy();
      });
    }
    const auth = { authorization: `Bearer ${w.facilitatorToken}`, 'content-type': 'application/json' };
    const ours: number[] = [];
    const peer: number[] = [];
    for (let r = 0; r < o.runs; r++) {
      ours.push((await time(() => fetch(`${server.url}/api/workshops/${w.id}/snapshots`, { method: 'POST', headers: auth, body: JSON.stringify({ name: `Plenum ${r}` }) }).then((x) => x.json()))).ms);
      const workshop = (await server.workshops.get(w.id))!;
      peer.push(
        (await time(async () => {
          // The peer: each board read and saved on its own, one transaction per board.
          for (const g of workshop.groups) await server.workshops.saveSnapshotSet(w.id, `peer ${r} ${g.number}`, new Map([[g.number, await server.rooms.state(g.room)]]));
        })).ms,
      );
    }
    let bytes = 0;
    for (const g of w.groups) bytes += (await server.rooms.state(g.room)).byteLength;

    const input = await server.api.exporter.input((await server.workshops.get(w.id))!);
    const vector: number[] = [];
    const raster: number[] = [];
    let vectorBytes = 0;
    let rasterBytes = 0;
    const pdfRuns = Math.max(1, Math.min(3, o.runs));
    for (let r = 0; r < pdfRuns; r++) {
      const v = await time(() => workshopPdf(input));
      vector.push(v.ms);
      vectorBytes = v.value.byteLength;
      const svgs = input.groups.map((g) => boardSvg(input, g.number));
      const p = await time(() => rasterPdf(svgs));
      raster.push(p.ms);
      rasterBytes = p.value.byteLength;
    }
    const f = (n: number) => n.toFixed(1).padStart(9);
    const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`.padStart(10);
    console.log(`\nkaedeboard workshop benchmark — ${cpus()[0]?.model ?? 'cpu'} x${cpus().length}`);
    console.log(`${o.groups} group boards (both parts, each with 20 matrix notes, 10 posts, 8 local cards; ${(bytes / 1024).toFixed(0)} KiB of board state in all)\n`);
    console.log('snapshot of all boards (median ms)        ours      peer   ratio');
    console.log(`  one transaction vs one per board   ${f(median(ours))} ${f(median(peer))}   ${(median(ours) / median(peer)).toFixed(2)}x   (${o.runs} runs; ours includes the HTTP round trip)`);
    console.log('\nworkshop PDF (median ms, size)            ours      peer   ratio');
    console.log(`  vector pages vs raster pages       ${f(median(vector))} ${f(median(raster))}   ${(median(vector) / median(raster)).toFixed(2)}x   (${pdfRuns} runs)`);
    console.log(`  size                               ${kib(vectorBytes)}${kib(rasterBytes)}   ${(vectorBytes / rasterBytes).toFixed(2)}x`);
    console.log(`\npeak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/workshop.json', JSON.stringify({ groups: o.groups, boardBytes: bytes, snapshotMs: { ours, peer }, pdfMs: { vector, raster }, pdfBytes: { vector: vectorBytes, raster: rasterBytes } }, null, 2));
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
