/**
 * Cluster benchmark: `npm run bench:cluster` (flags: --rooms 25 --clients 6 --seconds 15
 * --warmup 3 --workers 2 --drop-every-ms 1000 --awareness-hz 30, --no-fsync).
 *
 * WHAT IT DOES
 * In one run, the same seeded load of bench/sync-load.ts (R rooms of C stock y-websocket
 * clients moving cards: awareness at 30 Hz while dragging, a document write per drop) against:
 *   1. one instance on SQLite (`node build/server.js`, a fresh data folder), every client on it;
 *   2. two instances on PostgreSQL + Redis (both servers started here, in temporary folders on
 *      loopback, PostgreSQL with fsync on), the clients of every room alternating between them,
 *      so most deliveries cross from one instance to the other.
 *
 * WHAT IT MEASURES (updates sent in the measured window)
 *   - fan-out p50/p99 of document updates: from a client's write to each other client of the
 *     room seeing it; for the cluster also the cross-instance deliveries alone (writer and
 *     receiver on different instances), and awareness (drag) p50/p99;
 *   - updates/s: document writes per second, and deliveries per second over all receivers;
 *   - CPU (% of one core over the window, from /proc) and peak RSS per instance;
 *   - the store: the mean time of an update's durable append as each instance sees it (for
 *     the cluster, group commit included), PostgreSQL's mean append statement time and the rows
 *     per statement; the fan-out's own delivery time between the instances (Redis);
 *   - ratios cluster / single.
 * The machine is shared by the clients, both servers, PostgreSQL and Redis: compare the rows of
 * one run. Results also go to bench-results/cluster.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { now } from './clock.js';
import { runLoadWorker } from './load-worker.js';
import type { Schedule, WorkerResult, WorkerSetup } from './messages.js';
import { cpuSeconds, machineProcessSeconds, RssPoller } from './proc-stats.js';
import { ClientWorker } from './runner.js';
import { summarize, type LatencySummary } from './stats.js';
import { spawn } from 'node:child_process';
import { OutputCapture } from './servers.js';
import { removeDir, tempDataDir } from '../test/integration/harness.js';
import { startPostgres, startRedis } from '../test/integration/services.js';

interface Options {
  rooms: number;
  clients: number;
  seconds: number;
  warmup: number;
  workers: number;
  dropEveryMs: number;
  awarenessHz: number;
  /** PostgreSQL fsyncs each commit (as in production); `--no-fsync` shows what the disk costs. */
  fsync: boolean;
}

function parse(argv: string[]): Options {
  const o: Options = { rooms: 25, clients: 6, seconds: 15, warmup: 3, workers: 2, dropEveryMs: 1000, awarenessHz: 30, fsync: true };
  const keys: Record<string, Exclude<keyof Options, 'fsync'>> = { '--rooms': 'rooms', '--clients': 'clients', '--seconds': 'seconds', '--warmup': 'warmup', '--workers': 'workers', '--drop-every-ms': 'dropEveryMs', '--awareness-hz': 'awarenessHz' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--no-fsync') {
      o.fsync = false;
      continue;
    }
    const key = keys[argv[i] as string];
    const v = Number(argv[i + 1]);
    if (!key || !Number.isFinite(v) || v <= 0) throw new Error(`usage: bench/cluster [${Object.keys(keys).join(' N] [')} N]`);
    o[key] = v;
    i++;
  }
  return o;
}

interface Instance {
  pid: number;
  url: string;
  /** Its log lines (warnings and errors) by level and event. */
  output: OutputCapture;
  stop(): Promise<void>;
}

async function spawnInstance(args: string[]): Promise<Instance> {
  const dir = tempDataDir();
  const child = spawn(process.execPath, ['build/server.js', '--port', '0', '--data-dir', dir, '--quiet', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = new OutputCapture();
  child.stderr.on('data', (c: Buffer) => output.feed(c));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error(`kaedeboard did not start: ${output.tail.join('\n')}`)), 15_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /open (http:\/\/[^\s/]+)\//.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(m[1] as string);
      }
    });
  });
  return {
    pid: child.pid as number,
    url,
    output,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      removeDir(dir);
    },
  };
}

