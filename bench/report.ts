/** Prints the results as tables and writes them as JSON. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import type { Options } from './options.js';
import type { ServerResult } from './results.js';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
}

export function machine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

export function describeSetup(m: Machine, o: Options): string {
  const clients = o.rooms * o.clients;
  return [
    `machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, node ${m.node} (${m.platform})`,
    `load: ${o.rooms} rooms x ${o.clients} clients = ${clients} clients in ${Math.min(o.workers, o.rooms)} worker thread(s), seed ${o.seed}`,
    `      each client drags at ${o.awarenessHz} Hz awareness and drops (one document write) every ~${o.dropEveryMs} ms`,
    `window: ${o.warmupSeconds} s warm-up, ${o.seconds} s measured, ${o.drainSeconds} s drain, per server and round; ${o.rounds} round(s) of ${o.servers.join(', ')}`,
  ].join('\n');
}

type Row = string[];

function table(header: Row, rows: Row[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: Row): string => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const fixed = (digits: number) => (v: number | null | undefined): string => (v === null || v === undefined ? '-' : v.toFixed(digits));
const ms = fixed(2);
const num = fixed(0);
const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;
const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);

function ratio(a: number | null | undefined, b: number | null | undefined): string {
  if (a === null || a === undefined || b === null || b === undefined || b === 0) return '-';
  return `${(a / b).toFixed(2)}x`;
}

interface Column {
  title: string;
  /** Name in the JSON ratios. */
  key: string;
  value: (r: ServerResult) => number | null | undefined;
  format: (v: number | null | undefined) => string;
  /** Shown in the ratio row. */
  compare: boolean;
}

const LATENCY: Column[] = [
  { title: 'doc p50', key: 'docP50', value: (r) => r.doc?.p50, format: ms, compare: true },
  { title: 'doc p95', key: 'docP95', value: (r) => r.doc?.p95, format: ms, compare: true },
  { title: 'doc p99', key: 'docP99', value: (r) => r.doc?.p99, format: ms, compare: true },
  { title: 'doc max', key: 'docMax', value: (r) => r.doc?.max, format: ms, compare: true },
  { title: 'aw p50', key: 'awarenessP50', value: (r) => r.awareness?.p50, format: ms, compare: true },
  { title: 'aw p95', key: 'awarenessP95', value: (r) => r.awareness?.p95, format: ms, compare: true },
  { title: 'aw p99', key: 'awarenessP99', value: (r) => r.awareness?.p99, format: ms, compare: true },
  { title: 'aw max', key: 'awarenessMax', value: (r) => r.awareness?.max, format: ms, compare: true },
];

const THROUGHPUT: Column[] = [
  { title: 'doc writes/s', key: 'docWritesPerSecond', value: (r) => r.docWritesPerSecond, format: fixed(1), compare: true },
  { title: 'doc deliv/s', key: 'docDeliveredPerSecond', value: (r) => r.docDeliveredPerSecond, format: fixed(1), compare: true },
  { title: 'doc deliv', key: 'docDeliveredShare', value: (r) => r.docDeliveredShare, format: (v) => (v == null ? '-' : pct(v)), compare: false },
  { title: 'aw writes/s', key: 'awarenessWritesPerSecond', value: (r) => r.awarenessWritesPerSecond, format: num, compare: true },
  { title: 'aw deliv/s', key: 'awarenessDeliveredPerSecond', value: (r) => r.awarenessDeliveredPerSecond, format: num, compare: true },
  { title: 'aw deliv', key: 'awarenessDeliveredShare', value: (r) => r.awarenessDeliveredShare, format: (v) => (v == null ? '-' : pct(v)), compare: false },
];

const RESOURCES: Column[] = [
  { title: 'srv CPU s', key: 'serverCpuSeconds', value: (r) => r.serverCpuSeconds, format: fixed(2), compare: true },
  { title: 'srv CPU %core', key: 'serverCpuPercentOfCore', value: (r) => r.serverCpuPercentOfCore, format: fixed(1), compare: true },
  { title: 'srv peak RSS MiB', key: 'serverPeakRss', value: (r) => r.serverPeakRssBytes, format: (v) => (v == null ? '-' : mib(v)), compare: true },
  { title: 'bench CPU %core', key: 'benchCpuPercentOfCore', value: (r) => r.clientCpuPercentOfCore, format: fixed(1), compare: false },
  { title: 'bench loop p99 ms', key: 'benchLoopDelayP99', value: (r) => r.clientLoopDelayP99Ms, format: ms, compare: false },
  { title: 'other CPU %core', key: 'otherCpuPercentOfCore', value: (r) => r.otherCpuPercentOfCore, format: fixed(1), compare: false },
];

