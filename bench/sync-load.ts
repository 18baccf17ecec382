/**
 * Sync load benchmark: `npm run bench` (flags: `npm run bench -- --help`).
 *
 * WHAT IT DOES
 * Runs the same load, with the same seed, against two sync servers one after the other, over
 * real websockets on 127.0.0.1:
 *   1. kaedeboard — `node build/server.js --port 0 --data-dir <fresh tmp dir> --quiet`
 *      (rooms at ws://127.0.0.1:PORT/sync/<room>; appends every update to SQLite before
 *      broadcasting it);
 *   2. the peer — @y/websocket-server (`node node_modules/@y/websocket-server/src/server.js`,
 *      rooms at ws://127.0.0.1:PORT/<room>, in memory, no persistence).
 * The load is R rooms of C clients (default 25 x 6 = 150), each a Y.Doc with a stock
 * y-websocket WebsocketProvider, hosted in worker threads of this process (whole rooms per
 * worker). Every client "moves cards" in a loop: a drag of 0.7–1.2 x the drop interval
 * during which it sets its awareness field `drag = {id, x, y, t}` at 30 Hz, then a drop:
 * one transaction that sets `cards[id] = {x, y, t, by}` in a Y.Map, then a short pause.
 * `t` is the send time, performance.timeOrigin + performance.now().
 *
 * WHAT IT MEASURES (only updates sent in the measured window, after a warm-up)
 *   - doc p50/p95/p99/max: for each document update, the time until EACH OTHER client of the
 *     room sees it in its Y.Doc (observe with transaction origin === its provider). One sample
 *     per (update, receiver). This is the client→server→client fan-out latency, and for
 *     kaedeboard it includes the durable SQLite append the server does before broadcasting.
 *   - aw p50/p95/p99/max: the same for awareness (drag) updates, which no server persists.
 *   - doc writes/s: drops written per second; doc deliv/s: document updates delivered per
 *     second summed over all receivers; "deliv" %: deliveries seen / deliveries due
 *     (writes x (C - 1)); below 100 % means updates were lost or arrived after the drain.
 *   - srv CPU: user+system time of the server process over the window, from /proc/<pid>/stat
 *     (clock ticks, usually 100/s), in seconds and % of one core. srv peak RSS: the kernel's
 *     peak resident set (VmHWM) over the server's whole life, also polled (VmRSS, 100 ms).
 *   - bench CPU %core and bench loop p99: the load generator's own CPU and the worst event-loop
 *     delay of its client threads. If the loop delay is near the latencies, the clients — not
 *     the server — are the bottleneck, and the latencies are an upper bound (add --workers or
 *     reduce the load).
 *   - other CPU %core: what every other process on the machine used during the window
 *     (user+system of /proc/stat minus server and bench; tick-sampled, so ±5 % is noise).
 *     The bench shares the machine; above 15 % the run is flagged as noisy.
 *
 * HOW TO READ IT
 * Lower is better for latency, CPU and RSS; the "kaedeboard / peer" row divides ours by the
 * peer's (below 1.00x: ours is lower). The servers share the machine with the clients, so
 * compare the rows of one run, not figures across machines. On a small machine the default
 * load keeps the CPUs nearly busy (the stock y-websocket client also echoes every awareness
 * update it receives back to the server), so p95/p99 are mostly CPU queueing; a lighter load
 * (e.g. --rooms 8) shows the servers' own latency. Each round prints one line per server; if
 * rounds disagree, or a WARNING about other processes shows, use --rounds 3 (alternating
 * order, samples pooled) or a quiet machine. The notes under the tables list connection
 * closes seen by the clients (e.g. "1008 rate limit exceeded"), warn/error lines the server
 * logged, and for kaedeboard its /metrics: the mean SQLite append time, which is the part of
 * our latency the peer does not pay.
 * Results are also written as JSON to bench-results/sync-load.json (git-ignored).
 */
import { isMainThread } from 'node:worker_threads';
import { runLoadWorker } from './load-worker.js';
import { parseOptions, UsageError, type Options } from './options.js';
import { describeSetup, machine, renderReport, writeJson } from './report.js';
import { combine, describeRound, type Measurement, type ServerResult } from './results.js';
import { benchServer } from './runner.js';

/** Every server once per round; odd rounds in reverse order (A B, B A, …). */
async function runRounds(options: Options, workerEntry: URL): Promise<Measurement[]> {
  const measurements: Measurement[] = [];
  const progress = (line: string): void => console.log(`  ${line}`);
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? options.servers : [...options.servers].reverse();
    for (const kind of order) {
      const m = await benchServer(kind, options, workerEntry, progress);
      progress(`round ${round + 1}/${options.rounds} ${describeRound(m)}`);
      measurements.push(m);
    }
  }
  return measurements;
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(err.message + '\n');
    return 2;
  }
  const m = machine();
  console.log(describeSetup(m, options));
  // This bundle is also the worker entry: a worker thread runs runLoadWorker below.
  const measurements = await runRounds(options, new URL(import.meta.url));
  const results: ServerResult[] = options.servers.map((kind) => combine(measurements.filter((m) => m.kind === kind)));
  console.log('');
  console.log(renderReport(results));
  writeJson(options.out, m, options, results);
  console.log(`\nresults written to ${options.out}`);
  return 0;
}

if (isMainThread) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
} else {
  runLoadWorker().catch((err: unknown) => {
    process.stderr.write(`bench worker failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