/** A few series of an instance's /metrics. */
async function metrics(url: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^([a-z_]+(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (m) out.set(m[1] as string, Number(m[2]));
  }
  return out;
}

interface ScenarioResult {
  name: string;
  doc: LatencySummary | null;
  cross: LatencySummary | null;
  awareness: LatencySummary | null;
  docWritesPerSecond: number;
  deliveriesPerSecond: number;
  delivered: number;
  instances: { cpuPercent: number; peakRssMiB: number; appendMeanMs: number | null; pgAppendMeanMs: number | null; fanoutMeanMs: number | null }[];
  rowsPerAppendStatement: number | null;
  /** Published rows that came out of order, and rooms that read missed rows from the store. */
  gaps: number;
  catchUps: number;
  otherCpuPercent: number;
  closes: Record<string, number>;
  logEvents: Record<string, number>;
}

async function runLoad(name: string, o: Options, instances: Instance[], workerEntry: URL): Promise<ScenarioResult> {
  const syncUrls = instances.map((i) => `${i.url.replace(/^http/, 'ws')}/sync`);
  const count = Math.min(o.workers, o.rooms);
  const setups: WorkerSetup[] = Array.from({ length: count }, () => ({
    syncUrl: syncUrls[0] as string,
    ...(syncUrls.length > 1 ? { syncUrls } : {}),
    rooms: [],
    clientsPerRoom: o.clients,
    seed: 1,
    awarenessHz: o.awarenessHz,
    dropEveryMs: o.dropEveryMs,
    connectTimeoutMs: 20_000,
  }));
  for (let r = 0; r < o.rooms; r++) setups[r % count]?.rooms.push({ name: `bench-${name}-${r}`, index: r });
  const rss = instances.map((i) => new RssPoller(i.pid));
  const workers = setups.map((s) => new ClientWorker(workerEntry, s));
  try {
    await Promise.all(workers.map((w) => w.next('ready', 30_000)));
    const loadStart = now() + 200;
    const schedule: Schedule = { loadStart, measureStart: loadStart + o.warmup * 1000, measureEnd: loadStart + (o.warmup + o.seconds) * 1000 };
    for (const w of workers) w.send({ type: 'run', schedule });
    await new Promise((r) => setTimeout(r, schedule.measureStart - now()));
    const before = await Promise.all(instances.map((i) => metrics(i.url)));
    const cpu0 = instances.map((i) => cpuSeconds(i.pid));
    const machine0 = machineProcessSeconds();
    const self0 = process.cpuUsage();
    await new Promise((r) => setTimeout(r, schedule.measureEnd - now()));
    const cpu1 = instances.map((i) => cpuSeconds(i.pid));
    const machine1 = machineProcessSeconds();
    const self = process.cpuUsage(self0);
    const after = await Promise.all(instances.map((i) => metrics(i.url)));
    await new Promise((r) => setTimeout(r, 1500));
    for (const w of workers) w.send({ type: 'collect' });
    const results: WorkerResult[] = (await Promise.all(workers.map((w) => w.next('result', 30_000)))).map((m) => m.result);
    await Promise.all(workers.map((w) => w.close()));
    const delta = (i: number, key: string): number => (after[i]?.get(key) ?? 0) - (before[i]?.get(key) ?? 0);
    const mean = (i: number, base: string): number | null => (delta(i, `${base}_count`) > 0 ? (1000 * delta(i, `${base}_sum`)) / delta(i, `${base}_count`) : null);
    const serverCpu = cpu1.reduce((n, c, i) => n + c - (cpu0[i] as number), 0);
    const statements = instances.reduce((n, _, i) => n + delta(i, 'kaedeboard_store_query_seconds_count{op="append"}'), 0);
    const stored = instances.reduce((n, _, i) => n + delta(i, 'kaedeboard_updates_stored_total'), 0);
    const closes: Record<string, number> = {};
    for (const r of results) for (const [k, v] of Object.entries(r.closes)) closes[k] = (closes[k] ?? 0) + v;
    const docWrites = results.reduce((n, r) => n + r.docWrites, 0);
    const delivered = results.reduce((n, r) => n + r.docLatencies.length, 0);
    const expected = results.reduce((n, r) => n + r.docExpected, 0);
    return {
      name,
      doc: summarize(results.map((r) => r.docLatencies)),
      cross: instances.length > 1 ? summarize(results.map((r) => r.crossDocLatencies ?? new Float64Array())) : null,
      awareness: summarize(results.map((r) => r.awarenessLatencies)),
      docWritesPerSecond: docWrites / o.seconds,
      deliveriesPerSecond: delivered / o.seconds,
      delivered: expected > 0 ? delivered / expected : 1,
      instances: instances.map((_, i) => ({
        cpuPercent: (100 * ((cpu1[i] as number) - (cpu0[i] as number))) / o.seconds,
        peakRssMiB: (rss[i] as RssPoller).stop().peakRssBytes / 2 ** 20,
        appendMeanMs: mean(i, 'kaedeboard_update_append_seconds'),
        pgAppendMeanMs: delta(i, 'kaedeboard_store_query_seconds_count{op="append"}') > 0 ? (1000 * delta(i, 'kaedeboard_store_query_seconds_sum{op="append"}')) / delta(i, 'kaedeboard_store_query_seconds_count{op="append"}') : null,
        fanoutMeanMs: delta(i, 'kaedeboard_fanout_delivery_seconds_count{kind="update"}') > 0 ? (1000 * delta(i, 'kaedeboard_fanout_delivery_seconds_sum{kind="update"}')) / delta(i, 'kaedeboard_fanout_delivery_seconds_count{kind="update"}') : null,
      })),
      rowsPerAppendStatement: statements > 0 ? stored / statements : null,
      gaps: instances.reduce((n, _, i) => n + delta(i, 'kaedeboard_fanout_gaps_total'), 0),
      catchUps: instances.reduce((n, _, i) => n + delta(i, 'kaedeboard_fanout_catch_ups_total'), 0),
      otherCpuPercent: (100 * (machine1 - machine0 - serverCpu - (self.user + self.system) / 1e6)) / o.seconds,
      closes,
      logEvents: Object.fromEntries(instances.flatMap((i) => [...i.output.events])),
    };
  } finally {
    for (const p of rss) p.stop();
    for (const w of workers) w.terminate();
  }
}

const ms = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : v.toFixed(2));
const ratio = (a: number | null | undefined, b: number | null | undefined): string => (a && b ? `${(a / b).toFixed(2)}x` : '—');

