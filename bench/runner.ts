/**
 * Runs the load against one server: start it, start the client workers, warm up, measure
 * the window (server CPU from /proc, RSS polled every 100 ms), drain, collect, tear down.
 */
import { Worker } from 'node:worker_threads';
import { now } from './clock.js';
import type { FromWorker, Schedule, ToWorker, WorkerSetup } from './messages.js';
import type { Options, ServerKind } from './options.js';
import { cpuSeconds, machineProcessSeconds, RssPoller } from './proc-stats.js';
import type { Measurement, WindowUsage } from './results.js';
import { fetchOurMetrics } from './server-metrics.js';
import { startServer } from './servers.js';

const CONNECT_TIMEOUT_MS = 20_000;
const EXIT_TIMEOUT_MS = 5_000;
/** Time between telling the workers to run and the first drag, so all start together. */
const START_DELAY_MS = 200;

/** A client worker thread, with awaitable messages. */
export class ClientWorker {
  readonly #worker: Worker;
  readonly #inbox: FromWorker[] = [];
  #wake: (() => void) | null = null;
  #failure: Error | null = null;
  readonly #exited: Promise<void>;

  constructor(entry: URL, setup: WorkerSetup) {
    this.#worker = new Worker(entry, { workerData: setup });
    this.#worker.on('message', (m: FromWorker) => this.#deliver(m));
    this.#worker.on('error', (err) => this.#fail(err));
    this.#exited = new Promise((resolve) =>
      this.#worker.once('exit', (code) => {
        this.#fail(new Error(`client worker exited (code ${code})`));
        resolve();
      }),
    );
  }

  #deliver(message: FromWorker): void {
    this.#inbox.push(message);
    this.#wake?.();
  }

  #fail(err: Error): void {
    this.#failure ??= err;
    this.#wake?.();
  }

  send(message: ToWorker): void {
    this.#worker.postMessage(message);
  }

  /** The next message, which must be of `type` (an 'error' message or a dead worker throws). */
  async next<T extends FromWorker['type']>(type: T, timeoutMs: number): Promise<Extract<FromWorker, { type: T }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const message = this.#inbox.shift();
      if (message?.type === type) return message as Extract<FromWorker, { type: T }>;
      if (message?.type === 'error') throw new Error(`client worker: ${message.message}`);
      if (message) throw new Error(`client worker: expected '${type}', got '${message.type}'`);
      if (this.#failure) throw this.#failure;
      if (Date.now() >= deadline) throw new Error(`client worker: no '${type}' within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#wake = null;
    }
  }

  /** Waits for the worker to exit after tearing down its clients; terminates it if it hangs. */
  async close(): Promise<void> {
    const timer = setTimeout(() => void this.#worker.terminate(), EXIT_TIMEOUT_MS);
    await this.#exited;
    clearTimeout(timer);
  }

  terminate(): void {
    void this.#worker.terminate();
  }
}

function sleepUntil(time: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, time - now())));
}

/** Whole rooms per worker, round-robin. */
function workerSetups(options: Options, syncUrl: string): WorkerSetup[] {
  const count = Math.min(options.workers, options.rooms);
  const setups: WorkerSetup[] = [];
  for (let w = 0; w < count; w++) {
    setups.push({
      syncUrl,
      rooms: [],
      clientsPerRoom: options.clients,
      seed: options.seed,
      awarenessHz: options.awarenessHz,
      dropEveryMs: options.dropEveryMs,
      connectTimeoutMs: CONNECT_TIMEOUT_MS,
    });
  }
  for (let r = 0; r < options.rooms; r++) setups[r % count]?.rooms.push({ name: `bench-room-${r}`, index: r });
  return setups;
}

/** Reads server and bench CPU at the start and the end of the window. */
async function measureWindow(pid: number, schedule: Schedule): Promise<WindowUsage> {
  await sleepUntil(schedule.measureStart);
  const t0 = now();
  const server0 = cpuSeconds(pid);
  const client0 = process.cpuUsage();
  const machine0 = machineProcessSeconds();
  await sleepUntil(schedule.measureEnd);
  const server1 = cpuSeconds(pid);
  const client = process.cpuUsage(client0);
  const machine1 = machineProcessSeconds();
  return {
    serverCpuSeconds: server1 - server0,
    clientCpuSeconds: (client.user + client.system) / 1e6,
    machineCpuSeconds: machine1 - machine0,
    seconds: (now() - t0) / 1000,
  };
}

/** The whole run against one server; the server and every worker are stopped whatever happens. */
export async function benchServer(kind: ServerKind, options: Options, workerEntry: URL, progress: (line: string) => void): Promise<Measurement> {
  const server = await startServer(kind, options.serverEntry);
  const rss = new RssPoller(server.pid);
  const workers: ClientWorker[] = [];
  try {
    progress(`${server.label}: pid ${server.pid}, ${server.syncUrl}; connecting ${options.rooms * options.clients} clients`);
    const started = now();
    for (const setup of workerSetups(options, server.syncUrl)) workers.push(new ClientWorker(workerEntry, setup));
    await Promise.all(workers.map((w) => w.next('ready', CONNECT_TIMEOUT_MS + 5000)));
    const connectMs = now() - started;
    const loadStart = now() + START_DELAY_MS;
    const measureStart = loadStart + options.warmupSeconds * 1000;
    const schedule: Schedule = { loadStart, measureStart, measureEnd: measureStart + options.seconds * 1000 };
    progress(`${server.label}: connected in ${connectMs.toFixed(0)} ms; warm-up ${options.warmupSeconds} s, measuring ${options.seconds} s`);
    for (const w of workers) w.send({ type: 'run', schedule });
    const usage = await measureWindow(server.pid, schedule);
    await sleepUntil(schedule.measureEnd + options.drainSeconds * 1000);
    const exited = server.exitedEarly();
    if (exited) throw new Error(`${server.label} ${exited} during the run\n${server.output.tail.join('\n')}`);
    for (const w of workers) w.send({ type: 'collect' });
    const results = await Promise.all(workers.map((w) => w.next('result', 30_000)));
    const ourMetrics = kind === 'kaedeboard' ? await fetchOurMetrics(server.httpUrl) : null;
    const memory = rss.stop();
    await Promise.all(workers.map((w) => w.close()));
    return {
      kind,
      label: server.label,
      connectMs,
      workers: results.map((m) => m.result),
      usage,
      windowSeconds: options.seconds,
      memory,
      serverLogEvents: Object.fromEntries(server.output.events),
      ourMetrics,
    };
  } finally {
    rss.stop();
    for (const w of workers) w.terminate();
    await server.stop();
  }
}
