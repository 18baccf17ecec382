/** What one measured run against a server produced, and the per-server result over all rounds. */
import type { CloseCounts, WorkerResult } from './messages.js';
import type { ServerKind } from './options.js';
import { addOurMetrics, type OurServerMetrics } from './server-metrics.js';
import { summarize, type LatencySummary } from './stats.js';

/** CPU used during one measured window. */
export interface WindowUsage {
  serverCpuSeconds: number;
  /** This process: the client worker threads and the main thread. */
  clientCpuSeconds: number;
  /** Every process on the machine. */
  machineCpuSeconds: number;
  seconds: number;
}

/** One round against one freshly started server. */
export interface Measurement {
  kind: ServerKind;
  label: string;
  connectMs: number;
  workers: WorkerResult[];
  usage: WindowUsage;
  /** Nominal length of the window the samples were sent in. */
  windowSeconds: number;
  /** Kernel's peak RSS (VmHWM) and the highest polled VmRSS, bytes. */
  memory: { peakRssBytes: number; hwmBytes: number };
  serverLogEvents: Record<string, number>;
  ourMetrics: OurServerMetrics | null;
}

export interface ServerResult {
  kind: ServerKind;
  label: string;
  rounds: number;
  /** Time for all clients to connect and sync (mean over rounds). */
  connectMs: number;
  /** Fan-out latency of document updates written in the window, per receiving client (ms). */
  doc: LatencySummary | null;
  /** Fan-out latency of awareness drag updates set in the window, per receiving client (ms). */
  awareness: LatencySummary | null;
  docWritesPerSecond: number;
  docDeliveredPerSecond: number;
  /** Deliveries seen / deliveries due (writes × other clients in the room); 1 is perfect. */
  docDeliveredShare: number;
  awarenessWritesPerSecond: number;
  awarenessDeliveredPerSecond: number;
  awarenessDeliveredShare: number;
  /** Server user + system CPU during the window(s). */
  serverCpuSeconds: number;
  serverCpuPercentOfCore: number;
  /** Kernel's peak resident set size of the server (VmHWM), highest over rounds. */
  serverPeakRssBytes: number;
  /** Highest VmRSS seen by the 100 ms poll. */
  serverPolledPeakRssBytes: number;
  /** The bench process (all client threads), % of one core. */
  clientCpuPercentOfCore: number;
  /** Everything else on the machine (other processes), % of one core: noise if high. */
  otherCpuPercentOfCore: number;
  clientLoopDelayP99Ms: number;
  clientLoopDelayMaxMs: number;
  /** Closes the clients saw during the run, by "code reason". */
  clientCloses: CloseCounts;
  connectionErrors: number;
  /** Warn/error log events the server printed, by "level event". */
  serverLogEvents: Record<string, number>;
  /** Ours only: from /metrics, whole server lifetimes (includes connect and warm-up). */
  ourMetrics: OurServerMetrics | null;
}

function addCounts(parts: readonly Record<string, number>[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const p of parts) for (const [k, v] of Object.entries(p)) total[k] = (total[k] ?? 0) + v;
  return total;
}

const otherCpuSeconds = (u: WindowUsage): number => Math.max(0, u.machineCpuSeconds - u.serverCpuSeconds - u.clientCpuSeconds);

/** Pools the samples and adds the counts of every round of one server. */
export function combine(measurements: readonly Measurement[]): ServerResult {
  const first = measurements[0];
  if (!first) throw new Error('combine: no measurements');
  const workers = measurements.flatMap((m) => m.workers);
  const sumWorkers = (f: (r: WorkerResult) => number): number => workers.reduce((n, r) => n + f(r), 0);
  const sumRuns = (f: (m: Measurement) => number): number => measurements.reduce((n, m) => n + f(m), 0);
  const windowSeconds = sumRuns((m) => m.windowSeconds);
  const usageSeconds = sumRuns((m) => m.usage.seconds);
  const percentOfCore = (f: (u: WindowUsage) => number): number => (sumRuns((m) => f(m.usage)) / usageSeconds) * 100;
  const share = (seen: number, due: number): number => (due > 0 ? seen / due : 0);
  const docDelivered = sumWorkers((r) => r.docLatencies.length);
  const awarenessDelivered = sumWorkers((r) => r.awarenessLatencies.length);
  return {
    kind: first.kind,
    label: first.label,
    rounds: measurements.length,
    connectMs: sumRuns((m) => m.connectMs) / measurements.length,
    doc: summarize(workers.map((r) => r.docLatencies)),
    awareness: summarize(workers.map((r) => r.awarenessLatencies)),
    docWritesPerSecond: sumWorkers((r) => r.docWrites) / windowSeconds,
    docDeliveredPerSecond: docDelivered / windowSeconds,
    docDeliveredShare: share(docDelivered, sumWorkers((r) => r.docExpected)),
    awarenessWritesPerSecond: sumWorkers((r) => r.awarenessWrites) / windowSeconds,
    awarenessDeliveredPerSecond: awarenessDelivered / windowSeconds,
    awarenessDeliveredShare: share(awarenessDelivered, sumWorkers((r) => r.awarenessExpected)),
    serverCpuSeconds: sumRuns((m) => m.usage.serverCpuSeconds),
    serverCpuPercentOfCore: percentOfCore((u) => u.serverCpuSeconds),
    serverPeakRssBytes: Math.max(...measurements.map((m) => Math.max(m.memory.hwmBytes, m.memory.peakRssBytes))),
    serverPolledPeakRssBytes: Math.max(...measurements.map((m) => m.memory.peakRssBytes)),
    clientCpuPercentOfCore: percentOfCore((u) => u.clientCpuSeconds),
    otherCpuPercentOfCore: percentOfCore(otherCpuSeconds),
    clientLoopDelayP99Ms: Math.max(0, ...workers.map((r) => r.loopDelayP99Ms)),
    clientLoopDelayMaxMs: Math.max(0, ...workers.map((r) => r.loopDelayMaxMs)),
    clientCloses: addCounts(workers.map((r) => r.closes)),
    connectionErrors: sumWorkers((r) => r.connectionErrors),
    serverLogEvents: addCounts(measurements.map((m) => m.serverLogEvents)),
    ourMetrics: addOurMetrics(measurements.flatMap((m) => (m.ourMetrics ? [m.ourMetrics] : []))),
  };
}

/** One line per round, to see how much rounds differ (noise from other processes shows here). */
export function describeRound(m: Measurement): string {
  const doc = summarize(m.workers.map((r) => r.docLatencies));
  const awareness = summarize(m.workers.map((r) => r.awarenessLatencies));
  const f = (v: number | undefined): string => (v === undefined ? '-' : v.toFixed(1));
  const other = (otherCpuSeconds(m.usage) / m.usage.seconds) * 100;
  const server = (m.usage.serverCpuSeconds / m.usage.seconds) * 100;
  return `${m.label}: doc p50/p99 ${f(doc?.p50)}/${f(doc?.p99)} ms, awareness p50/p99 ${f(awareness?.p50)}/${f(awareness?.p99)} ms, server CPU ${server.toFixed(0)}%, other processes ${other.toFixed(0)}% of a core`;
}