/** Other processes using more than this share of a core make a run noisy. */
const OTHER_LOAD_WARNING_PERCENT = 15;
/** Above this share of all cores busy, latency is mostly waiting for a CPU. */
const SATURATION_SHARE = 0.85;

function columnsTable(columns: Column[], results: ServerResult[]): string {
  const rows: Row[] = results.map((r) => [r.kind, ...columns.map((c) => c.format(c.value(r)))]);
  const ours = results.find((r) => r.kind === 'kaedeboard');
  const peer = results.find((r) => r.kind === 'peer');
  if (ours && peer) rows.push(['kaedeboard / peer', ...columns.map((c) => (c.compare ? ratio(c.value(ours), c.value(peer)) : ''))]);
  return table(['server', ...columns.map((c) => c.title)], rows);
}

function countsText(counts: Record<string, number>): string {
  const entries = Object.entries(counts);
  return entries.length === 0 ? 'none' : entries.map(([k, v]) => `${k} x${v}`).join(', ');
}

function notes(r: ServerResult): string[] {
  const lines = [
    `${r.kind}: ${r.label}; ${r.rounds} round(s); connect+sync ${num(r.connectMs)} ms; samples doc ${r.doc?.count ?? 0}, awareness ${r.awareness?.count ?? 0}; doc mean ${ms(r.doc?.mean)} ms, awareness mean ${ms(r.awareness?.mean)} ms`,
    `  closes seen by clients: ${countsText(r.clientCloses)}; connection errors: ${r.connectionErrors}; bench loop delay max ${ms(r.clientLoopDelayMaxMs)} ms`,
    `  server warn/error log lines: ${countsText(r.serverLogEvents)}`,
  ];
  const busy = (r.serverCpuPercentOfCore + r.clientCpuPercentOfCore + r.otherCpuPercentOfCore) / 100;
  const cores = cpus().length;
  if (busy > cores * SATURATION_SHARE) {
    lines.push(`  NOTE: the machine was CPU-bound (${busy.toFixed(2)} of ${cores} cores busy): tail latencies are mostly time spent waiting for a CPU, by server and clients alike`);
  }
  if (r.otherCpuPercentOfCore > OTHER_LOAD_WARNING_PERCENT) {
    lines.push(`  WARNING: other processes used ${r.otherCpuPercentOfCore.toFixed(0)}% of a core during this window; the comparison is noisy, run again on a quiet machine or with --rounds 3`);
  }
  const m = r.ourMetrics;
  if (m) {
    const mean = m.appendCount > 0 ? ((m.appendSumSeconds / m.appendCount) * 1000).toFixed(3) : '-';
    const under = m.appendCount > 0 ? pct(m.appendUnder1msCount / m.appendCount) : '-';
    lines.push(
      `  /metrics (whole server lifetime): ${m.updatesStored} updates stored, SQLite append mean ${mean} ms (${under} <= 1 ms); messages in ${m.messagesIn}, out ${m.messagesOut}; server closes: ${countsText(m.closes)}`,
    );
  }
  return lines;
}

export function renderReport(results: ServerResult[]): string {
  return [
    'Fan-out latency, ms (send -> each other client of the room sees it; updates sent in the window):',
    columnsTable(LATENCY, results),
    '',
    'Throughput, updates per second in the window (writes: sent by clients; deliv: received, summed over receivers):',
    columnsTable(THROUGHPUT, results),
    '',
    'Resources in the window (srv: server process; bench: this process, all client threads; other: every other process):',
    columnsTable(RESOURCES, results),
    '',
    ...results.flatMap(notes),
  ].join('\n');
}

export interface Report {
  benchmark: 'sync-load';
  date: string;
  machine: Machine;
  parameters: Options;
  results: ServerResult[];
  /** kaedeboard / peer, for the figures that compare. */
  ratios: Record<string, number | null> | null;
}

function ratios(results: ServerResult[]): Record<string, number | null> | null {
  const ours = results.find((r) => r.kind === 'kaedeboard');
  const peer = results.find((r) => r.kind === 'peer');
  if (!ours || !peer) return null;
  const out: Record<string, number | null> = {};
  for (const c of [...LATENCY, ...THROUGHPUT, ...RESOURCES]) {
    if (!c.compare) continue;
    const a = c.value(ours);
    const b = c.value(peer);
    out[c.key] = a == null || b == null || b === 0 ? null : a / b;
  }
  return out;
}

export function writeJson(path: string, m: Machine, options: Options, results: ServerResult[]): void {
  const report: Report = { benchmark: 'sync-load', date: new Date().toISOString(), machine: m, parameters: options, results, ratios: ratios(results) };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(report, null, 2) + '\n');
}