function report(single: ScenarioResult, cluster: ScenarioResult): string {
  const lines: string[] = [];
  const row = (label: string, s: string, c: string, r: string): void => void lines.push(`${label.padEnd(34)}${s.padStart(14)}${c.padStart(22)}${r.padStart(10)}`);
  row('', 'SQLite, 1', 'PostgreSQL+Redis, 2', 'ratio');
  row('doc fan-out p50 (ms)', ms(single.doc?.p50), ms(cluster.doc?.p50), ratio(cluster.doc?.p50, single.doc?.p50));
  row('doc fan-out p99 (ms)', ms(single.doc?.p99), ms(cluster.doc?.p99), ratio(cluster.doc?.p99, single.doc?.p99));
  row('  cross-instance p50 / p99 (ms)', '', `${ms(cluster.cross?.p50)} / ${ms(cluster.cross?.p99)}`, ratio(cluster.cross?.p99, single.doc?.p99));
  row('awareness p50 / p99 (ms)', `${ms(single.awareness?.p50)} / ${ms(single.awareness?.p99)}`, `${ms(cluster.awareness?.p50)} / ${ms(cluster.awareness?.p99)}`, ratio(cluster.awareness?.p99, single.awareness?.p99));
  row('doc writes/s', single.docWritesPerSecond.toFixed(0), cluster.docWritesPerSecond.toFixed(0), ratio(cluster.docWritesPerSecond, single.docWritesPerSecond));
  row('doc deliveries/s (delivered %)', `${single.deliveriesPerSecond.toFixed(0)} (${(100 * single.delivered).toFixed(1)})`, `${cluster.deliveriesPerSecond.toFixed(0)} (${(100 * cluster.delivered).toFixed(1)})`, ratio(cluster.deliveriesPerSecond, single.deliveriesPerSecond));
  const sum = (r: ScenarioResult, f: (i: ScenarioResult['instances'][0]) => number): number => r.instances.reduce((n, i) => n + f(i), 0);
  row('CPU %core per instance', single.instances.map((i) => i.cpuPercent.toFixed(0)).join(' / '), cluster.instances.map((i) => i.cpuPercent.toFixed(0)).join(' / '), ratio(sum(cluster, (i) => i.cpuPercent), sum(single, (i) => i.cpuPercent)) + ' Σ');
  row('peak RSS MiB per instance', single.instances.map((i) => i.peakRssMiB.toFixed(0)).join(' / '), cluster.instances.map((i) => i.peakRssMiB.toFixed(0)).join(' / '), '');
  row('append before broadcast, mean (ms)', ms(single.instances[0]?.appendMeanMs), cluster.instances.map((i) => ms(i.appendMeanMs)).join(' / '), ratio(cluster.instances[0]?.appendMeanMs, single.instances[0]?.appendMeanMs));
  row('PostgreSQL append statement (ms)', '', cluster.instances.map((i) => ms(i.pgAppendMeanMs)).join(' / '), '');
  row('rows per append statement', '', cluster.rowsPerAppendStatement?.toFixed(2) ?? '—', '');
  row('rows out of order / caught up', '', `${cluster.gaps} / ${cluster.catchUps}`, '');
  row('Redis delivery between instances (ms)', '', cluster.instances.map((i) => ms(i.fanoutMeanMs)).join(' / '), '');
  row('other processes %core (PG, Redis…)', single.otherCpuPercent.toFixed(0), cluster.otherCpuPercent.toFixed(0), '');
  for (const r of [single, cluster]) if (Object.keys(r.closes).length > 0) lines.push(`closes seen by clients (${r.name}): ${JSON.stringify(r.closes)}`);
  for (const r of [single, cluster]) if (Object.keys(r.logEvents).length > 0) lines.push(`server log lines (${r.name}): ${JSON.stringify(r.logEvents)}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const o = parse(process.argv.slice(2));
  const entry = new URL(import.meta.url);
  console.log(`cluster bench: ${o.rooms} rooms x ${o.clients} clients, ${o.seconds} s measured after ${o.warmup} s, ${cpus().length} CPUs, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
  const single = await spawnInstance([]);
  let first: ScenarioResult;
  try {
    first = await runLoad('sqlite', o, [single], entry);
  } finally {
    await single.stop();
  }
  console.log('  SQLite, one instance: done');
  const [pg, redis] = await Promise.all([startPostgres({ durable: o.fsync }), startRedis()]);
  let second: ScenarioResult;
  try {
    const url = await pg.createDatabase('bench');
    const a = await spawnInstance(['--database-url', url, '--redis-url', redis.url]);
    const b = await spawnInstance(['--database-url', url, '--redis-url', redis.url]);
    try {
      second = await runLoad('cluster', o, [a, b], entry);
    } finally {
      await a.stop();
      await b.stop();
    }
  } finally {
    await pg.destroy();
    await redis.destroy();
  }
  console.log('  PostgreSQL + Redis, two instances: done\n');
  console.log(report(first, second));
  const out = 'bench-results/cluster.json';
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ options: o, single: first, cluster: second }, null, 2));
  console.log(`\nresults written to ${out}`);
}

if (isMainThread) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
} else {
  runLoadWorker().catch((err: unknown) => {
    process.stderr.write(`bench worker failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
